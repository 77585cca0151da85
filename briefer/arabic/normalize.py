"""Normalisation for matching only: the display text is never changed.

Arabic news writes the same word many ways: with or without diacritics and tatweel, أ/إ/آ/ا,
ى/ي, ة/ه, Arabic-Indic, Persian or ASCII digits, «» or “” or "". Matching (the extractive engine,
the verifier, clustering, ROUGE) compares the folded form that :func:`normalize` returns.

Every step is a small pure function over a character map kept in ``data/chars_drop.tsv`` and
``data/chars_map.tsv`` (camel_tools style), so a mapping is changed by editing data, not code.
:func:`normalize_with_map` also returns, for each output character, the offset of the raw
character it came from, so a span found in the folded text can be mapped back to the article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import regex

_DATA = "briefer.arabic.data"

#: the groups of chars_map.tsv applied by normalize(), in order
MAP_GROUPS = ("alef", "hamza", "alef_maqsura", "teh_marbuta", "letters", "digits", "punctuation")
DROP_GROUPS = ("diacritics", "tatweel", "invisible")

# Presentation forms (ligatures such as ﻻ) are unfolded with NFKC before the maps apply.
_PRESENTATION = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
# classes of explicit code points are scanned with re: it tests them against a bitmap, about ten
# times faster than regex does (which the classes of Unicode properties elsewhere need)
_PRESENTATION_FORM = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")

# a clitic glued to a number ("و2.5", "بـ27") is not a word of its own
_TOKEN = regex.compile(r"(?:[وفبلك](?=\p{N}))?(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}]+)")
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _drop_table(group: str) -> dict[int, None]:
    table: dict[int, None] = {}
    for row in _data_lines("chars_drop.tsv"):
        if row[0] == group:
            for code in range(int(row[1], 16), int(row[2], 16) + 1):
                table[code] = None
    return table


@cache
def _map_table(group: str) -> dict[int, str]:
    return {int(row[1], 16): chr(int(row[2], 16)) for row in _data_lines("chars_map.tsv") if row[0] == group}


# ------------------------------------------------------------------ small pure functions


def strip_diacritics(text: str) -> str:
    """Drop harakat, shadda, sukun, superscript alef and Quranic marks."""
    return text.translate(_drop_table("diacritics"))


def strip_tatweel(text: str) -> str:
    return text.translate(_drop_table("tatweel"))


def strip_invisible(text: str) -> str:
    """Drop zero-width joiners and bidi control marks (they split words for matching)."""
    return text.translate(_drop_table("invisible"))


def unify_alef(text: str) -> str:
    """أ إ آ ٱ -> ا"""
    return text.translate(_map_table("alef"))


def unify_hamza(text: str) -> str:
    """ؤ -> و, ئ -> ي (hamza seats); a lone ء is kept."""
    return text.translate(_map_table("hamza"))


def unify_alef_maqsura(text: str) -> str:
    """ى -> ي"""
    return text.translate(_map_table("alef_maqsura"))


def unify_teh_marbuta(text: str) -> str:
    """ة -> ه"""
    return text.translate(_map_table("teh_marbuta"))


def unify_digits(text: str) -> str:
    """Arabic-Indic and Persian digits -> ASCII; ٫ -> '.', ٬ -> ','."""
    return text.translate(_map_table("digits"))


def unify_punctuation(text: str) -> str:
    """، ؛ ؟ ٪ and the quotation mark and dash variants -> one form each."""
    return text.translate(_map_table("punctuation"))


# ------------------------------------------------------------------ the matching form


@cache
def _char_table() -> dict[int, str]:
    """One table giving each changed character its folded form ('' when dropped)."""
    table: dict[int, str] = {}
    for group in DROP_GROUPS:
        table.update({code: "" for code in _drop_table(group)})
    for group in MAP_GROUPS:
        table.update(_map_table(group))
    for first, last in _PRESENTATION:
        for code in range(first, last + 1):
            unfolded = unicodedata.normalize("NFKC", chr(code))
            if unfolded != chr(code):
                table[code] = "".join(table.get(ord(ch), ch) for ch in unfolded)
    return table


@cache
def _char_list() -> list[int | str]:
    """:func:`_char_table` as a list indexed by code point, unchanged characters mapping to
    themselves. str.translate raises and clears a KeyError inside for every character a dict
    lacks; a list that holds every code point up to the last folded one answers without it."""
    table = _char_table()
    folded: list[int | str] = list(range(max(table) + 1))
    for code, form in table.items():
        folded[code] = form
    return folded


def normalize(text: str) -> str:
    """Text folded for comparison: diacritics/tatweel dropped, letter, digit and punctuation forms unified."""
    return text.translate(_char_list())


@cache
def _resizing_chars() -> re.Pattern:
    """The characters whose folded form is not one character (dropped marks, unfolded ligatures)."""
    codes = sorted(code for code, folded in _char_table().items() if len(folded) != 1)
    ranges: list[list[int]] = []
    for code in codes:  # as ranges: a class of hundreds of single characters is slow to scan
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = (f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)
    return re.compile("[" + "".join(parts) + "]")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset of the raw character it came from."""
    table = _char_table()
    folded = text.translate(_char_list())
    if len(folded) == len(text) and not _PRESENTATION_FORM.search(text):
        return folded, list(range(len(text)))  # nothing dropped, nothing unfolded: the identity
    # Most characters fold to exactly one character, so the map is the identity between the few
    # that are dropped or unfolded: build it in runs (C speed) rather than character by character.
    offsets: list[int] = []
    position = 0
    for match in _resizing_chars().finditer(text):
        index = match.start()
        offsets.extend(range(position, index))
        offsets.extend([index] * len(table[ord(text[index])]))
        position = index + 1
    offsets.extend(range(position, len(text)))
    return folded, offsets


def raw_span(offsets: list[int], start: int, end: int, raw_length: int) -> tuple[int, int]:
    """Map a half-open span of the folded text back to the raw text (end -> after its last char)."""
    if start >= end:
        position = offsets[start] if start < len(offsets) else raw_length
        return position, position
    return offsets[start], offsets[end - 1] + 1


# ------------------------------------------------------------------ tokens for matching


def tokens(text: str) -> list[str]:
    """Folded word tokens, digits kept ("3,500" -> "3500", "2.5" stays one token), Latin lower-cased."""
    folded = _THOUSANDS.sub("", normalize(text))
    return [(number or word).lower() for number, word in _TOKEN.findall(folded)]


_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")


def light_stem(token: str) -> str:
    """Strip the clitics و ف ب ل ك and the article ال from a folded token.

    An article (with any of و ف ب ك before it, or the ل+ال contraction لل) is stripped when two
    letters remain; a bare و when three remain. ف ب ل ك without an article are kept: they begin
    too many words (فرنسا، بيروت، لبنان، كتاب). No suffix is stripped: none is safe without a
    lexicon (ـه is a pronoun or a folded ة, ـات a plural or part of the stem).
    """
    for prefix in _ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            return token[len(prefix) :]
    if token.startswith("و") and len(token) >= 4:
        return token[1:]
    return token
