"""Load time, articles per second and peak memory of the tiny seq2seq and Marian engines.

    HF_HUB_OFFLINE=1 python benchmarks/bench_models.py [--device cpu|cuda] [--articles 40]
        [--jsonl ../shared/eval/bbc_standfirst.jsonl]

Builds the tiny models of tests/tiny_models.py in a temporary folder (nothing downloaded), then
measures each engine in its own process so peak memory is that engine's alone: load time (model
and tokenizer from the folder), throughput over the articles (seq2seq: summarize; Marian:
english_side over extractive bullets) and peak memory (process RSS; GPU allocator peak on cuda).
Articles are synthetic Arabic news unless --jsonl names a file of {"text": ...} lines.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def synthetic_articles(count: int) -> list[str]:
    from tests.tiny_models import CORPUS

    arabic = [line for line in CORPUS if any("\u0600" <= ch <= "\u06ff" for ch in line) and len(line) > 40]
    return [" ".join(arabic[(i + k) % len(arabic)] for k in range(4)) for i in range(count)]


def jsonl_articles(path: Path, count: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(count), handle)]


def measure(engine: str, folder: str, device: str, threads: int, texts: list[str], queue) -> None:
    import torch

    from briefer.analyze import analyze
    from briefer.config import BriefConfig
    from briefer.types import Article, Bullet

    torch.set_num_threads(threads)
    analyses = [analyze(Article(f"a{i}", text, title=text.split(".")[0])) for i, text in enumerate(texts)]
    started = time.perf_counter()
    if engine == "seq2seq":
        from briefer.backends.seq2seq import Seq2SeqEngine

        runner = Seq2SeqEngine(BriefConfig(backend="seq2seq", model=folder, device=device, num_beams=4,
                                           max_new_tokens=48, batch_size=8))
        loaded = time.perf_counter()
        runner.summarize(analyses)
    else:
        from briefer.translate import english_side, get_translator

        translator = get_translator(BriefConfig(translator="marian", translator_model=folder, device=device,
                                                num_beams=4, max_new_tokens=48, batch_size=8))
        loaded = time.perf_counter()
        for analysis in analyses:
            bullets = [Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences[:4]]
            english_side(analysis, bullets, translator)
    done = time.perf_counter()
    gpu_peak = torch.cuda.max_memory_allocated() / 2**20 if device == "cuda" else 0.0
    queue.put({
        "engine": engine, "device": device, "threads": threads, "articles": len(texts), "load_s": round(loaded - started, 3),
        "articles_per_s": round(len(texts) / (done - loaded), 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_gpu_mib": round(gpu_peak, 1),
    })


def arguments(description: str, default_articles: int) -> argparse.Namespace:
    """The options every tiny-model benchmark takes (bench_llm.py too)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--articles", type=int, default=default_articles)
    parser.add_argument("--jsonl", type=Path)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (1 on a shared machine)")
    return parser.parse_args()


def measure_each(measure, folders: dict[str, Path], args: argparse.Namespace, texts: list[str]) -> None:
    """Run ``measure`` once per engine, each in a fresh process so its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    for engine, folder in folders.items():
        queue = context.Queue()
        process = context.Process(target=measure, args=(engine, str(folder), args.device, args.threads, texts, queue))
        process.start()
        result = queue.get()
        process.join()
        print(json.dumps(result))


def main() -> None:
    args = arguments(__doc__.splitlines()[0], default_articles=40)
    from tests.tiny_models import build_tiny_marian, build_tiny_mt5

    texts = jsonl_articles(args.jsonl, args.articles) if args.jsonl else synthetic_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"seq2seq": build_tiny_mt5(Path(tmp) / "mt5"), "marian": build_tiny_marian(Path(tmp) / "marian")}
        measure_each(measure, folders, args, texts)


if __name__ == "__main__":
    main()
