"""Sentence segmentation with offsets into the article text.

A sentence ends at ``.`` ``؟`` ``?`` ``!`` (with the closing quotes and brackets after them), at a
line break, and at ``؛`` when a new clause follows (not before لأن، حيث، كي... which continue it).
A period is not an end inside a number (``1154.55``), a URL or e-mail, after an abbreviation
(``د.`` ``م.`` ``ص.``, letter chains such as ``إف. بي. آي``; list in ``data/abbreviations.txt``),
or as an ellipsis mid-line (``..`` ``…``: Arabic news uses them as a pause). No sentence ends
inside an open quotation, so a quote that spans sentences stays in one; a quotation mark left
open at the end of its line is treated as a stray mark. Line breaks end a sentence: the scraped
feeds have no other paragraph mark, and an unbalanced quote must not swallow the article. The one
exception is a text wrapped at a fixed width (copies of e-mails, PDFs, some corpora such as EASC):
when most of its lines stop mid-sentence, a line break inside a paragraph is a space.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from importlib import resources

import regex

from briefer.arabic.normalize import normalize
from briefer.types import Sentence

_END = regex.compile(r"[.!?؟]+|؛|…+|\n")
_LINE_BREAK = regex.compile(r"\n")
#: a text is read as wrapped at a fixed width when it has this many lines, at least this share of
#: its lines inside paragraphs stop without a closing mark, and those are this long (median)
WRAPPED_MIN_LINES = 4
WRAPPED_SHARE = 0.5
WRAPPED_MIN_WIDTH = 40
_LINE_END_MARKS = tuple(".!?؟:؛…»\"”)'")
_CLOSERS = "\"'”’»)]}"
# An e-mail is tried only where a run of its characters begins (or where the last match ended,
# \G): trying it inside a long run (a 10,000-digit number) would rescan the run at every position.
_URL = regex.compile(
    r"(?:https?://|www\.)\S+|(?:(?<![\w.+-])|\G)[\w.+-]+@[\w-]+\.[\w.]+"
    r"|\b[\w-]+\.(?:com|org|net|gov|edu|sa|eg|uk)\b\S*"
)
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}.]+)$")
_DIGIT_BEFORE_LETTER = regex.compile(r"\d\s*\p{L}+$")
_CHAIN_BEFORE = regex.compile(r"(?:^|\s)[\p{L}\p{M}]{1,3}\.\s*$")
_SHORT_WITH_PERIOD = regex.compile(r"\s*([\p{L}\p{M}]{1,3})\.")
_NEXT_WORD = regex.compile(r"\s*([\p{L}\p{M}]+)")
# what a URL or e-mail cannot do without: a text with none of these has none to protect
_URL_SIGNS = ("http://", "https://", "www.", "@", ".com", ".org", ".net", ".gov", ".edu", ".sa", ".eg", ".uk")
# words that continue the clause after a ؛ (a reason, a purpose, a consequence)
_CLAUSE_GOES_ON = ("لان", "لانه", "لانها", "حيث", "اذ", "كي", "لكي", "مما", "بسبب", "بحيث")
_QUOTE_TOGGLES = "\"“”"
_QUOTE_OPEN = "«"
_QUOTE_CLOSE = "»"
_QUOTE_MARK = regex.compile("[\"“”«»]")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    text = resources.files("briefer.arabic.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, in order, each with ``Sentence.text == text[start:end]``."""
    protected = _protected_offsets(text)
    wrapped = wrapped_line_breaks(text)
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if match.start() in protected or match.start() in wrapped or not _ends_sentence(text, match):
            continue
        end = _after_closers(text, match.end()) if match.group() != "\n" else match.end()
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def wrapped_line_breaks(text: str) -> set[int]:
    """Offsets of the line breaks that wrap a sentence, in a text wrapped at a fixed width: most
    lines followed by another line of the same paragraph stop without a closing mark and are
    long (a list of headings is short lines). Empty for a text written a paragraph a line."""
    if text.count("\n") < WRAPPED_MIN_LINES:
        return set()
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    starts = [0, *(b + 1 for b in breaks)]
    open_breaks, widths, inside = [], [], 0
    for line_start, line_end in zip(starts, breaks):
        line = text[line_start:line_end].rstrip()
        if not line or text[line_end + 1 : line_end + 2] in ("", "\n"):
            continue  # an empty line, or the last line of a paragraph
        inside += 1
        if not line.endswith(_LINE_END_MARKS):
            open_breaks.append(line_end)
            widths.append(len(line))
    if not widths or len(open_breaks) < WRAPPED_SHARE * inside or sorted(widths)[len(widths) // 2] < WRAPPED_MIN_WIDTH:
        return set()
    return set(open_breaks)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans (from opening to closing mark, inclusive) of the balanced quotations, line by line."""
    regions: list[tuple[int, int]] = []
    line_end = -1
    for mark in _QUOTE_MARK.finditer(text):  # only the lines with a mark can hold a quotation
        if mark.start() < line_end:
            continue  # on a line already read
        line_start = text.rfind("\n", 0, mark.start()) + 1
        line_end = text.find("\n", mark.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        regions.extend((line_start + start, line_start + end) for start, end in _line_quotes(line))
    return regions


def _line_quotes(line: str) -> list[tuple[int, int]]:
    """An opening mark pairs with the next mark that can close it; a mark left without one is stray.

    The marks are classed once per line (which can open, which can close a « or a "), so each
    pairing is a bisection: a line full of stray marks stays linear.
    """
    marks = [match.start() for match in _QUOTE_MARK.finditer(line)]
    if not marks:
        return []
    openers = [
        i for i in marks if line[i] == _QUOTE_OPEN or (line[i] in _QUOTE_TOGGLES and not _closes_only(line, i))
    ]
    guillemet_closers = [i for i in marks if line[i] == _QUOTE_CLOSE]
    toggle_closers = [i for i in marks if line[i] in _QUOTE_TOGGLES and not _opens_only(line, i)]
    regions: list[tuple[int, int]] = []
    position = 0
    while True:
        next_opener = bisect.bisect_left(openers, position)
        if next_opener == len(openers):
            break
        opening = openers[next_opener]
        closers = guillemet_closers if line[opening] == _QUOTE_OPEN else toggle_closers
        next_closer = bisect.bisect_right(closers, opening)
        if next_closer == len(closers):  # a stray mark: skip it and look again after it
            position = opening + 1
            continue
        closing = closers[next_closer]
        regions.append((opening, closing + 1))
        position = closing + 1
    return regions


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


class SpanSet:
    """A set of offsets kept as sorted, merged spans: a quote of 100,000 characters is one span."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(span for span in spans if span[0] < span[1]):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        position = bisect.bisect_right(self.starts, offset) - 1
        return position >= 0 and offset < self.ends[position]


def _protected_offsets(text: str) -> SpanSet:
    """Offsets where no sentence may end: inside quotations (but not their last char) and URLs."""
    protected: list[tuple[int, int]] = []
    for start, end in quote_regions(text):
        closing = end - 1
        inner_end = closing
        while inner_end > start and text[inner_end - 1] in ".!?؟…":
            inner_end -= 1  # a mark just before the closing quote may end the sentence after it
        protected.append((start, inner_end))
    urls = _URL.finditer(text) if any(sign in text for sign in _URL_SIGNS) else ()
    for match in urls:
        url_end = match.end()
        while url_end > match.start() and text[url_end - 1] in ".,)":
            url_end -= 1  # the period after a URL may end the sentence
        protected.append((match.start(), url_end))
    return SpanSet(protected)


def _ends_sentence(text: str, match: regex.Match) -> bool:
    mark = match.group()
    if mark == "\n":
        return True
    after = _after_closers(text, match.end())
    at_line_end = _rest_of_line_blank(text, after)
    if mark == "؛":
        return at_line_end or not _next_word(text, after).startswith(_CLAUSE_GOES_ON)
    if mark.startswith("…") or mark.startswith(".."):
        return at_line_end
    if mark == ".":
        return _period_ends(text, match.start(), after, at_line_end)
    return True


def _rest_of_line_blank(text: str, position: int) -> bool:
    """Only spaces from ``position`` to the line end (read up to the first other character, not
    to the line end: a 200,000-character line is read once, not once per period)."""
    while position < len(text) and text[position] != "\n" and text[position].isspace():
        position += 1
    return position >= len(text) or text[position] == "\n"


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
    before_chain = _CHAIN_BEFORE.search(text[max(0, start - 8) : start])
    return _short_with_period(text, position + 1) or bool(before_chain)


def _short_with_period(text: str, position: int) -> bool:
    found = _SHORT_WITH_PERIOD.match(text[position : position + 8])
    return bool(found)


def _next_word(text: str, position: int) -> str:
    found = _NEXT_WORD.match(text[position : position + 40])
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
