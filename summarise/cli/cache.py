"""``summarise cache stats`` and ``summarise cache clear``: the summary cache in ``<home>/cache.sqlite``."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from .common import HomeOpt, settings_from

app = typer.Typer(help="The summary cache: what it holds, and emptying it.", no_args_is_help=True, add_completion=False)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


@app.command()
def stats(home: HomeOpt = None) -> None:
    """Entries, hits and size of the cache, by backend and model."""
    from ..cache import CACHE_FILE, Cache

    settings = settings_from(home=home)
    path = settings.home / CACHE_FILE
    console = Console()
    if not path.exists():
        console.print(f"no cache yet at {path}", markup=False, highlight=False, soft_wrap=True)
        return
    st = Cache(path).stats()
    console.print(
        f"{st.path}: {st.entries} entries, {st.hits} hits, {_size(st.bytes)}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if st.by_model:
        table = Table("backend", "model", "entries", "hits")
        for backend, model, entries, hits in st.by_model:
            table.add_row(backend, model, str(entries), str(hits))
        console.print(table)


@app.command()
def clear(home: HomeOpt = None) -> None:
    """Forget every cached summary (an unreadable cache file is removed)."""
    from ..cache import CACHE_FILE, Cache
    from ..errors import StateUnreadable

    settings = settings_from(home=home)
    path = settings.home / CACHE_FILE
    if not path.exists():
        typer.echo(f"no cache at {path}")
        return
    try:
        count = Cache(path).clear()
    except StateUnreadable:  # damaged: start afresh (a busy cache is reported, never removed)
        for part in path.parent.glob(path.name + "*"):
            part.unlink()
        typer.echo(f"removed unreadable cache {path}")
        return
    typer.echo(f"cleared {count} cached summaries from {path}")
