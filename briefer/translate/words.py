"""The Arabic->English lexicon (briefer/data/en_lexicon.tsv, read once) and how a text's words are
looked up in it: tokens, the matching fold, the longest listed phrase at a token, with or without a
one-letter clitic joined to its first word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.arabic.normalize import normalize
from briefer.errors import ConfigError


@dataclass(frozen=True)
class Entry:
    category: str
    english: str


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], Entry]  # folded Arabic words -> entry
    letters: dict[str, str]  # Arabic letter -> Latin, for names no list knows
    longest: int
    # first folded word -> (the other folded words, entry), longest phrase first: one dict lookup
    # per token tells whether any phrase can start there, instead of one per length and variant
    by_first: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    # single words read only in one place, never as phrases of a sentence (a noun such as شركة
    # would otherwise turn "شركة أمازون" into "companies"): folded word -> English
    nouns: dict[str, str] = field(default_factory=dict)  # what a number counts, English plural
    descriptors: dict[str, str] = field(default_factory=dict)  # adjectives after a source or official
    particles: dict[str, str] = field(default_factory=dict)  # joined preposition after a title -> English
    # definite nouns a title governs in the construct state (إضافة), read only right after such a
    # title, indexed as by_first: a minister's portfolio ("وزير الصحة": Minister of Health) and
    # any other title's institution ("مدير المستشفى": Director of the hospital)
    portfolios: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    genitives: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    # adjectives of an office holder ("السابق": former) that describe a title across the genitive
    # it governs ("مدير المستشفى السابق": the former Director of the hospital); also descriptors
    offices: dict[str, str] = field(default_factory=dict)
    # a clock time: the word that announces it ("الساعة"), and the words after it (the time of day
    # "صباحا": a.m., a time zone "بتوقيت غرينتش": GMT), read only around a number; as by_first
    clocks: dict[str, str] = field(default_factory=dict)
    times: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    # phrases whose words are no name, read by the name scan only: as by_first
    commons: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    # a ministry's short name ("الخارجية"), read as the ministry only with a nationality after it
    # ("الخارجية الروسية": the Russian Foreign Ministry); alone it is an adjective ("الديون الخارجية")
    ministries: dict[str, str] = field(default_factory=dict)


#: categories kept out of the phrase table (see Lexicon); "letter" is the romanisation table
_WORD_TABLES = {"noun": "nouns", "descriptor": "descriptors", "particle": "particles", "letter": "letters",
                "office": "offices", "clock": "clocks", "ministry": "ministries"}
#: categories of multi-word tables kept out of the phrase table, read only after a title or a clock
#: time, or by the name scan
_GENITIVE_TABLES = {"portfolio": "portfolios", "genitive": "genitives", "daytime": "times", "zone": "times",
                    "common": "commons"}
#: what a nationality listed in its masculine form (folded "المصري") adds for its other forms: the
#: feminine "ة" (folded "ه"), the plurals "ون"/"ين" and the feminine plural "ات"
_NATIONALITY_ENDINGS = ("ه", "ون", "ين", "ات")


@cache
def lexicon() -> Lexicon:
    """The shipped Arabic->English news lexicon (briefer/data/en_lexicon.tsv), read once."""
    text = resources.files("briefer").joinpath("data/en_lexicon.tsv").read_text(encoding="utf-8")
    phrases: dict[tuple[str, ...], Entry] = {}
    tables: dict[str, dict[str, str]] = {name: {} for name in _WORD_TABLES.values()}
    governed: dict[str, dict[tuple[str, ...], Entry]] = {name: {} for name in _GENITIVE_TABLES.values()}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ConfigError(f"briefer/data/en_lexicon.tsv line {number}: expected category, arabic, english")
        category, arabic, english = parts
        if category == "letter":
            tables["letters"][arabic] = english
        elif category in _WORD_TABLES:
            tables[_WORD_TABLES[category]].setdefault(_fold(arabic), english)
            if category == "office":  # "مسؤول سابق": an office word is read as a descriptor as well
                tables["descriptors"].setdefault(_fold(arabic), english)
        elif category in _GENITIVE_TABLES:
            governed[_GENITIVE_TABLES[category]].setdefault(tuple(_fold(w) for w in _words(arabic)), Entry(category, english))
        else:
            # first entry wins, so a word listed as a country is not re-read as an adjective
            phrases.setdefault(tuple(_fold(w) for w in _words(arabic)), Entry(category, english))
    _add_nationality_forms(phrases)
    for key, entry in phrases.items():  # "مسؤول أمريكي": a nationality after a noun is indefinite
        if entry.category == "adjective" and len(key) == 1 and key[0].startswith("ال"):
            tables["descriptors"].setdefault(key[0][2:], entry.english)
    return Lexicon(phrases, tables["letters"], max(len(key) for key in phrases), _index_by_first_word(phrases),
                   tables["nouns"], tables["descriptors"], tables["particles"],
                   _index_by_first_word(governed["portfolios"]), _index_by_first_word(governed["genitives"]),
                   tables["offices"], tables["clocks"], _index_by_first_word(governed["times"]),
                   _index_by_first_word(governed["commons"]), tables["ministries"])


def _add_nationality_forms(phrases: dict[tuple[str, ...], Entry]) -> None:
    """The feminine and plural forms of each nationality the lexicon lists in the masculine: "الرئيسة
    البرازيلية" is the Brazilian President, "المسؤولين الأمريكيين" US officials. Every word of the
    phrase takes the ending ("الكورية الجنوبية"); a form listed otherwise ("السعودية": Saudi Arabia)
    keeps its own entry."""
    for key, entry in list(phrases.items()):
        if entry.category == "adjective" and all(word.endswith("ي") for word in key):
            for ending in _NATIONALITY_ENDINGS:
                phrases.setdefault(tuple(word + ending for word in key), entry)


def _index_by_first_word(phrases: dict[tuple[str, ...], Entry]) -> dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]:
    grouped: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for key, entry in phrases.items():
        grouped.setdefault(key[0], []).append((key[1:], entry))
    return {first: tuple(sorted(found, key=lambda item: -len(item[0]))) for first, found in grouped.items()}


# words, digit runs (any script, with decimal/thousands separators), percent signs and slashes.
# A digit run is also one of the two decimals the figures layer reads (briefer.arabic.numbers): the
# newswire "10ر18" (18.10, decimals first) and "3.\u200f7" (7.3: a right-to-left mark beside the
# point shows the digit runs swapped); split, they would be two figures and neither is in the source.
# Words first (most tokens are), then one digit run and what may follow it; the three branches
# open on different characters, so the order changes no token.
_TOKEN = regex.compile(
    r"[\p{L}\p{M}]+"
    r"|\p{Nd}+(?:ر\p{Nd}+|(?:[.٫][\u200f\u061c]+|[\u200f\u061c]+[.٫])\p{Nd}+|(?:[.,٫٬]\p{Nd}+)*)"
    r"|[%٪/]"
)
_ARABIC_WORD = regex.compile(r"\p{Script=Arabic}{3,}")
# news repeats its words: per-word results are cached, sized for a large briefing's vocabulary
_WORD_CACHE_SIZE = 1 << 16
_PREFIXES = "وفبلك"  # one-letter clitics written joined to the next word
NAME_CATEGORIES = frozenset({"country", "city", "org", "place"})


class Token(NamedTuple):  # a tuple: several hundred are made per article, a dataclass costs 3x more
    text: str
    start: int
    end: int
    folded: str  # _fold(text), computed once per token for every lookup that starts or spans it

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found at tokens[i : i + length]; ``skip`` characters of clitic before it."""

    length: int
    entry: Entry
    skip: int = 0


