"""People with titles, organisations and places from the shipped lexicons."""

from __future__ import annotations

from briefer.facts.entities import countries, find_entities


def by_kind(text: str, kind: str):
    return [e for e in find_entities(text) if e.kind == kind]


def test_titled_person_with_complement_and_canonical_short_name():
    text = "التقى وزير الخارجية العراقي فؤاد حسين نظيره في بغداد. وأضاف حسين أن المحادثات مثمرة."
    people = by_kind(text, "person")
    assert people[0].text == "وزير الخارجية العراقي فؤاد حسين"
    assert people[-1].text == "حسين"
    assert people[-1].canonical == "وزير الخارجية العراقي فؤاد حسين"


def test_long_title_chain_reaches_the_name():
    text = "أكد المدير العام للمكتب التنفيذي لصحة الخليج البروفيسور توفيق بن أحمد خوجة أن التصنيف دقيق."
    (person,) = by_kind(text, "person")
    assert person.text.endswith("توفيق بن أحمد خوجة")
    assert person.text.startswith("المدير العام")


def test_subject_after_attribution_verb_is_a_person():
    text = "وقال كارستن مينكي المحلل لدى جوليوس باير إن الذهب تراجع."
    names = [e.text for e in by_kind(text, "person")]
    assert "كارستن مينكي" in names


def test_spelling_variants_of_one_name_share_a_canonical():
    text = "دافعت كيم كارديشيان عن تصفيفة شعرها. وقالت كاردشيان إنها تعرف أصلها."
    people = by_kind(text, "person")
    assert people[-1].text == "كاردشيان"
    assert people[-1].canonical == "كيم كارديشيان"


def test_organisations_and_places():
    text = "وقالت وزارة الخارجية الأمريكية إن وكالة رويترز نقلت الخبر من القاهرة والرياض."
    orgs = [e.text for e in by_kind(text, "org")]
    places = {e.canonical for e in by_kind(text, "place")}
    assert any(o.startswith("وزارة الخارجية") for o in orgs)
    assert {"مصر", "السعودية"} <= places or {"القاهرة", "الرياض"} & places == set()


def test_the_preposition_ala_is_not_the_name_ali():
    text = "نشر الدكتور محمد يحيى على صفحته قصة. وقال علي حسن إن القصة حقيقية."
    names = [e.text for e in by_kind(text, "person")]
    assert "الدكتور محمد يحيى" in names
    assert "علي حسن" in names


def test_countries_most_mentioned_first():
    text = "زار الوفد المصري بغداد والبصرة، وقالت الحكومة العراقية إن العراق يرحب بالوفد."
    ranked = countries(find_entities(text))
    assert ranked[0] == "العراق"  # بغداد، البصرة، العراق against المصري
    assert "مصر" in ranked


def test_spans_point_at_their_text():
    text = "وقالت مديرة المجموعات الخاصة في الجامعة، سوزان ورال، إن الوثيقة قديمة."
    for entity in find_entities(text):
        assert text[entity.start:entity.end] == entity.text
    assert any("سوزان ورال" in e.text for e in by_kind(text, "person"))


def test_a_tatweel_used_as_a_dash_is_not_a_word():
    # "ـ" folds to nothing: read as a word, it once crashed the name reader
    text = ("وقال وزير الخارجية فؤاد حسين ـ حفظه الله ـ إن المحادثات مثمرة.\n"
            "تصوير: محمد المانع ـ «الاقتصادية»\nــــــــ")
    people = [e.text for e in by_kind(text, "person")]
    assert people == ["وزير الخارجية فؤاد حسين", "محمد المانع"]


def test_many_people_in_a_long_article_keep_their_own_canonical():
    names = ["فؤاد حسين", "خالد العلي", "أحمد الصحاف", "كارستن مينكي"] * 50
    text = " ".join(f"وقال الوزير {name} إن المحادثات مثمرة. وأضاف {name.split()[1]} أن الجولة قريبة."
                    for name in names)
    people = by_kind(text, "person")
    short = [e for e in people if e.text in {"حسين", "العلي", "الصحاف", "مينكي"}]
    assert len(short) == 200
    assert {e.canonical for e in short} == {f"الوزير {name}" for name in names}


def test_leading_word_tokens_and_word_facts_agree_with_the_tokens():
    from briefer.facts.entities import article_facts, article_tokens, leading_word_tokens, tokenize

    text = "وقال وزير الخارجية العراقي فؤاد حسين، «إن 3500 جندي وصلوا» ـــ على حد قوله."
    words = [token for token in tokenize(text) if token.is_word]
    assert leading_word_tokens(text, 4) == words[:4]
    assert leading_word_tokens(text, 100) == words
    assert article_facts(text, "norm") == [token.norm for token in article_tokens(text)]
    cues = dict(zip([token.text for token in article_tokens(text)], article_facts(text, "cue")))
    assert cues["وقال"] == "verb" and cues["وزير"] == ""
