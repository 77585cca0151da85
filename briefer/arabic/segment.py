"""Sentence segmentation with offsets into the article text.

A sentence ends at ``.`` ``؟`` ``?`` ``!`` (with the closing quotes and brackets after them), at a
line break, and at ``؛`` when a new clause follows (not before لأن، حيث، كي... which continue it).
A period is not an end inside a number (``1154.55``), a URL or e-mail, after an abbreviation
(``د.`` ``م.`` ``ص.``, letter chains such as ``إف. بي. آي``; list in ``data/abbreviations.txt``),
or as an ellipsis mid-line (``..`` ``…``: Arabic news uses them as a pause). No sentence ends
inside an open quotation, so a quote that spans sentences stays in one; a quotation mark left
open at the end of its line is treated as a stray mark. Line breaks always end a sentence: the
scraped feeds have no other paragraph mark, and an unbalanced quote must not swallow the article.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from briefer.arabic.normalize import normalize
from briefer.types import Sentence

_END = regex.compile(r"[.!?؟]+|؛|…+|\n")
_CLOSERS = "\"'”’»)]}"
_URL = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|org|net|gov|edu|sa|eg|uk)\b\S*")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}.]+)$")
_DIGIT_BEFORE_LETTER = regex.compile(r"\d\s*\p{L}+$")
# words that continue the clause after a ؛ (a reason, a purpose, a consequence)
_CLAUSE_GOES_ON = ("لان", "لانه", "لانها", "حيث", "اذ", "كي", "لكي", "مما", "بسبب", "بحيث")
_QUOTE_TOGGLES = "\"“”"
_QUOTE_OPEN = "«"
_QUOTE_CLOSE = "»"


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    text = resources.files("briefer.arabic.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, in order, each with ``Sentence.text == text[start:end]``."""
    protected = _protected_offsets(text)
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if match.start() in protected or not _ends_sentence(text, match):
            continue
        end = _after_closers(text, match.end()) if match.group() != "\n" else match.end()
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans (from opening to closing mark, inclusive) of the balanced quotations, line by line."""
    regions: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        regions.extend((offset + start, offset + end) for start, end in _line_quotes(line))
        offset += len(line) + 1
    return regions


def _line_quotes(line: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    position = 0
    while position < len(line):
        opening = _next_opening(line, position)
        if opening < 0:
            break
        closing = _matching_close(line, opening)
        if closing < 0:  # a stray mark: skip it and look again after it
            position = opening + 1
            continue
        regions.append((opening, closing + 1))
        position = closing + 1
    return regions


def _next_opening(line: str, position: int) -> int:
    for index in range(position, len(line)):
        char = line[index]
        if char == _QUOTE_OPEN or (char in _QUOTE_TOGGLES and not _closes_only(line, index)):
            return index
    return -1


def _matching_close(line: str, opening: int) -> int:
    want_guillemet = line[opening] == _QUOTE_OPEN
    for index in range(opening + 1, len(line)):
        char = line[index]
        if want_guillemet and char == _QUOTE_CLOSE:
            return index
        if not want_guillemet and char in _QUOTE_TOGGLES and not _opens_only(line, index):
            return index
    return -1


def _opens_only(line: str, index: int) -> bool:
    """A mark after a space and before a word opens a quotation (a nested or misplaced one)."""
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return (before.isspace() or before in "([:") and not after.isspace() and after not in ".,،؛:!?؟"


def _closes_only(line: str, index: int) -> bool:
    """A mark after a word and before a space or punctuation closes one."""
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return not before.isspace() and before not in "([:ـ" and (after.isspace() or after in ".,،؛:!?؟)")


def _protected_offsets(text: str) -> set[int]:
    """Offsets where no sentence may end: inside quotations (but not their last char) and URLs."""
    protected: set[int] = set()
    for start, end in quote_regions(text):
        closing = end - 1
        inner_end = closing
        while inner_end > start and text[inner_end - 1] in ".!?؟…":
            inner_end -= 1  # a mark just before the closing quote may end the sentence after it
        protected.update(range(start, inner_end))
    for match in _URL.finditer(text):
        url_end = match.end()
        while url_end > match.start() and text[url_end - 1] in ".,)":
            url_end -= 1  # the period after a URL may end the sentence
        protected.update(range(match.start(), url_end))
    return protected


def _ends_sentence(text: str, match: regex.Match) -> bool:
    mark = match.group()
    if mark == "\n":
        return True
    after = _after_closers(text, match.end())
    at_line_end = after >= len(text) or text[after] == "\n" or not text[after:].split("\n", 1)[0].strip()
    if mark == "؛":
        return at_line_end or not _next_word(text, after).startswith(_CLAUSE_GOES_ON)
    if mark.startswith("…") or mark.startswith(".."):
        return at_line_end
    if mark == ".":
        return _period_ends(text, match.start(), after, at_line_end)
    return True


def _period_ends(text: str, position: int, after: int, at_line_end: bool) -> bool:
    before = text[position - 1] if position else " "
    following = text[after] if after < len(text) else " "
    if before.isdecimal() and following.isdecimal():
        return False  # a decimal point
    if not at_line_end and not following.isspace() and not _is_arabic_letter(following):
        return False  # glued to a Latin letter, digit or symbol: a domain, a code, a version
    if at_line_end:
        return True
    return not _is_abbreviation(text, position)


def _is_abbreviation(text: str, position: int) -> bool:
    found = _WORD_BEFORE.search(text[max(0, position - 20) : position])
    if not found:
        return False
    word = normalize(found.group(1)).lower().strip(".")
    if not word:
        return False
    if _DIGIT_BEFORE_LETTER.search(text[max(0, position - 12) : position]) and len(word) <= 2:
        return False  # "عام 2017 م." "1432 هـ.": a year marker, the sentence may end here
    if word in _abbreviations():
        return True
    # a chain of short letter groups: "إف. بي. آي", "U.S."
    if len(word) > 2:
        return False
    start = position - len(found.group(1))
    before_chain = regex.search(r"(?:^|\s)[\p{L}\p{M}]{1,3}\.\s*$", text[max(0, start - 8) : start])
    return _short_with_period(text, position + 1) or bool(before_chain)


def _short_with_period(text: str, position: int) -> bool:
    found = regex.match(r"\s*([\p{L}\p{M}]{1,3})\.", text[position : position + 8])
    return bool(found)


def _next_word(text: str, position: int) -> str:
    found = regex.match(r"\s*([\p{L}\p{M}]+)", text[position : position + 40])
    return normalize(found.group(1)) if found else ""


def _after_closers(text: str, position: int) -> int:
    while position < len(text) and text[position] in _CLOSERS:
        position += 1
    return position


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
