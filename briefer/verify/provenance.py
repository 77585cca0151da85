"""Provenance: the source sentences a bullet rests on, from its figures, quotes and words."""

from __future__ import annotations

import dataclasses

from briefer.types import Analysis, Bullet
from briefer.verify.forms import _forms, _token_forms, _tokens
from briefer.verify.quotes import _quote_parts, _source_quote_of, _source_quotes_for, quoted_spans
from briefer.verify.source import _Source, _source_of


def infer_sources(analysis: Analysis, bullet: Bullet) -> tuple[int, ...]:
    """The source sentences a bullet rests on, when its engine did not say."""
    return _infer_sources(_source_of(analysis), bullet)


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
    return {t for t in tokens if not _forms(t).isdisjoint(forms)}


def _evidence_sentences(source: _Source, bullet: Bullet) -> set[int]:
    """Sentences holding the article's figures and quotes that the bullet uses."""
    quantities = source.bullet_quantities(bullet)
    found = set()
    for quantity in quantities:
        matches = source.matching(quantity)
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
