"""Milliseconds per article for the facts-only English side (briefer.translate, no model).

    python benchmarks/bench_lexicon.py                         # 300 synthetic articles, best of 5
    python benchmarks/bench_lexicon.py --against HEAD~1        # also time briefer.translate as of a revision
    python benchmarks/bench_lexicon.py --data ../shared/eval/news_quotes.jsonl
    python benchmarks/bench_lexicon.py --profile               # cProfile of english_side, top 25

Times ``english_side(analysis, bullets, None)`` (lexicon headline + lexicon bullets) and, apart,
``mask()`` of the headline and every bullet (the work done before a translation model runs).
Analysis and extractive bullets are computed beforehand and are not timed. Prints figures, asserts
nothing: it is a measurement, not a test. Each run goes over the whole sample ``--repeat`` times and
the best is kept, because the machine is shared. "cold" clears the per-word caches before each run
(one briefing's first articles); "warm" keeps them (every later article of a long batch).

``--against REV`` times briefer.translate as committed at REV (the module briefer/translate.py or the
package briefer/translate/, whichever REV has) beside the working tree's, on the same inputs, after
checking they give the same output. It runs this script again in a subprocess over a temporary copy
of the working tree's briefer/ whose translate is replaced by REV's (``git archive``, read-only for
the repository): a package's modules import each other by their absolute names, so REV's cannot be
loaded beside the working tree's in one process. Everything else, lexicon data included, is the
working tree's, so the inputs and the data are the same for both.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
# the briefer to import: the working tree's, or the copy with a revision's translate that
# --against hands to the subprocess it starts
TREE_VARIABLE = "BRIEFER_BENCH_TREE"
TREE = Path(os.environ.get(TREE_VARIABLE, ROOT))
sys.path.insert(0, str(TREE))

from briefer import translate  # noqa: E402
from briefer.analyze import analyze  # noqa: E402
from briefer.backends.extractive import ExtractiveEngine  # noqa: E402
from briefer.config import load_config  # noqa: E402
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl  # noqa: E402
from briefer.ingest import read_inputs  # noqa: E402
from briefer.types import Analysis, Article, Bullet  # noqa: E402

Sample = list[tuple[Analysis, tuple[Bullet, ...]]]
Timings = dict[str, list[float]]  # step -> [cold ms/article, warm ms/article]
TRANSLATE_PATHS = ("briefer/translate.py", "briefer/translate")


def main() -> None:
    args = _arguments()
    if not Path(translate.__file__).resolve().is_relative_to(TREE.resolve()):
        raise SystemExit(f"briefer.translate came from {translate.__file__}, not from {TREE}")
    sample = _sample(args)
    if args.emit:  # the subprocess of --against: timings and output for the process that started it
        result = {"timings": _timings(translate, sample, args.repeat), "output": _output(translate, sample)}
        Path(args.emit).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return
    chars = sum(len(a.article.text) for a, _ in sample) / len(sample)
    bullets = sum(len(b) for _, b in sample) / len(sample)
    print(f"articles: {len(sample)} (mean {chars:,.0f} characters, {bullets:.1f} bullets)  repeat: {args.repeat}"
          f"  cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    rows = {}
    if args.against:
        at_revision = _run_at(args.against, args)
        same = at_revision["output"] == _output(translate, sample)
        print(f"english_side output identical across versions: {same}")
        rows[args.against] = at_revision["timings"]
    rows["working tree"] = _timings(translate, sample, args.repeat)
    print(f"{'translate':<16}{'step':<14}{'cold ms/art':>12}{'warm ms/art':>12}{'articles/s':>12}")
    for label, timings in rows.items():
        for step, (cold, warm) in timings.items():
            print(f"{label:<16}{step:<14}{cold:>12.3f}{warm:>12.3f}{1000 / warm:>12,.0f}")
    if args.profile:
        _profile(translate, sample)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles to generate (or cap on --data)")
    parser.add_argument("--data", help="a JSONL feed (or any input briefer reads) instead of synthetic ones")
    parser.add_argument("--repeat", type=int, default=5, help="runs per step; the best is reported")
    parser.add_argument("--against", metavar="REV", help="also time briefer.translate as committed at REV")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of english_side, top 25")
    parser.add_argument("--emit", metavar="FILE", help=argparse.SUPPRESS)  # set by --against for its subprocess
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


def _run_at(revision: str, args: argparse.Namespace) -> dict:
    """Timings and output of this script run over the working tree's briefer with REV's translate."""
    with tempfile.TemporaryDirectory() as tmp:
        tree, result = Path(tmp) / "tree", Path(tmp) / "result.json"
        _tree_with_translate_at(revision, tree)
        command = [sys.executable, __file__, "--articles", str(args.articles), "--repeat", str(args.repeat),
                   "--emit", str(result), *(["--data", args.data] if args.data else [])]
        subprocess.run(command, cwd=ROOT, env={**os.environ, TREE_VARIABLE: str(tree)}, check=True)
        return json.loads(result.read_text(encoding="utf-8"))


def _tree_with_translate_at(revision: str, tree: Path) -> None:
    """A copy of the working tree's briefer/ in ``tree`` whose translate is the one committed at REV."""
    package = ROOT / "briefer"

    def left_out(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == package
        return [n for n in names if n == "__pycache__" or (top and f"briefer/{n}" in TRANSLATE_PATHS)]

    shutil.copytree(package, tree / "briefer", ignore=left_out)
    listed = _git("ls-tree", "--name-only", revision, *TRANSLATE_PATHS).decode().split()
    if not listed:
        raise SystemExit(f"{revision} has neither {' nor '.join(TRANSLATE_PATHS)}")
    with tarfile.open(fileobj=io.BytesIO(_git("archive", "--format=tar", revision, *listed))) as archive:
        archive.extractall(tree, filter="data")


def _git(*arguments: str) -> bytes:
    done = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True)
    if done.returncode:
        raise SystemExit(f"git {arguments[0]}: {done.stderr.decode().strip()}")
    return done.stdout


