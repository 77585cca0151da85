"""The English side of a brief (english_side): a model's translation around masked facts, bullet by
bullet falling back to the lexicon; without a model, the facts-only lines (lexicon_headline,
lexicon_bullets): names, figures (digits and figures written in words) and the speakers of quotes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from briefer.arabic.numbers import lookup_word
from briefer.facts.english import find_english_figures, format_english_number
from briefer.facts.figures import find_figures
from briefer.translate.figures import (
    _CLITICS,
    _FSI,
    _PDI,
    _UNIT_PARTS,
    Span,
    _figure_spans_in,
    _is_definite,
    _looks_like_verb,
    _noun_english,
    _opens_with_preposition,
)
from briefer.translate.masking import mask, restore
from briefer.translate.models import DEFAULT_TRANSLATOR_MODEL, Translator
from briefer.translate.names import (
    QuoteSpan,
    _lexicon_name_spans_in,
    english_phrase,
    quote_spans,
    title_spans,
)
from briefer.translate.words import _WORD_CACHE_SIZE, Token, _fold, _match_at, _tokens
from briefer.types import Analysis, Bullet

LEXICON_LABEL = "Not a translation: names, figures and speakers rendered from a word list."
ENGLISH_HINT = (
    "For full English, set translator = \"marian\" in briefer.toml (model "
    f"{DEFAULT_TRANSLATOR_MODEL}; fetch it with 'briefer models pull {DEFAULT_TRANSLATOR_MODEL}')."
)


def english_side(
    analysis: Analysis, bullets_ar: Sequence[Bullet], translator: Translator | None = None, headline_ar: str = ""
) -> tuple[str, tuple[Bullet, ...], str]:
    """(headline_en, bullets_en, mode): mode is 'translation' with a translator, else 'lexicon'.

    ``headline_ar``: the Arabic headline the briefing shows, which the English one says (default:
    :func:`headline_source`)."""
    if translator is None:
        return lexicon_headline(analysis, headline_ar), lexicon_bullets(analysis, bullets_ar), "lexicon"
    return _translated_side(analysis, bullets_ar, translator, headline_ar)


def _translated_side(
    analysis: Analysis, bullets_ar: Sequence[Bullet], translator: Translator, headline_ar: str = ""
) -> tuple[str, tuple[Bullet, ...], str]:
    headline = headline_ar or headline_source(analysis)
    masked = [mask(headline, analysis)] + [mask(b.text, analysis) for b in bullets_ar]
    # one request per distinct text: a name asked once reads the same in every bullet
    requests = list(dict.fromkeys(text for m in masked for text in m.requests()))
    translations = dict(zip(requests, translator.translate(requests), strict=True))
    headline_en = restore(masked[0], translations) or lexicon_headline(analysis, headline)
    bullets = []
    for bullet, masked_bullet in zip(bullets_ar, masked[1:], strict=True):
        english = restore(masked_bullet, translations)
        if english is None:
            bullets.extend(_lexicon_bullet(analysis, bullet))
        else:
            bullets.append(Bullet("en", english, bullet.sources, bullet.role, True, f"translation:{translator.name}"))
    return headline_en, tuple(bullets), "translation"


def headline_source(analysis: Analysis) -> str:
    """The Arabic the English headline is made from: the title, else the first sentence."""
    if analysis.article.title:
        return analysis.article.title
    return analysis.sentences[0].text if analysis.sentences else ""


def lexicon_headline(analysis: Analysis, headline_ar: str = "") -> str:
    """What the lexicon can say of the headline (``headline_ar``, default :func:`headline_source`):
    the titles it names with their genitive or nationality, its places, organisations and figures."""
    headline = headline_ar or headline_source(analysis)
    tokens = _tokens(headline)
    titles = title_spans(headline, tokens)
    # a name inside a title is said by the title: "commander of the Egyptian army", not also "the Egyptian army"
    names = [n for n in _lexicon_name_spans_in(tokens) if not any(t.start < n.end and n.start < t.end for t in titles)]
    digit_figures = _figure_spans_in(tokens, headline, facts_only=True)
    word_figures = _headline_word_figures(headline, tokens, digit_figures)
    spans = titles + names + digit_figures + word_figures
    items = [s.english for s in sorted(spans, key=lambda s: s.start)]
    return " · ".join(dict.fromkeys(items))


def _headline_word_figures(headline: str, tokens: Sequence[Token], taken: Sequence[Span]) -> list[Span]:
    """Figures written in words in the headline ("مليون زائر": 1 million visitors), as the figures
    layer reads the headline: the guard checks the English headline against those same figures.
    The figures layer runs only on a headline with a number word that is not the scale of a
    number in digits ("5 آلاف": the digit path's): most have none."""
    number_words = [k for k, word in enumerate(map(lookup_word, [token.folded for token in tokens])) if word]
    if all(k and tokens[k - 1].is_number for k in number_words):
        return []
    spans: list[Span] = []
    for figure in find_figures(headline, ()):
        english = _word_figure_english(figure.text, figure.value, figure.unit, figure.kind, figure.approx)
        if english and not any(s.start < figure.end and figure.start < s.end for s in (*taken, *spans)):
            spans.append(Span(figure.start, figure.end, english, "figure"))
    return spans


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
    words = [_fold(word) for word in text.split()]
    first = words[0]
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
    noun = _noun_english(tokens[0].folded) if len(tokens) == 1 else ""
    if noun:
        return noun
    # "ستة ويصيب" (and injures), "مليونا لشركة" (for a company): no unit
    first = tokens[0].folded
    return "" if _looks_like_verb(first) or _opens_with_preposition(first) else _FSI + unit + _PDI


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
