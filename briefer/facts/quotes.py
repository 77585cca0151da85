"""Quotes and their speakers.

Three steps, each a small function:

1. ``_marked_spans``: text inside “…” «…» "…" ``…'' paired per paragraph with a stack, so nested
   quotes stay inside their outer quote and a quote running over several sentences stays one. A mark
   is classed as opening or closing by its neighbours (real feeds write ” for both); a quote left
   open ends before the narrator's next attribution (", وكتبت ...") or at the paragraph end.
2. ``_colon_spans``: unmarked speech after an attribution verb and a colon ("وقال: ..."), to the
   paragraph end, a stray closing mark, or the narrator's ", مشيرا إلى".
3. ``_speaker``: the subject of the nearest attribution verb of the clause (قال، أضاف، بحسب ...),
   resolved to the fullest name and title in the article through the entities; a definite title
   or source ("الوزير", "المصدر") to the office or description the article named before ("وزير
   الداخلية", "مصدر قضائي مصري"); a verb without a subject ("وأضاف", "وتابعت") refers back to
   the last speaker or to a person who just opened a sentence. The verb and the speaker must agree
   in gender where their forms show it ("قالت" is not said by "الوزير"). No verb, or no agreeing
   antecedent, no speaker: the quote is left unattributed rather than guessed.

Names and titles in marks (عملية “عاصفة الحزم”, صحيفة “ديلي نيوز”) are not quotes.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.verbs import present_forms, present_verbs
from briefer.facts.entities import (
    Lexicons,
    Token,
    article_facts,
    article_tokens,
    describes_title,
    ends_sentence,
    indexes_where,
    leading_word_tokens,
    lexicons,
)
from briefer.types import Entity, Quote, Sentence

_MARK = regex.compile(r"``|''|[“”«»\"„‟]")
_FAMILY = {"«": "guillemet", "»": "guillemet", "``": "backtick", "''": "backtick",
           "“": "curly", "”": "curly", "„": "curly", "‟": "curly", '"': "straight"}
_OPENS = {"«", "``"}
_CLOSES = {"»", "''"}
_OPEN_LEFT = set("([:ـ-–—/،,.؛") | {"\n"}
_CLOSE_RIGHT = set(".,،:;؛!?؟)…-–—]") | set(_FAMILY)
_SENTENCE_END = regex.compile(r"[.!?؟](?=\s)|\n")
# the narrator taking over unmarked speech (", مشيرا إلى"); the comma is a group
_NARRATOR_COMMA = regex.compile(
    r"\s*([،,])\s*(?:مشير|مبين|مؤكد|موضح|لافت|منوه|مضيف|معتبر)(?:اً|ا|ة|ين)?\b"
)
_INDIRECT_START = regex.compile(r"(?:ب?أن|ان)(?:ه|ها|هم)?\b")  # 'أنه ...' is reported speech; 'إن ...' may be direct
_OBJECT_PRONOUNS = {"فيها", "فيه", "له", "لها", "لهم", "عنه", "عنها"}
_PRONOUN_SUBJECTS = {"سموه", "معاليه", "فخامته", "سماحته"}
_AUX = {"قد", "كان", "كانت", "وكان", "وكانت", "ان", "بان", "ثم", "التي", "الذي"}
_COLON = regex.compile(r":")
_NEWLINE = regex.compile(r"\n")
_ARABIC = regex.compile(r"\p{Arabic}")
_WORD = regex.compile(r"\w+")
_PHRASE_WORDS = 5  # up to this many words embedded in a sentence: a quoted phrase
_FULL_STOPS = frozenset({".", "؟", "!", "?"})
_TEXT, _START = operator.attrgetter("text"), operator.attrgetter("start")


@dataclass(frozen=True)
class _Span:
    start: int  # of the quoted words (marks and inner spaces excluded)
    end: int
    open: int  # of the opening mark, or of the colon for an unmarked quote
    close: int  # just past the closing mark (== end when there is none)


# --------------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    from briefer.facts.entities import _data_lines

    cues: dict[str, str] = {}
    for line in _data_lines("attribution_verbs.txt"):
        kind, *forms = line.split("\t")
        for form in forms:
            cues.setdefault(normalize(form.split()[0]), kind)
    cues.update({"قوله": "verb", "قولها": "verb", "قولهم": "verb"})
    return cues


@lru_cache(maxsize=1)
def _naming_cues() -> frozenset[str]:
    from briefer.facts.entities import _data_lines

    return frozenset(normalize(w) for w in _data_lines("naming_cues.txt"))


@lru_cache(maxsize=65536)
def attribution_cue(norm_word: str) -> str:
    """'verb', 'participle' or 'prep' when a normalised word attributes speech ('وقال' -> verb)."""
    cues = _cues()
    for candidate in (norm_word, norm_word[1:] if norm_word[:1] in "وف" else "", norm_word[3:] if
                      norm_word.startswith("ثم") else ""):
        if candidate and candidate in cues:
            return cues[candidate]
    return ""


# -------------------------------------------------------------------------------- finding


def find_quotes(text: str, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    """Every quote in article order, with its speaker resolved or left '' (never guessed)."""
    tokens = article_tokens(text)
    starts = list(map(_START, tokens))
    spans = _outermost(_marked_spans(text) + _colon_spans(text, tokens, starts))
    names = _Covering([(e.start, e.end) for e in entities if e.kind in {"person", "org", "place"}])
    cues = article_facts(text, "cue")  # attribution_cue of each token
    clause_cues = _ClauseCues(tokens, cues)
    spans = [s for s in spans if not (_is_name(text, tokens, s, starts, clause_cues) or _is_entity(s, names))]
    resolver = _Resolver(text, tokens, starts, cues, entities, spans)
    sentence_of = _SentenceIndex(sentences)
    quotes = []
    for span in spans:
        speaker, speaker_start, speaker_end, anonymous, verb = resolver.speaker(span)
        quotes.append(Quote(
            text=text[span.start:span.end], start=span.start, end=span.end, speaker=speaker,
            speaker_start=speaker_start, speaker_end=speaker_end, kind=_kind(text, span),
            anonymous=anonymous, verb=verb, sentence=sentence_of(span.open),
        ))
        resolver.remember(span, speaker, speaker_start, speaker_end)
    return tuple(quotes)


def marked_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the words inside quotation marks (for other finders that must skip quotes)."""
    return [(s.start, s.end) for s in _marked_spans(text)]


def _marked_spans(text: str) -> list[_Span]:
    return list(_marked_spans_of(text))


def _paragraphs_with_marks(text: str) -> list[tuple[int, int, list[regex.Match]]]:
    """(start, end, quotation marks) of each paragraph with a mark: the others hold no quote."""
    found: list[tuple[int, int, list[regex.Match]]] = []
    for match in _MARK.finditer(text):  # no mark holds a line break: none crosses a paragraph end
        if found and match.start() < found[-1][1]:
            found[-1][2].append(match)
            continue
        end = text.find("\n", match.start())
        found.append((text.rfind("\n", 0, match.start()) + 1, len(text) if end < 0 else end, [match]))
    return found


