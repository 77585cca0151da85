"""The data that flows through briefer, stage by stage.

Every stage takes and returns these frozen dataclasses, so a stage can be cached, run in another
process or tested alone. Offsets (``start``/``end``) are always character offsets into
``Article.text`` as ingested (the display text), half-open: ``text[start:end]``.

    ingest -> Article
    analyze -> Analysis(sentences, figures, quotes, entities)
    summarize -> Bullet (ar) -> verify -> translate -> Bullet (en) -> verify
    -> ArticleBrief -> compose -> Story / Briefing -> render
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# --------------------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, feed line or stdin, debris already removed."""

    id: str  # stable, from the content (see ingest.article_id)
    text: str  # cleaned body; every offset in later stages points into it
    title: str = ""
    source: str = ""  # outlet name
    date: str = ""  # ISO 8601 date (YYYY-MM-DD) or ""
    url: str = ""
    origin: str = ""  # where it came from: "path", "path:line" for feeds, "<stdin>"
    meta: Mapping[str, Any] = field(default_factory=dict)  # dateline, byline, hashtags, format...


# ---------------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == article.text[start:end]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that matters: a count, amount, percentage, date or range, with its unit."""

    text: str  # as written, e.g. "2.5 مليار دولار", "٤٠٪", "يونيو/ حزيران 2026"
    start: int
    end: int
    value: float | None  # numeric value with scale words applied (2.5e9); None when not numeric
    unit: str = ""  # unit or head noun as written: "دولار", "%", "جندي"
    kind: str = "number"  # number | percent | money | date | range | ordinal | duration
    approx: str = ""  # approximation marker as written: "نحو", "أكثر من"
    value_max: float | None = None  # upper bound of a range
    sentence: int = -1  # index of the sentence holding it


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words and who said them."""

    text: str  # verbatim, without the quotation marks
    start: int  # span of ``text`` in the article
    end: int
    speaker: str = ""  # fullest name and title found in the article; "" when unattributed
    speaker_start: int = -1  # span of the speaker mention the attribution rests on
    speaker_end: int = -1
    kind: str = "full"  # full (a statement) | phrase (a few quoted words inside a sentence)
    anonymous: bool = False  # speaker is a description ("مسؤول ... طلب عدم نشر اسمه")
    verb: str = ""  # attribution verb as written ("قال", "وأضاف", "بحسب")
    sentence: int = -1  # index of the sentence where the quote opens

    @property
    def attributed(self) -> bool:
        return bool(self.speaker)


@dataclass(frozen=True, slots=True)
class Entity:
    text: str  # as written
    kind: str  # person | org | place | title
    start: int
    end: int
    canonical: str = ""  # fullest form in the article (with title for people)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the analysis layer found in one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    language: str = "ar"  # detected language of the body: ar | en | fr | other


# --------------------------------------------------------------------------------- summaries


@dataclass(frozen=True, slots=True)
class Bullet:
    lang: str  # "ar" | "en"
    text: str
    sources: tuple[int, ...] = ()  # indexes of the source sentences it rests on
    role: str = "context"  # event | figure | quote | context
    translated: bool = False  # English made by a model or lexicon, not written in English
    origin: str = ""  # engine name that wrote it; "extractive-fallback" after a replacement


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the faithfulness guard did with one bullet."""

    lang: str
    position: int  # index of the bullet in the engine's output
    action: str  # kept | repaired | replaced | dropped
    problems: tuple[str, ...] = ()  # human-readable, e.g. "figure 3050 not in source"


@dataclass(frozen=True, slots=True)
class ArticleBrief:
    """One article, summarised and checked."""

    analysis: Analysis
    headline_ar: str
    bullets_ar: tuple[Bullet, ...]
    headline_en: str = ""
    bullets_en: tuple[Bullet, ...] = ()
    english: str = "none"  # how the English side was made: translation | model | lexicon | none
    verdicts: tuple[Verdict, ...] = ()
    engine: str = ""  # engine signature

    @property
    def article(self) -> Article:
        return self.analysis.article


# --------------------------------------------------------------------------------- briefing


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Outlets reporting different values for the same quantity."""

    unit: str
    values: tuple[tuple[str, str], ...]  # (figure text, source) pairs


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    briefs: tuple[ArticleBrief, ...]  # the best article first; its bullets are the story's
    section: str = "general"
    importance: float = 0.0
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def lead(self) -> ArticleBrief:
        return self.briefs[0]

    @property
    def sources(self) -> tuple[Article, ...]:
        return tuple(b.article for b in self.briefs)


@dataclass(frozen=True, slots=True)
class Skipped:
    origin: str  # file, file:line, or article id
    reason: str  # one line, for the person reading the briefing


@dataclass(frozen=True, slots=True)
class Briefing:
    date: str  # ISO date of the briefing
    title: str
    stories: tuple[Story, ...]  # in full, ordered by importance
    annex: tuple[Story, ...] = ()  # beyond the cap: listed by headline
    summary_ar: tuple[str, ...] = ()  # executive summary, one line per top story
    summary_en: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()  # section order used
    skipped: tuple[Skipped, ...] = ()
    signature: str = ""
    handling: str = ""  # optional handling line (e.g. a classification marking)
    section_names: tuple[tuple[str, str, str], ...] = ()  # (key, Arabic name, English name) per section
