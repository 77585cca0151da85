"""The briefing as JSON, schema ``briefer.briefing/1`` (documented in docs/json-schema.md).

A stable, explicit shape (not a dump of the internal dataclasses): a consumer can rely on every
key below for as long as the major version stays 1. Adding a key is a minor change that keeps the
version; renaming or removing one bumps it.
"""

from __future__ import annotations

import json
from typing import Any

from briefer.compose_figures import key_figures, key_quotes
from briefer.config import BriefConfig
from briefer.render.common import (
    all_briefs,
    briefing_date,
    briefing_english,
    bullet_provenance,
    english_mode,
    outlet_name,
    signature_fields,
    verification_changes,
    verification_counts,
)
from briefer.types import Article, ArticleBrief, Briefing, Bullet, Story

SCHEMA_VERSION = "1"
SCHEMA = f"briefer.briefing/{SCHEMA_VERSION}"


def render_json(briefing: Briefing, config: BriefConfig) -> str:
    return json.dumps(briefing_payload(briefing), ensure_ascii=False, indent=2) + "\n"


def briefing_payload(briefing: Briefing) -> dict[str, Any]:
    when = briefing_date(briefing.date)
    return {
        "schema": SCHEMA,
        "title": briefing.title,
        "date": {"iso": when.iso, "gregorian_ar": when.gregorian_ar, "gregorian_en": when.gregorian_en,
                 "hijri_ar": when.hijri_ar, "hijri_en": when.hijri_en},
        "handling": briefing.handling,
        "english": briefing_english(briefing),
        "summary": {"ar": list(briefing.summary_ar), "en": list(briefing.summary_en)},
        "sections": [{"key": key, "ar": ar, "en": en} for key, ar, en in briefing.section_names]
        or [{"key": key, "ar": key, "en": key} for key in briefing.sections],
        "stories": [story_payload(s) for s in briefing.stories],
        "annex": [annex_payload(s) for s in briefing.annex],
        "skipped": [{"origin": s.origin, "reason": s.reason} for s in briefing.skipped],
        "verification": {**verification_counts(all_briefs(briefing)), "articles": _verification_articles(briefing)},
        "signature": {"text": briefing.signature, "fields": dict(signature_fields(briefing.signature))},
    }


def story_payload(story: Story) -> dict[str, Any]:
    """A story in full: what the annex gives, plus bullets, disagreements, facts, verification."""
    lead = story.lead
    return {
        **annex_payload(story),
        "english": english_mode(story),
        "bullets": {"ar": [_bullet(lead, b) for b in lead.bullets_ar], "en": [_bullet(lead, b) for b in lead.bullets_en]},
        "disagreements": [
            {"quantity": d.unit, "values": [{"figure": text, "source": source} for text, source in d.values]}
            for d in story.disagreements
        ],
        "facts": {
            "figures": list(key_figures(lead)),
            "quotes": [{"text": text, "speaker": speaker} for text, speaker in key_quotes(lead)],
        },
        "verification": verification_counts(story.briefs),
    }


def annex_payload(story: Story) -> dict[str, Any]:
    lead = story.lead
    return {
        "id": story.id,
        "section": story.section,
        "importance": story.importance,
        "headline": {"ar": lead.headline_ar, "en": lead.headline_en},
        "sources": [_source(b) for b in story.briefs],
    }


def _bullet(brief: ArticleBrief, bullet: Bullet) -> dict[str, Any]:
    return {"text": bullet.text, "role": bullet.role, "sentences": list(bullet.sources),
            "provenance": [{"sentence": i, "start": start, "end": end} for i, start, end in bullet_provenance(brief, bullet)],
            "translated": bullet.translated, "origin": bullet.origin}


def _verification_articles(briefing: Briefing) -> list[dict[str, Any]]:
    """Per article: what the guard did, with the problems it found (kept bullets left out)."""
    return [
        {"article_id": brief.article.id, "origin": brief.article.origin,
         "changes": [{"lang": v.lang, "position": v.position, "action": v.action, "problems": list(v.problems)}
                     for v in changed]}
        for brief, changed in verification_changes(briefing)
    ]


def _source(brief: ArticleBrief) -> dict[str, Any]:
    article: Article = brief.article
    return {"article_id": article.id, "outlet": outlet_name(article), "title": article.title,
            "date": article.date, "url": article.url, "origin": article.origin, "engine": brief.engine}