@lru_cache(maxsize=2)
def _marked_spans_of(text: str) -> tuple[_Span, ...]:
    """The marked quotes of an article, kept for the next caller (entities, then quotes)."""
    spans: list[_Span] = []
    for para_start, para_end, marks in _paragraphs_with_marks(text):
        stack = _MarkStack()
        for match in marks:
            family = _FAMILY[match.group()]
            if _is_opening(text, match, stack):
                stack.push(family, match.start(), match.end())
                continue
            opened = stack.close(family)
            if opened is None:
                continue  # a stray closing mark: the colon quotes use it as their end
            _, open_start, open_end = opened
            spans.append(_trimmed(text, open_start, open_end, match.start(), match.end()))
        narrator = _NarratorVerbs(text, para_start, para_end) if stack else None
        for _, open_start, open_end in stack:  # never closed
            end = narrator.unclosed_end(open_end)
            spans.append(_trimmed(text, open_start, open_end, end, end))
    return tuple(s for s in spans if s.end > s.start)


class _MarkStack:
    """The quotation marks open in a paragraph, innermost last, with each family's positions kept
    aside: 'is a mark of this family open?' and 'close the innermost one' cost no pass over the
    stack, so a paragraph of unclosed marks stays linear."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int, int]] = []  # (family, mark start, mark end)
        self.by_family: dict[str, list[int]] = {}

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    def has(self, family: str) -> bool:
        return bool(self.by_family.get(family))

    def push(self, family: str, start: int, end: int) -> None:
        self.by_family.setdefault(family, []).append(len(self.items))
        self.items.append((family, start, end))

    def pop(self) -> tuple[str, int, int]:
        """Remove the innermost open mark."""
        entry = self.items.pop()
        self.by_family[entry[0]].pop()
        return entry

    def close(self, family: str) -> tuple[str, int, int] | None:
        """Remove the innermost open mark of ``family`` and every mark opened inside it; return it."""
        positions = self.by_family.get(family)
        if not positions:
            return None
        opened = positions[-1]
        entry = self.items[opened]
        while len(self.items) > opened:
            self.pop()
        return entry


def _is_opening(text: str, match: regex.Match, stack: _MarkStack) -> bool:
    mark = match.group()
    if mark in _OPENS or mark in _CLOSES:
        return mark in _OPENS
    left = text[match.start() - 1] if match.start() else "\n"
    right = text[match.end()] if match.end() < len(text) else "\n"
    left_open = left.isspace() or left in _OPEN_LEFT
    opening_like = left_open and (right.isalnum() or right in _FAMILY or right in "(")
    closing_like = (not left_open and (right.isspace() or right in _CLOSE_RIGHT)) or (
        left.isspace() and right in _CLOSE_RIGHT)
    if opening_like != closing_like:
        return opening_like
    return not stack.has(_FAMILY[mark])


_NARRATOR_TURN = regex.compile(r"[،,.؛]\s*(\p{L}+)")
_PARAGRAPH_TAIL = {".", *_FAMILY}  # left out of a quote running to its paragraph end, with the spaces


class _NarratorVerbs:
    """Where the narrator takes over in one paragraph (', وكتبت ...'), found once per paragraph
    rather than once per unclosed mark. A match cannot contain the punctuation that opens the
    next one, so the matches found from the paragraph start are those found from any later point."""

    def __init__(self, text: str, para_start: int, para_end: int):
        self.text, self.para_end = text, para_end
        self.starts = [
            match.start()
            for match in _NARRATOR_TURN.finditer(text, pos=para_start, endpos=para_end)
            if attribution_cue(normalize(match.group(1))) == "verb"
        ]

    def unclosed_end(self, content_start: int) -> int:
        """An unclosed quote ends where the narrator takes over, else at the paragraph end."""
        text = self.text
        position = bisect.bisect_left(self.starts, content_start)
        if position < len(self.starts):
            end = self.starts[position]
            while end > content_start and text[end - 1] in _FAMILY:
                end -= 1  # 'النار “مجرمون وليسوا محتجين”. وقال': the last mark closes both
            return end
        end = self.para_end
        while end > content_start and (text[end - 1].isspace() or text[end - 1] in _PARAGRAPH_TAIL):
            end -= 1
        return end


def _trimmed(text: str, open_start: int, start: int, end: int, close: int) -> _Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(start, end, open_start, close)


def _colon_spans(text: str, tokens: list[Token], starts: list[int]) -> list[_Span]:
    spans = []
    lines: dict[int, _ColonLine] = {}  # by line end: what the colons of one line share
    for colon in _COLON.finditer(text):
        line_end = text.find("\n", colon.end())
        line_end = len(text) if line_end < 0 else line_end
        start = colon.end()
        while start < line_end and text[start] in " \t":
            start += 1
        if start >= line_end or not text[start].isalpha():
            continue  # nothing on the line, or a marked quote follows (found by _marked_spans)
        if _INDIRECT_START.match(text, start) or not _cue_before(tokens, bisect.bisect_left(starts, colon.start())):
            continue
        if _MARK.search(" ".join(leading_words(text, start, line_end, 3))):
            continue  # 'معزيًا الفقيدة “...”': the marked quote right after the colon is the quote
        if line_end not in lines:
            lines[line_end] = _ColonLine(text, text.rfind("\n", 0, colon.start()) + 1, line_end)
        end = lines[line_end].quote_end(start)
        if end > start:
            spans.append(_Span(start, end, colon.start(), end))
    return spans


def leading_words(text: str, start: int, end: int, count: int) -> list[str]:
    """``text[start:end].split()[:count]`` without splitting the rest of a long line."""
    words: list[str] = []
    position = start
    while len(words) < count:
        while position < end and text[position].isspace():
            position += 1
        if position >= end:
            break
        word_end = position
        while word_end < end and not text[word_end].isspace():
            word_end += 1
        words.append(text[position:word_end])
        position = word_end
    return words


def _cue_before(tokens: list[Token], index: int, reach: int = 15) -> bool:
    for token in reversed(tokens[max(0, index - reach) : index]):
        if token.text in {".", "؟", "!", "?", ":"} or "\n" in token.text:
            return False
        if attribution_cue(token.norm) in {"verb", "participle"}:
            return True
    return False


class _ColonLine:
    """Where the unmarked speech after a colon ends, for every colon of one line.

    The speech runs to the line end, or to a closing mark whose quote it never opened, or to the
    narrator's ', مشيرا'. The marks and the narrator's words of the line are found once, and the
    walk over the marks is remembered wherever no quote is open: from such a mark the walk goes
    the same way whichever colon it started from. A long line with many colons stays linear.
    """

    def __init__(self, text: str, line_start: int, line_end: int):
        self.text, self.line_end = text, line_end
        self.marks = list(_MARK.finditer(text, line_start, line_end))
        self.mark_starts = [mark.start() for mark in self.marks]
        self.walks: dict[int, int] = {}  # mark index reached with no quote open -> end of the speech
        narrators = list(_NARRATOR_COMMA.finditer(text, line_start, line_end))
        self.narrator_starts = [match.start() for match in narrators]
        self.narrator_commas = [match.start(1) for match in narrators]

    def quote_end(self, start: int) -> int:
        end = self._marks_end(start)
        narrator = self._narrator(start, end)
        if narrator is not None:
            end = narrator
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in "."):
            end -= 1
        return end

    def _marks_end(self, start: int) -> int:
        first = bisect.bisect_left(self.mark_starts, start)
        if first and self.marks[first - 1].end() > start:  # start splits a two-character mark:
            return _ColonLine(self.text, start, self.line_end)._walk(0)  # its marks read from start
        return self._walk(first)

    def _walk(self, first: int) -> int:
        end, stack, unopened = self.line_end, _MarkStack(), []
        for k in range(first, len(self.marks)):
            if not stack:
                if k in self.walks:
                    end = self.walks[k]
                    break
                unopened.append(k)
            mark = self.marks[k]
            if _is_opening(self.text, mark, stack):
                stack.push(_FAMILY[mark.group()], mark.start(), mark.end())
            elif stack.has(_FAMILY[mark.group()]):
                stack.pop()  # the innermost, whatever its family
            else:
                end = mark.start()  # the writer closed a quote never opened: the speech ends there
                break
        for k in unopened:
            self.walks[k] = end
        return end

    def _narrator(self, start: int, end: int) -> int | None:
        """Where a search for the narrator between ``start`` and ``end`` would match: at the
        first narrator comma from ``start`` (or at ``start``, inside the spaces before that
        comma). Its words cannot run past ``end``, a mark or the line end."""
        position = bisect.bisect_left(self.narrator_commas, start)
        if position < len(self.narrator_commas) and self.narrator_commas[position] < end:
            return max(start, self.narrator_starts[position])
        return None


def _outermost(spans: list[_Span]) -> list[_Span]:
    """Quotes inside another quote belong to it."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.open, -s.close)):
        if kept and span.open < kept[-1].close and span.start >= kept[-1].open:
            continue
        kept.append(span)
    return kept


