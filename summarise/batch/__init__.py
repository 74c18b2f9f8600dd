"""Batch runs: many articles, recorded as they finish, resumable after a crash or a kill.

- ``runner.run_batch(inputs, settings, options)``: read the inputs, skip what an earlier attempt of the run
  finished, summarise the rest through ``many.summarise_many`` (embedded model: in order, one at a time; remote
  endpoints: concurrently), and record each result in the run store and the JSONL output.
- ``store.RunStore``: the SQLite run store at ``<home>/runs.sqlite`` (shared safely by several processes).
- ``sinks``: the JSONL output and the progress bar.

Nothing is imported here, so importing ``summarise.batch.store`` stays cheap.
"""
