"""The guard's word lists (briefer/data/verify_lexicon.json), folded once."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from briefer.verify.forms import _fold

_LEXICON_FILE = "verify_lexicon.json"


class _Lexicon(NamedTuple):
    scale_words: dict[str, float]
    percent_words: tuple[str, ...]
    currencies: dict[str, str]
    titles: frozenset[str]
    particles: frozenset[str]
    stop_words: frozenset[str]
    first_names: frozenset[str]
    quote_marks: tuple[tuple[str, str], ...]
    ellipses: tuple[str, ...]
    small_numbers: dict[float, tuple[str, ...]]
    duals: dict[str, tuple[str, ...]]  # English noun after "two" -> the Arabic duals that say it


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("briefer.data").joinpath(_LEXICON_FILE).read_text(encoding="utf-8"))

    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_fold(w) for w in words)

    return _Lexicon(
        scale_words={_fold(k): float(v) for k, v in data["scale_words"].items()},
        percent_words=tuple(_fold(w) for w in data["percent_words"]),
        currencies={_fold(k): v for k, v in data["currencies"].items()},
        titles=folded(data["titles"]),
        particles=folded(data["name_particles"]),
        stop_words=folded(data["not_name_words"]),
        first_names=folded(data["first_names"]),
        quote_marks=tuple((o, c) for o, c in data["quote_marks"]),
        ellipses=tuple(data["ellipses"]),
        small_numbers={float(k): tuple(_fold(w) for w in v) for k, v in data["small_numbers"].items()},
        duals={k: tuple(_fold(w) for w in v) for k, v in data["duals"].items() if not k.startswith("_")},
    )
