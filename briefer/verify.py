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
of translate.py is not used: it only exists for model translations, this rule holds for every
engine that writes English.)

A bullet with problems goes through the policy (``verify_policy``, in order): ``repair`` puts back
the article's figure or the verbatim quote; ``replace`` uses the extractive bullet built from the
same source sentences; ``drop`` removes it. Whatever the policy, a bullet that is still not
verifiable at the end is dropped: unverified text never reaches the briefing.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import math
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import split_sentences
from briefer.errors import ConfigError
from briefer.facts.english import find_english_figures, format_english_number, number_span
from briefer.facts.entities import find_entities
from briefer.facts.figures import find_figures
from briefer.types import Analysis, Briefing, Bullet, Figure, Quote, Sentence, Verdict

ACTIONS = ("kept", "repaired", "replaced", "dropped")
POLICY_STEPS = ("repair", "replace", "drop")
PROBLEM_KINDS = ("figure", "quote", "speaker", "name", "support")
#: an Arabic bullet must share at least this share of its words with its article: below it, the
#: bullet says something the article does not (a model's fluent invention, a garbled generation)
_MIN_WORD_SUPPORT = 0.5
FALLBACK_ORIGIN = "extractive-fallback"
_LEXICON_FILE = "verify_lexicon.json"
_MAX_FALLBACK_SENTENCES = 2
_MIN_QUOTE_WORDS = 4  # shorter quoted spans are names and slogans (“عاصفة الحزم”), not statements
_ATTRIBUTION_WINDOW = 8  # words before/after a quote that can name who said it
_TAIL = 40  # characters after a figure read for its percent and currency words
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_DIGIT_RUN = regex.compile(r"\p{Nd}+(?:[.,٫٬]\p{Nd}+)*")
_PLAIN_DIGITS = regex.compile(r"\p{Nd}+")
_NEXT_WORD = regex.compile(r"\s*[\p{L}\p{M}]+")
_NEXT_WORD_GROUP = regex.compile(r"\s*([\p{L}\p{M}]+)")
_THOUSANDS_MARK = regex.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")
_NAME_BREAK = regex.compile(r"[,،.;؛:!?؟()\"“”«»\n]")
_GROUPED_NUMBER = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_EDGE_PUNCT = " \t\n.,،;؛:!?؟-–—()[]"
#: Arabic punctuation -> ASCII; applied with str.replace, many times faster than str.translate on
#: Arabic text (no target is also a source, so the order does not matter)
_PUNCT_PAIRS = (("،", ","), ("؛", ";"), ("؟", "?"), ("٪", "%"))

Fallback = Callable[[Bullet], "Bullet | None"]


# ------------------------------------------------------------------------------ problems


@dataclass(frozen=True)
class Problem:
    """One thing in a bullet the article does not support, with what a repair needs."""

    kind: str  # figure | quote | speaker | name
    message: str  # one line, starts with the kind: "figure: 3050 is not in the article"
    start: int = -1  # span in the bullet text
    end: int = -1
    figure: Figure | None = None  # the bullet's figure, for figure problems


def problem_kind(message: str) -> str:
    """The kind a Verdict problem line is about (its first word), for counting."""
    head = message.split(":", 1)[0].strip()
    return head if head in PROBLEM_KINDS else "other"


# ------------------------------------------------------------------------------ lexicon


class _Lexicon(NamedTuple):
    scale_words: dict[str, float]
    percent_words: tuple[str, ...]
    currencies: dict[str, str]
    titles: frozenset[str]
    particles: frozenset[str]
    stop_words: frozenset[str]
    first_names: frozenset[str]
    quote_marks: tuple[tuple[str, str], ...]
    ellipses: tuple[str, ...]
    small_numbers: dict[float, tuple[str, ...]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("briefer.data").joinpath(_LEXICON_FILE).read_text(encoding="utf-8"))

    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_fold(w) for w in words)

    return _Lexicon(
        scale_words={_fold(k): float(v) for k, v in data["scale_words"].items()},
        percent_words=tuple(_fold(w) for w in data["percent_words"]),
        currencies={_fold(k): v for k, v in data["currencies"].items()},
        titles=folded(data["titles"]),
        particles=folded(data["name_particles"]),
        stop_words=folded(data["not_name_words"]),
        first_names=folded(data["first_names"]),
        quote_marks=tuple((o, c) for o, c in data["quote_marks"]),
        ellipses=tuple(data["ellipses"]),
        small_numbers={float(k): tuple(_fold(w) for w in v) for k, v in data["small_numbers"].items()},
    )


