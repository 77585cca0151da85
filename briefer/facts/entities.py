"""People (with their titles), organisations and places, from rules and shipped lexicons.

No model: a person is a title ("وزير الخارجية العراقي", "الدكتور") followed by a name, a name
opening with a common given name, or the subject right after an attribution verb ("وقال كارستن
مينكي"). Later bare mentions of a known name ("وأضاف حسين") become person mentions too. Every
mention's ``canonical`` is the fullest form (title + name) of that person in the article, which is
what a quote's speaker is resolved to. Lexicons live in ``briefer/facts/data/`` and load once.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import SpanSet, wrapped_line_breaks
from briefer.arabic.verbs import present_forms, present_verbs
from briefer.facts.word_memo import WordMemo
from briefer.types import Entity

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}@_]+(?:\.(?=\s))?|[^\s\p{L}\p{M}\p{N}]")
_CLITICS = ("و", "ف", "ب", "ل")  # one-letter prefixes tried when a word is not found as is
_CONNECTORS = {"بن", "بنت", "ابن", "ال", "ابو", "ام", "عبد", "دي", "دو", "فان"}  # normalised
_MAX_NAME = 4
_LONG_VOWELS = regex.compile(r"[اوي]")
_MAX_COMPLEMENT = 9  # words of "رئيس الهيئة العامة للسياحة والآثار" between a title and the name


class Token(NamedTuple):
    # a named tuple, not a dataclass: an article has hundreds of tokens and a tuple is built 3x faster
    text: str
    start: int
    end: int
    norm: str  # normalised for lexicon lookups

    @property
    def is_word(self) -> bool:
        # a run of tatweel ("ـ", "ــــ") is a dash in Arabic news: it folds to nothing, no word
        return (self.text[0].isalnum() or self.text[0] == "@") and self.norm != ""


class WordFacts(NamedTuple):
    """What the finders ask of a word, worked out once per distinct word (see :func:`_facts_of`),
    so an article costs one dictionary lookup per token and its columns are read in C."""

    norm: str
    bits: int  # the finders that can start at the word (see _word_bits)
    skeleton: str  # see _skeleton
    skeleton_without_clitic: str | None  # see _skeleton_without_clitic
    cue: str  # attribution cue: verb | participle | prep | ""


_FACT = {name: operator.attrgetter(name) for name in WordFacts._fields}
_TEXT = operator.attrgetter("text")
_COMMAS = frozenset({"،", ","})


def tokenize(text: str) -> list[Token]:
    return _tokens_and_facts(text)[0]


def _tokens_and_facts(text: str) -> tuple[list[Token], list[WordFacts]]:
    matches = list(_TOKEN.finditer(text))
    words = list(map(regex.Match.group, matches))  # (map over the method: the loop runs in C)
    facts = list(map(_FACTS.__getitem__, words))
    columns = zip(words, map(regex.Match.start, matches), map(regex.Match.end, matches), map(_FACT["norm"], facts))
    # tuple.__new__ over the columns: Token's own __new__ is a Python function, three times slower
    return list(map(tuple.__new__, itertools.repeat(Token), columns)), facts


def leading_word_tokens(text: str, count: int) -> list[Token]:
    """The first ``count`` word tokens of ``tokenize(text)``, read no further than they reach."""
    words: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        token = Token(word, match.start(), match.end(), _norm(word))
        if token.is_word:
            words.append(token)
            if len(words) == count:
                break
    return words


def article_tokens(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` for a whole article, kept for the next caller: the entities and then the
    quotes of one article read the same tokens (a tuple, so no caller can change them)."""
    return _article(text)[0]


def article_facts(text: str, name: str) -> list:
    """One of :class:`WordFacts` for each of :func:`article_tokens`: ``article_facts(text, "cue")``."""
    return list(map(_FACT[name], _article(text)[1]))


@lru_cache(maxsize=2)
def _article(text: str) -> tuple[tuple[Token, ...], tuple[WordFacts, ...]]:
    tokens, facts = _tokens_and_facts(text)
    return tuple(tokens), tuple(facts)


def indexes_where(flags) -> list[int]:
    """The positions of the true items of ``flags`` (an iterable), in order."""
    return list(itertools.compress(itertools.count(), flags))


_NORMS: dict[str, str] = {}
_NORMS_MAX = 200_000  # distinct words kept; cleared past it so memory stays bounded


def _facts_of(word: str) -> WordFacts:
    norm = _norm(word)
    return WordFacts(norm, _word_bits(norm), _skeleton(norm), _skeleton_without_clitic(norm), attribution_cue_of(norm))


_FACTS: WordMemo[WordFacts] = WordMemo(_facts_of, _NORMS_MAX)  # by the word as written


def _norm(word: str) -> str:
    found = _NORMS.get(word)
    if found is None:
        if len(_NORMS) >= _NORMS_MAX:
            _NORMS.clear()
        # normalising alef maqsura would make the preposition 'على' the name 'علي'
        found = _NORMS[word] = "على" if word in {"على", "وعلى"} else normalize(word)
    return found


# ------------------------------------------------------------------------------------ lexicons