# --------------------------------------------------------------------------- names vs quotes


def _is_entity(span: _Span, names: _Covering) -> bool:
    """'مدير الفرع “سياف آل خشيل”': a name the entities found inside the marks."""
    return names.covers(span.start, span.end)


class _Covering:
    """Whether one of some spans holds a given span, by bisection: the spans sorted by start,
    with the furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest: list[int] = []
        for _, end in ordered:
            self.furthest.append(max(end, self.furthest[-1]) if self.furthest else end)

    def covers(self, start: int, end: int) -> bool:
        count = bisect.bisect_right(self.starts, start)  # the spans starting at or before start
        return count > 0 and self.furthest[count - 1] >= end


@lru_cache(maxsize=1)
def _formulas() -> frozenset[str]:
    from briefer.facts.entities import _data_lines

    return frozenset(normalize(line) for line in _data_lines("not_quotes.txt"))


def _is_name(text: str, tokens: list[Token], span: _Span, starts: list[int], clause_cues: _ClauseCues
             ) -> bool:
    """A title, brand, outlet or person written in marks, not somebody's words."""
    if span.open == span.start or text[span.open] == ":":
        return False  # unmarked speech after a colon
    words = leading_word_tokens(text[span.start:span.end], _name_words_read())
    if not words or not any(ch.isalpha() for ch in text[span.start:span.end]):
        return True
    if normalize(text[span.start:span.end]) in _formulas():
        return True
    if not _ARABIC.search(text[span.start:span.end]) and len(words) <= 3:
        return True
    if span.open and text[span.open - 1] == "ـ":  # لـ”عين اليوم” بـ”الجهوة”
        return True
    index = bisect.bisect_left(starts, span.open)
    if _named_by_cue(tokens, index, len(words)) or _is_lexicon_name(words):
        return True
    if len(words) == 1:
        return not clause_cues.before(index)
    return False


@lru_cache(maxsize=1)
def _name_words_read() -> int:
    """Words of a quote that _is_name reads: enough to tell up to four words from more, and to hold
    the longest lexicon name; a longer quote is neither a short name nor a lexicon one."""
    return max(5, lexicons().longest_phrase + 1)


def _named_by_cue(tokens: list[Token], index: int, words: int) -> bool:
    """'صحيفة “ديلي نيوز”', 'موقع التواصل الاجتماعي “تويتر”', 'بعنوان: “...”'."""
    cues, stop = _naming_cues(), lexicons().stopwords
    window = tokens[max(0, index - 6) : index]
    after_colon = bool(window) and window[-1].text == ":"
    if after_colon:  # 'بعنوان: “...”' is a title, 'على موقع تويتر: "..."' opens speech
        window = window[-2:-1]
    for distance, token in enumerate(reversed(window[-4:]), start=1):
        norm = token.norm
        if not token.is_word or attribution_cue(norm) or norm in stop:
            return False
        # 'المركبة “سبايس إكس”' names; 'في البرنامج "بهدف جمع الناس ..."' is her words
        definite_ok = distance == 1 and words <= 4
        prefixes = {"و", "ب", "ل"} | ({"ال", "وال", "بال"} if definite_ok else set())
        for candidate in (norm, norm[1:], norm[2:], norm[3:]):
            if candidate in cues and (candidate == norm or norm[: len(norm) - len(candidate)] in prefixes):
                before = window[-distance - 1] if distance < len(window) else None
                # 'وقالت الشبكة "..."': the body itself speaks; 'وذكرت صحيفة “ديلي نيوز”' names it
                speaking = "ال" in norm[: len(norm) - len(candidate)] and before is not None
                return not (speaking and attribution_cue(before.norm))
    return False


def _is_lexicon_name(words: list[Token]) -> bool:
    lex: Lexicons = lexicons()
    key = tuple(t.norm for t in words)
    if key in lex.org_names or key in lex.places:
        return True
    first = words[0].norm
    return len(words) <= 4 and (first in {"ابو", "ام", "بن", "ال"} or (first in lex.given_names and len(words) >= 2))


class _ClauseCues:
    """Whether an attribution word comes before a token in its sentence (after the last . ? !),
    answered by bisection over the article's sentence marks and attribution words."""

    def __init__(self, tokens: list[Token], cues: list[str]):
        self.tokens, self.token_cues = tokens, cues
        self.stops: list[int] | None = None  # found when first asked: most articles never ask

    def before(self, index: int) -> bool:
        if self.stops is None:
            self.stops = indexes_where(map(_FULL_STOPS.__contains__, map(_TEXT, self.tokens)))
            self.cues = indexes_where(self.token_cues)
        return _last_below(self.cues, index) > _last_below(self.stops, index)


