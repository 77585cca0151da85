"""The English side of a brief: a translation model around masked facts, or the facts alone.

With a translation model (Marian opus-mt-ar-en, NLLB, M2M-100), figures, quotes and names are cut
out of each Arabic bullet and replaced by placeholders (``FIG1``, ``QUOTE1``, ``NAME1``) before the
model sees it, because a translation model rounds, re-spells or drops numbers and paraphrases
quotes. Afterwards the figures come back in English form with the source's own digits, the quotes
come back as translations of their own text in quotation marks marked "(translated)", and names
come back with one rendering per briefing (lexicon first, else the model's translation of the name,
asked once). A translation that loses or repeats a placeholder is not used: that bullet falls back
to the lexicon rendering below.

Without a model, each bullet's English side is what a word list can give faithfully: the places
and organisations it names, its figures with units, the speakers of its quotes. Those bullets carry
``origin="lexicon"`` so the renderer can label them as not a translation (LEXICON_LABEL), and the
briefing can say how to get full English (ENGLISH_HINT).
"""

from __future__ import annotations

import importlib
import json
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import ClassVar, NamedTuple

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.numbers import is_and_fraction, lookup_word, newswire_form
from briefer.backends import hf
from briefer.config import BriefConfig
from briefer.errors import ConfigError, ModelNotFoundError, UsageError
from briefer.facts.english import find_english_figures, format_english_number
from briefer.facts.figures import canonical_unit, counts_nothing
from briefer.types import Analysis, Bullet

DEFAULT_TRANSLATOR_MODEL = "Helsinki-NLP/opus-mt-ar-en"

LEXICON_LABEL = "Not a translation: names, figures and speakers rendered from a word list."
ENGLISH_HINT = (
    "For full English, set translator = \"marian\" in briefer.toml (model "
    f"{DEFAULT_TRANSLATOR_MODEL}; fetch it with 'briefer models pull {DEFAULT_TRANSLATOR_MODEL}')."
)
TRANSLATED_QUOTE_MARK = "(translated)"

# translator name -> "module:Class"; other engines register theirs here (e.g. "instruct", "openai")
# without touching the functions below. Each class is called with the BriefConfig.
TRANSLATORS: dict[str, str] = {
    "marian": "briefer.translate:MarianTranslator",
    "nllb": "briefer.translate:NllbTranslator",
    "m2m": "briefer.translate:M2MTranslator",
    "instruct": "briefer.backends.instruct:InstructTranslator",
    "openai": "briefer.backends.openai_compat:OpenAITranslator",
}


# ====================================================================================== translators


class Translator(ABC):
    """Arabic in, English out, a batch at a time."""

    name: ClassVar[str]
    model_name: str = "-"

    @abstractmethod
    def translate(self, texts: list[str]) -> list[str]:
        """One English text per Arabic text, in order."""


