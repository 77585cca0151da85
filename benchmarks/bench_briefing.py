"""Benchmark: 1,000 generated Arabic articles -> DOCX briefing of the top 60 stories.

    python benchmarks/bench_briefing.py [--articles 1000] [--stories 60] [--out /tmp/bench.docx]
    python benchmarks/bench_briefing.py --articles 10000 --from-examples   # huge stories, long annex

Prints seconds per stage (read + brief every article with the extractive engine, compose,
render DOCX), the total, and the process's peak RSS after each stage. Target on a 2-core
machine: under 10 s in all for the default 1,000 articles. By default the articles are
generated from templates (no evaluation data is used): about one event in four is reported by
two or three outlets with different wording and, now and then, a different troop count, so
clustering and disagreement detection do real work. ``--from-examples`` generates them from
examples/ instead (briefer.evaluation.synthetic, as bench_pipeline.py does): few, very large
stories from a dozen outlets, the case where comparing the outlets' figures used to be quadratic.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

CITIES = ["عمّان", "بغداد", "الرياض", "القاهرة", "الرباط", "تونس", "بيروت", "دمشق", "الدوحة", "مسقط", "الجزائر",
          "الخرطوم", "صنعاء", "الكويت", "المنامة", "أبوظبي", "طرابلس", "نواكشوط"]
OUTLETS = ["صحيفة الأفق", "وكالة أنباء المشرق", "جريدة الوطن", "موقع النهار", "إذاعة الشرق", "قناة المدار",
           "صحيفة الغد", "وكالة الأنباء العربية"]
TOPICS = [
    ("أعلنت وزارة المالية في {city} ميزانية العام المقبل بإنفاق {a} مليار دولار وعجز متوقع عند {p} في المئة",
     "وقال وزير المالية إن أسعار النفط المعتمدة تبلغ {b} دولارا للبرميل وإن الاستثمارات سترتفع بنسبة {q} في المئة"),
    ("نشر الجيش في {city} نحو {troops} جندي على الحدود بعد اشتباك مع مهربين أسفر عن مقتل {k} منهم",
     "وقال المتحدث العسكري إن القوات ضبطت {b} كيلوغراما من المخدرات على امتداد {a} كيلومترا من الحدود"),
    ("أطلقت وزارة الصحة في {city} حملة تطعيم تستهدف {a} ألف طفل في {k} محافظة",
     "وأوضحت الوزارة أن {b} فريقا طبيا سيشارك في الحملة بعد تسجيل {q} إصابة منذ مطلع العام"),
    ("التقى وزير الخارجية في {city} نظيره في زيارة رسمية بحثت اتفاقية تعاون بقيمة {a} مليون دولار",
     "وأكد الوزيران في مؤتمر صحفي أن حجم التبادل التجاري بلغ {b} مليون دولار العام الماضي"),
    ("افتتح في {city} معرض الكتاب الدولي بمشاركة {a} دار نشر من {k} دولة",
     "وقال مدير المعرض إن عدد الزوار المتوقع يتجاوز {b} ألف زائر خلال عشرة أيام"),
]
FILLER = ("وأشار المسؤول إلى أن الخطوة تأتي ضمن خطة أوسع تمتد حتى نهاية العام المقبل، مؤكدا أن «العمل سيستمر "
          "بالوتيرة نفسها»، فيما رحب مراقبون بالقرار ودعوا إلى متابعة تنفيذه على الأرض.")


def generate(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    articles: list[dict] = []
    event = 0
    while len(articles) < count:
        event += 1
        lead, second = rng.choice(TOPICS)
        values = {"city": rng.choice(CITIES), "a": rng.randint(20, 900), "b": rng.randint(30, 9000),
                  "p": rng.randint(2, 9), "q": rng.randint(2, 40), "k": rng.randint(3, 30),
                  "troops": rng.choice([1500, 2000, 2500, 3000, 3500])}
        outlets = rng.sample(OUTLETS, 3 if rng.random() < 0.1 else 2 if rng.random() < 0.2 else 1)
        for number, outlet in enumerate(outlets):
            if number and rng.random() < 0.5:
                values = {**values, "troops": values["troops"] - 500}  # outlets disagreeing
            body = f"{values['city']} – {lead.format(**values)}. {second.format(**values)}. {FILLER}"
            if number:
                body = f"{second.format(**values)}. {lead.format(**values)} بحسب ما أفاد به مسؤولون. {FILLER}"
            articles.append({"id": f"bench-{len(articles)}", "title": lead.format(**values)[:90], "text": body,
                             "source": outlet, "date": f"2026-11-{rng.randint(20, 28):02d}",
                             "url": f"https://example.invalid/{event}/{number}"})
    return articles[:count]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bench_briefing.docx")
    parser.add_argument("--from-examples", action="store_true", help="generate the articles from examples/")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the briefs")
    args = parser.parse_args(argv)

    from briefer.compose import compose_entries
    from briefer.compose_entries import entry_of, headline_brief
    from briefer.config import BriefConfig
    from briefer.pipeline import run_briefing
    from briefer.render import render_to_path

    config = BriefConfig(backend="extractive", translator="none", max_stories=args.stories, no_cache=True,
                         quiet=True, date="2026-11-28", jobs=args.jobs)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "articles.jsonl"
        records = _examples_records(args.articles) if args.from_examples else generate(args.articles)
        feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in records) + "\n", encoding="utf-8")
        timings, peaks = {}, {}
        started = time.perf_counter()
        result = run_briefing([str(feed)], config)
        timings["read + brief (extractive) + compose"] = time.perf_counter() - started
        peaks["read + brief (extractive) + compose"] = _peak_mib()
    entries = [entry_of(b, headline_brief(b)) for b in result.briefs]  # as the pipeline keeps them
    started = time.perf_counter()
    briefing = compose_entries(entries, result.briefs.__getitem__, config)
    timings["compose alone (cluster, order, sections)"] = time.perf_counter() - started
    peaks["compose alone (cluster, order, sections)"] = _peak_mib()
    started = time.perf_counter()
    render_to_path(result.briefing, args.out, "docx", config)
    timings["render DOCX"] = time.perf_counter() - started
    peaks["render DOCX"] = _peak_mib()
    total = timings["read + brief (extractive) + compose"] + timings["render DOCX"]
    for stage, seconds in timings.items():
        print(f"{stage:45s} {seconds:7.2f} s   peak RSS so far {peaks[stage]:6.0f} MiB")
    print(f"{'total (brief + render)':45s} {total:7.2f} s   target < 10 s")
    print(f"{len(result.briefs)} articles -> {len(briefing.stories) + len(briefing.annex)} stories "
          f"({len(briefing.stories)} in full, {sum(len(s.disagreements) > 0 for s in briefing.stories)} with "
          f"disagreements), {len(result.skipped)} skipped -> {args.out}")
    return 0 if total < 10 else 1


def _examples_records(count: int) -> list[dict]:
    """As bench_pipeline.py makes them: seeds read with the examples' settings (their feed's fields)."""
    from briefer.config import load_config
    from briefer.evaluation.synthetic import seed_articles, synthetic_records

    examples = Path(__file__).resolve().parent.parent / "examples"
    seeds = seed_articles(examples, load_config(examples / "briefer.toml", environ={}))
    return list(synthetic_records(seeds, count))


def _peak_mib() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