def _data_lines(name: str) -> list[str]:
    raw = resources.files("briefer.facts").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicons:
    titles: frozenset[tuple[str, ...]]  # normalised word tuples
    given_names: frozenset[str]
    org_heads: frozenset[str]
    org_names: frozenset[tuple[str, ...]]
    places: dict[tuple[str, ...], str]  # normalised words -> canonical country
    countries: frozenset[str]
    anonymous: frozenset[str]
    stopwords: frozenset[str]
    name_enders: frozenset[str]  # verbs and nouns that end a name (see _breaks_name)
    name_objects: frozenset[str]  # nouns that end a name's own words, not a title's complement
    name_like: frozenset[str]  # names shaped like a verb, a masdar or a plural
    documents: dict[str, str]  # normalised document noun ('بيان', 'رسالة') -> the gender it takes: M | F
    plain_titles: frozenset[str]  # titles of no office ('اللاعب'): adjectives, then the name
    descriptors: frozenset[str]  # adjectives other than nisbas between such a title and the name

    @property
    def longest_phrase(self) -> int:
        return max(len(p) for p in (*self.titles, *self.org_names, *self.places))


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in phrase.split())


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    places: dict[tuple[str, ...], str] = {}
    countries = set()
    for line in _data_lines("places.txt"):
        kind, canonical, *variants = line.split("\t")
        if kind == "country":
            countries.add(canonical)
            for variant in (canonical, *variants):
                places[_words(variant)] = canonical
        else:
            places[_words(canonical)] = variants[0] if variants else canonical
    org_rows = [line.split("\t") for line in _data_lines("organisations.txt")]
    plain_rows = [line.split("\t") for line in _data_lines("plain_titles.tsv")]
    return Lexicons(
        titles=frozenset(_words(t) for t in _data_lines("titles.txt")),
        given_names=frozenset(normalize(n) for n in _data_lines("given_names.txt")),
        org_heads=frozenset(normalize(v) for k, v in org_rows if k == "head"),
        org_names=frozenset(_words(v) for k, v in org_rows if k == "name"),
        places=places,
        countries=frozenset(countries),
        anonymous=frozenset(normalize(w) for w in _data_lines("anonymous_sources.txt")),
        stopwords=frozenset(_norm(w) for w in _data_lines("stopwords.txt")),
        name_objects=frozenset(normalize(w) for w in _data_lines("objects_after_names.txt")),
        name_enders=frozenset(normalize(w) for w in (*_data_lines("name_enders.txt"), *present_forms(),
                                                     *present_verbs())),
        name_like=frozenset(normalize(w) for w in _data_lines("name_like_words.txt")),
        documents={normalize(word): gender for word, gender in map(str.split, _data_lines("documents.txt"))},
        plain_titles=frozenset(normalize(word) for kind, word in plain_rows if kind == "title"),
        descriptors=frozenset(normalize(word) for kind, word in plain_rows if kind == "descriptor"),
    )


def match_phrase(tokens: list[Token], i: int, phrases, max_len: int) -> int:
    """Length in tokens of the longest lexicon phrase starting at tokens[i] (a clitic allowed), else 0."""
    if i >= len(tokens) or not _may_open(tokens[i].norm, _first_words(phrases)):
        return 0
    for length in range(min(max_len, len(tokens) - i), 0, -1):
        words = [t.norm for t in tokens[i : i + length]]
        if tuple(words) in phrases:
            return length
        first = words[0]
        if len(first) > 2 and first[0] in _CLITICS and tuple([first[1:], *words[1:]]) in phrases:
            return length
    return 0


def _may_open(norm: str, firsts: frozenset[str]) -> bool:
    """Whether a word (or the word without a clitic) begins one of the phrases: the cheap test
    that spares trying every phrase length at every token."""
    return norm in firsts or (len(norm) > 2 and norm[0] in _CLITICS and norm[1:] in firsts)


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(phrases) -> frozenset[str]:
    """The first words of a phrase collection; remembered for the lexicons' own collections."""
    known = _FIRST_WORDS.get(id(phrases))
    if known is not None and known[0] is phrases:  # the same object, not a new one at a reused id
        return known[1]
    firsts = frozenset(phrase[0] for phrase in phrases if phrase)
    lex = lexicons()
    if any(phrases is mine for mine in (lex.titles, lex.org_names, lex.places)):
        _FIRST_WORDS[id(phrases)] = (phrases, firsts)
    return firsts


# ------------------------------------------------------------------------------------- finding


def find_entities(text: str) -> tuple[Entity, ...]:
    """People with titles, organisations and places, in article order, canonical = fullest form."""
    tokens = article_tokens(text)
    lex = lexicons()
    taken = [False] * len(tokens)
    bits = article_facts(text, "bits")
    marked = list(zip(indexes_where(bits), filter(None, bits)))  # (index, bits) of the words with any
    found: list[tuple[int, int, str, int]] = []  # (first token, end exclusive, kind, name start)
    opens_line = _line_openings(text, tokens)
    for finder, kind, bit in ((_org_name_at, "org", _ORG_NAME), (_titled_person_at, "person", _TITLE),
                              (_appositive_person_at, "person", 0), (_org_at, "org", _ORG_HEAD),
                              (_place_at, "place", _PLACE), (_named_person_at, "person", _GIVEN),
                              (_subject_person_at, "person", _AFTER_VERB)):
        for i in _candidates(bit, tokens, lex, marked):
            if taken[i]:
                continue
            end = finder(tokens, i, lex, opens_line)
            if end > i and kind == "person" and bit == _TITLE and any(taken[i:end]):
                _release_org_names_inside(found, taken, i, end)  # 'مراسل بي بي سي للشؤون الأمنية، ...'
            if end > i and not any(taken[i:end]):
                name_start = _name_start_index(tokens, i, end, lex) if kind == "person" else i
                found.append((i, end, kind, name_start))
                taken[i:end] = [True] * (end - i)
    _trim_masdar_after_known_name(tokens, found, taken, lex)
    found.extend(_short_mentions(tokens, article_facts(text, "skeleton"), article_facts(text, "skeleton_without_clitic"),
                                 found, taken, lex))
    found.sort()
    return _with_canonical(text, tokens, found, lex, _quoted_regions(text))


def _release_org_names_inside(found: list, taken: list[bool], start: int, end: int) -> None:
    """Give back the organisations found inside a titled person's mention, which name the
    title's complement ('المتحدث باسم الأمم المتحدة ستيفان دوجاريك'), when they are all that
    overlaps it; anything else found there keeps its words."""
    inside = [entry for entry in found if entry[0] < end and entry[1] > start]
    if not inside or any(kind != "org" or s < start or e > end for s, e, kind, _n in inside):
        return
    for entry in inside:
        found.remove(entry)
        taken[entry[0]:entry[1]] = [False] * (entry[1] - entry[0])


# What a word can be, as bits: each is a condition one finder requires of the token it starts at
# (or, for _AFTER_VERB, of the token before), so a finder is tried only where its bit is set.
_ORG_NAME, _TITLE, _PLACE, _ORG_HEAD, _GIVEN, _AFTER_VERB = 1, 2, 4, 8, 16, 32


