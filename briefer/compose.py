"""From article briefs to the day's briefing: stories, their order, sections, executive summary.

    briefs -> cluster (briefer.cluster) -> Story per cluster: best article first, all sources,
    figures the outlets disagree on -> importance -> section -> cap (the rest to the annex)
    -> executive summary of the top stories

Importance, in [0, ~1.3]:  0.5·log2(1 + outlets)  +  0.3·recency  +  0.2·fact density
  outlets   distinct outlets reporting the story (the strongest signal an editor has)
  recency   1 / (1 + days between the story's newest article and the briefing date); 0.5 undated
  density   figures and attributed quotes in the sentences the bullets rest on, per bullet, capped at 1

Memory: compose works from one small Entry per article (briefer.compose_entries) and reads a
complete brief back only for the leads and for the reports of the stories in full. Stories in the
annex are listed by headline: their reports are kept headline-level and their figures are not
compared (the annex shows no disagreements).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefer import __version__
from briefer.cluster import cluster_keys
from briefer.compose_entries import Entry, entry_of, iso_date
from briefer.compose_figures import disagreements
from briefer.compose_sections import Lexicon, classify, load_lexicon
from briefer.config import BriefConfig
from briefer.errors import ConfigError
from briefer.types import ArticleBrief, Briefing, Skipped, Story

OUTLET_WEIGHT, RECENCY_WEIGHT, DENSITY_WEIGHT = 0.5, 0.3, 0.2
UNDATED_RECENCY = 0.5
GROUPINGS = ("topic", "country")

#: gives back the complete brief of entry i
Loader = Callable[[int], ArticleBrief]


def compose(
    briefs: Sequence[ArticleBrief], config: BriefConfig, skipped: Sequence[Skipped] = (), signature: str = ""
) -> Briefing:
    """The day's briefing from briefs held in memory."""
    return compose_entries([entry_of(b) for b in briefs], briefs.__getitem__, config, skipped, signature)


def compose_entries(
    entries: Sequence[Entry], load: Loader, config: BriefConfig, skipped: Sequence[Skipped] = (), signature: str = ""
) -> Briefing:
    """The day's briefing from one Entry per article; ``load(i)`` reads article i's complete brief."""
    if config.group_by not in GROUPINGS:
        raise ConfigError(f"setting 'group_by' must be one of {', '.join(GROUPINGS)}, got '{config.group_by}'")
    lexicon = load_lexicon(config.sections_file)
    date = config.date or _newest_day(entries)
    drafts = [_draft(group, entries, date) for group in cluster_keys([e.keys for e in entries], config.merge_threshold)]
    drafts.sort(key=lambda d: (-d.importance, d.id))
    place = _placer(config, lexicon)
    full = [_story_in_full(d, entries, load, place) for d in drafts[: config.max_stories]]
    annex = [_annex_story(d, entries, load, place) for d in drafts[config.max_stories :]]
    top = drafts[: min(config.summary_items, len(full))]
    order = _section_order(full, lexicon, config.group_by)
    return Briefing(
        date=date,
        title=config.title,
        stories=tuple(full),
        annex=tuple(annex),
        summary_ar=tuple(summary_line_ar(s) for s in full[: len(top)]),
        summary_en=tuple(_english_line(load(i) for i in d.members) for d in top),
        sections=tuple(order),
        skipped=tuple(skipped),
        signature=_signed(signature),
        handling=config.handling,
        section_names=tuple((key, *lexicon.names(key)) for key in order),
    )


def newest_date(briefs: Sequence[ArticleBrief]) -> str:
    return _newest_day([entry_of(b) for b in briefs])


def summary_line_ar(story: Story) -> str:
    """One line of the executive summary: the lead's headline, else its first bullet."""
    lead = story.lead
    return lead.headline_ar or (lead.bullets_ar[0].text if lead.bullets_ar else "")


def summary_line_en(story: Story) -> str:
    """The English line; "" when no brief of the story has English (the renderers say so)."""
    return _english_line(story.briefs)


