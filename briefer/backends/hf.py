"""Loading Hugging Face models without surprises: local folders or the local cache, never the network.

Every model engine (seq2seq, instruct, the translators) goes through these functions, so a model
that is missing fails the same way everywhere: at once, in one line, naming the model and how to
fetch it. Nothing here reaches the hub: a hub id is looked up in the local cache only
(``local_files_only``), because without a network the hub client retries for ~47 s before failing.

torch / transformers / huggingface_hub are imported inside the functions that need them, so the
light install (extractive engine only) never pays for them.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from briefer.errors import ConfigError, EngineError, MissingDependencyError, ModelNotFoundError

DEVICES = ("auto", "cpu", "cuda", "mps")
DTYPES = ("auto", "float32", "float16", "bfloat16")

# import name -> pip package name, for the install hint
_PACKAGES = {
    "torch": "torch",
    "transformers": "transformers",
    "sentencepiece": "sentencepiece",
    "huggingface_hub": "huggingface_hub",
    "google.protobuf": "protobuf",
}

# model kinds -> transformers Auto class
_AUTO_CLASSES = {
    "seq2seq": "AutoModelForSeq2SeqLM",
    "causal": "AutoModelForCausalLM",
}


# ------------------------------------------------------------------------------ dependencies


def require(*modules: str) -> None:
    """Fail with the pip command when one of the optional modules is not installed."""
    for module in modules:
        if not _installed(module):
            raise MissingDependencyError(_PACKAGES.get(module, module.split(".")[0]))


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or a half-installed module
        return False


# ------------------------------------------------------------------------------ model lookup


def resolve_model(name_or_path: str) -> Path:
    """The local folder holding a model: the folder itself, else the hub id's snapshot in the cache.

    Raises ModelNotFoundError (one line, with how to fetch it) when neither exists. Never goes online.
    """
    name = name_or_path.strip()
    if not name:
        raise ModelNotFoundError("", "no model configured; set model (or translator_model) in "
                                     "briefer.toml or pass --model <hub id or folder>")
    folder = Path(name).expanduser()
    if folder.is_dir():
        return _checked_folder(folder, name)
    if _looks_like_path(name):
        raise ModelNotFoundError(name, f"folder {folder} does not exist; pass the folder a model was "
                                       "saved or downloaded to, or a hub id such as Helsinki-NLP/opus-mt-ar-en")
    cached = _cached_snapshot(name)
    if cached is None:
        raise ModelNotFoundError(name, fetch_hint(name))
    return cached


def is_present(name_or_path: str) -> bool:
    """True when resolve_model would find the model locally (for `auto` choices and `models list`)."""
    try:
        resolve_model(name_or_path)
    except ModelNotFoundError:
        return False
    return True


def fetch_hint(name: str) -> str:
    """How to get a model onto this machine; the same words in every error."""
    return (
        f"run 'briefer models pull {name}' on a connected machine, or "
        f"'huggingface-cli download {name} --local-dir <folder>' and pass the folder"
    )


def _checked_folder(folder: Path, name: str) -> Path:
    if not (folder / "config.json").is_file():
        raise ModelNotFoundError(name, f"folder {folder} has no config.json, so it holds no saved model; "
                                       "pass the folder that save_pretrained or huggingface-cli download wrote")
    return folder.resolve()


def _looks_like_path(name: str) -> bool:
    """A hub id is 'name' or 'org/name'; anything else was meant as a folder."""
    return name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1 or name.endswith("/")


def _cached_snapshot(repo_id: str) -> Path | None:
    """The cached snapshot folder of a hub id, looked up with local_files_only (no network)."""
    if not _installed("huggingface_hub"):
        return None
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        path = Path(snapshot_download(repo_id, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, FileNotFoundError):
        return None
    return path if (path / "config.json").is_file() else None


# ------------------------------------------------------------------------------ device and dtype


def pick_device(pref: str) -> str:
    """'cpu' | 'cuda' | 'mps' for the setting device = auto|cpu|cuda|mps."""
    pref = (pref or "auto").strip().lower()
    if pref not in DEVICES:
        raise ConfigError(f"setting 'device' must be one of {', '.join(DEVICES)}, got '{pref}'")
    if pref == "cpu":
        return "cpu"
    require("torch")
    import torch

    has_cuda = torch.cuda.is_available()
    has_mps = bool(getattr(torch.backends, "mps", None)) and torch.backends.mps.is_available()
    if pref == "auto":
        return "cuda" if has_cuda else "mps" if has_mps else "cpu"
    if pref == "cuda" and not has_cuda:
        raise EngineError("setting 'device' is 'cuda' but torch sees no CUDA GPU; use device = \"auto\" or \"cpu\"")
    if pref == "mps" and not has_mps:
        raise EngineError("setting 'device' is 'mps' but torch has no MPS backend here; use device = \"auto\" or \"cpu\"")
    return pref


def pick_dtype(pref: str, device: str) -> Any:
    """The torch dtype for the setting dtype = auto|float32|float16|bfloat16 on that device.

    auto: float32 on CPU (half precision is slow or unsupported there), bfloat16 on GPUs that have
    it (same range as float32, so large logits do not overflow), float16 otherwise.
    """
    pref = (pref or "auto").strip().lower()
    if pref not in DTYPES:
        raise ConfigError(f"setting 'dtype' must be one of {', '.join(DTYPES)}, got '{pref}'")
    require("torch")
    import torch

    if pref != "auto":
        return getattr(torch, pref)
    if device == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32


# ------------------------------------------------------------------------------ loading


def load_tokenizer(name_or_path: str) -> Any:
    """The model's tokenizer, from its local folder."""
    require("transformers", "sentencepiece")
    path = resolve_model(name_or_path)
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise EngineError(f"model '{name_or_path}': tokenizer in {path} could not be loaded ({_first_line(exc)})") from None


