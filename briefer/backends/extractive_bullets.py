"""Faithful bullet writing: source sentences in, one Arabic bullet out.

The only edits allowed are ones that cannot change a fact:

- a leading connective that ties the sentence to the previous one is trimmed
  ("وفي سياق متصل،", "كما", the و glued to "وقال");
- a speaker mentioned by a short form ("وأضاف حسين:") is named in full, with title, from the
  quote layer; a saying verb with no subject gets the speaker after it; a continuation verb
  (أضاف، تابع) at the start becomes قال so the bullet reads on its own;
- a run-on sentence is cut at a clause boundary, only where the cut-off tail holds no figure,
  no quote and no speaker mention; a full stop closes the cut;
- the line breaks of a text wrapped at a fixed width become spaces.

Figures and quotes are never touched: every character of them comes from the article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from briefer.arabic.normalize import normalize, normalize_with_map
from briefer.backends import extractive_data as data
from briefer.facts.entities import is_verb_word, leading_word_tokens, lexicons, verb_shaped
from briefer.facts.quotes import attribution_cue, document_issuer, speaker_agrees
from briefer.types import Analysis, Bullet, Quote, Sentence

MAX_WORDS = 50  # a bullet longer than this is cut at a clause boundary when that loses nothing
MIN_WORDS_BEFORE_CUT = 12

_CLAUSE_BOUNDARY = regex.compile(r"\s*[،;؛,]\s+")
_WORD = regex.compile(r"\S+")
_SEPARATOR_AFTER_CONNECTIVE = regex.compile(r"[\u064B-\u065F\u0670\u0640]*\s*[،,:]?\s+")
_CONTINUATION_VERB = regex.compile(r"(?:و|ف)?(أضاف|اضاف|تابع|استطرد|أردف|اردف)(ت?)(?=[\s:،,])")
# both used with match(text, pos): anchored at pos (a ^ would anchor at the string's start)
_SAYING_VERB = regex.compile(
    r"(?:و|ف)?(?:قال|أضاف|اضاف|تابع|أكد|اكد|أوضح|اوضح|أشار|اشار|شدد|لفت|ذكر|استطرد|أردف|اردف)ت?(?=[\s:،,])"
)
_DIGIT = regex.compile(r"\d")
_NEXT_WORD = regex.compile(r"\s+(\w+)")
#: what a saying verb introduces, whichever comes first: أن / إن, a colon or an opening quote mark
_WHAT_IS_SAID = regex.compile(r"(?<!\w)(أن|إن|بأن)(?:ه|ها|هم|هما|هن|نا|ني)?(?!\w)|[:«“\"]")
#: a preposition with a pronoun right after a saying verb: its subject may follow ('وقال عنه X')
_OBJECT_PRONOUN_PHRASES = frozenset({"عنه", "عنها", "عنهم", "له", "لها", "لهم", "فيه", "فيها", "عليه", "عليها"})
_SUBJECT_REACH = 120  # characters: a speaker's name and title fit well within it
#: an active participle of the simple verb or of a derived one: 'مازحة', 'مبتسما', 'متحدثة'
_PARTICIPLE = regex.compile(r"م\w{3,5}[ها]")
_LINE_BREAKS = regex.compile(r"[ \t]*\n[ \t]*")
_FIRST_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class _Edit:
    """Replace article.text[start:end] with text (offsets in the article)."""

    start: int
    end: int
    text: str


def bullet_from_sentences(analysis: Analysis, indexes: Sequence[int], lang: str = "ar") -> Bullet | None:
    """The faithful extractive bullet resting on exactly these sentences, in article order.

    None when there is nothing to say from them: no valid index, or the bullet would open with a
    pronoun whose referent is outside it. Deterministic; introduces no figure and no quote.
    """
    chosen = sorted({i for i in indexes if 0 <= i < len(analysis.sentences)})
    if not chosen:
        return None
    parts = [sentence_bullet_text(analysis, analysis.sentences[i]) for i in chosen]
    text = " ".join(part for part in parts if part)
    if not text or opens_with_dangling_reference(text):
        return None
    return Bullet(lang, text, sources=tuple(chosen), role=role_of(analysis, chosen), origin="extractive")


def role_of(analysis: Analysis, indexes: Sequence[int]) -> str:
    wanted = set(indexes)
    if any(q.attributed and q.sentence in wanted for q in analysis.quotes):
        return "quote"
    if any(f.sentence in wanted for f in analysis.figures):
        return "figure"
    return "context"


#: the dangling-opener patterns are anchored at the start and short: the head is enough to fold
_HEAD_CHARS = 64


def opens_with_dangling_reference(text: str) -> bool:
    return data.dangling_opener().match(normalize(text[:_HEAD_CHARS])) is not None


def sentence_bullet_text(analysis: Analysis, sentence: Sentence) -> str:
    """One sentence rewritten for a bullet (see the module docstring for the allowed edits)."""
    article = analysis.article.text
    protected = _protected_spans(analysis, sentence)
    start = sentence.start + _connective_length(sentence.text, protected, sentence.start)
    end = _clause_cut(article, start, sentence.end, protected)
    edits = _speaker_edits(analysis, sentence, start, end)
    text = _apply(article, start, end, edits)
    if end < sentence.end:
        text = text.rstrip(" ،,؛;") + "."
    return _unwrapped(text).strip()


def _unwrapped(text: str) -> str:
    """A sentence of a text wrapped at a fixed width reads on one line (arabic.segment joins the
    wrapped lines into one sentence; the line breaks inside it were only the wrap)."""
    return _LINE_BREAKS.sub(" ", text) if "\n" in text else text


# ------------------------------------------------------------------------------ connectives


def _connective_length(text: str, protected: list[tuple[int, int]], offset: int) -> int:
    """Characters to drop from the start: connectives, repeatedly ("ومن جهته، كما ...")."""
    first_protected = min((s for s, _ in protected), default=len(text) + offset) - offset
    cut = 0
    while True:
        step = _one_connective(text[cut:])
        if step == 0 or cut + step > first_protected:
            return cut
        cut += step


def _one_connective(text: str) -> int:
    folded, origin = _fold_head(text)
    match = data.leading_connective().match(folded)
    if match:
        separator = _SEPARATOR_AFTER_CONNECTIVE.match(text, origin[match.end()])
        if separator:
            return separator.end()
    return _glued_conjunction(folded, origin)


def _fold_head(text: str, length: int = 40) -> tuple[str, list[int]]:
    """The first characters folded for matching, with each folded character's offset in text
    (diacritics fold to nothing, so offsets drift without the map), plus one entry for the end."""
    head = text[:length]
    folded = normalize(head)
    if len(folded) == len(head):  # the usual case: one character for one
        return folded, list(range(len(head) + 1))
    folded, origin = normalize_with_map(head)
    return folded, [*origin, len(head)]


def _glued_conjunction(folded: str, origin: list[int]) -> int:
    """Drop a و/ف glued to a known sentence opener or a definite noun ("والحكومة")."""
    first = _FIRST_WORD.match(folded)
    word = first.group() if first else ""
    if len(word) < 3 or word[0] not in "وف":
        return 0
    rest = word[1:]
    if rest in data.sentence_openers() or (rest.startswith("ال") and len(rest) >= 5):
        return origin[1]
    return 0


# ------------------------------------------------------------------------------ speakers


def _speaker_edits(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[_Edit]:
    """Name the speaker of the sentence's first attributed quote in full."""
    quote = _first_attributed_quote(analysis, sentence, start, end)
    if quote is None or _DIGIT.search(quote.speaker):
        return []
    article = analysis.article.text
    if quote.speaker in article[start:end]:
        return _continuation_verb_edit(article, start)
    mention_inside = start <= quote.speaker_start and quote.speaker_end <= end
    if mention_inside:
        edits = _continuation_verb_edit(article, start)
        if not speaker_agrees(quote.verb, quote.speaker):
            return edits  # 'قالت النيابة' named in full must not read 'قالت بيان النيابة'
        return [*edits, _Edit(quote.speaker_start, quote.speaker_end, quote.speaker)]
    verb = _SAYING_VERB.match(article, start, end)
    if verb is None or _has_subject(analysis, article, verb.end(), end):
        return []
    speaker = _agreeing_speaker(verb.group(), quote.speaker)
    if speaker is None:
        return []
    edits = _continuation_verb_edit(article, start)
    return [*edits, _Edit(verb.end(), verb.end(), " " + speaker)]


