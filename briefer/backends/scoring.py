"""Sentence scoring for the extractive engine: position, centrality, title overlap, facts.

    sentence terms (normalised, light-stemmed, stop words out; one cached lookup per word)
      -> base score: position, centrality (TF-IDF cosine to the article), title overlap,
         key figures, attributed quote, length
      -> penalties: boilerplate / call to the reader / "read also", a dangling opener, a question
      -> ranking best first; redundancy is controlled when sentences are taken (select_diverse)

Cost, per article of ~20 sentences: terms come from a cache keyed by the whitespace-separated
chunk ("والحكومة،"): the same words recur across articles, so normalising and stemming happen
once per distinct chunk, not once per occurrence. Centrality counts the terms once and then
makes one pass over each sentence's terms, looking both of a term's weights up by its count
(no per-term dictionaries). Penalties are computed lazily: the base score is an upper bound of
the final one, and a heap only evaluates the sentences that reach the top, and no more once
enough are taken; each evaluation folds the sentence's first words with one translate, makes
two anchored matches, and folds the whole text for the "anywhere" boilerplate patterns only
when its terms hold one of the words they need (one search of the joined terms,
extractive_data.term_cue_pattern). Nothing on this path is cached per word or per chunk except
the terms, so a first pass over new articles costs little more than the next ones. No numpy:
articles are tens of sentences.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from briefer.arabic.normalize import light_stem, normalize, tokens
from briefer.backends import extractive_data as data
from briefer.types import Analysis


@dataclass(frozen=True)
class Weights:
    """How much each feature counts.

    Position, centrality, title, short, long and redundancy were chosen on the even-numbered
    records (by file order) of EASC with a third of the sentences, and checked on the odd ones;
    the grid and the scores are in the extractive engine's report. The best settings form a
    plateau (within 0.05 ROUGE-1): among them, the one that keeps every feature. A strong lead
    bias wins on news: centrality and title mostly break ties between neighbouring sentences,
    and the length penalties push out fragments and run-on paragraphs."""

    position: float = 12.0
    centrality: float = 0.35
    title: float = 0.1
    figures: float = 0.1
    quote: float = 0.1
    boilerplate: float = 3.0
    dangling: float = 0.6
    short: float = 1.5
    long: float = 1.0
    question: float = 0.2
    #: share of the shorter sentence's terms found in the other one that makes two sentences redundant
    redundancy: float = 0.8


DEFAULT_WEIGHTS = Weights()
SHORT_TERMS = 4  # fewer content terms than this: a dateline, byline or fragment
LONG_TERMS = 45  # more than this: a run-on paragraph rather than a sentence
_QUESTION_MARKS = ("?", "؟")
_SENTENCE = attrgetter("sentence")  # a figure's sentence index, read in C
#: the penalties' anchored patterns span a few words: folding the sentence's head is enough
HEAD_WORDS = 6


class ScoredSentence(NamedTuple):
    """A tuple, not a dataclass: one is built per sentence per article, on the hot path."""

    index: int
    score: float
    terms: Sequence[str]  # content terms in order (frozenset(terms) for redundancy)
    figures: int
    attributed_quote: bool
    boilerplate: bool = False
    dangling: bool = False


@lru_cache(maxsize=1 << 17)
def _chunk_terms(chunk: str) -> tuple[str, ...]:
    """Content terms of one whitespace-separated chunk of raw text. Exact: tokens never span
    whitespace, so the terms of a text are the terms of its chunks in order."""
    stop = data.stopwords()
    return tuple(term for term in map(light_stem, tokens(chunk)) if term not in stop)


def sentence_terms(text: str) -> list[str]:
    """Content terms in order: normalised, light-stemmed tokens without stop words."""
    return list(chain.from_iterable(map(_chunk_terms, text.split())))


def article_terms(analysis: Analysis) -> list[list[str]]:
    """sentence_terms of every sentence: callers running several summarisers on one article
    (the evaluation) compute them once and pass them to each."""
    return [sentence_terms(s.text) for s in analysis.sentences]


def base_scores(analysis: Analysis, terms: Sequence[Sequence[str]] | None = None,
                weights: Weights = DEFAULT_WEIGHTS) -> list[ScoredSentence]:
    """Every sentence with its score before penalties, in article order."""
    if not analysis.sentences:
        return []
    term_lists = article_terms(analysis) if terms is None else terms
    scores = _feature_scores(analysis, term_lists, weights)
    # figures.get, not figures[...]: a Counter answers a missing key with a Python-level __missing__
    figures = Counter(map(_SENTENCE, analysis.figures)) if analysis.figures else {}
    quoted = {q.sentence for q in analysis.quotes if q.attributed}
    figure_count = figures.get
    for index in figures.keys() | quoted:
        if 0 <= index < len(scores):
            scores[index] += (weights.figures * min(figure_count(index, 0), 2) / 2
                              + weights.quote * (index in quoted))
    # tuple.__new__ skips the NamedTuple's Python-level __new__: one per sentence, hot path
    new = tuple.__new__
    return [new(ScoredSentence, (index, score, term_list, figure_count(index, 0), index in quoted, False, False))
            for index, (score, term_list) in enumerate(zip(scores, term_lists, strict=True))]


def _feature_scores(analysis: Analysis, term_lists: Sequence[Sequence[str]], weights: Weights) -> list[float]:
    """Position, centrality, title overlap and length of every sentence, summed; the facts
    (figures, quotes) are added by the caller for the few sentences that have them."""
    title_terms = frozenset(sentence_terms(analysis.article.title))
    share = weights.title / len(title_terms) if title_terms else 0.0
    # length outside the bounds of a sentence: a fragment (dateline, byline) or a run-on paragraph
    length_penalty = [-weights.short] * SHORT_TERMS + [0.0] * (LONG_TERMS + 1 - SHORT_TERMS)
    long_penalty = -weights.long
    position, centrality = weights.position, weights.centrality
    return [
        position * place + centrality * central
        + (share * len(title_terms.intersection(term_list)) if share else 0.0)
        + (length_penalty[len(term_list)] if len(term_list) <= LONG_TERMS else long_penalty)
        for place, central, term_list in zip(_positions(len(term_lists)), _centrality(term_lists), term_lists,
                                             strict=True)
    ]


@lru_cache(maxsize=64)
def _positions(count: int) -> tuple[float, ...]:
    """News is lead-heavy: the lead counts fully, later sentences fall off (1/sqrt: the second
    paragraph still matters more than the tenth, unlike with 1/n)."""
    return tuple(1.0 / math.sqrt(1.0 + index) for index in range(count))


def ranked(analysis: Analysis, terms: Sequence[Sequence[str]] | None = None,
           weights: Weights = DEFAULT_WEIGHTS) -> Iterator[ScoredSentence]:
    """Sentences best first, penalties applied; lazy, so taking a few costs a few searches."""
    return rank_lazily(base_scores(analysis, terms, weights), analysis, weights)


def rank_lazily(candidates: Iterable[ScoredSentence], analysis: Analysis, weights: Weights = DEFAULT_WEIGHTS,
                penalised: dict[int, ScoredSentence] | None = None) -> Iterator[ScoredSentence]:
    """Candidates (base scores) best first after penalties, evaluating penalties only for the
    ones that reach the top. `penalised` caches final scores across several rankings.

    Heap entries are (-score, index, final?, sentence): indexes are unique, so comparisons
    never reach the last two."""
    cache = {} if penalised is None else penalised
    heap = _heap_entries(candidates, cache)
    heapq.heapify(heap)
    sentences = analysis.sentences
    while heap:
        _, index, final, scored = heapq.heappop(heap)
        while not final:
            penalised_scored = cache[index] = _with_penalties(scored, sentences[index].text, weights)
            if penalised_scored is scored:  # no penalty: the same score, still the best
                break
            _, index, final, scored = heapq.heappushpop(
                heap, (-penalised_scored.score, index, True, penalised_scored))
        yield scored


def _heap_entries(candidates: Iterable[ScoredSentence],
                  cache: dict[int, ScoredSentence]) -> list[tuple[float, int, bool, ScoredSentence]]:
    """rank_lazily's heap, unordered: a candidate already penalised enters with its final score."""
    if not cache:  # a first ranking: every candidate has its base score only
        return [(-scored.score, scored.index, False, scored) for scored in candidates]
    entries = []
    for scored in candidates:
        final = cache.get(scored.index)
        entries.append((-scored.score, scored.index, False, scored) if final is None
                       else (-final.score, final.index, True, final))
    return entries


