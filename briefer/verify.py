"""The faithfulness guard: every figure, quote and name in every bullet traced to its article.

Run on the Arabic bullets of every engine and again on the English ones. A bullet passes when

- each figure matches a figure of the same article: same value once digit forms, Arabic-Indic
  digits and scale words are applied (٣٥٠٠ == 3500, مليون != مليار), same percent-ness and, where
  both name one, the same currency. English bullets are read with ``briefer.facts.english``;
- each quoted span is verbatim in the article (after ``_fold``: the matching normalisation) and,
  when it belongs to an attributed quote of the facts layer, the bullet does not give it to
  another person;
- each person name it mentions is in the article.

English quotes are translations, so they cannot be verbatim: an English bullet's quoted span must
map to a source quote, decided by provenance plus figures (a quote of the article inside the
bullet's source sentences whose figures include every figure of the translated span). The bullet
is marked ``translated=True`` so renderers can label the quote as a translation. (The masking map
of translate.py is not used: it only exists for model translations, this rule holds for every
engine that writes English.)

A bullet with problems goes through the policy (``verify_policy``, in order): ``repair`` puts back
the article's figure or the verbatim quote; ``replace`` uses the extractive bullet built from the
same source sentences; ``drop`` removes it. Whatever the policy, a bullet that is still not
verifiable at the end is dropped: unverified text never reaches the briefing.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from briefer.arabic.normalize import normalize
from briefer.arabic.segment import split_sentences
from briefer.errors import ConfigError
from briefer.facts.english import find_english_figures, format_english_number, number_span
from briefer.facts.entities import find_entities
from briefer.facts.figures import find_figures
from briefer.types import Analysis, Briefing, Bullet, Figure, Quote, Verdict

ACTIONS = ("kept", "repaired", "replaced", "dropped")
POLICY_STEPS = ("repair", "replace", "drop")
PROBLEM_KINDS = ("figure", "quote", "speaker", "name", "support")
#: an Arabic bullet must share at least this share of its words with its article: below it, the
#: bullet says something the article does not (a model's fluent invention, a garbled generation)
_MIN_WORD_SUPPORT = 0.5
FALLBACK_ORIGIN = "extractive-fallback"
_LEXICON_FILE = "verify_lexicon.json"
_MAX_FALLBACK_SENTENCES = 2
_MIN_QUOTE_WORDS = 4  # shorter quoted spans are names and slogans (“عاصفة الحزم”), not statements
_ATTRIBUTION_WINDOW = 8  # words before/after a quote that can name who said it
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_DIGIT_RUN = regex.compile(r"\p{Nd}+(?:[.,٫٬]\p{Nd}+)*")
_PLAIN_DIGITS = regex.compile(r"\p{Nd}+")
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_EDGE_PUNCT = " \t\n.,،;؛:!?؟-–—()[]"
_PUNCT_MAP = str.maketrans({"،": ",", "؛": ";", "؟": "?", "٪": "%"})

Fallback = Callable[[Bullet], "Bullet | None"]


# ------------------------------------------------------------------------------ problems


@dataclass(frozen=True)
class Problem:
    """One thing in a bullet the article does not support, with what a repair needs."""

    kind: str  # figure | quote | speaker | name
    message: str  # one line, starts with the kind: "figure: 3050 is not in the article"
    start: int = -1  # span in the bullet text
    end: int = -1
    figure: Figure | None = None  # the bullet's figure, for figure problems


def problem_kind(message: str) -> str:
    """The kind a Verdict problem line is about (its first word), for counting."""
    head = message.split(":", 1)[0].strip()
    return head if head in PROBLEM_KINDS else "other"


# ------------------------------------------------------------------------------ lexicon


class _Lexicon(NamedTuple):
    scale_words: dict[str, float]
    percent_words: tuple[str, ...]
    currencies: dict[str, str]
    titles: frozenset[str]
    particles: frozenset[str]
    stop_words: frozenset[str]
    first_names: frozenset[str]
    quote_marks: tuple[tuple[str, str], ...]
    ellipses: tuple[str, ...]
    small_numbers: dict[float, tuple[str, ...]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("briefer.data").joinpath(_LEXICON_FILE).read_text(encoding="utf-8"))

    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_fold(w) for w in words)

    return _Lexicon(
        scale_words={_fold(k): float(v) for k, v in data["scale_words"].items()},
        percent_words=tuple(_fold(w) for w in data["percent_words"]),
        currencies={_fold(k): v for k, v in data["currencies"].items()},
        titles=folded(data["titles"]),
        particles=folded(data["name_particles"]),
        stop_words=folded(data["not_name_words"]),
        first_names=folded(data["first_names"]),
        quote_marks=tuple((o, c) for o, c in data["quote_marks"]),
        ellipses=tuple(data["ellipses"]),
        small_numbers={float(k): tuple(_fold(w) for w in v) for k, v in data["small_numbers"].items()},
    )


# ------------------------------------------------------------------------------ matching forms


def _fold(text: str) -> str:
    """The matching normalisation: Arabic letter/digit forms unified, punctuation forms and spaces."""
    text = _INVISIBLE.sub("", normalize(text)).translate(_PUNCT_MAP)
    return " ".join(text.split())


def _forms(token: str) -> set[str]:
    """A folded token and its forms without clitics (و ف ب ل ك and the article ال)."""
    forms = {token}
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            forms.add(token[len(prefix) :])
    if token[:1] in "وفبلك" and len(token) > 3:
        forms.add(token[1:])
    return forms


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def _token_forms(text: str) -> set[str]:
    return {form for token in _tokens(text) for form in _forms(token)}


def _has_token(token: str, forms: set[str]) -> bool:
    return bool(_forms(token) & forms)


def _name_tokens(name: str) -> list[str]:
    """The tokens that tell one person from another: no titles, particles or stop words."""
    lexicon = _lexicon()
    skip = lexicon.titles | lexicon.particles | lexicon.stop_words
    return [t for t in _tokens(name) if t not in skip and len(t) > 1]


def _distinctive(name: str) -> set[str]:
    return {form for token in _name_tokens(name) for form in _forms(token) if form not in _lexicon().titles}


# ------------------------------------------------------------------------------ quantities


@dataclass(frozen=True)
class _Quantity:
    """A figure made comparable across digit forms, scale words and languages."""

    figure: Figure
    value: float | None
    value_max: float | None
    percent: bool
    currency: str  # canonical English name ("dollar") or ""
    start: int  # extent in its text, scale word included
    end: int
    folded: str  # folded text of the extent, for figures without a numeric value

    @property
    def digits(self) -> frozenset[str]:
        """The digit runs written in it: a date is compared by these (day and year), not one value."""
        return frozenset(d.replace(",", "") for d in _DIGIT_RUN.findall(self.folded))

    @property
    def is_date(self) -> bool:
        return self.figure.kind == "date"

    def same_as(self, other: _Quantity) -> bool:
        """Whether this (bullet) figure says what ``other`` (an article figure) says."""
        if self.is_date or other.is_date:
            # "14 October" against "الأحد 14 اكتوبر/تشرين الاول 2018": every number written must be there
            return self.digits <= other.digits if self.digits else self.folded == other.folded
        if self.value is None or other.value is None:
            return bool(self.folded) and self.folded == other.folded
        if self.percent != other.percent:
            return False
        if self.currency and self.currency != other.currency:
            return False  # troops turned into dollars, or riyals into dollars (the article may name none)
        if self.value_max is not None and other.value_max is not None:
            return _close(self.value, other.value) and _close(self.value_max, other.value_max)
        return _close(self.value, other.value) or (other.value_max is not None and _close(self.value, other.value_max))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _arabic_quantities(text: str, figures: Sequence[Figure]) -> list[_Quantity]:
    """Quantities of Arabic figures, reading the scale, percent and currency words around them.

    The figures layer may or may not fold "2.5 مليار" into one figure; reading the next word here
    keeps مليون and مليار apart either way (a scale word already inside the figure is not re-applied).
    """
    lexicon = _lexicon()
    quantities = []
    for fig in figures:
        value, end = fig.value, fig.end
        inside = set(_tokens(fig.text))
        after = _TOKEN.match(_fold(text[end:]).lstrip())
        if value is not None and not inside & lexicon.scale_words.keys() and after:
            scale = lexicon.scale_words.get(after.group())
            if scale:
                value *= scale
                end = _end_of_next_word(text, end)
        value_max = fig.value_max
        if value_max is not None and value is not None and fig.value:
            value_max *= value / fig.value
        tail = _fold(text[end : end + 40])
        written = _fold(fig.text)
        percent = (fig.kind == "percent" or fig.unit in {"%", "٪"} or tail.startswith(lexicon.percent_words)
                   or any(word in written for word in lexicon.percent_words))
        currency = _arabic_currency(fig, tail)
        quantities.append(_Quantity(fig, value, value_max, percent, currency, fig.start, end, _fold(text[fig.start : end])))
    return quantities


def _bare_value(written: str) -> float | None:
    digits = normalize(written).replace("٬", ",")
    if regex.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None  # "1.2.3": a version or list label, not a quantity


def _arabic_currency(fig: Figure, tail: str) -> str:
    lexicon = _lexicon()
    for token in _tokens(fig.unit) + _tokens(fig.text) + _TOKEN.findall(tail)[:3]:
        for form in _forms(token):
            if form in lexicon.currencies:
                return lexicon.currencies[form]
    return ""


def _end_of_next_word(text: str, offset: int) -> int:
    match = regex.match(r"\s*[\p{L}\p{M}]+", text[offset:])
    return offset + match.end() if match else offset


def _english_quantities(text: str) -> list[_Quantity]:
    # Ordinals ("3rd round") are left out: the Arabic side writes them as words (الثالثة).
    return [
        _Quantity(f, f.value, f.value_max, f.unit == "%", f.unit if f.kind == "money" else "", f.start, f.end, _fold(f.text))
        for f in find_english_figures(text)
        if f.kind != "ordinal"
    ]


# ------------------------------------------------------------------------------ the article


class _Source:
    """What the guard compares bullets with, computed once per article."""

    def __init__(self, analysis: Analysis):
        article = analysis.article
        self.analysis = analysis
        self.folded = _fold(article.text)
        self.forms = _token_forms(article.text + "\n" + article.title)
        self.quantities = _arabic_quantities(article.text, (*analysis.figures, *self._bare_numbers()))
        self.quotes = [(q, _fold(q.text)) for q in analysis.quotes]
        self.people = self._people()
        self.digit_runs = {_digit_key(m.group()) for m in _DIGIT_RUN.finditer(self.folded)}
        self.digit_runs |= {m.group() for m in _PLAIN_DIGITS.finditer(self.folded)}

    def _bare_numbers(self) -> list[Figure]:
        """Digit runs the figures layer did not take (a hotline "911", the parts of "21/5/1436").

        Still figures of the article: a bullet repeating one is not inventing it.
        """
        text = self.analysis.article.text
        taken = [(f.start, f.end) for f in self.analysis.figures]
        bare = []
        for match in _DIGIT_RUN.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            # "08,15" may be a time, "64,6" a decimal, "3,500" thousands: keep every reading
            readings = {(match.start(), match.end(), _bare_value(match.group()))}
            readings |= {(m.start(), m.end(), float(normalize(m.group()))) for m in _PLAIN_DIGITS.finditer(text, match.start(), match.end())}
            sentence = self.sentence_of(match.start())
            bare += [Figure(text[s:e], s, e, v, sentence=sentence) for s, e, v in sorted(readings, key=str) if v is not None]
        return bare

    def _people(self) -> list[set[str]]:
        """Distinctive tokens of every person the facts layer knows: speakers and person entities."""
        people = [_distinctive(q.speaker) for q in self.analysis.quotes if q.speaker and not q.anonymous]
        people += [_distinctive(e.canonical or e.text) for e in self.analysis.entities if e.kind == "person"]
        return [p for p in people if p]

    def speaker_tokens(self, quote: Quote) -> set[str]:
        tokens = _distinctive(quote.speaker)
        if 0 <= quote.speaker_start < quote.speaker_end:
            tokens |= _distinctive(self.analysis.article.text[quote.speaker_start : quote.speaker_end])
        return tokens

    def sentence_of(self, start: int) -> int:
        for sentence in self.analysis.sentences:
            if sentence.start <= start < sentence.end:
                return sentence.index
        return -1

    def quote_sentences(self, quote: Quote) -> set[int]:
        return {s.index for s in self.analysis.sentences if s.start < quote.end and quote.start < s.end}


# ------------------------------------------------------------------------------ checks


def find_problems(analysis: Analysis, bullet: Bullet) -> tuple[Problem, ...]:
    """Everything in ``bullet`` that the article does not support (empty: the bullet is faithful)."""
    return _check(_Source(analysis), bullet)


def audit(analysis: Analysis, bullets: Sequence[Bullet]) -> tuple[tuple[Problem, ...], ...]:
    """The problems of each bullet (the article read once): for evaluation and tests."""
    source = _Source(analysis)
    return tuple(_check(source, bullet) for bullet in bullets)


def _check(source: _Source, bullet: Bullet) -> tuple[Problem, ...]:
    quantities = _bullet_quantities(bullet)
    problems = _figure_problems(source, bullet, quantities) + _stray_digit_problems(source, bullet, quantities)
    if bullet.lang == "en":
        return tuple(problems + _english_quote_problems(source, bullet) + _not_english_problems(bullet))
    problems += _arabic_quote_problems(source, bullet) + _support_problems(source, bullet)
    if _fold(bullet.text).strip(_EDGE_PUNCT) in source.folded:
        # Copied word for word: names and attributions are the article's own (even where the facts
        # layer misreads a speaker), so only the figures (a cut "2.5" before مليار) and the quote
        # halves are checked.
        return tuple(p for p in problems if p.kind != "speaker")
    return tuple(problems + _name_problems(source, bullet))


def _figure_problems(source: _Source, bullet: Bullet, quantities: list[_Quantity]) -> list[Problem]:
    problems = []
    for quantity in quantities:
        if any(quantity.same_as(s) for s in source.quantities) or _small_number_in_words(source, quantity):
            continue
        if not quantity.digits and quantity.folded and quantity.folded in source.folded:
            continue  # written in words ("القرن التاسع عشر", "العام الماضي"), and so written in the article
        shown = bullet.text[quantity.start : quantity.end]
        near = [s for s in source.quantities if s.value is not None and quantity.value is not None and _close(s.value, quantity.value)]
        why = "is not in the article"
        if near:
            why = f"does not match the article's {source.analysis.article.text[near[0].start:near[0].end]}"
        problems.append(Problem("figure", f"figure: {shown} {why}", quantity.start, quantity.end, quantity.figure))
    return problems


def _stray_digit_problems(source: _Source, bullet: Bullet, quantities: list[_Quantity]) -> list[Problem]:
    """Digits the figures layer does not read as a figure (a run of 12 digits, a code) must still
    be written in the article: a bullet may not carry numbers of its own."""
    problems = []
    text = _fold(bullet.text) if len(_fold(bullet.text)) == len(bullet.text) else None
    for match in _DIGIT_RUN.finditer(bullet.text):
        if any(q.start < match.end() and match.start() < q.end for q in quantities):
            continue
        written = text[match.start() : match.end()] if text is not None else _fold(match.group())
        if _digit_key(written) in source.digit_runs:
            continue
        if all(run in source.digit_runs for run in _PLAIN_DIGITS.findall(written)) and bullet.lang == "ar":
            continue  # "21/5/1436" written with other separators
        problems.append(Problem("figure", f"figure: {match.group()} is not in the article", match.start(), match.end()))
    return problems


def _not_english_problems(bullet: Bullet) -> list[Problem]:
    """An 'English' bullet mostly in Arabic script (a model answering in the wrong language)."""
    letters = [ch for ch in _without_quotes(bullet.text) if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    if letters and arabic / len(letters) > 0.5:
        return [Problem("support", "support: the English bullet is not written in English")]
    return []


def _digit_key(run: str) -> str:
    """'3,500' and '3500' alike; '2.5' and '2٫5' alike (digits are folded to ASCII before)."""
    return regex.sub(r"(?<=\d)[,٬](?=\d{3}(?!\d))", "", run).replace("٫", ".")


def _support_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    """Outside its quotes (checked on their own), a bullet speaks in the article's words."""
    tokens = [t for t in _tokens(_without_quotes(bullet.text)) if len(t) > 2 and not t.isdigit()]
    if len(tokens) < 4:
        return []
    found = sum(_has_token(token, source.forms) for token in tokens)
    if found / len(tokens) >= _MIN_WORD_SUPPORT:
        return []
    return [Problem("support", f"support: only {found} of {len(tokens)} words of the bullet are in the article")]


