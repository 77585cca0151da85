"""Figures in English text, so English bullets can be checked against the Arabic source's figures.

"3,500 troops", "2.5 billion dollars", "$2.5bn", "40%", "40 percent", "twenty-five thousand" all
become ``Figure`` objects whose ``value`` has the scale applied (2.5e9), so they compare with the
values ``briefer.facts.figures`` finds in the Arabic article. ``unit`` is "%" for percentages, a
canonical currency name ("dollar", "riyal") for money, else the next word as written.

Two numbers joined by a dash, "to" or "between ... and" are one figure with both ends:
"15–25 percent" and "5 to 12 million" are ranges (``kind="range"``, a scale or percent written once
belongs to both ends, as in the Arabic "بين 5 و12 مليون"), "3-1" is a score (``kind="score"``: bare
numbers joined by a dash, the second not above the first). ``value`` is the first number and
``value_max`` the second, so a check can ask for both.

The vocabulary (number words, scale words and suffixes, currencies) lives in
``briefer/data/english_numbers.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.types import Figure

_DATA_FILE = "english_numbers.json"

# A digit number: 3,500 | 3500 | 2.5 | 1.900.000 (thousands marked with dots, as Arabic copy often
# has: two dots or more cannot be a decimal) | .5 is not a figure in news copy.
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?![.\d])|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOTTED_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
# Digits glued to letters are names, not figures: F-16, G20, COVID-19, A380.
_NAME_BEFORE = regex.compile(r"[A-Za-z][-‑]?$|\d[:.]$")  # also the minutes of 10:30
_ORDINAL_AFTER = regex.compile(r"^(?:st|nd|rd|th)\b", regex.IGNORECASE)
_TIME_AFTER = regex.compile(r"^[:.]\d\d\b")
_DASH_LINK = regex.compile(r"\s*[-–—]\s*")
_WORD_LINK = regex.compile(r"\s+to\s+", regex.IGNORECASE)
_AND_LINK = regex.compile(r"\s+and\s+", regex.IGNORECASE)
_BETWEEN_BEFORE = regex.compile(r"\bbetween\s+$", regex.IGNORECASE)


class _Vocabulary(NamedTuple):
    words: dict[str, float]  # one..ninety, hundred
    scales: dict[str, float]  # thousand, million...
    suffixes: dict[str, float]  # bn, m, k...
    currencies: dict[str, str]  # "$", "usd", "dollars" -> "dollar"
    percent_words: tuple[str, ...]
    not_figures: frozenset[str]
    number: regex.Pattern  # digits, with currency before and scale/percent after
    word_number: regex.Pattern  # a run of number words


class NumberSpan(NamedTuple):
    """Where the number itself sits inside a figure (for repairs that swap only the number)."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = json.loads(resources.files("briefer.data").joinpath(_DATA_FILE).read_text(encoding="utf-8"))
    words = {**data["units"], **data["tens"], **data["hundred"]}
    scales = {k: float(v) for k, v in data["scales"].items()}
    suffixes = {k: float(v) for k, v in data["scale_suffixes"].items()}
    currencies = dict(data["currencies"])
    percent_words = tuple(sorted(data["percent_words"], key=len, reverse=True))
    symbols = "|".join(regex.escape(c) for c in sorted(currencies, key=len, reverse=True) if not c.isalpha())
    codes = "|".join(c for c in currencies if c.isalpha() and len(c) == 3)  # USD 5 million, SAR 300
    prefix = rf"{symbols}|\b(?:{codes})\s"
    scale_words = "|".join(sorted(scales, key=len, reverse=True))
    suffix_words = "|".join(sorted(suffixes, key=len, reverse=True))
    percents = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in percent_words)
    number = regex.compile(
        rf"(?P<cur>(?:{prefix})\s?)?(?P<num>{_DIGITS})"
        rf"(?:(?P<suffix>(?:{suffix_words}))\b|\s*(?P<scale>(?:{scale_words}))\b)?"
        rf"(?P<pct>\s*%|\s+(?:{percents})\b)?",
        regex.IGNORECASE,
    )
    number_words = "|".join(sorted(list(words) + list(scales), key=len, reverse=True))
    word_number = regex.compile(
        rf"\b(?:{number_words})(?:(?:\s+and\s+|\s+|-)(?:{number_words}))*\b"
        rf"(?P<pct>\s+(?:{percents})\b)?",
        regex.IGNORECASE,
    )
    return _Vocabulary(words, scales, suffixes, currencies, percent_words,
                       frozenset(data["words_not_figures"]), number, word_number)


