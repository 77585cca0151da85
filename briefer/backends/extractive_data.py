"""The extractive engine's word lists and patterns, read once from briefer/backends/data/."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import regex

from briefer.arabic.normalize import light_stem, normalize

#: the article prefixes light_stem strips (briefer.arabic.normalize), and a bare و
STEM_PREFIXES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")

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


def has_boilerplate_cue(folded: str) -> bool:
    """Whether folded text holds a word that some "anywhere" boilerplate pattern needs: a few
    substring tests that spare most sentences the patterns themselves (always True when the
    cues could not be derived)."""
    cues = boilerplate_cues()
    if cues is None:
        return True
    if any(cue in folded for cue in cues):
        return True
    # cues are lower case and some patterns ignore case ("Next Previous"): a second look,
    # only for text with capitals
    return _CAPITAL.search(folded) is not None and any(cue in folded.lower() for cue in cues)


@cache
def boilerplate_cues() -> tuple[str, ...] | None:
    """Words one of which a sentence must hold (folded, lower case) for any pattern of
    boilerplate_anywhere() to match it; None when some pattern has no such word.

    Derived from the patterns themselves, so a pattern added to the data file cannot be
    skipped by a stale cue list: a pattern whose required words cannot be read off safely
    turns the shortcut off."""
    cues: set[str] = set()
    for pattern in _lines("boilerplate.txt"):
        if pattern.startswith("^"):
            continue
        required = required_words(pattern)
        if required is None:
            return None
        cues |= required
    # a cue holding another is implied by it: fewer substring tests per sentence
    return tuple(sorted(cue for cue in cues if not any(other != cue and other in cue for other in cues)))


@cache
def term_cues() -> tuple[str, ...] | None:
    """boilerplate_cues() as they survive in sentence terms (scoring.sentence_terms: folded,
    light-stemmed, stop words out), or None when that cannot be guaranteed.

    A cue inside a word survives the stemming unless it overlaps the stripped prefix; a cue
    that begins like the end of a prefix ("للاشتراك": لل) is trimmed of that beginning. A stop
    word holding a cue would drop it from the terms: then there is no shortcut."""
    cues = boilerplate_cues()
    if cues is None:
        return None
    prefix_ends = sorted({prefix[i:] for prefix in (*STEM_PREFIXES, "و") for i in range(len(prefix))},
                         key=len, reverse=True)
    trimmed = set()
    for cue in cues:
        end = next((e for e in prefix_ends if cue.startswith(e)), "")
        if len(cue) - len(end) < 2:
            return None
        trimmed.add(cue[len(end):])
    if any(cue in word for word in stopwords() for cue in trimmed):
        return None
    return tuple(sorted(trimmed))


def terms_have_boilerplate_cue(terms: Sequence[str]) -> bool:
    """has_boilerplate_cue() read off a sentence's terms, without folding its text again: a cue
    holds no space (term_cues), so it is in the terms when it is in them joined by spaces. One
    search per sentence and no memory of terms: the first pass over new articles costs no more
    than the next ones."""
    cues = term_cue_pattern()
    return cues is None or cues.search(" ".join(terms)) is not None


@cache
def term_cue_pattern() -> re.Pattern | None:
    """term_cues() as one pattern for the standard library's engine, which skips in C every
    character that cannot begin a match. Each cue begins at its rarest letter (those before it
    checked behind, "غ(?<=اضغ)ط"), grouped by that letter: most letters of a text then begin no
    attempt (a third faster than a plain alternation, measured)."""
    cues = term_cues()
    if cues is None:
        return None
    anchored = sorted(_at_rarest_letter(cue) for cue in cues)
    return re.compile("|".join(re.escape(letter) + "(?:" + "|".join(rest for _, rest in group) + ")"
                               for letter, group in groupby(anchored, key=itemgetter(0))))


def _at_rarest_letter(cue: str) -> tuple[str, str]:
    """(rarest letter, the pattern that follows it) for one cue."""
    commonness = _letter_commonness()
    at = min(range(len(cue)), key=lambda i: commonness.get(cue[i], -1))
    behind = f"(?<={re.escape(cue[: at + 1])})" if at else ""
    return cue[at], behind + re.escape(cue[at + 1 :])


@cache
def _letter_commonness() -> dict[str, int]:
    """Letter -> how common it is (higher: more common), from data/letter_frequency.txt."""
    letters = " ".join(_lines("letter_frequency.txt")).split()
    return {letter: len(letters) - rank for rank, letter in enumerate(letters)}


_CAPITAL = regex.compile(r"\p{Lu}")
_ESCAPE = regex.compile(r"\\.")
_CHAR_CLASS = regex.compile(r"\[[^\]]*\]")
_GROUP_OPENING = r"\((?:\?[a-zA-Z]*:)?"
_FIRST_GROUP = regex.compile(_GROUP_OPENING + r"((?:[^()]|\([^()]*\))*)\)(?![?*{])")
_INNER_GROUP = regex.compile(_GROUP_OPENING + r"[^()]*\)")
_LETTER_RUN = regex.compile(r"\p{L}{2,}(?![?*{])")


def required_words(pattern: str) -> frozenset[str] | None:
    """Letter runs one of which every match of `pattern` contains, or None if unsure.

    Read off the pattern's first element: a literal word, or a group each of whose
    alternatives has a literal word. Backslash escapes, classes, nested groups and quantified
    letters are blanked first, so only letters that must appear as written are kept."""
    text = _CHAR_CLASS.sub(" ", _ESCAPE.sub(" ", pattern))
    group = _FIRST_GROUP.match(text)
    if group is None:
        word = _LETTER_RUN.match(text)
        return frozenset({word.group().lower()}) if word else None
    words = set()
    for alternative in _top_level_alternatives(group.group(1)):
        runs = _LETTER_RUN.findall(_INNER_GROUP.sub(" ", alternative))
        if not runs:
            return None
        words.add(max(runs, key=len).lower())
    return frozenset(words)


def _top_level_alternatives(group: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in group:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current)]


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
