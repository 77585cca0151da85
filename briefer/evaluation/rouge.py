"""Arabic-aware ROUGE-1/2/L F1, as ``../shared/eval/README.md`` defines it.

Common ROUGE packages keep only ``[a-z0-9]`` tokens and score Arabic as zero, so the scorer is
written here. Its normalisation is deliberately self-contained (not ``briefer.arabic``): a metric
must not move when the analysis layer changes. Reproduces the README's baselines (Lead-1 on
bbc_standfirst 61.5 / 47.9 / 57.8; Lead-3 on EASC 64.7 / 60.8 / 62.7).

    text -> strip diacritics and tatweel -> unify alef / yeh / teh marbuta -> Arabic-Indic digits
    to ASCII -> lower case -> Unicode word tokens -> light prefix strip (one of و ف ب ل ك, then ال)

With several references (EASC has five) each measure is the best over the references.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

SIGNATURE = "rouge-ar|norm:diac,tatweel,alef,yeh,teh,digits|tok:unicode-words|prefix:wfbkl+al|refs:best|v1"

_DIACRITICS_AND_TATWEEL = regex.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD = regex.compile(r"\w+")
_ONE_LETTER_PREFIXES = frozenset("وفبلك")
# A prefix is stripped only when more than three letters remain in the token, so that short
# words such as "بل", "كل", "الى" are left whole.
_MIN_LENGTH_TO_STRIP = 4


@dataclass(frozen=True)
class RougeScore:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L, each in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeL: float

    def best(self, other: RougeScore) -> RougeScore:
        return RougeScore(max(self.rouge1, other.rouge1), max(self.rouge2, other.rouge2),
                          max(self.rougeL, other.rougeL))


ZERO = RougeScore(0.0, 0.0, 0.0)


def rouge_tokens(text: str) -> list[str]:
    """The scorer's tokens: normalised Unicode words with a light prefix strip."""
    folded = _DIACRITICS_AND_TATWEEL.sub("", text).translate(_DIGITS).translate(_LETTERS).lower()
    return [_strip_prefix(token) for token in _WORD.findall(folded)]


def _strip_prefix(token: str) -> str:
    if len(token) >= _MIN_LENGTH_TO_STRIP and token[0] in _ONE_LETTER_PREFIXES:
        token = token[1:]
    if len(token) >= _MIN_LENGTH_TO_STRIP and token.startswith("ال"):
        token = token[2:]
    return token


def rouge(candidate: str, references: str | Sequence[str]) -> RougeScore:
    """ROUGE F1 of one candidate against one reference or the best of several."""
    if isinstance(references, str):
        references = [references]
    candidate_tokens = rouge_tokens(candidate)
    best = ZERO
    for reference in references:
        best = best.best(rouge_of_tokens(candidate_tokens, rouge_tokens(reference)))
    return best


def rouge_of_tokens(candidate: Sequence[str], reference: Sequence[str]) -> RougeScore:
    return RougeScore(
        _ngram_f1(candidate, reference, 1),
        _ngram_f1(candidate, reference, 2),
        _f1(lcs_length(candidate, reference), len(candidate), len(reference)),
    )


def mean_scores(scores: Iterable[RougeScore]) -> RougeScore:
    scores = list(scores)
    if not scores:
        return ZERO
    count = len(scores)
    return RougeScore(sum(s.rouge1 for s in scores) / count, sum(s.rouge2 for s in scores) / count,
                      sum(s.rougeL for s in scores) / count)


def _ngram_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    candidate_grams = _ngrams(candidate, n)
    reference_grams = _ngrams(reference, n)
    overlap = sum((candidate_grams & reference_grams).values())
    return _f1(overlap, sum(candidate_grams.values()), sum(reference_grams.values()))


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if overlap == 0:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common subsequence, bit-parallel (Crochemore et al. 2001): O(len(a)·len(b)/word).

    EASC summaries run to hundreds of tokens; the quadratic table in pure Python would dominate
    the evaluation's run time.
    """
    if not a or not b:
        return 0
    match_masks: dict[str, int] = {}
    for position, token in enumerate(b):
        match_masks[token] = match_masks.get(token, 0) | (1 << position)
    all_ones = (1 << len(b)) - 1
    vector = all_ones
    for token in a:
        matched = vector & match_masks.get(token, 0)
        vector = ((vector + matched) | (vector - matched)) & all_ones
    return len(b) - bin(vector).count("1")
