"""The article as the guard reads it, once per article: folded text, word forms, quantities,
quotes, people, and the figures of any verbatim slice (so a copied bullet is not read again)."""

from __future__ import annotations

import bisect
import dataclasses
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import split_sentences
from briefer.types import Analysis, Bullet, Figure, Quote, Sentence
from briefer.verify.forms import _fold, _Folding
from briefer.verify.names import _distinctive
from briefer.verify.quantities import (
    _DIGIT_RUN,
    _PLAIN_DIGITS,
    _arabic_quantity,
    _bare_value,
    _digit_key,
    _quantities_of,
    _Quantity,
    _QuantityIndex,
)

#: two digit runs the article writes joined, as the figures layer and the English side join a range
#: or a score: by a dash ("3-1", "15 -30"), by إلى/حتى ("من 1997 إلى 2006"), or by و after بين or عامي
#: ("بين 15 و25"); neither run part of a longer number ("21-5-1436" gives 21-5 only; a full stop after
#: the second is the sentence's)
_JOINED_PAIR = regex.compile(
    r"(?<!\p{Nd}|\p{Nd}[.,٫٬])(\p{Nd}+)"
    r"(?:\s*[-–—]\s*|\s*-?\s*(?:إلى|الى|حتى|حتي)\s*|(?<=(?:بين|عامي)\s+\p{Nd}+)\s*و\s*)"
    r"(\p{Nd}+)(?!\p{Nd}|[.,٫٬]\p{Nd})"
)


