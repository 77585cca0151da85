"""Translation models: the Translator interface, the encoder-decoder translators (Marian, NLLB,
M2M-100) loaded through briefer.backends.hf, the registry of translator names (TRANSLATORS) and the
choice of one (get_translator; "auto" takes one only if a translation model is on this machine)."""

from __future__ import annotations

import importlib
import json
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from briefer.backends import hf
from briefer.config import BriefConfig
from briefer.errors import ConfigError, ModelNotFoundError, UsageError

DEFAULT_TRANSLATOR_MODEL = "Helsinki-NLP/opus-mt-ar-en"

# translator name -> "module:Class"; other engines register theirs here (e.g. "instruct", "openai")
# without touching the functions below. Each class is called with the BriefConfig.
TRANSLATORS: dict[str, str] = {
    "marian": "briefer.translate.models:MarianTranslator",
    "nllb": "briefer.translate.models:NllbTranslator",
    "m2m": "briefer.translate.models:M2MTranslator",
    "instruct": "briefer.backends.instruct:InstructTranslator",
    "openai": "briefer.backends.openai_compat:OpenAITranslator",
}


class Translator(ABC):
    """Arabic in, English out, a batch at a time."""

    name: ClassVar[str]
    model_name: str = "-"

    @abstractmethod
    def translate(self, texts: list[str]) -> list[str]:
        """One English text per Arabic text, in order."""


class Seq2SeqTranslator(Translator):
    """Any encoder-decoder translation model loaded through briefer.backends.hf."""

    name = "seq2seq"
    default_model = DEFAULT_TRANSLATOR_MODEL
    source_lang = ""  # tokenizer source language code, for multilingual models
    target_token = ""  # token the decoder is forced to start with, for multilingual models

    def __init__(self, config: BriefConfig):
        self.config = config
        self.model_name = config.translator_model or self.default_model
        self._tokenizer = hf.load_tokenizer(self.model_name)
        self._model, self._device = hf.load_model("seq2seq", self.model_name, config.device, config.dtype)
        if self.source_lang:
            self._tokenizer.src_lang = self.source_lang

    def translate(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        return hf.generate_texts(
            self._tokenizer, self._model, self._device, list(texts),
            batch_size=self.config.batch_size, max_input_tokens=self.config.max_input_tokens,
            max_new_tokens=self.config.max_new_tokens, num_beams=self.config.num_beams,
            **self._target_kwargs(),
        )

    def _target_kwargs(self) -> dict[str, int]:
        if not self.target_token:
            return {}
        return {"forced_bos_token_id": self._tokenizer.convert_tokens_to_ids(self.target_token)}


class MarianTranslator(Seq2SeqTranslator):
    name = "marian"


class NllbTranslator(Seq2SeqTranslator):
    name = "nllb"
    default_model = "facebook/nllb-200-distilled-600M"
    source_lang = "arb_Arab"
    target_token = "eng_Latn"


class M2MTranslator(Seq2SeqTranslator):
    name = "m2m"
    default_model = "facebook/m2m100_418M"
    source_lang = "ar"
    target_token = "__en__"


def get_translator(config: BriefConfig) -> Translator | None:
    """The configured translator; for 'auto', one only if a translation model is on this machine."""
    name = config.translator.strip().lower()
    if name == "none":
        return None
    if name == "auto":
        return _auto_translator(config)
    return translator_class(name)(config)


def translator_class(name: str) -> type[Translator]:
    choices = ["auto", "none", *sorted(TRANSLATORS)]
    try:
        target = TRANSLATORS[name]
    except KeyError:
        raise UsageError(f"setting 'translator': unknown translator '{name}' (available: {', '.join(choices)})") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def _auto_translator(config: BriefConfig) -> Translator | None:
    """Quick and offline: no model folder or cache entry, or no torch, means no translator."""
    model = config.translator_model or DEFAULT_TRANSLATOR_MODEL
    if not all(hf._installed(module) for module in ("torch", "transformers", "sentencepiece")):
        return None
    try:
        folder = hf.resolve_model(model)
    except ModelNotFoundError:
        if config.translator_model:  # asked for by name: say it is missing rather than go quiet
            raise
        return None
    kind = _translator_kind(folder, model)
    return translator_class(kind)(config.replace(translator_model=model))


def _translator_kind(folder: Path, model: str) -> str:
    """marian | nllb | m2m, from the saved model's config files."""
    model_type = json.loads((folder / "config.json").read_text(encoding="utf-8")).get("model_type", "")
    if model_type == "marian":
        return "marian"
    if model_type == "m2m_100":
        tokenizer_config = folder / "tokenizer_config.json"
        text = tokenizer_config.read_text(encoding="utf-8") if tokenizer_config.is_file() else ""
        return "nllb" if "Nllb" in text else "m2m"
    raise ConfigError(
        f"setting 'translator_model': {model} is a '{model_type}' model, not a translation model "
        "(marian, nllb or m2m_100); set translator = \"none\" or name a translation model"
    )
