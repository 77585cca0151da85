"""`briefer eval facts` on a tiny invented data set and gold folder (never the shared eval data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli.app import app
from briefer.errors import UsageError
from briefer.evaluation.facts import GOLD_DIR, evaluate_facts, gold_spans, read_gold

ARTICLES = [
    {"id": "n1", "text": "وقال وزير الصحة خالد العلي “سجلنا 120 إصابة جديدة”.\nوأضاف: إن الوضع مستقر."},
    {"id": "n2", "text": "وأثارت الخطة إلى جانب ذلك “قلق المراقبين” في المنطقة."},
]
QUOTES = [
    {"dataset": "feed.jsonl", "id": "n1", "quotes": [
        {"text": "سجلنا 120 إصابة جديدة", "speaker": "وزير الصحة خالد العلي", "speaker_key": "خالد العلي",
         "kind": "phrase"},
        {"text": "إن الوضع مستقر", "speaker": "وزير الصحة خالد العلي", "speaker_key": "خالد العلي", "kind": "full"},
    ]},
    {"dataset": "feed.jsonl", "id": "n2", "quotes": [
        {"text": "قلق المراقبين", "speaker": "", "speaker_key": "", "kind": "phrase"},
        {"text": "في المنطقة", "speaker": "الوزير", "speaker_key": "الوزير", "kind": "phrase"},  # a planted miss
    ]},
]
FIGURES = [{"dataset": "feed.jsonl", "id": "n1", "figures": [{"text": "120 إصابة", "kind": "number"}]}]


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    data, gold = tmp_path / "data", tmp_path / "gold"
    data.mkdir()
    gold.mkdir()
    (data / "feed.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    (gold / "quotes.jsonl").write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUOTES), encoding="utf-8")
    (gold / "figures.jsonl").write_text(json.dumps(FIGURES[0], ensure_ascii=False), encoding="utf-8")
    return data, gold


def test_scores_and_misses(folders):
    data, gold = folders
    report = evaluate_facts(data, gold)
    assert report.articles == 2
    assert report.quotes.gold == 4 and report.quotes.matched == 3
    assert report.quotes.recall == pytest.approx(0.75)
    assert report.speakers_matched == 2 and report.speakers_correct == 2
    assert report.speaker_accuracy == 1.0 and report.speaker_accuracy_all == pytest.approx(2 / 3)
    assert report.figures.gold == 1 and report.figures.matched == 1
    assert any("quote missed" in m and "في المنطقة" in m for m in report.misses)
    text = report.render()
    assert "quotes    P" in text and "misses" in text


def test_gold_span_is_next_unused_occurrence():
    text = "قال “نعم” ثم قال “نعم”"
    spans = gold_spans(text, [{"text": "نعم"}, {"text": "نعم"}, {"text": "لا"}])
    first = text.index("نعم")
    second = text.index("نعم", first + 1)
    assert spans == [(first, first + 3), (second, second + 3), None]


def test_missing_data_file_names_it(tmp_path, folders):
    _, gold = folders
    with pytest.raises(UsageError, match="feed.jsonl"):
        evaluate_facts(tmp_path, gold)


def test_cli_json_and_text(folders):
    data, gold = folders
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "facts", "--data", str(data), "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["quotes"]["gold"] == 4 and payload["figures"]["matched"] == 1
    result = runner.invoke(app, ["eval", "facts", "--data", str(data), "--gold", str(gold)])
    assert result.exit_code == 0 and "speakers  accuracy" in result.output


def test_shipped_gold_is_well_formed():
    rows = read_gold(GOLD_DIR / "quotes.jsonl")
    assert len(rows) >= 40
    for row in rows:
        for quote in row["quotes"]:
            assert quote["text"] == quote["text"].strip() and quote["kind"] in {"full", "phrase"}
            assert not quote["speaker_key"] or quote["speaker"]
