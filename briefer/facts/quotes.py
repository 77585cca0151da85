"""Quotes and their speakers.

Three steps, each a small function:

1. ``_marked_spans``: text inside “…” «…» "…" ``…'' paired per paragraph with a stack, so nested
   quotes stay inside their outer quote and a quote running over several sentences stays one. A mark
   is classed as opening or closing by its neighbours (real feeds write ” for both); a quote left
   open ends before the narrator's next attribution (", وكتبت ...") or at the paragraph end.
2. ``_colon_spans``: unmarked speech after an attribution verb and a colon ("وقال: ..."), to the
   paragraph end, a stray closing mark, or the narrator's ", مشيرا إلى".
3. ``_speaker``: the subject of the nearest attribution verb of the clause (قال، أضاف، بحسب ...),
   resolved to the fullest name and title in the article through the entities; a verb without a
   subject ("وأضاف", "وتابع") refers back to the last speaker or to a person who just opened a
   sentence. No verb, no speaker: the quote is left unattributed rather than guessed.

Names and titles in marks (عملية “عاصفة الحزم”, صحيفة “ديلي نيوز”) are not quotes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from briefer.arabic.normalize import normalize
from briefer.facts.entities import Lexicons, Token, lexicons, tokenize
from briefer.types import Entity, Quote, Sentence

_MARK = regex.compile(r"``|''|[“”«»\"„‟]")
_FAMILY = {"«": "guillemet", "»": "guillemet", "``": "backtick", "''": "backtick",
           "“": "curly", "”": "curly", "„": "curly", "‟": "curly", '"': "straight"}
_OPENS = {"«", "``"}
_CLOSES = {"»", "''"}
_OPEN_LEFT = set("([:ـ-–—/،,.؛") | {"\n"}
_CLOSE_RIGHT = set(".,،:;؛!?؟)…-–—]") | set(_FAMILY)
_SENTENCE_END = regex.compile(r"[.!?؟](?=\s)|\n")
_NARRATOR_PARTICIPLE = regex.compile(
    r"\s*[،,]\s*(?:مشير|مبين|مؤكد|موضح|لافت|منوه|مضيف|معتبر)(?:اً|ا|ة|ين)?\b"
)
_INDIRECT_START = regex.compile(r"(?:ب?أن|ان)(?:ه|ها|هم)?\b")  # 'أنه ...' is reported speech; 'إن ...' may be direct
_OBJECT_PRONOUNS = {"فيها", "فيه", "له", "لها", "لهم", "عنه", "عنها"}
_PRONOUN_SUBJECTS = {"سموه", "معاليه", "فخامته", "سماحته"}
_AUX = {"قد", "كان", "كانت", "وكان", "وكانت", "ان", "بان", "ثم", "التي", "الذي"}
_PHRASE_WORDS = 5  # up to this many words embedded in a sentence: a quoted phrase


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
    tokens = tokenize(text)
    spans = _outermost(_marked_spans(text) + _colon_spans(text, tokens))
    names = [(e.start, e.end) for e in entities if e.kind in {"person", "org", "place"}]
    spans = [s for s in spans if not _is_name(text, tokens, s) and not _is_entity(s, names)]
    resolver = _Resolver(text, tokens, entities, spans)
    quotes = []
    for span in spans:
        speaker, speaker_start, speaker_end, anonymous, verb = resolver.speaker(span)
        quotes.append(Quote(
            text=text[span.start:span.end], start=span.start, end=span.end, speaker=speaker,
            speaker_start=speaker_start, speaker_end=speaker_end, kind=_kind(text, span),
            anonymous=anonymous, verb=verb, sentence=_sentence_of(span.open, sentences),
        ))
        resolver.remember(span, speaker, speaker_start, speaker_end)
    return tuple(quotes)


def marked_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the words inside quotation marks (for other finders that must skip quotes)."""
    return [(s.start, s.end) for s in _marked_spans(text)]


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _marked_spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    for para_start, para_end in _paragraphs(text):
        stack: list[tuple[str, int, int]] = []  # (family, mark start, mark end)
        for match in _MARK.finditer(text, para_start, para_end):
            family = _FAMILY[match.group()]
            if _is_opening(text, match, stack):
                stack.append((family, match.start(), match.end()))
                continue
            opened = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if opened is None:
                continue  # a stray closing mark: the colon quotes use it as their end
            _, open_start, open_end = stack[opened]
            del stack[opened:]
            spans.append(_trimmed(text, open_start, open_end, match.start(), match.end()))
        for _, open_start, open_end in stack:  # never closed
            end = _unclosed_end(text, open_end, para_end)
            spans.append(_trimmed(text, open_start, open_end, end, end))
    return [s for s in spans if s.end > s.start]


