"""Figures across the outlets of one story: key figures, and where outlets disagree.

Two outlets disagree on a quantity when both give a number for the same thing (same unit, or
the same head noun right after the number: "3500 جندي" / "3000 جندي"), each gives a value the
other does not, and the two values are close enough to be rival counts of one quantity (within a
factor of two) rather than two different quantities. Both values are kept, each with its outlet:
the briefing never picks one silently.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from briefer.cluster import terms
from briefer.facts.figures import counts_nothing
from briefer.types import ArticleBrief, Disagreement, Figure

#: two values are rival counts of one quantity when the larger is at most this times the smaller
RIVAL_RATIO = 2.0
#: figure kinds that never disagree meaningfully across outlets (a date, a rank)
_NOT_QUANTITIES = {"date", "ordinal"}
_NEXT_WORD = regex.compile(r"\s*([\p{L}]+)")


@dataclass(frozen=True)
class Reported:
    """One figure as one outlet wrote it."""

    value: float
    text: str  # figure with its noun, as written
    source: str
    quantity: str  # what is counted, normalised: the unit or the noun after the number
    noun: str  # what is counted, as written


def disagreements(briefs: Iterable[ArticleBrief]) -> tuple[Disagreement, ...]:
    """Quantities on which the outlets of a story give different values, with every outlet's value.
    ``briefs`` is read once, in order: a generator reading each report back from disk will do."""
    by_quantity: dict[str, dict[str, list[Reported]]] = defaultdict(lambda: defaultdict(list))
    for brief in briefs:
        source = outlet(brief)
        for reported in _reported(brief, source):
            by_quantity[reported.quantity][source].append(reported)
    found = []
    for per_source in by_quantity.values():
        rivals = _rivals(per_source)
        if rivals:
            ordered = sorted(rivals, key=lambda r: (r.source, r.value))
            values = tuple((r.text, r.source) for r in ordered)
            found.append(Disagreement(unit=ordered[0].noun, values=values))
    return tuple(sorted(found, key=lambda d: d.unit))


def outlet(brief: ArticleBrief) -> str:
    article = brief.article
    return article.source or article.origin or article.id


def figure_with_noun(text: str, figure: Figure) -> str:
    """The figure as written, with the counted noun after it when the figure text lacks one."""
    if figure.unit and figure.unit in figure.text:
        return figure.text
    following = _NEXT_WORD.match(text, figure.end)
    if figure.unit:
        return f"{figure.text} {figure.unit}"
    return f"{figure.text} {following.group(1)}" if following else figure.text


def _reported(brief: ArticleBrief, source: str) -> list[Reported]:
    text = brief.article.text
    found = []
    for figure in brief.analysis.figures:
        if figure.value is None or figure.kind in _NOT_QUANTITIES:
            continue
        quantity, noun = _quantity(text, figure)
        if quantity:
            found.append(Reported(figure.value, figure_with_noun(text, figure), source, quantity, noun))
    return found


def _quantity(text: str, figure: Figure) -> tuple[str, str]:
    """What the figure counts: (matching key, as written); its unit, else the word right after it."""
    following = _NEXT_WORD.match(text, figure.end)
    noun = figure.unit or (following.group(1) if following else "")
    noun_terms = terms(noun)
    if not noun_terms or (not figure.unit and counts_nothing(noun)):
        return "", ""  # "ثلاثة من ..." counts nothing named: no quantity to compare outlets on
    return f"{figure.kind}:{noun_terms[-1] if figure.unit else noun_terms[0]}", noun


def _rivals(per_source: dict[str, list[Reported]]) -> list[Reported]:
    """The figures of outlets that disagree on this quantity; empty when they agree.

    Outlet s's value v is a rival figure when another outlet gives a value w that s does not give,
    that outlet does not give v, and the two are rival counts (both positive, within RIVAL_RATIO).
    Each (outlet, value) is shown once, as the outlet first wrote it. Near-linear in the reports,
    not pairwise: the distinct values are sorted once, and the rivals of v are a contiguous
    window of them, found by bisection."""
    holders: dict[float, set[str]] = defaultdict(set)
    first: dict[tuple[str, float], Reported] = {}
    for source, reports in per_source.items():
        for report in reports:
            holders[report.value].add(source)
            first.setdefault((source, report.value), report)
    values = sorted(v for v in holders if v > 0)
    held = {source: sorted({r.value for r in reports if r.value > 0}) for source, reports in per_source.items()}
    rivals = []
    for (source, value), report in first.items():
        if value > 0 and _has_rival(source, value, values, holders, held[source]):
            rivals.append(report)
    return rivals


def _has_rival(source: str, value: float, values: list[float], holders: dict[float, set[str]],
               own: list[float]) -> bool:
    lo, hi = _rival_window(value, values)
    givers = holders[value]
    if len(givers) == 1:
        # only this outlet gives the value: any value in the window it does not give is a rival
        return hi - lo > bisect_right(own, values[hi - 1]) - bisect_left(own, values[lo])
    return any(source not in holders[w] and not holders[w] <= givers for w in values[lo:hi])


def _rival_window(value: float, values: list[float]) -> tuple[int, int]:
    """[lo, hi) of the sorted positive ``values`` that are rival counts of ``value`` (itself among them)."""

    def rivals(w: float) -> bool:
        return max(value, w) / min(value, w) <= RIVAL_RATIO

    at = bisect_left(values, value)
    lo = bisect_left(values, True, hi=at, key=rivals)  # below value: False ... False True ... True
    hi = bisect_left(values, True, lo=at, key=lambda w: not rivals(w))  # above: True ... True False ...
    return lo, hi


#: at most this many figures / quotes in a story's fact box
FACT_BOX_FIGURES = 6
FACT_BOX_QUOTES = 3


def key_figures(brief: ArticleBrief) -> tuple[str, ...]:
    """The figures of the sentences the bullets rest on, as written with their nouns, in text order."""
    used = {index for bullet in brief.bullets_ar for index in bullet.sources}
    bullet_text = " ".join(b.text for b in brief.bullets_ar)
    seen: dict[str, None] = {}
    for figure in brief.analysis.figures:
        if figure.value is None or figure.kind == "date":
            continue
        if figure.sentence in used or (not used and figure.text in bullet_text):
            seen.setdefault(figure_with_noun(brief.article.text, figure), None)
    return tuple(seen)[:FACT_BOX_FIGURES]


def key_quotes(brief: ArticleBrief) -> tuple[tuple[str, str], ...]:
    """(quote, speaker) of attributed full quotes, the ones the bullets rest on first."""
    used = {index for bullet in brief.bullets_ar for index in bullet.sources}
    attributed = [q for q in brief.analysis.quotes if q.attributed and q.kind == "full"]
    ranked = sorted(attributed, key=lambda q: (q.sentence not in used, q.start))
    return tuple((q.text, q.speaker) for q in ranked[:FACT_BOX_QUOTES])