def find_english_figures(text: str) -> tuple[Figure, ...]:
    """Every figure in an English text, in order, with values comparable to the Arabic figures."""
    figures = _digit_figures(text)
    taken = [(f.start, f.end) for f in figures]
    for fig in _word_figures(text):
        if not any(s < fig.end and fig.start < e for s, e in taken):
            figures.append(fig)
    return tuple(sorted(figures, key=lambda f: f.start))


def number_span(text: str, figure: Figure) -> NumberSpan:
    """The span of the number and its scale inside ``figure`` (without currency, unit or percent).

    A repair replaces just this part, so "$2.5bn" with a wrong value becomes "$<right value>".
    """
    piece = text[figure.start : figure.end]
    match = _vocabulary().number.search(piece)
    if match is not None and match.start() == 0:
        end = match.end("suffix") if match.group("suffix") else match.end("scale") if match.group("scale") else match.end("num")
        return NumberSpan(figure.start + match.start("num"), figure.start + end)
    word = _vocabulary().word_number.match(piece)
    if word is not None:
        end = word.start("pct") if word.group("pct") else word.end()
        return NumberSpan(figure.start, figure.start + end)
    return NumberSpan(figure.start, figure.end)


def format_english_number(value: float) -> str:
    """A value as an English news desk writes it: 3,500 | 2.5 million | 1.2 billion | 40."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _digit_figures(text: str) -> list[Figure]:
    vocab = _vocabulary()
    figures: list[Figure] = []
    for match in vocab.number.finditer(text):
        start = match.start("cur") if match.group("cur") else match.start("num")
        if figures and start < figures[-1].end:  # the second half of a range already taken
            continue
        if _NAME_BEFORE.search(text[:start]) or _TIME_AFTER.match(text[match.end("num") :]):
            continue
        joined = _two_ended(text, match)
        if joined is not None:
            figures.append(joined)
            continue
        value = _number_value(match.group("num"))
        scale = _scale_of(match)
        end = match.end()
        kind, unit = "number", ""
        if _ORDINAL_AFTER.match(text[end:]):
            kind = "ordinal"
            end += len(_ORDINAL_AFTER.match(text[end:]).group())
        elif match.group("pct"):
            kind, unit = "percent", "%"
        value *= scale or 1.0
        currency = _currency_before(match) or _currency_after(text, end)
        if currency:
            kind, unit, end = "money", currency[0], max(end, currency[1])
        elif kind == "number" and not scale and _looks_like_year(match.group("num")):
            kind = "date"
        elif kind == "number":
            unit = _next_word(text, end)
        figures.append(Figure(text[start:end], start, end, value, unit, kind))
    return figures


def _two_ended(text: str, low: regex.Match) -> Figure | None:
    """The range or score that opens with the number ``low``, or None when no second number joins it.

    A scale or percent written only after the second number belongs to both ("5–12 million",
    "15–25 percent"); a range must rise. Bare numbers joined by a dash that do not rise are a score."""
    high, dash = _second_number(text, low)
    if high is None or low.group("pct") and not high.group("pct"):
        return None
    low_scale, high_scale = _scale_of(low), _scale_of(high)
    low_value = _number_value(low.group("num")) * (low_scale or high_scale or 1.0)
    high_value = _number_value(high.group("num")) * (high_scale or 1.0)
    start = low.start("cur") if low.group("cur") else low.start("num")
    end = high.end()
    percent = bool(high.group("pct"))
    if high_value > low_value:
        kind = "range"
    elif dash and not (low_scale or high_scale or percent or low.group("cur") or high.group("cur")):
        kind = "score"
    else:
        return None
    unit = "%" if percent else ""
    currency = _currency_before(low) or _currency_after(text, end)
    if currency and kind != "score":
        kind, unit, end = "money", currency[0], max(end, currency[1])
    elif not unit:
        unit = _next_word(text, end)
    return Figure(text[start:end], start, end, low_value, unit, kind, value_max=high_value)


def _second_number(text: str, low: regex.Match) -> tuple[regex.Match | None, bool]:
    """The number joined to ``low`` by a dash, "to", or "and" after "between"; and whether by a dash."""
    for link, dash in ((_DASH_LINK, True), (_WORD_LINK, False), (_AND_LINK, False)):
        joint = link.match(text, low.end())
        if joint is None or (link is _AND_LINK and not _BETWEEN_BEFORE.search(text, 0, low.start())):
            continue
        high = _vocabulary().number.match(text, joint.end())
        if high is not None and not high.group("cur") and not _TIME_AFTER.match(text[high.end("num") :]):
            return high, dash
    return None, False


def _number_value(digits: str) -> float:
    """3,500 -> 3500; 1.900.000 -> 1900000; 64,6 (a decimal comma, as Arabic copy often has) -> 64.6."""
    if _THOUSANDS.fullmatch(digits):
        return float(digits.replace(",", ""))
    if _DOTTED_THOUSANDS.fullmatch(digits):
        return float(digits.replace(".", ""))
    return float(digits.replace(",", "."))


def _word_figures(text: str) -> list[Figure]:
    vocab = _vocabulary()
    figures = []
    for match in vocab.word_number.finditer(text):
        phrase = text[match.start() : match.start("pct") if match.group("pct") else match.end()]
        if phrase.lower() in vocab.not_figures:
            continue
        value = _words_value(phrase, vocab)
        if value is None:
            continue
        end = match.end()
        kind, unit = ("percent", "%") if match.group("pct") else ("number", "")
        currency = _currency_after(text, end) if kind == "number" else None
        if currency:
            kind, unit, end = "money", currency[0], currency[1]
        elif kind == "number":
            unit = _next_word(text, end)
        figures.append(Figure(text[match.start() : end], match.start(), end, value, unit, kind))
    return figures


def _words_value(phrase: str, vocab: _Vocabulary) -> float | None:
    """'two hundred and fifty thousand' -> 250000; None for a lone scale word ('thousand')."""
    total, current, seen_count = 0.0, 0.0, False
    for word in regex.split(r"[\s-]+", phrase.lower()):
        if word == "and" or not word:
            continue
        if word == "hundred":
            current = (current or 1.0) * 100
        elif word in vocab.scales:
            if not seen_count:
                return None
            total += (current or 1.0) * vocab.scales[word]
            current = 0.0
        else:
            current += vocab.words[word]
            seen_count = True
    return total + current if seen_count else None


def _scale_of(match: regex.Match) -> float | None:
    vocab = _vocabulary()
    if match.group("suffix"):
        return vocab.suffixes[match.group("suffix").lower()]
    if match.group("scale"):
        return vocab.scales[match.group("scale").lower()]
    return None


def _currency_before(match: regex.Match) -> tuple[str, int] | None:
    if not match.group("cur"):
        return None
    return _vocabulary().currencies[match.group("cur").strip().lower()], match.end()


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    """'2.5 billion dollars', '300 million Saudi riyals', '5m US dollars': the currency word after."""
    after = regex.match(r"\s+(?:(?:US|U\.S\.|Saudi|Egyptian|Iraqi|Kuwaiti|Jordanian|Emirati|Qatari)\s+)?([A-Za-z$€£]+)", text[end:])
    if after is None:
        return None
    currency = _vocabulary().currencies.get(after.group(1).lower())
    if currency is None or after.group(1) in {"$", "€", "£"}:
        return None
    return currency, end + after.end()


def _next_word(text: str, end: int) -> str:
    after = regex.match(r"\s+([A-Za-z][A-Za-z-]*)", text[end:])
    return after.group(1) if after else ""


def _looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100
