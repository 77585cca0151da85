"""Sentence scoring: the fast paths of scoring.py against plain reference versions of the same
rules (centrality, the lazy ranking, redundancy, the folded head the anchored patterns see)."""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.arabic.normalize import normalize
from briefer.backends import scoring
from briefer.backends.scoring import (
    DEFAULT_WEIGHTS,
    _centrality,
    _count_weights,
    _folded_head,
    _with_penalties,
    base_scores,
    rank_lazily,
    ranked,
    redundant,
    select_diverse,
)
from briefer.types import Analysis, Article, Quote, Sentence

# sentences that draw each penalty, and plain news; some repeat words so centrality and
# redundancy have something to work on
POOL = [
    "أعلنت الحكومة العراقية إرسال تعزيزات عسكرية إلى الحدود الغربية بعد هجمات متكررة.",
    "وقال وزير الخارجية إن التعزيزات العسكرية تأتي بالتنسيق مع دول الجوار.",
    "وأضاف أن الحكومة العراقية سترسل تعزيزات إضافية إلى الحدود الغربية.",
    "وبلغت كلفة العملية نحو 2.5 مليار دولار بحسب وزارة المالية.",
    "اقرأ أيضا: الحكومة العراقية ترسل تعزيزات عسكرية إلى الحدود.",
    "جميع الحقوق محفوظة لموقع الخبر.",
    "وهو ما أثار جدلا واسعا في البرلمان.",
    "هل تنجح الحكومة في ضبط الحدود؟",
    "وفي سياق متصل، عقد مجلس النواب جلسة طارئة لمناقشة الوضع الأمني.",
    "شارك جميع النواب في الجلسة التي استمرت ساعتين.",
    "#العراق #الحدود",
    "الحدود",
    "",
]


def build(sentences: list[str], quoted: frozenset[int] = frozenset()) -> Analysis:
    """An Analysis over sentences joined by spaces; `quoted`: sentences holding an attributed quote."""
    spans, start = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, start, start + len(sentence), sentence))
        start += len(sentence) + 1
    quotes = tuple(Quote(spans[i].text, spans[i].start, spans[i].end, speaker="فؤاد حسين", sentence=i)
                   for i in sorted(quoted))
    article = Article(id="t", text=" ".join(sentences), title="الحكومة العراقية ترسل تعزيزات إلى الحدود")
    return Analysis(article, tuple(spans), quotes=quotes)


articles = st.lists(st.sampled_from(POOL), min_size=1, max_size=14).flatmap(
    lambda sentences: st.tuples(st.just(sentences),
                                st.frozensets(st.integers(0, len(sentences) - 1), max_size=3)))


def reference_centrality(term_lists: list[list[str]]) -> list[float]:
    """The TF-IDF cosine to the article written plainly: two sums per sentence, term by term."""
    count = Counter(chain.from_iterable(term_lists))
    total = len(term_lists)

    def idf_squared(term: str) -> float:
        return math.log(1 + total / min(count[term], total)) ** 2

    cosines = []
    for term_list in term_lists:
        norm = sum(idf_squared(term) for term in term_list)
        dot = sum(count[term] * idf_squared(term) for term in term_list)
        cosines.append(dot / math.sqrt(norm) if norm else 0.0)
    best = max(cosines, default=0.0) or 1.0
    return [c / best for c in cosines]


def reference_ranking(analysis: Analysis, candidates=None) -> list[scoring.ScoredSentence]:
    """Every candidate penalised, then sorted: what the lazy heap must yield, in order."""
    pool = base_scores(analysis) if candidates is None else candidates
    finals = [_with_penalties(s, analysis.sentences[s.index].text, DEFAULT_WEIGHTS) for s in pool]
    return sorted(finals, key=lambda s: (-s.score, s.index))


def reference_selection(ranking: list[scoring.ScoredSentence],
                        count: int) -> tuple[list[scoring.ScoredSentence], int]:
    """select_diverse as a plain loop over redundant(), and how many candidates it needed to see."""
    taken, skipped, seen = [], [], 0
    for candidate in ranking:
        if len(taken) >= count:
            break
        seen += 1
        terms = frozenset(candidate.terms)
        if any(redundant(terms, frozenset(t.terms)) for t in taken):
            skipped.append(candidate)
        else:
            taken.append(candidate)
    return taken + skipped[: max(0, count - len(taken))], seen


