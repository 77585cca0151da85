"""Milliseconds per article for the faithfulness guard (briefer.verify.verify_bullets).

    python benchmarks/bench_verify.py                          # 500 synthetic articles + the eval sets
    python benchmarks/bench_verify.py --against HEAD           # also time verify.py as committed at HEAD
    python benchmarks/bench_verify.py --articles 2000 --repeat 5 --data ../shared/eval/news_quotes.jsonl
    python benchmarks/bench_verify.py --profile                # cProfile of the synthetic run, top 25

For each article the inputs are built first, as the pipeline builds them: analysis, the extractive
engine's Arabic bullets, and the English side of the kept ones (``translate.english_side`` with no
model). Then only the guard is timed: the Arabic call and the English call, apart and together.
Every run clears the guard's caches (a pipeline never sees the same bullet twice). With
``--against``, the versions take turns run by run (A/B/A/B), so a busy neighbour slows both alike,
and the median of ``--repeat`` runs is reported. ``--against REV`` loads the guard of that git
revision (``briefer/verify.py`` or the ``briefer/verify/`` package, read with ``git show``) as a
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
_KEPT_CACHES = {"_lexicon", "_quote_mark_pattern", "_ellipsis_pattern", "_char_class", "_not_distinctive"}


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
        timings = _median_times(versions, cases, config.verify_policy, args.repeat)
        verdicts = {}
        for label, module in versions.items():
            arabic, english = timings[label]
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
    parser.add_argument("--repeat", type=int, default=3, help="runs per version, taking turns; the median is reported")
    parser.add_argument("--against", metavar="REV", help="also time the guard at this git revision")
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
    """The guard as it is at ``revision`` (one file or the package), loaded under a name of its own."""
    name = "briefer_verify_at_revision"
    folder = Path(tempfile.mkdtemp(prefix="bench_verify_"))
    files = _git("ls-tree", "-r", "--name-only", revision, "briefer/verify.py", "briefer/verify/").split()
    if files == ["briefer/verify.py"]:
        (folder / f"{name}.py").write_text(_git("show", f"{revision}:briefer/verify.py"), encoding="utf-8")
    else:  # the package: its modules import each other as briefer.verify.*, renamed here
        (folder / name).mkdir()
        for path in files:
            text = _git("show", f"{revision}:{path}").replace("briefer.verify", name)
            (folder / name / Path(path).name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _modules_of(module: ModuleType) -> list[ModuleType]:
    """The module and, for a package, every submodule loaded."""
    prefix = module.__name__ + "."
    return [module, *(m for name, m in sorted(sys.modules.items()) if name.startswith(prefix))]


def _clear_caches(module: ModuleType) -> None:
    """Forget every bullet and article seen (the lexicon and compiled patterns stay)."""
    for part in _modules_of(module):
        for value in vars(part).values():
            if hasattr(value, "cache_clear") and getattr(value, "__name__", "") not in _KEPT_CACHES:
                value.cache_clear()
        getattr(part, "_SOURCES", {}).clear()


def _median_times(versions: dict[str, ModuleType], cases: list[Case], policy: str, repeat: int) -> dict[str, tuple[float, float]]:
    """ms/article (Arabic call, English call) per version, the median of ``repeat`` runs taken in turns."""
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in versions}
    for _ in range(repeat):
        for label, module in versions.items():
            runs[label].append(_time_once(module, cases, policy))
    return {label: sorted(found, key=sum)[len(found) // 2] for label, found in runs.items()}  # the median run


def _time_once(module: ModuleType, cases: list[Case], policy: str) -> tuple[float, float]:
    _clear_caches(module)
    arabic = english = 0.0
    for analysis, bullets, english_bullets in cases:
        start = time.perf_counter()
        module.verify_bullets(analysis, bullets, policy)
        middle = time.perf_counter()
        module.verify_bullets(analysis, english_bullets, policy)
        arabic += middle - start
        english += time.perf_counter() - middle
    return arabic * 1e3 / len(cases), english * 1e3 / len(cases)


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