@lru_cache(maxsize=65536)
def _word_bits(norm: str) -> int:
    lex = lexicons()
    return (
        _ORG_NAME * _may_open(norm, _first_words(lex.org_names))
        | _TITLE * _may_open(norm, _first_words(lex.titles))
        | _PLACE * _may_open(norm, _first_words(lex.places))
        | _ORG_HEAD * (norm in lex.org_heads)
        | _GIVEN * (norm in lex.given_names)
        | _AFTER_VERB * (attribution_cue_of(norm) in {"verb", "participle"} or norm in {"وكانت", "وكان"})
    )


def _candidates(bit: int, tokens: tuple[Token, ...], lex: Lexicons, marked: list[tuple[int, int]]) -> list:
    """The token indexes where a finder can find something, in order: each test is a condition
    the finder itself requires, so skipping the other tokens changes nothing. ``marked`` holds
    (index, bits) for the tokens with any bit set: most words have none."""
    if not bit:  # the appositive finder: a name, then a comma and a title
        return _before_comma_and_title(tokens, lex)
    if bit == _AFTER_VERB:  # the subject slot: the token after a verb
        return [i + 1 for i, bits in marked if bits & bit and i + 1 < len(tokens)]
    return [i for i, bits in marked if bits & bit]


def _before_comma_and_title(tokens: tuple[Token, ...], lex: Lexicons) -> list[int]:
    """Words followed, after a run of words, by a comma and a title: an appositive name ends at
    the first token that is not a word, and must end at such a comma."""
    candidates: list[int] = []
    for k in indexes_where(map(_COMMAS.__contains__, map(_TEXT, tokens))):
        if k + 1 < len(tokens) and match_phrase(tokens, k + 1, lex.titles, 3):
            before_run = k - 1  # the token before the run of words that ends at this comma
            while before_run >= 0 and tokens[before_run].is_word:
                before_run -= 1
            candidates.extend(range(max(before_run, 0), k))
    return sorted(set(candidates))


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Long marked quotes: names in them ('الآنسة منال أطالبك') are not the article's mentions."""
    from briefer.facts.quotes import leading_words, marked_regions

    # (five words at most are read: an unclosed quote can run over a whole long paragraph)
    regions = marked_regions(text)
    return [(start, end) for start, end in regions if len(leading_words(text, start, end, 5)) > 4]


def _name_start_index(tokens: list[Token], i: int, end: int, lex: Lexicons) -> int:
    """Where the name begins inside a titled mention (after the last title/complement word)."""
    start = i
    for j in range(i, end):
        if _is_title_word(tokens[j], lex) or tokens[j].text in {"،", ","} or _complement_word(tokens[j], lex):
            start = j + 1
    return start if start < end else i


def _place_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    return i + match_phrase(tokens, i, lex.places, 3)


def _org_name_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    return i + match_phrase(tokens, i, lex.org_names, 4)


def _org_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    head = tokens[i].norm
    if head not in lex.org_heads:
        return i
    end = i + 1
    # definite head ("المحكمة"): definite adjectives follow; indefinite ("شبكة"): a name follows
    definite = head.startswith("ال")
    while (end < len(tokens) and end - i <= 4 and not _name_ended(tokens, end, opens_line)
           and _org_word(tokens[end], definite, lex)
           and (not definite or _agrees_with_head(head, tokens[end], lex))):
        end += 1
    # a definite head alone refers back to the body ('وقالت الشرطة'); an indefinite one needs its name
    return end if end > i + 1 or definite else i


def _org_word(token: Token, definite: bool, lex: Lexicons) -> bool:
    if not token.is_word or token.norm in lex.stopwords or _is_title_word(token, lex):
        return False
    if token.norm in lex.name_enders:
        return False  # 'الشرطة الأمريكية القبض', 'شبكة ايه بي سي إيقاف': a masdar or a verb, not the name
    if definite:
        return token.norm.startswith("ال")
    return not token.norm.startswith(("و", "ل")) or token.norm in lex.given_names


def _agrees_with_head(head: str, token: Token, lex: Lexicons) -> bool:
    """Whether a definite word can describe a definite head: an adjective agrees with it in
    gender ('السفارة الروسية', 'الجيش السوري'; not 'السفارة الروسية الأمر', the object of the
    verb) and is no place's own name ('السفارة الولايات المتحدة'). A feminine elative ends in
    alef ('المحكمة العليا', 'الكبرى'); a plural of things takes the feminine ('السلطات الصحية')."""
    norm = token.norm.rstrip(".")  # 'الحكومة البريطانية.': the full stop kept on the last word
    if (norm,) in lex.places and not norm.endswith(("ي", "يه", "يين", "يون")):
        return False
    feminine_head = head.endswith(("ه", "ات"))
    feminine_word = norm.endswith(("ه", "ا", "ي")) if feminine_head else norm.endswith("ه")
    return feminine_word == feminine_head


def _is_title_word(token: Token, lex: Lexicons) -> bool:
    return (token.norm,) in lex.titles


def _titled_person_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    length = match_phrase(tokens, i, lex.titles, 3)
    if not length:
        return i
    if length == 1 and _plain_title(tokens[i].norm, lex):
        return _plain_titled_person_at(tokens, i, lex, opens_line)
    j = i + length
    for _ in range(_MAX_COMPLEMENT):  # skip the title's complement up to the name
        if j >= len(tokens):
            return i
        token = tokens[j]
        if _name_ended(tokens, j, opens_line):
            return i  # 'الملكة⏎انفصال جبل جليدي': the title ended its line, no name follows
        more_title = match_phrase(tokens, j, lex.titles, 3) or match_phrase(tokens, j, lex.org_names, 4)
        if more_title:  # a title or an organisation's name ('مراسل بي بي سي للشؤون الأمنية')
            j += more_title
        elif token.text in {"،", ",", "“", "”", '"', "«"} or _complement_word(token, lex):
            j += 1
        elif _name_start(token, lex):
            end = _name_end(tokens, j, lex, opens_line)
            return end if end > j else i
        else:
            return i
    return i


_MAX_DESCRIPTORS = 4  # 'اللاعب العراقي، في الخمسينات،' is no descriptor; 'النجم الغاني الدولي' two


def _plain_title(norm: str, lex: Lexicons) -> bool:
    """A title of no office ('اللاعب', 'والنجمة'): see data/plain_titles.tsv."""
    return norm in lex.plain_titles or (norm[:1] in "وف" and norm[1:] in lex.plain_titles)


