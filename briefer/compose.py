"""From article briefs to the day's briefing: stories, their order, sections, executive summary.

    briefs -> cluster (briefer.cluster) -> Story per cluster: best article first, all sources,
    figures the outlets disagree on -> importance -> section -> cap (the rest to the annex)
    -> executive summary of the top stories

Importance, in [0, ~1.3]:  0.5·log2(1 + outlets)  +  0.3·recency  +  0.2·fact density
  outlets   distinct outlets reporting the story (the strongest signal an editor has)
  recency   1 / (1 + days between the story's newest article and the briefing date); 0.5 undated
  density   figures and attributed quotes in the sentences the bullets rest on, per bullet, capped at 1
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Sequence

from briefer import __version__
from briefer.cluster import cluster
from briefer.compose_figures import disagreements, outlet
from briefer.compose_sections import Lexicon, classify, load_lexicon
from briefer.config import BriefConfig
from briefer.errors import ConfigError
from briefer.types import ArticleBrief, Briefing, Skipped, Story

OUTLET_WEIGHT, RECENCY_WEIGHT, DENSITY_WEIGHT = 0.5, 0.3, 0.2
UNDATED_RECENCY = 0.5
GROUPINGS = ("topic", "country")


def compose(
    briefs: Sequence[ArticleBrief], config: BriefConfig, skipped: Sequence[Skipped] = (), signature: str = ""
) -> Briefing:
    if config.group_by not in GROUPINGS:
        raise ConfigError(f"setting 'group_by' must be one of {', '.join(GROUPINGS)}, got '{config.group_by}'")
    lexicon = load_lexicon(config.sections_file)
    date = config.date or newest_date(briefs)
    place = _placer(config, lexicon)
    stories = [
        _story([briefs[i] for i in group], date, place) for group in cluster(briefs, config.merge_threshold)
    ]
    stories.sort(key=lambda s: (-s.importance, s.id))
    full, annex = stories[: config.max_stories], stories[config.max_stories :]
    top = full[: config.summary_items]
    order = _section_order(full, lexicon, config.group_by)
    return Briefing(
        date=date,
        title=config.title,
        stories=tuple(full),
        annex=tuple(annex),
        summary_ar=tuple(summary_line_ar(s) for s in top),
        summary_en=tuple(summary_line_en(s) for s in top),
        sections=tuple(order),
        skipped=tuple(skipped),
        signature=_signed(signature),
        handling=config.handling,
        section_names=tuple((key, *lexicon.names(key)) for key in order),
    )


def newest_date(briefs: Sequence[ArticleBrief]) -> str:
    dates = sorted(d for b in briefs if (d := _iso_date(b.article.date)))
    return dates[-1] if dates else dt.date.today().isoformat()


def summary_line_ar(story: Story) -> str:
    """One line of the executive summary: the lead's headline, else its first bullet."""
    lead = story.lead
    return lead.headline_ar or (lead.bullets_ar[0].text if lead.bullets_ar else "")


def summary_line_en(story: Story) -> str:
    """The English line; "" when no brief of the story has English (the renderers say so)."""
    for brief in story.briefs:
        if brief.headline_en:
            return brief.headline_en
        if brief.bullets_en:
            return brief.bullets_en[0].text
    return ""


def best_first(briefs: Sequence[ArticleBrief]) -> list[ArticleBrief]:
    """The article whose bullets best stand for the story first: most bullets kept as written by
    the engine, then most facts, then English present, then the longest text; input order breaks ties."""

    def rank(item: tuple[int, ArticleBrief]) -> tuple:
        index, brief = item
        kept = sum(1 for v in brief.verdicts if v.lang == "ar" and v.action == "kept")
        facts = len(brief.analysis.figures) + sum(1 for q in brief.analysis.quotes if q.attributed)
        return (-len(brief.bullets_ar), -kept, -facts, not brief.bullets_en, -len(brief.article.text), index)

    return [brief for _, brief in sorted(enumerate(briefs), key=rank)]


def importance(briefs: Sequence[ArticleBrief], date: str) -> float:
    outlets = len({outlet(b) for b in briefs})
    score = OUTLET_WEIGHT * math.log2(1 + outlets) + RECENCY_WEIGHT * _recency(briefs, date)
    score += DENSITY_WEIGHT * _density(briefs[0])
    return round(score, 4)


def _story(members: list[ArticleBrief], date: str, place: Callable[[ArticleBrief], str]) -> Story:
    ordered = best_first(members)
    return Story(
        id=_story_id(members),
        briefs=tuple(ordered),
        section=place(ordered[0]),
        importance=importance(ordered, date),
        disagreements=disagreements(ordered) if len({outlet(b) for b in ordered}) > 1 else (),
    )


def _story_id(members: Sequence[ArticleBrief]) -> str:
    """Stable whatever the lead: from the sorted ids of its articles."""
    digest = hashlib.sha1("\n".join(sorted(b.article.id for b in members)).encode("utf-8")).hexdigest()
    return f"story-{digest[:10]}"


def _placer(config: BriefConfig, lexicon: Lexicon) -> Callable[[ArticleBrief], str]:
    by_topic = _topic_placer(lexicon)
    if config.group_by == "country":
        country_of = _country_function()
        if country_of is not None:  # the entities stage may not offer countries yet: topic then
            return lambda brief: (country_of(brief.analysis.entities) or [None])[0] or by_topic(brief)
    return by_topic


def _topic_placer(lexicon: Lexicon) -> Callable[[ArticleBrief], str]:
    def place(brief: ArticleBrief) -> str:
        bullets = " ".join(b.text for b in brief.bullets_ar)
        return classify(brief.headline_ar or brief.article.title, f"{bullets} {brief.article.text[:1500]}", lexicon)

    return place


def _country_function() -> Callable | None:
    from briefer.facts import entities

    return getattr(entities, "countries", None)


def _section_order(stories: Sequence[Story], lexicon: Lexicon, group_by: str) -> list[str]:
    """Topic sections in the lexicon's order; countries (and topics standing in) by their top story."""
    present = list(dict.fromkeys(s.section for s in stories))  # stories are by importance already
    if group_by == "topic":
        ranked = {key: i for i, key in enumerate(lexicon.order())}
        return sorted(present, key=lambda key: ranked.get(key, len(ranked)))
    return present


def _recency(briefs: Sequence[ArticleBrief], date: str) -> float:
    briefing_day = _iso_date(date)
    days = [
        (dt.date.fromisoformat(briefing_day) - dt.date.fromisoformat(d)).days
        for b in briefs
        if (d := _iso_date(b.article.date))
    ]
    if not days or not briefing_day:
        return UNDATED_RECENCY
    return 1.0 / (1.0 + max(0, min(days)))


def _density(lead: ArticleBrief) -> float:
    used = {index for bullet in lead.bullets_ar for index in bullet.sources}
    if not lead.bullets_ar:
        return 0.0
    figures = sum(1 for f in lead.analysis.figures if f.sentence in used and f.kind != "date")
    quotes = sum(1 for q in lead.analysis.quotes if q.sentence in used and q.attributed)
    return min(1.0, (figures + quotes) / len(lead.bullets_ar))


def _iso_date(value: str) -> str:
    """YYYY-MM-DD of an ISO date or date-time; "" when it is not one."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""


def _signed(signature: str) -> str:
    """The pipeline's signature, with the briefer version when the engine did not already add it."""
    if "briefer:" in signature:
        return signature
    return f"{signature}|briefer:{__version__}" if signature else f"briefer:{__version__}"
