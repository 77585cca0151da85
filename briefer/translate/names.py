"""Quotations, names and titles: the quoted spans of a text (quote_spans), the places,
organisations and entities it names (name_spans), and a name or title phrase in English
(english_phrase): 'title + nationality' in English order, a title with the genitive it governs,
descriptors after a source or official, and names no list knows romanized or kept as written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from briefer.translate.figures import (
    _FSI,
    _PDI,
    FIGURE_PARTS,
    Span,
    _gap,
    _is_arabic_word,
    _is_definite,
    _listed_forms,
    _opens_with_preposition,
)
from briefer.translate.words import (
    _ARABIC_WORD,
    _WORD_CACHE_SIZE,
    NAME_CATEGORIES,
    Entry,
    Match,
    Token,
    _listed_at,
    _match_at,
    _phrases_opened_by,
    _tokens,
    lexicon,
)
from briefer.types import Analysis

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
    """Places and organisations the lexicon lists, an organisation with the nationalities after it
    ("الحكومة الفرنسية": the French government); not inside a phrase that names nothing
    ("السياسة الخارجية الأمريكية" is US foreign policy, not the State Department)."""
    spans, i = [], 0
    commons, ministries = lexicon().commons, lexicon().ministries
    while i < len(tokens):
        common = _listed_at(commons, tokens, i) if tokens[i].folded in commons else None
        if common is not None:
            i += common.length
            continue
        match = _match_at(tokens, i, NAME_CATEGORIES) if _may_open_name(tokens[i].text) else None
        if match is None and tokens[i].folded in ministries:  # a dict test first: most words are none
            match = _ministry_at(tokens, i)
        # only unprefixed mentions: in 'بالعراق' the 'ب' (in) belongs to the sentence, not the name
        if match and match.skip == 0:
            end, english = i + match.length, match.entry.english
            if match.entry.category == "org":
                end, english = _with_nationalities(tokens, end, english)
            spans.append(Span(tokens[i].start, tokens[end - 1].end, english, "name"))
            i = end
        else:
            i += 1
    return spans


def _with_nationalities(tokens: Sequence[Token], j: int, english: str) -> tuple[int, str]:
    """(next token, English) of an organisation's name ending before token j with the nationalities
    written right after it, first said last: "the government" + "الفرنسية" is the French government."""
    found: list[str] = []
    while j < len(tokens) and tokens[j].start - tokens[j - 1].end <= 1:  # a comma ends the name
        adjective, length, nationality = _adjective_at(tokens, j)
        if not nationality:
            break
        found.append(adjective)
        j += length
    if not found or _takes_no_nationality(english):
        return j, english  # "ريال مدريد الإسباني": Real Madrid, the nationality read and not said
    return j, _modified(english, list(reversed(found)))


def _takes_no_nationality(english: str) -> bool:
    """An organisation known by a name of its own ("Real Madrid", "Hamas", "NATO") takes no
    nationality before it: "Spanish Real Madrid" is no English. A body named by a common noun
    does ("the government": the French government; "parliament": Algerian parliament)."""
    return english[:1].isupper()


def _ministry_at(tokens: Sequence[Token], i: int) -> Match | None:
    """A ministry named by its short name at token i ("الخارجية الروسية": وزارة left out), read as an
    organisation; None unless a feminine nationality follows (it agrees with the وزارة left out), and
    None after a definite noun the word describes ("الديون الخارجية المصرية"), a title whose
    portfolio it is ("وزيرة الخارجية الكندية") or a listed phrase it ends ("لوزارة الدفاع المصرية")."""
    english = lexicon().ministries.get(tokens[i].folded)
    if english is None or i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end > 1:
        return None
    if not (_adjective_at(tokens, i + 1)[2] and tokens[i + 1].folded.endswith("ه")):
        return None
    if i and _holds_the_word_before(tokens, i):
        return None
    return Match(1, Entry("org", english))


def _holds_the_word_before(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word before token i makes it an adjective or a portfolio: a definite noun, with
    or without a clitic, a title, or the start of a listed phrase that goes on over token i."""
    before = tokens[i - 1].folded
    if _is_definite(before) or (before[0] in "وفبلك" and _is_definite(before[1:])):
        return True
    match = _match_at(tokens, i - 1)
    return match is not None and (match.length > 1 or match.entry.category == "title")


