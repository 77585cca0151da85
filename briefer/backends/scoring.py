"""Sentence scoring for the extractive engine: position, centrality, title overlap, facts.

    sentence terms (normalised, light-stemmed, stop words out)
      -> base score: position, centrality (TF-IDF cosine to the article), title overlap,
         key figures, attributed quote, length
      -> penalties: boilerplate / call to the reader / "read also", a dangling opener, a question
      -> ranking best first; redundancy is controlled when sentences are taken (select_diverse)

Penalties cost a regular-expression search each, so they are computed lazily: the base score
is an upper bound of the final one, and a heap only evaluates the sentences that reach the top.
The engine needs a handful of sentences, so most articles pay for five or six searches.
Everything else is linear in the article. No numpy: articles are tens of sentences.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import mul

from briefer.arabic.normalize import light_stem, normalize, tokens
from briefer.backends import extractive_data as data
from briefer.types import Analysis


@dataclass(frozen=True)
class Weights:
    """How much each feature counts. Position, centrality and title were set on the evaluation
    data (EASC, a third of the sentences): a stronger lead bias than this loses to Lead-k less."""

    position: float = 2.0
    centrality: float = 0.35
    title: float = 0.3
    figures: float = 0.1
    quote: float = 0.1
    boilerplate: float = 3.0
    dangling: float = 0.6
    short: float = 0.8
    long: float = 0.3
    question: float = 0.2
    #: share of the shorter sentence's terms found in the other one that makes two sentences redundant
    redundancy: float = 0.6


DEFAULT_WEIGHTS = Weights()
SHORT_TERMS = 4  # fewer content terms than this: a dateline, byline or fragment
LONG_TERMS = 45  # more than this: a run-on paragraph rather than a sentence

# Stemming the same frequent words again and again is most of the tokenising cost.
_stem = lru_cache(maxsize=1 << 16)(light_stem)


@dataclass(frozen=True)
class ScoredSentence:
    index: int
    score: float
    terms: frozenset[str]
    figures: int
    attributed_quote: bool
    boilerplate: bool = False
    dangling: bool = False


def sentence_terms(text: str) -> list[str]:
    """Content terms in order: normalised, light-stemmed tokens without stop words."""
    stop = data.stopwords()
    return [term for term in map(_stem, tokens(text)) if term not in stop]


def article_terms(analysis: Analysis) -> list[list[str]]:
    """sentence_terms of every sentence: the costly part of scoring, which callers running
    several summarisers on one article (the evaluation) compute once and pass to each."""
    return [sentence_terms(s.text) for s in analysis.sentences]


def base_scores(analysis: Analysis, terms: Sequence[Sequence[str]] | None = None,
                weights: Weights = DEFAULT_WEIGHTS) -> list[ScoredSentence]:
    """Every sentence with its score before penalties, in article order."""
    sentences = analysis.sentences
    if not sentences:
        return []
    term_lists = article_terms(analysis) if terms is None else terms
    term_sets = [frozenset(t) for t in term_lists]
    centrality = _centrality(term_lists, term_sets)
    title_terms = frozenset(sentence_terms(analysis.article.title))
    figures = Counter(f.sentence for f in analysis.figures)
    quoted = {q.sentence for q in analysis.quotes if q.attributed}
    scored = []
    for sentence, term_list, term_set in zip(sentences, term_lists, term_sets, strict=True):
        index = sentence.index
        length = len(term_list)
        value = (
            weights.position * _position(index)
            + weights.centrality * centrality[index]
            + weights.title * _overlap(title_terms, term_set)
            + weights.figures * min(figures[index], 2) / 2
            + weights.quote * (index in quoted)
            - weights.short * (length < SHORT_TERMS)
            - weights.long * (length > LONG_TERMS)
        )
        scored.append(ScoredSentence(index, value, term_set, figures[index], index in quoted))
    return scored


def ranked(analysis: Analysis, terms: Sequence[Sequence[str]] | None = None,
           weights: Weights = DEFAULT_WEIGHTS) -> Iterator[ScoredSentence]:
    """Sentences best first, penalties applied; lazy, so taking a few costs a few searches."""
    return rank_lazily(base_scores(analysis, terms, weights), analysis, weights)


def rank_lazily(candidates: Iterable[ScoredSentence], analysis: Analysis, weights: Weights = DEFAULT_WEIGHTS,
                penalised: dict[int, ScoredSentence] | None = None) -> Iterator[ScoredSentence]:
    """Candidates (base scores) best first after penalties, evaluating penalties only for the
    ones that reach the top. `penalised` caches final scores across several rankings."""
    cache = {} if penalised is None else penalised
    heap = []
    for scored in candidates:
        final = cache.get(scored.index)
        heap.append((-(final or scored).score, scored.index, final is not None, final or scored))
    heapq.heapify(heap)
    while heap:
        _, index, done, scored = heapq.heappop(heap)
        if done:
            yield scored
            continue
        final = cache[index] = _with_penalties(scored, analysis.sentences[index].text, weights)
        heapq.heappush(heap, (-final.score, index, True, final))


def select_diverse(candidates: Iterator[ScoredSentence], count: int,
                   weights: Weights = DEFAULT_WEIGHTS) -> list[ScoredSentence]:
    """The best `count` sentences, skipping any redundant with one already taken (then filling
    with the skipped ones if the article runs short)."""
    taken: list[ScoredSentence] = []
    skipped: list[ScoredSentence] = []
    for candidate in candidates:
        if len(taken) >= count:
            break
        if any(redundant(candidate.terms, t.terms, weights.redundancy) for t in taken):
            skipped.append(candidate)
        else:
            taken.append(candidate)
    return taken + skipped[: max(0, count - len(taken))]


def redundant(a: frozenset[str], b: frozenset[str], threshold: float = DEFAULT_WEIGHTS.redundancy) -> bool:
    """Two sentences say the same thing when most of the shorter one's terms are in the other."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def _with_penalties(scored: ScoredSentence, text: str, weights: Weights) -> ScoredSentence:
    folded = normalize(text)
    is_boilerplate = data.is_boilerplate(folded)
    # a saying verb with no subject is fine when the quote layer knows the speaker: the bullet
    # writer names them
    is_dangling = not scored.attributed_quote and data.dangling_opener().match(folded) is not None
    is_question = folded.rstrip().endswith("?")
    penalty = (weights.boilerplate * is_boilerplate + weights.dangling * is_dangling
               + weights.question * is_question)
    return ScoredSentence(scored.index, scored.score - penalty, scored.terms, scored.figures,
                          scored.attributed_quote, is_boilerplate, is_dangling)


