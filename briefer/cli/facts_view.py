"""How `briefer facts` shows an Analysis: JSON with spans, or a readable table."""

from __future__ import annotations

from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from briefer.facts.entities import countries
from briefer.types import Analysis


def facts_json(analysis: Analysis) -> dict:
    article = analysis.article
    return {
        "id": article.id,
        "origin": article.origin,
        "title": article.title,
        "language": analysis.language,
        "sentences": len(analysis.sentences),
        "figures": [asdict(f) for f in analysis.figures],
        "quotes": [{**asdict(q), "attributed": q.attributed} for q in analysis.quotes],
        "entities": [asdict(e) for e in analysis.entities],
        "countries": countries(analysis.entities),
    }


def print_facts_table(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    article = analysis.article
    console.print(f"[bold]{article.title or article.id}[/bold]  ({article.origin})")
    figures = Table("figure", "value", "unit", "kind", "span", title="Figures")
    for f in analysis.figures:
        value = "" if f.value is None else f"{f.value:g}"
        figures.add_row(f.text, value, f.unit, f.kind, f"{f.start}-{f.end}")
    console.print(figures)
    quotes = Table("quote", "speaker", "verb", "kind", "span", title="Quotes")
    for q in analysis.quotes:
        speaker = q.speaker + (" (anonymous)" if q.anonymous else "") if q.speaker else "(unattributed)"
        quotes.add_row(q.text, speaker, q.verb, q.kind, f"{q.start}-{q.end}")
    console.print(quotes)
    if analysis.entities:
        entities = Table("entity", "kind", "canonical", title="Entities")
        for e in analysis.entities:
            entities.add_row(e.text, e.kind, e.canonical)
        console.print(entities)
