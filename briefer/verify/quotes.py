"""Quoted spans: found in a bullet, checked verbatim (Arabic) or mapped to a source quote (English
translations), and the speaker check: a quote given to someone the article does not attribute it to."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from briefer.types import Bullet, Quote
from briefer.verify.forms import _EDGE_PUNCT, _TOKEN, _fold, _forms, _token_forms, _tokens
from briefer.verify.lexicon import _lexicon
from briefer.verify.names import _distinctive, _name_from, _names_in
from briefer.verify.problems import Problem
from briefer.verify.quantities import _english_quantities

if TYPE_CHECKING:
    from briefer.verify.source import _Source

_MIN_QUOTE_WORDS = 4  # shorter quoted spans are names and slogans (“عاصفة الحزم”), not statements
_ATTRIBUTION_WINDOW = 8  # words before/after a quote that can name who said it


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed mark runs to the end, a stray closer from the start.

    Extractive bullets cut at sentence ends, so a quote may open in one bullet and close in the
    next; both halves are still checked.
    """
    pattern, closers = _quote_mark_pattern()
    spans, opener, open_end = [], None, 0
    for match in pattern.finditer(text):
        mark = match.group()
        if opener is None:
            if mark in closers:
                opener, open_end = mark, match.end()
            elif not spans:
                spans.append((0, match.start()))
        elif mark == closers[opener]:
            spans.append((open_end, match.start()))
            opener = None
    if opener is not None:
        spans.append((open_end, len(text)))
    return [(s, e) for s, e in spans if _TOKEN.search(text[s:e])]


@lru_cache(maxsize=1)
def _quote_mark_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """Any opening or closing quotation mark of the lexicon, and each opener's closer (built once)."""
    marks = _lexicon().quote_marks
    pattern = regex.compile("|".join(regex.escape(m) for pair in marks for m in pair if m))
    return pattern, {o: c for o, c in marks}


@lru_cache(maxsize=1)
def _ellipsis_pattern() -> regex.Pattern:
    return regex.compile("|".join(regex.escape(e) for e in _lexicon().ellipses))


def _quote_parts(text: str) -> list[str]:
    """The folded pieces of a quoted span, split at ellipses (the writer's marked omissions)."""
    pieces = _ellipsis_pattern().split(text)
    return [p for p in (_fold(piece).strip(_EDGE_PUNCT) for piece in pieces) if _TOKEN.search(p)]


def _arabic_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        parts = _quote_parts(bullet.text[start:end])
        shown = _short(bullet.text[start:end])
        if not all(part in source.folded for part in parts):
            problems.append(Problem("quote", f"quote: “{shown}” is not verbatim in the article", start, end))
            continue
        quote = _source_quote_of(source, parts)
        if quote is not None and quote.speaker and quote.kind != "phrase" and len(_tokens(" ".join(parts))) >= _MIN_QUOTE_WORDS:
            wrong = _other_person_named(source, bullet, quote, start, end)
            if wrong:
                problems.append(Problem(
                    "speaker", f"speaker: “{shown}” is given to {wrong}; the article attributes it to {quote.speaker}",
                    start, end,
                ))
    return problems


def _source_quote_of(source: _Source, parts: list[str]) -> Quote | None:
    for quote, folded in source.quotes:
        if all(part in folded for part in parts):
            return quote
    return None


def _other_person_named(source: _Source, bullet: Bullet, quote: Quote, start: int, end: int) -> str:
    """Someone else the bullet gives the quote to, when it does not name the quote's speaker.

    Only the words just before the opening mark and just after the closing one attribute a quote
    ("قال X إن “...”", "“...”، بحسب X"); names inside quoted words or farther away do not.
    """
    outside = _without_quotes(bullet.text)
    if source.speaker_tokens(quote) & _token_forms(outside):
        return ""
    before = _tokens(_without_quotes(bullet.text[:start]))[-_ATTRIBUTION_WINDOW:]
    after = _tokens(_without_quotes(bullet.text[end:]))[:_ATTRIBUTION_WINDOW]
    nearby = {form for token in before + after for form in _forms(token)}
    speaker = source.speaker_tokens(quote)
    candidates = [person - speaker for person in source.people] + [_distinctive(n) - speaker for n in _names_in(outside)]
    for person in candidates:
        hit = person & nearby
        if hit:
            return _name_from(outside, hit)
    return ""


@lru_cache(maxsize=4096)
def _without_quotes(text: str) -> str:
    """The text with its quoted spans blanked; cached: the support, name and language checks ask."""
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def _english_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        if not _maps_to_source_quote(source, bullet, bullet.text[start:end]):
            problems.append(Problem(
                "quote", f"quote: translated “{_short(bullet.text[start:end])}” maps to no quote in the article", start, end
            ))
    return problems


def _maps_to_source_quote(source: _Source, bullet: Bullet, span: str) -> bool:
    return bool(_source_quotes_for(source, bullet, span))


def _source_quotes_for(source: _Source, bullet: Bullet, span: str) -> list[Quote]:
    """Source quotes a translated span may render: in the bullet's sentences, holding its figures."""
    figures = _english_quantities(span)
    sources = set(bullet.sources)
    found = []
    for quote, _ in source.quotes:
        if sources and not source.quote_sentences(quote) & sources:
            continue
        inside = [q for q in source.quantities if quote.start <= q.start < quote.end]
        if all(any(f.same_as(q) for q in inside) for f in figures):
            found.append(quote)
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
