"""Figures made comparable: Arabic and English figures read into quantities (value, range, percent,
currency), and the article's quantities indexed so a bullet's figure meets only those it may match."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import split_sentences
from briefer.facts.english import find_english_figures
from briefer.facts.figures import find_figures
from briefer.types import Figure
from briefer.verify.forms import _TOKEN, _fold, _Folding, _forms, _tokens
from briefer.verify.lexicon import _lexicon

_TAIL = 40  # characters after a figure read for its percent and currency words
_DIGIT_RUN = regex.compile(r"\p{Nd}+(?:[.,٫٬]\p{Nd}+)*")
_PLAIN_DIGITS = regex.compile(r"\p{Nd}+")
_NEXT_WORD = regex.compile(r"\s*[\p{L}\p{M}]+")
_THOUSANDS_MARK = regex.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")
_GROUPED_NUMBER = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True)
class _Quantity:
    """A figure made comparable across digit forms, scale words and languages."""

    figure: Figure
    value: float | None
    value_max: float | None
    percent: bool
    currency: str  # canonical English name ("dollar") or ""
    start: int  # extent in its text, scale word included
    end: int
    folded: str  # folded text of the extent, for figures without a numeric value

    @cached_property
    def digits(self) -> frozenset[str]:
        """The digit runs written in it: a date is compared by these (day and year), not one value."""
        return frozenset(d.replace(",", "") for d in _DIGIT_RUN.findall(self.folded))

    @property
    def is_date(self) -> bool:
        return self.figure.kind == "date"

    @property
    def written_pair(self) -> tuple[float, float] | None:
        """(first, second) of a range or score written as two bare numbers ("3-1", "2015–2016"), which
        the article may write joined by a dash without the figures layer reading them as one figure."""
        if self.value_max is None or self.percent or self.currency:
            return None
        numbers = [_bare_value(run) for run in _DIGIT_RUN.findall(self.folded)]
        return (self.value, self.value_max) if numbers == [self.value, self.value_max] else None

    def same_as(self, other: _Quantity) -> bool:
        """Whether this (bullet) figure says what ``other`` (an article figure) says."""
        if self.is_date or other.is_date:
            # "14 October" against "الأحد 14 اكتوبر/تشرين الاول 2018": every number written must be there
            return self.digits <= other.digits if self.digits else self.folded == other.folded
        if self.value is None or other.value is None:
            return bool(self.folded) and self.folded == other.folded
        if self.percent != other.percent:
            return False
        if self.currency and self.currency != other.currency:
            return False  # troops turned into dollars, or riyals into dollars (the article may name none)
        if self.value_max is not None:
            # a range or a score says both its ends: "15–99 percent" is not the article's 15 percent
            return other.value_max is not None and _close(self.value, other.value) and _close(self.value_max, other.value_max)
        return _close(self.value, other.value) or (other.value_max is not None and _close(self.value, other.value_max))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _arabic_quantities(text: str, figures: Sequence[Figure], folding: _Folding | None = None) -> list[_Quantity]:
    """Quantities of Arabic figures, reading the scale, percent and currency words around them.

    The figures layer may or may not fold "2.5 مليار" into one figure; reading the next word here
    keeps مليون and مليار apart either way (a scale word already inside the figure is not re-applied).
    ``folding`` is the caller's ``_Folding(text)``; a bullet's few figures fold slice by slice.
    """
    folding = folding or _Folding(text, whole=False)
    return [_arabic_quantity(text, fig, folding)[0] for fig in figures]


def _arabic_quantity(text: str, fig: Figure, folding: _Folding) -> tuple[_Quantity, int]:
    """One figure's quantity, and the offset of ``text`` it read up to: any text that has the same
    characters from the figure's start to there gives the same quantity."""
    lexicon = _lexicon()
    value, end = fig.value, fig.end
    reach = end
    has_scale, written_percent, currency = _figure_words(fig.text, fig.unit)
    tail = folding.fold(end, end + _TAIL)  # the words after the figure: scale, percent, currency
    if value is not None and not has_scale:
        after, reach = folding.first_token(end, _TAIL, tail)
        scale = lexicon.scale_words.get(after) if after else None
        if scale:
            value *= scale
            end = _end_of_next_word(text, end)
            tail = folding.fold(end, end + _TAIL)
    value_max = fig.value_max
    if value_max is not None and value is not None and fig.value:
        value_max *= value / fig.value
    percent = fig.kind == "percent" or fig.unit in {"%", "٪"} or tail.startswith(lexicon.percent_words) or written_percent
    currency = currency or _currency_in(_TOKEN.findall(tail)[:3])
    quantity = _Quantity(fig, value, value_max, percent, currency, fig.start, end, folding.fold(fig.start, end))
    return quantity, max(reach, end + _TAIL)


