"""The instruction-LLM engine on tiny causal LMs built by the tests (nothing downloaded).

A random-weight model answers garbage: the schema check re-asks once and then fails the article.
A model trained for seconds to answer schema-valid JSON with invented figures shows the JSON path
end to end and that the faithfulness guard replaces every such bullet.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tiny_causal_lm import GARBAGE_BULLETS, build_tiny_causal_lm, shared_tiny_model
from typer.testing import CliRunner

from briefer.analyze import analyze
from briefer.backends.chat import ChatEngine
from briefer.backends.extractive import ExtractiveEngine
from briefer.backends.instruct import InstructEngine, InstructTranslator
from briefer.backends.registry import get_engine
from briefer.cli import app
from briefer.config import BriefConfig
from briefer.errors import ArticleError, EngineError, ModelNotFoundError
from briefer.prompts import brief_messages
from briefer.types import Article, Bullet
from briefer.verify import verify_bullets

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytestmark = pytest.mark.models
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: every load is local_files_only anyway

ARTICLES = {
    "iraq_measles.txt": (
        "العراق يطلق حملة تطعيم ضد الحصبة\n"
        "أطلقت وزارة الصحة العراقية يوم الأحد حملة تطعيم ضد الحصبة تستهدف 3500 طفل في محافظة البصرة. "
        "وقال المتحدث باسم الوزارة سيف البدر: «الحملة تستمر عشرة أيام وتشمل المدارس والمراكز الصحية». "
        "وأضاف أن الوزارة خصصت 2.5 مليون دولار لشراء اللقاحات. "
        "وسجلت المحافظة 40 إصابة بالحصبة منذ بداية الشهر."
    ),
    "gcc_ministers.txt": (
        "وزراء الخارجية الخليجيون يجتمعون في الرياض\n"
        "اجتمع وزراء خارجية دول مجلس التعاون الخليجي في الرياض يوم الخميس لبحث الأمن الإقليمي. "
        "وقال الأمين العام للمجلس جاسم البديوي: «نعمل على تعزيز التكامل الاقتصادي بين دولنا». "
        "وناقش الوزراء مشروع الربط الكهربائي بكلفة 1.2 مليار دولار. "
        "ومن المقرر أن تعقد القمة المقبلة في يونيو/ حزيران 2027."
    ),
}


def _analysis(name: str = "iraq_measles.txt"):
    title, body = ARTICLES[name].split("\n", 1)
    return analyze(Article(id=name, text=body, title=title, origin=name))


@pytest.fixture(scope="module")
def random_model() -> Path:
    return shared_tiny_model(trained=False)


@pytest.fixture(scope="module")
def trained_model() -> Path:
    return shared_tiny_model(trained=True)


def _config(model: Path, **changes) -> BriefConfig:
    return BriefConfig(backend="instruct", model=str(model), device="cpu", max_new_tokens=200, **changes)


class CountingEngine(InstructEngine):
    """The real engine, counting what reaches the model."""

    calls = 0

    def chat_many(self, conversations):
        type(self).calls += len(conversations)
        return super().chat_many(conversations)


def test_random_weights_are_reasked_once_then_replaced_by_extractive_bullets(random_model):
    engine = CountingEngine(_config(random_model))
    CountingEngine.calls = 0
    analysis = _analysis()
    (bullets,) = engine.summarize([analysis])
    assert CountingEngine.calls == 2  # the ask and one re-ask
    assert bullets and {b.origin for b in bullets} == {"extractive-fallback"}
    # the extractive engine's own bullets: article text, the event bullet in headline style
    assert [b.text for b in bullets] == [b.text for b in ExtractiveEngine(engine.config).bullets(analysis)]
    (failure,) = engine.failures
    assert failure.startswith("iraq_measles.txt: brief_ar.v1: no valid JSON answer after a re-ask (")
    assert "\n" not in failure
    assert engine.notice.startswith("instruct: 1 answer(s) failed the JSON schema twice")


def test_one_failing_article_does_not_sink_its_batch(trained_model):
    short = analyze(Article(id="short", text="أعلنت الوزارة افتتاح مستشفى جديد. وقال الوزير إنه يخدم 5000 مريض.", origin="short.txt"))
    engine = InstructEngine(_config(trained_model))
    good, fallback = engine.summarize([_analysis(), short])  # the model always answers 4 bullets; short needs 2
    assert [b.text for b in good] == GARBAGE_BULLETS
    assert {b.origin for b in fallback} == {"extractive-fallback"}
    assert engine.failures == ['short.txt: brief_ar.v1: no valid JSON answer after a re-ask ("bullets" has 4 strings; exactly 2 are needed)']


def test_trained_model_answer_becomes_bullets(trained_model):
    engine = InstructEngine(_config(trained_model))
    (bullets,) = engine.summarize([_analysis()])
    assert [b.text for b in bullets] == GARBAGE_BULLETS
    assert {b.lang for b in bullets} == {"ar"} and {b.origin for b in bullets} == {"instruct"}
    assert bullets[0].role == "event" and bullets[1].role == "quote"


def test_guard_replaces_every_invented_bullet(trained_model):
    analysis = _analysis()
    (bullets,) = InstructEngine(_config(trained_model)).summarize([analysis])
    kept, verdicts = verify_bullets(analysis, bullets, "repair,replace")
    assert [v.action for v in verdicts] != ["kept"] * len(bullets), "the guard let invented figures through"
    final = " ".join(b.text for b in kept)
    for invented in ("9731", "8642", "77%", "46813"):
        assert invented not in final


def test_batches_several_articles_in_one_generate(trained_model):
    engine = CountingEngine(_config(trained_model, batch_size=2))
    CountingEngine.calls = 0
    results = engine.summarize([_analysis("iraq_measles.txt"), _analysis("gcc_ministers.txt")])
    assert CountingEngine.calls == 2 and [len(r) for r in results] == [4, 4]


def test_arabic_where_english_is_asked_is_refused_and_left_to_the_lexicon(trained_model):
    analysis = _analysis()
    engine = InstructEngine(_config(trained_model))
    (bullets_ar,) = engine.summarize([analysis])
    assert engine.writes_english
    assert engine.english([analysis], [bullets_ar]) == [None]  # the tiny model answers Arabic
    assert engine.failures == ["iraq_measles.txt: brief_en.v1: no valid JSON answer after a re-ask (string 1 is not in English)"]


def test_english_bullets_follow_the_arabic_ones():
    english = ["Iraq launched a measles vaccination campaign.", "The ministry allocated $2.5 million."]

    class Scripted(ChatEngine):
        name = "scripted"

        def chat(self, messages):
            return json.dumps({"bullets": english})

        def fits(self, messages):
            return True

    analysis = _analysis()
    bullets_ar = [
        Bullet("ar", analysis.sentences[0].text, sources=(0,), role="event"),
        Bullet("ar", analysis.sentences[2].text, sources=(2,), role="figure"),
    ]
    (bullets_en,) = Scripted(BriefConfig()).english([analysis], [bullets_ar])
    assert [b.text for b in bullets_en] == english
    assert all(b.lang == "en" and b.translated and b.origin == "scripted" for b in bullets_en)
    assert [(b.sources, b.role) for b in bullets_en] == [((0,), "event"), ((2,), "figure")]


def test_long_article_is_cut_at_a_sentence_boundary(random_model):
    engine = InstructEngine(_config(random_model))
    analysis = _analysis("gcc_ministers.txt")
    template = engine.templates["brief_ar"]

    def build(text):
        return brief_messages(template, analysis, 4, text)

    def tokens(messages):
        return len(engine._encode([messages])["input_ids"][0])

    whole, lead = tokens(build(None)), tokens(build(analysis.sentences[0].text))
    engine.config = engine.config.replace(max_input_tokens=(whole + lead) // 2)  # room for part of the article
    assert not engine.fits(build(None))
    fitted = engine._fitted(analysis, build)
    assert engine.fits(fitted)
    body = fitted[1]["content"].split("<<<ARTICLE\n", 1)[1].split("\nARTICLE>>>", 1)[0]
    kept = [s.text for s in analysis.sentences if s.text in body]
    assert 1 <= len(kept) < len(analysis.sentences)
    assert kept == [s.text for s in analysis.sentences[: len(kept)]]  # the lead sentences, in order
    assert body.endswith(kept[-1])  # cut at a sentence boundary
    one_more = analysis.article.text[: analysis.sentences[len(kept)].end]
    assert not engine.fits(build(one_more))  # and as much as fits


def test_signature_names_engine_model_and_prompt_version(random_model):
    signature = InstructEngine(_config(random_model)).signature()
    assert signature.startswith(f"engine:instruct|model:{random_model}|prompt:v1@")


def test_a_model_without_chat_template_is_refused(tmp_path, random_model):
    folder = build_tiny_causal_lm(tmp_path / "plain")
    config_path = folder / "tokenizer_config.json"
    settings = json.loads(config_path.read_text(encoding="utf-8"))
    settings.pop("chat_template", None)
    config_path.write_text(json.dumps(settings), encoding="utf-8")
    (folder / "chat_template.jinja").unlink(missing_ok=True)
    with pytest.raises(EngineError, match="has no chat template, so it is not an instruction model"):
        InstructEngine(_config(folder))


def test_a_missing_model_fails_in_one_line_naming_it(tmp_path):
    with pytest.raises(ModelNotFoundError, match=r"model '.*nowhere' is not available locally"):
        InstructEngine(_config(tmp_path / "nowhere"))


def test_translator_keeps_placeholders_through_the_translate_prompt():
    class Scripted(ChatEngine):
        name = "scripted"

        def chat(self, messages):
            texts = json.loads(messages[-1]["content"].split("<<<TEXTS\n", 1)[1].split("\nTEXTS>>>", 1)[0])
            english = {"قال الوزير ⟦Q1⟧.": "The minister said ⟦Q1⟧.", "ارتفع العجز إلى ⟦F1⟧.": "The deficit rose to ⟦F1⟧."}
            return json.dumps({"translations": [english[t] for t in texts]})

        def fits(self, messages):
            return True

    engine = Scripted(BriefConfig())
    assert engine.translate(["قال الوزير ⟦Q1⟧.", "ارتفع العجز إلى ⟦F1⟧."]) == [
        "The minister said ⟦Q1⟧.", "The deficit rose to ⟦F1⟧."
    ]


def test_instruct_translator_uses_the_translator_model(trained_model):
    translator = InstructTranslator(BriefConfig(translator_model=str(trained_model), device="cpu"))
    assert translator.engine.model_name == str(trained_model)
    with pytest.raises(ArticleError, match="translate.v1: no valid JSON answer"):
        translator.translate(["قال الوزير ⟦Q1⟧."])  # the tiny model only knows the bullets answer


def test_auto_picks_the_local_instruct_model(trained_model):
    engine = get_engine(BriefConfig(backend="auto", model=str(trained_model), device="cpu"))
    assert engine.name == "instruct"
    assert engine.notice.startswith(f"backend auto: using instruct with model '{trained_model}'")
    assert "openai: no base_url" in engine.notice


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.slow
@pytest.mark.skipif(not (EXAMPLES / "briefer.toml").is_file(), reason="examples/ not in this checkout")
def test_cli_brief_examples_end_to_end_with_the_instruct_backend(trained_model, tmp_path):
    output = tmp_path / "out.md"
    result = CliRunner().invoke(app, [
        "--quiet", "--config", str(EXAMPLES / "briefer.toml"), "brief", str(EXAMPLES), "-o", str(output),
        "--no-cache", "--backend", "instruct", "--model", str(trained_model),
    ])
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert f"engine:instruct|model:{trained_model}|prompt:v1@" in text
    for invented in ("9731", "8642", "46813"):
        assert invented not in text  # invented figures never reach the briefing