def _phrase_match_at(tokens: Sequence[Token], i: int) -> Match | None:
    """The lexicon phrase at token i as a word of a name or title: a unit or currency is read only
    after a number ("مدرب ريال" is Real's coach, "رئيس حزب" no count of parties), a ministry's
    short name only before its nationality."""
    match = _match_at(tokens, i)
    if match is not None and match.entry.category in FIGURE_PARTS:
        match = None
    return match or _ministry_at(tokens, i)


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
        match = _phrase_match_at(tokens, i)
        descriptor = _descriptor_english(tokens[i].folded) if after_title and (match is None or match.skip) else ""
        if descriptor:
            pieces.append(_Piece("descriptor", descriptor, i))
            i += 1
        elif (joined := _joined_genitive_after(pieces, tokens, i, match)) is not None:
            title, (i, particle, body) = pieces[-1], joined
            # no construct state across a preposition: "بيان للنادي" is a statement of the club
            pieces[-1] = _Piece(_GOVERNING, f"{title.english} {particle} {body}", title.first)
        elif match and match.entry.category == "title":
            plain = _Piece("title", _matched_english(tokens[i], match, after_title), i)
            piece, i = _title_piece(text, tokens, i, match, plain, keep_arabic)
            pieces.append(piece)
        elif match and match.entry.category == "org" and not match.skip:
            end, english = _with_nationalities(tokens, i + match.length, match.entry.english)
            pieces.append(_Piece("org", english, i))
            i = end
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


def _joined_genitive_after(
    pieces: list[_Piece], tokens: Sequence[Token], i: int, match: Match | None
) -> tuple[int, str, str] | None:
    """(next token, preposition, English) of the body a title governs through a joined ل or ب,
    when a title piece ends right before token i ("المدير الفني للمنتخب المصري": the head coach of
    the Egyptian national team; "الباحث بالجامعة الأمريكية": the researcher at the US university);
    None when no title precedes or a longer listed phrase starts there ("للجامعة العربية" is the
    Arab League, not the university)."""
    if not pieces or pieces[-1].category != "title" or pieces[-1].english.rsplit(" ", 1)[-1] in _OWN_PREPOSITIONS:
        return None
    joined = _joined_genitive(tokens, i)
    if joined is None or (match is not None and (match.entry.category != "title" or i + match.length > joined[0])):
        return None
    return joined


def _joined_genitive(tokens: Sequence[Token], i: int) -> tuple[int, str, str] | None:
    """(next token, preposition, English) of a listed body a title governs (Lexicon.genitives)
    written with a preposition joined to it ("للمنتخب", "بالجامعة"), with the nationalities after
    it; None for any other word."""
    folded = tokens[i].folded
    particle = lexicon().particles.get(tokens[i].text[0])
    if particle is None or len(folded) < 4:
        return None
    bare = "ا" + folded[1:] if folded.startswith("لل") else folded[1:]  # لل is ل + ال, its alef dropped
    for rest, entry in lexicon().genitives.get(bare, ()):
        end = i + 1 + len(rest)
        if end <= len(tokens) and all(tokens[i + 1 + n].folded == word for n, word in enumerate(rest)):
            after, english = _with_nationalities(tokens, end, entry.english)
            return after, particle, english
    return None


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
    one phrase: the title goes into the isolate with it rather than read "Secretary-General ⁨لهيئة⁩".
    An institution no list knows ("قناة العربية", "اتحاد مصر للتنس") stays whole, a place it names
    included, and after a title it is the title's genitive, as a listed one is: "Director of ⁨…⁩"."""
    first = i
    joined = tokens[i].text[0] in lexicon().particles and _opens_with_preposition(tokens[i].folded)
    if after_title and joined and pieces[-1].category == "title":
        first = pieces.pop().first
    # "لمنتخب تونس" after a title: the institution behind the joined preposition
    institution = _is_institution(tokens[i].folded) or (joined and _is_institution(tokens[i].folded[1:]))
    end = _unknown_run_end(tokens, i + 1, institution)
    isolate = _FSI + " ".join(t.text for t in tokens[first:end]) + _PDI
    title = pieces[-1] if after_title and first == i else None
    if institution and title is not None and _governs_unknown(title, tokens[i - 1]):
        pieces[-1] = _Piece(_GOVERNING, _governing_english(title.english, isolate), title.first)
    else:
        pieces.append(_Piece("name", isolate, first))
    return end