def _last_below(indexes: list[int], bound: int) -> int:
    position = bisect.bisect_left(indexes, bound) - 1
    return indexes[position] if position >= 0 else -1


def _kind(text: str, span: _Span) -> str:
    words = len(_WORD.findall(text[span.start:span.end]))
    after_colon = text[span.open] == ":" or text[: span.open].rstrip().endswith(":")
    return "full" if words > _PHRASE_WORDS or after_colon else "phrase"


class _SentenceIndex:
    """The index of the sentence holding an offset: by bisection when the sentences are in order
    and apart (as split_sentences makes them), else the first one holding it, as a caller's own
    sentences may overlap."""

    def __init__(self, sentences: tuple[Sentence, ...]):
        self.sentences = sentences
        self.starts = [sentence.start for sentence in sentences]
        self.ordered = all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))

    def __call__(self, offset: int) -> int:
        if self.ordered:
            position = bisect.bisect_right(self.starts, offset) - 1
            if position >= 0 and offset < self.sentences[position].end:
                return self.sentences[position].index
            return -1
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return -1


# -------------------------------------------------------------------------------- speakers


class _Resolver:
    """Finds who said a quote, remembering the last speaker for 'وأضاف' and 'وتابع'."""

    def __init__(self, text: str, tokens: list[Token], starts: list[int], cues: list[str],
                 entities: tuple[Entity, ...], spans: list[_Span]):
        self.text, self.tokens, self.cues = text, tokens, cues
        self.starts = starts  # of the tokens
        self.people = sorted((e for e in entities if e.kind in {"person", "org"}), key=lambda e: e.start)
        self.by_start = {e.start: e for e in self.people}
        self.by_end = {e.end: e for e in self.people}
        self.places = {e.start: e for e in entities if e.kind == "place" and _names_a_place(e.text)}
        self.spans = spans
        self.last: tuple[str, int, int, int] | None = None  # speaker, its span, end of that quote
        self.lex = lexicons()
        # Indexes so that each quote costs a bisection, not a pass over the article: the spans
        # are in order and apart (see _outermost), the people in order of their starts.
        self.span_opens = [span.open for span in spans]
        self.span_closes = [span.close for span in spans]
        self.people_starts = [e.start for e in self.people]
        self.people_ends = [e.end for e in self.people]
        self.people_apart = all(a.end <= b.start for a, b in zip(self.people, self.people[1:]))
        self.breaks = self._sentence_breaks()
        self._openers: _Latest | None = None  # built when first needed
        self._agreeing: dict[str, _Latest] = {}  # verb gender -> the antecedents agreeing with it
        self._windows: dict[int, dict[str, list[int]]] = {}
        self._by_norm: dict[str, list[int]] | None = None  # token norm -> its indexes, built when first needed
        self._named: frozenset[str] | None = None  # the canonicals of the people, built when first needed
        self.latest_subject: _Latest | None = None  # none while the subjects are being found
        self.subjects = self._attribution_subjects()
        self.latest_subject = _Latest(self.subjects)

    def _attribution_subjects(self) -> list[tuple[int, tuple[str, int, int, bool]]]:
        """(offset, speaker) for every 'وقال X' / 'X قال' outside quotes: antecedents for 'وأضاف'."""
        found = []
        for k in indexes_where(map("verb".__eq__, self.cues)):
            if self._in_quote(self.tokens[k].start):
                continue
            subject = (self._place_after(k, _verb_gender(self.tokens[k].norm, "verb"))
                       or self._subject_after(k + 1, skip=_OBJECT_PRONOUNS) or self._subject_before(0, k))
            if subject:
                found.append((subject[1], subject))
        return found

    def _in_quote(self, offset: int) -> bool:
        position = bisect.bisect_right(self.span_opens, offset) - 1
        return position >= 0 and offset < self.span_closes[position]

    def _sentence_breaks(self) -> list[int]:
        """The indexes, in order, of the tokens that end a sentence: a final mark, or a token with
        a line break after it (tokens hold no spaces: a break belongs to the token before it)."""
        marks = set(indexes_where(map(_FULL_STOPS.__contains__, map(_TEXT, self.tokens))))
        for newline in _NEWLINE.finditer(self.text):
            before = bisect.bisect_right(self.starts, newline.start()) - 1
            if before >= 0:
                marks.add(before)
        return sorted(marks)

    def _last_break_before(self, index: int) -> int:
        position = bisect.bisect_left(self.breaks, index) - 1
        return self.breaks[position] if position >= 0 else -1

    def remember(self, span: _Span, speaker: str, start: int, end: int) -> None:
        if speaker:
            self.last = (speaker, start, end, span.close)

    # a result: speaker, speaker_start, speaker_end, anonymous, verb
    def speaker(self, span: _Span) -> tuple[str, int, int, bool, str]:
        first = self._index(span.open)
        clause = self._clause_start(first)
        cue = self._cue_in(clause, first) or self._cue_after(span)
        if cue is None:  # '... إن هذا “الاكتشاف المذهل” سيدخل “السعادة في قلوب”': one verb for both
            clause = self._clause_start(first, past_quotes=False)
            cue = self._cue_in(clause, first)
        if cue is None:
            return "", -1, -1, False, ""
        index, kind = cue
        verb = self.tokens[index].text
        gender = _verb_gender(self.tokens[index].norm, kind)
        if kind == "prep":
            found = self._subject_after(index + 1, skip={"عن", "ما", "لما"})
        elif kind == "participle":
            found = self._first_in_clause(clause, index) or self._from_verb(clause, index)
        elif self.tokens[index].norm.startswith("قول"):
            found = self._reported_by(clause, index)
        else:
            found = self._place_after(index, gender) or self._from_verb(clause, index + 1, verb_index=index)
        if kind != "prep" and (not found or not self._agrees(found[0], gender)):
            # 'وقالت' after a man was named: the verb agrees with its speaker, so look further back
            found = self._pronoun(span.open, gender)
        if not found:
            return "", -1, -1, False, verb
        name, start, end, anonymous = found
        return name[: _speaker_length(name)], start, start + _speaker_length(self.text[start:end]), anonymous, verb

    # ---------------------------------------------------------------------- the cue
    def _index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def _clause_start(self, index: int, past_quotes: bool = True) -> int:
        """Token index where the sentence holding tokens[index] begins (not before an earlier quote)."""
        offset = self.tokens[index].start if index < len(self.tokens) else len(self.text)
        floor = 0
        if past_quotes:
            closed = bisect.bisect_right(self.span_closes, offset)
            floor = self.span_closes[closed - 1] if closed else 0
        before_floor = min(bisect.bisect_left(self.starts, floor), index) - 1  # last token starting before it
        return max(self._last_break_before(index), before_floor) + 1

    def _cue_in(self, clause: int, first: int) -> tuple[int, str] | None:
        for k in range(first - 1, clause - 1, -1):
            kind = attribution_cue(self.tokens[k].norm)
            if kind:
                return k, kind
        return None

    def _cue_after(self, span: _Span) -> tuple[int, str] | None:
        """'“...”، قال الوزير' or '“...” بحسب المصدر'."""
        k = self._index(span.close)
        for token_index in range(k, min(k + 3, len(self.tokens))):
            token = self.tokens[token_index]
            if token.text in {".", "؟", "!", "?"} or "\n" in self.text[span.close:token.start]:
                return None
            kind = attribution_cue(token.norm)
            if kind in {"verb", "prep"}:
                return token_index, kind
        return None

    # ---------------------------------------------------------------------- the subject
    def _from_verb(self, clause: int, after: int, verb_index: int | None = None):
        found = self._subject_after(after, skip=_OBJECT_PRONOUNS)
        if found:
            return found
        if verb_index is not None:
            return self._subject_before(clause, verb_index)
        return None

    def _subject_after(self, k: int, skip: set[str]):
        while k < len(self.tokens) and (self.tokens[k].norm in skip or self.tokens[k].text in _FAMILY):
            k += 1
        if k >= len(self.tokens) or not self.tokens[k].is_word:
            return None
        token = self.tokens[k]
        if token.norm in self.lex.documents and not token.norm.startswith("ال") and not self._writes(k):
            # 'وأضاف بيان النيابة': the document, with its issuer ('وأضاف البيان' refers back to
            # the body that issued it, found as for any subject)
            return self._description(k, anonymous=False)
        entity = self.by_start.get(token.start)
        if entity:
            return entity.canonical, entity.start, entity.end, False
        if token.norm in _PRONOUN_SUBJECTS:
            return None
        named = self._named_in_apposition(k)
        if named is not None:
            return named
        if token.norm.startswith("ال") and token.norm not in self.lex.stopwords:
            found = self._definite(k)
            if found:
                return found
        if self._anonymous_head(token):
            return self._description(k, anonymous=True)
        if (token.norm,) in self.lex.titles:  # 'ووصف حاخام الحائط العمل': a title without a name
            return self._referred_back(k) or self._description(k, anonymous=False)
        return None

    def _named_in_apposition(self, k: int):
        """'ووصفه حماه، الأمير أندرو، بأنه': a noun with a possessive ('حماه', 'شقيقتها'), which
        names nobody, then a comma and the person it is: that person says it."""
        token = self.tokens[k]
        if not token.text.endswith(("ه", "ها", "هم")) or k + 2 >= len(self.tokens):
            return None
        if self.tokens[k + 1].text not in {"،", ","}:
            return None
        entity = self.by_start.get(self.tokens[k + 2].start)
        if entity is None or entity.kind != "person":
            return None
        # the fullest form when it ends on the same name; a longer phrase holding the name
        # elsewhere ('... للأمير أندرو وسارة') is somebody else's mention of it
        same = entity.canonical.split()[-1:] == entity.text.split()[-1:]
        return entity.canonical if same else entity.text, entity.start, entity.end, False

    def _referred_back(self, k: int):
        """'وسجل هازارد 7 أهداف ... وقال اللاعب البالغ من العمر 27 عاما': a title of no office
        without a name (data/plain_titles.tsv) names no new person but one named before: the
        last introduced with that title ('الممثلة كيرا نايتلي'), else the one a verb without a
        subject would get, of the title's gender, if a person was named; None for a title with
        an adjective, which describes its own ('اللاعب السويسري'), and for any other title
        ('ووصف حاخام الحائط': an office alone may be somebody not named yet). An adjective of fame
        ('وأكد النجم الشهير', data/speaker_edges.tsv) describes the one named before all the same."""
        token = self.tokens[k]
        if token.norm not in self.lex.plain_titles or self.latest_subject is None:
            return None  # (while the subjects are being found, one is recorded as written)
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        if (after is not None and describes_title(after, token.norm.endswith("ه"), self.lex)
                and after.norm not in _speaker_edges()["renown"]):
            return None  # 'وقال اللاعب السويسري' after 'اللاعب الأمريكي أندريه أغاسي': another one
        if self.people_apart:
            titled = self._latest_introduced(token.norm, bisect.bisect_right(self.people_ends, token.start))
        else:
            titled = self._latest_introduced_slowly(token.norm, k)
        if titled is not None:  # 'وقالت الممثلة' after 'الممثلة كيرا نايتلي'
            return titled.canonical, token.start, token.end, False
        found = self._pronoun(token.start, _speaker_gender(token.text, self.lex))
        # a person named, not a description ('متحدث باسم البيت الأبيض' is not 'الممثل')
        return found if found is not None and found[0] in self._named_people() else None

    def _named_people(self) -> frozenset[str]:
        if self._named is None:
            self._named = frozenset(e.canonical for e in self.people if e.kind == "person")
        return self._named

    def _writes(self, k: int) -> bool:
        """Whether tokens[k] is the object of a verb of writing or issuing ('وكتبت تغريدة')."""
        if k == 0:
            return False
        norm = self.tokens[k - 1].norm
        writes = _speaker_edges()["writes"]
        return norm in writes or (norm[:1] in "وف" and norm[1:] in writes)

    def _place_after(self, verb: int, gender: str):
        """'وقالت واشنطن', 'وتقول الرياض': a place right after a feminine saying verb is its
        subject, the capital or country standing for its government (a masculine verb after a
        place is no saying of it: 'وقال الأمريكي' is somebody else)."""
        if gender != "F" or verb + 1 >= len(self.tokens):
            return None
        after = verb + 1
        if _is_appositive(self.tokens[after].norm) and after + 1 < len(self.tokens):
            after += 1  # 'وقالت حليفتها روسيا': the ally is the place named after it
        place = self.places.get(self.tokens[after].start)
        if place is None:
            return None
        return place.text, place.start, place.end, False

    def _reported_by(self, clause: int, cue: int):
        """'نقلت رويترز عن مدير المهرجان قوله': the speaker follows the last 'عن' before 'قوله'."""
        for k in range(cue - 1, clause - 1, -1):
            if self.tokens[k].norm == "عن":
                return self._subject_after(k + 1, skip=set())
        return None

    def _subject_before(self, clause: int, verb_index: int):
        k = verb_index - 1
        while k >= clause and self.tokens[k].norm in _AUX:
            k -= 1
        if k < clause:
            return None
        entity = self.by_end.get(self.tokens[k].end)
        if entity:
            return entity.canonical, entity.start, entity.end, False
        if self._anonymous_head(self.tokens[k]):
            return self._description(k, anonymous=True)
        return None

    def _first_in_clause(self, clause: int, until: int):
        position = bisect.bisect_left(self.people_starts, self.tokens[clause].start)
        if position < len(self.people) and self.people_starts[position] < self.tokens[until].start:
            entity = self.people[position]
            return entity.canonical, entity.start, entity.end, False
        return None

    def _anonymous_head(self, token: Token) -> bool:
        norm = token.norm
        bare = norm[2:] if norm.startswith("ال") else norm[1:] if norm[:1] == "و" else norm
        return norm in self.lex.anonymous or bare in self.lex.anonymous

    def _description(self, k: int, anonymous: bool):
        """'مسؤول دفاعي أمريكي كبير طلب عدم نشر اسمه' as written, up to the words that end it."""
        end, head = k + 1, self.tokens[k].norm
        while end < len(self.tokens) and end - k < 8:
            token = self.tokens[end]
            if not (token.is_word or token.text == "@") or attribution_cue(token.norm):
                break
            if token.norm in self.lex.stopwords and token.norm not in {"عن"}:
                break
            if (token.norm.startswith("ل") and len(token.norm) > 3 and token.norm[:3] != "لاي"
                    and head not in self.lex.documents):
                break  # 'مسؤول لبي بي سي' spoke to it; 'بيان القيادة العامة للجيش' is the army's
            if self._description_ends(k, end, anonymous):
                break
            end += 1
        start, stop = self.tokens[k].start, self.tokens[end - 1].end
        if ends_sentence(self.tokens[end - 1].text):
            stop -= 1  # the tokenizer keeps a full stop on its word: 'مسؤول كوري جنوبي.'
        words = self.text[start:stop]
        if words[:1] == "و" and normalize(words[1:].split()[0]) in self.lex.anonymous:
            start, words = start + 1, words[1:]
        return words, start, stop, anonymous

    def _description_ends(self, k: int, end: int, anonymous: bool) -> bool:
        """Whether tokens[end] cannot go on the description opened at tokens[k]: the sentence or
        line ended before it ('مسؤول كوري جنوبي.⏎وكان'), the head takes no complement ('البعض
        الأغنية'), it is a verb or opens a clause ('بعض الرجال المسلمين يقيمون', 'إنهم', 'كيف'),
        or, in an indefinite source's description, a bare noun after a definite one ('بعض المعلقين
        خدمة الإسعاف'; but 'طلب عدم نشر اسمه' goes on one; 'الناشط عماد' is a title and name)."""
        tokens, edges = self.tokens, _speaker_edges()
        previous, norm = tokens[end - 1], tokens[end].norm
        if ends_sentence(previous.text) or "\n" in self.text[previous.end : tokens[end].start]:
            return True
        head = tokens[k].norm
        if head in edges["whole"] or (head[:1] == "و" and head[1:] in edges["whole"]):
            return True
        if norm in edges["clause"]:
            return True
        if norm[:1] == "و" and tokens[end].text.endswith(("ه", "ها", "هم")) and len(norm) > 4:
            return True  # 'النجم الشهير وشقيقه فرانك': another noun phrase joined on, with its pronoun
        if norm in edges["issued"] and head in self.lex.documents:
            return False  # 'بيان صادر عن الوزارة': the body that issued it follows
        if _is_verb(norm):
            return True
        return (anonymous and not head.startswith("ال") and previous.norm.startswith("ال") and not norm.startswith(("ال", "وال"))
                and norm[:1] not in "بلك" and not norm.isdigit() and norm not in edges["anonymity"]
                and norm not in {"عن", "باسم"} and norm not in self.lex.given_names)

    def _definite(self, k: int):
        """'الشبكة' or 'المقيم': the person or body the article introduced with that word; 'المصدر':
        the source it described with the word before ('مصدر قضائي مصري'), which comes first, as a
        body named near that description ('لبي بي سي') is not the source."""
        bare = self.tokens[k].norm[2:]
        if self.tokens[k].norm in self.lex.documents:
            introduced = self._document_before(k, bare)
            if introduced is not None:
                return introduced
        anonymous = self._anonymous_head(self.tokens[k])
        if anonymous:
            earlier = self._mentioned_before(k, bare, anonymous)
            if earlier is not None:
                return earlier
        if self.people_apart:
            found = self._latest_introduced(bare, bisect.bisect_right(self.people_ends, self.tokens[k].start))
        else:  # a caller's own entities may overlap: look at each
            found = self._latest_introduced_slowly(bare, k)
        if found is not None:
            return found.canonical, self.tokens[k].start, self.tokens[k].end, False
        if anonymous:
            return self._description(k, anonymous=True)
        if (bare,) in self.lex.titles:
            return self._mentioned_before(k, bare, anonymous)
        return None

    def _document_before(self, k: int, bare: str):
        """'وقال التقرير': the document the article introduced with the same word and its issuer
        ('وأوضح تقرير صادر عن اللجنة'), named as there; None when it named no issuer, so that
        'التقرير' is not read as whoever spoke last."""
        earlier = self._latest_of((bare, "و" + bare), k)
        if earlier < 0:
            return None
        described, _start, _end, _ = self._description(earlier, anonymous=False)
        if self.tokens[earlier].norm != bare:
            described = described[1:]  # 'وتقرير': without the و glued on
        if document_issuer(described) is None:
            return None  # 'بيان له', 'دراسة ملخصها': no body named
        return described, self.tokens[k].start, self.tokens[k].end, False

    def _mentioned_before(self, k: int, bare: str, anonymous: bool):
        """'وأوضح الوزير', 'وأضاف المتحدث': the one the article introduced with the same word
        without the article ('وقال وزير الداخلية', 'وقال متحدث باسم وايمو'), named as there."""
        earlier = self._latest_of((bare, "و" + bare), k)
        if earlier < 0:
            return None
        if anonymous:
            described, _start, _end, _ = self._description(earlier, anonymous=True)
            if described[:1] == "و" and self.tokens[earlier].norm != bare:
                described = described[1:]
            return described, self.tokens[k].start, self.tokens[k].end, True
        return self._office(earlier, k, bare)

    def _latest_of(self, norms: tuple[str, ...], k: int) -> int:
        """The index of the last token before tokens[k] whose normalised form is one of ``norms``,
        else -1: by bisection in an index built once, so an article repeating 'الوزير' with no
        'وزير' before it costs no scan back to its start for each mention."""
        if self._by_norm is None:
            self._by_norm = {}
            for index, token in enumerate(self.tokens):
                self._by_norm.setdefault(token.norm, []).append(index)
        latest = -1
        for norm in norms:
            positions = self._by_norm.get(norm, ())
            found = bisect.bisect_left(positions, k) - 1
            if found >= 0:
                latest = max(latest, positions[found])
        return latest

    def _office(self, title: int, mention: int, bare: str):
        """'وزير الداخلية' as written from tokens[title], up to its last definite word."""
        end = title + 1
        words = self.tokens
        while end < mention and words[end].norm.startswith("ال") and words[end].norm not in self.lex.stopwords:
            end += 1
        if end == title + 1:
            return None
        start = self.tokens[title].start + (self.tokens[title].norm != bare)  # without a و glued on
        office = self.text[start : self.tokens[end - 1].end]
        return office, self.tokens[mention].start, self.tokens[mention].end, False

    def _latest_introduced(self, bare: str, before: int) -> Entity | None:
        """Of the first ``before`` people, the latest whose first word is ``bare``, else the latest
        with ``bare`` among the six words before it (the body named with the word itself first)."""
        if not bare:
            return None
        for reach in (0, 6):
            holders = self._window_index(reach).get(bare, [])
            position = bisect.bisect_left(holders, before) - 1
            if position >= 0:
                return self.people[holders[position]]
        return None

    def _latest_introduced_slowly(self, bare: str, k: int) -> Entity | None:
        earlier = [e for e in reversed(self.people) if e.end <= self.tokens[k].start]
        for reach in (0, 6):
            for entity in earlier:
                first = self._index(entity.start)
                window = [t.norm for t in self.tokens[max(0, first - reach) : first + 1]]
                if bare and bare in window:
                    return entity
        return None

    def _window_index(self, reach: int) -> dict[str, list[int]]:
        """Word -> the people (by position) whose first word, or one up to ``reach`` words before
        it, is that word."""
        if reach not in self._windows:
            index: dict[str, list[int]] = {}
            for position, entity in enumerate(self.people):
                first = self._index(entity.start)
                for word in {t.norm for t in self.tokens[max(0, first - reach) : first + 1]}:
                    index.setdefault(word, []).append(position)
            self._windows[reach] = index
        return self._windows[reach]

    def _pronoun(self, offset: int, gender: str = ""):
        """A verb without a subject ('وأضاف', 'وتابعت'): the first person earlier in its sentence,
        else the latest explicit subject of an attribution, last speaker or person opening a
        sentence; each only if it agrees with the verb's gender ('وقالت' is not a man's)."""
        clause = self._clause_start(self._index(offset), past_quotes=False)
        clause_start = self.tokens[clause].start if clause < len(self.tokens) else offset
        position = bisect.bisect_left(self.people_starts, clause_start)
        while position < len(self.people) and self.people_starts[position] < offset:
            entity = self.people[position]
            if entity.kind == "person" and self._agrees(entity.canonical, gender):
                return entity.canonical, entity.start, entity.end, False
            position += 1
        # 'وأوضح الوزير أن ... مشيرا إلى أن «...»': with no person named in the sentence, the
        # subject of a saying verb earlier in it says the quote, once resolved to more than the
        # bare word ('وزير الداخلية'; a bare 'العارضة' is no better than the antecedents below)
        in_clause = self.latest_subject.before(offset)
        if (in_clause is not None and in_clause[0] >= clause_start and " " in in_clause[1][0]
                and self._agrees(in_clause[1][0], gender)):
            return in_clause[1]
        # the latest antecedent before the clause: an attribution's subject, a person opening a
        # sentence, or the last speaker (on a tie, the first of these kinds wins)
        best = None
        subject, opener = self.latest_subject.before(clause_start), self._sentence_openers().before(clause_start)
        for candidate in (subject, opener):
            if candidate is not None and (best is None or candidate[0] > best[0]):
                best = candidate
        if self.last and self.last[3] <= clause_start and (best is None or self.last[3] > best[0]):
            best = (self.last[3], (self.last[0], self.last[1], self.last[2], False))
        if best is None:
            return self._recent_person(offset, gender)
        if not self._agrees(best[1][0], gender):
            return self._agreeing_before(best[0], offset, gender)
        return best[1]

    def _agreeing_before(self, bound: int, offset: int, gender: str):
        """The nearest antecedent before ``bound`` (an attribution's subject or a person opening a
        sentence) whose form shows the verb's gender, in the paragraph of ``offset``: 'وأضافت'
        after the man who spoke after her is still hers. Passing over a nearer antecedent is
        safe only past those that show the other gender: the nearest one that shows none
        ('أبحاث', a name alone) may be the speaker as well, so none is chosen; nor past the
        paragraph's start, where an antecedent is a guess. By bisection in the antecedents that
        do not disagree, found once per gender."""
        if gender not in self._agreeing:
            pairs = [*self.subjects, *self._sentence_openers().pairs]
            self._agreeing[gender] = _Latest([pair for pair in pairs if self._agrees(pair[1][0], gender)])
        found = self._agreeing[gender].before(bound)
        if found is None or found[0] <= self.text.rfind("\n", 0, offset):
            return None
        if _speaker_gender(found[1][0], self.lex) != gender:
            return None
        return found[1]

    def _agrees(self, speaker: str, gender: str) -> bool:
        """Whether a speaker may be the subject of a verb of that gender ('' agrees with all)."""
        if not gender:
            return True
        theirs = _speaker_gender(speaker, self.lex)
        return not theirs or theirs == gender

    def _sentence_openers(self) -> _Latest:
        if self._openers is None:
            self._openers = _Latest([(e.start, (e.canonical, e.start, e.end, False)) for e in self.people
                                     if e.kind == "person" and self._opens_sentence(e)])
        return self._openers

    def _recent_person(self, offset: int, gender: str = ""):
        """Last resort for a subjectless verb: the person named last in this or the previous paragraph."""
        paragraph = self.text.rfind("\n", 0, self.text.rfind("\n", 0, offset))
        position = bisect.bisect_left(self.people_starts, offset) - 1
        while position >= 0 and self.people_starts[position] > paragraph:
            entity = self.people[position]
            if entity.kind == "person" and self._agrees(entity.canonical, gender):
                return entity.canonical, entity.start, entity.end, False
            position -= 1
        return None

    def _opens_sentence(self, entity: Entity) -> bool:
        index = self._index(entity.start)
        return index - self._clause_start(index) <= 2


