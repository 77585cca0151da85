"""The briefing as GitHub-flavoured Markdown.

Arabic blocks are wrapped in ``<div dir="rtl">`` (GitHub and most viewers honour it; blank lines
inside keep the Markdown within rendered as Markdown). ``plain`` (--plain) writes no HTML at all,
for viewers and pipelines that escape or strip it: the Arabic then runs in the viewer's direction.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.compose_figures import key_figures, key_quotes
from briefer.config import BriefConfig
from briefer.render.common import (
    ACTIONS,
    all_briefs,
    briefing_date,
    bullet_provenance,
    english_mode,
    english_note,
    label,
    labels,
    outlet_name,
    problem_summary,
    section_names,
    signature_fields,
    stories_by_section,
    verification_changes,
    verification_counts,
)
from briefer.types import Briefing, Story


def render_markdown(briefing: Briefing, config: BriefConfig) -> str:
    writer = _Writer(plain=config.plain)
    when = briefing_date(briefing.date)
    if briefing.handling:
        writer.arabic([f"**{briefing.handling}**"])
    writer.arabic([f"# {_escape(briefing.title)}", "", when.gregorian_ar + (f" — {when.hijri_ar}" if when.hijri_ar else "")])
    writer.english([when.gregorian_en + (f" — {when.hijri_en}" if when.hijri_en else "")])
    _summary(writer, briefing)
    names = section_names(briefing)
    for key, stories in stories_by_section(briefing):
        ar, en = names.get(key, (key, key))
        writer.arabic([f"## {ar} · {en}" if en != ar else f"## {ar}"])
        for story in stories:
            _story(writer, story)
    if briefing.annex:
        _annex(writer, briefing.annex)
    _appendix(writer, briefing)
    return writer.text()


class _Writer:
    def __init__(self, plain: bool):
        self.plain = plain
        self.lines: list[str] = []

    def arabic(self, lines: Sequence[str]) -> None:
        if self.plain:
            self.lines += [*lines, ""]
        else:
            self.lines += ['<div dir="rtl">', "", *lines, "", "</div>", ""]

    def english(self, lines: Sequence[str]) -> None:
        self.lines += [*lines, ""]

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _summary(writer: _Writer, briefing: Briefing) -> None:
    writer.arabic([f"## {label('ar', 'summary')} · {label('en', 'summary')}", "",
                   *(f"{n}. {_escape(line)}" for n, line in enumerate(briefing.summary_ar, 1))])
    english = [line for line in briefing.summary_en if line]
    if english:
        writer.english([f"- {_escape(line)}" for line in english])
    note = english_note(briefing)
    if note:
        writer.english([f"> {_escape(note)}"])


def _story(writer: _Writer, story: Story) -> None:
    lead = story.lead
    sources = " ؛ ".join(_source(a) for a in story.sources)
    writer.arabic([
        f"### {_escape(lead.headline_ar)}", "",
        f"**{label('ar', 'sources')} ({len(story.sources)}):** {sources}", "",
        *(f"- {_escape(b.text)}{_cited(b, writer.plain)}" for b in lead.bullets_ar),
        *_provenance(lead, writer.plain),
    ])
    english = []
    if lead.headline_en:
        english += [f"**{_escape(lead.headline_en)}**", ""]
    if lead.bullets_en:
        if english_mode(story) == "lexicon":
            english += [f"*{label('en', 'english_lexicon')}*", ""]
        english += [f"- {_escape(b.text)}" for b in lead.bullets_en]
    if english:
        writer.english(english)
    for disagreement in story.disagreements:
        values = f" {label('ar', 'versus')} ".join(f"{t} ({s})" for t, s in disagreement.values)
        writer.arabic([f"> ⚠️ **{label('ar', 'disagreement')} · {label('en', 'disagreement')}:** {_escape(values)}"])
    figures, quotes = key_figures(lead), key_quotes(lead)
    if figures or quotes:
        box = [f"> **{label('ar', 'facts')} · {label('en', 'facts')}**", ">"]
        if figures:
            box.append(f"> {label('ar', 'figures')}: " + " ؛ ".join(_escape(f) for f in figures))
        box += [f"> «{_escape(text)}» — {_escape(speaker)}" for text, speaker in quotes]
        writer.arabic(box)


def _cited(bullet, plain: bool) -> str:
    """The bullet's source sentences, numbered as in the provenance line below the bullets."""
    if not bullet.sources:
        return ""
    numbers = ", ".join(str(i + 1) for i in bullet.sources)
    return f" [{numbers}]" if plain else f" <sup>[{numbers}]</sup>"


def _provenance(brief, plain: bool) -> list[str]:
    cited = sorted({span for bullet in brief.bullets_ar for span in bullet_provenance(brief, bullet)})
    spans = [f"[{i + 1}] {start}–{end}" for i, start, end in cited]
    if not spans:
        return []
    line = f"{label('ar', 'provenance')} · Provenance ({brief.article.id}): " + "، ".join(spans)
    return ["", line if plain else f"<sub>{line}</sub>"]


def _source(article) -> str:
    name = _escape(outlet_name(article))
    linked = f"[{name}]({article.url})" if article.url else name
    return f"{linked} ({article.date[:10]})" if article.date else linked


def _annex(writer: _Writer, annex: Sequence[Story]) -> None:
    writer.arabic([f"## {label('ar', 'annex')} · {label('en', 'annex')}", "",
                   *(f"- {_escape(s.lead.headline_ar)} ({'، '.join(outlet_name(a) for a in s.sources)})"
                     for s in annex)])


def _appendix(writer: _Writer, briefing: Briefing) -> None:
    counts = verification_counts(all_briefs(briefing))
    names = labels()["verification"]
    table = ["| | عربي · Arabic | إنجليزي · English |", "|---|---:|---:|"]
    table += [f"| {names[a][0]} · {names[a][1]} | {counts['ar'][a]} | {counts['en'][a]} |" for a in ACTIONS]
    writer.arabic([f"## {label('ar', 'appendix')} · {label('en', 'appendix')}", "",
                   f"### {label('ar', 'verification')} · {label('en', 'verification')}", "", *table])
    changes = [
        f"- `{brief.article.origin or brief.article.id}` {v.lang} #{v.position + 1} {v.action}: "
        + _escape(problem_summary(v.problems))
        for brief, changed in verification_changes(briefing) for v in changed
    ]
    if changes:
        writer.english([f"### {label('en', 'verification_changes')} ({len(changes)})", "", *changes])
    skipped = [f"- `{item.origin}`: {_escape(item.reason)}" for item in briefing.skipped] or ["- —"]
    writer.english([f"### {label('en', 'skipped')} ({len(briefing.skipped)})", "", *skipped])
    fields = [f"- {labels()['signature'].get(k, [k, k])[1]}: `{v}`" for k, v in signature_fields(briefing.signature)]
    writer.english([f"### {label('en', 'signature')}", "", *fields, "", f"`{briefing.signature}`"])


def _escape(text: str) -> str:
    """Characters that would turn article text into Markdown or HTML markup."""
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text