# ------------------------------------------------------------------------------ matching forms


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """The matching normalisation: Arabic letter/digit forms unified, punctuation forms and spaces.

    Cached: a bullet is folded by several checks, and figure texts and names recur.
    """
    return " ".join(_fold_chars(text).split())


def _fold_chars(text: str) -> str:
    """``_fold`` before spaces are collapsed: a map of each character on its own (no context)."""
    text = _INVISIBLE.sub("", normalize(text))
    for arabic, ascii_form in _PUNCT_PAIRS:
        text = text.replace(arabic, ascii_form)
    return text


#: characters seen to fold to exactly one character (most of any text): checked once each
_ONE_TO_ONE: set[str] = set()
_ONE_TO_ONE_LIMIT = 65536  # past this many, new characters are checked every time (memory bound)


def _resizing_chars(text: str) -> str:
    """The characters of ``text`` that fold to none or several characters, sorted."""
    resizing = []
    for char in set(text) - _ONE_TO_ONE:
        if len(_fold_chars(char)) != 1:
            resizing.append(char)
        elif len(_ONE_TO_ONE) < _ONE_TO_ONE_LIMIT:
            _ONE_TO_ONE.add(char)
    return "".join(sorted(resizing))


@lru_cache(maxsize=256)
def _char_class(chars: str) -> regex.Pattern:
    return regex.compile("[" + "".join(regex.escape(ch) for ch in chars) + "]")


class _Folding:
    """``_fold`` of any slice of one text, with the text folded once.

    Folding maps each character on its own, so the folded characters of a slice are a slice of
    the folded characters of the text; only the characters that fold to none or several
    (diacritics, tatweel, ligatures) move the offsets, and they are few: their positions and the
    running shift they cause map a raw offset to a folded one.
    """

    def __init__(self, text: str, whole: bool = True):
        """``whole=False``: fold slice by slice (a bullet with a figure or two gains nothing from
        folding it all)."""
        self.text = text
        self._exact = False
        if not whole:
            return
        self._chars = _fold_chars(text)
        self._positions: list[int] = []  # raw offsets of the characters that do not fold to one
        self._shift = [0]  # _shift[k]: folded minus raw length over the first k of them
        resizing = _resizing_chars(text)
        if resizing:
            for match in _char_class(resizing).finditer(text):
                self._positions.append(match.start())
                self._shift.append(self._shift[-1] + len(_fold_chars(match.group())) - 1)
        # a normalisation that looked at context would break the slicing: fold slice by slice then
        self._exact = len(self._chars) == len(text) + self._shift[-1]

    def token_forms(self, more: str = "") -> frozenset[str]:
        """``_token_forms(text + more)``, reusing the folded text."""
        if not self._exact:
            return _token_forms(self.text + more)
        # the tokens of the folded characters are the tokens of _fold (no token holds a space)
        return frozenset().union(*map(_forms, _TOKEN.findall(self._chars + _fold_chars(more))))

    def fold(self, start: int, end: int) -> str:
        """``_fold(text[start:end])`` (non-negative offsets; past the end as slicing allows)."""
        if not self._exact or start < 0 or end < 0:
            return _fold(self.text[start:end])
        return " ".join(self._chars[self._folded_offset(start) : self._folded_offset(end)].split())

    def _folded_offset(self, offset: int) -> int:
        offset = min(offset, len(self.text))
        if not self._positions:
            return offset
        return offset + self._shift[bisect.bisect_left(self._positions, offset)]

    def first_token(self, offset: int, window: int = 16, folded: str | None = None) -> tuple[str, int]:
        """The token ``_fold(text[offset:])`` opens with ("" if none), and the offset read up to.

        Folding the whole rest of the article for every figure made reading an article quadratic.
        The fold of a window is a prefix of the fold of the rest (characters fold on their own), so
        once the window shows a character after the token, or no token at all, the answer is known.
        ``folded``: the fold of the first window, when the caller has it.
        """
        while True:
            folded = self.fold(offset, offset + window) if folded is None else folded
            match = _TOKEN.match(folded)
            if offset + window >= len(self.text) or (folded and (match is None or match.end() < len(folded))):
                return (match.group() if match else ""), offset + window
            window, folded = window * 4, None