_SPEAKER_WORD = regex.compile(r"\S+")


_NISBA = regex.compile(r"\w+ي(?:ين|ون|ان)?")


def _names_a_place(text: str) -> bool:
    """A place's own name ('واشنطن', 'الرياض'), not a nationality adjective of the list
    ('الأمريكي', 'الفلسطينيين'), which names a person or qualifies a noun, never a government."""
    return " " in text or not _NISBA.fullmatch(normalize(text))


@lru_cache(maxsize=65536)
def _is_verb(norm: str) -> bool:
    """A news verb, past or present ('أعلن', 'يقيمون'), or a word of the present's shape: in a
    description, a word opening on ي after the head is a verb ('يقيمون', 'يرى'), not a noun."""
    lex = lexicons()
    if norm in lex.name_like or norm in lex.given_names:
        return False
    return norm in _news_verbs() or (norm[:1] == "ي" and len(norm) >= 4)


@cache
def _news_verbs() -> frozenset[str]:
    """The news verbs, past and present, normalised (not the nouns that also end a name)."""
    return frozenset(normalize(w) for w in (*present_forms(), *present_verbs()))


_POSSESSIVE = regex.compile(r"(?:ها|هما|هم|ه)$")


def _is_appositive(norm: str) -> bool:
    """A noun with a possessive that a place's name may follow in apposition ('حليفتها',
    'جارتها', 'نظيرتها'; data/speaker_edges.tsv), its ت read as the ة it stands for."""
    stem = _POSSESSIVE.sub("", norm)
    if stem == norm or len(stem) < 3:
        return False
    if stem.endswith("ت"):
        stem = stem[:-1] + "ه"
    return stem in _speaker_edges()["appositive"]