def _governs_unknown(title: _Piece, last: Token) -> bool:
    """Whether a title ending at token ``last`` governs an institution no list knows: a head of
    something ("مدير", "قائد"), not a definite title (an apposition follows it) nor an indefinite
    one ("مسؤول شرطة" is a police official, not the official of the police)."""
    article = title.english.partition(" ")[0]
    return title.category == "title" and article not in ("a", "an") and not _is_definite(last.folded)


def _unknown_run_end(tokens: Sequence[Token], end: int, institution: bool) -> int:
    """The token after a run of words no list knows from ``end``; an institution's run goes on
    across the places it names ("اتحاد أمريكا الجنوبية": not "⁨اتحاد⁩ South America")."""
    while end < len(tokens) and _is_arabic_word(tokens[end]):
        match = _phrase_match_at(tokens, end)
        if match is None:
            end += 1
        elif institution and not match.skip and match.entry.category in _PLACES:
            end += match.length
        else:
            break
    return end


#: names an institution's own name may hold (a body's name, "ريال مدريد", is a name of its own)
_PLACES = frozenset({"country", "city", "place"})


def _is_institution(folded: str) -> bool:
    """An indefinite noun whose definite form the lexicon lists as a title's genitive: "قناة" of
    "القناة", "شرطة" of "الشرطة"; in the construct state it opens an institution's name."""
    if folded.startswith("ال"):
        return False
    return any(not rest for rest, _ in lexicon().genitives.get("ال" + folded, ()))


# ------------------------------------------------------------------ titles a headline names


def title_spans(text: str, tokens: Sequence[Token]) -> list[Span]:
    """The titles a text names, each read whole with the genitive it governs or the nationality
    after it, as english_phrase reads a speaker ("وزير الخارجية العراقي": Iraqi Foreign Minister,
    "قائد الجيش المصري": commander of the Egyptian army), for a facts-only headline.

    Only a title that says whose or which it is: two words or more, its English complete (no
    preposition left waiting for a complement, no word kept in Arabic), and never the bare title
    ("الملك", "المتحدث باسم", "the coach"), which says nothing the headline's names do not."""
    spans: list[Span] = []
    resume = 0  # tokens before it belong to the title already taken
    for i in [k for k, token in enumerate(tokens) if _may_open_title(token.text)]:  # few words open one
        match = _match_at(tokens, i) if i >= resume else None
        if match is None or match.skip or match.entry.category != "title":
            continue
        end = _title_phrase_end(text, tokens, i, match)
        english = _complete_title_english(text, tokens, i, end, match)
        if english:
            spans.append(Span(tokens[i].start, tokens[end - 1].end, english, "name"))
        resume = end if english else i + match.length
    return spans


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _may_open_name(word: str) -> bool:
    """Whether a listed place or organisation starts with this word, with or without a clitic: a
    per-word answer that spares most words of a text the phrase lookup."""
    return any(entry.category in NAME_CATEGORIES for _, _, _, entry in _phrases_opened_by(word))


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _may_open_title(word: str) -> bool:
    """Whether a listed title phrase starts with this word as written (no clitic before it)."""
    return any(skip == 0 and entry.category == "title" for _, skip, _, entry in _phrases_opened_by(word))


