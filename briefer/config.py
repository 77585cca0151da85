"""BriefConfig: every setting in one place, loaded defaults < briefer.toml < BRIEFER_* < flags.

briefer.toml groups keys in tables for readability (``[engine]``, ``[render]``...); the tables are
flattened, so ``[engine] backend = "seq2seq"`` sets ``backend``. The environment uses the key in
upper case: ``BRIEFER_BACKEND=seq2seq``. Command-line flags win over both.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = "briefer.toml"
ENV_PREFIX = "BRIEFER_"
#: settings with a fixed set of values (engines and translators are checked by their registries)
CHOICES: dict[str, tuple[str, ...]] = {
    "device": ("auto", "cpu", "cuda", "mps"),
    "dtype": ("auto", "float32", "float16", "bfloat16"),
    "non_arabic": ("skip", "summarize"),
    "layout": ("stacked", "side-by-side"),
    "group_by": ("topic", "country"),
    "event_style": ("headline", "verbatim"),
}
SECTIONS = ("engine", "translation", "openai", "verify", "ingest", "render", "compose", "run")


@dataclass(frozen=True)
class BriefConfig:
    # [engine] which summariser writes the Arabic bullets, and how
    backend: str = "extractive"  # extractive | seq2seq | instruct | openai | auto
    bullets: int = 4  # bullets per article (3-5 reads best)
    event_style: str = "headline"  # headline: the event bullet's opening news verb in the present | verbatim
    model: str = ""  # model id or local folder for seq2seq / instruct / openai
    device: str = "auto"  # auto | cpu | cuda | mps
    dtype: str = "auto"  # auto | float32 | float16 | bfloat16
    batch_size: int = 8
    max_input_tokens: int = 1024
    max_new_tokens: int = 256
    num_beams: int = 4
    prompt_version: str = "v1"  # prompts/brief_ar.<version> etc.
    # [translation] how the English side is made
    translator: str = "auto"  # auto | none | marian | nllb | instruct | openai
    translator_model: str = ""  # e.g. Helsinki-NLP/opus-mt-ar-en or a local folder
    # [openai] an OpenAI-compatible server (vLLM, llama.cpp, Ollama, TGI)
    base_url: str = ""
    api_key_env: str = "OPENAI_API_KEY"  # name of the variable holding the key, never the key
    concurrency: int = 4
    timeout: float = 60.0
    retries: int = 3
    # [verify] what the faithfulness guard does with a bullet it cannot verify
    verify_policy: str = "repair,replace"  # any of repair, replace, drop, in order
    # [ingest] reading feeds
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"
    jsonl_source_field: str = "source"
    jsonl_date_field: str = "date"
    jsonl_url_field: str = "url"
    jsonl_id_field: str = "id"
    non_arabic: str = "skip"  # skip | summarize: what to do with an English/French article
    max_article_chars: int = 200_000  # longer bodies are skipped with a message (news is < 50,000)
    # [render] the document
    title: str = "الموجز الإعلامي اليومي"
    handling: str = ""  # e.g. a classification marking printed in the header
    date: str = ""  # briefing date (ISO); default: newest article date, else today
    layout: str = "stacked"  # stacked | side-by-side
    template: str = ""  # a .docx whose named styles give the look
    provenance: bool = False  # source-sentence notes in the DOCX
    plain: bool = False  # Markdown without HTML (no dir="rtl" blocks)
    # [compose] stories and sections
    max_stories: int = 60  # stories in full; the rest go to the annex by headline
    summary_items: int = 5  # lines in the executive summary
    sections_file: str = ""  # a TOML lexicon replacing the shipped topic keywords
    group_by: str = "topic"  # topic | country
    merge_threshold: float = 0.5  # similarity at which two articles are one story
    # [run] execution
    jobs: int = 1
    cache: str = ""  # SQLite file of finished briefs; default: $XDG_CACHE_HOME/briefer/briefs.sqlite
    no_cache: bool = False
    quiet: bool = False
    debug: bool = False

    def __post_init__(self) -> None:
        for key, allowed in CHOICES.items():
            if getattr(self, key) not in allowed:
                raise ConfigError(f"setting '{key}' must be one of {', '.join(allowed)}, got {getattr(self, key)!r}")
        if not 1 <= self.bullets <= 10:
            raise ConfigError(f"setting 'bullets' must be between 1 and 10, got {self.bullets}")
        if self.jobs < 1 or self.batch_size < 1 or self.max_stories < 1:
            raise ConfigError("settings 'jobs', 'batch_size' and 'max_stories' must be at least 1")

    def replace(self, **changes: Any) -> BriefConfig:
        return dataclasses.replace(self, **_coerce_all(changes, "option"))


def load_config(
    config_path: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> BriefConfig:
    """Build the config: defaults < TOML file < environment < overrides (None values ignored)."""
    values: dict[str, Any] = {}
    path = config_path or _default_config_path()
    if path is not None:
        values.update(_read_toml(path))
    values.update(_read_environ(os.environ if environ is None else environ))
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return BriefConfig(**_coerce_all(values, "option"))


def _default_config_path() -> Path | None:
    candidate = Path.cwd() / CONFIG_FILE
    return candidate if candidate.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            if key not in SECTIONS:
                raise ConfigError(f"{path}: unknown table [{key}] (known: {', '.join(SECTIONS)})")
            flat.update(value)
        else:
            flat[key] = value
    _reject_unknown(flat, str(path))
    return flat


def _read_environ(environ: Mapping[str, str]) -> dict[str, Any]:
    known = {f.name for f in fields(BriefConfig)}
    found = {}
    for name, value in environ.items():
        if name.startswith(ENV_PREFIX):
            key = name[len(ENV_PREFIX) :].lower()
            if key in known:
                found[key] = value
    return found


def _reject_unknown(values: Mapping[str, Any], where: str) -> None:
    known = {f.name for f in fields(BriefConfig)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}")


def _coerce_all(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    _reject_unknown(values, where)
    types = {f.name: f.type for f in fields(BriefConfig)}
    return {key: _coerce(key, value, types[key]) for key, value in values.items()}


def _coerce(key: str, value: Any, type_name: str) -> Any:
    """Turn TOML/env/flag values into the field's type, with a message naming the setting."""
    try:
        if type_name == "bool":
            if isinstance(value, str):
                lowered = value.strip().lower()
                if lowered not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                    raise ValueError(value)
                return lowered in {"1", "true", "yes", "on"}
            return bool(value)
        if type_name == "int":
            if isinstance(value, bool):
                raise ValueError(value)
            return int(value)
        if type_name == "float":
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting '{key}' expects {type_name}, got {value!r}") from None
