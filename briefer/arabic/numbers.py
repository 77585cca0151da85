"""Numbers as Arabic news writes them: digits in any script, separators, number words.

``parse_number("٢٫٥ مليار")`` -> 2.5e9, ``parse_number("ثلاثة آلاف")`` -> 3000,
``parse_number("مائة وثمانية وعشرين")`` -> 128, ``parse_number("10 ملايين ونصف")`` -> 1.05e7,
``parse_number("20ر115")`` -> 115.2 (the newswire habit of writing the decimals first with ر).
A right-to-left mark beside a decimal point ("3.\u200f7") makes the two digit runs display in
the other order, so the writer saw, and meant, 7.3: it is read as the ر form is. Words and their
values live in ``data/number_words.tsv`` and ``data/ordinal_words.tsv``.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.arabic.normalize import normalize, unify_digits

#: words skipped before a number: they qualify it, they are not part of it
APPROXIMATION_WORDS = frozenset({"نحو", "قرابه", "حوالي", "حوالى", "زهاء", "اكثر", "اقل", "من", "ما", "يقارب", "مايقارب"})

_DIGITS = regex.compile(r"\d+(?:[.,]\d+)*")
_REVERSED_DECIMAL = regex.compile(r"(\d+)ر(\d+)")  # "20ر115" = 115.20
# a decimal point with a right-to-left mark (RLM, ALM) on either side, no space: "3.\u200f7" = 7.3
_MARKED_DECIMAL = regex.compile(r"(\d+)(?:[.٫][\u200f\u061c]+|[\u200f\u061c]+[.٫])(\d+)")
_TOKEN = regex.compile(r"\d+ر\d+|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+")
# ف and ك are left out: "كمية" would read as ك + مية (a hundred)
_CLITICS = ("وب", "ول", "و", "ب", "ل")
# "بالمئة" "في المئة" mean per cent, not a hundred
_PERCENT_WORDS = frozenset({"بالمئه", "بالمايه", "بالميه", "المئه", "المايه"})


class NumberWord(NamedTuple):
    value: float
    type: str  # unit | teen_unit | ten | hundred | scale | scale_dual | scale_plural | fraction


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("briefer.arabic.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def number_words() -> dict[str, NumberWord]:
    """Folded number word -> value and type."""
    return {normalize(row[0]): NumberWord(float(row[1]), row[2]) for row in _data_rows("number_words.tsv")}


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    return {normalize(row[0]): int(row[1]) for row in _data_rows("ordinal_words.tsv")}


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits -> ASCII, ٫ -> '.', ٬ -> ','; same length as the input."""
    return unify_digits(text)


@lru_cache(maxsize=65536)
def digits_value(text: str) -> float | None:
    """The value of one written number: "3,500" "٣٥٠٠" "2.5" "1.234.567" "20ر115"."""
    folded = to_ascii_digits(text).strip()
    reversed_decimal = _REVERSED_DECIMAL.fullmatch(folded) or _MARKED_DECIMAL.fullmatch(folded)
    if reversed_decimal:
        return _finite(float(f"{reversed_decimal.group(2)}.{reversed_decimal.group(1)}"))
    if not _DIGITS.fullmatch(folded):
        return None
    if "," in folded:
        groups = folded.split(",")
        if all(len(group) == 3 for group in groups[1:]) and "." not in groups[-1][:3]:
            folded = folded.replace(",", "")
        else:  # "2,5": a decimal comma
            folded = folded.replace(",", ".", 1).replace(",", "")
    if folded.count(".") > 1:  # "1.234.567": dots as thousands separators
        folded = folded.replace(".", "")
    return _finite(float(folded))


def newswire_form(written: str) -> str | None:
    """A decimal written with a right-to-left mark beside its point, in the ر form that reads
    the same: "3.\u200f7" -> "3ر7" (7.3); None for any other shape."""
    marked = _MARKED_DECIMAL.fullmatch(to_ascii_digits(written))
    return f"{marked.group(1)}ر{marked.group(2)}" if marked else None


def _finite(value: float) -> float | None:
    """None for a number too large for a float (a 400-digit run): JSON output must stay strict."""
    return value if math.isfinite(value) else None


@lru_cache(maxsize=65536)  # called for most tokens of every article, with a small vocabulary
def lookup_word(token: str) -> NumberWord | None:
    """A folded token as a number word, with و ب ل and the article ال stripped: "وعشرين" "بالثلاثة"."""
    words = number_words()
    for candidate in _without_clitics(token):
        if candidate in words:
            return words[candidate]
    return None


@lru_cache(maxsize=65536)
def ordinal_value(token: str) -> int | None:
    """A folded ordinal token: "الثالث" -> 3, "الأولى" -> 1 (compounds are read by parse_ordinal)."""
    ordinals = ordinal_words()
    for candidate in _without_clitics(token, keep_article=True):
        if candidate in ordinals:
            return ordinals[candidate]
    return None


def parse_ordinal(text: str) -> int | None:
    """"الثالث والعشرين" -> 23, "التاسع عشر" -> 19, "الحادي عشر" -> 11, "العشرين" -> 20."""
    total = 0
    for token in normalize(text).split():
        ordinal = ordinal_value(token)
        word = lookup_word(token)
        if ordinal is not None:
            total += ordinal
        elif word is not None and word.type == "ten":
            total += int(word.value)
        else:
            return None
    return total or None


