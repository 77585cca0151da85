"""The policy loop: check each bullet, then repair, replace or drop the ones that fail; whatever
the policy, a bullet still not verifiable at the end is dropped."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from briefer.errors import ConfigError
from briefer.types import Analysis, Bullet, Verdict
from briefer.verify.checks import _check
from briefer.verify.forms import _fold
from briefer.verify.problems import Problem
from briefer.verify.provenance import _infer_sources, _with_sources
from briefer.verify.quotes import quoted_spans
from briefer.verify.repairs import _repair
from briefer.verify.source import _Source, _source_of

ACTIONS = ("kept", "repaired", "replaced", "dropped")
POLICY_STEPS = ("repair", "replace", "drop")
FALLBACK_ORIGIN = "extractive-fallback"
_MAX_FALLBACK_SENTENCES = 2
Fallback = Callable[[Bullet], "Bullet | None"]


def parse_policy(policy: str) -> tuple[str, ...]:
    """'repair,replace' -> ('repair', 'replace'); a one-line ConfigError naming the setting if bad."""
    steps = tuple(step.strip().lower() for step in policy.split(",") if step.strip())
    if not steps:
        raise ConfigError(f"setting 'verify_policy' is empty (use any of {', '.join(POLICY_STEPS)}, e.g. repair,replace)")
    unknown = [s for s in steps if s not in POLICY_STEPS]
    if unknown:
        raise ConfigError(
            f"setting 'verify_policy': unknown step '{unknown[0]}' (use any of {', '.join(POLICY_STEPS)}, e.g. repair,replace)"
        )
    return steps


def verify_bullets(
    analysis: Analysis,
    bullets: Sequence[Bullet],
    policy: str,
    fallback: Fallback | None = None,
) -> tuple[tuple[Bullet, ...], tuple[Verdict, ...]]:
    """Check every bullet against its article; repair, replace or drop the ones that fail.

    Returns the bullets that may be shown (each with its source sentences) and one Verdict per
    input bullet, in input order.
    """
    steps = parse_policy(policy)
    source = _source_of(analysis)
    kept: list[Bullet] = []
    verdicts: list[Verdict] = []
    for position, bullet in enumerate(bullets):
        result, action, problems = _guard(source, bullet, steps, fallback, kept)
        if result is not None:
            kept.append(result)
        verdicts.append(Verdict(bullet.lang, position, action, tuple(p.message for p in problems)))
    return tuple(kept), tuple(verdicts)


def _guard(
    source: _Source, bullet: Bullet, steps: tuple[str, ...], fallback: Fallback | None, kept: list[Bullet]
) -> tuple[Bullet | None, str, tuple[Problem, ...]]:
    problems = _check(source, bullet)
    if not problems:
        return _finish(source, bullet), "kept", ()
    for step in steps:
        if step == "drop":
            break
        candidate = _repair(source, bullet, problems) if step == "repair" else _replacement(source, bullet, fallback)
        if candidate is None or _check(source, candidate):
            continue
        candidate = _finish(source, candidate)
        if any(_fold(candidate.text) == _fold(other.text) for other in kept):
            break  # the fix repeats a bullet already shown: one copy is enough
        return candidate, "repaired" if step == "repair" else "replaced", problems
    return None, "dropped", problems


def _finish(source: _Source, bullet: Bullet) -> Bullet:
    bullet = _with_sources(source, bullet)
    if bullet.lang == "en" and quoted_spans(bullet.text) and not bullet.translated:
        bullet = dataclasses.replace(bullet, translated=True)  # its quotes are translations, not verbatim
    return bullet


def _replacement(source: _Source, bullet: Bullet, fallback: Fallback | None) -> Bullet | None:
    if fallback is not None:
        return fallback(bullet)
    if bullet.lang != "ar":
        return None  # no extractive English to fall back on
    sources = tuple(i for i in bullet.sources if 0 <= i < len(source.analysis.sentences)) or _infer_sources(source, bullet)
    if not sources:
        return None
    return _extractive_bullet(source.analysis, sources[:_MAX_FALLBACK_SENTENCES], bullet.role)


def _extractive_bullet(analysis: Analysis, sources: tuple[int, ...], role: str) -> Bullet | None:
    # The extractive engine owns faithful bullet writing (trimming, attribution); its helper is
    # being added in parallel, so until it exists the source sentences themselves are the bullet.
    try:
        from briefer.backends.extractive import bullet_from_sentences
    except ImportError:
        text = " ".join(analysis.sentences[i].text for i in sources)
        return Bullet("ar", text, sources=sources, role=role, origin=FALLBACK_ORIGIN)
    made = bullet_from_sentences(analysis, sources)
    if made is None and sources[0] > 0:
        # it declines a sentence opening on a pronoun ("وأضاف أن ..."): give it the antecedent too
        made = bullet_from_sentences(analysis, (sources[0] - 1, *sources))
    return None if made is None else dataclasses.replace(made, origin=FALLBACK_ORIGIN)
