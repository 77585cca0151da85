"""Stories from articles: which briefs report the same event.

Two articles are one story when their similarity reaches ``merge_threshold``. Similarity is the
TF-IDF cosine of their normalised, clitic-stripped words (headline words count double), plus a
bonus for the exact figures and the named entities they share: two outlets rarely share wording,
but they do share "2.4 مليون حبة" and "375 كيلومترا".

Near-linear, not all pairs: every article is indexed under its few heaviest terms and figures
(an inverted index); only articles sharing at least two of those keys are compared, and a key
held by very many articles (a word of the day, not of the event) is not used to pair them.
"""

from __future__ import annotations

import functools
import math
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from briefer.arabic.normalize import normalize
from briefer.types import ArticleBrief

#: heaviest terms of an article that go into the inverted index
INDEX_TERMS = 16
#: keys an article must share with another before the two are compared
MIN_SHARED_KEYS = 2
#: a key held by more articles than this pairs nobody (stops the quadratic blow-up)
MAX_POSTING = 60
#: similarity bonus per shared figure / entity, and how many count
FIGURE_BONUS, MAX_FIGURES = 0.08, 4
ENTITY_BONUS, MAX_ENTITIES = 0.05, 3
#: below this cosine the bonuses shrink in proportion: round numbers (150, 500) and big names
#: are shared by unrelated stories, so they only confirm stories whose words already overlap
BONUS_SUPPORT = 0.2
#: a word in more than this share of the articles (and more than two) carries no weight
COMMON_SHARE = 0.5
#: characters of body text compared: the top of an article carries the event
BODY_CHARS = 1200

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# The article with the conjunction/preposition glued before it (وال، بال، فبال، لل): stripped for
# matching only. A lone initial و/ب/ل is left alone: it is as often the word's own first letter
# (وزير، بيان، لجنة) as a clitic, and stripping it would split one word into two terms.
_CLITICS = regex.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)(?=\p{L}{2,})")


@dataclass(frozen=True, slots=True)
class Features:
    """What similarity looks at in one article.

    The term weights are kept as a tuple of terms and a float array rather than a dict: a day of
    10,000 articles holds all of them at once, and a dict costs five times as much."""

    terms: tuple[str, ...]  # heaviest first
    values: array  # their tf-idf weights, L2-normalised
    figures: frozenset[str]  # figure values that identify an event (see figure_keys)
    entities: frozenset[str]  # normalised canonical entity names

    @classmethod
    def of(cls, weights: dict[str, float], figures: frozenset[str], entities: frozenset[str]) -> Features:
        ranked = sorted(weights, key=lambda t: (-weights[t], t))
        return cls(tuple(ranked), array("d", (weights[t] for t in ranked)), figures, entities)

    @property
    def weights(self) -> dict[str, float]:
        return dict(zip(self.terms, self.values))

    def keys(self) -> list[str]:
        """The index keys: heaviest terms first, then the figures."""
        return list(self.terms[:INDEX_TERMS]) + [f"#{value}" for value in sorted(self.figures)]


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """What clustering reads of one article, taken once when the brief arrives: a day of 10,000
    articles holds all of them while stories form, so counts sit in an array, not a Counter."""

    terms: tuple[str, ...]  # content terms, in order of first appearance (the weights' sum order)
    counts: array  # how often each occurs (headline words count double)
    figures: frozenset[str]  # see figure_keys
    entities: frozenset[str]  # normalised canonical entity names

    def __reduce__(self):
        # made in a worker process and unpickled in the parent: its words are interned again on
        # arrival, or each of 10,000 entries would hold a copy of the day's vocabulary (60 MB)
        return _interned_keys, (self.terms, self.counts, self.figures, self.entities)


def _interned_keys(terms: tuple[str, ...], counts: array, figures: frozenset[str], entities: frozenset[str]) -> ArticleKeys:
    return ArticleKeys(tuple(map(sys.intern, terms)), counts, figures, entities)


def terms(text: str) -> list[str]:
    """Normalised words without the article: 'والانتخابات' and 'انتخابات' both -> 'انتخابات'.

    Interned: thousands of articles share one vocabulary, and every article's copy of a word
    would otherwise be a string of its own (hundreds of MB on a 10,000-article day)."""
    return [_matching_term(word) for word in _WORD.findall(normalize(text).lower())]


@functools.lru_cache(maxsize=1 << 15)
def _matching_term(word: str) -> str:
    # a day's articles repeat a few thousand words: strip each word's clitics once, not per use
    return sys.intern(_CLITICS.sub("", word))


def article_keys(brief: ArticleBrief) -> ArticleKeys:
    count = _term_counts(brief)
    return ArticleKeys(tuple(count), array("I", count.values()), figure_keys(brief), _entity_keys(brief))