def _timings(module: ModuleType, sample: Sample, repeat: int) -> Timings:
    timings = {}
    for step, run in _steps(module, sample).items():
        cold = _best_ms(run, len(sample), repeat, before=lambda: _clear_word_caches(module))
        warm = _best_ms(run, len(sample), repeat)
        timings[step] = [cold, warm]
    return timings


def _steps(module: ModuleType, sample: Sample) -> dict[str, Callable[[], object]]:
    headline_ar = _defined_in(module, "_headline_ar")
    return {
        "english_side": lambda: [module.english_side(a, b, None) for a, b in sample],
        "mask": lambda: [[module.mask(t, a) for t in (headline_ar(a), *(x.text for x in b))] for a, b in sample],
    }


def _output(module: ModuleType, sample: Sample) -> list:
    """english_side of every article as JSON values, comparable across processes."""
    sides = [module.english_side(a, b, None) for a, b in sample]
    plain = [[headline, [dataclasses.asdict(bullet) for bullet in bullets], mode] for headline, bullets, mode in sides]
    return json.loads(json.dumps(plain, ensure_ascii=False))


def _modules_of(module: ModuleType) -> list[ModuleType]:
    """The module, and its submodules when it is a package (briefer/translate/ since its split)."""
    prefix = module.__name__ + "."
    return [module, *(m for name, m in sorted(sys.modules.items()) if name.startswith(prefix))]


def _defined_in(module: ModuleType, name: str) -> Callable:
    """A function of the module or of one of its submodules (a private one is not re-exported)."""
    return next(vars(m)[name] for m in _modules_of(module) if name in vars(m))


def _clear_word_caches(module: ModuleType) -> None:
    """Forget per-word results, keep the lexicon itself (it is read once per process anyway)."""
    for part in _modules_of(module):
        for name, value in vars(part).items():
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