def speaker_agrees(verb: str, speaker: str) -> bool:
    """Whether a speaker may be the subject of a saying verb as written ('قالت' and 'بيان
    النيابة' do not agree; 'قالت' and 'واشنطن' do); where either form shows no gender, yes."""
    norm = normalize(verb)
    gender = _verb_gender(norm, attribution_cue(norm) or "verb")
    theirs = _speaker_gender(speaker, lexicons())
    return not gender or not theirs or gender == theirs


def document_issuer(speaker: str) -> tuple[str, str] | None:
    """('النيابة العامة', 'بيان') for 'بيان النيابة العامة' or 'بيان صادر عن النيابة العامة': the
    body that issued a document speaking, and the document; None for any other speaker."""
    words = speaker.split()
    if len(words) < 2 or normalize(words[0]) not in lexicons().documents:
        return None
    rest = words[1:]
    if normalize(rest[0]) in _speaker_edges()["issued"] and len(rest) > 2 and normalize(rest[1]) in {"عن", "من"}:
        rest = rest[2:]  # 'صادر عن'
    if not normalize(rest[0]).startswith("ال") and (normalize(rest[0]),) not in lexicons().org_names:
        return None  # 'بيان رسمي', 'تقرير جديد': no body named
    return " ".join(rest), words[0]


