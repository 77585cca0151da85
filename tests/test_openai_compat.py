"""The OpenAI-compatible engine against a real HTTP server on 127.0.0.1 started by the test.

Most tests use a scripted reply (fast, no torch); the end-to-end ones serve the tiny causal LM
built by tests/tiny_causal_lm.py, the way vLLM or llama.cpp would serve a real one.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest
from openai_stub_server import StubServer, causal_lm_reply
from typer.testing import CliRunner

from briefer.analyze import analyze
from briefer.backends.openai_compat import OpenAIEngine, OpenAITranslator
from briefer.backends.registry import get_engine
from briefer.cli import app
from briefer.config import BriefConfig
from briefer.errors import EngineError, UsageError
from briefer.types import Article

os.environ["HF_HUB_OFFLINE"] = "1"

BODY = (
    "أعلن البنك المركزي المصري يوم الخميس خفض سعر الفائدة بمقدار 100 نقطة أساس إلى 20%. "
    "وقال محافظ البنك حسن عبد الله: «القرار يدعم النمو ويحافظ على استقرار الأسعار». "
    "وأضاف أن التضخم تراجع إلى 12 بالمئة في أكتوبر/ تشرين الأول. "
    "ويأتي القرار بعد ثلاثة اجتماعات أبقى فيها البنك على الفائدة دون تغيير."
)
GOOD = ["خفض البنك المركزي المصري الفائدة 100 نقطة أساس إلى 20%.", "تراجع التضخم إلى 12 بالمئة في أكتوبر/ تشرين الأول.",
        "قال المحافظ: «القرار يدعم النمو ويحافظ على استقرار الأسعار».", "جاء القرار بعد ثلاثة اجتماعات دون تغيير."]


def _analysis(origin: str = "egypt_rates.txt"):
    return analyze(Article(id=origin, text=BODY, title="المركزي المصري يخفض الفائدة", origin=origin))


def _answer(messages) -> str:
    return json.dumps({"bullets": GOOD}, ensure_ascii=False)


def _config(server: StubServer, **changes) -> BriefConfig:
    settings = {"backend": "openai", "base_url": server.base_url, "model": "tiny", "timeout": 5.0, "retries": 2}
    return BriefConfig(**{**settings, **changes})


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    monkeypatch.setattr(OpenAIEngine, "backoff_seconds", 0.01)


def test_bullets_come_back_over_http_with_the_prompt_sent():
    with StubServer(_answer) as server:
        (bullets,) = OpenAIEngine(_config(server)).summarize([_analysis()])
    assert [b.text for b in bullets] == GOOD and {b.origin for b in bullets} == {"openai"}
    (body,) = server.requests
    assert body["model"] == "tiny" and body["temperature"] == 0 and body["max_tokens"] == 256
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "<<<ARTICLE\n" + BODY + "\nARTICLE>>>" in body["messages"][1]["content"]


def test_a_bad_answer_is_reasked_once_over_http():
    replies = iter(["لا أعرف", json.dumps({"bullets": GOOD}, ensure_ascii=False)])
    with StubServer(lambda messages: next(replies)) as server:
        (bullets,) = OpenAIEngine(_config(server)).summarize([_analysis()])
    assert len(bullets) == 4 and len(server.requests) == 2
    assert "the answer holds no JSON object" in server.requests[1]["messages"][-1]["content"]


@pytest.mark.parametrize("status", [503, 429])
def test_busy_server_is_retried_with_backoff(status):
    with StubServer(_answer, fail_first=2, fail_status=status) as server:
        (bullets,) = OpenAIEngine(_config(server, retries=2)).summarize([_analysis()])
    assert len(bullets) == 4
    assert server.statuses == [status, status, 200]


def test_retries_run_out_with_a_one_line_error():
    with StubServer(_answer, fail_first=10) as server, pytest.raises(EngineError) as failure:
        OpenAIEngine(_config(server, retries=1)).summarize([_analysis()])
    assert len(server.requests) == 2
    assert str(failure.value) == f"{server.base_url}/chat/completions: HTTP 503: server busy, try again"


def test_backoff_doubles_and_honours_retry_after():
    engine = OpenAIEngine(BriefConfig(backend="openai", base_url="http://127.0.0.1:9/v1", model="m"))
    assert [engine._backoff(n, None) for n in range(3)] == [0.01, 0.02, 0.04]
    assert engine._backoff(0, "3") == 3.0


def test_timeout_is_retried_then_reported():
    def slow(messages):
        time.sleep(1.0)
        return _answer(messages)

    with StubServer(slow) as server, pytest.raises(EngineError, match=r"no answer within timeout = 0.2 s after 2 tries"):
        OpenAIEngine(_config(server, timeout=0.2, retries=1)).chat([{"role": "user", "content": "مرحبا"}])


def test_unreachable_server_names_the_url():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = BriefConfig(backend="openai", base_url=f"http://127.0.0.1:{port}/v1", model="tiny", retries=0)
    with pytest.raises(EngineError, match=rf"cannot reach the OpenAI-compatible server at http://127.0.0.1:{port}/v1"):
        OpenAIEngine(config).chat([{"role": "user", "content": "مرحبا"}])


def test_unknown_model_is_a_404_with_a_hint():
    with StubServer(_answer, model="other") as server, pytest.raises(EngineError, match="HTTP 404: model 'tiny' not found; check base_url"):
        OpenAIEngine(_config(server)).summarize([_analysis()])


def test_key_is_read_from_the_named_variable_and_sent(monkeypatch):
    monkeypatch.setenv("DESK_LLM_KEY", "sk-test-123")
    with StubServer(_answer, api_key="sk-test-123") as server:
        (bullets,) = OpenAIEngine(_config(server, api_key_env="DESK_LLM_KEY")).summarize([_analysis()])
    assert len(bullets) == 4


def test_rejected_key_error_names_the_variable(monkeypatch):
    monkeypatch.delenv("DESK_LLM_KEY", raising=False)
    with StubServer(_answer, api_key="sk-test-123") as server, pytest.raises(EngineError) as failure:
        OpenAIEngine(_config(server, api_key_env="DESK_LLM_KEY")).summarize([_analysis()])
    assert "HTTP 401" in str(failure.value) and "environment variable DESK_LLM_KEY" in str(failure.value)


def test_openai_itself_needs_the_key_variable(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(UsageError, match="set the environment variable OPENAI_API_KEY"):
        OpenAIEngine(BriefConfig(backend="openai", model="gpt-4o-mini"))


def test_model_name_is_required():
    with pytest.raises(UsageError, match="needs the model name the server knows"):
        OpenAIEngine(BriefConfig(backend="openai", base_url="http://127.0.0.1:9/v1"))


def test_requests_run_concurrently_up_to_the_limit():
    in_flight, peak, lock = [0], [0], threading.Lock()

    def reply(messages):
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        time.sleep(0.2)
        with lock:
            in_flight[0] -= 1
        return _answer(messages)

    with StubServer(reply, serialize=False) as server:
        started = time.perf_counter()
        results = OpenAIEngine(_config(server, concurrency=3)).summarize([_analysis(f"a{i}.txt") for i in range(6)])
        elapsed = time.perf_counter() - started
    assert len(results) == 6 and peak[0] == 3
    assert elapsed < 6 * 0.2


def test_translator_sends_the_translate_prompt():
    def reply(messages):
        texts = json.loads(messages[-1]["content"].split("<<<TEXTS\n", 1)[1].split("\nTEXTS>>>", 1)[0])
        return json.dumps({"translations": [f"EN:{len(t)}" for t in texts]})

    with StubServer(reply) as server:
        translator = OpenAITranslator(BriefConfig(base_url=server.base_url, translator_model="tiny", timeout=5.0))
        assert translator.translate(["قال الوزير ⟦Q1⟧.", "ارتفع العجز."]) == ["EN:16", "EN:12"]


def test_auto_uses_the_server_when_it_answers_and_falls_back_when_not():
    with StubServer(_answer) as server:
        engine = get_engine(BriefConfig(backend="auto", base_url=server.base_url, model="tiny"))
        assert engine.name == "openai" and engine.notice == "backend auto: using openai with model 'tiny'"
    engine = get_engine(BriefConfig(backend="auto", base_url=server.base_url, model="tiny"))
    assert engine.name == "extractive"
    assert engine.notice.startswith("backend auto: using extractive (passed over: openai: cannot reach")
    assert "instruct: no model set" not in engine.notice  # the model is a server name, not found locally
    assert "instruct: model 'tiny' not found locally" in engine.notice


# ---------------------------------------------------------------------- the tiny LM behind HTTP


@pytest.fixture(scope="module")
def served_trained_model():
    pytest.importorskip("torch")
    from tiny_causal_lm import shared_tiny_model

    reply = causal_lm_reply(str(shared_tiny_model(trained=True)))
    with StubServer(reply, model="tiny", lifetime=300) as server:
        yield server


@pytest.fixture()
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "egypt_rates.txt").write_text("المركزي المصري يخفض الفائدة\n" + BODY, encoding="utf-8")
    (folder / "second.txt").write_text(
        "العراق يطلق حملة تطعيم\nأطلقت وزارة الصحة العراقية حملة تطعيم تستهدف 3500 طفل في البصرة. "
        "وقال المتحدث باسم الوزارة: «الحملة تستمر عشرة أيام». وخصصت الوزارة 2.5 مليون دولار للقاحات. "
        "وسجلت المحافظة 40 إصابة منذ بداية الشهر.",
        encoding="utf-8",
    )
    return folder


def test_cli_brief_runs_end_to_end_against_the_served_tiny_model(served_trained_model, articles_dir, tmp_path):
    output = tmp_path / "out.json"
    result = CliRunner().invoke(app, [
        "--quiet", "brief", str(articles_dir), "-o", str(output), "--no-cache",
        "--backend", "openai", "--base-url", served_trained_model.base_url, "--model", "tiny",
    ])
    assert result.exit_code == 0, result.output
    briefing = json.loads(output.read_text(encoding="utf-8"))
    signature = briefing["signature"]["fields"]
    assert (signature["engine"], signature["model"]) == ("openai", "tiny") and signature["prompt"].startswith("v1@")
    texts = " ".join(b["text"] for story in briefing["stories"] for b in story["bullets"]["ar"])
    for invented in ("9731", "8642", "77%", "46813"):
        assert invented not in texts  # the guard caught every invented figure
    arabic = [story["verification"]["ar"] for story in briefing["stories"]]
    assert len(arabic) == 2 and all(counts["kept"] == 0 for counts in arabic)


def test_served_random_model_is_caught_and_replaced_by_extractive_bullets():
    pytest.importorskip("torch")
    from tiny_causal_lm import shared_tiny_model

    with StubServer(causal_lm_reply(str(shared_tiny_model(trained=False)), max_new_tokens=40)) as server:
        engine = OpenAIEngine(_config(server))
        (bullets,) = engine.summarize([_analysis()])
    assert len(server.requests) == 2  # the ask and one re-ask
    assert bullets and {b.origin for b in bullets} == {"extractive-fallback"}
    (failure,) = engine.failures
    assert failure.startswith("egypt_rates.txt: brief_ar.v1: no valid JSON answer after a re-ask (")


def test_openai_translator_gives_the_english_side_with_figures_restored():
    import re

    from briefer.translate import english_side, get_translator
    from briefer.types import Bullet

    def reply(messages):
        texts = json.loads(messages[-1]["content"].split("<<<TEXTS\n", 1)[1].split("\nTEXTS>>>", 1)[0])
        # a "translation" that keeps each placeholder once, as the prompt asks
        return json.dumps({"translations": [
            ("The report says " + " and ".join(re.findall(r"(?:FIG|QUOTE|NAME)\d+", t)) + ".")
            if re.search(r"(?:FIG|QUOTE|NAME)\d+", t) else "the central bank governor"
            for t in texts
        ]})

    analysis = _analysis()
    bullets = (Bullet("ar", analysis.sentences[0].text, sources=(0,), role="event"),)
    with StubServer(reply, model="tiny") as server:
        translator = get_translator(BriefConfig(translator="openai", base_url=server.base_url, model="tiny", timeout=5.0))
        headline, english, mode = english_side(analysis, bullets, translator)
    assert mode == "translation" and translator.name == "openai"
    (bullet,) = english
    assert bullet.lang == "en" and bullet.translated and "100 basis points" in bullet.text and "20%" in bullet.text
    assert bullet.text.startswith("The report says ")
