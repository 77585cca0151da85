"""Figures in English: each number with its approximation, scale, unit, currency or date parts, in
the source's own digits (figure_spans). In facts-only English (no model) also ranges and scores,
"and a half", and the noun a number counts; with them the word-shape tests (definite, accusative,
preposition + noun) that the names module reads too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources

import regex

from briefer.arabic.numbers import is_and_fraction, lookup_word, newswire_form
from briefer.facts.english import format_english_number
from briefer.facts.figures import canonical_unit, counts_nothing, find_figures
from briefer.translate.words import (
    _ARABIC_WORD,
    _WORD_CACHE_SIZE,
    NAME_CATEGORIES,
    Entry,
    Match,
    Token,
    _fold,
    _listed_at,
    _match_at,
    _tokens,
    lexicon,
)

FIGURE_PARTS = frozenset({"scale", "unit", "currency"})
_UNIT_PARTS = FIGURE_PARTS - {"scale"}
_BEFORE_NUMBER = frozenset({"approx", "month"})
_MONTH = frozenset({"month"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    english: str  # fixed English rendering; "" when the model translates it (a name it does not know)
    kind: str  # figure | quote | name


def figure_spans(text: str, facts_only: bool = False) -> list[Span]:
    """Every figure in the text with its approximation, scale, unit or date parts, in English form.

    ``facts_only`` (no model to translate the words around the figures): two numbers joined as a
    range or a score become one figure ("15–25 percent", "3-1"), and a head noun the lexicon does
    not know stays as written ("6 مهربين"): a bare "6" would say nothing."""
    return _figure_spans_in(_tokens(text), text, facts_only)


def _figure_spans_in(tokens: Sequence[Token], text: str, facts_only: bool = False) -> list[Span]:
    """``tokens`` are tokens of ``text`` (some may be left out: a quotation's); the text between
    two tokens tells a dash or a comma apart."""
    spans: list[Span] = []
    resume = 0  # tokens before it belong to the figure already taken
    for i in [k for k, token in enumerate(tokens) if token.is_number]:  # few numbers among many words
        if i < resume:
            continue
        clock = _clock_time(tokens, text, i) if facts_only else None
        if clock is not None:
            first, last, english = clock
            spans.append(Span(tokens[first].start, tokens[last].end, english, "figure"))
            resume = last + 1
            continue
        first, left = _extend_left(tokens, i)
        last, right = _extend_right(tokens, i)
        number = _english_number(tokens[i].text)
        joined = _joined_compound(tokens, i, last, right)
        if joined is not None and joined[0] >= resume:  # "15 ألفا و615": one number, 15,615
            (first, left), (last, number, right) = _extend_left(tokens, joined[0]), joined[1:]
        if facts_only:
            last, number, right = _facts_only_extent(tokens, text, (first, i, last), number, left, right)
        start = tokens[first].start + (left[0].skip if left else 0)
        english = " ".join([*(m.entry.english for m in left), number, *right])
        spans.append(Span(start, tokens[last].end, _tidy_figure(english), "figure"))
        resume = last + 1
    return spans


def _joined_compound(tokens: Sequence[Token], i: int, last: int, right: list[str]) -> tuple[int, int, str, list[str]] | None:
    """(first token, last token, number, parts) of a compound the figures layer reads as one number
    ("15 ألفا و615" 15,615; "مليونين و500 ألف" 2.5 million): a scaled number, "و" and the smaller
    numbers after it; None when the number at ``i`` is no such part."""
    start = i
    if i >= 2 and tokens[i - 1].folded == "و" and _is_scale_word(tokens[i - 2].folded):
        start = i - 2  # "مليونين و500": the scaled part is written in words
        while start > 0 and not tokens[start - 1].is_number and lookup_word(tokens[start - 1].folded):
            start -= 1
    end, parts, number_at = last, right, i
    while parts and all(part in _SCALE_WORDS for part in parts) and end + 2 < len(tokens) and tokens[end + 1].folded == "و" and tokens[end + 2].is_number:
        number_at = end + 2
        end, parts = _extend_right(tokens, number_at)
    if start == i and end == last:
        return None
    written = " ".join(token.text for token in tokens[start : end + 1])
    through_last_number = len(" ".join(token.text for token in tokens[start : number_at + 1]))
    figures = find_figures(written, ())
    if len(figures) != 1 or figures[0].start or figures[0].end < through_last_number or figures[0].value is None or figures[0].kind == "range":
        return None  # "15 ألفا و3 ملايين": two figures; "آلاف و200": one that starts after the word
    value = figures[0].value
    exact = f"{value:,.0f}" if value.is_integer() and value % 100_000 else format_english_number(value)  # 4,517,180
    return start, end, exact, [part for part in parts if part not in _SCALE_WORDS]


def _facts_only_extent(
    tokens: Sequence[Token], text: str, at: tuple[int, int, int], number: str, left: list[Match], right: list[str]
) -> tuple[int, str, list[str]]:
    """(last token, number, parts) of the figure whose (first token, number token, last token) are
    ``at``, with what the facts-only English joins to it: the second number of a range or score, an
    "and a half", or the head noun it counts."""
    first, i, last = at
    joined = _range_or_score(tokens, text, first, i, last, right)
    if joined is not None:
        last, number, right = joined
    else:
        last, number, right = _and_a_fraction(tokens, text, last, number, right)
    dated = any(match.entry.category == "month" for match in left)  # "فبراير 2016 موعدا"
    if right or dated or not _counted_noun_at(tokens, text, last, _may_be_year(number, left)):
        # after a scale word, a noun the lexicon lists: "2.4 مليون حبة" is 2.4 million pills
        # ("50 million" says enough without a word kept in Arabic)
        noun = _listed_noun_after(tokens, text, last, right) if not dated else ""
        return (last + 1, number, [*right, noun]) if noun else (last, number, right)
    return last + 1, number, [_counted_noun_english(tokens[last + 1])]


def _listed_noun_after(tokens: Sequence[Token], text: str, last: int, right: list[str]) -> str:
    """The English of a listed noun counted after a figure that ends in a scale word, else ""."""
    if not right or any(part not in _SCALE_WORDS for part in right) or not _counted_noun_at(tokens, text, last):
        return ""
    return _noun_english(tokens[last + 1].folded)


#: a clock time in digits: "10:30" (two tokens around a colon), "10.30", "08,15" or "1001" (one token)
_HOUR_MINUTES = regex.compile(r"(\d{1,2})(?:([.,:]?)(\d\d))?")
#: the latest hour a time of day may follow without الساعة ("10 صباحا": 10 a.m.)
_LAST_HOUR = 12


def _clock_time(tokens: Sequence[Token], text: str, i: int) -> tuple[int, int, str] | None:
    """(first token, last token, English) of the clock time at the number token i, or None.

    A time is announced by الساعة ("الساعة 10:30 صباحا": 10:30 a.m., "الساعة 8": 8 o'clock,
    "الساعة 1001 بتوقيت غرينتش": 1001 GMT), or a time of day follows it ("10 صباحا", "8.15 مساء"),
    or it is hours:minutes with a zone after it ("23:55 بتوقيت غرينتش"); a bare "2:1" is a score,
    "10.30" a decimal. The digits are the source's, only the separator becomes a colon: the guard
    finds each digit run in the article. An hour written in words ("الساعة العاشرة صباحا") is not
    rendered: its "10" would be a figure the guard cannot trace to the article (the figures layer
    gives that time no value), and so it would drop the whole line."""
    clocks = lexicon().clocks
    announced = i > 0 and tokens[i - 1].folded in clocks and not _gap(text, tokens[i - 1], tokens[i]).strip()
    colon = i + 1 < len(tokens) and tokens[i + 1].is_number and _gap(text, tokens[i], tokens[i + 1]) == ":"
    last = i + 1 if colon else i
    if not announced and not (last + 1 < len(tokens) and tokens[last + 1].folded in lexicon().times):
        return None  # most numbers: neither الساعة before nor a time word after
    written = _english_number(tokens[i].text) + (":" + _english_number(tokens[last].text) if colon else "")
    shape = _HOUR_MINUTES.fullmatch(written)
    if shape is None or int(shape.group(1)) > 24 or (shape.group(3) and int(shape.group(3)) > 59):
        return None
    last, after = _time_words_after(tokens, text, last)
    daytime = bool(after) and after[0].category == "daytime"
    if not announced and not ((colon and after) or (daytime and int(shape.group(1)) <= _LAST_HOUR)):
        return None
    words = [entry.english for entry in after] or ([] if shape.group(3) else [clocks[tokens[i - 1].folded]])
    clock = f"{shape.group(1)}:{shape.group(3)}" if shape.group(2) else written
    return (i - 1 if announced else i), last, " ".join([clock, *words])


def _time_words_after(tokens: Sequence[Token], text: str, last: int) -> tuple[int, list[Entry]]:
    """(last token, entries) of the time of day and zone after a clock time ("صباحا بتوقيت غرينتش")."""
    found: list[Entry] = []
    k = last + 1
    while k < len(tokens) and not _gap(text, tokens[k - 1], tokens[k]).strip():
        listed = _listed_at(lexicon().times, tokens, k)
        if listed is None:
            break
        found.append(listed.entry)
        last, k = k + listed.length - 1, k + listed.length
    return last, found


def _counted_noun_english(token: Token) -> str:
    """The English of the noun a number counts ("289 صوتا": votes), or the word as written, isolated."""
    return _noun_english(token.folded) or _FSI + token.text + _PDI


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _noun_english(folded: str) -> str:
    """English plural of a folded counted noun or one-word unit in any form the lexicon reads, or ""."""
    tables = lexicon()
    for form in _listed_forms(folded):
        unit = tables.phrases.get((form,))
        if unit is not None and unit.category == "unit":
            return unit.english
        if form in tables.nouns:
            return tables.nouns[form]
    return ""


def _listed_forms(word: str, feminine: bool = False) -> list[str]:
    """The folded word, then the forms the lexicon lists that it may inflect, most literal first.

    The lexicon lists a noun once (singular, and its broken plurals): the accusative of a count
    from 11 to 99 adds "ا" ("صوتا", "نائبا"), the sound plurals add "ين"/"ون" ("مهربين") or turn
    the feminine "ة" into "ات" ("شركات"; "مشروعات" of مشروع); an adjective (``feminine``) also
    takes "ة" ("مطلعة"). At least three letters are left, so a short word is not cut to another."""
    forms = [word]
    if word.endswith("ا") and len(word) > 3:
        word = word[:-1]
        forms.append(word)
    if word.endswith(("ين", "ون")) and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("ات") and len(word) > 4:
        forms += [word[:-2] + "ه", word[:-2]]
    if feminine and word.endswith("ه") and len(word) > 3:
        forms.append(word[:-1])
    return forms


#: an Arabic word kept in an English line is wrapped in a first-strong isolate: without it the
#: bidi algorithm pulls the following "; 41" into the Arabic run and the figures read out of order
_FSI, _PDI = "\u2068", "\u2069"
_DASHES = frozenset("-–—")
_RANGE_WORDS = frozenset({"الي", "حتي"})  # folded إلى, حتى: "من 5 إلى 12"
_BETWEEN = frozenset({"بين", "عامي"})  # "بين 15 و25", "بين عامي 2012 و2017": و joins a range only after these
_PREPOSITIONS = "بلك"  # one-letter prepositions written joined to their noun
_CLITICS = "وف" + _PREPOSITIONS


def _range_or_score(
    tokens: Sequence[Token], text: str, first: int, i: int, last: int, right: list[str]
) -> tuple[int, str, list[str]] | None:
    """(last token, number, parts) of the range or score opened by the number at ``i``, as the
    figures layer reads them: "15 -30", "100- الى 150", "بين 40 و60" (و only after بين); a scale
    written once belongs to both ends ("بين 5 و12 مليون": 5–12 million). A range rises; bare
    numbers joined by a dash that do not ("3-1", "٣-١") are a score, written with a hyphen."""
    if any(part not in _SCALE_WORDS for part in right):
        return None  # "40% - 30": a unit or percent ends the first figure
    j = _second_number_at(tokens, text, first, last)
    if j is None:
        return None
    high_last, high_right = _extend_right(tokens, j)
    low, high = _digits_value(tokens[i].text), _digits_value(tokens[j].text)
    low_scale = _SCALE_WORDS.get(right[0], 1.0) if right else _SCALE_WORDS.get(high_right[0], 1.0) if high_right else 1.0
    high_scale = _SCALE_WORDS.get(high_right[0], 1.0) if high_right else 1.0
    if low is None or high is None:
        return None
    low_part = " ".join([_english_number(tokens[i].text), *right])
    if high * high_scale > low * low_scale:
        return high_last, f"{low_part}–{_english_number(tokens[j].text)}", high_right
    dashed = _gap(text, tokens[last], tokens[j]).strip() in _DASHES
    if dashed and not right and not high_right:
        return j, f"{low_part}-{_english_number(tokens[j].text)}", []
    return None


def _second_number_at(tokens: Sequence[Token], text: str, first: int, last: int) -> int | None:
    """The index of the number a range link joins to the figure ending at ``last``, or None."""
    k = last + 1
    if k >= len(tokens):
        return None
    gap = _gap(text, tokens[last], tokens[k]).strip()
    if tokens[k].is_number and gap in _DASHES:
        return k
    linked = (tokens[k].folded in _RANGE_WORDS and gap in ("", "-")) or (
        tokens[k].folded == "و" and not gap and first > 0 and tokens[first - 1].folded in _BETWEEN
    )
    if linked and k + 1 < len(tokens) and tokens[k + 1].is_number and not _gap(text, tokens[k], tokens[k + 1]).strip():
        return k + 1
    return None


def _gap(text: str, before: Token, after: Token) -> str:
    """What is written between two tokens ("" without the text, as for a lone bullet's tokens)."""
    return text[before.end : after.start] if text else ""


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _digits_value(written: str) -> float | None:
    try:
        return float(_english_number(written).replace(",", ""))
    except ValueError:
        return None  # "1.2.3": a list label, not a quantity


def _and_a_fraction(
    tokens: Sequence[Token], text: str, last: int, number: str, right: list[str]
) -> tuple[int, str, list[str]]:
    """(last token, number, parts) with an "and a half" after the figure joined to its number, as the
    figures layer reads it: "10 ملايين ونصف جنيه" is 10.5 million pounds, "3 ساعات ونصف" 3.5 hours
    (the fraction is of the last scale word, so it adds to the number as written).

    Not before a scale word ("3 أيام ونصف مليون" is another figure), nor, after a unit, before a
    definite word naming something else ("20 شخصا ونصف الجرحى"); "ونصف الساعة" after "ساعات"
    names the unit again and is taken with it. A third has no exact decimal: left as it was."""
    k = last + 1
    if k >= len(tokens) or _gap(text, tokens[last], tokens[k]).strip() or not is_and_fraction(tokens[k].folded):
        return last, number, right
    fraction = Decimal(str(lookup_word(tokens[k].folded).value))
    if fraction.as_tuple().exponent < -2 or "," in number or _digits_value(number) is None:
        return last, number, right  # 1/3; "64,6" may be a decimal comma; "1.2.3" is a label
    following = tokens[k + 1].folded if k + 1 < len(tokens) and not _gap(text, tokens[k], tokens[k + 1]).strip() else ""
    if _is_scale_word(following):
        return last, number, right
    has_unit = any(part not in _SCALE_WORDS for part in right)
    if _is_definite(following):
        if not has_unit or canonical_unit(tokens[last].text) != canonical_unit(following[2:]):
            return last, number, right
        k += 1  # "3 ساعات ونصف الساعة": the unit said again
    total = (Decimal(number) + fraction).normalize()
    last, right = k, list(right)
    if not has_unit:
        unit = _unit_after(tokens, text, k)
        if unit is not None:
            last = unit[0]
            right.append(unit[1])
    return last, f"{total:f}", right


def _is_scale_word(folded: str) -> bool:
    word = lookup_word(folded) if folded else None
    return word is not None and word.type.startswith("scale")


def _unit_after(tokens: Sequence[Token], text: str, k: int) -> tuple[int, str] | None:
    """(last token, English) of a unit or currency the lexicon knows right after token k."""
    if k + 1 >= len(tokens) or _gap(text, tokens[k], tokens[k + 1]).strip():
        return None
    match = _match_at(tokens, k + 1)
    if match is None or match.skip or match.entry.category not in _UNIT_PARTS:
        return None
    return k + match.length, match.entry.english


def _counted_noun_at(tokens: Sequence[Token], text: str, last: int, year: bool = False) -> bool:
    """Whether the word after the figure ending at ``last`` is what the number counts.

    Not when punctuation comes between ("2013، وهو" ends a clause); after a number that may be a
    year (``year``), only an accusative counted noun ("2076 مقاتلا"): a year counts nothing, and the
    figures layer gives "2018 بفوز" no head noun either. Nor a word that shows it is something else:
    a joined particle + a word that counts nothing ("وهو", "وفي"); a definite word, bare or after a
    particle ("المشاركة", "بالإضافة", "للعمل": a counted noun is indefinite); a preposition + a noun
    ("58 بتسديدة", "42 لرونالدو", "20 بسوريا": a number counts a noun, not a phrase)."""
    k = last + 1
    if k >= len(tokens) or not _is_arabic_word(tokens[k]) or _gap(text, tokens[last], tokens[k]).strip():
        return False
    word = tokens[k].folded
    if year and not (_is_accusative(word) and word[0] != "و"):  # "2009 وماريا": a new clause
        return False
    if _names_a_year(tokens, k, 1):  # "3.09 عام 2013": 3.09 in 2013
        return False
    particle = word[0] in _CLITICS
    if particle and counts_nothing(word[1:]):
        return False
    if _is_definite(word) or (particle and _is_definite(word[1:])):
        return False
    if lookup_word(word) is not None:  # "5 وثلث", "2015 ستمائة": a number word is no head noun
        return False
    if _looks_like_verb(word) and not _noun_english(word):  # "6 ويصيب": a new clause
        return False
    if _match_at(tokens, k, NAME_CATEGORIES) is not None:  # "بسوريا": in Syria; "ريال مدريد": a club
        return False
    return not _opens_with_preposition(word)


def _looks_like_verb(word: str) -> bool:
    """Whether a folded word has the shape of an imperfect verb, bare ("يختارون", "يصبح") or after
    the conjunction و ("ويصيب", "وتقول", "وأخبرتهم"): the number before it counts nothing of it.
    Read only for words the lexicon does not list as nouns."""
    verb = word[1:] if word.startswith("و") and len(word) > 3 else word
    return verb.startswith("ي") or (verb is not word and verb[:1] in "تنا")


def _may_be_year(number: str, left: list[Match]) -> bool:
    """A bare 19xx/20xx with no approximation before it ("أكثر من 2000 زائر" counts visitors: a year
    is never approximate)."""
    if len(number) != 4 or not number.isdecimal() or not 1900 <= int(number) <= 2100:
        return False
    return not any(match.entry.category == "approx" for match in left)


def _is_accusative(word: str) -> bool:
    """Ends in the "ا" of the accusative, the case of a noun counted by 11 to 99 ("مقاتلا", "بلاغا");
    not the pronoun "ها" ("يظهرها", "بأنها")."""
    return word.endswith("ا") and not word.endswith("ها")


#: a noun is at least three letters before these endings (feminine, plural)
_NOUN_ENDINGS = ("ات", "ين", "ون", "ه")


def _opens_with_preposition(word: str) -> bool:
    """Whether a folded word is ب/ل/ك + a noun: "بتسديده", "لرونالدو", "بجروح".

    The letter is the noun's own when the word ends in the accusative "ا" of a counted noun ("بلاغا",
    "كرديا": a preposition's noun is genitive), when the list of counted nouns says so ("لاعبين",
    "كبسوله"), or when too little is left after it to make a noun ("بلده", "لغه", "لمسات")."""
    if word[0] not in _PREPOSITIONS or _is_accusative(word) or word in _counted_nouns():
        return False
    rest = word[1:]
    for ending in _NOUN_ENDINGS:
        if rest.endswith(ending) and len(rest) > len(ending):
            rest = rest[: -len(ending)]
            break
    return len(rest) >= 3


@cache
def _counted_nouns() -> frozenset[str]:
    """Folded nouns whose first letter ب ل ك is not a preposition (briefer/data/counted_nouns.txt)."""
    text = resources.files("briefer").joinpath("data/counted_nouns.txt").read_text(encoding="utf-8")
    return frozenset(_fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_definite(word: str) -> bool:
    """ال + a word of three letters or more, or لل (ل + ال): a counted noun is never definite."""
    return (word.startswith("ال") and len(word) > 4) or (word.startswith("لل") and len(word) > 3)


def _is_arabic_word(token: Token) -> bool:
    return not token.is_number and not counts_nothing(token.folded) and _ARABIC_WORD.match(token.text) is not None


def _extend_left(tokens: Sequence[Token], i: int) -> tuple[int, list[Match]]:
    """Approximations ('نحو', 'أكثر من') and a month before the number ('يونيو/ حزيران 2026')."""
    first, found = i, []
    while first > 0:
        match = _phrase_ending_at(tokens, first, _BEFORE_NUMBER)
        if match is None:
            if first >= 2 and tokens[first - 1].text == "/" and _phrase_ending_at(tokens, first - 1, _MONTH):
                first -= 1  # the slash between two names of the same month
                continue
            break
        first -= match.length
        found.insert(0, match)
        if match.entry.category == "approx":
            break
    return first, _dedupe_months(found)


def _phrase_ending_at(tokens: Sequence[Token], end: int, categories: frozenset[str]) -> Match | None:
    for length in range(min(lexicon().longest, end), 0, -1):
        match = _match_at(tokens, end - length, categories)
        if match and match.length == length:
            return match
    return None


def _extend_right(tokens: Sequence[Token], i: int) -> tuple[int, list[str]]:
    """Percent sign, scale word, one unit or currency; or a month and its year after a day."""
    last, parts = i, []
    k = i + 1
    if k < len(tokens) and tokens[k].text in "%٪" and tokens[k].start - tokens[i].end <= 1:
        return k, ["%"]
    took_month = False
    while k < len(tokens):
        if tokens[k].text == "/" and took_month:
            k += 1
            continue
        match = _match_at(tokens, k)
        if match and match.skip == 0 and match.entry.category == "month" and not parts:
            if not took_month:
                parts.append(match.entry.english)
            took_month, last, k = True, k + match.length - 1, k + match.length
            continue
        if took_month and tokens[k].is_number:
            parts.append(_english_number(tokens[k].text))
            last = k
            break
        if took_month or not match or match.skip or match.entry.category not in FIGURE_PARTS:
            break
        if _names_a_year(tokens, k, match.length):
            break  # "124 مليون عام 2014": 124 million in 2014, not 124 million years
        parts.append(match.entry.english)
        last, k = k + match.length - 1, k + match.length
        if match.entry.category != "scale":
            break
    return last, parts


#: folded words that, before a year in digits, say "in (the year)": "عام 2014", "سنة 2015"
_YEAR_WORDS = frozenset({"عام", "سنه"})


def _names_a_year(tokens: Sequence[Token], k: int, length: int) -> bool:
    """Whether the one-word unit at token k is the "عام" of a year written after it, as the
    figures layer reads it: the number before counts nothing of years."""
    after = k + length
    return (length == 1 and tokens[k].folded in _YEAR_WORDS and after < len(tokens)
            and tokens[after].is_number and _may_be_year(_english_number(tokens[after].text), []))


def _dedupe_months(matches: list[Match]) -> list[Match]:
    """'يونيو/ حزيران' names one month twice; say it once."""
    out: list[Match] = []
    for match in matches:
        if not (out and out[-1].entry == match.entry and match.entry.category == "month"):
            out.append(match)
    return out


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")


_NEWSWIRE_DECIMAL = regex.compile(r"(\d+)ر(\d+)")
_DECIMAL_COMMA = regex.compile(r"\d+,\d{1,2}")


def _english_number(text: str) -> str:
    """The same digits and separators in ASCII: nothing rounded, reformatted or re-scaled.

    A decimal written decimals first is turned round as the figures layer reads it: "10ر18" and
    "3.\u200f7" (shown as 7.3, newswire_form) are 18.10 and 7.3, the digits kept as written. A
    decimal comma ("64,6 مليون", one or two digits after it: not a thousands separator) is a
    point in English, where "64,6 million" would read as 646 million."""
    ascii_digits = text.translate(_DIGITS)
    newswire = _NEWSWIRE_DECIMAL.fullmatch(newswire_form(ascii_digits) or ascii_digits)
    if newswire:
        return f"{newswire.group(2)}.{newswire.group(1)}"
    return ascii_digits.replace(",", ".") if _DECIMAL_COMMA.fullmatch(ascii_digits) else ascii_digits


_SPACE_BEFORE_PERCENT = regex.compile(r"\s+%")


def _tidy_figure(text: str) -> str:
    return _SPACE_BEFORE_PERCENT.sub("%", text).strip()
