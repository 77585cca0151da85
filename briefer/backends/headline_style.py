"""The event bullet in headline style: the lead's past-tense verb in the present.

Arabic news briefs, tickers and standfirsts report the day's event in the present, subject first:
the lead "قال وزير الخارجية البريطاني بوريس جونسون إن ..." is briefed as
"وزير الخارجية البريطاني بوريس جونسون يقول إن ...", and "أمر الرئيس ... بطرد 60 دبلوماسيا"
as "يأمر الرئيس ... بطرد 60 دبلوماسيا". The rewrite changes one word: the verb, for the same verb
of the same root in the present, agreeing with the same subject. Every other character, and so
every figure and quote, stays as the article wrote it.

It is deliberately timid. The verb must be a listed news verb (arabic/data/news_verbs.tsv) whose past
form cannot be read as a noun; the subject moves before the verb only when it clearly ends at a
complementiser (إن، أن، بأن) a few words on, is singular, and holds no preposition, relative
clause, figure or quote. Otherwise the verb is changed in place (verb-subject order is good
Arabic too), and an unknown opening word leaves the sentence exactly as it was.
"""

from __future__ import annotations

import regex

from briefer.arabic.verbs import present_forms

#: words between the verb and a complementiser that a moved subject may have
MAX_SUBJECT_WORDS = 9
#: words from the verb within which "last ..." (الماضي) dates the event itself
PAST_TIME_WINDOW = 10

_OPENING_WORD = regex.compile(r"(\p{Arabic}+)(?=\s)")
_WORD = regex.compile(r"\S+")
_EDGE_PUNCTUATION = "،,؛;"
_QUOTE_MARK = regex.compile(r"[«»“”‘’]")
_CLOSING_MARKS = "»”’"
_COMPLEMENTISERS = frozenset({"إن", "أن", "بأن", "ان", "بان", "إنه", "إنها", "أنه", "أنها", "بأنه", "بأنها",
                              "إنهم", "أنهم", "بأنهم"})
# A subject never holds these: past them the words are not the subject any more.
_NOT_IN_SUBJECT = frozenset({
    "في", "على", "عن", "من", "إلى", "الى", "خلال", "أمام", "امام", "عبر", "لدى", "عقب", "بعد", "قبل",
    "أثناء", "اثناء", "حول", "مع", "منذ", "حين", "عندما", "لكن", "الذي", "التي", "الذين", "اللذان",
    "اللتان", "اللواتي", "ما", "ماذا", "لا", "لم", "لن", "قد", "كل", "أيضا", "ايضا",
    # time words: "جامعة بريطانية يوم الأربعاء تقول" puts the day inside the subject
    "اليوم", "يوم", "أمس", "امس", "مساء", "صباح", "ليلة", "الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
})
# A sentence that says when in the past keeps its past tense: "يبدأ أمس" is wrong. "Yesterday"
# dates the event wherever it stands; "last ..." only near the verb, further on it is often a
# comparison ("... منذ العام الماضي").
_YESTERDAY = regex.compile(r"(?<!\p{Arabic})(?:أمس|امس|البارحة)(?!\p{Arabic})")
_PAST_TIME = regex.compile(r"(?<!\p{Arabic})(?:الماضي|الماضية|سابقا)(?!\p{Arabic})")
# Words that open "(said) to ...": "لـ" + the listener
_TOLD_TO = ("لل", "لـ", "لبي", "لرويترز", "لوكال", "لصحيف", "لقناة", "لموقع", "لإذاع", "لاذاع", "لمراسل",
            "لجريدة", "لمجلة", "لشبكة", "لتلفزيون", "لوسائل")
# Past passives that news leads coordinate with the opening verb ("وأصيب"، "وقتل")
_PASSIVE_PASTS = frozenset({"أصيب", "اصيب", "أصيبت", "قتل", "قتلت", "جرح", "جرحت", "توفي", "توفيت", "فقد", "أسر",
                            "اعتقل", "أحيل", "نقل", "أغلق"})