@lru_cache(maxsize=65536)
def _forms(token: str) -> frozenset[str]:
    """A folded token and its forms without clitics (و ف ب ل ك and the article ال).

    Cached: the same few thousand words come back in every article, sentence and bullet."""
    forms = {token}
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            forms.add(token[len(prefix) :])
    if token[:1] in "وفبلك" and len(token) > 3:
        forms.add(token[1:])
    return frozenset(forms)


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens; cached: figure texts, units and names are read again and again."""
    return tuple(_TOKEN.findall(_fold(text)))


@lru_cache(maxsize=8192)
def _token_forms(text: str) -> frozenset[str]:
    """Cached by text: provenance asks for the same source sentences' forms for every bullet."""
    return frozenset().union(*map(_forms, _tokens(text)))


def _has_token(token: str, forms: frozenset[str]) -> bool:
    return not _forms(token).isdisjoint(forms)


def _name_tokens(name: str) -> list[str]:
    """The tokens that tell one person from another: no titles, particles or stop words."""
    lexicon = _lexicon()
    skip = lexicon.titles | lexicon.particles | lexicon.stop_words
    return [t for t in _tokens(name) if t not in skip and len(t) > 1]


def _distinctive(name: str) -> set[str]:
    return {form for token in _name_tokens(name) for form in _forms(token) if form not in _lexicon().titles}


# ------------------------------------------------------------------------------ quantities


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
        if self.value_max is not None and other.value_max is not None:
            return _close(self.value, other.value) and _close(self.value_max, other.value_max)
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


# ------------------------------------------------------------------------------ the article


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
        self._matches[id(quantity)] = (quantity, found)  # holding it keeps its id from being reused
        return found

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


# ------------------------------------------------------------------------------ checks


def find_problems(analysis: Analysis, bullet: Bullet) -> tuple[Problem, ...]:
    """Everything in ``bullet`` that the article does not support (empty: the bullet is faithful)."""
    return _check(_source_of(analysis), bullet)


def audit(analysis: Analysis, bullets: Sequence[Bullet]) -> tuple[tuple[Problem, ...], ...]:
    """The problems of each bullet (the article read once): for evaluation and tests."""
    source = _source_of(analysis)
    return tuple(_check(source, bullet) for bullet in bullets)


def _check(source: _Source, bullet: Bullet) -> tuple[Problem, ...]:
    quantities = source.bullet_quantities(bullet)
    problems = _figure_problems(source, bullet, quantities) + _stray_digit_problems(source, bullet, quantities)
    if bullet.lang == "en":
        return tuple(problems + _english_quote_problems(source, bullet) + _not_english_problems(bullet))
    problems += _arabic_quote_problems(source, bullet) + _support_problems(source, bullet)
    if source.fold(bullet.text).strip(_EDGE_PUNCT) in source.folded:
        # Copied word for word: names and attributions are the article's own (even where the facts
        # layer misreads a speaker), so only the figures (a cut "2.5" before مليار) and the quote
        # halves are checked.
        return tuple(p for p in problems if p.kind != "speaker")
    return tuple(problems + _name_problems(source, bullet))


def _figure_problems(source: _Source, bullet: Bullet, quantities: list[_Quantity]) -> list[Problem]:
    problems = []
    for quantity in quantities:
        if source.matching(quantity) or _small_number_in_words(source, quantity):
            continue
        if not quantity.digits and quantity.folded and quantity.folded in source.folded:
            continue  # written in words ("القرن التاسع عشر", "العام الماضي"), and so written in the article
        shown = bullet.text[quantity.start : quantity.end]
        near = [s for s in source.quantities if s.value is not None and quantity.value is not None and _close(s.value, quantity.value)]
        why = "is not in the article"
        if near:
            why = f"does not match the article's {source.analysis.article.text[near[0].start:near[0].end]}"
        problems.append(Problem("figure", f"figure: {shown} {why}", quantity.start, quantity.end, quantity.figure))
    return problems


