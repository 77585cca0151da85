"""Load time, articles per second and peak memory of the instruct and openai engines on a tiny chat LM.

    HF_HUB_OFFLINE=1 python benchmarks/bench_llm.py [--device cpu|cuda] [--articles 24]
        [--jsonl ../shared/eval/news_quotes.jsonl] [--threads 1]

Builds the tiny causal LM of tests/tiny_causal_lm.py (trained for seconds to answer schema-valid
JSON; nothing downloaded) in a temporary folder, then measures each engine in its own process so
peak memory is that engine's alone:

- instruct: load (tokenizer, chat template, weights) and summarize + english over the articles;
- openai: the same work over HTTP against tests/openai_stub_server.py serving the same model in a
  thread of the same process (so its peak memory includes the server's model; load is client
  start-up only, the server is started before the clock).

Throughput includes every re-ask: answers that fail the schema (the tiny model always writes 4
Arabic bullets, so articles of fewer sentences and every English answer fail) are asked twice,
which is the worst case a real model would rarely hit. Articles are synthetic Arabic news unless
--jsonl names a file of {"text": ...} lines.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench_models import arguments, jsonl_articles, measure_each  # noqa: E402  (same folder)


def synthetic_articles(count: int) -> list[str]:
    from tiny_causal_lm import CORPUS

    arabic = [line for line in CORPUS if any("\u0600" <= ch <= "\u06ff" for ch in line)]
    return [" ".join(arabic[(i + k) % len(arabic)] for k in range(4)) for i in range(count)]


def measure(engine: str, folder: str, device: str, threads: int, texts: list[str], queue) -> None:
    import torch

    from briefer.analyze import analyze
    from briefer.config import BriefConfig
    from briefer.types import Article

    torch.set_num_threads(threads)
    analyses = [analyze(Article(f"a{i}", text, origin=f"a{i}")) for i, text in enumerate(texts)]
    settings = {"model": folder, "device": device, "batch_size": 8, "max_new_tokens": 160}
    server = None
    if engine == "openai":
        from openai_stub_server import StubServer, causal_lm_reply

        server = StubServer(causal_lm_reply(folder, max_new_tokens=160), model="tiny", lifetime=3600).__enter__()
        settings = {"base_url": server.base_url, "model": "tiny", "concurrency": 4, "max_new_tokens": 160}
    started = time.perf_counter()
    if engine == "instruct":
        from briefer.backends.instruct import InstructEngine

        runner = InstructEngine(BriefConfig(backend="instruct", **settings))
    else:
        from briefer.backends.openai_compat import OpenAIEngine

        runner = OpenAIEngine(BriefConfig(backend="openai", **settings))
    loaded = time.perf_counter()
    bullets = runner.summarize(analyses)
    runner.english(analyses, bullets)
    done = time.perf_counter()
    if server is not None:
        server.stop()
    gpu_peak = torch.cuda.max_memory_allocated() / 2**20 if device == "cuda" else 0.0
    queue.put({
        "engine": engine, "device": device, "threads": threads, "articles": len(texts),
        "load_s": round(loaded - started, 3),
        "articles_per_s": round(len(texts) / (done - loaded), 2),
        "schema_failures": len(runner.failures),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_gpu_mib": round(gpu_peak, 1),
    })


def main() -> None:
    args = arguments(__doc__.splitlines()[0], default_articles=24)
    from tiny_causal_lm import GARBAGE_BULLETS, build_tiny_causal_lm, json_answer

    texts = jsonl_articles(args.jsonl, args.articles) if args.jsonl else synthetic_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_tiny_causal_lm(Path(tmp) / "tiny-chat", answer=json_answer(GARBAGE_BULLETS), steps=60)
        measure_each(measure, {"instruct": folder, "openai": folder}, args, texts)


if __name__ == "__main__":
    main()
