"""analyze(): the analysis stages run together; detect_language tells ar/en/fr/other."""

from __future__ import annotations

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