class Seq2SeqTranslator(Translator):
    """Any encoder-decoder translation model loaded through briefer.backends.hf."""

    name = "seq2seq"
    default_model = DEFAULT_TRANSLATOR_MODEL
    source_lang = ""  # tokenizer source language code, for multilingual models
    target_token = ""  # token the decoder is forced to start with, for multilingual models

    def __init__(self, config: BriefConfig):
        self.config = config
        self.model_name = config.translator_model or self.default_model
        self._tokenizer = hf.load_tokenizer(self.model_name)
        self._model, self._device = hf.load_model("seq2seq", self.model_name, config.device, config.dtype)
        if self.source_lang:
            self._tokenizer.src_lang = self.source_lang

    def translate(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        return hf.generate_texts(
            self._tokenizer, self._model, self._device, list(texts),
            batch_size=self.config.batch_size, max_input_tokens=self.config.max_input_tokens,
            max_new_tokens=self.config.max_new_tokens, num_beams=self.config.num_beams,
            **self._target_kwargs(),
        )

    def _target_kwargs(self) -> dict[str, int]:
        if not self.target_token:
            return {}
        return {"forced_bos_token_id": self._tokenizer.convert_tokens_to_ids(self.target_token)}


class MarianTranslator(Seq2SeqTranslator):
    name = "marian"


class NllbTranslator(Seq2SeqTranslator):
    name = "nllb"
    default_model = "facebook/nllb-200-distilled-600M"
    source_lang = "arb_Arab"
    target_token = "eng_Latn"


class M2MTranslator(Seq2SeqTranslator):
    name = "m2m"
    default_model = "facebook/m2m100_418M"
    source_lang = "ar"
    target_token = "__en__"


def get_translator(config: BriefConfig) -> Translator | None:
    """The configured translator; for 'auto', one only if a translation model is on this machine."""
    name = config.translator.strip().lower()
    if name == "none":
        return None
    if name == "auto":
        return _auto_translator(config)
    return translator_class(name)(config)


def translator_class(name: str) -> type[Translator]:
    choices = ["auto", "none", *sorted(TRANSLATORS)]
    try:
        target = TRANSLATORS[name]
    except KeyError:
        raise UsageError(f"setting 'translator': unknown translator '{name}' (available: {', '.join(choices)})") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def _auto_translator(config: BriefConfig) -> Translator | None:
    """Quick and offline: no model folder or cache entry, or no torch, means no translator."""
    model = config.translator_model or DEFAULT_TRANSLATOR_MODEL
    if not all(hf._installed(module) for module in ("torch", "transformers", "sentencepiece")):
        return None
    try:
        folder = hf.resolve_model(model)
    except ModelNotFoundError:
        if config.translator_model:  # asked for by name: say it is missing rather than go quiet
            raise
        return None
    kind = _translator_kind(folder, model)
    return translator_class(kind)(config.replace(translator_model=model))


def _translator_kind(folder: Path, model: str) -> str:
    """marian | nllb | m2m, from the saved model's config files."""
    model_type = json.loads((folder / "config.json").read_text(encoding="utf-8")).get("model_type", "")
    if model_type == "marian":
        return "marian"
    if model_type == "m2m_100":
        tokenizer_config = folder / "tokenizer_config.json"
        text = tokenizer_config.read_text(encoding="utf-8") if tokenizer_config.is_file() else ""
        return "nllb" if "Nllb" in text else "m2m"
    raise ConfigError(
        f"setting 'translator_model': {model} is a '{model_type}' model, not a translation model "
        "(marian, nllb or m2m_100); set translator = \"none\" or name a translation model"
    )


# ====================================================================================== lexicon


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


#: categories kept out of the phrase table (see Lexicon); "letter" is the romanisation table
_WORD_TABLES = {"noun": "nouns", "descriptor": "descriptors", "particle": "particles", "letter": "letters"}
#: categories of multi-word tables kept out of the phrase table, read only after a title
_GENITIVE_TABLES = {"portfolio": "portfolios", "genitive": "genitives"}


@cache
def lexicon() -> Lexicon:
    """The shipped Arabic->English news lexicon (briefer/data/en_lexicon.tsv), read once."""
    text = resources.files("briefer").joinpath("data/en_lexicon.tsv").read_text(encoding="utf-8")
    phrases: dict[tuple[str, ...], Entry] = {}
    tables: dict[str, dict[str, str]] = {name: {} for name in _WORD_TABLES.values()}
    governed: dict[str, dict[tuple[str, ...], Entry]] = {name: {} for name in _GENITIVE_TABLES}
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
        elif category in _GENITIVE_TABLES:
            governed[category].setdefault(tuple(_fold(w) for w in _words(arabic)), Entry(category, english))
        else:
            # first entry wins, so a word listed as a country is not re-read as an adjective
            phrases.setdefault(tuple(_fold(w) for w in _words(arabic)), Entry(category, english))
    for key, entry in phrases.items():  # "مسؤول أمريكي": a nationality after a noun is indefinite
        if entry.category == "adjective" and len(key) == 1 and key[0].startswith("ال"):
            tables["descriptors"].setdefault(key[0][2:], entry.english)
    return Lexicon(phrases, tables["letters"], max(len(key) for key in phrases), _index_by_first_word(phrases),
                   tables["nouns"], tables["descriptors"], tables["particles"],
                   _index_by_first_word(governed["portfolio"]), _index_by_first_word(governed["genitive"]))


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
    return [Token(word, m.start(), m.end(), _fold(word)) for m in _TOKEN.finditer(text) for word in (m.group(),)]


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


def _first_word_variants(word: str) -> list[tuple[int, str]]:
    """(characters skipped, word) for the word as written and without a joined clitic."""
    variants = [(0, word)]
    if len(word) > 3 and word[0] in _PREFIXES:
        variants.append((1, word[1:]))
        if word[1] == "ل" and word[0] == "ل":  # لل = ل + ال with the alef dropped
            variants.append((1, "ا" + word[1:]))
    return variants


# ====================================================================================== figures


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
        first, left = _extend_left(tokens, i)
        last, right = _extend_right(tokens, i)
        number = _english_number(tokens[i].text)
        if facts_only:
            last, number, right = _facts_only_extent(tokens, text, (first, i, last), number, left, right)
        start = tokens[first].start + (left[0].skip if left else 0)
        english = " ".join([*(m.entry.english for m in left), number, *right])
        spans.append(Span(start, tokens[last].end, _tidy_figure(english), "figure"))
        resume = last + 1
    return spans


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
    if not right and not dated and _counted_noun_at(tokens, text, last, _may_be_year(number, left)):
        return last + 1, number, [_counted_noun_english(tokens[last + 1])]
    return last, number, right


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
    particle = word[0] in _CLITICS
    if particle and counts_nothing(word[1:]):
        return False
    if _is_definite(word) or (particle and _is_definite(word[1:])):
        return False
    if lookup_word(word) is not None:  # "5 وثلث", "2015 ستمائة": a number word is no head noun
        return False
    name = _match_at(tokens, k, NAME_CATEGORIES)
    if name is not None and name.skip:  # "بسوريا": in Syria
        return False
    return not _opens_with_preposition(word)


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
        parts.append(match.entry.english)
        last, k = k + match.length - 1, k + match.length
        if match.entry.category != "scale":
            break
    return last, parts


def _dedupe_months(matches: list[Match]) -> list[Match]:
    """'يونيو/ حزيران' names one month twice; say it once."""
    out: list[Match] = []
    for match in matches:
        if not (out and out[-1].entry == match.entry and match.entry.category == "month"):
            out.append(match)
    return out


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")


_NEWSWIRE_DECIMAL = regex.compile(r"(\d+)ر(\d+)")


def _english_number(text: str) -> str:
    """The same digits and separators in ASCII: nothing rounded, reformatted or re-scaled.

    A decimal written decimals first is turned round as the figures layer reads it: "10ر18" and
    "3.\u200f7" (shown as 7.3, newswire_form) are 18.10 and 7.3, the digits kept as written."""
    ascii_digits = text.translate(_DIGITS)
    newswire = _NEWSWIRE_DECIMAL.fullmatch(newswire_form(ascii_digits) or ascii_digits)
    return f"{newswire.group(2)}.{newswire.group(1)}" if newswire else ascii_digits


_SPACE_BEFORE_PERCENT = regex.compile(r"\s+%")


def _tidy_figure(text: str) -> str:
    return _SPACE_BEFORE_PERCENT.sub("%", text).strip()


# ====================================================================================== quotes, names


_QUOTED = regex.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"|``([^`']+)''")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the span with its quotation marks
    end: int
    inner_start: int
    inner_end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    spans = []
    for match in _QUOTED.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        spans.append(QuoteSpan(match.start(), match.end(), match.start(group), match.end(group)))
    return spans


