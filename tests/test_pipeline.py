"""The pipeline: per-article error capture, the brief cache, worker processes, serialisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.cache import BriefCache
from briefer.config import BriefConfig, load_config
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl
from briefer.pipeline import brief_inputs, run_briefing
from briefer.serialize import from_data, to_data
from briefer.spill import BriefSpill
from briefer.types import ArticleBrief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def example_config():
    return load_config(EXAMPLES / "briefer.toml", environ={}).replace(date="2026-11-28", no_cache=True)


@pytest.fixture(scope="module")
def feed(tmp_path_factory, example_config) -> Path:
    path = tmp_path_factory.mktemp("feed") / "synthetic.jsonl"
    write_jsonl(path, synthetic_records(seed_articles(EXAMPLES, example_config), 60))
    return path


def test_every_example_is_briefed(example_config):
    result = run_briefing([str(EXAMPLES)], example_config)
    assert not result.skipped
    assert len(result.briefs) >= 13
    for brief in result.briefs:
        assert 1 <= len(brief.bullets_ar) <= example_config.bullets
        assert brief.headline_ar
        assert all(b.sources for b in brief.bullets_ar), brief.article.origin
    assert result.briefing.signature.startswith("engine:extractive")


def test_article_errors_are_captured_and_batch_goes_on(tmp_path, example_config):
    (tmp_path / "english.txt").write_text(
        "Headline\n\nThe minister said the government will spend 3 billion dollars on the new roads "
        "and the bridges in the north of the country next year, officials said on Monday.", "utf-8")
    (tmp_path / "good.txt").write_text((EXAMPLES / "01_politics_iraq_fm_visit_amman.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    result = run_briefing([str(tmp_path)], example_config)
    assert len(result.briefs) == 1
    reasons = {Path(s.origin).name: s.reason for s in result.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "not in Arabic" in reasons["english.txt"]
    assert result.exit_code == 1
    assert [Path(s.origin).name for s in result.briefing.skipped] == sorted(reasons)


def test_non_arabic_can_be_briefed_by_option(tmp_path, example_config):
    (tmp_path / "english.txt").write_text(
        "Headline\n\nThe minister said the government will spend 3 billion dollars on roads. "
        "Officials said the work will start in March and end in 2028.", "utf-8")
    briefs, skipped = brief_inputs([str(tmp_path)], example_config.replace(non_arabic="summarize"))
    assert len(briefs) == 1 and not skipped


def test_brief_round_trips_through_json(example_config):
    briefs, _ = brief_inputs([str(EXAMPLES / "12_security_red_sea_drones.txt")], example_config)
    data = json.loads(json.dumps(to_data(briefs[0]), ensure_ascii=False))
    assert from_data(ArticleBrief, data) == briefs[0]


def test_cache_resumes_without_recomputing(tmp_path, feed, example_config):
    config = example_config.replace(no_cache=False, cache=str(tmp_path / "c.sqlite"))
    first = run_briefing([str(feed)], config)
    assert first.cached == 0
    with BriefCache(config.cache) as cache:
        assert len(cache) == len(first.briefs)
    second = run_briefing([str(feed)], config)
    assert second.cached == len(first.briefs)
    assert second.briefing == first.briefing


def test_cache_key_includes_the_settings(tmp_path, feed, example_config):
    config = example_config.replace(no_cache=False, cache=str(tmp_path / "c.sqlite"))
    run_briefing([str(feed)], config)
    assert run_briefing([str(feed)], config.replace(bullets=3)).cached == 0


def test_cache_key_changes_with_the_code_and_data(tmp_path):
    """An editable install or a patched lexicon changes briefs without a new version number."""
    from briefer.cache import code_digest

    package = tmp_path / "briefer"
    (package / "data").mkdir(parents=True)
    (package / "rules.py").write_text("LIMIT = 4\n", encoding="utf-8")
    (package / "data" / "titles.txt").write_text("الوزير\n", encoding="utf-8")
    first = code_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0")
    (package / "notes.docx").write_bytes(b"PK")
    assert code_digest(package) == first  # byte code and files briefs are not made from do not count
    (package / "data" / "titles.txt").write_text("الوزير\nالسفير\n", encoding="utf-8")
    assert code_digest(package) != first


def test_worker_processes_give_the_same_briefing(feed, example_config):
    serial = run_briefing([str(feed)], example_config)
    parallel = run_briefing([str(feed)], example_config.replace(jobs=2, batch_size=7))
    assert parallel.briefing == serial.briefing


def test_jobs_are_ignored_with_a_notice_for_model_engines():
    from briefer.pipeline import _job_notices

    assert _job_notices(BriefConfig(jobs=4, backend="seq2seq"))
    assert not _job_notices(BriefConfig(jobs=4))


def test_an_unexpected_bug_on_one_article_skips_only_that_article(monkeypatch, example_config):
    import briefer.pipeline as pipeline

    real_analyze = pipeline.analyze

    def flaky(article):
        if "فؤاد حسين" in article.text:
            raise ValueError("boom\nsecond line")
        return real_analyze(article)

    monkeypatch.setattr(pipeline, "analyze", flaky)
    result = run_briefing([str(EXAMPLES)], example_config)
    (skipped,) = result.skipped
    assert skipped.origin.endswith("01_politics_iraq_fm_visit_amman.txt")
    assert skipped.reason.startswith("internal error (ValueError: boom)")
    assert len(result.briefs) >= 12


def test_the_run_keeps_its_briefs_on_disk_and_reads_them_back_complete(feed, example_config):
    result = run_briefing([str(feed)], example_config)
    briefs, _ = brief_inputs([str(feed)], example_config)
    assert isinstance(result.briefs, BriefSpill)
    assert list(result.briefs) == briefs
    # stories in full hold their lead complete; the other reports are kept headline-level
    for story in result.briefing.stories:
        assert story.lead == briefs[[b.article.id for b in briefs].index(story.lead.article.id)]
    for brief in (b for story in result.briefing.annex for b in story.briefs):
        assert brief.article.text == "" and brief.headline_ar


def test_brief_spill_is_a_sequence_read_back_from_its_file():
    from briefing_samples import day_briefs

    spill = BriefSpill()
    briefs = day_briefs()
    assert [spill.append(b) for b in briefs] == list(range(len(briefs)))
    assert len(spill) == len(briefs) and spill[-1] == briefs[-1] and spill[1:3] == briefs[1:3]
    assert list(spill) == briefs
    with pytest.raises(IndexError):
        spill[len(briefs)]
    spill.close()


class _FixedTranslator:
    """A translator answering every text with one sentence (no placeholders to restore)."""

    name = "fixed"
    model_name = "-"

    def __init__(self, answer: str):
        self.answer = answer

    def translate(self, texts: list[str]) -> list[str]:
        return [self.answer for _ in texts]


@pytest.mark.parametrize(("answer", "shown"), [
    ("Long talks between the parties", "Long talks between the parties"),
    ("Long talks between the parties end with 3 accords", ""),  # the model's own figure is not shown
])
def test_a_translated_headline_is_checked_against_the_arabic_one(example_config, answer, shown):
    from briefer.pipeline import BriefMaker
    from briefer.types import Article

    maker = BriefMaker(example_config)
    maker.translator = _FixedTranslator(answer)
    article = Article(id="h1", source="s", title="محادثات مطولة بين الطرفين",
                      text="عقد الطرفان محادثات مطولة في العاصمة. وقال مصدر مطلع إن الجولة المقبلة ستعقد قريبا.")
    (brief,) = maker.make([article])
    assert brief.headline_en == shown


def test_the_english_headline_says_the_arabic_headline_shown(example_config):
    """Without a title the engine heads the story with its main-event sentence, not the first one
    (here a 'read also' line): the English headline says that same sentence."""
    from briefer.pipeline import BriefMaker
    from briefer.types import Article

    text = ("اقرأ أيضا: مهرجان الأفلام في باريس. أعلنت وزارة الصحة السعودية إطلاق حملة تطعيم تستهدف "
            "4 ملايين طفل في الرياض وجدة. وقال وزير الصحة إن الحملة تستمر عشرة أيام.")
    (brief,) = BriefMaker(example_config).make([Article(id="u1", source="s", text=text)])
    assert brief.headline_ar.startswith("أعلنت وزارة الصحة السعودية")
    assert "4 million children" in brief.headline_en and "Paris" not in brief.headline_en
