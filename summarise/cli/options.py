"""Options grouped into named objects for typer commands: a group is a frozen dataclass whose fields carry
typer's own ``Annotated[..., typer.Option(...)]`` declarations; ``grouped`` hands a command one object per group.

typer builds a command's options from ``inspect.signature`` of the function it is given; ``grouped`` gives it a
function whose signature lists every group's fields (in the order the command names them), and calls the
command with the groups filled in. No private typer API is involved: only ``__signature__`` and
``__annotations__``, which typer reads through ``inspect`` and ``typing``.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def _fields(group: type[Any]) -> list[inspect.Parameter]:
    hints = typing.get_type_hints(group, include_extras=True)
    return [
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
        for f in dataclasses.fields(group)
    ]


def grouped(command: Callable[..., R]) -> Callable[..., R]:
    """A typer command whose parameters annotated with an option-group dataclass are filled from flags."""
    hints = typing.get_type_hints(command, include_extras=True)
    spec = inspect.signature(command)
    groups = {name: hints[name] for name in spec.parameters if dataclasses.is_dataclass(hints[name])}
    params: list[inspect.Parameter] = []
    for name, param in spec.parameters.items():
        if name in groups:
            params.extend(_fields(groups[name]))
        else:
            params.append(param.replace(annotation=hints[name], kind=inspect.Parameter.KEYWORD_ONLY))
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise TypeError(f"{command.__name__}: option groups share a field name")

    @functools.wraps(command)
    def call(**given: Any) -> R:
        kwargs = {name: given.pop(name) for name in list(spec.parameters) if name not in groups}
        for name, group in groups.items():
            kwargs[name] = group(**{f.name: given.pop(f.name) for f in dataclasses.fields(group)})
        return command(**kwargs)

    call.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    call.__annotations__ = {p.name: p.annotation for p in params}  # resolved, for typing.get_type_hints
    del call.__wrapped__  # typer must see the flat signature, not the command's
    return call