def _words(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


def _tokens(text: str) -> list[Token]:
    # tuple.__new__ with the fields in order skips NamedTuple's keyword handling: about 15% of
    # the tokenising time, which every headline and bullet pays
    tokens, make, fold = [], tuple.__new__, _fold
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        tokens.append(make(Token, (word, start, start + len(word), fold(word))))
    return tokens


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _fold(word: str) -> str:
    return normalize(word)


def _match_at(tokens: Sequence[Token], i: int, categories: frozenset[str] | None = None) -> Match | None:
    """The longest lexicon phrase starting at token i, allowing a clitic on its first word."""
    available = len(tokens) - i
    for length, skip, rest, entry in _phrases_opened_by(tokens[i].text):
        if length > available or (categories is not None and entry.category not in categories):
            continue
        if all(tokens[i + 1 + k].folded == word for k, word in enumerate(rest)):
            return Match(length, entry, skip)
    return None


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _phrases_opened_by(word: str) -> tuple[tuple[int, int, tuple[str, ...], Entry], ...]:
    """(length, skip, other folded words, entry) for every phrase the word can start, in the order
    _match_at must try them: longest first, then the word as written before it without a clitic."""
    by_first = lexicon().by_first
    found = [
        (len(rest) + 1, order, skip, rest, entry)
        for order, (skip, first) in enumerate(_first_word_variants(word))
        for rest, entry in by_first.get(_fold(first), ())
    ]
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple((length, skip, rest, entry) for length, _, skip, rest, entry in found)


def _listed_at(
    table: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]], tokens: Sequence[Token], j: int, skip: int = 0
) -> Match | None:
    """The longest phrase of a table indexed by first word (Lexicon.genitives, times, commons) at
    token j, as written or (``skip``) without that many letters of clitic on its first word."""
    for rest, entry in table.get(tokens[j].folded[skip:], ()):
        if j + len(rest) < len(tokens) and all(tokens[j + 1 + n].folded == w for n, w in enumerate(rest)):
            return Match(len(rest) + 1, entry, skip)
    return None


def _first_word_variants(word: str) -> list[tuple[int, str]]:
    """(characters skipped, word) for the word as written and without a joined clitic."""
    variants = [(0, word)]
    if len(word) > 3 and word[0] in _PREFIXES:
        variants.append((1, word[1:]))
        if word[1] == "ل" and word[0] == "ل":  # لل = ل + ال with the alef dropped
            variants.append((1, "ا" + word[1:]))
    return variants