def _is_opening(text: str, match: regex.Match, stack: list) -> bool:
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
    return not any(family == _FAMILY[mark] for family, _, _ in stack)


def _unclosed_end(text: str, content_start: int, para_end: int) -> int:
    """An unclosed quote ends where the narrator takes over (', وكتبت ...'), else at the paragraph end."""
    for match in regex.finditer(r"[،,.؛]\s*(\p{L}+)", text, pos=content_start, endpos=para_end):
        if attribution_cue(normalize(match.group(1))) == "verb":
            end = match.start()
            while end > content_start and text[end - 1] in _FAMILY:
                end -= 1  # 'النار “مجرمون وليسوا محتجين”. وقال': the last mark closes both
            return end
    end = para_end
    while end > content_start and (text[end - 1].isspace() or text[end - 1] == "." or text[end - 1] in _FAMILY):
        end -= 1
    return end


def _trimmed(text: str, open_start: int, start: int, end: int, close: int) -> _Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(start, end, open_start, close)


def _colon_spans(text: str, tokens: list[Token]) -> list[_Span]:
    spans = []
    starts = [t.start for t in tokens]
    for colon in regex.finditer(r":", text):
        line_end = text.find("\n", colon.end())
        line_end = len(text) if line_end < 0 else line_end
        start = colon.end()
        while start < line_end and text[start] in " \t":
            start += 1
        if start >= line_end or not text[start].isalpha():
            continue  # nothing on the line, or a marked quote follows (found by _marked_spans)
        if _INDIRECT_START.match(text, start) or not _cue_before(tokens, bisect.bisect_left(starts, colon.start())):
            continue
        if _MARK.search(" ".join(text[start:line_end].split()[:3])):
            continue  # 'معزيًا الفقيدة “...”': the marked quote right after the colon is the quote
        end = _colon_quote_end(text, start, line_end)
        if end > start:
            spans.append(_Span(start, end, colon.start(), end))
    return spans


def _cue_before(tokens: list[Token], index: int, reach: int = 15) -> bool:
    for token in reversed(tokens[max(0, index - reach) : index]):
        if token.text in {".", "؟", "!", "?", ":"} or "\n" in token.text:
            return False
        if attribution_cue(token.norm) in {"verb", "participle"}:
            return True
    return False


def _colon_quote_end(text: str, start: int, line_end: int) -> int:
    end = line_end
    stack: list = []
    for mark in _MARK.finditer(text, start, line_end):
        if _is_opening(text, mark, stack):
            stack.append((_FAMILY[mark.group()], mark.start(), mark.end()))
        elif any(family == _FAMILY[mark.group()] for family, _, _ in stack):
            stack.pop()
        else:
            end = mark.start()  # the writer closed a quote never opened: the speech ends there
            break
    narrator = _NARRATOR_PARTICIPLE.search(text, start, end)
    if narrator:
        end = narrator.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in "."):
        end -= 1
    return end


