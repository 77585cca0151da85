"""A per-word memo that hot loops can map over in C."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class WordMemo(dict, Generic[V]):
    """``memo[word]`` is ``compute(word)``, worked out on the first lookup and kept.

    Unlike an ``lru_cache``d function, a known word costs one plain dictionary lookup, and
    ``map(memo.__getitem__, words)`` runs without a Python frame per word: the finders look up
    every token of every article. Cleared once it holds ``max_size`` words, so memory stays bounded.
    """

    def __init__(self, compute: Callable[[str], V], max_size: int = 200_000):
        super().__init__()
        self.compute = compute
        self.max_size = max_size

    def __missing__(self, word: str) -> V:
        if len(self) >= self.max_size:
            self.clear()
        value = self[word] = self.compute(word)
        return value