def cluster(briefs: Sequence[ArticleBrief], threshold: float) -> list[list[int]]:
    """Groups of brief indexes that are one story, each group in input order, groups by first index."""
    return cluster_keys([article_keys(brief) for brief in briefs], threshold)


def cluster_keys(keys: Sequence[ArticleKeys], threshold: float) -> list[list[int]]:
    """cluster() over the articles' keys, taken beforehand."""
    features = features_of(keys)
    parent = list(range(len(keys)))
    pairs = sorted(
        ((sim, i, j) for sim, i, j in _similarities(features, candidate_pairs(features)) if sim >= threshold),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for _, i, j in pairs:
        _union(parent, i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(keys)):
        groups[_find(parent, index)].append(index)
    return sorted(groups.values(), key=lambda group: group[0])


def featurize(briefs: Sequence[ArticleBrief]) -> list[Features]:
    return features_of([article_keys(brief) for brief in briefs])


def features_of(keys: Sequence[ArticleKeys]) -> list[Features]:
    document_frequency = Counter(term for key in keys for term in key.terms)
    total = len(keys)
    # idf = log(1 + N/df) stays positive, so two reports alone in a batch still match on their
    # shared words; words in more than half of a larger batch are the day's filler and go
    common = max(2, total * COMMON_SHARE)
    features = []
    for key in keys:
        weights = {
            term: (1 + math.log(tf)) * math.log(1 + total / document_frequency[term])
            for term, tf in zip(key.terms, key.counts)
            if document_frequency[term] <= common
        }
        weights = _l2_normalised({t: w for t, w in weights.items() if w > 0})
        features.append(Features.of(weights, key.figures, key.entities))
    return features


def candidate_pairs(features: Sequence[Features]) -> set[tuple[int, int]]:
    """Pairs of articles sharing at least MIN_SHARED_KEYS index keys (inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, feature in enumerate(features):
        for key in feature.keys():
            postings[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if len(holders) < 2 or len(holders) > MAX_POSTING:
            continue
        for a in range(len(holders)):
            for b in range(a + 1, len(holders)):
                shared[(holders[a], holders[b])] += 1
    return {pair for pair, count in shared.items() if count >= MIN_SHARED_KEYS}


def _similarities(features: Sequence[Features], pairs: Iterable[tuple[int, int]]) -> Iterable[tuple[float, int, int]]:
    """similarity() of each pair, building each article's weight lookup once per run of pairs."""
    held, lookup = -1, {}
    for i, j in sorted(pairs):
        if i != held:
            held, lookup = i, features[i].weights
        yield _similarity(features[i], lookup, features[j]), i, j


def similarity(a: Features, b: Features) -> float:
    """Cosine of the term weights, plus capped bonuses for shared figures and entities."""
    return _similarity(a, a.weights, b)


def _similarity(a: Features, a_weights: dict[str, float], b: Features) -> float:
    cosine = sum(weight * a_weights.get(term, 0.0) for term, weight in zip(b.terms, b.values))
    figures = min(len(a.figures & b.figures), MAX_FIGURES) * FIGURE_BONUS
    entities = min(len(a.entities & b.entities), MAX_ENTITIES) * ENTITY_BONUS
    support = min(1.0, cosine / BONUS_SUPPORT)
    return min(1.0, cosine + (figures + entities) * support)


def figure_keys(brief: ArticleBrief) -> frozenset[str]:
    """Values that pin an event down: not years, not the small counts every story has."""
    keys = set()
    for figure in brief.analysis.figures:
        value = figure.value
        if value is None or figure.kind in {"date", "ordinal", "duration"}:
            continue
        if value < 20 or (1900 <= value <= 2100 and value == int(value)):
            continue
        keys.add(sys.intern(f"{value:g}"))  # shared across the day's articles, like terms
    return frozenset(keys)


def _term_counts(brief: ArticleBrief) -> Counter[str]:
    article = brief.article
    headline = brief.headline_ar or article.title
    count = Counter(t for t in terms(article.text[:BODY_CHARS]) if _is_content(t))
    for term in terms(headline):
        if _is_content(term):
            count[term] += 2
    return count


def _is_content(term: str) -> bool:
    # Digits are handled as figures; one- and two-letter tokens are particles.
    return len(term) >= 3 and not term.isdigit()


def _entity_keys(brief: ArticleBrief) -> frozenset[str]:
    return frozenset(sys.intern(normalize(e.canonical or e.text)) for e in brief.analysis.entities if e.kind != "title")


def _l2_normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]  # path halving keeps the trees flat
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def pairwise_report(briefs: Sequence[ArticleBrief]) -> Iterable[tuple[float, int, int]]:
    """Every candidate pair with its similarity, best first: for tuning merge_threshold."""
    features = featurize(briefs)
    scored = ((similarity(features[i], features[j]), i, j) for i, j in candidate_pairs(features))
    return sorted(scored, key=lambda item: (-item[0], item[1], item[2]))