def _verb_gender(norm: str, kind: str) -> str:
    """'F' or 'M' for a saying verb or participle whose form shows it ('قالت', 'مضيفة', 'تقول',
    'قولها'; 'قال', 'مضيفا', 'يقول', 'قوله'), else ''. Normalised: ة is written ه."""
    word = norm[1:] if norm[:1] in "وف" and len(norm) > 3 else norm
    if kind == "prep" or len(word) < 3:
        return ""
    if word.startswith("قول"):
        return "F" if word.endswith("ها") else "M" if word.endswith("ه") else ""
    if kind == "participle":
        return "F" if word.endswith("ه") else "M" if word.endswith("ا") else ""
    if word.endswith(("وا", "ون", "ن")):
        return ""  # a plural ('قالوا', 'يقولون'): people of either gender
    if word[0] == "ت":  # 'تقول' (she says), or a past that opens on ت itself ('تابع', 'تساءل')
        return "F" if word in _feminine_presents() else ""
    if word[0] == "ي":
        return "M"
    return "F" if word.endswith("ت") else "M"


@cache
def _feminine_presents() -> frozenset[str]:
    """The feminine singular presents of the news verbs ('تقول', 'تضيف'), normalised."""
    return frozenset(normalize(form) for past, form in present_forms().items() if past.endswith("ت"))