def _stray_digit_problems(source: _Source, bullet: Bullet, quantities: list[_Quantity]) -> list[Problem]:
    """Digits the figures layer does not read as a figure (a run of 12 digits, a code) must still
    be written in the article: a bullet may not carry numbers of its own."""
    problems = []
    folded = source.fold(bullet.text)
    text = folded if len(folded) == len(bullet.text) else None
    for match in _DIGIT_RUN.finditer(bullet.text):
        if any(q.start < match.end() and match.start() < q.end for q in quantities):
            continue
        written = text[match.start() : match.end()] if text is not None else _fold(match.group())
        if _digit_key(written) in source.digit_runs:
            continue
        if all(run in source.digit_runs for run in _PLAIN_DIGITS.findall(written)) and bullet.lang == "ar":
            continue  # "21/5/1436" written with other separators
        problems.append(Problem("figure", f"figure: {match.group()} is not in the article", match.start(), match.end()))
    return problems


def _not_english_problems(bullet: Bullet) -> list[Problem]:
    """An 'English' bullet mostly in Arabic script (a model answering in the wrong language).

    Facts-only lexicon lines are exempt: they keep names and units no list knows as written."""
    if bullet.origin == "lexicon":
        return []
    letters = [ch for ch in _without_quotes(bullet.text) if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    if letters and arabic / len(letters) > 0.5:
        return [Problem("support", "support: the English bullet is not written in English")]
    return []


def _digit_key(run: str) -> str:
    """'3,500' and '3500' alike; '2.5' and '2٫5' alike (digits are folded to ASCII before)."""
    return _THOUSANDS_MARK.sub("", run).replace("٫", ".")


def _support_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    """Outside its quotes (checked on their own), a bullet speaks in the article's words."""
    tokens = [t for t in _tokens(_without_quotes(bullet.text)) if len(t) > 2 and not t.isdigit()]
    if len(tokens) < 4:
        return []
    found = sum(_has_token(token, source.forms) for token in tokens)
    if found / len(tokens) >= _MIN_WORD_SUPPORT:
        return []
    return [Problem("support", f"support: only {found} of {len(tokens)} words of the bullet are in the article")]


def _small_number_in_words(source: _Source, quantity: _Quantity) -> bool:
    """'three' in an English bullet against ثلاثة in the article, whatever the figures layer reads."""
    if quantity.value is None or quantity.percent or quantity.currency:
        return False
    words = _lexicon().small_numbers.get(quantity.value, ())
    return any(_has_token(word, source.forms) for word in words)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed mark runs to the end, a stray closer from the start.

    Extractive bullets cut at sentence ends, so a quote may open in one bullet and close in the
    next; both halves are still checked.
    """
    pattern, closers = _quote_mark_pattern()
    spans, opener, open_end = [], None, 0
    for match in pattern.finditer(text):
        mark = match.group()
        if opener is None:
            if mark in closers:
                opener, open_end = mark, match.end()
            elif not spans:
                spans.append((0, match.start()))
        elif mark == closers[opener]:
            spans.append((open_end, match.start()))
            opener = None
    if opener is not None:
        spans.append((open_end, len(text)))
    return [(s, e) for s, e in spans if _TOKEN.search(text[s:e])]


@lru_cache(maxsize=1)
def _quote_mark_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """Any opening or closing quotation mark of the lexicon, and each opener's closer (built once)."""
    marks = _lexicon().quote_marks
    pattern = regex.compile("|".join(regex.escape(m) for pair in marks for m in pair if m))
    return pattern, {o: c for o, c in marks}


@lru_cache(maxsize=1)
def _ellipsis_pattern() -> regex.Pattern:
    return regex.compile("|".join(regex.escape(e) for e in _lexicon().ellipses))


def _quote_parts(text: str) -> list[str]:
    """The folded pieces of a quoted span, split at ellipses (the writer's marked omissions)."""
    pieces = _ellipsis_pattern().split(text)
    return [p for p in (_fold(piece).strip(_EDGE_PUNCT) for piece in pieces) if _TOKEN.search(p)]


def _arabic_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        parts = _quote_parts(bullet.text[start:end])
        shown = _short(bullet.text[start:end])
        if not all(part in source.folded for part in parts):
            problems.append(Problem("quote", f"quote: “{shown}” is not verbatim in the article", start, end))
            continue
        quote = _source_quote_of(source, parts)
        if quote is not None and quote.speaker and quote.kind != "phrase" and len(_tokens(" ".join(parts))) >= _MIN_QUOTE_WORDS:
            wrong = _other_person_named(source, bullet, quote, start, end)
            if wrong:
                problems.append(Problem(
                    "speaker", f"speaker: “{shown}” is given to {wrong}; the article attributes it to {quote.speaker}",
                    start, end,
                ))
    return problems


def _source_quote_of(source: _Source, parts: list[str]) -> Quote | None:
    for quote, folded in source.quotes:
        if all(part in folded for part in parts):
            return quote
    return None


def _other_person_named(source: _Source, bullet: Bullet, quote: Quote, start: int, end: int) -> str:
    """Someone else the bullet gives the quote to, when it does not name the quote's speaker.

    Only the words just before the opening mark and just after the closing one attribute a quote
    ("قال X إن “...”", "“...”، بحسب X"); names inside quoted words or farther away do not.
    """
    outside = _without_quotes(bullet.text)
    if source.speaker_tokens(quote) & _token_forms(outside):
        return ""
    before = _tokens(_without_quotes(bullet.text[:start]))[-_ATTRIBUTION_WINDOW:]
    after = _tokens(_without_quotes(bullet.text[end:]))[:_ATTRIBUTION_WINDOW]
    nearby = {form for token in before + after for form in _forms(token)}
    speaker = source.speaker_tokens(quote)
    candidates = [person - speaker for person in source.people] + [_distinctive(n) - speaker for n in _names_in(outside)]
    for person in candidates:
        hit = person & nearby
        if hit:
            return _name_from(outside, hit)
    return ""


@lru_cache(maxsize=4096)
def _without_quotes(text: str) -> str:
    """The text with its quoted spans blanked; cached: the support, name and language checks ask."""
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def _name_from(text: str, hits: set[str]) -> str:
    words = [w for w in _TOKEN.findall(text) if not _forms(_fold(w)).isdisjoint(hits)]
    return " ".join(words[:3])


def _english_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        if not _maps_to_source_quote(source, bullet, bullet.text[start:end]):
            problems.append(Problem(
                "quote", f"quote: translated “{_short(bullet.text[start:end])}” maps to no quote in the article", start, end
            ))
    return problems


def _maps_to_source_quote(source: _Source, bullet: Bullet, span: str) -> bool:
    return bool(_source_quotes_for(source, bullet, span))


def _source_quotes_for(source: _Source, bullet: Bullet, span: str) -> list[Quote]:
    """Source quotes a translated span may render: in the bullet's sentences, holding its figures."""
    figures = _english_quantities(span)
    sources = set(bullet.sources)
    found = []
    for quote, _ in source.quotes:
        if sources and not source.quote_sentences(quote) & sources:
            continue
        inside = [q for q in source.quantities if quote.start <= q.start < quote.end]
        if all(any(f.same_as(q) for q in inside) for f in figures):
            found.append(quote)
    return found


def _name_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for name in _names_in(bullet.text):
        if any(not _has_token(token, source.forms) for token in _name_tokens(name)):
            problems.append(Problem("name", f"name: {name} is not in the article"))
    return problems


def _names_in(text: str) -> list[str]:
    """Person names in a bullet: the entities layer's, plus runs opened by a known first name."""
    names = [e.text for e in find_entities(text) if e.kind == "person"]
    lexicon = _lexicon()
    words = [(m.group(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    breaks = {m.start() for m in _NAME_BREAK.finditer(text)}
    positions = [m.start() for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(words):
        if _forms(words[i][1]).isdisjoint(lexicon.first_names):
            i += 1
            continue
        run = [words[i][0]]
        j = i + 1
        while j < len(words) and len(run) < 4 and words[j][1] not in lexicon.stop_words:
            if any(positions[j - 1] < b < positions[j] for b in breaks):
                break
            family = words[j][1].startswith("ال")
            if words[j][1] not in lexicon.particles and not family and _forms(words[j][1]).isdisjoint(lexicon.first_names):
                break  # a name goes on with بن/عبد, more given names, and ends at a family name in ال
            run.append(words[j][0])
            j += 1
            if family:
                break
        names.append(" ".join(run))
        i = j
    names = list(dict.fromkeys(names))
    folded = [_fold(n) for n in names]  # one problem per person: "خالد الفالح" inside "وزير الطاقة خالد الفالح"
    return [n for n, f in zip(names, folded) if not any(f != g and f in g for g in folded)]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------------ repairs


def _repair(source: _Source, bullet: Bullet, problems: Sequence[Problem]) -> Bullet | None:
    """The bullet with the article's figures and verbatim quotes put back; None if it cannot be."""
    edits: list[tuple[int, int, str, int]] = []  # (start, end, new text, source sentence)
    taken: list[_Quantity] = []
    for problem in problems:
        if problem.kind == "figure" and problem.figure is None:
            return None  # digits that are no figure at all: nothing to put back, rewrite it
        if problem.kind == "figure":
            edit = _figure_edit(source, bullet, problem, taken)
        elif problem.kind == "quote" and bullet.lang == "ar":
            edit = _quote_edit(source, bullet, problem)
        else:
            return None  # a wrong speaker, an invented name or an unmapped translation: rewrite it
        if edit is None:
            return None
        edits.append(edit)
    text = bullet.text
    for start, end, new, _ in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    sources = tuple(sorted(set(bullet.sources) | {e[3] for e in edits if e[3] >= 0}))
    return dataclasses.replace(bullet, text=text, sources=sources)


def _figure_edit(source: _Source, bullet: Bullet, problem: Problem, taken: list[_Quantity]) -> tuple[int, int, str, int] | None:
    if bullet.lang == "en":
        quantity = next(q for q in _english_quantities(bullet.text) if q.start == problem.start)
    else:
        quantity = next(q for q in _arabic_quantities(bullet.text, [problem.figure]))
    used = [q for q in source.quantities if any(other.same_as(q) for other in source.bullet_quantities(bullet) if other.start != quantity.start)]
    chosen = _repair_candidate(source, bullet, quantity, taken + used)
    if chosen is None:
        return None
    taken.append(chosen)
    sentence = chosen.figure.sentence if chosen.figure.sentence >= 0 else source.sentence_of(chosen.start)
    if bullet.lang == "en":
        if chosen.value is None:
            return None
        span = number_span(bullet.text, quantity.figure)
        return span.start, span.end, format_english_number(chosen.value), sentence
    start, end = _number_core(bullet.text, quantity)
    core_start, core_end = _number_core(source.analysis.article.text, chosen)
    return start, end, source.analysis.article.text[core_start:core_end], sentence


def _number_core(text: str, quantity: _Quantity) -> tuple[int, int]:
    """The digits and scale word of a figure, without its unit: a repair swaps just this part,
    so the bullet's own "%" or "دولار" stays (and still has to match the article's)."""
    digits = _DIGIT_RUN.search(text, quantity.start, quantity.end)
    if digits is None:
        return quantity.start, quantity.end  # written in words: the whole figure
    end = digits.end()
    word = _NEXT_WORD_GROUP.match(text[end : quantity.end])
    if word and _fold(word.group(1)) in _lexicon().scale_words:
        end += word.end()
    return digits.start(), end


def _sentence_at(offset: int, sentences: Sequence[Sentence], starts: list[int]) -> int:
    """The index of the sentence holding ``offset`` (the figures layer's rule), -1 if none."""
    position = bisect.bisect_right(starts, offset) - 1
    if position >= 0 and offset < sentences[position].end:
        return sentences[position].index
    return -1


@lru_cache(maxsize=4096)
def _quantities_of(lang: str, text: str) -> tuple[_Quantity, ...]:
    """Read once per bullet text: the checks, the repairs and the provenance all ask for them."""
    if lang == "en":
        return tuple(_english_quantities(text))
    return tuple(_arabic_quantities(text, find_figures(text, split_sentences(text))))


def _repair_candidate(source: _Source, bullet: Bullet, wrong: _Quantity, taken: list[_Quantity]) -> _Quantity | None:
    """The article's figure that the wrong one stands for: same kind, close digits or scale, one answer.

    Figures in the bullet's own source sentences come first; a figure already used is skipped.
    """
    if wrong.is_date:
        return None  # a wrong date has no "closest" date: the source sentence says it better
    pool = [
        q for q in source.quantities
        if q.value is not None and not q.is_date and q.percent == wrong.percent and q not in taken
        and (not q.currency or not wrong.currency or q.currency == wrong.currency)
    ]
    own = [q for q in pool if _in_sentences(source, q, bullet.sources)]
    if wrong.value is not None and any(
        _close(q.value, wrong.value) for q in source.quantities if q.value is not None and _in_sentences(source, q, bullet.sources)
    ):
        return None  # the number is right and its percent/currency is not: no figure to put back
    for candidates in (own, pool):
        if not candidates:
            continue
        scored = sorted(((_closeness(wrong, q), q) for q in candidates), key=lambda pair: -pair[0])
        best = scored[0][0]
        values = {round(q.value, 6) for score, q in scored if score == best}
        # Only a digit slip or a scale swap names its figure. A figure unlike any in the article
        # is not "repaired" into the nearest one: that would turn an invented claim into a
        # plausible false one (9731 cases -> the article's 3500 troops). It is replaced instead.
        if best >= 3:
            return scored[0][1] if len(values) == 1 else None  # two equally close: do not guess
    return None


def _in_sentences(source: _Source, quantity: _Quantity, sentences: Sequence[int]) -> bool:
    index = quantity.figure.sentence if quantity.figure.sentence >= 0 else source.sentence_of(quantity.start)
    return index in sentences


def _closeness(wrong: _Quantity, candidate: _Quantity) -> int:
    """3: a digit slip (3500/3050) or a swapped scale word (مليون/مليار); 1: same kind only."""
    if wrong.value is None or candidate.value is None or candidate.value == 0 or wrong.value == 0:
        return 1
    ratio = wrong.value / candidate.value
    if any(_close(ratio, 10.0**k) for k in (-12, -9, -6, -3, 3, 6, 9, 12)):
        return 3
    a, b = _digits(wrong.value), _digits(candidate.value)
    if sorted(a) == sorted(b) or _edit_distance(a, b) <= 1:
        return 3
    return 1


def _digits(value: float) -> str:
    return f"{value:f}".rstrip("0").rstrip(".").replace(".", "")


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _quote_edit(source: _Source, bullet: Bullet, problem: Problem) -> tuple[int, int, str, int] | None:
    """The closest source quote, whole: a cut quote can say something its speaker did not.

    Closest: holds at least 60% of the bullet's quoted words (clitics aside)."""
    wanted = [t for t in _tokens(bullet.text[problem.start : problem.end])]
    if not wanted:
        return None
    best: tuple[float, Quote] | None = None
    for quote, _ in source.quotes:
        forms = _token_forms(quote.text)
        found = {t for t in wanted if not _forms(t).isdisjoint(forms)}
        share = len(found) / len(wanted)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, quote)
    if best is None:
        return None
    quote = best[1]
    return problem.start, problem.end, quote.text, source.sentence_of(quote.start)


# ------------------------------------------------------------------------------ provenance


def infer_sources(analysis: Analysis, bullet: Bullet) -> tuple[int, ...]:
    """The source sentences a bullet rests on, when its engine did not say."""
    return _infer_sources(_source_of(analysis), bullet)


def _infer_sources(source: _Source, bullet: Bullet) -> tuple[int, ...]:
    chosen = set(_evidence_sentences(source, bullet))
    if bullet.lang == "en":
        return tuple(sorted(chosen))
    wanted = {t for t in _tokens(bullet.text) if len(t) > 2}
    uncovered = set(wanted)
    for index in chosen:
        uncovered -= _covered(wanted, source.analysis.sentences[index].text)
    while uncovered and len(chosen) < 3:
        gains = [(len(_covered(uncovered, s.text)), s.index) for s in source.analysis.sentences if s.index not in chosen]
        if not gains:
            break
        gain, index = max(gains, key=lambda pair: (pair[0], -pair[1]))
        if gain < 3 and (chosen or gain == 0):
            break
        chosen.add(index)
        uncovered -= _covered(uncovered, source.analysis.sentences[index].text)
    return tuple(sorted(chosen))


def _covered(tokens: set[str], sentence: str) -> set[str]:
    forms = _token_forms(sentence)
    return {t for t in tokens if not _forms(t).isdisjoint(forms)}


def _evidence_sentences(source: _Source, bullet: Bullet) -> set[int]:
    """Sentences holding the article's figures and quotes that the bullet uses."""
    quantities = source.bullet_quantities(bullet)
    found = set()
    for quantity in quantities:
        matches = source.matching(quantity)
        if len(matches) == 1:  # a figure seen in several sentences says nothing about which
            found.add(matches[0].figure.sentence if matches[0].figure.sentence >= 0 else source.sentence_of(matches[0].start))
    for start, end in quoted_spans(bullet.text):
        if bullet.lang == "ar":
            quote = _source_quote_of(source, _quote_parts(bullet.text[start:end]))
        else:
            mapped = _source_quotes_for(source, bullet, bullet.text[start:end])
            quote = mapped[0] if len(mapped) == 1 else None  # several candidates: no evidence
        if quote is not None:
            found |= source.quote_sentences(quote)
    return {i for i in found if i >= 0}


def _with_sources(source: _Source, bullet: Bullet) -> Bullet:
    """Valid engine sources kept, the sentences of its figures and quotes added, or all inferred."""
    valid = {i for i in bullet.sources if 0 <= i < len(source.analysis.sentences)}
    if valid:
        sources = tuple(sorted(valid | _evidence_sentences(source, bullet)))
    else:
        sources = _infer_sources(source, bullet)
    return bullet if sources == bullet.sources else dataclasses.replace(bullet, sources=sources)


# ------------------------------------------------------------------------------ the guard


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


# ------------------------------------------------------------------------------ summaries


def verification_summary(verdicts: Iterable[Verdict]) -> dict:
    """Counts per action, per language and per problem kind, for the verification appendix."""
    verdicts = list(verdicts)

    def counts(items: list[Verdict]) -> dict[str, int]:
        actions = Counter(v.action for v in items)
        return {"bullets": len(items), **{action: actions.get(action, 0) for action in ACTIONS}}

    kinds = Counter(problem_kind(p) for v in verdicts for p in v.problems)
    return {
        **counts(verdicts),
        "by_language": {lang: counts([v for v in verdicts if v.lang == lang]) for lang in sorted({v.lang for v in verdicts})},
        "problems": {kind: kinds.get(kind, 0) for kind in (*PROBLEM_KINDS, "other") if kinds.get(kind) or kind != "other"},
    }


def briefing_verification(briefing: Briefing) -> dict:
    """The briefing's `verification` block: totals and, per article, counts and what was changed."""
    briefs = [brief for story in (*briefing.stories, *briefing.annex) for brief in story.briefs]
    articles = []
    for brief in briefs:
        articles.append({
            "id": brief.article.id,
            "title": brief.headline_ar,
            "source": brief.article.source,
            **verification_summary(brief.verdicts),
            "changes": [_verdict_json(v) for v in brief.verdicts if v.action != "kept"],
        })
    return {"totals": verification_summary(v for brief in briefs for v in brief.verdicts), "articles": articles}


def _verdict_json(verdict: Verdict) -> Mapping[str, object]:
    return {"lang": verdict.lang, "position": verdict.position, "action": verdict.action, "problems": list(verdict.problems)}
