"""Quotes and their speakers. (Initial version: quotation marks only, no attribution.)"""

from __future__ import annotations

import regex

from briefer.types import Entity, Quote, Sentence

_QUOTED = regex.compile(r"“([^”]+)”|«([^»]+)»|\"([^\"]+)\"")


def find_quotes(text: str, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    quotes = []
    for match in _QUOTED.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        quotes.append(Quote(match.group(group), match.start(group), match.end(group)))
    return tuple(quotes)