def name_spans(text: str, analysis: Analysis | None) -> list[Span]:
    """Places and organisations the lexicon knows, and the facts layer's named entities."""
    return _name_spans_in(text, _tokens(text), analysis)


def _name_spans_in(text: str, tokens: Sequence[Token], analysis: Analysis | None) -> list[Span]:
    spans = _lexicon_name_spans_in(tokens)
    if analysis is not None:
        for entity in analysis.entities:
            if entity.kind in {"person", "org", "place"} and len(entity.text) > 2:
                spans += [
                    Span(start, start + len(entity.text), english_phrase(entity.text, romanize=False), "name")
                    for start in _occurrences(entity.text, text)
                ]
    return spans


def _occurrences(needle: str, text: str) -> list[int]:
    """Starts of the non-overlapping occurrences, left to right (a plain find: no regex to build)."""
    starts, start = [], text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + len(needle))
    return starts


def _lexicon_name_spans_in(tokens: Sequence[Token]) -> list[Span]:
    spans, i = [], 0
    while i < len(tokens):
        match = _match_at(tokens, i, NAME_CATEGORIES)
        # only unprefixed mentions: in 'بالعراق' the 'ب' (in) belongs to the sentence, not the name
        if match and match.skip == 0:
            end = tokens[i + match.length - 1].end
            spans.append(Span(tokens[i].start, end, match.entry.english, "name"))
            i += match.length
        else:
            i += 1
    return spans


class _Piece(NamedTuple):
    category: str
    english: str
    first: int  # index of its first token in the phrase


#: what an adjective after it describes: "مصدر دبلوماسي" is "a diplomatic source"
_DESCRIBED = frozenset({"title", "adjective", "descriptor"})
_MODIFIERS = frozenset({"adjective", "descriptor"})


@lru_cache(maxsize=_WORD_CACHE_SIZE)  # speakers and entities recur across bullets and articles
def english_phrase(text: str, romanize: bool = True, keep_arabic: bool = False) -> str:
    """A name or title through the lexicon, English word order for 'title + nationality'.

    Words the lexicon does not know are romanised letter by letter (``romanize=True``) or, when
    False, make the whole phrase unknown (returns "") so the model translates it instead; or, with
    ``keep_arabic``, stay as written in one isolate.
    """
    tokens = _tokens(text)
    pieces: list[_Piece] = []
    i = 0
    while i < len(tokens):
        after_title = bool(pieces) and pieces[-1].category in _DESCRIBED
        match = _match_at(tokens, i)
        descriptor = _descriptor_english(tokens[i].folded) if after_title and (match is None or match.skip) else ""
        if descriptor:
            pieces.append(_Piece("descriptor", descriptor, i))
            i += 1
        elif match and match.entry.category == "title":
            plain = _Piece("title", _matched_english(tokens[i], match, after_title), i)
            piece, i = _title_piece(text, tokens, i, match, plain, keep_arabic)
            pieces.append(piece)
        elif match:
            pieces.append(_Piece(match.entry.category, _matched_english(tokens[i], match, after_title), i))
            i += match.length
        elif keep_arabic:
            i = _append_unknown(pieces, tokens, i, after_title)
        elif not romanize:
            return ""
        else:
            pieces.append(_Piece("name", romanized(tokens[i].text), i))
            i += 1
    return _joined(_title_order(pieces), tokens)


def _joined(pieces: list[_Piece], tokens: Sequence[Token]) -> str:
    """The pieces' English; a comma after a title with its genitive when a name or another title
    follows: "Director of the hospital, Dr. ⁨هشام النوبي⁩"."""
    words = []
    for piece, following in zip(pieces, [*pieces[1:], None], strict=True):
        apposed = piece.category == _GOVERNING and following is not None and _is_apposed(following, tokens)
        words.append(piece.english + ("," if apposed else ""))
    return " ".join(words)


def _is_apposed(piece: _Piece, tokens: Sequence[Token]) -> bool:
    """A title, a person, or words no list knows that open with a name rather than a preposition
    ("في", "بالاتحاد", "لكرة القدم": those go on with the phrase before them)."""
    if piece.category in ("title", "person"):
        return True
    first = tokens[piece.first]
    return piece.category == "name" and bool(_ARABIC_WORD.match(first.text)) and not _opens_joined_genitive(first)


