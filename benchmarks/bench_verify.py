"""Milliseconds per article for the faithfulness guard (briefer.verify.verify_bullets).

    python benchmarks/bench_verify.py                          # 500 synthetic articles + the eval sets
    python benchmarks/bench_verify.py --against HEAD           # also time verify.py as committed at HEAD
    python benchmarks/bench_verify.py --articles 2000 --repeat 5 --data ../shared/eval/news_quotes.jsonl
    python benchmarks/bench_verify.py --profile                # cProfile of the synthetic run, top 25

For each article the inputs are built first, as the pipeline builds them: analysis, the extractive
engine's Arabic bullets, and the English side of the kept ones (``translate.english_side`` with no
model). Then only the guard is timed: the Arabic call and the English call, apart and together.
Every run clears the guard's caches (a pipeline never sees the same bullet twice) and the best of
``--repeat`` runs is kept, because the machine is shared and the slower runs measure the neighbours.
``--against REV`` loads ``briefer/verify.py`` of that git revision (read with ``git show``) as a
second module and times it on the same inputs, and says whether both give the same verdicts.
Prints figures, asserts nothing: it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import briefer.verify  # noqa: E402
from briefer.analyze import analyze  # noqa: E402
from briefer.backends.extractive import ExtractiveEngine  # noqa: E402
from briefer.config import load_config  # noqa: E402
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl  # noqa: E402
from briefer.ingest import read_inputs  # noqa: E402
from briefer.translate import english_side  # noqa: E402
from briefer.types import Analysis, Bullet  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_DATA = (EVAL / "news_quotes.jsonl", EVAL / "bbc_standfirst.jsonl")

Case = tuple[Analysis, tuple[Bullet, ...], tuple[Bullet, ...]]
#: caches of data and compiled patterns, which a long-running process also keeps
_KEPT_CACHES = {"_lexicon", "_quote_mark_pattern", "_ellipsis_pattern", "_char_class"}


def main() -> None:
    args = _arguments()
    config = load_config(ROOT / "examples" / "briefer.toml", environ={})
    versions = {"now": briefer.verify}
    if args.against:
        versions[args.against] = _verify_at(args.against)
    samples = {"synthetic": _synthetic(args.articles, config)}
    for path in args.data or [p for p in DEFAULT_DATA if p.exists()]:
        samples[Path(path).stem] = list(read_inputs([str(path)], config))
    print(f"repeat: {args.repeat}  cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}  policy: {config.verify_policy}")
    print(f"{'sample':<16} {'articles':>8} {'version':>8} {'arabic':>9} {'english':>9} {'both':>9}  ms/article")
    for name, articles in samples.items():
        cases = _cases(articles, config)
        verdicts = {}
        for label, module in versions.items():
            arabic, english = _best_time(module, cases, config.verify_policy, args.repeat)
            verdicts[label] = _run(module, cases, config.verify_policy)
            print(f"{name:<16} {len(cases):>8} {label:>8} {arabic:>9.3f} {english:>9.3f} {arabic + english:>9.3f}")
        if len(versions) > 1:
            same = len({repr(v) for v in verdicts.values()}) == 1
            print(f"{'':<16} {'':>8} {'':>8} verdicts and bullets identical across versions: {same}")
    if args.profile:
        _profile(briefer.verify, _cases(samples["synthetic"], config), config.verify_policy)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="synthetic articles to generate")
    parser.add_argument("--data", action="append", help="a JSONL feed to time as well (repeatable); default: the eval sets")
    parser.add_argument("--repeat", type=int, default=3, help="runs per version; the best is reported")
    parser.add_argument("--against", metavar="REV", help="also time briefer/verify.py at this git revision")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the synthetic run")
    return parser.parse_args()


def _synthetic(count: int, config) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.jsonl"
        write_jsonl(path, synthetic_records(seed_articles(ROOT / "examples", config), count))
        return list(read_inputs([str(path)], config))


def _cases(articles: list, config) -> list[Case]:
    """The guard's inputs, built as the pipeline builds them (the Arabic call decides the English)."""
    engine = ExtractiveEngine(config)
    cases = []
    for article in articles:
        analysis = analyze(article)
        (bullets,) = engine.summarize([analysis])
        kept, _ = briefer.verify.verify_bullets(analysis, bullets, config.verify_policy)
        _, english, _ = english_side(analysis, kept, None)
        cases.append((analysis, tuple(bullets), tuple(english)))
    return cases


def _verify_at(revision: str) -> ModuleType:
    """briefer/verify.py as it is at ``revision``, loaded as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{revision}:briefer/verify.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="bench_verify_"))
    path = folder / "verify_at_revision.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("briefer._verify_at_revision", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is being built
    spec.loader.exec_module(module)
    return module


def _clear_caches(module: ModuleType) -> None:
    """Forget every bullet and article seen (the lexicon and compiled patterns stay)."""
    for value in vars(module).values():
        if hasattr(value, "cache_clear") and getattr(value, "__name__", "") not in _KEPT_CACHES:
            value.cache_clear()
    getattr(module, "_SOURCES", {}).clear()


def _best_time(module: ModuleType, cases: list[Case], policy: str, repeat: int) -> tuple[float, float]:
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        _clear_caches(module)
        arabic = english = 0.0
        for analysis, bullets, english_bullets in cases:
            start = time.perf_counter()
            module.verify_bullets(analysis, bullets, policy)
            middle = time.perf_counter()
            module.verify_bullets(analysis, english_bullets, policy)
            arabic += middle - start
            english += time.perf_counter() - middle
        if arabic + english < sum(best):
            best = (arabic, english)
    return best[0] * 1e3 / len(cases), best[1] * 1e3 / len(cases)


def _run(module: ModuleType, cases: list[Case], policy: str) -> list:
    _clear_caches(module)
    return [
        (module.verify_bullets(analysis, bullets, policy), module.verify_bullets(analysis, english, policy))
        for analysis, bullets, english in cases
    ]


def _profile(module: ModuleType, cases: list[Case], policy: str) -> None:
    _clear_caches(module)
    profiler = cProfile.Profile()
    profiler.runcall(_run, module, cases, policy)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
