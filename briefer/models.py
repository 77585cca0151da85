"""Models: what is configured, what is on this machine, fetching, and a load-and-run check.

Presence is decided without the network and without importing torch (a local folder, or the hub
id's snapshot in the Hugging Face cache, through briefer.backends.hf), so `briefer models check`
on a machine without the model fails in a fraction of a second with a one-line message.
``pull`` is the only thing here that goes online, through huggingface_hub.snapshot_download.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefer.backends import hf
from briefer.config import BriefConfig
from briefer.errors import EngineError, ModelNotFoundError, UsageError
from briefer.types import Article

#: backends that load a model from config.model
MODEL_BACKENDS = ("seq2seq", "instruct")
#: translators that load a model from config.translator_model
MODEL_TRANSLATORS = ("marian", "nllb", "m2m")
CHECK_ARTICLE = Path(__file__).resolve().parent / "data" / "check_article.txt"


@dataclass(frozen=True)
class ModelEntry:
    """One model the configuration refers to, and whether this machine has it."""

    role: str  # summariser | translator | server
    name: str  # hub id, folder, or the server's model name
    present: bool
    location: str  # folder, URL, or "" when missing
    kind: str = ""  # causal | seq2seq | "" (unknown or remote)
    used_by: str = ""  # the backend / translator that would load it


@dataclass(frozen=True)
class CheckResult:
    backend: str
    model: str
    load_seconds: float
    run_seconds: float
    peak_rss_mib: float  # the process's peak resident memory after loading and running
    bullets_ar: tuple[str, ...]
    verdicts: tuple[str, ...] = field(default=())  # guard actions, e.g. ("kept", "replaced")
    signature: str = ""
    notice: str = ""  # what `auto` chose, when it chose
    failures: tuple[str, ...] = ()  # answers that failed the schema twice (the model does not work)


# ---------------------------------------------------------------------------------- inventory


def configured(config: BriefConfig) -> list[ModelEntry]:
    """The models this configuration would use, each marked present or missing."""
    entries: list[ModelEntry] = []
    if config.backend == "openai" or config.base_url:
        entries.append(ModelEntry("server", config.model or "(model not set)", bool(config.base_url),
                                  config.base_url, "", "openai"))
    elif config.model:
        entries.append(_local_entry("summariser", config.model, config.backend))
    if config.translator_model:
        entries.append(_local_entry("translator", config.translator_model, config.translator))
    return entries


def _local_entry(role: str, name: str, used_by: str) -> ModelEntry:
    try:
        folder = hf.resolve_model(name)
    except ModelNotFoundError:
        return ModelEntry(role, name, False, "", "", used_by)
    return ModelEntry(role, name, True, str(folder), model_kind(folder), used_by)


def cached_models() -> list[ModelEntry]:
    """Every model in the local Hugging Face cache (no network), with its kind."""
    if not _has_hub():
        return []
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        cache = scan_cache_dir()
    except CacheNotFound:
        return []
    entries = []
    for repo in sorted(cache.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model" or not repo.revisions:
            continue
        snapshot = max(repo.revisions, key=lambda r: r.last_modified).snapshot_path
        if (snapshot / "config.json").is_file():
            entries.append(ModelEntry("cached", repo.repo_id, True, str(snapshot), model_kind(snapshot)))
    return entries


def model_kind(folder: Path) -> str:
    """causal | seq2seq | "" from the model's config.json, without loading it."""
    try:
        settings = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return ""
    architectures = " ".join(settings.get("architectures") or [])
    if settings.get("is_encoder_decoder") or "ConditionalGeneration" in architectures or "MTModel" in architectures:
        return "seq2seq"
    if "CausalLM" in architectures or "LMHeadModel" in architectures:
        return "causal"
    return ""


def local_kind(name: str) -> str:
    """The kind of a configured model when it is on this machine, else ""."""
    if not name or not hf.is_present(name):
        return ""
    return model_kind(hf.resolve_model(name))


# --------------------------------------------------------------------------------------- pull


def pull(name: str) -> Path:
    """Download a hub model into the local cache (needs the network); returns its folder."""
    if Path(name).expanduser().is_dir():
        return Path(name).expanduser().resolve()
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}:
        raise UsageError(f"cannot pull '{name}': HF_HUB_OFFLINE is set; unset it on a connected machine")
    if not _has_hub():
        hf.require("huggingface_hub")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, HFValidationError, RepositoryNotFoundError

    try:
        return Path(snapshot_download(name, etag_timeout=15))
    except RepositoryNotFoundError:
        raise EngineError(f"model '{name}' does not exist on the Hugging Face hub (or needs a login: hf auth login)") from None
    except HFValidationError:
        raise UsageError(f"'{name}' is neither a folder nor a hub id such as org/model-name") from None
    except (HfHubHTTPError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"could not download model '{name}': {first}") from None


# -------------------------------------------------------------------------------------- check


def check(config: BriefConfig, article_path: Path | None = None) -> CheckResult:
    """Load the configured engine and brief one article: the proof a model works here.

    Presence is checked first, so a missing model fails at once without importing torch.
    """
    _require_present(config)
    from briefer.analyze import analyze
    from briefer.backends.registry import get_engine
    from briefer.verify import verify_bullets

    analysis = analyze(_check_article(config, article_path))
    started = time.perf_counter()
    engine = get_engine(config)
    loaded = time.perf_counter()
    (bullets,) = engine.summarize([analysis])
    kept, verdicts = verify_bullets(analysis, bullets, config.verify_policy)
    finished = time.perf_counter()
    return CheckResult(
        backend=engine.name,
        model=engine.model_name,
        load_seconds=loaded - started,
        run_seconds=finished - loaded,
        peak_rss_mib=peak_rss_mib(),
        bullets_ar=tuple(b.text for b in kept),
        verdicts=tuple(v.action for v in verdicts),
        signature=engine.signature(),
        notice=getattr(engine, "notice", ""),
        failures=tuple(getattr(engine, "failures", ())),
    )


def _require_present(config: BriefConfig) -> None:
    if config.backend in MODEL_BACKENDS:
        hf.resolve_model(config.model)  # raises ModelNotFoundError in one line
    if config.backend == "openai" and not config.model:
        raise UsageError("backend 'openai' needs the model name the server knows: set model or pass --model")


def _check_article(config: BriefConfig, path: Path | None) -> Article:
    """The first article of ``path`` (any input format briefer reads), else the shipped sample."""
    from briefer.pipeline import read_articles

    source = path or CHECK_ARTICLE
    articles, skipped = read_articles([str(source)], config)
    if not articles:
        reason = skipped[0].reason if skipped else "no article in it"
        raise UsageError(f"{source}: cannot use it for the check ({reason})")
    return articles[0]


def peak_rss_mib() -> float:
    """Peak resident memory of this process in MiB (0.0 where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _has_hub() -> bool:
    try:
        hf.require("huggingface_hub")
    except EngineError:
        return False
    return True