def _matched_english(token: Token, match: Match, after_title: bool) -> str:
    """A lexicon phrase's English; after a title, a preposition joined to the phrase is said:
    "الأمين العام لمجلس التعاون" is the Secretary-General of the Gulf Cooperation Council,
    "الرئيس التنفيذي للشركة" the chief executive of the company."""
    particle = lexicon().particles.get(token.text[: match.skip]) if match.skip else None
    if particle and after_title and match.entry.category not in _MODIFIERS:
        return f"{particle} {match.entry.english}"
    return match.entry.english


def _append_unknown(pieces: list[_Piece], tokens: Sequence[Token], i: int, after_title: bool) -> int:
    """Words no list knows, from token i, as written in one isolate; returns the next token.

    A title followed by an unknown name with a joined preposition ("الأمين العام لهيئة ...") is
    one phrase: the title goes into the isolate with it rather than read "Secretary-General ⁨لهيئة⁩"."""
    first = i
    joined = tokens[i].text[0] in lexicon().particles and _opens_with_preposition(tokens[i].folded)
    if after_title and joined and pieces[-1].category == "title":
        first = pieces.pop().first
    end = i + 1
    while end < len(tokens) and _is_arabic_word(tokens[end]) and not _match_at(tokens, end):
        end += 1
    pieces.append(_Piece("name", _FSI + " ".join(t.text for t in tokens[first:end]) + _PDI, first))
    return end


# ------------------------------------------------------------------ a title and its genitive


#: the category of a title read with the noun phrase it governs ("Director of the hospital")
_GOVERNING = "governing title"
#: listed phrases that may end a genitive noun phrase: "رئيس مصر" is head of Egypt
_GENITIVE_NAMES = frozenset({"country", "city", "org", "place"})
#: English titles that end in their own preposition take no "of": "spokesperson for", "head of"
_OWN_PREPOSITIONS = frozenset({"of", "for", "from", "at", "to", "on", "in", "about"})
#: indefinite words a construct chain may open with before its definite noun ("برنامج التحصين")
_MAX_CHAIN_OPENING = 3


class _Genitive(NamedTuple):
    end: int  # the token after the noun phrase and the title's nationality after it
    english: str
    title_adjectives: tuple[str, ...] = ()  # "وزيرة الصحة الفرنسية": the minister is French


def _title_piece(
    text: str, tokens: Sequence[Token], i: int, match: Match, plain: _Piece, keep_arabic: bool
) -> tuple[_Piece, int]:
    """A title at token i, with the definite noun phrase it governs when it is in the construct
    state (إضافة): "وزيرة الاقتصاد والتخطيط" is Minister of Economy and Planning. A listed title
    phrase that already holds a genitive ("وزير الاقتصاد") is read again from its shorter title
    when a coordinated noun follows it ("والتخطيط"); returns the piece (``plain`` without a
    genitive) and the next token."""
    long_end = i + match.length
    for title in _title_readings(tokens, i, match):
        end = i + title.length
        if _is_definite(tokens[end - 1].folded):
            continue  # "الأمين العام", "وزير الخارجية": a definite word governs no genitive
        genitive = _genitive_at(text, tokens, end, tokens[i].folded, title.entry.english, keep_arabic)
        coordinated_on = genitive is not None and genitive.end > long_end and _coordinated(tokens[long_end].folded)
        if genitive is not None and (title is match or coordinated_on):
            english = _governing_english(title.entry.english, genitive.english)
            if genitive.title_adjectives:
                english = _modified(english, list(reversed(genitive.title_adjectives)))
            return _Piece(_GOVERNING, english, i), genitive.end
    return plain, long_end


def _title_readings(tokens: Sequence[Token], i: int, match: Match) -> list[Match]:
    """The title phrase matched, then the longest title inside it ("وزير" of "وزير الاقتصاد")."""
    readings = [match]
    if match.length > 1:
        shorter = _match_at(tokens[: i + match.length - 1], i)
        if shorter is not None and shorter.entry.category == "title":
            readings.append(shorter)
    return readings


def _governing_english(title: str, genitive: str) -> str:
    """"Minister" + "Health": "Minister of Health"; the construct state makes its head definite,
    so "a statement" becomes "the statement of ..."; "head of" already has its preposition."""
    if title.rsplit(" ", 1)[-1] in _OWN_PREPOSITIONS:
        return f"{title} {genitive}"
    article, _, noun = title.partition(" ")
    if article in ("a", "an") and noun:
        title = f"the {noun}"
    return f"{title} of {genitive}"


def _coordinated(folded: str) -> bool:
    """و joined to a definite noun: "والتخطيط" (and planning)."""
    return folded.startswith("و") and _is_definite(folded[1:])


