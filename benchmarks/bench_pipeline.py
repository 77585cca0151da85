"""Throughput, time per stage and peak memory of the whole pipeline, against sumy's LexRank.

    python benchmarks/bench_pipeline.py                   # 10,000 synthetic articles, 2 workers
    python benchmarks/bench_pipeline.py --articles 2000 --jobs 1
    python benchmarks/bench_pipeline.py --data ../shared/eval/bbc_standfirst.jsonl

Prints figures, asserts nothing: it is a measurement, not a test. Three parts:
1. end to end in a child process (`briefer brief FEED -o out.docx --no-cache --jobs N`):
   wall time, articles per second, peak RSS of the largest process of the run;
   then analysis + bullets + verification alone over N worker processes (articles per second),
   and the same with the facts-only English side added;
2. in this process, a sample through each stage on its own: milliseconds per article per stage;
3. sumy LexRank on a sample of the same articles, a third of the sentences, two ways: as
   shipped (sumy's own parser, Arabic tokenizer and stemmer, from the text: what a user of sumy
   runs), and fed briefer's sentences and terms (its ranking alone). Speed ratios: briefer's
   analysis + bullets + verification against LexRank as shipped (both from the text), one
   process each and then briefer's N worker processes against sumy's one (sumy has no parallel
   mode); and briefer's bullet writing against LexRank's ranking (both from prepared sentences).
   ``--sumy-sample 0`` runs LexRank on every article of the run (about 6 ms each).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.analyze import analyze  # noqa: E402
from briefer.backends.registry import get_engine  # noqa: E402
from briefer.config import load_config  # noqa: E402
from briefer.evaluation.synthetic import seed_articles, synthetic_records, write_jsonl  # noqa: E402
from briefer.ingest import read_inputs  # noqa: E402
from briefer.translate import english_side  # noqa: E402
from briefer.types import Article  # noqa: E402
from briefer.verify import verify_bullets  # noqa: E402


def main() -> None:
    args = _arguments()
    config = load_config(ROOT / "examples" / "briefer.toml", environ={}).replace(no_cache=True)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(args.data) if args.data else _synthetic_feed(Path(tmp), args.articles, config)
        print(f"data: {feed}  jobs: {args.jobs}  cpus: {os.cpu_count()}")
        end_to_end = _end_to_end(feed, Path(tmp) / "briefing.docx", args.jobs)
        core = _core_throughput(feed, config, args.jobs)
        articles = _sample(feed, config, args.stage_sample)
        stages = _stages(articles, config)
        sumy_articles = _sample(feed, config, args.sumy_sample or end_to_end["articles"])
        lexrank_ms = _lexrank(sumy_articles)
        shipped_ms = _lexrank_as_shipped(sumy_articles)
    _report(end_to_end, core, stages, (lexrank_ms, shipped_ms, len(sumy_articles)), len(articles), args.jobs)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles to generate")
    parser.add_argument("--data", help="a JSONL feed to use instead of synthetic articles")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the end-to-end run")
    parser.add_argument("--stage-sample", type=int, default=1000, help="articles timed stage by stage")
    parser.add_argument("--sumy-sample", type=int, default=200, help="articles summarised by LexRank (0: all)")
    return parser.parse_args()


def _synthetic_feed(folder: Path, count: int, config) -> Path:
    path = folder / "feed.jsonl"
    write_jsonl(path, synthetic_records(seed_articles(ROOT / "examples", config), count))
    return path


def _end_to_end(feed: Path, out: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "briefer", "--quiet", "brief", str(feed), "-o", str(out),
               "--no-cache", "--jobs", str(jobs), "--date", "2026-11-28"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        raise SystemExit(f"briefer failed ({done.returncode}): {done.stderr.strip()}")
    count = sum(1 for _ in feed.open(encoding="utf-8"))
    return {"articles": count, "seconds": wall, "peak_rss_mib": max(peak_kib, before) / 1024,
            "docx_kib": out.stat().st_size / 1024}


def _core_throughput(feed: Path, config, jobs: int) -> dict:
    """Articles per second over ``jobs`` processes, as the pipeline's workers run them (ingestion
    before the clock, compose and render left out, only a count shipped back), twice: analysis +
    bullets + verification of the Arabic (the issue's bar), then the workers' whole path, which
    adds the facts-only English and its verification."""
    from briefer.pipeline import _init_worker

    articles = [a for a in read_inputs([str(feed)], config) if isinstance(a, Article)]
    size = max(1, config.batch_size)  # the pipeline's own batches (pipeline._compute)
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]
    context = multiprocessing.get_context("fork")
    seconds = {}
    with context.Pool(jobs, initializer=_init_worker, initargs=(config,)) as pool:
        for name, work in (("arabic", _count_checked_arabic), ("with_english", _count_briefs)):
            pool.map(work, batches[:jobs])  # warm-up: imports and caches in every worker
            start = time.perf_counter()
            done = sum(pool.map(work, batches))
            seconds[name] = time.perf_counter() - start
    return {"articles": len(articles), "briefed": done, "seconds": seconds}


def _count_checked_arabic(articles: list[Article]) -> int:
    from briefer import pipeline
    from briefer.types import Analysis

    maker = pipeline._WORKER
    analyses = [a for a in map(maker._analyze, articles) if isinstance(a, Analysis)]
    checked = [verify_bullets(a, bullets, maker.config.verify_policy)
               for a, bullets in zip(analyses, maker.engine.summarize(analyses), strict=True)]
    return len(checked)


def _count_briefs(articles: list[Article]) -> int:
    from briefer import pipeline
    from briefer.types import Skipped

    return sum(not isinstance(o, Skipped) for o in pipeline._work(articles))


def _sample(feed: Path, config, size: int) -> list[Article]:
    articles = []
    for item in read_inputs([str(feed)], config):
        if isinstance(item, Article):
            articles.append(item)
        if len(articles) >= size:
            break
    return articles


def _stages(articles: list[Article], config) -> dict[str, float]:
    """Seconds spent in each stage over the sample (one process, no cache)."""
    engine = get_engine(config)
    totals = dict.fromkeys(["analyze", "summarize", "verify", "english (lexicon)"], 0.0)
    for article in articles:
        t0 = time.perf_counter()
        analysis = analyze(article)
        t1 = time.perf_counter()
        (bullets,) = engine.summarize([analysis])
        t2 = time.perf_counter()
        bullets, _ = verify_bullets(analysis, bullets, config.verify_policy)
        t3 = time.perf_counter()
        _, english, _ = english_side(analysis, bullets, None)
        verify_bullets(analysis, english, config.verify_policy)
        t4 = time.perf_counter()
        for stage, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            totals[stage] += seconds
    return totals


def _lexrank(articles: list[Article]) -> float:
    """Milliseconds per article for sumy's LexRank, one-third budget, fed briefer's sentences and
    words (sumy's own tokenizer drops Arabic and digits)."""
    from briefer.backends.scoring import article_terms
    from briefer.evaluation.baselines import sumy_summary

    summarize = sumy_summary("LexRank")
    analyses = [analyze(a) for a in articles]
    summarize(analyses[0], article_terms(analyses[0]), 1)  # warm-up: imports, caches
    start = time.perf_counter()
    for analysis in analyses:  # the word lists count as LexRank's: sumy tokenises for itself
        summarize(analysis, article_terms(analysis), max(1, len(analysis.sentences) // 3))
    return (time.perf_counter() - start) * 1000 / max(1, len(analyses))


def _lexrank_as_shipped(articles: list[Article]) -> float:
    """Milliseconds per article for sumy's LexRank from the text, with sumy's Arabic tools."""
    from briefer.evaluation.baselines import sumy_as_shipped

    summarize = sumy_as_shipped("LexRank")
    analyses = [analyze(a) for a in articles]  # only for the budget and the text: not timed
    summarize(analyses[0], [], 1)
    start = time.perf_counter()
    for analysis in analyses:
        summarize(analysis, [], max(1, len(analysis.sentences) // 3))
    return (time.perf_counter() - start) * 1000 / max(1, len(analyses))


def _report(end_to_end: dict, core: dict, stages: dict[str, float], lexrank: tuple[float, float, int], sample: int,
            jobs: int) -> None:
    lexrank_ms, shipped_ms, sumy_sample = lexrank
    per_article = {k: v * 1000 / sample for k, v in stages.items()}
    core_ms = per_article["analyze"] + per_article["summarize"] + per_article["verify"]
    rate = end_to_end["articles"] / end_to_end["seconds"]
    core_rate = core["articles"] / core["seconds"]["arabic"]
    print(json.dumps({
        "end_to_end": {
            "articles": end_to_end["articles"], "jobs": jobs, "seconds": round(end_to_end["seconds"], 2),
            "articles_per_second": round(rate, 1), "peak_rss_mib": round(end_to_end["peak_rss_mib"], 1),
            "docx_kib": round(end_to_end["docx_kib"], 1),
        },
        "analysis_bullets_verification": {
            "articles": core["articles"], "processes": jobs, "seconds": round(core["seconds"]["arabic"], 2),
            "articles_per_second": round(core_rate, 1),
        },
        "plus_facts_only_english": {
            "articles": core["articles"], "briefed": core["briefed"], "processes": jobs,
            "seconds": round(core["seconds"]["with_english"], 2),
            "articles_per_second": round(core["articles"] / core["seconds"]["with_english"], 1),
        },
        "stage_ms_per_article": {k: round(v, 3) for k, v in per_article.items()},
        "one_process": {
            "analysis_bullets_verification_articles_per_second": round(1000 / core_ms, 1),
        },
        "sumy_lexrank_ms_per_article": {"articles": sumy_sample, "as_shipped_from_text": round(shipped_ms, 3),
                                        "fed_briefer_terms": round(lexrank_ms, 3)},
        "speed_ratio_vs_lexrank": {
            "analysis_bullets_verification_vs_as_shipped": round(shipped_ms / core_ms, 2),
            f"analysis_bullets_verification_{jobs}_processes_vs_as_shipped_1_process": round(core_rate * shipped_ms / 1000, 2),
            "bullets_alone_vs_fed_terms": round(lexrank_ms / per_article["summarize"], 2),
        },
    }, indent=2))


if __name__ == "__main__":
    main()