def _plain_titled_person_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    """'النجم الفرنسي الشاب كيليان مبابي': a title of no office takes commas and adjectives that
    agree with it, then the name; no genitive and no phrase after it ('النجم الصاعد للكرة
    الأفريقية دون منازع'), so 'اللاعب المصري خامس لاعب' and 'اللاعب الوحيد في تاريخ ليفربول'
    are no one."""
    feminine = tokens[i].norm.endswith("ه")
    j = i + 1
    for _ in range(_MAX_DESCRIPTORS):
        if j >= len(tokens) or _name_ended(tokens, j, opens_line):
            return i
        if tokens[j].text in _COMMAS or describes_title(tokens[j], feminine, lex) or _joined_title(tokens[j], feminine,
                                                                                                     lex):
            j += 1
        else:
            break
    if j >= len(tokens) or _name_ended(tokens, j, opens_line) or not _plain_name_start(tokens[j], lex):
        return i
    end = _name_end(tokens, j, lex, opens_line)
    if end == j + 1 and _HOLLOW_PAST.fullmatch(tokens[j].norm) and tokens[j].norm not in lex.given_names:
        return i  # 'اللاعب الفرنسي غاب عن', 'اللاعب جاء': a past verb, not a one-word name
    return end


def _joined_title(token: Token, feminine: bool, lex: Lexicons) -> bool:
    """A second title or adjective joined by و: 'المغني والملحن الشهير', 'المغني والموسيقي'."""
    norm = token.norm
    if norm[:1] != "و" or not norm[1:].startswith("ال"):
        return False
    rest = token._replace(norm=norm[1:])
    return norm[1:] in lex.plain_titles or _is_title_word(rest, lex) or describes_title(rest, feminine, lex)


def describes_title(token: Token, feminine: bool, lex: Lexicons) -> bool:
    """A definite adjective agreeing with a title of no office: a nisba ('المصري', 'الهندية',
    'الدولي') or a listed descriptor ('الشاب', 'السابق')."""
    norm = token.norm
    if not norm.startswith("ال") or norm in lex.stopwords or norm.endswith("ه") != feminine:
        return False
    return norm in lex.descriptors or (len(norm) > 5 and norm.endswith("يه" if feminine else "ي"))


# a foreign name opening on a hamza, ل and a vowel, which folds to what looks like the article
_HAMZA_NAME = regex.compile(r"[أإ]ل[اوي]\w{2,}")
# a hollow verb's past ('غاب', 'فاز', 'جاء'): after a title of no office, no name of one word
_HOLLOW_PAST = regex.compile(r"\wا\w|\wاء")


def _plain_name_start(token: Token, lex: Lexicons) -> bool:
    """A word that can open the name after a title of no office: not a construct noun or a masdar
    in ة ('المدرب مقارنة بزيدان'), besides what :func:`_name_start` rules out."""
    norm = token.norm
    if _HAMZA_NAME.fullmatch(token.text):  # 'أليسون ماك', 'إليود كيبتشوغي': no article but a hamza
        return norm not in lex.stopwords and not _breaks_name(norm)
    if not _name_start(token, lex) or norm in lex.given_names:
        return _name_start(token, lex)
    if norm.endswith("ه") and not norm.endswith("يه"):  # ('جوزيه مورينيو' is a name)
        return False
    rest = norm[1:]  # 'العداء لأميركا': hostility, a preposition and a place after it
    if norm[0] in "لب" and ((rest,) in lex.places or rest.startswith("ال")):
        return False
    # 'البطلة الأولمبية لسباق 5000 متر': a noun after ل; a foreign name has a vowel there ('لويس')
    return not (norm[0] == "ل" and norm[1:2] not in {"ا", "و", "ي"})


def _complement_word(token: Token, lex: Lexicons) -> bool:
    """A word of a title's complement: definite, prefixed genitive, a number, a place, 'في'."""
    norm = token.norm
    if not token.is_word:
        return False
    if norm in {"في", "لدى", "باسم", "عن", "حينها", "انذاك", "حينذاك"}:  # 'وزيرة الداخلية حينها تريزا ماي'
        return True
    if norm in lex.stopwords:
        return False
    if norm.isdigit() or (norm,) in lex.places:
        return True
    if norm.startswith(("ال", "لل", "وال", "بال")) or (norm[0] == "ل" and len(norm) > 3):
        return True
    # construct nouns ('شرطة مقاطعة'); a noun with a possessive takes no genitive ('رئيس فيسبوك
    # عن قدراته كقائد': the title's complement ended before it)
    return norm.endswith("ه") and norm not in lex.given_names and not _possessive(token, lex)


def _name_start(token: Token, lex: Lexicons) -> bool:
    norm = token.norm
    return (
        token.is_word
        and not norm.isdigit()
        and norm not in lex.stopwords
        and not _is_title_word(token, lex)
        and (norm in lex.given_names or not norm.startswith(("ال", "و", "ف", "بال", "لل", "كال")))
        and (norm in lex.given_names or not (norm[0] in "يت" and len(norm) == 4))  # 'تمثل': a verb
        and token.text not in present_verbs()  # 'تأمر السلطات', 'يدافع مارك': a news verb in the present
        and not _breaks_name(norm)  # 'أثارت عارضة بلجيكية غضبا': a past news verb is no name either
        and not verb_shaped(token)  # 'مراسل بي بي سي ...، يستعرض قصة السد', 'وقد ذكرنا أوباما'
        and not _possessive(token, lex)  # 'رئيس فيسبوك عن قدراته كقائد'
    )


