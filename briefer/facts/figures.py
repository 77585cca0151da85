"""Figures: numbers with their units. (Initial version: digit runs only.)"""

from __future__ import annotations

import regex

from briefer.types import Figure, Sentence

_NUMBER = regex.compile(r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*\s*(?:%|٪)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")


def find_figures(text: str, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    figures = []
    for match in _NUMBER.finditer(text):
        raw = match.group().rstrip()
        digits = raw.translate(_DIGITS).replace(",", "").rstrip("%٪").strip()
        try:
            value = float(digits)
        except ValueError:
            value = None
        kind = "percent" if raw.endswith(("%", "٪")) else "number"
        start = match.start()
        figures.append(Figure(raw, start, start + len(raw), value, "%" if kind == "percent" else "", kind,
                              sentence=_sentence_of(start, sentences)))
    return tuple(figures)


def _sentence_of(offset: int, sentences: tuple[Sentence, ...]) -> int:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return -1