def _speaker_gender(speaker: str, lex: Lexicons) -> str:
    """'F' or 'M' when a speaker's title shows it ('الوزيرة', 'رئيسة الوزراء'; 'الوزير'), 'F' for
    a masculine title with a feminine nationality ('رئيس الوزراء البريطانية تيريزا ماي'); a
    document's own gender ('بيان' M, 'رسالة' F); 'F' for a place ('واشنطن'); '' for a name
    alone, a body, a group or a title both genders bear ('البروفيسور')."""
    words = [normalize(w).strip("،,") for w in speaker.split()]
    if not words:
        return ""
    if words[0] in lex.documents:  # 'بيان النيابة' takes 'قال', 'رسالة الوزارة' takes 'قالت'
        return lex.documents[words[0]]
    if tuple(words) in lex.places and _names_a_place(speaker):
        return "F"  # 'وقالت واشنطن': a city or a country takes the feminine verb
    first = words[0][1:] if words[0][:1] == "و" and (words[0][1:],) in lex.titles else words[0]
    if (first,) not in lex.titles:
        return ""
    # a feminine nationality right after the title's complement, which it cannot describe
    # ('الوزراء البريطانية'; but 'الخارجية الأمريكية' agrees with its noun, and 'في المكتبة
    # البريطانية' further on describes a place)
    if first.endswith("ه") or any(
            w.endswith("يه") and (w,) in lex.places and not before.endswith("ه")
            for before, w in zip(words[:2], words[1:3])):
        return "F"
    # masculine only where the list has a feminine form beside it ('الوزير'/'الوزيرة'):
    # 'البروفيسور' and 'الدكتور' title women too
    return "M" if (first + "ه",) in lex.titles else ""


@lru_cache(maxsize=1)
def _speaker_edges() -> dict[str, frozenset[str]]:
    """The word lists of data/speaker_edges.tsv, folded, by kind."""
    from briefer.facts.entities import _data_lines

    edges: dict[str, set[str]] = {}
    for line in _data_lines("speaker_edges.tsv"):
        kind, word = line.split("\t")
        edges.setdefault(kind, set()).add(normalize(word))
    return {kind: frozenset(words) for kind, words in edges.items()}


@lru_cache(maxsize=4096)  # a speaker is named again and again: Ministers, spokesmen
def _speaker_length(speaker: str) -> int:
    """How much of a speaker as found is the speaker: up to the first word, after the first, that
    begins what follows the name ('في بيان', 'لموقع', 'بتغريدة', 'قائلا', 'الأسبوع الماضي')."""
    words = list(_SPEAKER_WORD.finditer(speaker))
    norms = [normalize(word.group()).rstrip(".،,") for word in words]
    for i in range(1, len(words)):
        if _ends_speaker(norms, i):
            return len(speaker[: words[i].start()].rstrip(" \n،,"))
    return len(speaker)


def _ends_speaker(norms: list[str], i: int) -> bool:
    edges = _speaker_edges()
    word = norms[i]
    if word in edges["prep"]:  # 'في مستهل الاجتماع', 'خلال مؤتمر صحفي'; not 'النائب عن حزب'
        following = _without_article(norms[i + 1]) if i + 1 < len(norms) else ""
        return following in edges["occasion"] or following in edges["time"]
    if word in edges["time"] or word in edges["manner"]:
        return True
    if word[:1] == "ل" and (word == "ل" or _without_article(word[1:]) in edges["media"]):
        return True  # 'قال ... لـ', 'لموقع', 'لإذاعة'
    return word[:1] == "ب" and _without_article(word[1:]) in edges["occasion"]  # 'بتغريدة', 'بتصريحات'


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


class _Latest:
    """Of (position, value) pairs, the one with the greatest position below a bound, the first
    given on a tie (as ``max`` over the pairs in their order would choose), by bisection."""

    def __init__(self, pairs: list[tuple[int, tuple]]):
        self.pairs = pairs
        first_at: dict[int, tuple[int, tuple]] = {}
        for position, value in pairs:
            first_at.setdefault(position, (position, value))
        self.positions = sorted(first_at)
        self.first_at = first_at

    def before(self, bound: int) -> tuple[int, tuple] | None:
        index = bisect.bisect_left(self.positions, bound) - 1
        return self.first_at[self.positions[index]] if index >= 0 else None