def best_first(briefs: Sequence[ArticleBrief]) -> list[ArticleBrief]:
    """The article whose bullets best stand for the story first: most bullets kept as written by
    the engine, then most facts, then English present, then the longest text; input order breaks ties."""
    entries = [entry_of(b) for b in briefs]
    return [briefs[i] for i in sorted(range(len(briefs)), key=lambda i: (entries[i].rank, i))]


def importance(briefs: Sequence[ArticleBrief], date: str) -> float:
    """Of a story whose reports are ``briefs``, the lead first."""
    return _importance([entry_of(b) for b in briefs], date)


@dataclass(frozen=True, slots=True)
class _Draft:
    """A story before it is placed: its reports (entry indexes), best first."""

    id: str
    members: tuple[int, ...]
    importance: float


def _draft(group: list[int], entries: Sequence[Entry], date: str) -> _Draft:
    members = tuple(sorted(group, key=lambda i: (entries[i].rank, i)))
    return _Draft(_story_id(entries[i].brief.article.id for i in group),
                  members, _importance([entries[i] for i in members], date))


def _story_in_full(draft: _Draft, entries: Sequence[Entry], load: Loader, place: Callable[[ArticleBrief], str]) -> Story:
    lead = load(draft.members[0])
    outlets = {entries[i].outlet for i in draft.members}
    reports = (lead if i == draft.members[0] else load(i) for i in draft.members)
    return Story(
        id=draft.id,
        briefs=(lead, *(entries[i].brief for i in draft.members[1:])),
        section=entries[draft.members[0]].section or place(lead),
        importance=draft.importance,
        disagreements=disagreements(reports) if len(outlets) > 1 else (),
    )


def _annex_story(draft: _Draft, entries: Sequence[Entry], load: Loader, place: Callable[[ArticleBrief], str]) -> Story:
    return Story(
        id=draft.id,
        briefs=tuple(entries[i].brief for i in draft.members),
        # placed where the brief was made: reading thousands of annex leads back costs seconds
        section=entries[draft.members[0]].section or place(load(draft.members[0])),
        importance=draft.importance,
    )


def _english_line(briefs: Iterable[ArticleBrief]) -> str:
    for brief in briefs:  # lazily: the reports are read back only until one has English
        if brief.headline_en:
            return brief.headline_en
        if brief.bullets_en:
            return brief.bullets_en[0].text
    return ""


def _importance(entries: Sequence[Entry], date: str) -> float:
    outlets = len({e.outlet for e in entries})
    score = OUTLET_WEIGHT * math.log2(1 + outlets) + RECENCY_WEIGHT * _recency(entries, date)
    score += DENSITY_WEIGHT * entries[0].density
    return round(score, 4)


def _newest_day(entries: Sequence[Entry]) -> str:
    days = [e.day for e in entries if e.day]
    return max(days) if days else dt.date.today().isoformat()


def _story_id(article_ids: Iterable[str]) -> str:
    """Stable whatever the lead: from the sorted ids of its articles."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return f"story-{digest[:10]}"


def section_placer(config: BriefConfig) -> Callable[[ArticleBrief], str]:
    """The section a story led by a brief goes in, under ``config`` (for an Entry's ``section``)."""
    return _placer(config, load_lexicon(config.sections_file))


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


def _recency(entries: Sequence[Entry], date: str) -> float:
    briefing_day = iso_date(date)
    days = [(dt.date.fromisoformat(briefing_day) - dt.date.fromisoformat(e.day)).days for e in entries if e.day]
    if not days or not briefing_day:
        return UNDATED_RECENCY
    return 1.0 / (1.0 + max(0, min(days)))


def _signed(signature: str) -> str:
    """The pipeline's signature, with the briefer version when the engine did not already add it."""
    if "briefer:" in signature:
        return signature
    return f"{signature}|briefer:{__version__}" if signature else f"briefer:{__version__}"
