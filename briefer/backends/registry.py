"""Engines by name, their typed options, and the `auto` cascade. Heavy engines load only when asked for.

``auto`` takes the strongest engine that can run here: an OpenAI-compatible server when base_url
is set and answers, then a local instruction model, then a local seq2seq model (whichever kind
config.model is, found locally without the network), then the extractive engine, which always
works. The engine it returns carries a ``notice`` saying what was chosen and why the stronger
ones were passed over; its signature names the engine actually used.
"""

from __future__ import annotations

import importlib

from briefer.backends.base import Engine
from briefer.config import BriefConfig
from briefer.errors import EngineError, UsageError

# name -> "module:Class"; modules are imported lazily so the light install never touches torch.
ENGINES: dict[str, str] = {
    "extractive": "briefer.backends.extractive:ExtractiveEngine",
    "seq2seq": "briefer.backends.seq2seq:Seq2SeqEngine",
    "instruct": "briefer.backends.instruct:InstructEngine",
    "openai": "briefer.backends.openai_compat:OpenAIEngine",
}

#: the settings (BriefConfig fields, all settable in briefer.toml) each engine reads
OPTIONS: dict[str, tuple[str, ...]] = {
    "extractive": ("bullets",),
    "seq2seq": ("model", "device", "dtype", "batch_size", "max_input_tokens", "max_new_tokens", "num_beams"),
    "instruct": ("model", "device", "dtype", "batch_size", "max_input_tokens", "max_new_tokens", "prompt_version"),
    "openai": ("base_url", "model", "api_key_env", "concurrency", "retries", "timeout",
               "max_input_tokens", "max_new_tokens", "prompt_version"),
}

#: strongest first; extractive needs nothing and ends every cascade
AUTO_ORDER = ("openai", "instruct", "seq2seq", "extractive")
#: a server that does not answer GET /models within this many seconds is passed over by auto
AUTO_PROBE_TIMEOUT = 3.0


def available() -> list[str]:
    return sorted(ENGINES)


def engine_class(name: str) -> type[Engine]:
    try:
        target = ENGINES[name]
    except KeyError:
        choices = ", ".join([*available(), "auto"])
        raise UsageError(f"unknown backend '{name}' (available: {choices})") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def get_engine(config: BriefConfig) -> Engine:
    if config.backend == "auto":
        return auto_engine(config)
    return engine_class(config.backend)(config)


def auto_engine(config: BriefConfig) -> Engine:
    """The first engine of AUTO_ORDER that can be built here, with a notice saying which and why."""
    passed_over: list[str] = []
    for name in AUTO_ORDER:
        reason = _why_not(name, config)
        if reason is None:
            try:
                engine = _build_for_auto(name, config)
            except EngineError as exc:
                reason = str(exc)
            else:
                engine.notice = _notice(name, config, passed_over)
                return engine
        passed_over.append(f"{name}: {reason}")
    raise AssertionError("unreachable: the extractive engine always builds")  # pragma: no cover


def _why_not(name: str, config: BriefConfig) -> str | None:
    """Why auto cannot use this engine here, or None when it can try."""
    from briefer.models import local_kind

    if name == "openai":
        return None if config.base_url and config.model else "no base_url and model set"
    if name in ("instruct", "seq2seq"):
        if not config.model:
            return "no model set"
        kind = local_kind(config.model)
        wanted = "causal" if name == "instruct" else "seq2seq"
        if not kind:
            return f"model '{config.model}' not found locally"
        return None if kind == wanted else f"model '{config.model}' is a {kind} model"
    return None


def _build_for_auto(name: str, config: BriefConfig) -> Engine:
    if name == "openai":
        # auto must not pick a server that is down: ask it for its models, briefly.
        probe = config.replace(backend=name, timeout=min(config.timeout, AUTO_PROBE_TIMEOUT), retries=0)
        offered = engine_class(name)(probe).list_models()
        if offered and config.model not in offered:
            raise EngineError(f"server {config.base_url} does not offer model '{config.model}'")
    return engine_class(name)(config.replace(backend=name))


def _notice(name: str, config: BriefConfig, passed_over: list[str]) -> str:
    model = f" with model '{config.model}'" if name != "extractive" else ""
    skipped = f" (passed over: {'; '.join(passed_over)})" if passed_over else ""
    return f"backend auto: using {name}{model}{skipped}"