class _Source:
    """What the guard compares bullets with, computed once per article."""

    def __init__(self, analysis: Analysis):
        article = analysis.article
        self.analysis = analysis
        folding = self._folding = _Folding(article.text)
        self.folded = folding.fold(0, len(article.text))
        self.forms = folding.token_forms("\n" + article.title)
        read = [_arabic_quantity(article.text, f, folding) for f in (*analysis.figures, *self._bare_numbers())]
        self.quantities = [quantity for quantity, _ in read]
        # per figure of the facts layer: its quantity and how far it read, for bullets copied verbatim
        self._figure_reads = read[: len(analysis.figures)]
        self.quotes = [(q, _fold(q.text)) for q in analysis.quotes]
        self.people = self._people()
        self.digit_runs = {_digit_key(m.group()) for m in _DIGIT_RUN.finditer(self.folded)}
        self.digit_runs |= {m.group() for m in _PLAIN_DIGITS.finditer(self.folded)}
        self._matches: dict[int, tuple[_Quantity, tuple[_Quantity, ...]]] = {}
        self._index = _QuantityIndex(self.quantities)
        self._slice_quantities: dict[str, tuple[_Quantity, ...]] = {}

    def matching(self, quantity: _Quantity) -> tuple[_Quantity, ...]:
        """The article's quantities that a bullet's quantity says (the checks and provenance both ask)."""
        held = self._matches.get(id(quantity))  # by identity: hashing a quantity costs more than this
        if held is not None and held[0] is quantity:
            return held[1]
        found = tuple(s for s in self._index.candidates(quantity) if quantity.same_as(s))
        if not found and quantity.written_pair is not None:
            found = self.joined_pairs.get(quantity.written_pair, ())
        self._matches[id(quantity)] = (quantity, found)  # holding it keeps its id from being reused
        return found

    @cached_property
    def joined_pairs(self) -> dict[tuple[float, float], tuple[_Quantity, ...]]:
        """Two bare numbers the article writes joined ("3-1", "٣-١", "من عام 1997 إلى 2006"), as
        quantities with both ends, by (first, second): the figures layer reads a score, or years
        joined by إلى, as two figures, yet a bullet may say them as one. Kept apart from
        ``quantities`` so repairs never take one for a single figure."""
        text = self.analysis.article.text
        pairs: dict[tuple[float, float], tuple[_Quantity, ...]] = {}
        for match in _JOINED_PAIR.finditer(text):
            first, second = float(normalize(match.group(1))), float(normalize(match.group(2)))
            figure = Figure(match.group(), match.start(), match.end(), first, kind="score", value_max=second,
                            sentence=self.sentence_of(match.start()))
            quantity = _Quantity(figure, first, second, False, "", match.start(), match.end(), _fold(match.group()))
            pairs[first, second] = (*pairs.get((first, second), ()), quantity)
        return pairs

    def _bare_numbers(self) -> list[Figure]:
        """Digit runs the figures layer did not take (a hotline "911", the parts of "21/5/1436").

        Still figures of the article: a bullet repeating one is not inventing it.
        """
        text = self.analysis.article.text
        taken = [(f.start, f.end) for f in self.analysis.figures]
        bare = []
        for match in _DIGIT_RUN.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            # "08,15" may be a time, "64,6" a decimal, "3,500" thousands: keep every reading
            readings = {(match.start(), match.end(), _bare_value(match.group()))}
            readings |= {(m.start(), m.end(), float(normalize(m.group()))) for m in _PLAIN_DIGITS.finditer(text, match.start(), match.end())}
            sentence = self.sentence_of(match.start())
            bare += [Figure(text[s:e], s, e, v, sentence=sentence) for s, e, v in sorted(readings, key=str) if v is not None]
        return bare

    def fold(self, text: str) -> str:
        """``_fold(text)``, read off the folded article when ``text`` is copied from it."""
        start = self.analysis.article.text.find(text) if text else -1
        return self._folding.fold(start, start + len(text)) if start >= 0 else _fold(text)

    def bullet_quantities(self, bullet: Bullet) -> list[_Quantity]:
        """The bullet's quantities: for an Arabic bullet copied from the article, read from the
        article's figures in that span instead of running the figures layer on it again."""
        if bullet.lang != "ar":
            return list(_quantities_of(bullet.lang, bullet.text))
        found = self._slice_quantities.get(bullet.text)
        if found is None:
            found = self._slice_quantities[bullet.text] = self._quantities_of_slice(bullet.text)
        return list(found)

    def _quantities_of_slice(self, text: str) -> tuple[_Quantity, ...]:
        """``_quantities_of("ar", text)``, from the article's own where ``text`` is copied from it.

        A figure whose reading (scale word, 40 characters of tail) stays inside the copy has the
        article's quantity, moved; one read near the copy's end is read again in the copy.
        """
        found = self._figures_of_slice(text)
        if found is None:
            return _quantities_of("ar", text)
        offset, figures = found
        folding = None
        quantities = []
        for index, figure in figures:
            quantity, reach = self._figure_reads[index]
            if reach <= offset + len(text):
                quantities.append(_Quantity(figure, quantity.value, quantity.value_max, quantity.percent, quantity.currency,
                                            quantity.start - offset, quantity.end - offset, quantity.folded))
                continue
            folding = folding or _Folding(text, whole=False)
            quantities.append(_arabic_quantity(text, figure, folding)[0])
        return tuple(quantities)

    def _figures_of_slice(self, text: str) -> tuple[int, list[tuple[int, Figure]]] | None:
        """``find_figures(text, split_sentences(text))`` for a verbatim slice of the article, or None.

        Returned as the slice's offset and (index in ``analysis.figures``, figure in the slice) pairs.

        The figures layer reads a figure from its own words (digits, scale, unit, approximation
        marker), so a slice that cuts through no figure holds the article's figures of that span.
        A slice that cuts one ("2.5" before مليار in the next bullet) or touches one at its edge is
        read afresh, and so is a figure whose text is not its span (an Analysis made otherwise).
        """
        if not text.strip():
            return None
        article = self.analysis.article.text
        start = article.find(text)
        while start >= 0:
            inside = self._figures_within(start, start + len(text))
            if inside == []:
                return start, []
            if inside is not None:
                sentences = split_sentences(text)
                starts = [sentence.start for sentence in sentences]
                figures = self.analysis.figures
                return start, [
                    (i, dataclasses.replace(figures[i], start=figures[i].start - start, end=figures[i].end - start,
                                            sentence=_sentence_at(figures[i].start - start, sentences, starts)))
                    for i in inside
                ]
            start = article.find(text, start + 1)
        return None

    def _figures_within(self, start: int, end: int) -> list[int] | None:
        """Indexes of the article's figures inside [start, end); None if one crosses or touches an edge."""
        inside = []
        text = self.analysis.article.text
        for i, f in enumerate(self.analysis.figures):
            if f.end <= start or f.start >= end:
                continue
            if f.start <= start or f.end >= end or f.text != text[f.start : f.end]:
                return None
            inside.append(i)
        return inside

    def _people(self) -> list[set[str]]:
        """Distinctive tokens of every person the facts layer knows: speakers and person entities."""
        people = [_distinctive(q.speaker) for q in self.analysis.quotes if q.speaker and not q.anonymous]
        people += [_distinctive(e.canonical or e.text) for e in self.analysis.entities if e.kind == "person"]
        return [p for p in people if p]

    def speaker_tokens(self, quote: Quote) -> set[str]:
        tokens = _distinctive(quote.speaker)
        if 0 <= quote.speaker_start < quote.speaker_end:
            tokens |= _distinctive(self.analysis.article.text[quote.speaker_start : quote.speaker_end])
        return tokens

    def sentence_of(self, start: int) -> int:
        for sentence in self.analysis.sentences:
            if sentence.start <= start < sentence.end:
                return sentence.index
        return -1

    def quote_sentences(self, quote: Quote) -> set[int]:
        return {s.index for s in self.analysis.sentences if s.start < quote.end and quote.start < s.end}


def _sentence_at(offset: int, sentences: Sequence[Sentence], starts: list[int]) -> int:
    """The index of the sentence holding ``offset`` (the figures layer's rule), -1 if none."""
    position = bisect.bisect_right(starts, offset) - 1
    if position >= 0 and offset < sentences[position].end:
        return sentences[position].index
    return -1


_SOURCES: OrderedDict[int, tuple[Analysis, _Source]] = OrderedDict()


def _source_of(analysis: Analysis) -> _Source:
    """The article read once for its Arabic and its English bullets (a few recent ones kept)."""
    key = id(analysis)
    held = _SOURCES.get(key)
    if held is not None and held[0] is analysis:
        _SOURCES.move_to_end(key)
        return held[1]
    source = _Source(analysis)
    _SOURCES[key] = (analysis, source)
    while len(_SOURCES) > 8:
        _SOURCES.popitem(last=False)
    return source
