"""From article briefs to a briefing. (Initial version: one story per article, input order.)"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from briefer.config import BriefConfig
from briefer.types import ArticleBrief, Briefing, Skipped, Story


def compose(briefs: Sequence[ArticleBrief], config: BriefConfig, skipped: Sequence[Skipped] = (), signature: str = "") -> Briefing:
    stories = tuple(Story(id=b.article.id, briefs=(b,)) for b in briefs)
    return Briefing(
        date=config.date or _newest_date(briefs),
        title=config.title,
        stories=stories[: config.max_stories],
        annex=stories[config.max_stories :],
        summary_ar=tuple(s.lead.headline_ar for s in stories[: config.summary_items]),
        skipped=tuple(skipped),
        signature=signature,
        handling=config.handling,
    )


def _newest_date(briefs: Sequence[ArticleBrief]) -> str:
    dates = sorted(b.article.date for b in briefs if b.article.date)
    return dates[-1] if dates else dt.date.today().isoformat()
