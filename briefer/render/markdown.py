"""The briefing as Markdown. (Initial version.)"""

from __future__ import annotations

from briefer.config import BriefConfig
from briefer.types import Briefing


def render_markdown(briefing: Briefing, config: BriefConfig) -> str:
    lines = [f"# {briefing.title}", "", f"{briefing.date}", ""]
    for story in briefing.stories:
        brief = story.lead
        lines += [f"## {brief.headline_ar}", ""]
        lines += [f"- {b.text}" for b in brief.bullets_ar]
        lines += ["", "Sources: " + ", ".join(a.source or a.origin for a in story.sources), ""]
    if briefing.skipped:
        lines += ["## Skipped", ""] + [f"- {s.origin}: {s.reason}" for s in briefing.skipped] + [""]
    lines += [f"`{briefing.signature}`", ""]
    return "\n".join(lines)