def _outermost(spans: list[_Span]) -> list[_Span]:
    """Quotes inside another quote belong to it."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.open, -s.close)):
        if kept and span.open < kept[-1].close and span.start >= kept[-1].open:
            continue
        kept.append(span)
    return kept


# --------------------------------------------------------------------------- names vs quotes


def _is_entity(span: _Span, names: list[tuple[int, int]]) -> bool:
    """'مدير الفرع “سياف آل خشيل”': a name the entities found inside the marks."""
    return any(start <= span.start and span.end <= end for start, end in names)


@lru_cache(maxsize=1)
def _formulas() -> frozenset[str]:
    from briefer.facts.entities import _data_lines

    return frozenset(normalize(line) for line in _data_lines("not_quotes.txt"))


def _is_name(text: str, tokens: list[Token], span: _Span) -> bool:
    """A title, brand, outlet or person written in marks, not somebody's words."""
    if span.open == span.start or text[span.open] == ":":
        return False  # unmarked speech after a colon
    words = [t for t in tokenize(text[span.start:span.end]) if t.is_word]
    if not words or not any(ch.isalpha() for ch in text[span.start:span.end]):
        return True
    if normalize(text[span.start:span.end]) in _formulas():
        return True
    if not regex.search(r"\p{Arabic}", text[span.start:span.end]) and len(words) <= 3:
        return True
    if span.open and text[span.open - 1] == "ـ":  # لـ”عين اليوم” بـ”الجهوة”
        return True
    index = bisect.bisect_left([t.start for t in tokens], span.open)
    if _named_by_cue(tokens, index, len(words)) or _is_lexicon_name(words):
        return True
    if len(words) == 1:
        return not _clause_has_cue(text, tokens, index)
    return False


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


def _clause_has_cue(text: str, tokens: list[Token], index: int) -> bool:
    for token in reversed(tokens[:index]):
        if token.text in {".", "؟", "!", "?"}:
            return False
        if attribution_cue(token.norm):
            return True
    return False


def _kind(text: str, span: _Span) -> str:
    words = len(regex.findall(r"\w+", text[span.start:span.end]))
    after_colon = text[span.open] == ":" or text[: span.open].rstrip().endswith(":")
    return "full" if words > _PHRASE_WORDS or after_colon else "phrase"


def _sentence_of(offset: int, sentences: tuple[Sentence, ...]) -> int:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return -1


# -------------------------------------------------------------------------------- speakers