# a present verb of the derived forms X, VIII and V/VI ('يستعرض', 'ينتظر', 'يتحدث'); a name of
# that shape ('يتسحاق') is a listed given name
_DERIVED_PRESENT = regex.compile(r"يست\w{3}|ي[نت]\w{3}")
# Shapes that only verbs have, on normalised words (a listed given name aside): the present of
# the derived forms with either prefix ('تتحدث', 'تستحوذ', 'يتعامل'), a simple present of three
# root letters and no long vowel ('يكلف', 'تدرس'), and a past with the ending of 'we' ('ذكرنا',
# 'قررنا': three root letters, then نا; a name in نا has a long vowel before it: 'ديانا', 'لينا').
_VERB_SHAPE = regex.compile(r"[يت](?:ست\w{3}|[نت]\w{3}|ت\wا\w\w|[^اوي]{3})|[^اوي]{3}نا")
# The past of the derived forms VII, VIII and X, which opens on a bare alef ('انتقل', 'اجتمع',
# 'استخدم', 'اعتذرت', 'انفصلت'); a foreign name opens on أ or has a long vowel inside ('أندرس',
# 'اشتون'), so the shape reads on the word as written.
_DERIVED_PAST = regex.compile(r"ا(?:ست[^اوي]{2,3}|ست\wا\wت?|[^اول]ت[^اوي]{2,3}|ن[^اوي]{3,4})")  # ('استقال'; not 'التنس')


@lru_cache(maxsize=65536)
def _verb_shaped_word(word: str, norm: str) -> bool:
    lex = lexicons()
    if norm in lex.given_names or norm in lex.name_like:
        return False
    return bool(_VERB_SHAPE.fullmatch(norm) or _DERIVED_PAST.fullmatch(word))


def verb_shaped(token: Token) -> bool:
    """Whether a word has a shape no name has but a verb does (see _VERB_SHAPE, _DERIVED_PAST):
    no name opens on it ('ذكرنا أوباما', 'اجتمع كيم') and none goes on with it ('مريم تدرس')."""
    return _verb_shaped_word(token.text.rstrip("."), token.norm.rstrip("."))


def _possessive(token: Token, lex: Lexicons) -> bool:
    """A noun with a possessive pronoun ('قدراته', 'بقرارهما', 'نظيره'), which no name is: the
    pronoun as written (ه, not the ة folded to it); a name in الله ('عبدالله') or in يه ('ديدييه',
    'جوزيه') aside, and with it 'لديه', which the stopwords hold."""
    norm = token.norm
    return (token.text.endswith(("ه", "ها", "هما", "هم")) and len(norm) > 3 and norm not in lex.given_names
            and not norm.endswith(("الله", "يه")))