def select_diverse(candidates: Iterator[ScoredSentence], count: int,
                   weights: Weights = DEFAULT_WEIGHTS) -> list[ScoredSentence]:
    """The best `count` sentences, skipping any redundant with one already taken (then filling
    with the skipped ones if the article runs short)."""
    taken: list[ScoredSentence] = []
    # the taken sentences' non-empty term sets, each with threshold * its size: the shared
    # terms that make a shorter sentence redundant with it
    taken_sets: list[tuple[frozenset[str], float]] = []
    skipped: list[ScoredSentence] = []
    threshold = weights.redundancy
    if count <= 0:
        return taken
    for candidate in candidates:  # stops at `count` taken: the lazy ranking evaluates no more
        terms = frozenset(candidate.terms)
        needed = threshold * len(terms)
        # redundant() inlined, as a loop rather than any(generator): this runs for every
        # sentence taken, in every article
        for other, other_needed in taken_sets if terms else ():
            if len(terms & other) >= (needed if needed < other_needed else other_needed):
                skipped.append(candidate)
                break
        else:
            taken.append(candidate)
            if terms:
                taken_sets.append((terms, needed))
            if len(taken) >= count:
                break
    return taken + skipped[: max(0, count - len(taken))]


def redundant(a: AbstractSet[str], b: AbstractSet[str], threshold: float = DEFAULT_WEIGHTS.redundancy) -> bool:
    """Two sentences say the same thing when most of the shorter one's terms are in the other."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def is_boilerplate(text: str) -> bool:
    """A "read also" line, a call to the reader or debris (raw sentence text)."""
    return _penalty_flags(text, sentence_terms(text))[0]


def _with_penalties(scored: ScoredSentence, text: str, weights: Weights) -> ScoredSentence:
    head = _folded_head(text)
    is_boilerplate = _is_boilerplate(text, head, scored.terms)
    # a saying verb with no subject is fine when the quote layer knows the speaker: the bullet
    # writer names them (so the opener need not even be looked at)
    is_dangling = not scored.attributed_quote and data.dangling_opener().match(head) is not None
    is_question = text.rstrip().endswith(_QUESTION_MARKS)
    penalty = (weights.boilerplate * is_boilerplate + weights.dangling * is_dangling
               + weights.question * is_question)
    if not penalty:
        return scored
    return ScoredSentence(scored.index, scored.score - penalty, scored.terms, scored.figures,
                          scored.attributed_quote, is_boilerplate, is_dangling)


def _penalty_flags(text: str, terms: Sequence[str]) -> tuple[bool, bool]:
    """(boilerplate, opens with a dangling reference) for raw sentence text and its terms."""
    head = _folded_head(text)
    return _is_boilerplate(text, head, terms), data.dangling_opener().match(head) is not None


def _folded_head(text: str) -> str:
    """What the anchored patterns see. They span a few words: the first HEAD_WORDS chunks,
    folded and joined by single spaces (their \\s matches any run of spaces; a hashtag-only line
    is matched to its end, so it is taken whole). One translate of the joined chunks: folding
    maps character by character and a space to itself, so this is each chunk folded and joined,
    without a per-chunk cache that a first pass over new articles would mostly miss."""
    chunks = text.split() if "#" in text else text.split(maxsplit=HEAD_WORDS)[:HEAD_WORDS]
    return normalize(" ".join(chunks))


def _is_boilerplate(text: str, head: str, terms: Sequence[str]) -> bool:
    """The "anywhere" patterns fold and search the whole text only when the terms hold a word
    they need."""
    return data.boilerplate_at_start().match(head) is not None or (
        data.terms_have_boilerplate_cue(terms) and data.is_boilerplate(normalize(text)))


@lru_cache(maxsize=4096)
def _count_weights(total: int, most: int) -> tuple[complex, ...]:
    """By a term's count in an article of `total` sentences (0 to `most`), both of its weights
    in one complex number: the real part is its idf squared (idf from the count, capped at the
    number of sentences; a sentence's norm term), the imaginary part its share of the sentence
    . article dot product (idf squared times the count). The same few pairs of (sentences,
    highest count) come back article after article."""
    weights = [0j]
    for count in range(1, most + 1):
        idf_squared = math.log(1 + total / min(count, total)) ** 2
        weights.append(complex(idf_squared, count * idf_squared))
    return tuple(weights)


def _centrality(term_lists: Sequence[Sequence[str]]) -> list[float]:
    """TF-IDF cosine of each sentence with the whole article, scaled so the best is 1.

    A centroid rather than a sentence graph: linear in the article, and on news it ranks
    sentences much as LexRank does. Both weights of a term depend only on its count in the
    article (its document frequency stands in for that count: in news a term rarely repeats
    inside one sentence), so they are looked up by count in one short list instead of building
    per-term dictionaries. Held as one complex number, they are summed by a single pass over
    the sentence's terms: complex addition adds the two parts apart and in order, so each part
    is the plain float sum of its weights. The article's own norm is the same for every
    sentence and cancels in the scaling.
    """
    count = Counter(chain.from_iterable(term_lists))
    total = len(term_lists)
    # a table up to at least `total`: fewer distinct (sentences, highest count) pairs to work out
    weight = _count_weights(total, max(total, max(count.values(), default=0))).__getitem__
    term_count = count.__getitem__
    sums = [sum(map(weight, map(term_count, term_list))) for term_list in term_lists]  # norm + dot * 1j
    cosines = [norm_and_dot.imag / math.sqrt(norm_and_dot.real) if norm_and_dot.real else 0.0
               for norm_and_dot in sums]
    best = max(cosines, default=0.0) or 1.0
    return [c / best for c in cosines]
