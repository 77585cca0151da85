"""The extractive engine's word lists and patterns, read once from briefer/backends/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

from briefer.arabic.normalize import light_stem, normalize

DATA_DIR = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def boilerplate_at_start() -> regex.Pattern:
    """Boilerplate patterns anchored at the start (^), joined for one match() per sentence."""
    return _alternation([p[1:] for p in _lines("boilerplate.txt") if p.startswith("^")])


@cache
def boilerplate_anywhere() -> tuple[regex.Pattern, ...]:
    """The other patterns, kept apart: each one alone runs on a fast literal scan, which one
    big alternation defeats (three times slower, measured)."""
    return tuple(regex.compile(p) for p in _lines("boilerplate.txt") if not p.startswith("^"))


def is_boilerplate(folded: str) -> bool:
    """Whether folded sentence text is a "read also" line, a call to the reader or debris."""
    if boilerplate_at_start().match(folded):
        return True
    return any(pattern.search(folded) for pattern in boilerplate_anywhere())


@cache
def dangling_opener() -> regex.Pattern:
    """Anchored patterns (every line starts with ^), used with match()."""
    return _alternation([p[1:] if p.startswith("^") else p for p in _lines("dangling_openers.txt")])


@cache
def connectives() -> tuple[str, ...]:
    """Folded connectives, longest first so "وفي سياق متصل" wins over "وفي"."""
    folded = {normalize(line) for line in _lines("connectives.txt")}
    return tuple(sorted(folded, key=len, reverse=True))


@cache
def leading_connective() -> regex.Pattern:
    """Any connective at the start of folded text, the longest that fits."""
    return regex.compile("|".join(regex.escape(c) for c in connectives()))


@cache
def sentence_openers() -> frozenset[str]:
    return frozenset(normalize(line) for line in _lines("sentence_openers.txt"))


@cache
def stopwords() -> frozenset[str]:
    """Folded and light-stemmed, to compare with sentence terms."""
    return frozenset(light_stem(word) for line in _lines("stopwords.txt") for word in normalize(line).split())


def _alternation(patterns: list[str]) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns))
