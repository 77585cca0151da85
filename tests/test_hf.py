"""briefer.backends.hf: finding models locally, never online; devices, dtypes, dependencies."""

from __future__ import annotations

import time

import pytest

from briefer.backends import hf
from briefer.errors import ConfigError, EngineError, MissingDependencyError, ModelNotFoundError
from tests.tiny_models import tiny_mt5  # noqa: F401  (fixture)

torch = pytest.importorskip("torch")


def _saved_model(folder):
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    return folder


def test_local_folder_resolves_to_itself(tmp_path):
    folder = _saved_model(tmp_path / "opus-mt-ar-en")
    assert hf.resolve_model(str(folder)) == folder.resolve()
    assert hf.is_present(str(folder))


def test_missing_hub_model_fails_fast_in_one_line_with_fetch_hint(tmp_path, monkeypatch):
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    started = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as caught:
        hf.resolve_model("Helsinki-NLP/opus-mt-ar-en")
    assert time.perf_counter() - started < 2.0
    message = str(caught.value)
    assert "\n" not in message
    assert "'Helsinki-NLP/opus-mt-ar-en'" in message
    assert "briefer models pull Helsinki-NLP/opus-mt-ar-en" in message
    assert "huggingface-cli download Helsinki-NLP/opus-mt-ar-en --local-dir" in message
    assert not hf.is_present("Helsinki-NLP/opus-mt-ar-en")


def test_hub_id_found_in_the_local_cache(tmp_path, monkeypatch):
    cache = tmp_path / "hub"
    repo = cache / "models--Helsinki-NLP--opus-mt-ar-en"
    snapshot = _saved_model(repo / "snapshots" / "0123abcd")
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("0123abcd", encoding="utf-8")
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(cache))
    assert hf.resolve_model("Helsinki-NLP/opus-mt-ar-en") == snapshot


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        hf.resolve_model(str(tmp_path / "models" / "arabart"))


def test_folder_without_config_is_not_a_model(tmp_path):
    (tmp_path / "notes").mkdir()
    with pytest.raises(ModelNotFoundError, match="no config.json"):
        hf.resolve_model(str(tmp_path / "notes"))


def test_empty_model_setting_says_which_setting():
    with pytest.raises(ModelNotFoundError, match="--model"):
        hf.resolve_model("  ")


def test_require_names_the_missing_package():
    hf.require("torch", "transformers", "sentencepiece")
    with pytest.raises(MissingDependencyError, match="'briefer_no_such_package'"):
        hf.require("briefer_no_such_package")


def test_pick_device(monkeypatch):
    assert hf.pick_device("cpu") == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
    assert hf.pick_device("auto") == "cpu"
    with pytest.raises(EngineError, match="'device' is 'cuda'"):
        hf.pick_device("cuda")
    with pytest.raises(ConfigError, match="'device'"):
        hf.pick_device("tpu")


def test_pick_dtype():
    assert hf.pick_dtype("auto", "cpu") == torch.float32
    assert hf.pick_dtype("bfloat16", "cpu") == torch.bfloat16
    with pytest.raises(ConfigError, match="'dtype'"):
        hf.pick_dtype("int3", "cpu")


def test_load_model_and_tokenizer_from_folder(tiny_mt5):  # noqa: F811
    tokenizer = hf.load_tokenizer(str(tiny_mt5))
    model, device = hf.load_model("seq2seq", str(tiny_mt5), device="cpu", dtype="float32")
    assert device == "cpu"
    assert type(model).__name__ == "MT5ForConditionalGeneration"
    assert not model.training
    assert tokenizer("أعلنت وزارة الصحة")["input_ids"][-1] == tokenizer.eos_token_id


def test_generate_keeps_input_order_and_allows_repeats(tiny_mt5, monkeypatch):  # noqa: F811
    tokenizer = hf.load_tokenizer(str(tiny_mt5))
    model, device = hf.load_model("seq2seq", str(tiny_mt5), device="cpu")
    seen = []
    original = model.generate

    def spy(**kwargs):
        seen.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(model, "generate", spy)
    texts = ["قال الوزير إن الحكومة خصصت 2.5 مليار دولار للمستشفيات في المحافظات", "قال"]
    outputs = hf.generate_texts(tokenizer, model, device, texts, batch_size=1, max_input_tokens=32,
                                max_new_tokens=6, num_beams=1)
    single = hf.generate_texts(tokenizer, model, device, texts[1:], batch_size=1, max_input_tokens=32,
                               max_new_tokens=6, num_beams=1)
    assert outputs[1] == single[0]
    assert len(seen) == 3 and all(k["no_repeat_ngram_size"] == 0 for k in seen)


def test_unloadable_folder_is_an_engine_error(tmp_path):
    folder = _saved_model(tmp_path / "broken")
    with pytest.raises(EngineError, match="could not be loaded"):
        hf.load_model("seq2seq", str(folder), device="cpu")