def _position(index: int) -> float:
    """News is lead-heavy: the lead counts fully, later sentences fall off (1/sqrt: the second
    paragraph still matters more than the tenth, unlike with 1/n)."""
    return 1.0 / math.sqrt(1.0 + index)


def _overlap(title_terms: frozenset[str], terms: frozenset[str]) -> float:
    """Share of the title's terms that the sentence carries."""
    if not title_terms:
        return 0.0
    return len(title_terms & terms) / len(title_terms)


def _centrality(term_lists: Sequence[Sequence[str]], term_sets: Sequence[frozenset[str]]) -> list[float]:
    """TF-IDF cosine of each sentence (its set of terms) with the whole article, scaled so the
    best is 1.

    A centroid rather than a sentence graph: linear in the article, and on news it ranks
    sentences much as LexRank does. Sums run through map() over dicts, the fast path in CPython.
    """
    total = len(term_sets)
    document_frequency = Counter(chain.from_iterable(term_sets))
    terms = list(document_frequency)
    idf_by_df = [0.0] + [math.log(1 + total / df) for df in range(1, total + 1)]
    idf_squared = dict(zip(terms, map(_square, map(idf_by_df.__getitem__, document_frequency.values())),
                           strict=True))
    article = Counter(chain.from_iterable(term_lists))
    article_tf = list(map(article.__getitem__, terms))
    # sentence . article = sum over the sentence's terms of idf^2 * tf in the article
    article_weight = dict(zip(terms, map(mul, article_tf, map(idf_squared.__getitem__, terms)), strict=True))
    article_norm = math.sqrt(sum(map(mul, map(_square, article_tf), map(idf_squared.__getitem__, terms)))) or 1.0
    cosines = []
    for term_set in term_sets:
        norm = sum(map(idf_squared.__getitem__, term_set))
        dot = sum(map(article_weight.__getitem__, term_set))
        cosines.append(dot / (math.sqrt(norm) * article_norm) if norm else 0.0)
    best = max(cosines) or 1.0
    return [c / best for c in cosines]


def _square(value: float) -> float:
    return value * value
