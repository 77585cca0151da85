"""The seq2seq engine on a tiny mT5 built on the spot (random weights: its output is garbage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.arabic.segment import split_sentences
from briefer.backends.registry import get_engine
from briefer.backends.seq2seq import Seq2SeqEngine, best_sources
from briefer.config import BriefConfig
from briefer.errors import ModelNotFoundError
from briefer.facts import find_figures
from briefer.types import Analysis, Article, Bullet
from tests.tiny_models import tiny_mt5  # noqa: F401  (fixture)

pytest.importorskip("transformers")

ARTICLE = (
    "أعلنت وزارة الصحة العراقية يوم الأحد إطلاق حملة تطعيم ضد الحصبة تستهدف 2.5 مليون طفل في 15 محافظة. "
    "وقال المتحدث باسم الوزارة إن الحملة تستمر عشرة أيام بمشاركة 4500 فريق جوال. "
    "وأضاف أن الوزارة خصصت 12 مليار دينار لشراء اللقاحات ونقلها إلى المراكز الصحية. "
    "وسجلت البلاد العام الماضي أكثر من 3000 إصابة بالحصبة بحسب منظمة الصحة العالمية. "
    "ودعت الوزارة الأهالي إلى مراجعة أقرب مركز صحي لتطعيم أطفالهم دون تأخير."
)


def _analysis(text: str = ARTICLE) -> Analysis:
    sentences = split_sentences(text)
    return Analysis(Article("measles", text, title="حملة تطعيم ضد الحصبة في العراق"), sentences,
                    figures=find_figures(text, sentences))


def _engine(model, **settings) -> Seq2SeqEngine:
    config = BriefConfig(backend="seq2seq", model=str(model), device="cpu", num_beams=1, max_new_tokens=12,
                         **settings)
    return get_engine(config)


def test_registry_builds_the_engine_from_a_local_folder(tiny_mt5):  # noqa: F811
    engine = _engine(tiny_mt5)
    assert isinstance(engine, Seq2SeqEngine)
    assert f"engine:seq2seq|model:{tiny_mt5}|" in engine.signature()


def test_missing_model_is_a_one_line_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        _engine(tmp_path / "mT5_multilingual_XLSum")


def test_long_article_is_chunked_at_sentence_boundaries(tiny_mt5):  # noqa: F811
    engine = _engine(tiny_mt5, max_input_tokens=40)
    analysis = _analysis()
    chunks = engine._chunks(0, analysis)
    assert len(chunks) > 1
    sentences = [s.text for s in analysis.sentences]
    rebuilt = [s for chunk in chunks for s in sentences if s in chunk.text]
    assert rebuilt == sentences  # every sentence whole, once, in order
    assert all(chunk.text.endswith(".") for chunk in chunks)


def test_short_article_is_one_chunk(tiny_mt5):  # noqa: F811
    engine = _engine(tiny_mt5, max_input_tokens=1024)
    assert len(engine._chunks(0, _analysis())) == 1


def test_batch_gives_bullets_per_article_with_sources(tiny_mt5):  # noqa: F811
    engine = _engine(tiny_mt5, max_input_tokens=40, batch_size=3, bullets=3)
    short = _analysis("قال الوزير إن الحكومة خصصت 2.5 مليار دولار للمستشفيات.")
    results = engine.summarize([_analysis(), short])
    assert len(results) == 2
    for bullets in results:
        assert 1 <= len(bullets) <= 3
        assert all(b.lang == "ar" and b.origin == "seq2seq" and b.text for b in bullets)
        assert bullets[0].role == "event"


def test_empty_article_gets_no_bullets(tiny_mt5):  # noqa: F811
    assert _engine(tiny_mt5).summarize([_analysis("")]) == [[]]


def test_generation_never_forbids_repeated_ngrams(tiny_mt5, monkeypatch):  # noqa: F811
    engine = _engine(tiny_mt5)
    calls = []
    original = engine._model.generate
    monkeypatch.setattr(engine._model, "generate", lambda **kw: calls.append(kw) or original(**kw))
    engine.summarize([_analysis()])
    assert calls and all(kw["no_repeat_ngram_size"] == 0 for kw in calls)


def test_best_sources_prefers_the_sentence_sharing_most_words():
    analysis = _analysis()
    assert best_sources("خصصت الوزارة 12 مليار دينار لشراء اللقاحات", analysis.sentences, limit=1) == (2,)
    assert best_sources("؟؟", analysis.sentences) == ()


def test_guard_catches_and_replaces_random_weight_garbage(tiny_mt5):  # noqa: F811
    from briefer.verify import verify_bullets

    analysis = _analysis()
    (bullets,) = _engine(tiny_mt5, bullets=3).summarize([analysis])
    source_values = {f.value for f in analysis.figures}
    invented = [b for b in bullets if any(f.value not in source_values for f in find_figures(b.text, ()))]
    assert invented, f"the tiny model was built to invent figures: {[b.text for b in bullets]}"
    kept, verdicts = verify_bullets(analysis, bullets, "repair,replace")
    assert len(verdicts) == len(bullets)
    assert all(v.action != "kept" for v, b in zip(verdicts, bullets, strict=True) if b in invented)
    assert not any(b.text == garbage.text for b in kept for garbage in invented)
    for bullet in kept:
        assert all(f.value in source_values for f in find_figures(bullet.text, ()))


def test_bullet_type_is_the_shared_contract(tiny_mt5):  # noqa: F811
    (bullets,) = _engine(tiny_mt5).summarize([_analysis()])
    assert all(isinstance(b, Bullet) and isinstance(b.sources, tuple) for b in bullets)


@pytest.mark.slow
def test_brief_examples_end_to_end_with_tiny_seq2seq_and_marian(tiny_mt5, tmp_path, monkeypatch):  # noqa: F811
    import docx
    import torch
    from typer.testing import CliRunner

    from briefer.cli import app
    from tests.tiny_models import build_tiny_marian

    torch.set_num_threads(1)
    marian = build_tiny_marian(tmp_path / "marian", steps=50)
    monkeypatch.setenv("BRIEFER_MAX_NEW_TOKENS", "16")
    monkeypatch.setenv("BRIEFER_NUM_BEAMS", "1")
    monkeypatch.setenv("BRIEFER_DEVICE", "cpu")
    out = tmp_path / "out.docx"
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = CliRunner().invoke(app, [
        "brief", str(examples), "-o", str(out), "--backend", "seq2seq", "--model", str(tiny_mt5),
        "--translator", "marian", "--translator-model", str(marian), "--no-cache",
    ])
    assert result.exit_code in (0, 1), result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"engine:seq2seq|model:{tiny_mt5}" in text
    assert f"translator:marian:{marian}" in text
    assert "4قال" not in text  # the random model's garbage never reaches the page
