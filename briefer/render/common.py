"""What every renderer shows the same way: dates, labels, sources, English state, verification."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from briefer.types import Article, ArticleBrief, Briefing, Story, Verdict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ACTIONS = ("kept", "repaired", "replaced", "dropped")


@functools.lru_cache(maxsize=1)
def labels() -> Mapping[str, Any]:
    """The fixed wording of the document (data/briefing_labels.toml), loaded once."""
    text = resources.files("briefer").joinpath("data/briefing_labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def label(lang: str, key: str) -> str:
    return labels()[lang][key]


@dataclass(frozen=True)
class BriefingDate:
    iso: str
    gregorian_ar: str  # "السبت 28 نوفمبر 2026 م"
    gregorian_en: str  # "Saturday 28 November 2026"
    hijri_ar: str  # "17 جمادى الآخرة 1448 هـ"; "" outside the Hijri calendar's table
    hijri_en: str  # "17 Jumada al-Akhirah 1448 AH"


def briefing_date(iso: str) -> BriefingDate:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return BriefingDate(iso, iso, iso, "", "")
    ar, en = labels()["ar"], labels()["en"]
    hijri_ar, hijri_en = _hijri(day)
    return BriefingDate(
        iso=day.isoformat(),
        gregorian_ar=f"{ar['weekdays'][day.weekday()]} {day.day} {ar['months'][day.month - 1]} {day.year} {ar['calendar_ad']}",
        gregorian_en=f"{en['weekdays'][day.weekday()]} {day.day} {en['months'][day.month - 1]} {day.year}",
        hijri_ar=hijri_ar,
        hijri_en=hijri_en,
    )


def _hijri(day: dt.date) -> tuple[str, str]:
    from hijridate import Gregorian

    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:  # hijridate covers 1343-1500 AH (1924-2077 CE)
        return "", ""
    return (
        f"{hijri.day} {hijri.month_name('ar')} {hijri.year} {label('ar', 'calendar_ah')}",
        f"{hijri.day} {hijri.month_name('en')} {hijri.year} AH",
    )


def outlet_name(article: Article) -> str:
    """The outlet, else the file it came from: a reader must see where a story was read."""
    if article.source:
        return article.source
    origin = article.origin.rsplit(":", 1)[0] if article.origin.count(":") == 1 else article.origin
    return Path(origin).name if origin else article.id


def english_mode(story: Story) -> str:
    """How the story's English was made: translation | model | lexicon | none (lead's, else any)."""
    lead = story.lead
    if lead.english != "none" and (lead.headline_en or lead.bullets_en):
        return lead.english
    return "none"


def briefing_english(briefing: Briefing) -> str:
    """all | some | none: whether the stories in full have English text."""
    modes = [english_mode(s) for s in briefing.stories]
    if not modes or all(m == "none" for m in modes):
        return "none"
    return "all" if all(m != "none" for m in modes) else "some"


def english_note(briefing: Briefing) -> str:
    """A note on how to get English, "" when every story has it."""
    state = briefing_english(briefing)
    if state == "none":
        return label("en", "english_missing")
    if all(english_mode(s) in ("lexicon", "none") for s in briefing.stories):
        return label("en", "english_lexicon_only")
    return label("en", "english_partial") if state == "some" else ""


def verification_counts(briefs: Sequence[ArticleBrief]) -> dict[str, dict[str, int]]:
    """{"ar": {"kept": n, ...}, "en": {...}}: what the faithfulness guard did with the bullets."""
    verdicts = [v for b in briefs for v in b.verdicts]
    summary = _guard_summary()
    counts: dict[str, dict[str, int]] = {}
    for lang in ("ar", "en"):
        of_lang = [v for v in verdicts if v.lang == lang]
        found = summary(of_lang) if summary else Counter(v.action for v in of_lang)
        counts[lang] = {action: int(found.get(action, 0)) for action in ACTIONS}
    return counts


def _guard_summary():
    """briefer.verify.verification_summary when the guard offers it (it counts by action)."""
    from briefer import verify

    summary = getattr(verify, "verification_summary", None)
    if summary is None:
        return None

    def by_action(verdicts: Sequence[Verdict]) -> Mapping[str, int]:
        result = summary(verdicts)
        counts = result.get("actions", result) if isinstance(result, Mapping) else {}
        return {k: v for k, v in counts.items() if k in ACTIONS and isinstance(v, int)}

    return by_action


def all_briefs(briefing: Briefing) -> list[ArticleBrief]:
    return [b for story in (*briefing.stories, *briefing.annex) for b in story.briefs]


def signature_fields(signature: str) -> list[tuple[str, str]]:
    """'engine:extractive|model:-|...' -> [("engine", "extractive"), ("model", "-"), ...]."""
    fields = []
    for part in signature.split("|"):
        key, _, value = part.partition(":")
        if key:
            fields.append((key.strip(), value.strip()))
    return fields


def section_names(briefing: Briefing) -> dict[str, tuple[str, str]]:
    return {key: (ar, en) for key, ar, en in briefing.section_names}


def stories_by_section(briefing: Briefing) -> list[tuple[str, list[Story]]]:
    """The stories in full grouped in the briefing's section order, by importance within."""
    order = list(briefing.sections) or list(dict.fromkeys(s.section for s in briefing.stories))
    order += [s.section for s in briefing.stories if s.section not in order]
    grouped = {key: [s for s in briefing.stories if s.section == key] for key in dict.fromkeys(order)}
    return [(key, stories) for key, stories in grouped.items() if stories]


def bullet_provenance(brief: ArticleBrief, bullet) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each source sentence a bullet rests on, offsets into the
    article text as ingested."""
    sentences = {s.index: s for s in brief.analysis.sentences}
    return [(i, sentences[i].start, sentences[i].end) for i in bullet.sources if i in sentences]


def verification_changes(briefing: Briefing) -> list[tuple[ArticleBrief, list]]:
    """Per article, the verdicts that changed something (repaired, replaced, dropped)."""
    changes = []
    for brief in all_briefs(briefing):
        changed = [v for v in brief.verdicts if v.action != "kept"]
        if changed:
            changes.append((brief, changed))
    return changes


def problem_summary(problems) -> str:
    """'figure ×2, support' — the kinds of problem the guard found, not their text: a document's
    reader should never meet an invented figure, even quoted as rejected (JSON keeps the detail)."""
    from collections import Counter

    from briefer.verify import problem_kind

    kinds = Counter(problem_kind(p) for p in problems)
    return ", ".join(kind if n == 1 else f"{kind} ×{n}" for kind, n in kinds.items()) or "-"
