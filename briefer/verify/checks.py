"""The checks: every figure, digit run, quote, speaker, name and (Arabic) wording of a bullet
against its article. An empty list of problems means the bullet is faithful."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.analyze import analyze
from briefer.types import Analysis, Article, Bullet
from briefer.verify.forms import _EDGE_PUNCT, _fold, _has_token, _tokens
from briefer.verify.lexicon import _lexicon
from briefer.verify.names import _name_problems
from briefer.verify.problems import Problem
from briefer.verify.quantities import _DIGIT_RUN, _PLAIN_DIGITS, _close, _digit_key, _Quantity
from briefer.verify.quotes import _arabic_quote_problems, _english_quote_problems, _without_quotes
from briefer.verify.source import _Source, _source_of

#: an Arabic bullet must share at least this share of its words with its article: below it, the
#: bullet says something the article does not (a model's fluent invention, a garbled generation)
_MIN_WORD_SUPPORT = 0.5


def find_problems(analysis: Analysis, bullet: Bullet) -> tuple[Problem, ...]:
    """Everything in ``bullet`` that the article does not support (empty: the bullet is faithful)."""
    return _check(_source_of(analysis), bullet)


def headline_problems(headline_ar: str, headline_en: str, origin: str) -> tuple[Problem, ...]:
    """What an English headline says that its Arabic headline does not (empty: it is faithful).

    Checked as a bullet is against its article, the Arabic headline standing for the article: a
    headline is made from it (translated or read through the lexicon), not from the body, and its
    figures are the headline's even where the body writes them otherwise or not at all.
    """
    if not headline_en.strip():
        return ()
    heading = analyze(Article(id="headline", text=headline_ar))
    return _check(_Source(heading), Bullet("en", headline_en, (), "headline", True, origin))


def audit(analysis: Analysis, bullets: Sequence[Bullet]) -> tuple[tuple[Problem, ...], ...]:
    """The problems of each bullet (the article read once): for evaluation and tests."""
    source = _source_of(analysis)
    return tuple(_check(source, bullet) for bullet in bullets)


def _check(source: _Source, bullet: Bullet) -> tuple[Problem, ...]:
    quantities = source.bullet_quantities(bullet)
    problems = _figure_problems(source, bullet, quantities) + _stray_digit_problems(source, bullet, quantities)
    if bullet.lang == "en":
        return tuple(problems + _english_quote_problems(source, bullet) + _not_english_problems(bullet))
    problems += _arabic_quote_problems(source, bullet) + _support_problems(source, bullet)
    if source.fold(bullet.text).strip(_EDGE_PUNCT) in source.folded:
        # Copied word for word: names and attributions are the article's own (even where the facts
        # layer misreads a speaker), so only the figures (a cut "2.5" before مليار) and the quote
        # halves are checked.
        return tuple(p for p in problems if p.kind != "speaker")
    return tuple(problems + _name_problems(source, bullet))


def _figure_problems(source: _Source, bullet: Bullet, quantities: list[_Quantity]) -> list[Problem]:
    problems = []
    for quantity in quantities:
        if source.matching(quantity) or _small_number_in_words(source, quantity):
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
    folded = source.fold(bullet.text)
    text = folded if len(folded) == len(bullet.text) else None
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
    """An 'English' bullet mostly in Arabic script (a model answering in the wrong language).

    Facts-only lexicon lines are exempt: they keep names and units no list knows as written."""
    if bullet.origin == "lexicon":
        return []
    letters = [ch for ch in _without_quotes(bullet.text) if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    if letters and arabic / len(letters) > 0.5:
        return [Problem("support", "support: the English bullet is not written in English")]
    return []


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
    """'three' in an English bullet against ثلاثة in the article, whatever the figures layer reads;
    'the two countries' against the dual البلدين, which writes the number in the noun."""
    if quantity.value is None or quantity.value_max is not None or quantity.percent or quantity.currency:
        return False
    words = _lexicon().small_numbers.get(quantity.value, ())
    if quantity.value == 2:
        words += _lexicon().duals.get(quantity.figure.unit.lower(), ())
    return any(_has_token(word, source.forms) for word in words)