def _small_number_in_words(source: _Source, quantity: _Quantity) -> bool:
    """'three' in an English bullet against ثلاثة in the article, whatever the figures layer reads."""
    if quantity.value is None or quantity.percent or quantity.currency:
        return False
    words = _lexicon().small_numbers.get(quantity.value, ())
    return any(_has_token(word, source.forms) for word in words)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed mark runs to the end, a stray closer from the start.

    Extractive bullets cut at sentence ends, so a quote may open in one bullet and close in the
    next; both halves are still checked.
    """
    marks = _lexicon().quote_marks
    pattern = regex.compile("|".join(regex.escape(m) for pair in marks for m in pair if m))
    closers = {o: c for o, c in marks}
    spans, opener, open_end = [], None, 0
    for match in pattern.finditer(text):
        mark = match.group()
        if opener is None:
            if mark in closers:
                opener, open_end = mark, match.end()
            elif not spans:
                spans.append((0, match.start()))
        elif mark == closers[opener]:
            spans.append((open_end, match.start()))
            opener = None
    if opener is not None:
        spans.append((open_end, len(text)))
    return [(s, e) for s, e in spans if _TOKEN.search(text[s:e])]


def _quote_parts(text: str) -> list[str]:
    """The folded pieces of a quoted span, split at ellipses (the writer's marked omissions)."""
    pieces = regex.split("|".join(regex.escape(e) for e in _lexicon().ellipses), text)
    return [p for p in (_fold(piece).strip(_EDGE_PUNCT) for piece in pieces) if _TOKEN.search(p)]


def _arabic_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        parts = _quote_parts(bullet.text[start:end])
        shown = _short(bullet.text[start:end])
        if not all(part in source.folded for part in parts):
            problems.append(Problem("quote", f"quote: “{shown}” is not verbatim in the article", start, end))
            continue
        quote = _source_quote_of(source, parts)
        if quote is not None and quote.speaker and quote.kind != "phrase" and len(_tokens(" ".join(parts))) >= _MIN_QUOTE_WORDS:
            wrong = _other_person_named(source, bullet, quote, start, end)
            if wrong:
                problems.append(Problem(
                    "speaker", f"speaker: “{shown}” is given to {wrong}; the article attributes it to {quote.speaker}",
                    start, end,
                ))
    return problems


def _source_quote_of(source: _Source, parts: list[str]) -> Quote | None:
    for quote, folded in source.quotes:
        if all(part in folded for part in parts):
            return quote
    return None


def _other_person_named(source: _Source, bullet: Bullet, quote: Quote, start: int, end: int) -> str:
    """Someone else the bullet gives the quote to, when it does not name the quote's speaker.

    Only the words just before the opening mark and just after the closing one attribute a quote
    ("قال X إن “...”", "“...”، بحسب X"); names inside quoted words or farther away do not.
    """
    outside = _without_quotes(bullet.text)
    if source.speaker_tokens(quote) & _token_forms(outside):
        return ""
    before = _tokens(_without_quotes(bullet.text[:start]))[-_ATTRIBUTION_WINDOW:]
    after = _tokens(_without_quotes(bullet.text[end:]))[:_ATTRIBUTION_WINDOW]
    nearby = {form for token in before + after for form in _forms(token)}
    speaker = source.speaker_tokens(quote)
    candidates = [person - speaker for person in source.people] + [_distinctive(n) - speaker for n in _names_in(outside)]
    for person in candidates:
        hit = person & nearby
        if hit:
            return _name_from(outside, hit)
    return ""


def _without_quotes(text: str) -> str:
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + " " + text[end:]
    return text


def _name_from(text: str, hits: set[str]) -> str:
    words = [w for w in _TOKEN.findall(text) if _forms(_fold(w)) & hits]
    return " ".join(words[:3])


def _english_quote_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for start, end in quoted_spans(bullet.text):
        if not _maps_to_source_quote(source, bullet, bullet.text[start:end]):
            problems.append(Problem(
                "quote", f"quote: translated “{_short(bullet.text[start:end])}” maps to no quote in the article", start, end
            ))
    return problems


def _maps_to_source_quote(source: _Source, bullet: Bullet, span: str) -> bool:
    return bool(_source_quotes_for(source, bullet, span))


def _source_quotes_for(source: _Source, bullet: Bullet, span: str) -> list[Quote]:
    """Source quotes a translated span may render: in the bullet's sentences, holding its figures."""
    figures = _english_quantities(span)
    sources = set(bullet.sources)
    found = []
    for quote, _ in source.quotes:
        if sources and not source.quote_sentences(quote) & sources:
            continue
        inside = [q for q in source.quantities if quote.start <= q.start < quote.end]
        if all(any(f.same_as(q) for q in inside) for f in figures):
            found.append(quote)
    return found


def _name_problems(source: _Source, bullet: Bullet) -> list[Problem]:
    problems = []
    for name in _names_in(bullet.text):
        if any(not _has_token(token, source.forms) for token in _name_tokens(name)):
            problems.append(Problem("name", f"name: {name} is not in the article"))
    return problems


def _names_in(text: str) -> list[str]:
    """Person names in a bullet: the entities layer's, plus runs opened by a known first name."""
    names = [e.text for e in find_entities(text) if e.kind == "person"]
    lexicon = _lexicon()
    words = [(m.group(), _fold(m.group())) for m in _TOKEN.finditer(text)]
    breaks = {m.start() for m in regex.finditer(r"[,،.;؛:!?؟()\"“”«»\n]", text)}
    positions = [m.start() for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(words):
        if not _forms(words[i][1]) & lexicon.first_names:
            i += 1
            continue
        run = [words[i][0]]
        j = i + 1
        while j < len(words) and len(run) < 4 and words[j][1] not in lexicon.stop_words:
            if any(positions[j - 1] < b < positions[j] for b in breaks):
                break
            family = words[j][1].startswith("ال")
            if words[j][1] not in lexicon.particles and not family and not _forms(words[j][1]) & lexicon.first_names:
                break  # a name goes on with بن/عبد, more given names, and ends at a family name in ال
            run.append(words[j][0])
            j += 1
            if family:
                break
        names.append(" ".join(run))
        i = j
    names = list(dict.fromkeys(names))
    folded = [_fold(n) for n in names]  # one problem per person: "خالد الفالح" inside "وزير الطاقة خالد الفالح"
    return [n for n, f in zip(names, folded) if not any(f != g and f in g for g in folded)]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------------ repairs


def _repair(source: _Source, bullet: Bullet, problems: Sequence[Problem]) -> Bullet | None:
    """The bullet with the article's figures and verbatim quotes put back; None if it cannot be."""
    edits: list[tuple[int, int, str, int]] = []  # (start, end, new text, source sentence)
    taken: list[_Quantity] = []
    for problem in problems:
        if problem.kind == "figure" and problem.figure is None:
            return None  # digits that are no figure at all: nothing to put back, rewrite it
        if problem.kind == "figure":
            edit = _figure_edit(source, bullet, problem, taken)
        elif problem.kind == "quote" and bullet.lang == "ar":
            edit = _quote_edit(source, bullet, problem)
        else:
            return None  # a wrong speaker, an invented name or an unmapped translation: rewrite it
        if edit is None:
            return None
        edits.append(edit)
    text = bullet.text
    for start, end, new, _ in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    sources = tuple(sorted(set(bullet.sources) | {e[3] for e in edits if e[3] >= 0}))
    return dataclasses.replace(bullet, text=text, sources=sources)


def _figure_edit(source: _Source, bullet: Bullet, problem: Problem, taken: list[_Quantity]) -> tuple[int, int, str, int] | None:
    if bullet.lang == "en":
        quantity = next(q for q in _english_quantities(bullet.text) if q.start == problem.start)
    else:
        quantity = next(q for q in _arabic_quantities(bullet.text, [problem.figure]))
    used = [q for q in source.quantities if any(other.same_as(q) for other in _bullet_quantities(bullet) if other.start != quantity.start)]
    chosen = _repair_candidate(source, bullet, quantity, taken + used)
    if chosen is None:
        return None
    taken.append(chosen)
    sentence = chosen.figure.sentence if chosen.figure.sentence >= 0 else source.sentence_of(chosen.start)
    if bullet.lang == "en":
        if chosen.value is None:
            return None
        span = number_span(bullet.text, quantity.figure)
        return span.start, span.end, format_english_number(chosen.value), sentence
    start, end = _number_core(bullet.text, quantity)
    core_start, core_end = _number_core(source.analysis.article.text, chosen)
    return start, end, source.analysis.article.text[core_start:core_end], sentence


def _number_core(text: str, quantity: _Quantity) -> tuple[int, int]:
    """The digits and scale word of a figure, without its unit: a repair swaps just this part,
    so the bullet's own "%" or "دولار" stays (and still has to match the article's)."""
    digits = _DIGIT_RUN.search(text, quantity.start, quantity.end)
    if digits is None:
        return quantity.start, quantity.end  # written in words: the whole figure
    end = digits.end()
    word = regex.match(r"\s*([\p{L}\p{M}]+)", text[end : quantity.end])
    if word and _fold(word.group(1)) in _lexicon().scale_words:
        end += word.end()
    return digits.start(), end


def _bullet_quantities(bullet: Bullet) -> list[_Quantity]:
    return list(_quantities_of(bullet.lang, bullet.text))


@lru_cache(maxsize=4096)
def _quantities_of(lang: str, text: str) -> tuple[_Quantity, ...]:
    """Read once per bullet text: the checks, the repairs and the provenance all ask for them."""
    if lang == "en":
        return tuple(_english_quantities(text))
    return tuple(_arabic_quantities(text, find_figures(text, split_sentences(text))))


def _repair_candidate(source: _Source, bullet: Bullet, wrong: _Quantity, taken: list[_Quantity]) -> _Quantity | None:
    """The article's figure that the wrong one stands for: same kind, close digits or scale, one answer.

    Figures in the bullet's own source sentences come first; a figure already used is skipped.
    """
    if wrong.is_date:
        return None  # a wrong date has no "closest" date: the source sentence says it better
    pool = [
        q for q in source.quantities
        if q.value is not None and not q.is_date and q.percent == wrong.percent and q not in taken
        and (not q.currency or not wrong.currency or q.currency == wrong.currency)
    ]
    own = [q for q in pool if _in_sentences(source, q, bullet.sources)]
    if wrong.value is not None and any(
        _close(q.value, wrong.value) for q in source.quantities if q.value is not None and _in_sentences(source, q, bullet.sources)
    ):
        return None  # the number is right and its percent/currency is not: no figure to put back
    for candidates in (own, pool):
        if not candidates:
            continue
        scored = sorted(((_closeness(wrong, q), q) for q in candidates), key=lambda pair: -pair[0])
        best = scored[0][0]
        values = {round(q.value, 6) for score, q in scored if score == best}
        # Only a digit slip or a scale swap names its figure. A figure unlike any in the article
        # is not "repaired" into the nearest one: that would turn an invented claim into a
        # plausible false one (9731 cases -> the article's 3500 troops). It is replaced instead.
        if best >= 3:
            return scored[0][1] if len(values) == 1 else None  # two equally close: do not guess
    return None


def _in_sentences(source: _Source, quantity: _Quantity, sentences: Sequence[int]) -> bool:
    index = quantity.figure.sentence if quantity.figure.sentence >= 0 else source.sentence_of(quantity.start)
    return index in sentences


def _closeness(wrong: _Quantity, candidate: _Quantity) -> int:
    """3: a digit slip (3500/3050) or a swapped scale word (مليون/مليار); 1: same kind only."""
    if wrong.value is None or candidate.value is None or candidate.value == 0 or wrong.value == 0:
        return 1
    ratio = wrong.value / candidate.value
    if any(_close(ratio, 10.0**k) for k in (-12, -9, -6, -3, 3, 6, 9, 12)):
        return 3
    a, b = _digits(wrong.value), _digits(candidate.value)
    if sorted(a) == sorted(b) or _edit_distance(a, b) <= 1:
        return 3
    return 1


def _digits(value: float) -> str:
    return f"{value:f}".rstrip("0").rstrip(".").replace(".", "")


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _quote_edit(source: _Source, bullet: Bullet, problem: Problem) -> tuple[int, int, str, int] | None:
    """The closest source quote, whole: a cut quote can say something its speaker did not.

    Closest: holds at least 60% of the bullet's quoted words (clitics aside)."""
    wanted = [t for t in _tokens(bullet.text[problem.start : problem.end])]
    if not wanted:
        return None
    best: tuple[float, Quote] | None = None
    for quote, _ in source.quotes:
        forms = _token_forms(quote.text)
        found = {t for t in wanted if _forms(t) & forms}
        share = len(found) / len(wanted)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, quote)
    if best is None:
        return None
    quote = best[1]
    return problem.start, problem.end, quote.text, source.sentence_of(quote.start)


# ------------------------------------------------------------------------------ provenance


def infer_sources(analysis: Analysis, bullet: Bullet) -> tuple[int, ...]:
    """The source sentences a bullet rests on, when its engine did not say."""
    return _infer_sources(_Source(analysis), bullet)


def _infer_sources(source: _Source, bullet: Bullet) -> tuple[int, ...]:
    chosen = set(_evidence_sentences(source, bullet))
    if bullet.lang == "en":
        return tuple(sorted(chosen))
    wanted = {t for t in _tokens(bullet.text) if len(t) > 2}
    uncovered = set(wanted)
    for index in chosen:
        uncovered -= _covered(wanted, source.analysis.sentences[index].text)
    while uncovered and len(chosen) < 3:
        gains = [(len(_covered(uncovered, s.text)), s.index) for s in source.analysis.sentences if s.index not in chosen]
        if not gains:
            break
        gain, index = max(gains, key=lambda pair: (pair[0], -pair[1]))
        if gain < 3 and (chosen or gain == 0):
            break
        chosen.add(index)
        uncovered -= _covered(uncovered, source.analysis.sentences[index].text)
    return tuple(sorted(chosen))


def _covered(tokens: set[str], sentence: str) -> set[str]:
    forms = _token_forms(sentence)
    return {t for t in tokens if _forms(t) & forms}


def _evidence_sentences(source: _Source, bullet: Bullet) -> set[int]:
    """Sentences holding the article's figures and quotes that the bullet uses."""
    quantities = _bullet_quantities(bullet)
    found = set()
    for quantity in quantities:
        matches = [s for s in source.quantities if quantity.same_as(s)]
        if len(matches) == 1:  # a figure seen in several sentences says nothing about which
            found.add(matches[0].figure.sentence if matches[0].figure.sentence >= 0 else source.sentence_of(matches[0].start))
    for start, end in quoted_spans(bullet.text):
        if bullet.lang == "ar":
            quote = _source_quote_of(source, _quote_parts(bullet.text[start:end]))
        else:
            mapped = _source_quotes_for(source, bullet, bullet.text[start:end])
            quote = mapped[0] if len(mapped) == 1 else None  # several candidates: no evidence
        if quote is not None:
            found |= source.quote_sentences(quote)
    return {i for i in found if i >= 0}


def _with_sources(source: _Source, bullet: Bullet) -> Bullet:
    """Valid engine sources kept, the sentences of its figures and quotes added, or all inferred."""
    valid = {i for i in bullet.sources if 0 <= i < len(source.analysis.sentences)}
    if valid:
        sources = tuple(sorted(valid | _evidence_sentences(source, bullet)))
    else:
        sources = _infer_sources(source, bullet)
    return bullet if sources == bullet.sources else dataclasses.replace(bullet, sources=sources)


# ------------------------------------------------------------------------------ the guard


def parse_policy(policy: str) -> tuple[str, ...]:
    """'repair,replace' -> ('repair', 'replace'); a one-line ConfigError naming the setting if bad."""
    steps = tuple(step.strip().lower() for step in policy.split(",") if step.strip())
    if not steps:
        raise ConfigError(f"setting 'verify_policy' is empty (use any of {', '.join(POLICY_STEPS)}, e.g. repair,replace)")
    unknown = [s for s in steps if s not in POLICY_STEPS]
    if unknown:
        raise ConfigError(
            f"setting 'verify_policy': unknown step '{unknown[0]}' (use any of {', '.join(POLICY_STEPS)}, e.g. repair,replace)"
        )
    return steps


def verify_bullets(
    analysis: Analysis,
    bullets: Sequence[Bullet],
    policy: str,
    fallback: Fallback | None = None,
) -> tuple[tuple[Bullet, ...], tuple[Verdict, ...]]:
    """Check every bullet against its article; repair, replace or drop the ones that fail.

    Returns the bullets that may be shown (each with its source sentences) and one Verdict per
    input bullet, in input order.
    """
    steps = parse_policy(policy)
    source = _source_of(analysis)
    kept: list[Bullet] = []
    verdicts: list[Verdict] = []
    for position, bullet in enumerate(bullets):
        result, action, problems = _guard(source, bullet, steps, fallback, kept)
        if result is not None:
            kept.append(result)
        verdicts.append(Verdict(bullet.lang, position, action, tuple(p.message for p in problems)))
    return tuple(kept), tuple(verdicts)


_SOURCES: OrderedDict[int, tuple[Analysis, _Source]] = OrderedDict()


def _source_of(analysis: Analysis) -> _Source:
    """The article read once for its Arabic and its English bullets (a few recent ones kept)."""
    key = id(analysis)
    held = _SOURCES.get(key)
    if held is not None and held[0] is analysis:
        _SOURCES.move_to_end(key)
        return held[1]
    source = _Source(analysis)
    _SOURCES[key] = (analysis, source)
    while len(_SOURCES) > 8:
        _SOURCES.popitem(last=False)
    return source


def _guard(
    source: _Source, bullet: Bullet, steps: tuple[str, ...], fallback: Fallback | None, kept: list[Bullet]
) -> tuple[Bullet | None, str, tuple[Problem, ...]]:
    problems = _check(source, bullet)
    if not problems:
        return _finish(source, bullet), "kept", ()
    for step in steps:
        if step == "drop":
            break
        candidate = _repair(source, bullet, problems) if step == "repair" else _replacement(source, bullet, fallback)
        if candidate is None or _check(source, candidate):
            continue
        candidate = _finish(source, candidate)
        if any(_fold(candidate.text) == _fold(other.text) for other in kept):
            break  # the fix repeats a bullet already shown: one copy is enough
        return candidate, "repaired" if step == "repair" else "replaced", problems
    return None, "dropped", problems


def _finish(source: _Source, bullet: Bullet) -> Bullet:
    bullet = _with_sources(source, bullet)
    if bullet.lang == "en" and quoted_spans(bullet.text) and not bullet.translated:
        bullet = dataclasses.replace(bullet, translated=True)  # its quotes are translations, not verbatim
    return bullet


def _replacement(source: _Source, bullet: Bullet, fallback: Fallback | None) -> Bullet | None:
    if fallback is not None:
        return fallback(bullet)
    if bullet.lang != "ar":
        return None  # no extractive English to fall back on
    sources = tuple(i for i in bullet.sources if 0 <= i < len(source.analysis.sentences)) or _infer_sources(source, bullet)
    if not sources:
        return None
    return _extractive_bullet(source.analysis, sources[:_MAX_FALLBACK_SENTENCES], bullet.role)


def _extractive_bullet(analysis: Analysis, sources: tuple[int, ...], role: str) -> Bullet | None:
    # The extractive engine owns faithful bullet writing (trimming, attribution); its helper is
    # being added in parallel, so until it exists the source sentences themselves are the bullet.
    try:
        from briefer.backends.extractive import bullet_from_sentences
    except ImportError:
        text = " ".join(analysis.sentences[i].text for i in sources)
        return Bullet("ar", text, sources=sources, role=role, origin=FALLBACK_ORIGIN)
    made = bullet_from_sentences(analysis, sources)
    if made is None and sources[0] > 0:
        # it declines a sentence opening on a pronoun ("وأضاف أن ..."): give it the antecedent too
        made = bullet_from_sentences(analysis, (sources[0] - 1, *sources))
    return None if made is None else dataclasses.replace(made, origin=FALLBACK_ORIGIN)


# ------------------------------------------------------------------------------ summaries


def verification_summary(verdicts: Iterable[Verdict]) -> dict:
    """Counts per action, per language and per problem kind, for the verification appendix."""
    verdicts = list(verdicts)

    def counts(items: list[Verdict]) -> dict[str, int]:
        actions = Counter(v.action for v in items)
        return {"bullets": len(items), **{action: actions.get(action, 0) for action in ACTIONS}}

    kinds = Counter(problem_kind(p) for v in verdicts for p in v.problems)
    return {
        **counts(verdicts),
        "by_language": {lang: counts([v for v in verdicts if v.lang == lang]) for lang in sorted({v.lang for v in verdicts})},
        "problems": {kind: kinds.get(kind, 0) for kind in (*PROBLEM_KINDS, "other") if kinds.get(kind) or kind != "other"},
    }


def briefing_verification(briefing: Briefing) -> dict:
    """The briefing's `verification` block: totals and, per article, counts and what was changed."""
    briefs = [brief for story in (*briefing.stories, *briefing.annex) for brief in story.briefs]
    articles = []
    for brief in briefs:
        articles.append({
            "id": brief.article.id,
            "title": brief.headline_ar,
            "source": brief.article.source,
            **verification_summary(brief.verdicts),
            "changes": [_verdict_json(v) for v in brief.verdicts if v.action != "kept"],
        })
    return {"totals": verification_summary(v for brief in briefs for v in brief.verdicts), "articles": articles}


def _verdict_json(verdict: Verdict) -> Mapping[str, object]:
    return {"lang": verdict.lang, "position": verdict.position, "action": verdict.action, "problems": list(verdict.problems)}