def _title_phrase_end(text: str, tokens: Sequence[Token], i: int, match: Match) -> int:
    """The token after a title at token i read as english_phrase reads it: its genitive, the
    nationalities and descriptors after it, and a listed name joined to it by ل ("الأمين العام
    للأمم المتحدة": Secretary-General of the United Nations)."""
    _, j = _title_piece(text, tokens, i, match, _Piece("title", match.entry.english, i), keep_arabic=False)
    while j < len(tokens) and not _comma_between(text, tokens[j - 1], tokens[j]):
        english, length, _ = _adjective_at(tokens, j)
        if not english:
            break
        j += length
    if j < len(tokens) and tokens[j].text[0] == "ل" and not _comma_between(text, tokens[j - 1], tokens[j]):
        named = _match_at(tokens, j, _GENITIVE_NAMES)
        joined = _joined_genitive(tokens, j)
        if named is not None and named.skip == 1:
            j += named.length
        elif joined is not None and tokens[j].text[0] == "ل":  # "للشركة الأمريكية": of the US company
            j = joined[0]
    return j


def _complete_title_english(text: str, tokens: Sequence[Token], i: int, end: int, match: Match) -> str:
    """The English of the title phrase tokens[i:end], or "" when it is a bare title or incomplete:
    a preposition waiting for its noun ("spokesperson for"), a word no list knows, or a complement
    no list knows joined after it ("المدير السابق لصوت العرب": the former director of what?)."""
    if end - i < 2 or (end < len(tokens) and _goes_on(text, tokens[end - 1], tokens[end])):
        return ""
    english = english_phrase(text[tokens[i].start : tokens[end - 1].end], romanize=False)
    title = match.entry.english
    if not english or _FSI in english or english.rsplit(" ", 1)[-1] in _OWN_PREPOSITIONS:
        return ""
    if english == title and not _is_listed_construct(tokens[i : i + match.length], title):
        return ""  # a listed title alone: "الأمين العام", "the head coach" (المدير الفني), "the President"
    if english.endswith(title) and english.partition(" ")[0] not in ("a", "an", "the") and not any(
        _is_definite(token.folded) for token in tokens[i:end]
    ):  # "وزير بريطاني" is a British minister, not the British Minister
        described = english.removesuffix(title) + title.lower()
        return f"{_indefinite_article(described)} {described}"
    return english


def _goes_on(text: str, last: Token, following: Token) -> bool:
    """Whether the phrase ending at ``last`` goes on in words no list reads: a definite adjective
    ("المحكمة البرازيلية العليا": not just the Brazilian court) or a complement joined by its
    preposition ("المدير السابق لصوت العرب": the former director of what?)."""
    if _comma_between(text, last, following) or not _is_arabic_word(following):
        return False
    return _is_definite(following.folded) or _opens_joined_genitive(following)


def _is_listed_construct(words: Sequence[Token], english: str) -> bool:
    """Whether a listed title holds the genitive it governs ("وزير الصحة": Health Minister, "ولي
    العهد": Crown Prince) and reads as a title in its own right, not as a description of someone
    ("the President" of رئيس الجمهورية, "a statement" of بيان صادر); "الأمين العام" is a title
    and its adjective, no genitive."""
    construct = len(words) > 1 and not _is_definite(words[0].folded) and _is_definite(words[-1].folded)
    return construct and english[:1].isupper() and english.partition(" ")[0] not in ("the", "a", "an")


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
            english = _governing_english(_head_of_state(tokens, end, title.entry.english, genitive), genitive.english)
            if genitive.title_adjectives:
                english = _modified(english, list(reversed(genitive.title_adjectives)))
            return _Piece(_GOVERNING, english, i), genitive.end
    return plain, long_end


