"""Repairs: the article's figure put back for a digit slip or a swapped scale word, the verbatim
quote put back for a cut or altered one. Anything else is not guessed at."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from briefer.facts.english import format_english_number, number_span
from briefer.types import Bullet, Quote
from briefer.verify.forms import _fold, _forms, _token_forms, _tokens
from briefer.verify.lexicon import _lexicon
from briefer.verify.problems import Problem
from briefer.verify.quantities import _DIGIT_RUN, _arabic_quantities, _close, _english_quantities, _Quantity

if TYPE_CHECKING:
    from briefer.verify.source import _Source

_NEXT_WORD_GROUP = regex.compile(r"\s*([\p{L}\p{M}]+)")


def _repair(source: _Source, bullet: Bullet, problems: Sequence[Problem]) -> Bullet | None:
    """The bullet with the article's figures and verbatim quotes put back; None if it cannot be."""
    edits: list[tuple[int, int, str, int]] = []  # (start, end, new text, source sentence)
    taken: list[_Quantity] = []
    for problem in problems:
        if problem.kind == "figure" and problem.figure is None:
            return None  # digits that are no figure at all: nothing to put back, rewrite it
        if problem.kind == "figure":
            edit = _figure_edit(source, bullet, problem, taken)
        elif problem.kind == "quote" and bullet.lang == "ar":
            edit = _quote_edit(source, bullet, problem)
        else:
            return None  # a wrong speaker, an invented name or an unmapped translation: rewrite it
        if edit is None:
            return None
        edits.append(edit)
    text = bullet.text
    for start, end, new, _ in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    sources = tuple(sorted(set(bullet.sources) | {e[3] for e in edits if e[3] >= 0}))
    return dataclasses.replace(bullet, text=text, sources=sources)


def _figure_edit(source: _Source, bullet: Bullet, problem: Problem, taken: list[_Quantity]) -> tuple[int, int, str, int] | None:
    if bullet.lang == "en":
        quantity = next(q for q in _english_quantities(bullet.text) if q.start == problem.start)
    else:
        quantity = next(q for q in _arabic_quantities(bullet.text, [problem.figure]))
    used = [q for q in source.quantities if any(other.same_as(q) for other in source.bullet_quantities(bullet) if other.start != quantity.start)]
    chosen = _repair_candidate(source, bullet, quantity, taken + used)
    if chosen is None:
        return None
    taken.append(chosen)
    sentence = chosen.figure.sentence if chosen.figure.sentence >= 0 else source.sentence_of(chosen.start)
    if bullet.lang == "en":
        if chosen.value is None:
            return None
        span = number_span(bullet.text, quantity.figure)
        return span.start, span.end, format_english_number(chosen.value), sentence
    start, end = _number_core(bullet.text, quantity)
    core_start, core_end = _number_core(source.analysis.article.text, chosen)
    return start, end, source.analysis.article.text[core_start:core_end], sentence


def _number_core(text: str, quantity: _Quantity) -> tuple[int, int]:
    """The digits and scale word of a figure, without its unit: a repair swaps just this part,
    so the bullet's own "%" or "دولار" stays (and still has to match the article's)."""
    digits = _DIGIT_RUN.search(text, quantity.start, quantity.end)
    if digits is None:
        return quantity.start, quantity.end  # written in words: the whole figure
    end = digits.end()
    word = _NEXT_WORD_GROUP.match(text[end : quantity.end])
    if word and _fold(word.group(1)) in _lexicon().scale_words:
        end += word.end()
    return digits.start(), end


def _repair_candidate(source: _Source, bullet: Bullet, wrong: _Quantity, taken: list[_Quantity]) -> _Quantity | None:
    """The article's figure that the wrong one stands for: same kind, close digits or scale, one answer.

    Figures in the bullet's own source sentences come first; a figure already used is skipped.
    """
    if wrong.is_date:
        return None  # a wrong date has no "closest" date: the source sentence says it better
    if wrong.value_max is not None:
        return None  # a wrong range or score: swapping one end would leave the other unchecked
    pool = [
        q for q in source.quantities
        if q.value is not None and not q.is_date and q.percent == wrong.percent and q not in taken
        and (not q.currency or not wrong.currency or q.currency == wrong.currency)
    ]
    own = [q for q in pool if _in_sentences(source, q, bullet.sources)]
    if wrong.value is not None and any(
        _close(q.value, wrong.value) for q in source.quantities if q.value is not None and _in_sentences(source, q, bullet.sources)
    ):
        return None  # the number is right and its percent/currency is not: no figure to put back
    for candidates in (own, pool):
        if not candidates:
            continue
        scored = sorted(((_closeness(wrong, q), q) for q in candidates), key=lambda pair: -pair[0])
        best = scored[0][0]
        values = {round(q.value, 6) for score, q in scored if score == best}
        # Only a digit slip or a scale swap names its figure. A figure unlike any in the article
        # is not "repaired" into the nearest one: that would turn an invented claim into a
        # plausible false one (9731 cases -> the article's 3500 troops). It is replaced instead.
        if best >= 3:
            return scored[0][1] if len(values) == 1 else None  # two equally close: do not guess
    return None


def _in_sentences(source: _Source, quantity: _Quantity, sentences: Sequence[int]) -> bool:
    index = quantity.figure.sentence if quantity.figure.sentence >= 0 else source.sentence_of(quantity.start)
    return index in sentences


def _closeness(wrong: _Quantity, candidate: _Quantity) -> int:
    """3: a digit slip (3500/3050) or a swapped scale word (مليون/مليار); 1: same kind only."""
    if wrong.value is None or candidate.value is None or candidate.value == 0 or wrong.value == 0:
        return 1
    ratio = wrong.value / candidate.value
    if any(_close(ratio, 10.0**k) for k in (-12, -9, -6, -3, 3, 6, 9, 12)):
        return 3
    a, b = _digits(wrong.value), _digits(candidate.value)
    if sorted(a) == sorted(b) or _edit_distance(a, b) <= 1:
        return 3
    return 1


def _digits(value: float) -> str:
    return f"{value:f}".rstrip("0").rstrip(".").replace(".", "")


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _quote_edit(source: _Source, bullet: Bullet, problem: Problem) -> tuple[int, int, str, int] | None:
    """The closest source quote, whole: a cut quote can say something its speaker did not.

    Closest: holds at least 60% of the bullet's quoted words (clitics aside)."""
    wanted = [t for t in _tokens(bullet.text[problem.start : problem.end])]
    if not wanted:
        return None
    best: tuple[float, Quote] | None = None
    for quote, _ in source.quotes:
        forms = _token_forms(quote.text)
        found = {t for t in wanted if not _forms(t).isdisjoint(forms)}
        share = len(found) / len(wanted)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, quote)
    if best is None:
        return None
    quote = best[1]
    return problem.start, problem.end, quote.text, source.sentence_of(quote.start)
