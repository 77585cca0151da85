"""The event bullet in headline style: the lead's past-tense verb in the present.

Arabic news briefs, tickers and standfirsts report the day's event in the present, subject first:
the lead "قال وزير الخارجية البريطاني بوريس جونسون إن ..." is briefed as
"وزير الخارجية البريطاني بوريس جونسون يقول إن ...", and "أمر الرئيس ... بطرد 60 دبلوماسيا"
as "يأمر الرئيس ... بطرد 60 دبلوماسيا". The rewrite changes one word: the verb, for the same verb
of the same root in the present, agreeing with the same subject. Every other character, and so
every figure and quote, stays as the article wrote it.

It is deliberately timid. The verb must be a listed news verb (arabic/data/news_verbs.tsv) whose past
form cannot be read as a noun. The subject moves before the verb only when it clearly ends: at a
complementiser (إن، أن، بأن) a few words on, or at the preposition of a verb that takes no object
first ("أعرب ... عن"); and only when it holds no preposition, relative clause, time word, figure
or quote, and is singular or a listed human plural (which takes the plural verb: "مسؤولون
يقولون"). Otherwise the verb is changed in place (verb-subject order is good Arabic too). A lead
dated "yesterday", one that goes on with a second past verb, or one that may open inside a
quote keeps its past tense, and an unknown opening word leaves the sentence as it was.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from briefer.arabic.normalize import normalize
from briefer.arabic.verbs import PresentForm, news_verbs, present_forms
from briefer.backends.extractive_data import DATA_DIR
from briefer.facts.entities import lexicons

#: words between the verb and the complementiser or preposition that end a moved subject
MAX_SUBJECT_WORDS = 9
#: words from the verb within which "last ..." (الماضي) dates the event itself
PAST_TIME_WINDOW = 10

_OPENING_WORD = regex.compile(r"(\p{Arabic}+)(?=\s)")
_WORD = regex.compile(r"\S+")
_ARABIC_WORD = regex.compile(r"\p{Arabic}+")
_EDGE_PUNCTUATION = "،,؛;"
_QUOTE_MARK = regex.compile(r"[«»“”‘’]")
_CLOSING_MARKS = "»”’"
# A sentence that says when in the past keeps its past tense: "يبدأ أمس" is wrong. "Yesterday"
# dates the event wherever it stands; "last ..." only near the verb, further on it is often a
# comparison ("... منذ العام الماضي").
_YESTERDAY = regex.compile(r"(?<!\p{Arabic})(?:أمس|امس|البارحة)(?!\p{Arabic})")
_PAST_TIME = regex.compile(r"(?<!\p{Arabic})(?:الماضي|الماضية|سابقا)(?!\p{Arabic})")
# a head ending like a plural or dual that is not a listed human plural may be a name (ماكرون،
# أردوغان): the verb stays first
_PLURAL_ENDINGS = ("ون", "ين", "ان")
_VERBAL_NOUN_OPENINGS = "إاأت"  # بإعادة، باعتقال، لانتقادات، بتشكيل


@dataclass(frozen=True)
class _Words:
    """The word lists of data/headline_style.toml (what each is for is said there)."""

    complementisers: frozenset[str]
    not_in_subject: frozenset[str]
    told_to: tuple[str, ...]
    passive_pasts: frozenset[str]
    plural_heads: frozenset[str]
    waw_words: tuple[str, ...]


@cache
def _words() -> _Words:
    data = tomllib.loads((DATA_DIR / "headline_style.toml").read_text(encoding="utf-8"))
    return _Words(
        complementisers=frozenset(data["complementisers"]), not_in_subject=frozenset(data["not_in_subject"]),
        told_to=tuple(data["told_to"]), passive_pasts=frozenset(data["passive_pasts"]),
        plural_heads=frozenset(data["plural_heads"]), waw_words=tuple(data["waw_words"]),
    )


def headline_present(text: str) -> str:
    """The event sentence with its opening past-tense news verb in the present (see above)."""
    opening = _OPENING_WORD.match(text)
    verb = news_verbs().get(opening.group(1)) if opening else None
    if verb is None or _says_when_in_the_past(text) or _opens_inside_a_quote(text):
        return text
    rest = text[opening.end():]
    if _goes_on_in_the_past(rest):
        return text
    subject = _movable_subject(rest, verb)
    if subject is None:
        return verb.singular + rest
    end, plural = subject
    return f"{rest[:end].strip()} {verb.plural if plural else verb.singular} {rest[end:]}"


def _movable_subject(rest: str, verb: PresentForm) -> tuple[int, bool] | None:
    """(offset in `rest` where the subject ends, whether it is plural) when the subject clearly
    ends at a complementiser or at the verb's own preposition; None to keep the verb first."""
    words = list(_WORD.finditer(rest))[: MAX_SUBJECT_WORDS + 1]
    for position, match in enumerate(words):
        word = match.group().strip(_EDGE_PUNCTUATION)
        at_preposition = _opens_complement(word, verb.preposition)
        if position and (word in _words().complementisers or at_preposition):
            subject = [w.group().strip(_EDGE_PUNCTUATION) for w in words[:position]]
            number = _number_of(subject, feminine_verb=not verb.plural)
            if number is None or (at_preposition and not _is_one_noun_phrase(subject)):
                return None
            return match.start(), number == "plural"
        if not _may_be_in_subject(word, position):
            return None
    return None


