"""Milliseconds per article for each stage of the analysis layer (briefer.analyze).

    python benchmarks/bench_analysis.py                       # 500 synthetic articles, best of 3
    python benchmarks/bench_analysis.py --articles 2000 --repeat 5
    python benchmarks/bench_analysis.py --data ../shared/eval/news_quotes.jsonl
    python benchmarks/bench_analysis.py --pathological        # also time hostile inputs
    python benchmarks/bench_analysis.py --profile             # cProfile of analyze(), top 25

Prints figures, asserts nothing: it is a measurement, not a test. Each stage runs over the whole
sample ``--repeat`` times and the best run is kept, because the machine is shared and the slower
runs measure the neighbours. Stages are timed on their own (each gets the inputs it needs computed
beforehand); ``analyze`` is the whole layer as the pipeline calls it.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.analyze import analyze, detect_language  # noqa: E402
from briefer.arabic.segment import split_sentences  # noqa: E402
from briefer.config import load_config  # noqa: E402
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl  # noqa: E402
from briefer.facts import find_entities, find_figures, find_quotes  # noqa: E402
from briefer.ingest import read_inputs  # noqa: E402
from briefer.types import Article  # noqa: E402


def main() -> None:
    args = _arguments()
    articles = _articles(args)
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"articles: {len(articles)} (mean {chars:,.0f} characters)  repeat: {args.repeat}"
          f"  cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    _stage_table(articles, args.repeat)
    if args.pathological:
        _pathological()
    if args.profile:
        _profile(articles)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=500, help="synthetic articles to generate")
    parser.add_argument("--data", help="a JSONL feed (or any input briefer reads) instead of synthetic ones")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best is reported")
    parser.add_argument("--pathological", action="store_true", help="time hostile inputs too")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of analyze()")
    return parser.parse_args()


def _articles(args: argparse.Namespace) -> list[Article]:
    config = load_config(ROOT / "examples" / "briefer.toml", environ={})
    if args.data:
        found = [a for a in read_inputs([args.data], config) if isinstance(a, Article)]
        return found[: args.articles] if args.articles else found
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "synthetic.jsonl"
        write_jsonl(feed, synthetic_records(seed_articles(ROOT / "examples", config), args.articles))
        return [a for a in read_inputs([str(feed)], config) if isinstance(a, Article)]


def _best_ms(run: Callable[[], object], count: int, repeat: int) -> float:
    """Best wall time of ``repeat`` runs, in milliseconds per item."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000 / count


def _stage_table(articles: list[Article], repeat: int) -> None:
    texts = [a.text for a in articles]
    analyze(articles[0])  # load the lexicons outside the timing
    sentences = [split_sentences(t) for t in texts]
    entities = [find_entities(t) for t in texts]
    stages = {
        "segment": lambda: [split_sentences(t) for t in texts],
        "figures": lambda: [find_figures(t, s) for t, s in zip(texts, sentences)],
        "entities": lambda: [find_entities(t) for t in texts],
        "quotes": lambda: [find_quotes(t, s, e) for t, s, e in zip(texts, sentences, entities)],
        "language": lambda: [detect_language(t) for t in texts],
        "analyze (all)": lambda: [analyze(a) for a in articles],
    }
    print(f"{'stage':<15}{'ms/article':>12}{'articles/s':>12}")
    for name, run in stages.items():
        ms = _best_ms(run, len(texts), repeat)
        print(f"{name:<15}{ms:>12.3f}{1000 / ms:>12,.0f}")


def _pathological() -> None:
    """Hostile inputs: huge numbers, a quote that never closes, long articles (time should grow linearly)."""
    sentence = (
        "وقال وزير الخارجية العراقي فؤاد حسين: «إن 3500 جندي وصلوا يوم الأحد 12 يونيو/ حزيران 2026»، "
        "مشيرا إلى أن الكلفة بلغت نحو 2.5 مليار دولار، بحسب المتحدث باسم الوزارة أحمد الصحاف. "
    )
    cases = {
        "10,000-digit number": "بلغ العدد " + "7" * 10_000 + " جندي، أي 12.5 في المئة.",
        "400 digits with decimals": "بلغت الكلفة " + "9" * 400 + ".5 دولار.",
        "unclosed quote, 200 sentences": "وقال الوزير: «" + sentence.replace("«", "").replace("»", "") * 200,
        # a definite title with no earlier office to refer back to, thousands of times
        "'الوزير' x3,500, no 'وزير' before": "وأوضح الوزير أن الوضع «مستقر تماما» في البلاد اليوم. " * 3_500,
    }
    for size in (50_000, 100_000, 200_000):
        cases[f"{size:,} chars, one line"] = (sentence * (size // len(sentence) + 1))[:size]
        cases[f"{size:,} chars, paragraphs"] = ((sentence + "\n") * (size // len(sentence) + 1))[:size]
    print(f"\n{'hostile input':<34}{'seconds':>9}{'figures':>9}{'quotes':>8}")
    for name, text in cases.items():
        article = Article(id="hostile", text=text)
        start = time.perf_counter()
        found = analyze(article)
        seconds = time.perf_counter() - start
        print(f"{name:<34}{seconds:>9.3f}{len(found.figures):>9}{len(found.quotes):>8}")


def _profile(articles: list[Article]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        analyze(article)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
