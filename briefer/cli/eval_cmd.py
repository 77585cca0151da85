"""`briefer eval ...`: measure the analysis layer, the summaries and the guard on data files."""

from __future__ import annotations

import typer

from briefer.cli import eval_facts, eval_faithfulness, eval_gate, eval_summaries

app = typer.Typer(help="Measure briefer against annotated or reference data.", no_args_is_help=True)
app.command(name="facts")(eval_facts.command)
app.command(name="summaries")(eval_summaries.command)
app.command(name="faithfulness")(eval_faithfulness.command)
app.command(name="gate")(eval_gate.command)