def _genitive_at(
    text: str, tokens: Sequence[Token], k: int, head: str, title: str, keep_arabic: bool
) -> _Genitive | None:
    """The definite noun phrase a title governs, from token k, in English; None when there is none.

    It is a construct chain: up to three indefinite nouns, a definite one ("برنامج التحصين"), nouns
    coordinated by و ("الاقتصاد والتخطيط"), then adjectives of its own ("القوات المسلحة الإيرانية").
    It ends at a comma, a number, a listed title or person ("الدكتور"), an indefinite word after
    its definite noun (a name: "المركز أحمد جمعة") or a nationality that describes the title
    (_describes_title). Listed nouns are said in English; a phrase with any unknown word stays as
    written in one isolate (only with ``keep_arabic``), never half translated."""
    if k >= len(tokens) or _opens_joined_genitive(tokens[k]):
        return None  # "الأمين العام لهيئة ...": the joined preposition's reading (_append_unknown)
    minister = title.rsplit(" ", 1)[-1].lower() == "minister"
    items: list[str | None] = []
    j, definite = k, False
    while j < len(tokens) and not (j > k and _comma_between(text, tokens[j - 1], tokens[j])):
        word = tokens[j].folded
        coordinated = j > k and definite and _coordinated_at(tokens, j, minister)
        if not _is_arabic_word(tokens[j]) or (definite and not coordinated and not _is_definite(word)):
            break
        if definite and not coordinated and _adjective_at(tokens, j)[0]:
            break  # "الجامعة السعودية": the Saudi university, not the university of Saudi Arabia
        known = _governed_match(tokens, j, minister, coordinated)
        if known is not None:
            # a listed noun right after another is a word of an unlisted phrase ("الشؤون البلدية")
            items.append(known.entry.english if coordinated or not items else None)
            j, definite = j + known.length, True
            continue
        if _match_at(tokens, j) is not None:
            break  # a title or a person: the chain is over
        if not definite and (_descriptor_english(word) or j - k >= _MAX_CHAIN_OPENING):
            return None  # "مسؤول أمريكي": an adjective, not a construct chain
        items.append(None)
        j, definite = j + 1, definite or _is_definite(word)
    if not definite:
        return None
    end, modifiers = _genitive_modifiers(tokens, j, head, title)
    if None in modifiers:
        items.append(None)  # an adjective no list knows: the phrase stays as written
    genitive = _genitive_english(tokens[k:end], items, [m for m in modifiers if m is not None], keep_arabic, end)
    if genitive is None:
        return None
    after, title_adjectives = _title_nationalities(tokens, end, head, title)
    return genitive._replace(end=after, title_adjectives=title_adjectives)


def _coordinated_at(tokens: Sequence[Token], j: int, minister: bool) -> bool:
    """و joined to a definite noun, or to a listed one too short to tell ("والري": and irrigation)."""
    return _coordinated(tokens[j].folded) or (
        tokens[j].folded.startswith("و") and _governed_match(tokens, j, minister, coordinated=True) is not None
    )


def _opens_joined_genitive(token: Token) -> bool:
    return token.text[0] in lexicon().particles and _opens_with_preposition(token.folded)


def _comma_between(text: str, before: Token, after: Token) -> bool:
    return any(mark in _gap(text, before, after) for mark in "،,؛;:")


def _governed_match(tokens: Sequence[Token], j: int, minister: bool, coordinated: bool) -> Match | None:
    """A listed noun a title governs at token j: a portfolio after a minister, an institution, a
    country or organisation; after و (``coordinated``) the و is skipped."""
    skip = 1 if coordinated else 0
    word = tokens[j].folded[skip:]
    tables = (lexicon().portfolios, lexicon().genitives) if minister else (lexicon().genitives,)
    for table in tables:
        for rest, entry in table.get(word, ()):
            if j + len(rest) < len(tokens) and all(tokens[j + 1 + n].folded == w for n, w in enumerate(rest)):
                return Match(len(rest) + 1, entry, skip)
    name = _match_at(tokens, j, _GENITIVE_NAMES)
    return name if name is not None and name.skip == skip else None


def _genitive_modifiers(tokens: Sequence[Token], j: int, head: str, title: str) -> tuple[int, list[str | None]]:
    """(next token, English adjectives) of the definite adjectives after a genitive that describe
    it, not the title: "المستشفى الميداني" (the field hospital); None for a definite word no list
    knows ("الجامعة السعودية الإلكترونية")."""
    modifiers: list[str | None] = []
    while j < len(tokens) and _is_arabic_word(tokens[j]) and _is_definite(tokens[j].folded):
        english, length, nationality = _adjective_at(tokens, j)
        if nationality and _describes_title(tokens[j].folded, head, title):
            break
        if not english and _match_at(tokens, j) is not None:
            break  # a title or a person
        modifiers.append(english or None)
        j += length
    return j, modifiers


def _title_nationalities(tokens: Sequence[Token], j: int, head: str, title: str) -> tuple[int, tuple[str, ...]]:
    """(next token, English) of the nationalities from token j that describe the title (a country's
    name read as one would otherwise be read as the country: "وزيرة الصحة السعودية")."""
    found: list[str] = []
    while j < len(tokens) and _is_arabic_word(tokens[j]) and _is_definite(tokens[j].folded):
        english, length, nationality = _adjective_at(tokens, j)
        if not (nationality and _describes_title(tokens[j].folded, head, title)):
            break
        found.append(english)
        j += length
    return j, tuple(found)


