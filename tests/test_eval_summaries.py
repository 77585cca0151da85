"""`briefer eval summaries`: records, budgets, every system on the same articles, the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.errors import InputError, UsageError
from briefer.evaluation.summaries import ENGINE_NAME, budget_for, evaluate, read_records, report_json

pytest.importorskip("sumy")

runner = CliRunner()

ARTICLES = [
    {
        "id": "a1",
        "title": "الأردن يعلن خطة لخفض البطالة",
        "text": "أعلنت الحكومة الأردنية خطة لخفض نسبة البطالة إلى 15% خلال ثلاث سنوات.\n"
                "وقال رئيس الوزراء إن الخطة تشمل توفير 60 ألف وظيفة في القطاع الخاص.\n"
                "وتبلغ نسبة البطالة حاليا نحو 22% وفق دائرة الإحصاءات العامة.\n"
                "اقرأ أيضا: الأردن يرفع الحد الأدنى للأجور.\n"
                "ويعاني الاقتصاد الأردني من تباطؤ النمو منذ سنوات.",
        "reference": "الحكومة الأردنية تعلن خطة لخفض البطالة إلى 15% خلال ثلاث سنوات.",
    },
    {
        "id": "a2",
        "title": "افتتاح معرض الكتاب في الرياض",
        "text": "افتتح معرض الرياض الدولي للكتاب أبوابه أمس بمشاركة 1800 دار نشر من 32 دولة.\n"
                "ويستمر المعرض عشرة أيام ويتضمن ندوات وأمسيات شعرية.\n"
                "وقالت إدارة المعرض إن عدد الزوار في اليوم الأول تجاوز 40 ألف زائر.",
        "reference": ["افتتاح معرض الرياض للكتاب بمشاركة 1800 دار نشر من 32 دولة.", "معرض الكتاب يفتتح في الرياض."],
    },
]


@pytest.fixture()
def data_file(tmp_path):
    path = tmp_path / "tiny_standfirst.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def test_records_read_with_one_or_several_references(data_file):
    records = read_records(data_file)
    assert [len(r.references) for r in records] == [1, 2]
    assert records[0].article.title == "الأردن يعلن خطة لخفض البطالة"
    assert len(read_records(data_file, limit=1)) == 1


def test_bad_json_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.jsonl:2"):
        read_records(path)


def test_budget_from_the_file_name_or_the_option(tmp_path):
    assert budget_for(tmp_path / "bbc_standfirst.jsonl") == "1"
    assert budget_for(tmp_path / "easc.jsonl") == "third"
    assert budget_for(tmp_path / "easc.jsonl", "1") == "1"
    with pytest.raises(UsageError, match="budget"):
        budget_for(tmp_path / "easc.jsonl", "half")


def test_every_system_scored_on_the_same_articles(data_file):
    report = evaluate(read_records(data_file), "1")
    names = [r.name for r in report.results]
    shipped = [f"{name} (sumy as shipped)" for name in ("LexRank", "TextRank", "Luhn")]
    assert names == [ENGINE_NAME, "Lead-1", "Lead-3", "LexRank", "TextRank", "Luhn", *shipped]
    assert report.articles == 2
    for result in report.results:
        assert 0.0 <= result.scores.rouge2 <= result.scores.rouge1 <= 1.0
        assert result.ms_per_article >= 0.0
    # the lead is close to the references here: Lead-1 must score well, Lead-3 (too long) lower
    assert report.result("Lead-1").scores.rouge1 > report.result("Lead-3").scores.rouge1 > 0.2


def test_third_budget_adds_lead_k(data_file):
    report = evaluate(read_records(data_file), "third")
    assert "Lead-k" in [r.name for r in report.results]
    summary = report_json(report)
    assert summary["budget"] == "third" and summary["speedup_vs_lexrank"] > 0


def test_cli_prints_a_table(data_file):
    result = runner.invoke(app, ["eval", "summaries", str(data_file)])
    assert result.exit_code == 0, result.output
    assert "LexRank" in result.output and ENGINE_NAME in result.output and "budget 1 sentence" in result.output


def test_cli_json_with_budget_and_limit(data_file):
    result = runner.invoke(app, ["eval", "summaries", str(data_file), "--budget", "third", "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["articles"] == 1 and summary["budget"] == "third"
    assert {row["system"] for row in summary["systems"]} >= {ENGINE_NAME, "Lead-k", "Luhn"}


def test_sumy_as_shipped_reads_the_article_text_itself(data_file):
    from briefer.analyze import analyze
    from briefer.evaluation.baselines import sumy_as_shipped

    pytest.importorskip("pyarabic")
    record = read_records(data_file)[0]
    summary = sumy_as_shipped("LexRank")(analyze(record.article), [], 2)
    sentences = [line.strip() for line in record.article.text.splitlines()]
    chosen = [s for s in sentences if s and s in summary]
    assert len(chosen) == 2 and len(summary) == len(" ".join(chosen))


def test_both_speed_ratios_are_reported(data_file):
    summary = report_json(evaluate(read_records(data_file), "1"))
    assert summary["speedup_vs_lexrank"] > 0 and summary["speedup_vs_lexrank_as_shipped"] > 0


def test_each_system_is_timed_over_several_passes_and_the_fastest_counts(data_file, monkeypatch):
    from briefer.evaluation import summaries

    ticks = iter([0.0, 5.0, 10.0, 11.0, 20.0, 23.0])  # passes of 5 s, 1 s and 3 s over 2 articles
    monkeypatch.setattr(summaries.time, "perf_counter", lambda: next(ticks))
    records = read_records(data_file)
    analyses = [summaries.analyze(r.article) for r in records]
    result = summaries._run_system("Lead-1", lambda a, _t, _c: a.sentences[0].text, analyses,
                                   [[] for _ in analyses], [1, 1], [r.references for r in records], repeat=3)
    assert result.first_pass_ms == 2500.0 and result.ms_per_article == 500.0


def test_cli_repeat_option_and_first_pass_column(data_file):
    result = runner.invoke(app, ["eval", "summaries", str(data_file), "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert all(row["ms_per_article"] == row["first_pass_ms"] for row in summary["systems"])
    assert summary["speedup_vs_lexrank_first_pass"] == summary["speedup_vs_lexrank"]