def _agreeing_speaker(verb: str, speaker: str) -> str | None:
    """The speaker to name after a subjectless verb, agreeing with it: as resolved, or for a
    document of the other gender the body that issued it ('وقالت' + 'بيان النيابة' -> 'وقالت
    النيابة في بيان'); None when neither agrees, so the sentence stays as written."""
    if speaker_agrees(verb, speaker):
        return speaker
    issued = document_issuer(speaker)
    if issued is not None and speaker_agrees(verb, issued[0]):
        return f"{issued[0]} في {issued[1]}"
    return None


def _has_subject(analysis: Analysis, article: str, after_verb: int, end: int) -> bool:
    """Whether the word after a saying verb is its subject ('وأوضح الوزير', 'وقال المصدر', a named
    person): naming the speaker there too would give the verb two subjects, or the wrong one."""
    word = _NEXT_WORD.match(article, after_verb, end)
    if word is None:
        return False
    if word.group(1) in _OBJECT_PRONOUN_PHRASES:  # 'وقال عنه روبرت ريدفورد': the subject comes after
        return True
    if normalize(word.group(1)) in lexicons().documents:  # 'وأشارت تقارير صحفية'
        return True
    if word.group(1).startswith("ال") or any(e.start == word.start(1) for e in analysis.entities):
        return True
    return _indefinite_subject(word.group(1))