def _adjective_at(tokens: Sequence[Token], j: int) -> tuple[str, int, bool]:
    """(English, tokens, whether a nationality) of an adjective at token j, or ("", 1, False): a
    listed nationality ("الكوري الجنوبي"), a country's name read as one ("السعودية"), a descriptor."""
    match = _match_at(tokens, j)
    if match is not None and match.skip == 0 and match.entry.category == "adjective":
        return match.entry.english, match.length, True
    descriptor = _descriptor_english(tokens[j].folded)
    country = match is not None and match.length == 1 and match.entry.category == "country"
    return descriptor, 1, bool(descriptor) and country


def _describes_title(adjective: str, head: str, title: str) -> bool:
    """Whether a nationality after the genitive describes the title: it agrees with it in gender
    ("وزيرة الصحة الفرنسية": the French minister). A title with its own preposition leaves it to
    the genitive ("المتحدث باسم الخارجية الروسية": the Russian Foreign Ministry's spokesperson)."""
    if title.rsplit(" ", 1)[-1] in _OWN_PREPOSITIONS:
        return False
    return adjective.endswith("ه") == head.endswith("ه")


def _genitive_english(
    tokens: Sequence[Token], items: list[str | None], modifiers: list[str], keep_arabic: bool, end: int
) -> _Genitive | None:
    """The genitive ending at token ``end``: its listed nouns (``items``, None for an unknown word)
    joined by "and", its adjectives before the last; else its words (``tokens``, adjectives
    included: which noun one describes is not known) as written."""
    if all(item is not None for item in items):
        known = [item for item in items if item is not None]
        last = _modified(known[-1], list(reversed(modifiers))) if modifiers else known[-1]
        english = last if len(known) == 1 else f"{', '.join(known[:-1])} and {last}"
        return _Genitive(end, english)
    if not keep_arabic:
        return None
    return _Genitive(end, _FSI + " ".join(t.text for t in tokens) + _PDI)


def _descriptor_english(folded: str) -> str:
    """An adjective that may follow a source, official or title ("دبلوماسي", "مطلعة", "أمنيون",
    "أمريكي"), definite or not, in English; "" for any other word."""
    descriptors = lexicon().descriptors
    bare = folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded
    return next((descriptors[form] for form in _listed_forms(bare, feminine=True) if form in descriptors), "")


def _title_order(pieces: list[_Piece]) -> list[_Piece]:
    """Adjectives after a title go before it, the last first: 'وزير الخارجية العراقي' is 'Iraqi
    Foreign Minister', 'مصدر دبلوماسي مطلع' 'an informed diplomatic source'."""
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        end = i + 1
        if pieces[i].category in (_GOVERNING, "title"):
            while end < len(pieces) and pieces[end].category in _MODIFIERS:
                end += 1
        modifiers = [piece.english for piece in reversed(pieces[i + 1 : end])]
        title = pieces[i]
        out.append(title._replace(english=_modified(title.english, modifiers)) if modifiers else title)
        i = end
    return out


def _modified(title: str, modifiers: list[str]) -> str:
    words = " ".join(modifiers)
    article, _, noun = title.partition(" ")
    if article in ("a", "an") and noun:
        return f"{_indefinite_article(words)} {words} {noun}"
    if article == "the" and noun:
        return f"the {words} {noun}"
    return f"{words} {title}"


def _indefinite_article(word: str) -> str:
    """"an" before a vowel sound: "an informed source", "an Iraqi official", but "a UN official"."""
    return "an" if word[:1] in "aeiouAEIO" else "a"


def romanized(word: str) -> str:
    """A rough Latin spelling of an Arabic name no list knows, capitalised; consistent by design."""
    letters = lexicon().letters
    out = []
    for index, char in enumerate(word):
        latin = letters.get(char, char)
        if char in "وي" and 0 < index < len(word) - 1 and word[index + 1] not in "اوي":
            latin = "u" if char == "و" else "i"  # long vowel between consonants
        out.append(latin)
    spelled = "".join(out).replace("'", "")
    if spelled.startswith("al") and len(spelled) > 4:
        spelled = "al-" + spelled[2:].capitalize()
        return spelled
    return spelled.capitalize()


# ====================================================================================== masking


PLACEHOLDER = regex.compile(r"\b(FIG|QUOTE|NAME)\s?(\d+)\b", regex.IGNORECASE)


@dataclass(frozen=True)
class Slot:
    token: str  # FIG1, QUOTE2, NAME3
    kind: str
    source: str  # the Arabic it replaced
    english: str = ""  # fixed rendering ("" for a quote, or a name left to the model)
    inner: Masked | None = None  # a quote's own text, masked in turn


@dataclass(frozen=True)
class Masked:
    text: str
    slots: tuple[Slot, ...]

    def requests(self) -> list[str]:
        """Every text the model must translate to restore this one."""
        out = [self.text]
        for slot in self.slots:
            if slot.inner is not None:
                out += slot.inner.requests()
            elif slot.kind == "name" and not slot.english:
                out.append(slot.source)
        return out