def parse_number(text: str) -> float | None:
    """The value of the number that ``text`` starts with (after an approximation word), or None.

    Digits in any script with , . ٬ ٫ separators, number words and scale words, mixed:
    "2.5 مليار" "ثلاثة آلاف" "نصف مليون" "٣٥٠٠ جندي" (the trailing noun is ignored), and a
    compound joined by "و": "15 ألفا و615" (15,615), "مليار و200 مليون" (1.2e9).
    """
    tokens = _TOKEN.findall(normalize(text))
    while tokens and tokens[0] in APPROXIMATION_WORDS:
        tokens.pop(0)
    return _compound_value(tokens)


def _compound_value(tokens: list[str]) -> float | None:
    read = read_number(tokens)
    if read.value is None or not read.scale or tokens[read.length : read.length + 1] != ["و"]:
        return read.value
    following = _compound_value(tokens[read.length + 1 :])
    return read.value + following if following is not None and joins_compound(read.scale, following) else read.value


class NumberRead(NamedTuple):
    length: int  # tokens read
    value: float | None
    scale: float  # one of the scale word the phrase ends on ("ألفا" 1000, "مليونين" 1e6), else 0


def joins_compound(scale: float, following: float) -> bool:
    """Whether "<number ending on a scale> و<following>" is one number: the part after "و" is
    smaller than that scale ("15 ألفا و615", "مليونين و500 ألف"); "15 ألفا و3 ملايين" is two."""
    return 0 < following < scale


def words_value(tokens: list[str]) -> float | None:
    """Combine folded number tokens until the first one that is not a number."""
    return read_number(tokens).value


def read_number(tokens: list[str]) -> NumberRead:
    """Read the number phrase that ``tokens`` (folded) start with: how many tokens, its value,
    and the scale it ends on. A scale word as large as the one before it starts another number
    ("15 ألفا وثلاثة ملايين" reads 15,000), except right after a scale word with no "و",
    where it multiplies: "خمسة آلاف مليون" is five billion."""
    total = 0.0
    current = 0.0
    scale = 0.0  # the last scale word's value, which an "and a half" after it halves
    current_start = 0  # where the words adding up to ``current`` begin
    length = 0
    for position, token in enumerate(tokens):
        value = digits_value(token)
        if value is not None:
            if current or total:
                break  # two numbers in a row: "2015 3" is not one number
            current, current_start, length = value, position, position + 1
            continue
        word = None if token in _PERCENT_WORDS else lookup_word(token)
        if word is None:
            break
        if word.type == "fraction" and is_and_fraction(token) and (current or (scale and not _is_scale(tokens, position + 1))):
            # "ثلاثة ونصف" 3.5; "10 ملايين ونصف" 10.5 million, but "مليونين ونصف المليون"
            # halves the scale written after it (read by _combine as any fraction before a scale)
            if current:
                current += word.value
            else:
                total, scale = total + word.value * scale, 0.0
            length = position + 1
            continue
        if word.type.startswith("scale") and total and scale and _scale_unit(word) >= scale:
            if current >= 1 or (not current and token.startswith("و")):
                length = current_start if current else position
                current = 0.0
                break  # "15 ألفا وثلاثة ملايين": a second number
            if not current:  # "آلاف مليون": a thousand million
                scale *= _scale_unit(word)
                total, length = total * word.value, position + 1
                continue
            # else a fraction of the scale written after it: "مليونين ونصف المليون"
        if not current:
            current_start = position
        total, current = _combine(total, current, word)
        if word.type.startswith("scale"):
            scale = _scale_unit(word)
        length = position + 1
    result = total + current
    if not length:
        return NumberRead(0, None, 0.0)
    ends_on_scale = scale if not current and _is_scale(tokens, length - 1) else 0.0
    return NumberRead(length, _finite(result) if result else None, ends_on_scale)


def _scale_unit(word: NumberWord) -> float:
    """What one of a scale word is: a dual ("مليونين") is two of its scale."""
    return word.value / 2 if word.type == "scale_dual" else word.value


def is_and_fraction(token: str) -> bool:
    """A folded token that is و + a fraction, "and a half/quarter/third": "ونصف", "وربع"."""
    if not token.startswith("و") or token in number_words():
        return False
    word = lookup_word(token)
    return word is not None and word.type == "fraction"


def _is_scale(tokens: list[str], position: int) -> bool:
    word = lookup_word(tokens[position]) if position < len(tokens) else None
    return word is not None and word.type.startswith("scale")


def _combine(total: float, current: float, word: NumberWord) -> tuple[float, float]:
    if word.type in ("unit", "teen_unit", "ten"):
        return total, current + word.value
    if word.type == "hundred":
        if 0 < current < 10 and word.value == 100:
            return total, current * 100  # "ثلاث مئة"
        return total, current + word.value
    if word.type == "fraction":
        return total, current + word.value if not current else current * word.value
    if word.type == "scale_dual":
        return total + (current * word.value / 2 if current else word.value), 0.0
    if word.type == "scale_plural" and not current:
        return total, 0.0  # "آلاف" alone is not a number
    return total + (current or 1) * word.value, 0.0


def _without_clitics(token: str, keep_article: bool = False) -> list[str]:
    """The token and the forms left after stripping a conjunction/preposition and the article."""
    # at least three letters must remain: "لست" (I am not) and "الست" (the lady) are not six
    candidates = [token]
    for clitic in _CLITICS:
        if token.startswith(clitic) and len(token) >= len(clitic) + 3:
            candidates.append(token[len(clitic) :])
    with_article = list(candidates)
    for candidate in with_article:
        if candidate.startswith("ال") and len(candidate) >= 5:
            if keep_article:
                continue
            candidates.append(candidate[2:])
        elif candidate.startswith("ل") and not candidate.startswith("ال") and keep_article:
            candidates.append("ا" + candidate)  # "للثالث" -> "الثالث"
    return candidates
