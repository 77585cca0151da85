"""Masking for a translation model: figures, quotes and names replaced by placeholders the model
passes through (mask), then put back in English with the source's own digits, translated quotes
marked as such, and one rendering per name (restore: None when the model lost or doubled one)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from briefer.translate.figures import Span, _figure_spans_in
from briefer.translate.names import _name_spans_in, quote_spans
from briefer.translate.words import _tokens
from briefer.types import Analysis

TRANSLATED_QUOTE_MARK = "(translated)"


PLACEHOLDER = regex.compile(r"\b(FIG|QUOTE|NAME)\s?(\d+)\b", regex.IGNORECASE)


@dataclass(frozen=True)
class Slot:
    token: str  # FIG1, QUOTE2, NAME3
    kind: str
    source: str  # the Arabic it replaced
    english: str = ""  # fixed rendering ("" for a quote, or a name left to the model)
    inner: Masked | None = None  # a quote's own text, masked in turn


@dataclass(frozen=True)
class Masked:
    text: str
    slots: tuple[Slot, ...]

    def requests(self) -> list[str]:
        """Every text the model must translate to restore this one."""
        out = [self.text]
        for slot in self.slots:
            if slot.inner is not None:
                out += slot.inner.requests()
            elif slot.kind == "name" and not slot.english:
                out.append(slot.source)
        return out


def mask(text: str, analysis: Analysis | None = None, with_quotes: bool = True) -> Masked:
    """Replace figures, quotes and names by placeholders the translation model passes through."""
    quotes = quote_spans(text) if with_quotes else []
    tokens = _tokens(text)
    chosen = _non_overlapping(
        [Span(q.start, q.end, "", "quote") for q in quotes]
        + _figure_spans_in(tokens, text)
        + _name_spans_in(text, tokens, analysis)
    )
    counters = {"figure": 0, "quote": 0, "name": 0}
    prefixes = {"figure": "FIG", "quote": "QUOTE", "name": "NAME"}
    pieces, slots, cursor = [], [], 0
    for span in chosen:
        counters[span.kind] += 1
        token = f"{prefixes[span.kind]}{counters[span.kind]}"
        source = text[span.start : span.end]
        inner = None
        if span.kind == "quote":
            quote = next(q for q in quotes if q.start == span.start)
            inner = mask(text[quote.inner_start : quote.inner_end], analysis, with_quotes=False)
        slots.append(Slot(token, span.kind, source, span.english, inner))
        pieces += [text[cursor : span.start], token]
        cursor = span.end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), tuple(slots))


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Quotes first (they hold figures and names of their own), then figures, then names."""
    priority = {"quote": 0, "figure": 1, "name": 2}
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (priority[s.kind], s.start, -(s.end - s.start))):
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def restore(masked: Masked, translations: dict[str, str]) -> str | None:
    """The translation with every placeholder put back, or None if the model lost or doubled one."""
    english = translations[masked.text]
    found = [f"{m.group(1).upper()}{m.group(2)}" for m in PLACEHOLDER.finditer(english)]
    if sorted(found) != sorted(slot.token for slot in masked.slots):
        return None
    renderings = {}
    for slot in masked.slots:
        rendering = _slot_english(slot, translations)
        if rendering is None:
            return None
        renderings[slot.token] = rendering
    restored = PLACEHOLDER.sub(lambda m: renderings[f"{m.group(1).upper()}{m.group(2)}"], english)
    return _tidy_sentence(restored)


def _slot_english(slot: Slot, translations: dict[str, str]) -> str | None:
    if slot.kind == "quote":
        assert slot.inner is not None
        inner = restore(slot.inner, translations)
        return None if inner is None else f"“{inner.strip(' .')}” {TRANSLATED_QUOTE_MARK}"
    if slot.english:
        return slot.english
    return translations[slot.source].strip(" .") or None


def _tidy_sentence(text: str) -> str:
    text = regex.sub(r"\s+([,.;:!?])", r"\1", text)
    text = regex.sub(r"\s{2,}", " ", text).strip()
    return text[:1].upper() + text[1:]
