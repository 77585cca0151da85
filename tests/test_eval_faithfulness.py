"""`briefer eval faithfulness`: raw engine errors counted BEFORE the guard, nothing AFTER it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefer.backends import registry
from briefer.backends.base import Engine
from briefer.cli.app import app
from briefer.config import BriefConfig
from briefer.evaluation.faithfulness import evaluate, report_json, report_text
from briefer.types import Bullet

ARTICLES = [
    {
        "id": "a1", "source": "وكالة الأنباء", "title": "السعودية ترسل قوات إلى الحدود",
        "text": "أعلنت وزارة الدفاع السعودية إرسال 3500 جندي إلى الحدود الجنوبية يوم الأحد.\n"
                "وقال وزير الخارجية عادل الجبير في مؤتمر صحفي إن “المملكة لن تسمح بأي تهديد لأمنها الوطني”.\n"
                "وبلغت قيمة صفقة الذخائر الجديدة 2.5 مليون دولار بحسب بيان الوزارة.",
    },
    {
        "id": "a2", "source": "صحيفة الصباح", "title": "حملة تطعيم في نينوى",
        "text": "أطلقت وزارة الصحة العراقية حملة تطعيم ضد الحصبة تستهدف ٧٢٠٠ طفل في محافظة نينوى.\n"
                "وقال مدير الحملة الدكتور سامي الحسن إن “الفرق الطبية ستزور 85 قرية خلال أسبوعين”.\n"
                "وأضاف أن نسبة التغطية بلغت 60 في المئة في الحملة السابقة.",
    },
]


class LyingEngine(Engine):
    """An engine making the errors the guard exists for: a digit slip and an invented quote."""

    name = "lying"

    def summarize(self, analyses):
        out = []
        for analysis in analyses:
            first = analysis.sentences[0].text.replace("3500", "3050").replace("٧٢٠٠", "٧٠٢٠")
            out.append([
                Bullet("ar", first, sources=(0,), role="event", origin="lying"),
                Bullet("ar", "وقال المسؤول إن “الحرب انتهت تماما ولن تعود”.", sources=(1,), role="quote", origin="lying"),
            ])
        return out


@pytest.fixture()
def data(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def with_lying_engine(monkeypatch):
    real = registry.engine_class
    monkeypatch.setattr(registry, "engine_class", lambda name: LyingEngine if name == "lying" else real(name))


def test_extractive_output_is_clean_and_checked(data):
    report = evaluate([data], BriefConfig(), ["extractive"])
    (tally,) = report.engines
    assert report.articles == 2 and tally.articles == 2 and not tally.unavailable
    assert tally.bullets["ar"] >= 4
    assert sum(tally.after.values()) == 0 and report.clean
    assert tally.checked["figures"] >= 3 and tally.checked["quotes"] >= 2  # there was something to check


def test_raw_errors_are_counted_before_and_fixed_after(data, with_lying_engine):
    (tally,) = evaluate([data], BriefConfig(), ["lying"]).engines
    assert tally.before["figure"] == 2  # 3050 and ٧٠٢٠
    assert tally.before["quote"] == 2  # the invented quote, in both articles
    assert sum(tally.after.values()) == 0
    ar = tally.actions["ar"]
    assert ar["repaired"] == 2 and ar["replaced"] + ar["dropped"] == 2 and ar["kept"] == 0
    text = report_text(evaluate([data], BriefConfig(), ["lying"]))
    assert "figures not in the source" in text and "PASS" in text


def test_unavailable_engine_is_reported_not_fatal(data):
    report = evaluate([data], BriefConfig(model="/nonexistent/model"), ["extractive", "seq2seq"])
    extractive, seq2seq = report.engines
    assert seq2seq.unavailable and not extractive.unavailable
    assert report.clean
    assert report_json(report)["engines"][1]["unavailable"]


def test_limit_reads_the_first_articles_only(data):
    assert evaluate([data], BriefConfig(), ["extractive"], limit=1).articles == 1


def test_cli_json_and_exit_code(data, with_lying_engine):
    result = CliRunner().invoke(app, ["eval", "faithfulness", str(data), "-b", "extractive", "-b", "lying", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [e["engine"] for e in payload["engines"]] == ["extractive", "lying"]
    assert payload["clean"] and payload["engines"][1]["before"]["figure"] == 2
    assert payload["engines"][1]["after"] == {"figure": 0, "quote": 0, "speaker": 0, "name": 0, "support": 0}


def test_cli_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "faithfulness", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
