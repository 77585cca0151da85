"""The embedded default engine: extractive Arabic bullets, nothing downloaded.

    analysis -> scored sentences, best first (scoring.py)
      -> role slots: main event, key figures, most important attributed quote, context;
         no two bullets redundant, no boilerplate, no bullet opening on a lost referent
      -> faithful bullet text per sentence (extractive_bullets.py); the event bullet in
         headline style, its opening news verb in the present (headline_style.py)

The bullets come out in reading order for a desk editor: the event first, then the figures,
then the quote, then context in article order. ``bullet_from_sentences`` is public: the
faithfulness guard uses it to replace a bullet from any engine that it cannot verify.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from briefer.backends.base import Engine
from briefer.backends.extractive_bullets import (
    bullet_from_sentences,
    opens_with_dangling_reference,
    sentence_bullet_text,
)
from briefer.backends.headline_style import headline_present
from briefer.backends.scoring import (
    ScoredSentence,
    base_scores,
    rank_lazily,
    ranked,
    redundant,
    select_diverse,
)
from briefer.types import Analysis, Bullet

__all__ = ["ExtractiveEngine", "bullet_from_sentences"]

HEADLINE_MAX_WORDS = 16
_HEADLINE_BOUNDARY = regex.compile(r"\s*[،,؛;:]\s+")
_WORD = regex.compile(r"\S+")


@dataclass(frozen=True)
class _Candidate:
    scored: ScoredSentence
    text: str  # the bullet text written from the sentence
    terms: frozenset[str]  # for the redundancy test against later candidates


class ExtractiveEngine(Engine):
    name = "extractive"

    def summarize(self, analyses: Sequence[Analysis]) -> list[list[Bullet]]:
        return [self.bullets(analysis) for analysis in analyses]

    def bullets(self, analysis: Analysis, terms: Sequence[Sequence[str]] | None = None,
                count: int | None = None) -> list[Bullet]:
        """Up to `count` (default config.bullets) bullets: event, figure, quote, then context.
        The event bullet comes first whatever the count, so count=1 gives the lead bullet alone.

        `terms`: scoring.article_terms(analysis) when the caller already has them."""
        pool = _CandidatePool(analysis, terms)
        slots = _fill_slots(pool, max(1, self.config.bullets if count is None else count))
        return [Bullet("ar", self._styled(c.text, role), sources=(c.scored.index,), role=role, origin="extractive")
                for c, role in slots]

    def signature(self) -> str:
        return f"{super().signature()}|event:{self.config.event_style}"

    def _styled(self, text: str, role: str) -> str:
        if role == "event" and self.config.event_style == "headline":
            return headline_present(text)
        return text

    def headline(self, analysis: Analysis) -> str:
        """The title when there is one, else the main-event sentence up to its first clause."""
        if analysis.article.title.strip():
            return analysis.article.title.strip()
        first = _CandidatePool(analysis).best()
        return _shorten_for_headline(first.text) if first else ""

    def top_sentences(self, analysis: Analysis, count: int,
                      terms: Sequence[Sequence[str]] | None = None) -> list[int]:
        """The engine's extractive summary: its `count` best non-redundant sentences, in article order."""
        return sorted(s.index for s in select_diverse(ranked(analysis, terms), count))


class _CandidatePool:
    """The article's sentences as bullet candidates, ranked and written lazily: an article needs
    only its top few, so penalties and bullet texts are computed for those alone."""

    def __init__(self, analysis: Analysis, terms: Sequence[Sequence[str]] | None = None):
        self._analysis = analysis
        self._base = base_scores(analysis, terms)
        self._penalised: dict[int, ScoredSentence] = {}
        self._texts: dict[int, str] = {}

    def best(self, taken: Sequence[_Candidate] = (), fits: Callable[[ScoredSentence], bool] = lambda s: True,
             ) -> _Candidate | None:
        """The best sentence that fits, makes a standalone bullet and repeats no taken one."""
        taken_indexes = {c.scored.index for c in taken}
        fitting = (s for s in self._base if s.index not in taken_indexes and fits(s))
        for scored in rank_lazily(fitting, self._analysis, penalised=self._penalised):
            if scored.boilerplate:
                continue
            terms = frozenset(scored.terms)
            if any(redundant(terms, t.terms) for t in taken):
                continue
            text = self._text(scored.index)
            if text and not opens_with_dangling_reference(text):
                return _Candidate(scored, text, terms)
        return None

    def _text(self, index: int) -> str:
        if index not in self._texts:
            self._texts[index] = sentence_bullet_text(self._analysis, self._analysis.sentences[index])
        return self._texts[index]


_SLOT_ROLES: tuple[tuple[str, Callable[[ScoredSentence], bool]], ...] = (
    # a sentence with both figures and a quote is the quote slot's: it is labelled by its quote
    ("figure", lambda s: s.figures > 0 and not s.attributed_quote),
    ("quote", lambda s: s.attributed_quote),
)


def _fill_slots(pool: _CandidatePool, count: int) -> list[tuple[_Candidate, str]]:
    """The event, a figure sentence, a quote sentence, then context; no two redundant."""
    event = pool.best()
    if event is None:
        return []
    taken = [(event, "event")]
    for role, fits in _SLOT_ROLES:
        if len(taken) >= count or any(fits(c.scored) for c, _ in taken):
            continue
        choice = pool.best([c for c, _ in taken], fits)
        if choice is not None:
            taken.append((choice, role))
    context: list[tuple[_Candidate, str]] = []
    while len(taken) + len(context) < count:
        choice = pool.best([c for c, _ in taken + context])
        if choice is None:
            break
        context.append((choice, "context"))
    context.sort(key=lambda item: item[0].scored.index)
    return taken + context


def _shorten_for_headline(text: str) -> str:
    """Up to the first clause boundary once the headline has a few words; no trailing stop."""
    text = text.rstrip(" .")
    if len(_WORD.findall(text)) <= HEADLINE_MAX_WORDS:
        return text
    for boundary in _HEADLINE_BOUNDARY.finditer(text):
        if len(_WORD.findall(text, 0, boundary.start())) >= 6:
            return text[: boundary.start()]
    return text
