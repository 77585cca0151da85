"""Arabic-aware ROUGE: normalisation, prefix strip, F1 arithmetic, best of references, LCS."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.evaluation.rouge import lcs_length, mean_scores, rouge, rouge_tokens

LEAD = "أعلنت وزارة الصحة تسجيل ٢٥ إصابة جديدة بالكوليرا في محافظة البصرة."


def test_identical_arabic_scores_one_not_zero():
    score = rouge(LEAD, LEAD)
    assert (score.rouge1, score.rouge2, score.rougeL) == (1.0, 1.0, 1.0)


def test_normalisation_folds_diacritics_alef_teh_marbuta_and_digits():
    assert rouge_tokens("أُعْلِنَتْ الـمحافظةُ ٢٥ إصابة") == rouge_tokens("اعلنت المحافظه 25 اصابه")


def test_light_prefix_strip_joins_clitic_forms():
    # one clitic letter, then the article: و+ال and ب+ال fold to the bare noun
    assert rouge_tokens("والحكومة بالمدينة") == ["حكومه", "مدينه"]
    assert rouge_tokens("والحكومة") == rouge_tokens("حكومة")
    # short words keep their first letter: بل and كل are words, not ب + ل
    assert rouge_tokens("بل كل") == ["بل", "كل"]


def test_f1_arithmetic_on_a_small_case():
    # candidate: سافر الوزير الى بغداد ; reference: سافر الوزير امس
    score = rouge("سافر الوزير إلى بغداد", "سافر الوزير أمس")
    assert score.rouge1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert score.rouge2 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert score.rougeL == pytest.approx(score.rouge1)


def test_best_of_references_is_taken_per_measure():
    references = ["وصل الرئيس إلى باريس مساء الاثنين", "الرئيس يصل باريس"]
    best = rouge("وصل الرئيس إلى باريس", references)
    each = [rouge("وصل الرئيس إلى باريس", r) for r in references]
    assert best.rouge1 == max(s.rouge1 for s in each)
    assert best.rouge2 == max(s.rouge2 for s in each)


def test_empty_candidate_scores_zero():
    assert rouge("", LEAD).rouge1 == 0.0


def test_mean_of_scores():
    mean = mean_scores([rouge(LEAD, LEAD), rouge("", LEAD)])
    assert mean.rouge1 == pytest.approx(0.5)


def _lcs_table(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@given(st.lists(st.sampled_from(["قال", "وزير", "في", "25", "بغداد"]), max_size=25),
       st.lists(st.sampled_from(["قال", "وزير", "في", "25", "بغداد"]), max_size=25))
def test_bit_parallel_lcs_matches_the_table(a, b):
    assert lcs_length(a, b) == _lcs_table(a, b)
