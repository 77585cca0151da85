"""Figures: the numbers a brief must keep exactly right, with their units, found in the article.

What counts as a *key figure* (the same rules as the gold set, briefer/evaluation/gold/README.md):

- every number written in digits (any script, ``٬ ٫ , .`` separators, the newswire ``20ر115`` for
  115.20 and its look-alike ``3.\u200f7`` for 7.3, a right-to-left mark beside the point) with its
  scale word and unit or head noun: "3500 جندي", "2.5 مليار دولار", "40%", "4.4 في المئة",
  "17 عاماً", "(15) ألف قذيفة" (parentheses or quotation marks around a number before a scale word);
- "and a half" after a scale word or a unit: "10 ملايين ونصف" (10.5 million), "3 ساعات ونصف";
- quantities in words: scale words ("مليون دولار", "ألفي سنة", "ثلاثة آلاف"), fractions
  (نصف ربع ثلث), and cardinals from three up ("ستة من علماء", "مائة وثمانية وعشرين نقشًا");
  one and two (واحد، اثنان, duals) only before a percent or scale word, as they mostly mean
  "a"/"the pair" rather than a count; vague plurals (عشرات، مئات، آلاف، ملايين alone) are not figures;
- ranges as one figure: "100- الى 150 كيلومترا", "بين 40 و60 عاما", "خمس أو ست";
- dates: day/month/year with Gregorian, Levantine or Hijri months and pairs ("يونيو/ حزيران"),
  years after a cue (عام، منذ، في...) or a bare 19xx/20xx year, weekdays ("أمس الأحد"), relative
  dates ("العام الماضي"، "بعد غد"، "بنهاية هذا العام"), times ("الساعة العاشرة صباحاً"), centuries
  and decades ("القرن التاسع عشر"، "التسعينيات");
- ranks: an ordinal after المرتبة/المركز ("المركز الثاني").

Not key figures: phone numbers, emergency numbers and ids (after هاتف، رقم، الطوارئ... or 8+ bare
digits), numbers glued to Latin letters or after a Latin word (C21H30O5, iPhone 6), a number alone
in quotation marks (a title: فيلم "10"), numbers in URLs, e-mails, #hashtags and @handles, ordinal
words outside dates and ranks ("أول مرة"، "الملك رمسيس الثاني").

Matching runs on the folded text (briefer.arabic.normalize) and every span is mapped back to the
article, so ``Figure.text == text[start:end]`` as written. The lexicons are data files under
briefer/arabic/data/.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from briefer.arabic.normalize import normalize, normalize_with_map, raw_span
from briefer.arabic.numbers import (
    NumberRead,
    digits_value,
    is_and_fraction,
    joins_compound,
    lookup_word,
    newswire_form,
    ordinal_value,
    parse_ordinal,
    read_number,
)
from briefer.facts.word_memo import WordMemo
from briefer.types import Figure, Sentence

_TOKEN = regex.compile(r"\d+ر\d+|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|\S")
# URLs, e-mails (\S+@\S+\.\S+), #hashtags and @handles. A match never crosses a space, so the
# runs of non-spaces are searched one by one (see _blocked_spans), and the e-mail branch is
# written without backtracking: the first @ after the first character, then the first dot at
# least two characters after it, followed by one more character.
_URLISH = regex.compile(r"(?:https?://|www\.)\S+|\S[^\s@]*+@\S[^\s.]*+\.\S\S*+|[#@][\p{L}\p{N}_]+")
_URLISH_NO_EMAIL = regex.compile(r"(?:https?://|www\.)\S+|[#@][\p{L}\p{N}_]+")
_RUN = regex.compile(r"\S+")
_LATIN = regex.compile(r"[A-Za-z]")
_CLOCK = regex.compile(r"\d+[.:]\d+")
_ARABIC = regex.compile(r"\p{Arabic}")
_CLITICS = ("و", "ب", "ل", "ف", "ك")
_RTL_MARKS = ("\u200f", "\u061c")  # dropped by normalize(), but they reorder the digits around them
_WRAPPERS = {"(": ")", '"': '"'}  # "(15) ألف", "«150» مليونا": a typographic habit around a number


@dataclass
class _Hit:
    first: int  # token indexes, last exclusive
    last: int
    kind: str
    value: float | None = None
    value_max: float | None = None
    unit: tuple[int, int] | None = None  # token range of the unit / head noun


# ------------------------------------------------------------------------------ lexicons


class _Lexicon:
    """The data files, folded and indexed by token tuples; built once."""

    def __init__(self) -> None:
        self.units = {_phrase(row[0]): (row[1], row[2]) for row in _rows("units.tsv")}
        self.months: dict[tuple[str, ...], tuple[int, bool]] = {}
        self.weekdays: dict[str, int] = {}
        for form, kind, number, _calendar, needs_context in _rows("calendar.tsv"):
            if kind == "weekday":
                self.weekdays[normalize(form)] = int(number)
            else:
                self.months[_phrase(form)] = (int(number), needs_context == "1")
        self.cues: dict[str, set[tuple[str, ...]]] = {}
        for kind, phrase in _rows("figure_cues.tsv"):
            self.cues.setdefault(kind, set()).add(_phrase(phrase))

        self._single_words = {
            kind: frozenset(phrase[0] for phrase in phrases if len(phrase) == 1) for kind, phrases in self.cues.items()
        }
        self.approx_last_words = frozenset(phrase[-1] for phrase in self.cues.get("approx", ()) if phrase)
        # first word -> phrase lengths, per phrase list: a phrase is looked up only where one can start
        lists = (self.units, self.months, *self.cues.values())
        self._firsts = {id(phrases): _first_words(phrases) for phrases in lists}

    def cue_words(self, kind: str) -> frozenset[str]:
        """The one-word phrases of a cue list."""
        return self._single_words.get(kind, frozenset())

    def first_words(self, phrases: set[tuple[str, ...]] | dict) -> dict[str, tuple[int, ...]]:
        """First word -> the lengths of the phrases it starts, for one of the lexicon's phrase lists."""
        found = self._firsts.get(id(phrases))
        return found if found is not None else _first_words(phrases)


