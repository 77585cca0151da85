"""Milliseconds per article for the facts-only English side (briefer.translate, no model).

    python benchmarks/bench_lexicon.py                         # 300 synthetic articles, best of 5
    python benchmarks/bench_lexicon.py --against HEAD~1        # also time translate.py as of a revision
    python benchmarks/bench_lexicon.py --data ../shared/eval/news_quotes.jsonl
    python benchmarks/bench_lexicon.py --profile               # cProfile of english_side, top 25

Times ``english_side(analysis, bullets, None)`` (lexicon headline + lexicon bullets) and, apart,
``mask()`` of the headline and every bullet (the work done before a translation model runs).
Analysis and extractive bullets are computed beforehand and are not timed. Prints figures, asserts
nothing: it is a measurement, not a test. Each run goes over the whole sample ``--repeat`` times and
the best is kept, because the machine is shared. "cold" clears the per-word caches before each run
(one briefing's first articles); "warm" keeps them (every later article of a long batch).

``--against REV`` loads briefer/translate.py as committed at REV (``git show``, read-only) beside
the working tree's and times both on the same inputs, after checking they give the same output.
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
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer import translate  # noqa: E402
from briefer.analyze import analyze  # noqa: E402
from briefer.backends.extractive import ExtractiveEngine  # noqa: E402
from briefer.config import load_config  # noqa: E402
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl  # noqa: E402
from briefer.ingest import read_inputs  # noqa: E402
from briefer.types import Analysis, Article, Bullet  # noqa: E402

Sample = list[tuple[Analysis, tuple[Bullet, ...]]]


def main() -> None:
    args = _arguments()
    sample = _sample(args)
    chars = sum(len(a.article.text) for a, _ in sample) / len(sample)
    bullets = sum(len(b) for _, b in sample) / len(sample)
    print(f"articles: {len(sample)} (mean {chars:,.0f} characters, {bullets:.1f} bullets)  repeat: {args.repeat}"
          f"  cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    versions = {"working tree": translate}
    if args.against:
        versions = {args.against: _translate_at(args.against), **versions}
        _check_same_output(sample, versions)
    print(f"{'translate.py':<16}{'step':<14}{'cold ms/art':>12}{'warm ms/art':>12}{'articles/s':>12}")
    for label, module in versions.items():
        for step, run in _steps(module, sample).items():
            cold = _best_ms(run, len(sample), args.repeat, before=lambda m=module: _clear_word_caches(m))
            warm = _best_ms(run, len(sample), args.repeat)
            print(f"{label:<16}{step:<14}{cold:>12.3f}{warm:>12.3f}{1000 / warm:>12,.0f}")
    if args.profile:
        _profile(translate, sample)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles to generate (or cap on --data)")
    parser.add_argument("--data", help="a JSONL feed (or any input briefer reads) instead of synthetic ones")
    parser.add_argument("--repeat", type=int, default=5, help="runs per step; the best is reported")
    parser.add_argument("--against", metavar="REV", help="also time briefer/translate.py as committed at REV")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of english_side, top 25")
    return parser.parse_args()


def _sample(args: argparse.Namespace) -> Sample:
    config = load_config(ROOT / "examples" / "briefer.toml", environ={})
    if args.data:
        articles = [a for a in read_inputs([args.data], config) if isinstance(a, Article)]
        articles = articles[: args.articles] if args.articles else articles
    else:
        with tempfile.TemporaryDirectory() as tmp:
            feed = Path(tmp) / "synthetic.jsonl"
            write_jsonl(feed, synthetic_records(seed_articles(ROOT / "examples", config), args.articles))
            articles = [a for a in read_inputs([str(feed)], config) if isinstance(a, Article)]
    engine = ExtractiveEngine(config)
    sample = []
    for article in articles:
        analysis = analyze(article)
        (bullets,) = engine.summarize([analysis])
        sample.append((analysis, tuple(bullets)))
    return sample


def _translate_at(revision: str) -> ModuleType:
    """briefer/translate.py as committed at ``revision``, loaded as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{revision}:briefer/translate.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    spec = importlib.util.spec_from_loader(f"translate_at_{revision}", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    exec(compile(source, f"{revision}:briefer/translate.py", "exec"), module.__dict__)
    return module


def _steps(module: ModuleType, sample: Sample) -> dict[str, Callable[[], object]]:
    return {
        "english_side": lambda: [module.english_side(a, b, None) for a, b in sample],
        "mask": lambda: [[module.mask(t, a) for t in (module._headline_ar(a), *(x.text for x in b))] for a, b in sample],
    }


def _check_same_output(sample: Sample, versions: dict[str, ModuleType]) -> None:
    outputs = {label: [m.english_side(a, b, None) for a, b in sample] for label, m in versions.items()}
    first, *others = outputs.values()
    same = all(other == first for other in others)
    print(f"english_side output identical across versions: {same}")


def _clear_word_caches(module: ModuleType) -> None:
    """Forget per-word results, keep the lexicon itself (it is read once per process anyway)."""
    for name, value in vars(module).items():
        if name != "lexicon" and callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _best_ms(run: Callable[[], object], count: int, repeat: int, before: Callable[[], None] = lambda: None) -> float:
    """Best wall time of ``repeat`` runs, in milliseconds per article."""
    best = float("inf")
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000 / count


def _profile(module: ModuleType, sample: Sample) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for analysis, bullets in sample:
        module.english_side(analysis, bullets, None)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
