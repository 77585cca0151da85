"""Counts of the guard's verdicts, for the verification appendix and the JSON `verification` block."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from briefer.types import Briefing, Verdict
from briefer.verify.guard import ACTIONS
from briefer.verify.problems import PROBLEM_KINDS, problem_kind


def verification_summary(verdicts: Iterable[Verdict]) -> dict:
    """Counts per action, per language and per problem kind, for the verification appendix."""
    verdicts = list(verdicts)

    def counts(items: list[Verdict]) -> dict[str, int]:
        actions = Counter(v.action for v in items)
        return {"bullets": len(items), **{action: actions.get(action, 0) for action in ACTIONS}}

    kinds = Counter(problem_kind(p) for v in verdicts for p in v.problems)
    return {
        **counts(verdicts),
        "by_language": {lang: counts([v for v in verdicts if v.lang == lang]) for lang in sorted({v.lang for v in verdicts})},
        "problems": {kind: kinds.get(kind, 0) for kind in (*PROBLEM_KINDS, "other") if kinds.get(kind) or kind != "other"},
    }


def briefing_verification(briefing: Briefing) -> dict:
    """The briefing's `verification` block: totals and, per article, counts and what was changed."""
    briefs = [brief for story in (*briefing.stories, *briefing.annex) for brief in story.briefs]
    articles = []
    for brief in briefs:
        articles.append({
            "id": brief.article.id,
            "title": brief.headline_ar,
            "source": brief.article.source,
            **verification_summary(brief.verdicts),
            "changes": [_verdict_json(v) for v in brief.verdicts if v.action != "kept"],
        })
    return {"totals": verification_summary(v for brief in briefs for v in brief.verdicts), "articles": articles}


def _verdict_json(verdict: Verdict) -> Mapping[str, object]:
    return {"lang": verdict.lang, "position": verdict.position, "action": verdict.action, "problems": list(verdict.problems)}