def _name_end(tokens: list[Token], j: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    end, names = j + 1, 1
    while end < len(tokens) and names < _MAX_NAME:
        if _name_ended(tokens, end, opens_line):
            break  # 'جون كيري⏎غادر', 'بيل كوسبي.⏎كما'
        token = tokens[end]
        norm = token.norm
        if not token.is_word or norm.isdigit() or norm in lex.stopwords or _is_title_word(token, lex):
            break
        if _breaks_name(norm) or (names >= 2 and _breaks_full_name(token.text, norm)
                                  and not _heads_a_genitive(tokens[end - 1], lex)
                                  and tokens[end - 1].norm not in _CONNECTORS):  # 'أبو الفتوح' is a name
            break  # 'مادونا قضية', 'نتنياهو قرر'; after two names 'أردوغان الاتهامات'
        if (norm,) in lex.places or norm in lex.anonymous or attribution_cue_of(norm):
            break
        if names >= 2 and norm in lex.name_objects:
            break  # 'بن سالم القانون'; after one word it may be a genitive ('مؤيدو الاتفاق')
        if (norm.startswith(("وال", "بال", "لل", "فال", "كال")) and len(norm) > 5) or (
                norm.startswith("ال") and norm.endswith("يه")):
            break  # 'والآثار', 'التشجيعية': a conjunction or an adjective, not a surname
        if norm[0] in "وف" and _conjunction_before(tokens, end, lex, names):
            break  # 'وقال' ends the name; 'سوزان ورال،' and 'سيرينا ويليامز إنها' do not
        if token.text.endswith(("ه", "ها")) and len(norm) > 3 and norm not in lex.given_names and not norm.endswith(
                "الله"):
            break  # a possessive after the name: 'فؤاد حسين نظيره'
        if names >= 2 and norm.endswith("ا") and len(norm) > 3:
            break  # an adverb after the name: 'سارة عيدان جدلا'
        if verb_shaped(token):
            break  # a verb after the name: 'مريم تدرس الهندسة', 'مريم استقلت حافلة'
        if norm in lex.descriptors and norm not in lex.given_names:
            break  # an adjective of the title, not a name word: 'رئيس حملة ترامب السابق'
        end += 1
        if norm not in _CONNECTORS:
            names += 1
    return end


def _conjunction_before(tokens: list[Token], k: int, lex: Lexicons, names: int) -> bool:
    """Whether the و or ف opening tokens[k] is the conjunction, which ends the name before it
    ('ترامب وماكرون', 'ترامب وقال'), rather than the first letter of a name ('ويليامز',
    'وينفري', 'فرنانديز'). A listed name, or a word before punctuation ('سوزان ورال،'), goes on
    the name; so does a word opening on ف whose rest is no known word ('كرستينا فرنانديز'; not
    'فقال', 'فالرئيس'), and a family name after a first name ('names' is 1) whose و is written
    before ي or a bare alef, as a foreign W is, where the rest is no known word ('ويقول',
    'وايران') and no name-like word follows it ('بوتين وأردوغان' stays two names only through the
    hamza: 'وأ' is the conjunction)."""
    token = tokens[k]
    norm = token.norm
    if norm in lex.given_names or norm in lex.name_like or _before_punctuation(tokens, k):
        return False
    if norm[0] == "ف" and len(norm) > 3:
        return _known_word(norm[1:])
    if names != 1 or token.text[:2] not in {"وي", "وا"} or len(norm) < 5:
        return True
    if _known_word(norm[1:]):
        return True
    following = tokens[k + 1]  # a name ('بوتين وأردوغان') or a genitive ('سعيد وابناء المطرف') after it
    return following.is_word and (following.norm.startswith(("ال", "وال")) or (
        _name_start(following, lex) and not _breaks_full_name(following.text, following.norm)))


@lru_cache(maxsize=65536)
def _known_word(word: str) -> bool:
    """A word the lexicons know (a particle, name, title, place, body, verb or the article), so
    that a و or ف before it is the conjunction ('وقال', 'فالرئيس', 'ويقول', 'وايران')."""
    lex = lexicons()
    return bool(word.startswith("ال") or word in lex.stopwords or word in lex.given_names or (word,) in lex.titles
                or (word,) in lex.places or word in lex.org_heads or _breaks_name(word) or attribution_cue_of(word)
                or is_verb_word(word) or _verb_shaped_word(word, word) or (word[:1] in "يت" and len(word) == 4))


def _name_ended(tokens: list[Token], k: int, opens_line: frozenset[int]) -> bool:
    """Whether a name (or a title's complement) reaching tokens[k - 1] cannot go on to tokens[k]:
    a line or a sentence ended between them. The tokenizer keeps a full stop on the word before
    it (for abbreviations such as 'د.'), so 'كوسبي.' ends a sentence as well as a name."""
    if k in opens_line:
        return True
    return ends_sentence(tokens[k - 1].text)


def ends_sentence(word: str) -> bool:
    """Whether a token is a word with the full stop the tokenizer keeps on it ('كوسبي.'), which
    ends its sentence; an abbreviation such as 'د.' keeps a stop of its own and ends nothing."""
    return word[-1:] == "." and len(word) > 2


@lru_cache(maxsize=65536)
def _breaks_name(norm: str) -> bool:
    """A word no name goes on with: a news verb, past or present ('نتنياهو قرر', 'ترامب يعرب'), or
    a listed noun ('مادونا قضية', 'الشرطة الأمريكية القبض'), unless it is a name too ('علي بن أبي
    طالب')."""
    lex = lexicons()
    return norm in lex.name_enders and norm not in lex.name_like and norm not in lex.given_names


# Masdars of the derived verbs, on normalised words: إفعال (إيقاف), افتعال (اعتقال), انفعال
# (انسحاب), استفعال (استقبال); with the article also تفعيل (التحقيق) and تفاعل (التعاون).
_FORM_IV_MASDAR = regex.compile(r"ا\w{2,3}ا\w")
_WASL_MASDAR = regex.compile(r"ا\wت\wا\w|ان\w\wا\w|است\w\wا\w")
_DEFINITE_MASDAR = regex.compile(r"ا\w{2,3}ا\w|ت\w\wي\w|ت\wا\w\w")
# the masdar of a simple verb on فعول (الظهور، الدخول، الوصول); a stem opening on م is a
# participle or a family name of that shape (المطوع), one on alef a name (الأيوب); a hollow
# root's plural (الشؤون) goes on a title's complement, and a stem in ي is a nisba (البلوي)
_FORM_I_MASDAR = regex.compile(r"[^ام][^و]و[^ي]")
# Plurals after the article: sound feminine ones of four letters or more (الاتهامات; not السادات),
# participles in -ين/-ون (المسؤولين) and nisbas (الأمريكيين); not family names (العثيمين).
_DEFINITE_PLURAL = regex.compile(r"\w{4,}ات|م\w{3,}(?:ين|ون)|\w{3,}ي(?:ين|ون)")


@lru_cache(maxsize=65536)
def _breaks_full_name(word: str, norm: str) -> bool:
    """A word that ends a name of two words or more: a derived masdar ('دونالد ترامب الانسحاب',
    'سامح شكري إيقاف') or a definite plural ('رجب طيب أردوغان الاتهامات'). After one word it
    may be the genitive of a noun chain ('مكتب التحقيقات', 'بعض المدرسين'), so it does not count."""
    lex = lexicons()
    if norm in lex.name_like or norm in lex.given_names:
        return False
    if norm.startswith("ال"):
        stem = norm[2:]
        return any(pattern.fullmatch(stem) for pattern in (_DEFINITE_MASDAR, _WASL_MASDAR, _DEFINITE_PLURAL,
                                                           _FORM_I_MASDAR))
    # without the article a masdar opens on إ (form IV) or a bare alef: a foreign name of its
    # shape opens on أ ('أردوغان', 'أرباش', 'أوناي') or has no ت/ن/ست after the alef ('اردان')
    if word[0] == "إ" and _FORM_IV_MASDAR.fullmatch(norm):
        return True
    return word[0] in "اإ" and _WASL_MASDAR.fullmatch(norm) is not None


def _heads_a_genitive(token: Token, lex: Lexicons) -> bool:
    """A noun whose genitive follows it ('مكافحة الإرهاب', 'بعض المهاجرين المسلمين'): a word in
    ة or itself a masdar or plural, so the words read as a name were a noun chain after all."""
    norm = token.norm
    return (norm.endswith("ه") and norm not in lex.given_names) or _breaks_full_name(token.text, norm)


def _line_openings(text: str, tokens: tuple[Token, ...]) -> frozenset[int]:
    """Indexes of the tokens that open a line: no name runs over a line end ('جون كيري⏎غادر
    وزير الخارجية'), except where a text wrapped at a fixed width breaks a sentence (the same
    breaks that segmentation reads as spaces)."""
    if "\n" not in text:
        return frozenset()
    wrapped = wrapped_line_breaks(text)
    openings = set()
    position = text.find("\n")
    while position != -1:  # (a few lines an article: a search for each beats listing every start)
        if position not in wrapped:
            openings.add(bisect.bisect_left(tokens, position, key=_START))
        position = text.find("\n", position + 1)
    return frozenset(openings)


_START = operator.attrgetter("start")


def _before_punctuation(tokens: list[Token], k: int) -> bool:
    return k + 1 >= len(tokens) or not tokens[k + 1].is_word


@lru_cache(maxsize=65536)
def attribution_cue_of(norm: str) -> str:
    from briefer.facts.quotes import attribution_cue

    return attribution_cue(norm)


def _appositive_person_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    """'روبرت إيغير، المدير التنفيذي لديزني': a name followed by a comma and a title."""
    if not _name_start(tokens[i], lex) or (i and tokens[i - 1].is_word and not attribution_cue_of(tokens[i - 1].norm)
                                           and tokens[i - 1].norm not in lex.stopwords):
        return i
    end = _name_end(tokens, i, lex, opens_line)
    if end + 1 < len(tokens) and tokens[end].text in {"،", ","} and match_phrase(tokens, end + 1, lex.titles, 3):
        return end
    return i


def _named_person_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    if tokens[i].norm not in lex.given_names:
        return i
    end = _name_end(tokens, i, lex, opens_line)
    return end if end > i + 1 or _after_verb(tokens, i) else i


def _subject_person_at(tokens: list[Token], i: int, lex: Lexicons, opens_line: frozenset[int]) -> int:
    """The subject right after an attribution verb: 'وقال كارستن مينكي ...'."""
    if not _after_verb(tokens, i) or not _name_start(tokens[i], lex) or tokens[i].norm in lex.anonymous:
        return i
    if tokens[i].norm in lex.documents:
        return i  # 'وأضاف بيان النيابة': a document speaks, no person is named
    norm = tokens[i].norm
    if norm.endswith(("ه", "ها", "هم")) and norm not in lex.given_names:
        return i  # 'سموه', 'فيها': a pronoun, not a name
    end = _name_end(tokens, i, lex, opens_line)
    if tokens[i - 1].norm in {"وكانت", "وكان"} and not (end < len(tokens) and tokens[end].text in {"،", ","}):
        return i  # 'وكانت بريدييجت ماكرون، زوجة ...' yes; 'وكان حفل افتتاح مهرجان' no
    return end


def _after_verb(tokens: list[Token], i: int) -> bool:
    """After an attribution verb, or after 'وكانت' opening a sentence: the slot of a subject."""
    if i == 0:
        return False
    previous = tokens[i - 1].norm
    return attribution_cue_of(previous) in {"verb", "participle"} or previous in {"وكانت", "وكان"}


def _short_mentions(tokens, skeletons, skeletons_without_clitic, found, taken, lex: Lexicons
                    ) -> list[tuple[int, int, str]]:
    """Bare later mentions of a known person's first or last name ('وأضاف حسين', 'بابين')."""
    known = set()
    name_words = set()  # every word of the names found: a first name seen already
    for _start, end, kind, name_start in found:
        if kind == "person":
            names = [t.norm for t in tokens[name_start:end] if t.norm not in _CONNECTORS]
            known.update(_skeleton(n) for n in names[-2:] if len(n) > 2 and n not in lex.given_names)
            known.update(_skeleton(n) for n in names[-1:])
            name_words.update(_skeleton(t.norm) for t in tokens[name_start:end])
    mentions = []
    if not known:
        return mentions  # no name to look for
    # few words are a known name: those are found first, in one pass that runs in C
    as_written = map(known.__contains__, skeletons)
    without_clitic = map(known.__contains__, skeletons_without_clitic)
    for i in indexes_where(map(operator.or_, as_written, without_clitic)):
        token = tokens[i]
        norm = token.norm
        if taken[i] or len(norm) < 3:
            continue
        if token.is_word and norm not in lex.stopwords and not verb_shaped(token):  # ('اعتذر')
            start = i
            if _first_name_before(tokens, i, taken, lex, name_words):
                start = i - 1
            mentions.append((start, i + 1, "person", start))
            taken[start : i + 1] = [True] * (i + 1 - start)
    return mentions


def _trim_masdar_after_known_name(tokens, found: list, taken: list[bool], lex: Lexicons) -> None:
    """'لا يعتبر شاين الظهور في وسائل الإعلام': one name word and a definite masdar read as a name
    of two. After one word a masdar may be a genitive ('مكتب التحقيقات'), so it ends the name only
    where that word opens another person's name of two words or more ('شاين داوسون'), itself no
    word and masdar ('بعض المؤرخين', 'بعض الرسوم' are no name 'بعض')."""
    seconds: dict[str, set[str]] = {}  # first name word -> the words after it in the people found
    for _start, end, kind, name_start in found:
        second = tokens[name_start + 1] if end - name_start >= 2 else None
        if kind == "person" and second is not None and not _breaks_full_name(second.text, second.norm):
            seconds.setdefault(tokens[name_start].norm, set()).add(second.norm)
    for position, (start, end, kind, name_start) in enumerate(found):
        last = tokens[end - 1]
        if (kind != "person" or end - name_start != 2 or not last.norm.startswith("ال")
                or not _breaks_full_name(last.text, last.norm)):
            continue
        if seconds.get(tokens[name_start].norm, set()) - {last.norm}:
            found[position] = (start, end - 1, kind, name_start)
            taken[end - 1] = False


def _first_name_before(tokens: list[Token], i: int, taken: list[bool], lex: Lexicons, name_words: set[str]) -> bool:
    """'ونشرت ماريسا بابين': a first name right before a known surname, itself after a verb or a
    break ('على حساب منال' is a noun before the name, not a first name). A word that is no given
    name and no word of a name found is a first name only right after a verb ('دافعت كيم
    كارديشيان'): opening its clause it is the verb whose subject the surname is ('، أصبح ماكين',
    'وقد ذكرنا أوباما'), and after any other word a noun whose genitive it is ('تصريحات ترامب')."""
    if i < 1 or taken[i - 1] or not _name_start(tokens[i - 1], lex) or attribution_cue_of(tokens[i - 1].norm):
        return False
    if tokens[i - 1].norm.endswith("ه") or tokens[i - 1].end + 1 != tokens[i].start:
        return False
    before = tokens[i - 2] if i > 1 else None
    seen = tokens[i - 1].norm in lex.given_names or _skeleton(tokens[i - 1].norm) in name_words
    if not seen:
        return _new_first_name(tokens[i - 1], before)
    if before is not None and before.norm[:1] in "وف" and before.norm[1:] in lex.stopwords:
        return False  # 'وقد', 'ولم': a particle before a verb, not a verb before a name
    opens_sentence = i < 3 or not tokens[i - 3].is_word  # 'دافعت كيم كارديشيان': verb, first name, name
    return before is None or not before.is_word or before.norm.startswith(("و", "ف")) or opens_sentence or bool(
        attribution_cue_of(before.norm))


# a verb opening its clause that has a long vowel: a hollow past ('قاد', 'عاد'), a past of form
# III ('سافر', 'دافع'), a feminine past of four letters ('قامت', 'نوعت')
_VOWELLED_PAST = regex.compile(r"\wا\w|\wا[^اوي]{2}|\w{3}ت")
# a noun: a sound feminine plural ('تصريحات'), a plural or masdar in اء ('حذاء', 'أعضاء'), a
# masdar on تفعيل ('تقرير مولر', 'تأثير جولي') or a noun on مفعول ('مشروع طريق')
_NOUN_SHAPE = regex.compile(r"\w{3,}ات|\w+اء|ت\w\wي\w|م\w\wو\w")
# the future prefix of a verb ('سيلتقي', 'ستبدأ'), whose ي or ت is no vowel of a name
_FUTURE = regex.compile(r"س[يتن](?=\w{3})")


def _new_first_name(word: Token, before: Token | None) -> bool:
    """Whether a word not seen in a name yet is the first name of the known name after it: right
    after a verb ('دافعت كيم كارديشيان'), or opening its clause ('، تيريزا ماي') with the long
    vowel inside it that a foreign first name has and a verb of no listed shape lacks ('، أصبح
    ماكين', 'رد زوكربيرغ'); after any other word it heads a genitive ('تصريحات ترامب')."""
    norm = word.norm
    if _NOUN_SHAPE.fullmatch(norm):
        return False
    if before is not None and before.is_word:
        return is_verb_word(before.norm)
    stem = _FUTURE.sub("", norm, count=1)
    return _LONG_VOWELS.search(stem, 1, len(stem) - 1) is not None and not _VOWELLED_PAST.fullmatch(norm)


@lru_cache(maxsize=65536)
def is_verb_word(norm: str) -> bool:
    """An attribution verb or a listed news verb, past or present, with or without و/ف glued on."""
    if attribution_cue_of(norm) in {"verb", "participle"}:
        return True
    news = _news_verb_norms()
    return norm in news or (norm[:1] in "وف" and norm[1:] in news)


@lru_cache(maxsize=1)
def _news_verb_norms() -> frozenset[str]:
    return frozenset(normalize(w) for w in (*present_forms(), *present_verbs()))


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """Long words without their long vowels, so 'كارديشيان' and 'كاردشيان' (one article) meet;
    without the full stop the tokenizer keeps on a word ending a sentence ('ترامب.')."""
    if ends_sentence(word):
        word = word[:-1]
    if len(word) < 6:
        return word
    return word[0] + _LONG_VOWELS.sub("", word[1:])


@lru_cache(maxsize=65536)
def _skeleton_without_clitic(norm: str) -> str | None:
    """The skeleton of a word of five letters or more read without its one-letter clitic ('وحسين')."""
    return _skeleton(norm[1:]) if len(norm) > 4 and norm[0] in _CLITICS else None


def _with_canonical(text, tokens, found, lex: Lexicons, quoted) -> tuple[Entity, ...]:
    spans = [(tokens[s].start, _end_without_stop(tokens[e - 1]), kind, tokens[n:e]) for s, e, kind, n in found]
    # 'زوجة سورنسن': the name is the husband's, so this person is no fuller form of 'سورنسن'
    kin = {tokens[s].start for s, e, kind, _n in found if kind == "person" and e - s > 1 and _is_kin(tokens[s].norm)}
    inside_quotes = SpanSet(quoted)
    outside = [span for span in spans if span[0] not in inside_quotes and span[0] not in kin]
    fullest = _FullestPerson(text, outside)
    entities = []
    for start, end, kind, words in spans:
        if kind == "place":
            canonical = lex.places.get(_phrase_key(words), text[start:end])
        elif kind == "person" and start in kin:
            canonical = text[start:end]
        elif kind == "person":
            canonical = fullest.of(words)
        else:
            canonical = text[start:end]
        entities.append(Entity(text[start:end], kind, start, end, canonical))
    return tuple(entities)


def _end_without_stop(last: Token) -> int:
    """Where a mention ends: before the full stop the tokenizer keeps on its last word ('ترامب.'),
    which ends the sentence, not the name (an abbreviation such as 'د.' keeps its own)."""
    return last.end - 1 if ends_sentence(last.text) else last.end


_KIN = frozenset({"زوجه", "زوج", "ابن", "ابنه", "نجل", "نجله", "شقيق", "شقيقه", "والد", "والده", "ارمله", "طليقه"})


def _is_kin(norm: str) -> bool:
    """A kinship word, alone or after و/ف: the name after it is the relative's, not the person's."""
    return norm in _KIN or (norm[:1] in "وف" and norm[1:] in _KIN)


def _phrase_key(words: list[Token]) -> tuple[str, ...]:
    key = tuple(t.norm for t in words)
    if key[0][:1] in _CLITICS and key not in lexicons().places:
        key = (key[0][1:], *key[1:])
    return key


class _FullestPerson:
    """The mention with the most name words (then the longest title) that holds all of a mention's
    name words: 'حسين' -> 'وزير الخارجية العراقي فؤاد حسين'.

    Linear in the article: the name-word sets of the person spans are built once, and mentions
    with the same name words (the same person named again) share one answer."""

    def __init__(self, text: str, spans):
        self.text = text
        self.people = []  # (name words, rank, start, end) in span order
        self.holding: dict[str, list[int]] = {}  # name word -> the people (positions) holding it
        for start, end, kind, other in spans:
            if kind == "person":
                theirs = frozenset(_skeleton(t.norm) for t in other if t.norm not in _CONNECTORS)
                for word in theirs:
                    self.holding.setdefault(word, []).append(len(self.people))
                self.people.append((theirs, (len(theirs), end - start), start, end))
        self.answers: dict[frozenset[str], str] = {}

    def of(self, words) -> str:
        mine = frozenset(_skeleton(t.norm) for t in words if t.norm not in _CONNECTORS)
        best = self.answers.get(mine)
        if best is None:
            best = self.answers[mine] = self._best(mine)
        return best or " ".join(t.text for t in words)

    def _best(self, mine: frozenset[str]) -> str:
        if not mine:
            return ""
        # only the people holding the rarest of these words can hold them all
        rarest = min(mine, key=lambda word: len(self.holding.get(word, ())))
        best, best_rank = "", (0, 0)
        for position in self.holding.get(rarest, ()):
            theirs, rank, start, end = self.people[position]
            if mine <= theirs and rank > best_rank:
                best, best_rank = self.text[start:end], rank
        return best


# ------------------------------------------------------------------------------------ grouping


def countries(entities: tuple[Entity, ...]) -> list[str]:
    """Canonical country names behind the places (and nationality adjectives), most mentioned first."""
    lex = lexicons()
    counts = Counter(e.canonical for e in entities if e.kind == "place" and e.canonical in lex.countries)
    first = {}
    for e in entities:
        first.setdefault(e.canonical, e.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))