def load_model(kind: str, name_or_path: str, device: str = "auto", dtype: str = "auto") -> tuple[Any, str]:
    """(model in eval mode on its device, the device used) for kind 'seq2seq' or 'causal'."""
    require("torch", "transformers")
    path = resolve_model(name_or_path)
    auto_class = _auto_class(kind)
    chosen = pick_device(device)
    torch_dtype = pick_dtype(dtype, chosen)
    _quiet_transformers()
    try:
        model = auto_class.from_pretrained(str(path), dtype=torch_dtype, local_files_only=True)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise EngineError(f"model '{name_or_path}': {path} could not be loaded as {kind} ({_first_line(exc)})") from None
    model.to(chosen)
    model.eval()
    return model, chosen


def _auto_class(kind: str) -> Any:
    try:
        class_name = _AUTO_CLASSES[kind]
    except KeyError:
        raise ValueError(f"unknown model kind '{kind}' (known: {', '.join(_AUTO_CLASSES)})") from None
    transformers = importlib.import_module("transformers")
    return getattr(transformers, class_name)


def _quiet_transformers() -> None:
    """Library code never prints: no 'Loading weights' progress bars on the user's terminal."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ------------------------------------------------------------------------------ generation


def generate_texts(
    tokenizer: Any,
    model: Any,
    device: str,
    texts: list[str],
    *,
    batch_size: int,
    max_input_tokens: int,
    max_new_tokens: int,
    num_beams: int,
    **extra: Any,
) -> list[str]:
    """Batched encoder-decoder generate(), outputs in input order.

    Texts are batched by length so a batch pads little. Never ``no_repeat_ngram_size``: a summary
    or translation that must repeat "2.5" or a name would have it mangled; the 0 here overrides a
    value a model's own generation_config may carry (mT5 XLSum ships 2).
    """
    import torch

    max_input_tokens = _input_limit(tokenizer, model, max_input_tokens)
    max_new_tokens = min(max_new_tokens, _position_limit(model) or max_new_tokens)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    outputs: dict[int, str] = {}
    for start in range(0, len(order), max(1, batch_size)):
        indexes = order[start : start + max(1, batch_size)]
        batch = tokenizer(
            [texts[i] for i in indexes], return_tensors="pt", padding=True, truncation=True,
            max_length=max_input_tokens,
        ).to(device)
        with torch.inference_mode():
            generated = model.generate(
                **batch, max_new_tokens=max_new_tokens, num_beams=num_beams,
                no_repeat_ngram_size=0, encoder_no_repeat_ngram_size=0, do_sample=False, **extra,
            )
        decoded = tokenizer.batch_decode(generated, skip_special_tokens=True)
        outputs.update(zip(indexes, (text.strip() for text in decoded), strict=True))
    return [outputs[i] for i in range(len(texts))]


def _input_limit(tokenizer: Any, model: Any, wanted: int) -> int:
    """max_input_tokens, capped by what the model can read (Marian: 512 positions, beyond: a crash)."""
    limits = [wanted, _position_limit(model)]
    tokenizer_limit = getattr(tokenizer, "model_max_length", 0)
    if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 10**9:  # "unlimited" is a huge sentinel
        limits.append(tokenizer_limit)
    return min(limit for limit in limits if limit)


def _position_limit(model: Any) -> int:
    """Learned or sinusoidal position tables have a size; relative positions (T5) have none (0)."""
    return int(getattr(model.config, "max_position_embeddings", 0) or 0)