def _indefinite_subject(word: str) -> bool:
    """An indefinite noun after a saying verb is its subject ('وقالت فتاة', 'وقال شاهد عيان',
    'وقال مسؤول'): a word that is no particle or preposition ('في', 'لوكالة', 'أمس'), no verb
    ('وقال يجب', 'وأضاف سنعمل') and no adverb in the accusative ('وقال مؤخرا')."""
    norm = normalize(word)
    lex = lexicons()
    if norm in lex.stopwords or len(norm) < 3 or not norm.isalpha():
        return False
    if norm[0] in "بلك" and len(norm) > 3 and norm[1:] not in lex.anonymous:
        return False  # 'للصحفيين', 'بأن', 'كذلك': a preposition and its noun
    if norm.endswith("ا") and len(norm) > 3:
        return False  # 'مؤخرا', 'سابقا': an adverb
    if _PARTICIPLE.fullmatch(norm) and norm not in lex.anonymous and norm[:-1] not in lex.anonymous:
        return False  # 'وقالت مازحة': a participle of manner, not 'متحدثة' or 'مسؤول'
    if norm[0] in "يت" and len(norm) <= 4:
        return False  # 'يجب', 'يمكن': a short present
    token = leading_word_tokens(word, 1)
    return bool(token) and not verb_shaped(token[0]) and not is_verb_word(norm) and not attribution_cue(norm)


def _first_attributed_quote(analysis: Analysis, sentence: Sentence, start: int, end: int) -> Quote | None:
    for quote in analysis.quotes:
        if quote.attributed and quote.sentence == sentence.index and start <= quote.start and quote.end <= end:
            return quote
    return None


def _continuation_verb_edit(article: str, start: int) -> list[_Edit]:
    """"أضاف" / "تابع" opening a bullet reads as a sequel; "قال" says the same on its own."""
    verb = _CONTINUATION_VERB.match(article, start)
    if verb is None:
        return []
    # 'قال' takes إن or the quote itself; before أن ('وأضاف النوبي أن') 'ذكر' says the same
    what_follows = _WHAT_IS_SAID.search(article, verb.end(), verb.end() + _SUBJECT_REACH)
    neutral = "ذكر" if what_follows is not None and what_follows.group(1) in ("أن", "بأن") else "قال"
    return [_Edit(start, verb.end(), neutral + verb.group(2))]


def _apply(article: str, start: int, end: int, edits: list[_Edit]) -> str:
    pieces = []
    cursor = start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            continue  # overlapping edits: keep the first, the text stays faithful either way
        pieces.append(article[cursor : edit.start])
        pieces.append(edit.text)
        cursor = edit.end
    pieces.append(article[cursor:end])
    return "".join(pieces)


# ------------------------------------------------------------------------------ cutting


def _protected_spans(analysis: Analysis, sentence: Sentence) -> list[tuple[int, int]]:
    """Article spans that a cut or trim must keep: figures, quotes with their marks, speakers."""
    spans = [(f.start, f.end) for f in analysis.figures if sentence.start <= f.start < sentence.end]
    for quote in analysis.quotes:
        if quote.start < sentence.end and quote.end > sentence.start:
            spans.append((quote.start - 1, quote.end + 1))
            if quote.speaker_start >= 0:
                spans.append((quote.speaker_start, quote.speaker_end))
    return spans


def _clause_cut(article: str, start: int, end: int, protected: list[tuple[int, int]]) -> int:
    """End offset: the sentence end, or the last clause boundary that keeps every protected span
    and leaves at most MAX_WORDS words."""
    if len(_WORD.findall(article, start, end)) <= MAX_WORDS:
        return end
    last_needed = max((e for _, e in protected), default=start)
    best = end
    for boundary in _CLAUSE_BOUNDARY.finditer(article, start, end):
        words_before = len(_WORD.findall(article, start, boundary.start()))
        if boundary.start() < last_needed or words_before < MIN_WORDS_BEFORE_CUT:
            continue
        if words_before > MAX_WORDS:
            break
        best = boundary.start()
    return best