#: "رئيس" is "head of" a body; of a country it is its President ("رئيس كوريا الجنوبية")
_HEAD_OF, _PRESIDENT = "head of", "President"


def _head_of_state(tokens: Sequence[Token], k: int, title: str, genitive: _Genitive) -> str:
    """The title's English before its genitive at token k: "President" for a head of a country."""
    if title != _HEAD_OF:
        return title
    country = _match_at(tokens, k, frozenset({"country"}))
    return _PRESIDENT if country is not None and not country.skip and country.entry.english == genitive.english else title


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
    j, definite, named = k, False, False
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
            named = known.entry.category == "org" and _takes_no_nationality(known.entry.english)
            continue
        if _phrase_match_at(tokens, j) is not None:
            break  # a title or a person: the chain is over
        if not definite and (j - k >= _MAX_CHAIN_OPENING or (_descriptor_english(word) and not _is_definite(word))):
            return None  # "مسؤول أمريكي": an adjective, not a construct chain ("قناة العربية" is one)
        items.append(None)
        j, definite = j + 1, definite or _is_definite(word)
    if not definite:
        return None
    # the noun a nationality after the chain may describe; a portfolio is a field, not a body
    # ("وزير النقل المصري": the Egyptian Minister of Transport)
    noun = "" if minister else tokens[j - 1].folded
    end, modifiers = _genitive_modifiers(tokens, j, head, title, noun)
    if named:  # "مدرب ريال مدريد الإسباني": coach of Real Madrid, not of Spanish Real Madrid
        modifiers = [modifier for modifier in modifiers if modifier is None]
    if None in modifiers:
        items.append(None)  # an adjective no list knows: the phrase stays as written
    genitive = _genitive_english(tokens[k:end], items, [m for m in modifiers if m is not None], keep_arabic, end)
    if genitive is None:
        return None
    after, title_adjectives = _title_nationalities(tokens, end, head, title, noun)
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
    tables = (lexicon().portfolios, lexicon().genitives) if minister else (lexicon().genitives,)
    for table in tables:
        listed = _listed_at(table, tokens, j, skip)
        if listed is not None:
            return listed
    name = _match_at(tokens, j, _GENITIVE_NAMES)
    return name if name is not None and name.skip == skip else None


def _genitive_modifiers(
    tokens: Sequence[Token], j: int, head: str, title: str, noun: str
) -> tuple[int, list[str | None]]:
    """(next token, English adjectives) of the definite adjectives after a genitive that describe
    it, not the title: "المستشفى الميداني" (the field hospital); None for a definite word no list
    knows ("الجامعة السعودية الإلكترونية")."""
    modifiers: list[str | None] = []
    while j < len(tokens) and _is_arabic_word(tokens[j]) and _is_definite(tokens[j].folded):
        english, length, nationality = _adjective_at(tokens, j)
        if nationality and _describes_title(tokens[j].folded, head, title, noun):
            break
        if _office_english(tokens[j].folded) and _agrees(tokens[j].folded, head):
            break  # "رئيس الجامعة المؤقت": the interim head, read with the title (_title_nationalities)
        if not english and _match_at(tokens, j) is not None:
            break  # a title or a person
        modifiers.append(english or None)
        j += length
    return j, modifiers


def _title_nationalities(
    tokens: Sequence[Token], j: int, head: str, title: str, noun: str
) -> tuple[int, tuple[str, ...]]:
    """(next token, English) of the nationalities from token j that describe the title (a country's
    name read as one would otherwise be read as the country: "وزيرة الصحة السعودية"), and of the
    office words that agree with it ("مدير المستشفى السابق": the former Director of the hospital)."""
    found: list[str] = []
    while j < len(tokens) and not tokens[j].is_number and _is_definite(tokens[j].folded):
        english, length, nationality = _adjective_at(tokens, j)
        office = _office_english(tokens[j].folded)
        if office and _agrees(tokens[j].folded, head):
            english, length = office, 1
        elif not (nationality and _describes_title(tokens[j].folded, head, title, noun)):
            break
        found.append(english)
        j += length
    return j, tuple(found)