# Heads of plural or dual subjects: before the verb they would need a plural verb (يقولون).
_PLURAL_ENDINGS = ("ون", "ين", "ان")
_PLURAL_HEADS = frozenset({
    "خبراء", "علماء", "أطباء", "اطباء", "شهود", "نشطاء", "ناشطون", "سكان", "عمال", "أعضاء", "اعضاء",
    "زعماء", "قادة", "وزراء", "نواب", "رجال", "نساء", "طلاب", "طلبة", "أهالي", "اهالي", "ضباط", "جنود",
    "مسؤولو", "ممثلو", "أشخاص", "اشخاص", "أفراد", "افراد", "باحثو", "قضاة", "محامو", "لاعبو",
})
# و opening a later word joins a second subject ("مسعفون وعمال إغاثة"), except in these words
_WAW_WORDS = ("وزير", "وزارة", "وزيرة", "وكالة", "ولي", "والي", "وفد", "وحدة", "وليد", "وائل", "وسائل")


def headline_present(text: str) -> str:
    """The event sentence with its opening past-tense news verb in the present (see above)."""
    opening = _OPENING_WORD.match(text)
    present = present_forms().get(opening.group(1)) if opening else None
    if present is None or _says_when_in_the_past(text) or _opens_inside_a_quote(text):
        return text
    if _goes_on_in_the_past(text[opening.end():]):
        return text
    rest = text[opening.end():]
    subject_end = _subject_end(rest, feminine_verb=present.startswith("ت"))
    if subject_end is None:
        return present + rest
    subject = rest[:subject_end].strip()
    return f"{subject} {present}{rest[subject_end:]}" if rest[subject_end:].startswith(" ") else text


def _says_when_in_the_past(text: str) -> bool:
    """The event is dated in the past: "بدأ أمس" must not become "يبدأ أمس"."""
    if _YESTERDAY.search(text):
        return True
    head = _WORD.findall(text)[:PAST_TIME_WINDOW]
    return _PAST_TIME.search(" ".join(head)) is not None


def _goes_on_in_the_past(rest: str) -> bool:
    """A second past verb joined by و ("لقي ... حتفهم وأصيب ثلاثة جنود"): in the present the lead
    would switch tense halfway, so it stays in the past."""
    forms = present_forms()
    return any(word[0] == "و" and (word[1:] in forms or word[1:] in _PASSIVE_PASTS)
               for word in _WORD.findall(rest) if len(word) > 3)


def _opens_inside_a_quote(text: str) -> bool:
    """A closing mark before any opening one ("لـ»المدينة»"): the verb may sit inside a quote
    whose opening mark the sentence lost, and a quote's words are never changed."""
    first = _QUOTE_MARK.search(text)
    return first is not None and first.group() in _CLOSING_MARKS


def _subject_end(rest: str, feminine_verb: bool) -> int | None:
    """Offset in `rest` of the complementiser that closes a movable subject, else None."""
    words = list(_WORD.finditer(rest))[: MAX_SUBJECT_WORDS + 1]
    for position, match in enumerate(words):
        word = match.group().strip(_EDGE_PUNCTUATION)
        if word in _COMPLEMENTISERS:
            subject = [w.group().strip(_EDGE_PUNCTUATION) for w in words[:position]]
            movable = subject and _is_singular_subject(subject) and _agrees(subject[0], feminine_verb)
            return match.start() - 1 if movable else None
        if not _may_be_in_subject(word, position):
            return None
    return None


def _may_be_in_subject(word: str, position: int) -> bool:
    if not word or word in _NOT_IN_SUBJECT or not regex.fullmatch(r"\p{Arabic}+", word):
        return False  # a digit, a quote mark, a colon or Latin text: not a plain subject
    if word.startswith(_TOLD_TO):
        return False  # "للصحفيين", "لوكالة", "لبي بي سي": whom it was said to, not who said it
    return not (position > 0 and word.startswith("و") and not word.startswith(_WAW_WORDS))


def _is_singular_subject(subject: list[str]) -> bool:
    head = subject[0]
    return head not in _PLURAL_HEADS and not head.endswith(_PLURAL_ENDINGS)


def _agrees(head: str, feminine_verb: bool) -> bool:
    """A masculine verb before a feminine head ("قال وزارة") is the source's slip: moving the
    subject first would put the slip up front ("وزارة ... يقول"), so the order stays."""
    return feminine_verb or not head.endswith("ة")
