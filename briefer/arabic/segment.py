"""Sentence segmentation with offsets into the article text.

(Initial version: ends at . ؟ ! and line breaks; the analysis issue makes it quote- and
abbreviation-aware.)
"""

from __future__ import annotations

import regex

from briefer.types import Sentence

_END = regex.compile(r"(?<!\d)[.؟?!]+(?=\s|$)|\n+")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