def _office_english(folded: str) -> str:
    """An office holder's adjective ("السابق", "المؤقتة": former, interim) in English, else ""."""
    offices = lexicon().offices
    bare = folded[2:] if folded.startswith("ال") else folded
    return next((offices[form] for form in _listed_forms(bare, feminine=True) if form in offices), "")


def _adjective_at(tokens: Sequence[Token], j: int) -> tuple[str, int, bool]:
    """(English, tokens, whether a nationality) of an adjective at token j, or ("", 1, False): a
    listed nationality ("الكوري الجنوبي"), a country's name read as one ("السعودية"), a descriptor."""
    match = _match_at(tokens, j)
    if match is not None and match.skip == 0 and match.entry.category == "adjective":
        return match.entry.english, match.length, True
    descriptor = _descriptor_english(tokens[j].folded)
    country = match is not None and match.length == 1 and match.entry.category == "country"
    return descriptor, 1, bool(descriptor) and country


def _describes_title(adjective: str, head: str, title: str, noun: str) -> bool:
    """Whether a nationality after the genitive ``noun`` describes the title: it agrees with the
    title in gender and not with the genitive ("وزيرة الصحة الفرنسية": the French minister;
    "وزير الخارجية العراقي": the Iraqi Foreign Minister). One that agrees with both describes the
    nearer noun, the genitive ("قائد الجيش المصري": the commander of the Egyptian army); after a
    minister (``noun`` "") the title. A title with its own preposition leaves it to the genitive
    ("المتحدث باسم الخارجية الروسية": the Russian Foreign Ministry's spokesperson)."""
    if title.rsplit(" ", 1)[-1] in _OWN_PREPOSITIONS or not _agrees(adjective, head):
        return False
    return not (noun and _agrees(adjective, noun))


def _agrees(adjective: str, head: str) -> bool:
    """Whether a folded adjective has the gender of the folded noun: both feminine (ending "ه") or neither."""
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
    """Adjectives after a title or a body go before it, the last first: 'وزير الخارجية العراقي' is
    'Iraqi Foreign Minister', 'مصدر دبلوماسي مطلع' 'an informed diplomatic source', 'الجيش السوري'
    'the Syrian army'."""
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        # after a title or a body the nationality may be theirs: left where it is
        if pieces[i].category == "name" and not (out and out[-1].category in (_GOVERNING, "title", "org")):
            i = _names_with_nationality(pieces, i, out)
            continue
        end = i + 1
        if pieces[i].category in (_GOVERNING, "title", "org"):
            while end < len(pieces) and pieces[end].category in _MODIFIERS:
                end += 1
        modifiers = [piece.english for piece in reversed(pieces[i + 1 : end])]
        title = pieces[i]
        out.append(title._replace(english=_modified(title.english, modifiers)) if modifiers else title)
        i = end
    return out


def _names_with_nationality(pieces: list[_Piece], i: int, out: list[_Piece]) -> int:
    """Words no list knows from piece i, with the nationalities after them said first ("الفنانة
    ... الفلسطينية": "Palestinian ⁨الفنانة⁩"), appended to ``out``; returns the next piece."""
    end = i + 1
    while end < len(pieces) and pieces[end].category == "name":
        end += 1
    after = end
    while after < len(pieces) and pieces[after].category == "adjective":
        after += 1
    nationalities = [piece.english for piece in reversed(pieces[end:after])]
    first = pieces[i]
    out.append(first._replace(english=_modified(first.english, nationalities)) if nationalities else first)
    out.extend(pieces[i + 1 : end])
    return after


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
