"""The faithfulness guard: every figure, quote and name in every bullet traced to its article.

Run on the Arabic bullets of every engine and again on the English ones. A bullet passes when

- each figure matches a figure of the same article: same value once digit forms, Arabic-Indic
  digits and scale words are applied (٣٥٠٠ == 3500, مليون != مليار), same percent-ness and, where
  both name one, the same currency. English bullets are read with ``briefer.facts.english``;
- each quoted span is verbatim in the article (after ``_fold``: the matching normalisation) and,
  when it belongs to an attributed quote of the facts layer, the bullet does not give it to
  another person;
- each person name it mentions is in the article.

English quotes are translations, so they cannot be verbatim: an English bullet's quoted span must
map to a source quote, decided by provenance plus figures (a quote of the article inside the
bullet's source sentences whose figures include every figure of the translated span). The bullet
is marked ``translated=True`` so renderers can label the quote as a translation. (The masking map
of briefer/translate/ is not used: it only exists for model translations, this rule holds for every
engine that writes English.)

A bullet with problems goes through the policy (``verify_policy``, in order): ``repair`` puts back
the article's figure or the verbatim quote; ``replace`` uses the extractive bullet built from the
same source sentences; ``drop`` removes it. Whatever the policy, a bullet that is still not
verifiable at the end is dropped: unverified text never reaches the briefing.

The package, one module per job:

- ``forms``: the matching normalisation (``_fold``) and word tokens with their clitic-free forms;
- ``lexicon``: the guard's word lists; ``problems``: what a check reports;
- ``quantities``: Arabic and English figures read into comparable quantities, and their index;
- ``source``: the article as the guard reads it, once per article;
- ``checks``, ``quotes``, ``names``: the checks of figures and digits, quotes and speakers, names;
- ``repairs``: digit slips, scale swaps and cut quotes put back;
- ``provenance``: the source sentences a bullet rests on;
- ``guard``: the policy loop (``verify_bullets``); ``summary``: counts of the verdicts.
"""

from briefer.verify.checks import _check, audit, find_problems, headline_problems
from briefer.verify.forms import _TOKEN, _fold, _Folding, _token_forms
from briefer.verify.guard import (
    ACTIONS,
    FALLBACK_ORIGIN,
    POLICY_STEPS,
    Fallback,
    parse_policy,
    verify_bullets,
)
from briefer.verify.problems import PROBLEM_KINDS, Problem, problem_kind
from briefer.verify.provenance import infer_sources
from briefer.verify.quantities import _quantities_of
from briefer.verify.quotes import quoted_spans
from briefer.verify.source import _Source
from briefer.verify.summary import briefing_verification, verification_summary

__all__ = [
    "ACTIONS",
    "FALLBACK_ORIGIN",
    "POLICY_STEPS",
    "PROBLEM_KINDS",
    "Fallback",
    "Problem",
    "audit",
    "briefing_verification",
    "find_problems",
    "headline_problems",
    "infer_sources",
    "parse_policy",
    "problem_kind",
    "quoted_spans",
    "verification_summary",
    "verify_bullets",
    # internals the guard's own tests reach for
    "_TOKEN",
    "_Folding",
    "_Source",
    "_check",
    "_fold",
    "_quantities_of",
    "_token_forms",
]
