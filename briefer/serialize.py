"""Dataclasses of briefer.types to plain JSON-able dicts and back.

Used by the cache (JSON, not pickle: a cache file is data, never code) and by any stage that must
cross a process boundary as text. Driven by the type hints, so a new field needs no code here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """Dataclass -> dict (recursively); tuples -> lists; mappings -> dicts."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_data(item) for item in obj]
    if isinstance(obj, Mapping):
        return {str(key): to_data(value) for key, value in obj.items()}
    return obj


def from_data(cls: type[T], data: Any) -> T:
    """Inverse of to_data for the dataclasses in briefer.types."""
    return _build(cls, data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _build(hints[k], v) for k, v in data.items() if k in known})
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _build(next(a for a in args if a is not type(None)), data) if data is not None else None
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in data)
        return tuple(_build(a, item) for a, item in zip(args, data))
    if origin in (list,):
        return [_build(args[0], item) for item in data]
    if origin in (dict, Mapping, typing.Mapping) or hint in (dict, Mapping):
        return dict(data)
    return data
