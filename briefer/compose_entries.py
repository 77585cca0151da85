"""What compose keeps of each article while it forms and ranks the day's stories.

A day of 10,000 articles cannot keep every brief complete in memory until the briefing is made
(sentences, figures, quotes and entities are most of a brief). An Entry holds what the ranking
reads of every article, worked out once when the brief arrives: the clustering keys, the
numbers that put the best article first, the lead's fact density, outlet and date. Complete
briefs are read back only where the briefing needs them (the leads, and the reports of the
stories in full whose figures are compared); every other report is kept as a headline-level
brief: what the sources line, the annex and the verification appendix show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefer.cluster import ArticleKeys, article_keys
from briefer.compose_figures import outlet
from briefer.types import Analysis, Article, ArticleBrief


@dataclass(frozen=True, slots=True)
class Entry:
    brief: ArticleBrief  # as a story holds it when it is not the lead of a story in full
    keys: ArticleKeys
    rank: tuple[int, int, int, bool, int]  # best article of a story first (see best_rank)
    density: float  # figures and attributed quotes behind the bullets, per bullet, capped at 1
    outlet: str
    day: str  # ISO date of the article, "" when undated
    section: str = ""  # the section of a story this article leads, when known (else compose places it)


def entry_of(brief: ArticleBrief, held: ArticleBrief | None = None, section: str = "") -> Entry:
    """The entry of a complete brief; ``held`` is what the story will hold (default: the brief)."""
    return Entry(
        brief=held or brief,
        keys=article_keys(brief),
        rank=best_rank(brief),
        density=density(brief),
        outlet=outlet(brief),
        day=iso_date(brief.article.date),
        section=section,
    )


def headline_brief(brief: ArticleBrief) -> ArticleBrief:
    """The brief without its body, analysis and bullets: headlines, sources, verdicts, engine."""
    article = brief.article
    return ArticleBrief(
        analysis=Analysis(
            article=Article(id=article.id, text="", title=article.title, source=article.source, date=article.date,
                            url=article.url, origin=article.origin, meta={}),
            sentences=(),
        ),
        headline_ar=brief.headline_ar,
        bullets_ar=(),
        headline_en=brief.headline_en,
        english=brief.english,
        verdicts=brief.verdicts,
        engine=brief.engine,
    )


def best_rank(brief: ArticleBrief) -> tuple[int, int, int, bool, int]:
    """Smaller is better: most bullets, most kept as the engine wrote them, most facts, English
    present, longest text (input order breaks the ties that remain)."""
    kept = sum(1 for v in brief.verdicts if v.lang == "ar" and v.action == "kept")
    facts = len(brief.analysis.figures) + sum(1 for q in brief.analysis.quotes if q.attributed)
    return (-len(brief.bullets_ar), -kept, -facts, not brief.bullets_en, -len(brief.article.text))


def density(brief: ArticleBrief) -> float:
    if not brief.bullets_ar:
        return 0.0
    used = {index for bullet in brief.bullets_ar for index in bullet.sources}
    figures = sum(1 for f in brief.analysis.figures if f.sentence in used and f.kind != "date")
    quotes = sum(1 for q in brief.analysis.quotes if q.sentence in used and q.attributed)
    return min(1.0, (figures + quotes) / len(brief.bullets_ar))


def iso_date(value: str) -> str:
    """YYYY-MM-DD of an ISO date or date-time; "" when it is not one."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""