def _first_words(phrases: set[tuple[str, ...]] | dict) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(found)) for word, found in lengths.items()}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("briefer.arabic.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(token.group() for token in _TOKEN.finditer(normalize(text)))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def counts_nothing(word: str) -> bool:
    """Whether a word right after a number cannot be what it counts ("من", "في", "الماضي"): the
    figures layer's own list (figure_cues.tsv, no_head), for code that reads that word itself."""
    return normalize(word) in _lexicon().cue_words("no_head")


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """The word and what is left without a leading clitic: "والاحد" -> "الاحد", "للعام" -> "العام"."""
    forms = [word]
    if len(word) >= 4 and word[0] in _CLITICS:
        forms.append(word[1:])
        if word.startswith("لل"):
            forms.append("ا" + word[1:])
    if len(word) >= 5 and word[:2] in ("وب", "ول", "فب", "فل"):
        forms.append(word[2:])
    return tuple(forms)


# ------------------------------------------------------------------------------ public API


def find_figures(text: str, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Every key figure of ``text`` in order, each with its span, value, unit and sentence index."""
    folded, offsets = normalize_with_map(text)
    scan = _Scan(text, folded, offsets)
    starts = [sentence.start for sentence in sentences]
    figures = []
    for hit in scan.hits():
        figures.append(scan.figure(hit, _sentence_of(scan.raw(hit.first, hit.last)[0], sentences, starts)))
    return tuple(figures)


def figure_key(figure: Figure) -> tuple:
    """A comparable form: ("٣٥٠٠ جندي" and "3500 جنديا", "2.5 مليار دولار" and "2,500 مليون دولار" agree)."""
    if figure.kind == "date":
        return ("date",) + _date_parts(figure.text)
    unit = canonical_unit(figure.unit)
    value = None if figure.value is None else round(figure.value, 6)
    high = None if figure.value_max is None else round(figure.value_max, 6)
    return (value, high, unit)


@lru_cache(maxsize=8192)
def canonical_unit(unit: str) -> str:
    """Unit or head noun folded to one form: "بالمئة" -> "%", "دولارا" -> "دولار", "الجنود" -> "جنود"."""
    words = _phrase(unit)
    if not words:
        return ""
    lexicon = _lexicon()
    for variant in _variants(words[0]):
        found = lexicon.units.get((variant,) + words[1:])
        if found:
            return found[1]
    word = " ".join(words)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ا") and len(word) > 3:  # accusative tanwin: "جنديا" -> "جندي"
        word = word[:-1]
    return word


# ------------------------------------------------------------------------------ the scan


def _sentence_of(offset: int, sentences: tuple[Sentence, ...], starts: list[int]) -> int:
    position = bisect.bisect_right(starts, offset) - 1
    if position >= 0 and offset < sentences[position].end:
        return sentences[position].index
    return -1


def _blocked_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mails, #hashtags and @handles: digits there are not figures.

    Searched run by run (a match never crosses a space). In a run where no e-mail can start
    (no @ after its first character with a dot two characters on), the e-mail branch is left
    out: it would fail at the start and after each @handle, rescanning the run each time.
    Where one can start, it matches at the run start and takes the whole run. Linear either way.
    """
    if "@" not in folded and "#" not in folded and "www." not in folded and "http" not in folded:
        return []
    spans: list[tuple[int, int]] = []
    for run in _RUN.finditer(folded):
        word = run.group()
        if "@" not in word and "#" not in word and "www." not in word and "http" not in word:
            continue
        first_at = word.find("@", 1)
        email = first_at > 0 and word.rfind(".", 0, len(word) - 1) >= first_at + 2
        pattern = _URLISH if email else _URLISH_NO_EMAIL
        spans.extend(match.span() for match in pattern.finditer(folded, run.start(), run.end()))
    return spans


def _matchers_for(word: str) -> tuple:
    """The matchers that can find a figure starting at this folded token, in the order they are
    tried. Each test is the first thing its matcher requires of the token (a digit, a number or
    ordinal word, a month, weekday or cue word, with or without a clitic), so a skipped matcher
    would have returned None: the scan finds the same figures, trying far fewer. Run once per
    distinct word."""
    lex = _lexicon()
    variants = _variants(word)
    number = lookup_word(word)
    ordinal = ordinal_value(word) is not None or (
        number is not None and number.type == "ten" and word.startswith(("ال", "وال"))
    )

    def opens(*kinds: str) -> bool:
        firsts = [lex.first_words(lex.cues.get(kind, {})) for kind in kinds]
        return any(variant in words for words in firsts for variant in variants)

    tests = (
        (_Scan._weekday, word in lex.cue_words("day_before_weekday")
         or any(v in lex.weekdays for v in variants)),
        (_Scan._day_month, 1 <= _day_number(word, 0) <= 31 or ordinal or word == "شهر"
         or any(v in lex.first_words(lex.months) for v in variants)),
        (_Scan._relative, opens("relative_part", "relative")),
        (_Scan._year, word.isdecimal() and len(word) == 4),
        (_Scan._time, word == "الساعه"),
        (_Scan._century, word in lex.cue_words("century_noun") or "القرن" in variants),
        (_Scan._decade, any(v in lex.cue_words("decade") for v in variants)),
        (_Scan._rank, opens("rank_noun")),
        (_Scan._quantity, word[0].isdecimal() or number is not None),
    )
    return tuple(matcher for matcher, possible in tests if possible)


_MATCHERS: WordMemo[tuple] = WordMemo(_matchers_for)  # folded word -> _matchers_for(word)


class _Scan:
    """One pass over the folded tokens; each matcher returns a _Hit or None."""

    def __init__(self, raw: str, folded: str, offsets: list[int]):
        self.raw_text = raw
        self.folded = folded
        self.offsets = offsets
        # the tokens: their folded text, and their matches for the few starts and ends read
        self.matches = list(_TOKEN.finditer(folded))
        self.words = list(map(regex.Match.group, self.matches))  # (map over the method: the loop runs in C)
        self.count = len(self.words)
        self.lex = _lexicon()
        self.blocked = _blocked_spans(folded)
        if any(mark in raw for mark in _RTL_MARKS):
            self._read_marked_decimals()

    def _read_marked_decimals(self) -> None:
        """Give "3.\u200f7" (folded to "3.7") the ر form it displays as and means: "3ر7", 7.3."""
        for index, word in enumerate(self.words):
            if word[0].isdecimal() and "." in word:
                start, end = self.raw(index, index + 1)
                self.words[index] = newswire_form(self.raw_text[start:end]) or word

    # ---- driving

    def hits(self) -> list[_Hit]:
        found: list[_Hit] = []
        # dates first, then ranks, then quantities; only the matchers that can start at a word,
        # so only the words with one are visited (most words have none)
        matchers = list(map(_MATCHERS.__getitem__, self.words))
        resume = 0  # the token after the last figure: figures do not overlap
        for index in itertools.compress(range(self.count), matchers):
            if index < resume:
                continue
            for matcher in matchers[index]:
                hit = matcher(self, index)
                if hit:
                    found.append(hit)
                    resume = hit.last
                    break
        return found

    def is_digits(self, index: int) -> bool:
        return self.words[index][0].isdecimal()

    def raw(self, first: int, last: int) -> tuple[int, int]:
        start, end = self.matches[first].start(), self.matches[last - 1].end()
        return raw_span(self.offsets, start, end, len(self.raw_text))

    def figure(self, hit: _Hit, sentence: int) -> Figure:
        start, end = self.raw(hit.first, hit.last)
        unit = ""
        if hit.unit:
            unit_start, unit_end = self.raw(*hit.unit)
            unit = self.raw_text[unit_start:unit_end]
        return Figure(
            text=self.raw_text[start:end],
            start=start,
            end=end,
            value=hit.value,
            unit=unit,
            kind=hit.kind,
            approx=self._approx(hit.first) if hit.kind not in ("date", "ordinal") else "",
            value_max=hit.value_max,
            sentence=sentence,
        )

    # ---- token helpers

    def word(self, index: int) -> str:
        return self.words[index] if 0 <= index < self.count else ""

    def phrase_at(self, index: int, phrases: set[tuple[str, ...]] | dict, clitic_ok: bool = False) -> int:
        """Length in tokens of the longest phrase starting at ``index`` (first word may carry a clitic)."""
        best = 0
        word = self.word(index)
        firsts = self.lex.first_words(phrases)
        for variant in _variants(word):
            for length in firsts.get(variant, ()):
                if length > 4:
                    continue
                if variant != word and length == 1 and not (clitic_ok or variant.startswith("ال")):
                    continue  # "لامس" (touched) is not ل + أمس
                words = (variant,) + tuple(self.word(index + k) for k in range(1, length))
                if words in phrases:
                    best = max(best, length)
        return best

    def cue_before(self, index: int, kind: str) -> bool:
        return any(variant in self.lex.cue_words(kind) for variant in _variants(self.word(index - 1)))

    def _adjacent(self, first: int, last: int) -> bool:
        """No space between two tokens: "10ر18ميلون", "يوليو2015"."""
        return self.matches[first].end() == self.matches[last].start()

    # ---- dates

    def _weekday_at(self, index: int) -> int | None:
        for variant in _variants(self.word(index)):
            day = self.lex.weekdays.get(variant)
            if day is None:
                continue
            if day == 2 and (self.cue_before(index, "not_weekday_before") or self.word(index + 1) == "من"):
                return None  # "بين الاثنين" = between the two
            if self.word(index + 1) == "عشر":
                return None  # "الأحد عشر" = eleven
            return day
        return None

    def _weekday(self, index: int) -> _Hit | None:
        first = index
        if self.word(index) in self.lex.cue_words("day_before_weekday") and self._weekday_at(index + 1):
            index += 1
        if self._weekday_at(index) is None:
            return None
        last = index + 1
        following = last + 1 if self.word(last) == "الموافق" else last
        date = self._day_month(following, require_context=False)
        if date:
            return _Hit(first, date.last, "date", date.value)
        return _Hit(first, last, "date")

    def _month_at(self, index: int) -> tuple[int, bool, int] | None:
        """(month, needs context, length in tokens) of a month name at ``index``."""
        length = self.phrase_at(index, self.lex.months)
        if not length:
            return None
        for variant in _variants(self.word(index)):
            words = (variant,) + tuple(self.word(index + k) for k in range(1, length))
            if words in self.lex.months:
                month, needs_context = self.lex.months[words]
                return month, needs_context, length
        return None

    def _day_month(self, index: int, require_context: bool = True) -> _Hit | None:
        first = index
        day_given = False
        token = self.word(index)
        if 1 <= _day_number(token, 0) <= 31 and self._month_at(index + 1):
            index, day_given = index + 1, True
        else:
            length = self._ordinal_length(index)
            if length and self.word(index + length) == "من":
                length += 1
            if length and (self._month_at(index + length) or self.word(index + length) == "شهر"):
                index, day_given = index + length, True
        said_month = self.word(index) == "شهر"  # "شهر رمضان": the word month is context enough
        if said_month:
            index += 1
        month = self._month_at(index)
        if not month:
            return None
        _number, needs_context, length = month
        last = index + length
        paired = self._pair(last)
        last = paired or last
        year_end, year = self._year_after(last)
        last = year_end or last
        relative = self.word(last) in self.lex.cue_words("month_after")
        if relative:
            last += 1
        context = day_given or said_month or bool(paired) or year is not None or relative
        if not context and not needs_context and (self.cue_before(first, "month_before") or not require_context):
            context = True
        if not context:
            return None
        return _Hit(first, last, "date", year)

    def _pair(self, index: int) -> int | None:
        """The end of a second month name: "مايو/ أيار", "مارس آذار", "ديسمبر كانون الأول"."""
        start = index + 1 if self.word(index) in ("/", "-") else index
        month = self._month_at(start)
        return start + month[2] if month else None

    def _year_after(self, index: int) -> tuple[int | None, float | None]:
        start = index
        if self.word(start) == "من":
            start += 1
        if self.word(start) in ("عام", "سنه", "العام"):
            start += 1
        token = self.word(start)
        if token.isdecimal() and len(token) == 4:
            end = start + 1
            if self.word(end) in self.lex.cue_words("year_after"):
                end += 1
            return end, float(token)
        return None, None

    def _relative(self, index: int) -> _Hit | None:
        first = index
        part = self.phrase_at(index, self.lex.cues["relative_part"], clitic_ok=True)
        length = self.phrase_at(index + part, self.lex.cues["relative"])
        if not length:
            return None
        index += part
        if self.word(index) in ("غدا",) and "ً" not in self._raw_token(index):
            return None  # غدا without tanwin is usually the verb "became"
        last = index + length
        if self._weekday_at(last):  # "أمس الأحد"
            last += 1
        return _Hit(first if part else index, last, "date")

    def _raw_token(self, index: int) -> str:
        start, end = self.raw(index, index + 1)
        return self.raw_text[start : end + 1]

    def _year(self, index: int) -> _Hit | None:
        token = self.word(index)
        if not (token.isdecimal() and len(token) == 4):
            return None
        value = int(token)
        marker = self.word(index + 1) in self.lex.cue_words("year_after")
        cue = self.cue_before(index, "year_before")
        if not (marker or (cue and 1000 <= value <= 2100)):
            return None
        last = index + 2 if marker else index + 1
        link = self.word(last)
        if link in ("و", "-") and self.word(last + 1).isdecimal() and len(self.word(last + 1)) == 4:
            high = int(self.word(last + 1))
            if high > value:
                return _Hit(index, last + 2, "range", float(value), float(high))
        return _Hit(index, last, "date", float(value))

    def _time(self, index: int) -> _Hit | None:
        if self.word(index) != "الساعه":
            return None
        nxt = self.word(index + 1)
        if nxt.isdecimal() or (_CLOCK.fullmatch(nxt) is not None):
            last = index + 2
        else:
            length = self._ordinal_length(index + 1) or (1 if lookup_word(nxt) else 0)
            if not length:
                return None
            last = index + 1 + length
        if self.word(last) == ":" and self.word(last + 1).isdecimal():
            last += 2
        if is_and_fraction(self.word(last)):
            last += 1  # "الساعة الواحدة والنصف ظهرا"
        if self.word(last) in self.lex.cue_words("day_part"):
            last += 1
        return _Hit(index, last, "date")

    def _century(self, index: int) -> _Hit | None:
        if self.word(index) not in self.lex.cue_words("century_noun") and "القرن" not in _variants(self.word(index)):
            return None
        length = self._ordinal_length(index + 1)
        if not length:
            return None
        return _Hit(index, index + 1 + length, "date")

    def _decade(self, index: int) -> _Hit | None:
        if not any(variant in self.lex.cue_words("decade") for variant in _variants(self.word(index))):
            return None
        after = self.phrase_at(index + 1, self.lex.cues["decade_after"])
        return _Hit(index, index + 1 + after, "date")

    def _ordinal_length(self, index: int) -> int:
        """Tokens of an ordinal phrase: "الثالث والعشرين", "التاسع عشر", "العشرين" (0 if none)."""
        length = 0
        while True:
            word = self.word(index + length)
            is_ordinal = ordinal_value(word) is not None
            number = lookup_word(word)
            is_ten = number is not None and number.type == "ten" and (length or word.startswith(("ال", "وال")))
            if not (is_ordinal or is_ten) or length >= 4:
                break
            length += 1
        if length and parse_ordinal(" ".join(self.word(index + k) for k in range(length))) is None:
            return 0
        return length

    # ---- ranks

    def _rank(self, index: int) -> _Hit | None:
        if not self.phrase_at(index, self.lex.cues["rank_noun"]):
            return None
        position = index + 1
        if self.word(position) == "ال" and self.word(position + 1).isdecimal():
            position += 1
        if self.word(position).isdecimal():
            return _Hit(index, position + 1, "ordinal", digits_value(self.word(position)))
        length = self._ordinal_length(position)
        if not length:
            return None
        value = parse_ordinal(" ".join(self.word(position + k) for k in range(length)))
        return _Hit(index, position + length, "ordinal", float(value) if value else None)

    # ---- quantities

    def _quantity(self, index: int) -> _Hit | None:
        if not self._can_start(index):
            return None
        end, value = self._number(index)
        if value is None:
            return None
        first = index - 1 if self.is_digits(index) and self._wrapped(index) else index  # with its "("
        hit = _Hit(first, end, "number", value)
        self._range(hit)
        self._unit(hit)
        self._and_a_fraction(hit)
        if hit.kind == "number" and hit.unit is None and self._bare_year(index, end):
            hit.kind = "date"
        return hit

    def _can_start(self, index: int) -> bool:
        if self.is_digits(index):
            return not self._not_a_figure(index)
        word = lookup_word(self.words[index])
        if word is None or ordinal_value(self.word(index - 1)) is not None:
            return False  # "الخامس عشر" is an ordinal, read by the date and rank matchers
        following = lookup_word(self.word(index + 1))
        if word.type in ("unit", "teen_unit") and word.value < 3:
            percent = self.phrase_at(index + 1, self.lex.units) and self._unit_kind(index + 1) == "percent"
            return bool(percent or (following and following.type.startswith("scale")) or self.word(index + 1) == "عشر")
        if word.type == "scale_plural":
            return False  # "آلاف" alone is vague
        if word.type == "fraction":
            if is_and_fraction(self.words[index]) and not self._fraction_of_its_own(index):
                return False  # "عامين ونصف", "ساعة ونصف الساعة": the half of what comes before
            return self.word(index + 1) not in self.lex.cue_words("not_fraction_after")
        return True

    def _fraction_of_its_own(self, index: int) -> bool:
        """Whether "ونصف" at ``index`` counts the scale or definite noun after it ("ونصف مليون",
        "ونصف السكان") rather than adding a half to the word before it ("شهر ونصف الشهر")."""
        following = self.word(index + 1)
        if self._is_scale(index + 1):
            return True
        return _is_definite(following) and not _same_unit(self.word(index - 1), following)

    def _not_a_figure(self, index: int) -> bool:
        """Phone numbers, ids, codes, titles: digits that are not quantities."""
        text, token_start = self.words[index], self.matches[index].start()
        if any(start <= token_start < end for start, end in self.blocked):
            return True
        raw_start, raw_end = self.raw(index, index + 1)
        around = self.raw_text[max(0, raw_start - 1) : raw_end + 1]
        if _LATIN.search(around):
            return True  # C21H30O5, MBC1
        if index and _LATIN.match(self.word(index - 1)):
            return True  # iPhone 6, Windows 10
        digits = text.replace(",", "").replace(".", "")
        if len(digits) >= 8 and text.isdecimal():
            return True  # phone numbers and ids are long bare digit runs
        if text.startswith("0") and len(digits) >= 4 and "." not in text and "ر" not in text:
            return True  # 0501234567, 0114... (not "02ر10", 10.02)
        if self.cue_before(index, "id_cue") or (self.word(index - 1) != "و" and self.cue_before(index - 1, "id_cue")):
            return self._unit_kind(index + 1) != "percent"  # "تراجع الرقم بنسبة 1%" is a share, not an id
        quotes = ('"', "'")
        # a title: فيلم "10"; but «150» مليونا is a quantity in quotation marks
        return self.word(index - 1) in quotes and self.word(index + 1) in quotes and not self._wrapped(index)

    def _wrapped(self, index: int) -> bool:
        """Digits in parentheses or quotation marks, a scale word after: "(15) ألف", "«150» مليونا"."""
        closing = _WRAPPERS.get(self.word(index - 1))
        return closing is not None and self.word(index + 1) == closing and self._is_scale(index + 2)

    def _is_scale(self, index: int) -> bool:
        word = lookup_word(self.word(index))
        return word is not None and word.type.startswith("scale")

    def _number(self, index: int) -> tuple[int, float | None]:
        """The end of the number phrase at ``index`` and its value (scale words applied), with
        the smaller parts joined by "و": "15 ألفا و615" (15,615), "مليار و200 مليون"."""
        end, read = self._number_phrase(index)
        if self._dual_construct(index, end, read):
            return end, 2 * read.value
        if read.value is None or not read.scale or self.word(end) != "و":
            return end, read.value
        joined = self._joined_part(end + 1, read.scale)
        if joined is None:
            return end, read.value
        return joined[0], read.value + joined[1]

    def _dual_construct(self, index: int, end: int, read: NumberRead) -> bool:
        """'مليونا مسافر', 'ألفا شخص': a scale word alone in its accusative-looking form, right
        before the noun it counts, is the dual in construct (its ن dropped): two million. After a
        number it counts like the plain form ('15 ألفا'), and before anything but a counted noun
        it is one ('ومليونا لشركة', 'مليونا ونصف المليون')."""
        if read.value is None or read.length != 1 or end != index + 1 or not self.word(index).endswith("ا"):
            return False
        word = lookup_word(self.word(index))
        following = self.word(end)
        if word is None or word.type != "scale" or following[:1] in ("ل", "و", "ف") or self._unit_kind(end) == "percent":
            return False  # 'مليوناً بالمئة': a million percent
        return bool(self.phrase_at(end, self.lex.units)) or self._is_head_noun(end)

    def _number_phrase(self, index: int) -> tuple[int, NumberRead]:
        """One number phrase at ``index``: a written number and the number words after it."""
        positions: list[int] = []
        words: list[str] = []
        end = index
        while end < self.count:
            text = self.words[end]
            if text[0].isdecimal():
                if words:
                    break  # a second written number starts a new figure
            elif lookup_word(text) is None or self._unit_kind(end) == "percent":
                break  # "بالمئة" is a unit, not a hundred
            words.append(text)
            positions.append(end)
            end += 1
            if end == index + 1 and self.is_digits(index) and self._wrapped(index):
                end += 1  # past the closing mark, on to the scale word
        read = read_number(words)
        if read.length < len(words):
            end = positions[read.length] if read.length else index
        return end, read

    def _joined_part(self, index: int, scale: float) -> tuple[int, float] | None:
        """The end and value of the number after "و" that completes a scaled one ("و615 عضوا"
        after "15 ألفا"), or None: a larger one ("و3 ملايين"), a year ("و2015"), a percentage
        or a number that is not a figure starts a figure of its own."""
        if index >= self.count or not self._can_start(index):
            return None
        end, value = self._number(index)
        if value is None or not joins_compound(scale, value):
            return None
        if self._bare_year(index, end) or self._unit_kind(end) == "percent":
            return None
        return end, value

    def _range(self, hit: _Hit) -> None:
        """Extend a number into a range: "100- الى 150", "15 -30", "بين 40 و60", "خمس أو ست"."""
        position = hit.last
        if self.word(position) == "-":
            position += 1
        if self.word(position) in ("الي", "حتي") or (position == hit.last and self.word(position) in ("و", "او")):
            position += 1
        if position == hit.last or position >= self.count:
            return
        link = self.word(position - 1)
        if link == "و" and self.word(hit.first - 1) not in ("بين", "عامي"):
            return  # "40 و60" is a range only after بين
        if link == "او" and self.is_digits(hit.first):
            return
        if not self._can_start(position):
            return
        end, high = self._number(position)
        if high is None or hit.value is None:
            return
        low = self._shared_scale(hit, position, end, high)
        if high <= low:
            return
        hit.last, hit.value, hit.value_max, hit.kind = end, low, high, "range"

    def _shared_scale(self, hit: _Hit, position: int, end: int, high: float) -> float:
        """'بين 5 و12 مليون': the scale word written once belongs to both ends (5 million)."""
        if not (hit.last == hit.first + 1 and self.is_digits(hit.first) and self.is_digits(position)) or end - position < 2:
            return hit.value
        bare = digits_value(self.word(position))
        if not bare or high / bare < 1000:
            return hit.value
        return hit.value * (high / bare)

    def _unit_kind(self, index: int) -> str | None:
        firsts = self.lex.first_words(self.lex.units)
        for variant in _variants(self.word(index)):
            for length in reversed(firsts.get(variant, ())):
                if length > 4:
                    continue
                words = (variant,) + tuple(self.word(index + k) for k in range(1, length))
                if words in self.lex.units:
                    return self.lex.units[words][0]
        return None

    def _unit(self, hit: _Hit) -> None:
        index = hit.last
        if self._year_cue_at(index):
            return  # "5 آلاف عام 2013": the year's cue, not five thousand years
        length = self.phrase_at(index, self.lex.units)
        if length:
            kind = self._unit_kind(index)
            hit.unit = (index, index + length)
            hit.last = index + length
            if hit.kind != "range":
                hit.kind = {"money": "money", "percent": "percent", "duration": "duration"}.get(kind or "", "number")
            return
        if self._is_head_noun(index) and not self._bare_year(hit.first, hit.last):
            hit.unit = (index, index + 1)
            hit.last = index + 1

    def _year_cue_at(self, index: int) -> bool:
        following = self.word(index + 1)
        return following.isdecimal() and len(following) == 4 and self.cue_before(index + 1, "year_before")

    def _and_a_fraction(self, hit: _Hit) -> None:
        """Add "and a half" after a unit: "3 ساعات ونصف" (3.5), "ستة أعوام ونصف العام" (6.5),
        "أربع مليارات سنة ونصف" (4.5 billion: the half is of the scale word)."""
        index = hit.last
        fraction = lookup_word(self.word(index))
        if hit.unit is None or hit.kind == "range" or hit.value is None or fraction is None:
            return
        if not is_and_fraction(self.word(index)):
            return
        if self._is_scale(index + 1):
            return  # "3 أيام ونصف مليون": another figure
        last = index + 1
        following = self.word(last)
        if _is_definite(following):
            if not _same_unit(self.word(hit.unit[1] - 1), following):
                return  # "20 شخصا ونصف الجرحى": half of something else
            last += 1  # the unit said again: "ونصف الساعة"
        hit.value += fraction.value * self._last_scale(hit.first, hit.unit[0])
        hit.last = last

    def _last_scale(self, first: int, last: int) -> float:
        """The value of the last scale word among tokens first..last (1 when there is none)."""
        for index in range(last - 1, first - 1, -1):
            word = lookup_word(self.word(index)) if not self.is_digits(index) else None
            if word is not None and word.type.startswith("scale"):
                return word.value / 2 if word.type == "scale_dual" else word.value
        return 1.0

    def _is_head_noun(self, index: int) -> bool:
        word = self.word(index)
        if not 0 < index < self.count:
            return False
        if "\n" in self.folded[self.matches[index - 1].end() : self.matches[index].start()]:
            return False  # a list number ending its line: "1\nالدور"
        if len(word) < 2 or not _ARABIC.match(word):
            return False
        if word in self.lex.cue_words("no_head") or lookup_word(word) is not None:
            return False
        if self._month_at(index) or self._weekday_at(index) or word in self.lex.cue_words("year_after"):
            return False
        return True

    def _bare_year(self, first: int, last: int) -> bool:
        token = self.word(first)
        return last == first + 1 and token.isdecimal() and len(token) == 4 and 1900 <= int(token) <= 2100

    def _approx(self, first: int) -> str:
        """The approximation marker just before the figure, as written: "نحو", "أكثر من"."""
        before = self.word(first - 1)  # a marker ends here: as written, or without its clitic
        last_words = self.lex.approx_last_words
        if first < 1 or (before not in last_words and _variants(before)[-1] not in last_words):
            return ""
        for length in range(4, 0, -1):
            start = first - length
            if start < 0:
                continue
            words = tuple(self.word(start + k) for k in range(length))
            variants = {words, (_variants(words[0])[-1],) + words[1:]}
            if variants & self.lex.cues["approx"]:
                raw_start, raw_end = self.raw(start, first)
                return self.raw_text[raw_start:raw_end]
        return ""


def _is_definite(word: str) -> bool:
    """A folded word with the article (a counted noun never has it): "الساعه", "السكان"."""
    return word.startswith("ال") and len(word) > 3


def _same_unit(word: str, definite: str) -> bool:
    """Whether a definite word names the unit ``word`` names: "اشهر" and "الشهر", "ساعه" and "الساعه"."""
    return bool(word) and canonical_unit(word) == canonical_unit(definite[2:])


# ------------------------------------------------------------------------------ date keys


def _day_number(token: str, default: int) -> int:
    """The value of a token of digits with at most two significant ones ("7", "07"), else
    ``default``: int() of a 10,000-digit run would raise."""
    significant = token.lstrip("0")
    if token.isdecimal() and len(significant) <= 2:
        return int(significant or "0")
    return default


@lru_cache(maxsize=8192)
def _date_parts(text: str) -> tuple:
    """(year, month, day, weekday) read from a date as written; a relative date keeps its folded text."""
    lexicon = _lexicon()
    words = _phrase(text)
    year = month = day = weekday = None
    for position, word in enumerate(words):
        for variant in _variants(word):
            if variant in lexicon.weekdays:
                weekday = lexicon.weekdays[variant]
            for length in (2, 1):
                found = lexicon.months.get((variant,) + words[position + 1 : position + length])
                if found and month is None:
                    month = found[0]
        if word.isdecimal() and len(word) == 4:
            year = int(word)
        elif _day_number(word, 99) <= 31 and day is None:
            day = _day_number(word, 99)
    if year is month is day is weekday is None:
        return (" ".join(words),)
    return (year, month, day, weekday)
