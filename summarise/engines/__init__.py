"""Engines: where a batch runs when one process is not enough.

- ``ray_data``: the library side of the Ray Data engine. ``read_articles(inputs)`` reads text files,
  directories, JSONL and Parquet into a ``ray.data.Dataset``; ``summarise_dataset(ds, settings)`` maps it
  through a pool of actors (one backend each: the embedded model loaded once per actor, or an endpoint client
  with bounded concurrency) into one record per input, the same records the local batch writes.
- ``ray_run``: ``summarise run --engine ray``: joins or starts a cluster, skips inputs an earlier run with the
  same output finished, and records each result on the driver (run store, then JSONL or Parquet).

Needs the optional extra ``summarise[ray]``; nothing outside this package imports Ray.
"""