def mask(text: str, analysis: Analysis | None = None, with_quotes: bool = True) -> Masked:
    """Replace figures, quotes and names by placeholders the translation model passes through."""
    quotes = quote_spans(text) if with_quotes else []
    tokens = _tokens(text)
    chosen = _non_overlapping(
        [Span(q.start, q.end, "", "quote") for q in quotes]
        + _figure_spans_in(tokens, text)
        + _name_spans_in(text, tokens, analysis)
    )
    counters = {"figure": 0, "quote": 0, "name": 0}
    prefixes = {"figure": "FIG", "quote": "QUOTE", "name": "NAME"}
    pieces, slots, cursor = [], [], 0
    for span in chosen:
        counters[span.kind] += 1
        token = f"{prefixes[span.kind]}{counters[span.kind]}"
        source = text[span.start : span.end]
        inner = None
        if span.kind == "quote":
            quote = next(q for q in quotes if q.start == span.start)
            inner = mask(text[quote.inner_start : quote.inner_end], analysis, with_quotes=False)
        slots.append(Slot(token, span.kind, source, span.english, inner))
        pieces += [text[cursor : span.start], token]
        cursor = span.end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), tuple(slots))


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Quotes first (they hold figures and names of their own), then figures, then names."""
    priority = {"quote": 0, "figure": 1, "name": 2}
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (priority[s.kind], s.start, -(s.end - s.start))):
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def restore(masked: Masked, translations: dict[str, str]) -> str | None:
    """The translation with every placeholder put back, or None if the model lost or doubled one."""
    english = translations[masked.text]
    found = [f"{m.group(1).upper()}{m.group(2)}" for m in PLACEHOLDER.finditer(english)]
    if sorted(found) != sorted(slot.token for slot in masked.slots):
        return None
    renderings = {}
    for slot in masked.slots:
        rendering = _slot_english(slot, translations)
        if rendering is None:
            return None
        renderings[slot.token] = rendering
    restored = PLACEHOLDER.sub(lambda m: renderings[f"{m.group(1).upper()}{m.group(2)}"], english)
    return _tidy_sentence(restored)


def _slot_english(slot: Slot, translations: dict[str, str]) -> str | None:
    if slot.kind == "quote":
        assert slot.inner is not None
        inner = restore(slot.inner, translations)
        return None if inner is None else f"“{inner.strip(' .')}” {TRANSLATED_QUOTE_MARK}"
    if slot.english:
        return slot.english
    return translations[slot.source].strip(" .") or None


def _tidy_sentence(text: str) -> str:
    text = regex.sub(r"\s+([,.;:!?])", r"\1", text)
    text = regex.sub(r"\s{2,}", " ", text).strip()
    return text[:1].upper() + text[1:]


# ====================================================================================== english side


def english_side(
    analysis: Analysis, bullets_ar: Sequence[Bullet], translator: Translator | None = None
) -> tuple[str, tuple[Bullet, ...], str]:
    """(headline_en, bullets_en, mode): mode is 'translation' with a translator, else 'lexicon'."""
    if translator is None:
        return lexicon_headline(analysis), lexicon_bullets(analysis, bullets_ar), "lexicon"
    return _translated_side(analysis, bullets_ar, translator)


def _translated_side(
    analysis: Analysis, bullets_ar: Sequence[Bullet], translator: Translator
) -> tuple[str, tuple[Bullet, ...], str]:
    headline = _headline_ar(analysis)
    masked = [mask(headline, analysis)] + [mask(b.text, analysis) for b in bullets_ar]
    # one request per distinct text: a name asked once reads the same in every bullet
    requests = list(dict.fromkeys(text for m in masked for text in m.requests()))
    translations = dict(zip(requests, translator.translate(requests), strict=True))
    headline_en = restore(masked[0], translations) or lexicon_headline(analysis)
    bullets = []
    for bullet, masked_bullet in zip(bullets_ar, masked[1:], strict=True):
        english = restore(masked_bullet, translations)
        if english is None:
            bullets.extend(_lexicon_bullet(analysis, bullet))
        else:
            bullets.append(Bullet("en", english, bullet.sources, bullet.role, True, f"translation:{translator.name}"))
    return headline_en, tuple(bullets), "translation"


def _headline_ar(analysis: Analysis) -> str:
    if analysis.article.title:
        return analysis.article.title
    return analysis.sentences[0].text if analysis.sentences else ""


def lexicon_headline(analysis: Analysis) -> str:
    """What the lexicon can say of the headline: its places, organisations and figures."""
    headline = _headline_ar(analysis)
    tokens = _tokens(headline)
    spans = _lexicon_name_spans_in(tokens) + _figure_spans_in(tokens, headline, facts_only=True)
    items = [s.english for s in sorted(spans, key=lambda s: s.start)]
    return " · ".join(dict.fromkeys(items))


def lexicon_bullets(analysis: Analysis, bullets_ar: Sequence[Bullet]) -> tuple[Bullet, ...]:
    """One English line per Arabic bullet that holds a figure or a quote: names, figures, speakers."""
    bullets = [b for bullet in bullets_ar for b in _lexicon_bullet(analysis, bullet)]
    return tuple(bullets)


def _lexicon_bullet(analysis: Analysis, bullet: Bullet) -> list[Bullet]:
    tokens = _tokens(bullet.text)
    quotes = quote_spans(bullet.text)
    digit_figures = _figure_spans_in(_outside_quotes(tokens, quotes), bullet.text, facts_only=True)
    word_figures = _word_figure_spans(analysis, bullet, quotes, digit_figures)
    figures = [s.english for s in sorted(digit_figures + word_figures, key=lambda s: s.start)]
    speakers = _counted_lines([_speaker_line(analysis, bullet.text, q) for q in quotes])
    if not figures and not speakers:
        return []
    parts = []
    names = list(dict.fromkeys(s.english for s in _lexicon_name_spans_in(tokens)))
    if names:
        parts.append(", ".join(names))
    if figures:
        parts.append("figures: " + "; ".join(dict.fromkeys(figures)))
    parts += speakers
    text = " — ".join(parts)
    return [Bullet("en", text[:1].upper() + text[1:], bullet.sources, bullet.role, True, "lexicon")]


#: figures written in words that a facts line states; a date in words ("أمس") or an ordinal is not a count
_WORD_FIGURE_KINDS = frozenset({"number", "money", "duration", "percent"})
_ANY_DIGIT = regex.compile(r"\p{Nd}")


def _word_figure_spans(
    analysis: Analysis, bullet: Bullet, quotes: Sequence[QuoteSpan], taken: Sequence[Span]
) -> list[Span]:
    """Figures written in words ("مليار ونصف دولار", "مليوني دينار", "ستة مهربين") in the bullet,
    as the figures layer read them in its source sentences, with the value in digits: the guard
    compares that value with the same figure of the article. A figure with a digit is the digit
    path's (``taken``); one inside a quotation is the speaker's."""
    text, spans = bullet.text, []
    for figure in analysis.figures:
        if bullet.sources and figure.sentence not in bullet.sources:
            continue
        english = _word_figure_english(figure.text, figure.value, figure.unit, figure.kind, figure.approx)
        start = text.find(figure.text) if english else -1
        if start < 0:
            continue
        end = start + len(figure.text)
        inside_quote = any(q.start <= start < q.end for q in quotes)
        if not inside_quote and not any(s.start < end and start < s.end for s in (*taken, *spans)):
            spans.append(Span(start, end, english, "figure"))
    return spans


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _word_figure_english(text: str, value: float | None, unit: str, kind: str, approx: str) -> str:
    """"1.5 billion dollars" for مليار ونصف دولار; "" for what a facts line does not state: a figure
    with digits, a definite number ("الثلاثة": the three already named), a bare small number, a
    fraction, a unit or approximation no list renders, or a value the English does not read back."""
    if kind not in _WORD_FIGURE_KINDS or value is None or value < 1 or _ANY_DIGIT.search(text):
        return ""
    first = _fold(text.split()[0])
    if _is_definite(first) or (first[0] in _CLITICS and _is_definite(first[1:])):
        return ""
    unit_english = "" if kind == "percent" or not unit else _unit_english(unit)
    approx_english = _phrase_english(approx, frozenset({"approx"})) if approx else ""
    if unit_english is None or approx_english is None or (not unit_english and value < 1000 and kind != "percent"):
        return ""
    number = format_english_number(value) + ("%" if kind == "percent" else "")
    english = " ".join(part for part in (approx_english, number, unit_english) if part)
    read_back = find_english_figures(english)
    return english if read_back and read_back[0].value is not None and abs(read_back[0].value - value) <= 1e-9 * value else ""


def _unit_english(unit: str) -> str | None:
    """A figure's unit or counted noun in English, else as written, isolated; None for a definite
    word ("ثلث السكان": a share of a group, not a count of it)."""
    tokens = _tokens(unit)
    if not tokens or _is_definite(tokens[0].folded):
        return None
    english = _phrase_english(unit, _UNIT_PARTS)
    if english:
        return english
    return (_noun_english(tokens[0].folded) if len(tokens) == 1 else "") or _FSI + unit + _PDI


def _phrase_english(text: str, categories: frozenset[str]) -> str | None:
    """The English of a lexicon phrase of those categories that is the whole text, else None."""
    tokens = _tokens(text)
    match = _match_at(tokens, 0, categories) if tokens else None
    return match.entry.english if match and not match.skip and match.length == len(tokens) else None


def _outside_quotes(tokens: Sequence[Token], quotes: Sequence[QuoteSpan]) -> list[Token]:
    """The tokens outside every quotation: a quote's figures are the speaker's.

    A quote span opens and closes on a quotation mark, which no token contains, so no token
    straddles a quote's edge: dropping the tokens inside gives the tokens of the text with the
    quotes blanked out, without tokenising it again."""
    if not quotes:
        return list(tokens)
    return [t for t in tokens if not any(q.start <= t.start < q.end for q in quotes)]


def _counted_lines(lines: list[str]) -> list[str]:
    """Equal speaker lines once, in the plural: "quotes (Arabic, not translated) by the head
    coach" rather than the same line twice in one bullet (no count: a digit in an English line
    is a figure the guard must find in the article)."""
    counts = Counter(lines)
    return [line if counts[line] == 1 else "quotes" + line.removeprefix("quote") for line in dict.fromkeys(lines)]


def _speaker_line(analysis: Analysis, text: str, quote: QuoteSpan) -> str:
    inner = text[quote.inner_start : quote.inner_end]
    speaker = next((q.speaker for q in analysis.quotes if q.speaker and (inner in q.text or q.text in inner)), "")
    if not speaker:
        return "quote (Arabic, not translated), speaker not identified"
    return f"quote (Arabic, not translated) by {english_phrase(speaker, keep_arabic=True)}"
