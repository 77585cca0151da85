"""analyze(): the analysis stages run together; detect_language tells ar/en/fr/other."""

from __future__ import annotations

import json
import time

from briefer.analyze import analyze, detect_language
from briefer.types import Article


def test_analyze_finds_quotes_entities_and_sentences():
    text = ("أعلنت وزارة الصحة تسجيل 120 إصابة جديدة.\n"
            "وقال وزير الصحة خالد العلي “الوضع تحت السيطرة ولا داعي للقلق”.")
    analysis = analyze(Article(id="a1", text=text))
    assert analysis.language == "ar"
    assert len(analysis.sentences) >= 2
    (quote,) = analysis.quotes
    assert "خالد العلي" in quote.speaker
    assert any(e.kind == "person" for e in analysis.entities)
    assert analysis.quotes[0].sentence >= 0


def test_detect_language():
    assert detect_language("قال الرئيس إن الوضع مستقر في البلاد") == "ar"
    assert detect_language("The minister said that the talks in Baghdad were useful and on track.") == "en"
    assert detect_language("Le ministre a déclaré que les discussions sont utiles pour la région.") == "fr"
    assert detect_language("Der Minister sagte heute wenig") == "other"
    assert detect_language("12345 !!!") == "other"


def test_arabic_with_english_names_stays_arabic():
    assert detect_language("قالت شبكة CNN إن شركة Apple أعلنت منتجا جديدا في كاليفورنيا اليوم") == "ar"


def _hostile_article(size: int) -> Article:
    """A long article of everything that once made the analysis quadratic: many people, quotes
    marked, unmarked and never closed, colon speech on one line, stray marks, @handles."""
    piece = ("وقال وزير الخارجية فؤاد حسين{n}: إن 3500 جندي وصلوا يوم الأحد 12 يونيو/ حزيران 2026، "
             "مشيرا إلى الكلفة. وأضاف حسين{n} “الوضع تحت السيطرة” بحسب المتحدث باسم الوزارة. "
             "وكتب @user{n} « تعليقا #وسم ")
    parts, length, n = [], 0, 0
    while length < size:
        parts.append(piece.format(n=chr(0x0628 + n % 20) * (1 + n // 20 % 3)))
        length += len(parts[-1])
        n += 1
    return Article(id=f"hostile-{size}", text="".join(parts)[:size])


def test_analysis_time_grows_linearly_with_the_article():
    def best_time(article):
        times = []
        for _ in range(2):
            started = time.perf_counter()
            analyze(article)
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = _hostile_article(12_500), _hostile_article(100_000)
    # 8x the text: about 8x the time; a quadratic step would make it 64x
    assert best_time(large) < 20 * best_time(small) + 0.5


def test_hostile_input_gives_strict_json_and_no_crash():
    text = ("بلغ العدد " + "7" * 10_000 + " جندي، وبلغت الكلفة " + "9" * 400 + ".5 دولار.\n"
            "كتب محمد المانع ـ «الاقتصادية»\nــــــــ\n" + "@" * 5_000)
    analysis = analyze(Article(id="hostile", text=text))
    values = [(f.value, f.value_max) for f in analysis.figures]
    json.dumps(values, allow_nan=False)
    assert all(value is None or value < 1e300 for value, _ in values)
    assert [q.text for q in analysis.quotes] == ["الاقتصادية"]
