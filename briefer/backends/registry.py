"""Engines by name. Heavy engines are imported only when asked for."""

from __future__ import annotations

import importlib

from briefer.backends.base import Engine
from briefer.config import BriefConfig
from briefer.errors import UsageError

# name -> "module:Class"; modules are imported lazily so the light install never touches torch.
ENGINES: dict[str, str] = {
    "extractive": "briefer.backends.extractive:ExtractiveEngine",
    "seq2seq": "briefer.backends.seq2seq:Seq2SeqEngine",
    "instruct": "briefer.backends.instruct:InstructEngine",
    "openai": "briefer.backends.openai_compat:OpenAIEngine",
}


def available() -> list[str]:
    return sorted(ENGINES)


def engine_class(name: str) -> type[Engine]:
    try:
        target = ENGINES[name]
    except KeyError:
        raise UsageError(f"unknown backend '{name}' (available: {', '.join(available())})") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def get_engine(config: BriefConfig) -> Engine:
    return engine_class(config.backend)(config)