def _bare_value(written: str) -> float | None:
    digits = normalize(written).replace("٬", ",")
    if _GROUPED_NUMBER.fullmatch(digits):
        digits = digits.replace(",", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None  # "1.2.3": a version or list label, not a quantity


@lru_cache(maxsize=8192)
def _figure_words(text: str, unit: str) -> tuple[bool, bool, str]:
    """What a figure's own words say, read once per wording: whether its text holds a scale word,
    whether it writes a percent word, and the currency its unit or text names ("" if none)."""
    lexicon = _lexicon()
    written = _fold(text)
    has_scale = bool(set(_tokens(text)) & lexicon.scale_words.keys())
    return has_scale, any(word in written for word in lexicon.percent_words), _currency_in((*_tokens(unit), *_tokens(text)))


def _currency_in(tokens: Iterable[str]) -> str:
    """The currency the first currency word among ``tokens`` names ("" if none)."""
    currencies = _lexicon().currencies
    for token in tokens:
        for form in _forms(token):
            if form in currencies:
                return currencies[form]
    return ""


def _end_of_next_word(text: str, offset: int) -> int:
    match = _NEXT_WORD.match(text, offset)
    return match.end() if match else offset


def _english_quantities(text: str) -> list[_Quantity]:
    # Ordinals ("3rd round") are left out: the Arabic side writes them as words (الثالثة).
    return [
        _Quantity(f, f.value, f.value_max, f.unit == "%", f.unit if f.kind == "money" else "", f.start, f.end, _fold(f.text))
        for f in find_english_figures(text)
        if f.kind != "ordinal"
    ]


@lru_cache(maxsize=4096)
def _quantities_of(lang: str, text: str) -> tuple[_Quantity, ...]:
    """Read once per bullet text: the checks, the repairs and the provenance all ask for them."""
    if lang == "en":
        return tuple(_english_quantities(text))
    return tuple(_arabic_quantities(text, find_figures(text, split_sentences(text))))


def _digit_key(run: str) -> str:
    """'3,500' and '3500' alike; '2.5' and '2٫5' alike (digits are folded to ASCII before)."""
    return _THOUSANDS_MARK.sub("", run).replace("٫", ".")


class _QuantityIndex:
    """The article's quantities arranged so that a bullet's quantity meets only those it may match.

    ``same_as`` decides by one of three rules:

    - a date on either side: by digit runs (a bullet's date meets every quantity, a bullet's number
      every date of the article: dates are few);
    - no value on either side: the same folded text (looked up by it);
    - two numbers: ``_close`` values (or the value against a range's upper bound), and ``_close``
      values differ by at most 3e-9 * max(1, |value|), so nothing outside a window ten times wider
      matches.

    The candidates hold every match; ``same_as`` still decides each one, so verdicts are unchanged.
    """

    def __init__(self, quantities: Sequence[_Quantity]):
        self.quantities = quantities
        self._dates = {i for i, q in enumerate(quantities) if q.is_date}
        self._by_folded: dict[str, list[int]] = {}
        self._unordered: list[int] = []  # numbers that are not finite: no window holds them
        bounds: list[tuple[float, int]] = []
        for i, q in enumerate(quantities):
            self._by_folded.setdefault(q.folded, []).append(i)
            if q.is_date or q.value is None:
                continue
            if not _finite(q.value, q.value_max):
                self._unordered.append(i)
                continue
            bounds.append((q.value, i))
            if q.value_max is not None:
                bounds.append((q.value_max, i))
        bounds.sort()
        self._values = [value for value, _ in bounds]
        self._owners = [i for _, i in bounds]

    def candidates(self, quantity: _Quantity) -> Sequence[_Quantity]:
        """The article's quantities ``quantity.same_as`` may accept, in article order."""
        if quantity.is_date or (quantity.value is not None and not math.isfinite(quantity.value)):
            return self.quantities  # a date is compared with everything by its digits: rare, kept simple
        chosen = set(self._dates)  # the article's dates are few: same_as reads their digits
        if quantity.value is None:
            chosen.update(self._by_folded.get(quantity.folded, ()))
        else:
            chosen |= {i for i in self._by_folded.get(quantity.folded, ()) if self.quantities[i].value is None}
            margin = 1e-8 * max(1.0, abs(quantity.value))
            low = bisect.bisect_left(self._values, quantity.value - margin)
            high = bisect.bisect_right(self._values, quantity.value + margin)
            chosen.update(self._owners[low:high], self._unordered)
        return [self.quantities[i] for i in sorted(chosen)]


def _finite(value: float, value_max: float | None) -> bool:
    return math.isfinite(value) and (value_max is None or math.isfinite(value_max))