def _opens_complement(word: str, preposition: str) -> bool:
    """The verb's own preposition: a word of its own (عن، إلى) or a clitic on a verbal noun
    ("بإعادة", "لانتقادات", "بالدوري"); not a name that happens to start with ب or ل."""
    if not preposition:
        return False
    if len(preposition) > 1:
        return word == preposition or (preposition == "إلى" and word == "الى")
    if preposition == "ل" and word.startswith("لل"):
        return True  # ل + ال is written لل: "للانتقادات"
    return word.startswith(preposition) and (word[1:3] == "ال" or word[1:2] in _VERBAL_NOUN_OPENINGS)


def _number_of(subject: list[str], feminine_verb: bool) -> str | None:
    """"singular" or "plural" for a subject that can go before the verb, else None: a plural or
    dual the verb list cannot agree with, or the source's own agreement slip."""
    head = subject[0]
    if head in _words().plural_heads:
        return None if feminine_verb else "plural"
    if head.endswith(_PLURAL_ENDINGS) or not _agrees(head, feminine_verb):
        return None
    return "singular"


def _is_one_noun_phrase(subject: list[str]) -> bool:
    """Before a preposition an object may sit between subject and verb ("... الوزير تفاصيل عن"):
    after a definite word an indefinite one starts something else, unless it is a known given
    name and what follows it ("الرئيس الأمريكي دونالد ترامب")."""
    given_names = lexicons().given_names
    seen_definite = in_name = False
    for word in subject:
        definite = word.startswith(("ال", "لل"))
        in_name = normalize(word) in given_names or (in_name and not definite)
        if seen_definite and not definite and not in_name:
            return False
        seen_definite = seen_definite or definite
    return True


def _says_when_in_the_past(text: str) -> bool:
    """The event is dated in the past: "بدأ أمس" must not become "يبدأ أمس"."""
    if _YESTERDAY.search(text):
        return True
    head = _WORD.findall(text)[:PAST_TIME_WINDOW]
    return _PAST_TIME.search(" ".join(head)) is not None


def _goes_on_in_the_past(rest: str) -> bool:
    """A second past verb joined by و ("لقي ... حتفهم وأصيب ثلاثة جنود"): in the present the lead
    would switch tense halfway, so it stays in the past."""
    forms, passives = present_forms(), _words().passive_pasts
    return any(word[0] == "و" and (word[1:] in forms or word[1:] in passives)
               for word in _WORD.findall(rest) if len(word) > 3)


def _opens_inside_a_quote(text: str) -> bool:
    """A closing mark before any opening one ("لـ»المدينة»"): the verb may sit inside a quote
    whose opening mark the sentence lost, and a quote's words are never changed."""
    first = _QUOTE_MARK.search(text)
    return first is not None and first.group() in _CLOSING_MARKS


def _may_be_in_subject(word: str, position: int) -> bool:
    words = _words()
    if not word or word in words.not_in_subject or not _ARABIC_WORD.fullmatch(word):
        return False  # a digit, a quote mark, a colon or Latin text: not a plain subject
    if word.startswith(words.told_to):
        return False  # "للصحفيين", "لوكالة", "لبي بي سي": whom it was said to, not who said it
    return not (position > 0 and word.startswith("و") and not word.startswith(words.waw_words))


def _agrees(head: str, feminine_verb: bool) -> bool:
    """A masculine verb before a feminine head ("قال وزارة") is the source's slip: moving the
    subject first would put the slip up front ("وزارة ... يقول"), so the order stays."""
    return feminine_verb or not head.endswith("ة")