class _Resolver:
    """Finds who said a quote, remembering the last speaker for 'وأضاف' and 'وتابع'."""

    def __init__(self, text: str, tokens: list[Token], entities: tuple[Entity, ...], spans: list[_Span]):
        self.text, self.tokens = text, tokens
        self.starts = [t.start for t in tokens]
        self.people = sorted((e for e in entities if e.kind in {"person", "org"}), key=lambda e: e.start)
        self.by_start = {e.start: e for e in self.people}
        self.by_end = {e.end: e for e in self.people}
        self.spans = spans
        self.last: tuple[str, int, int, int] | None = None  # speaker, its span, end of that quote
        self.lex = lexicons()
        self.subjects = self._attribution_subjects()

    def _attribution_subjects(self) -> list[tuple[int, tuple[str, int, int, bool]]]:
        """(offset, speaker) for every 'وقال X' / 'X قال' outside quotes: antecedents for 'وأضاف'."""
        found = []
        for k, token in enumerate(self.tokens):
            if attribution_cue(token.norm) != "verb" or any(s.open <= token.start < s.close for s in self.spans):
                continue
            subject = self._subject_after(k + 1, skip=_OBJECT_PRONOUNS) or self._subject_before(0, k)
            if subject:
                found.append((subject[1], subject))
        return found

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
        if kind == "prep":
            found = self._subject_after(index + 1, skip={"عن", "ما", "لما"})
        elif kind == "participle":
            found = self._first_in_clause(clause, index) or self._from_verb(clause, index) or self._pronoun(span.open)
        elif self.tokens[index].norm.startswith("قول"):
            found = self._reported_by(clause, index) or self._pronoun(span.open)
        else:
            found = self._from_verb(clause, index + 1, verb_index=index) or self._pronoun(span.open)
        if not found:
            return "", -1, -1, False, verb
        name, start, end, anonymous = found
        return name, start, end, anonymous, verb

    # ---------------------------------------------------------------------- the cue
    def _index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def _clause_start(self, index: int, past_quotes: bool = True) -> int:
        """Token index where the sentence holding tokens[index] begins (not before an earlier quote)."""
        offset = self.tokens[index].start if index < len(self.tokens) else len(self.text)
        floor = max((s.close for s in self.spans if s.close <= offset), default=0) if past_quotes else 0
        for k in range(index - 1, -1, -1):
            token = self.tokens[k]
            gap_end = self.tokens[k + 1].start if k + 1 < len(self.tokens) else len(self.text)
            if token.start < floor or token.text in {".", "؟", "!", "?"} or "\n" in self.text[token.end:gap_end]:
                return k + 1
        return 0

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
        entity = self.by_start.get(token.start)
        if entity:
            return entity.canonical, entity.start, entity.end, False
        if token.norm in _PRONOUN_SUBJECTS:
            return None
        if token.norm.startswith("ال") and token.norm not in self.lex.stopwords:
            found = self._definite(k)
            if found:
                return found
        if self._anonymous_head(token):
            return self._description(k, anonymous=True)
        if (token.norm,) in self.lex.titles:  # 'ووصف حاخام الحائط العمل': a title without a name
            return self._description(k, anonymous=False)
        return None

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
        for entity in self.people:
            if self.tokens[clause].start <= entity.start < self.tokens[until].start:
                return entity.canonical, entity.start, entity.end, False
        return None

    def _anonymous_head(self, token: Token) -> bool:
        norm = token.norm
        bare = norm[2:] if norm.startswith("ال") else norm[1:] if norm[:1] == "و" else norm
        return norm in self.lex.anonymous or bare in self.lex.anonymous

    def _description(self, k: int, anonymous: bool):
        """'مسؤول دفاعي أمريكي كبير طلب عدم نشر اسمه' as written, up to the words that end it."""
        end = k + 1
        while end < len(self.tokens) and end - k < 8:
            token = self.tokens[end]
            if not (token.is_word or token.text == "@") or attribution_cue(token.norm):
                break
            if token.norm in self.lex.stopwords and token.norm not in {"عن"}:
                break
            if token.norm.startswith("ل") and len(token.norm) > 3 and token.norm[:3] != "لاي":
                break
            end += 1
        start, stop = self.tokens[k].start, self.tokens[end - 1].end
        words = self.text[start:stop]
        if words[:1] == "و" and normalize(words[1:].split()[0]) in self.lex.anonymous:
            start, words = start + 1, words[1:]
        return words, start, stop, anonymous

    def _definite(self, k: int):
        """'الشبكة' or 'المقيم': the person or body the article introduced with that word."""
        bare = self.tokens[k].norm[2:]
        earlier = [e for e in reversed(self.people) if e.end <= self.tokens[k].start]
        for reach in (0, 6):  # the body named with the word itself first, then a word just before
            for entity in earlier:
                first = self._index(entity.start)
                window = [t.norm for t in self.tokens[max(0, first - reach) : first + 1]]
                if bare and bare in window:
                    return entity.canonical, self.tokens[k].start, self.tokens[k].end, False
        if self._anonymous_head(self.tokens[k]):
            return self._description(k, anonymous=True)
        return None

    def _pronoun(self, offset: int):
        """A verb without a subject ('وأضاف', 'وتابع'): the first person earlier in its sentence,
        else the latest explicit subject of an attribution, last speaker or person opening a sentence."""
        clause = self._clause_start(self._index(offset), past_quotes=False)
        clause_start = self.tokens[clause].start if clause < len(self.tokens) else offset
        for entity in self.people:
            if clause_start <= entity.start < offset and entity.kind == "person":
                return entity.canonical, entity.start, entity.end, False
        candidates = [(position, found) for position, found in self.subjects if position < clause_start]
        candidates += [(e.start, (e.canonical, e.start, e.end, False)) for e in self.people
                       if e.kind == "person" and e.start < clause_start and self._opens_sentence(e)]
        if self.last and self.last[3] <= clause_start:
            candidates.append((self.last[3], (self.last[0], self.last[1], self.last[2], False)))
        if not candidates:
            return self._recent_person(offset)
        return max(candidates, key=lambda c: c[0])[1]

    def _recent_person(self, offset: int):
        """Last resort for a subjectless verb: the person named last in this or the previous paragraph."""
        paragraph = self.text.rfind("\n", 0, self.text.rfind("\n", 0, offset))
        for entity in reversed(self.people):
            if paragraph < entity.start < offset and entity.kind == "person":
                return entity.canonical, entity.start, entity.end, False
        return None

    def _opens_sentence(self, entity: Entity) -> bool:
        index = self._index(entity.start)
        return index - self._clause_start(index) <= 2
