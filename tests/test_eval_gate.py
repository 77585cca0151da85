"""`briefer eval gate`: floors read from a file, figures checked against them, the CLI's exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.config import BriefConfig
from briefer.errors import ConfigError, InputError
from briefer.evaluation import gate
from briefer.evaluation.gate import FLOORS, Floor, check, read_floors, render

runner = CliRunner()

ARTICLE = {
    "title": "الأردن يعلن خطة لخفض البطالة",
    "text": "أعلنت الحكومة الأردنية خطة لخفض نسبة البطالة إلى 15% خلال ثلاث سنوات.\n"
            "وقال رئيس الوزراء إن «الخطة تشمل توفير 60 ألف وظيفة في القطاع الخاص».\n"
            "وتبلغ نسبة البطالة حاليا نحو 22% وفق دائرة الإحصاءات العامة.",
    "reference": "الحكومة الأردنية تعلن خطة لخفض البطالة إلى 15% خلال ثلاث سنوات.",
}
FACTS = {"facts_figures_precision": 0.996, "facts_figures_recall": 1.0, "facts_quotes_precision": 0.808,
         "facts_quotes_recall": 0.99, "facts_speaker_accuracy": 0.947}


def test_floors_are_read_from_both_tables(tmp_path):
    path = tmp_path / "floors.toml"
    path.write_text("[at_least]\nrecall = 0.9\n[at_most]\ndropped = 2\n", encoding="utf-8")
    assert read_floors(path) == [Floor("recall", 0.9, True), Floor("dropped", 2.0, False)]


@pytest.mark.parametrize(("content", "problem"), [
    ("[at_least\nrecall = 0.9", "not valid TOML"),
    ("[at_least]\nrecall = 'high'", "recall must be a number"),
    ("[at_least]\nrecall = true", "recall must be a number"),
    ("[ceilings]\nrecall = 0.9", r"unknown table \[ceilings\]"),
    ("", "no floors"),
])
def test_a_broken_floors_file_is_a_config_error_naming_it(tmp_path, content, problem):
    path = tmp_path / "floors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as raised:
        read_floors(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_each_figure_passes_or_fails_its_floor_and_an_unmeasured_one_fails():
    floors = [Floor("recall", 0.9, True), Floor("dropped", 2, False), Floor("typo", 1, True)]
    checks = check(floors, {"recall": 0.95, "dropped": 3})
    assert [c.passed for c in checks] == [True, False, False]
    text = render(checks)
    assert "recall" in text and "FAIL: 2 figure(s) below their floor" in text and "missing" in text
    assert render(check(floors[:1], {"recall": 0.9})).endswith("PASS: every figure is at its floor")


@pytest.fixture()
def eval_folder(tmp_path, monkeypatch):
    """The three files the gate reads, a few articles each; the facts gold set (ids of the real
    evaluation folder) is stood in for by its figures."""
    for name in ("news_quotes.jsonl", "bbc_standfirst.jsonl", "easc.jsonl"):
        lines = [json.dumps({**ARTICLE, "id": f"{name}-{i}", "source": "s"}, ensure_ascii=False) for i in range(3)]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(gate, "_facts", lambda data_dir: dict(FACTS))
    return tmp_path


def test_every_shipped_floor_names_a_measured_figure(eval_folder):
    measured = gate.measure(eval_folder, BriefConfig(no_cache=True))
    assert {floor.metric for floor in read_floors(FLOORS)} <= set(measured)
    assert measured["faithfulness_unverifiable_in_output"] == 0
    assert 0 < measured["summaries_easc_rouge1"] <= 100


def test_cli_exit_codes(eval_folder, tmp_path):
    lenient = tmp_path / "lenient.toml"
    lenient.write_text("[at_most]\nfaithfulness_unverifiable_in_output = 0\n", encoding="utf-8")
    strict = tmp_path / "strict.toml"
    strict.write_text("[at_least]\nsummaries_easc_rouge1 = 101\n", encoding="utf-8")
    passed = runner.invoke(app, ["eval", "gate", "--data", str(eval_folder), "--floors", str(lenient)])
    assert passed.exit_code == 0 and "PASS" in passed.output
    failed = runner.invoke(app, ["eval", "gate", "--data", str(eval_folder), "--floors", str(strict), "--json"])
    assert failed.exit_code == 1 and json.loads(failed.output)[0]["passed"] is False


def test_a_folder_without_the_evaluation_files_is_one_line_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="news_quotes.jsonl"):
        gate.measure(tmp_path, BriefConfig(no_cache=True))
    result = runner.invoke(app, ["eval", "gate", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "news_quotes.jsonl: missing" in result.output