term_lists = st.lists(st.lists(st.sampled_from(["حكومه", "حدود", "عراق", "جيش", "نواب", "2.5", "مليار"]),
                               max_size=8), max_size=10)


@settings(max_examples=200, deadline=None)
@given(term_lists)
def test_centrality_is_the_tf_idf_cosine_written_plainly(lists):
    # approx, not ==: Python versions differ in how sum() rounds (some compensate float sums)
    assert _centrality(lists) == pytest.approx(reference_centrality(lists), rel=1e-12, abs=1e-15)


def test_centrality_of_an_article_without_terms():
    assert _centrality([]) == []
    assert _centrality([[], []]) == [0.0, 0.0]
    # one term repeated in one sentence: its count exceeds the number of sentences
    assert _centrality([["حدود"] * 3, ["جيش"]])[0] == 1.0


def test_count_weights_hold_idf_squared_and_its_share_of_the_dot_product():
    weights = _count_weights(4, 6)
    assert len(weights) == 7 and weights[0] == 0
    for count in range(1, 7):
        idf_squared = math.log(1 + 4 / min(count, 4)) ** 2
        assert weights[count] == complex(idf_squared, count * idf_squared)


@settings(max_examples=150, deadline=None)
@given(articles)
def test_the_lazy_ranking_is_the_full_ranking(article):
    sentences, quoted = article
    analysis = build(sentences, quoted)
    assert list(ranked(analysis)) == reference_ranking(analysis)


@settings(max_examples=100, deadline=None)
@given(articles, st.integers(0, 4))
def test_a_ranking_reusing_penalties_of_an_earlier_one_is_unchanged(article, taken_early):
    # as the bullet writer does: a first ranking stopped early, then rankings of subsets
    sentences, quoted = article
    analysis = build(sentences, quoted)
    base = base_scores(analysis)
    penalised: dict[int, scoring.ScoredSentence] = {}
    first = rank_lazily(base, analysis, penalised=penalised)
    early = [s for _, s in zip(range(taken_early), first, strict=False)]
    assert early == reference_ranking(analysis)[: len(early)]
    odd = [s for s in base if s.index % 2]
    assert list(rank_lazily(odd, analysis, penalised=penalised)) == reference_ranking(analysis, odd)


@settings(max_examples=150, deadline=None)
@given(articles, st.integers(0, 6))
def test_select_diverse_takes_what_the_plain_loop_takes_and_pulls_no_further(article, count):
    sentences, quoted = article
    analysis = build(sentences, quoted)
    pulled = []

    def recorded():
        for scored in ranked(analysis):
            pulled.append(scored)
            yield scored

    expected, needed = reference_selection(reference_ranking(analysis), count)
    assert select_diverse(recorded(), count) == expected
    # once `count` are taken it asks the lazy ranking for no other: penalties cost a search each
    assert len(pulled) == needed


def test_select_diverse_skips_a_redundant_sentence_and_refills_when_short():
    analysis = build([POOL[0], POOL[0], POOL[3]])
    chosen = select_diverse(ranked(analysis), 2)
    assert [s.index for s in chosen] == [0, 2]
    assert [s.index for s in select_diverse(ranked(analysis), 3)] == [0, 2, 1]
    assert select_diverse(ranked(analysis), 0) == []


HEAD_WORDS = ["الحكومة", "وأضاف", "أنّ", "ـ", "\u200f", "ﷺ", "اقرأ", "أيضاً", "#العراق", "Next", "،", "هذا"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HEAD_WORDS), min_size=1, max_size=10),
       st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0"]), min_size=10, max_size=10))
def test_the_folded_head_is_the_first_chunks_folded_one_by_one(words, spaces):
    text = "".join(w + s for w, s in zip(words, spaces, strict=False)).strip()
    chunks = text.split() if "#" in text else text.split()[: scoring.HEAD_WORDS]
    assert _folded_head(text) == " ".join(normalize(chunk) for chunk in chunks)


def test_folding_keeps_a_space_a_space():
    # what lets the head be folded in one translate of the joined chunks
    assert normalize(" ") == " "
