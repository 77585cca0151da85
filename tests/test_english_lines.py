"""The facts-only English lines: counted nouns, titles with a genitive or an adjective, figures in words."""

from __future__ import annotations

import pytest

from briefer.analyze import analyze
from briefer.translate import english_phrase, english_side, figure_spans, lexicon
from briefer.types import Article, Bullet
from briefer.verify import verify_bullets

FSI, PDI = "\u2068", "\u2069"


def _facts_only(text: str) -> list[str]:
    return [span.english for span in figure_spans(text, facts_only=True)]


@pytest.mark.parametrize(("arabic", "english"), [
    ("بأغلبية 289 صوتا مقابل 41 صوتا معارضا", ["289 votes", "41 votes"]),  # accusative of the singular
    ("وامتناع 12 نائبا عن التصويت", ["12 MPs"]),
    ("جمع توقيعات ما لا يقل عن 1500 عضو مؤسس", ["at least 1500 members"]),
    ("لقي 6 مهربين حتفهم", ["6 smugglers"]),  # sound masculine plural
    ("قتل 7 مدنيين في القصف", ["7 civilians"]),  # nisba plural: مدني + ين
    ("أغلقت 5 شركات أبوابها", ["5 companies"]),  # feminine plural of شركة
    ("أطلق 9 مشروعات جديدة", ["9 projects"]),  # ات on a masculine noun
    ("أسقطت 4 أصوات", ["4 votes"]),  # a broken plural, listed
    ("وصل 30 زائرًا", ["30 visitors"]),  # tanween is folded away
    ("قتل 3 آخرين", ["3 others"]),
])
def test_counted_nouns_are_read_in_their_inflected_forms(arabic, english):
    assert _facts_only(arabic) == english


def test_a_counted_noun_no_list_knows_stays_as_written_in_an_isolate():
    assert _facts_only("أنجز 6 حمالين العمل") == [f"6 {FSI}حمالين{PDI}"]


def test_nouns_and_descriptors_are_not_phrases_of_a_name():
    # "شركة" counts companies after a number; inside a speaker it is not turned into "companies"
    assert ("شركه",) not in lexicon().phrases and "شركه" in lexicon().nouns
    assert english_phrase("شركة أمازون", keep_arabic=True) == f"{FSI}شركة أمازون{PDI}"


@pytest.mark.parametrize(("arabic", "english"), [
    ("الأمين العام لمجلس التعاون", "Secretary-General of the Gulf Cooperation Council"),
    ("الأمين العام لجامعة الدول العربية", "Secretary-General of the Arab League"),
    ("الرئيس التنفيذي للشركة", "the chief executive of the company"),
    ("المتحدث بوزارة الخارجية", "the spokesperson at the Foreign Ministry"),
    # an organisation no list knows: the title and its genitive stay together, as written
    ("الأمين العام لهيئة الموانئ", f"{FSI}الأمين العام لهيئة الموانئ{PDI}"),
    # ل that belongs to the noun (listed in counted_nouns.txt) is no genitive particle
    ("رئيس لجنة الصحة", f"head of {FSI}لجنة الصحة{PDI}"),
])
def test_a_title_with_a_joined_genitive(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("مصدر دبلوماسي", "a diplomatic source"),
    ("مصدر دبلوماسي مطلع", "an informed diplomatic source"),  # the last adjective first
    ("مصادر مطلعة", "informed sources"),  # feminine plural agreement
    ("مسؤول عراقي", "an Iraqi official"),  # an indefinite nationality
    ("مسؤولون أمنيون", "security officials"),
    ("مسؤول دفاعي أمريكي كبير طلب عدم نشر اسمه", "a senior US defence official who asked not to be named"),
    ("وزير الخارجية العراقي", "Iraqi Foreign Minister"),  # as before
    ("الوزير العراقي", "the Iraqi minister"),
    ("الرئيس الأمريكي السابق باراك أوباما", "former US President Barack Obama"),  # السابق: former
    ("مسؤول أمريكي سابق", "a former US official"),
    ("الرئيسة السابقة", "former President"),
])
def test_adjectives_after_a_source_or_official_go_before_it(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_a_descriptor_is_read_only_after_a_title():
    assert english_phrase("كبير المفاوضين", keep_arabic=True) == f"{FSI}كبير المفاوضين{PDI}"


TEXT = (
    "خصصت الحكومة مليار ونصف دولار للمشروع. "
    "وبلغت الكلفة مليوني دينار أردني. "
    "ولقي ستة مهربين حتفهم في الاشتباك. "
    "وقتل الثلاثة في الهجوم. "
    "وحضر أكثر من خمسة ملايين طفل."
)


def _word_figures_side() -> tuple[list[str], list[str]]:
    analysis = analyze(Article(id="w1", text=TEXT))
    bullets_ar = tuple(Bullet("ar", s.text, sources=(s.index,)) for s in analysis.sentences)
    _, bullets_en, mode = english_side(analysis, bullets_ar)
    assert mode == "lexicon"
    kept, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    return [b.text for b in kept], [v.action for v in verdicts]


def test_figures_written_in_words_get_digits_and_pass_the_guard():
    texts, actions = _word_figures_side()
    assert texts == [
        "The government — figures: 1.5 billion dollars",
        "Figures: 2 million dinars",
        "Figures: 6 smugglers",
        "Figures: more than 5 million children",
    ]  # "الثلاثة" (the three already named) states no figure: that bullet has no English line
    assert actions == ["kept"] * 4


def test_a_figure_in_words_inside_a_quotation_is_the_speakers():
    text = "وقال الوزير: «خصصنا مليار ونصف دولار للمشروع»."
    analysis = analyze(Article(id="w2", text=text))
    bullets_ar = (Bullet("ar", text, sources=(0,)),)
    _, bullets_en, _ = english_side(analysis, bullets_ar)
    assert bullets_en and all("billion" not in b.text for b in bullets_en)


def test_two_quotes_of_one_speaker_in_a_bullet_make_one_counted_line():
    text = "قال المدير الفني إن لاعبيه قدموا «مباراة كبيرة»، مضيفا: «لم يفقد اللاعبون الثقة»."
    analysis = analyze(Article(id="w3", text=text))
    _, bullets_en, _ = english_side(analysis, (Bullet("ar", text, sources=(0,)),))
    (line,) = [b.text for b in bullets_en]
    assert line.count("by ") == 1 and line.startswith("Quotes (Arabic, not translated) by ")
    _, actions = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [a.action for a in actions] == ["kept"]


# ------------------------------------------------------------------ a title with a genitive (إضافة)


@pytest.mark.parametrize(("arabic", "english"), [
    # the nationality describes the title and goes first; the portfolios after "of", joined by "and"
    ("وزيرة الاقتصاد والتخطيط التونسية", "Tunisian Minister of Economy and Planning"),
    # a listed title phrase holding a genitive is read again when a coordinated noun follows it
    ("وزير الاقتصاد والتخطيط", "Minister of Economy and Planning"),
    ("وزير الاقتصاد", "Economy Minister"),  # as listed
    ("وزير الخارجية العراقي", "Iraqi Foreign Minister"),  # as before
    ("مدير المستشفى الدكتور هشام النوبي", f"Director of the hospital, Dr. {FSI}هشام النوبي{PDI}"),
    ("المتحدث باسم القوات المسلحة العميد خالد الرواشدة",
     f"spokesperson for the Armed Forces, Brigadier General {FSI}خالد الرواشدة{PDI}"),
    # a construct chain no list knows stays as written, whole, after "of"
    ("مدير برنامج التحصين الموسع", f"Director of {FSI}برنامج التحصين الموسع{PDI}"),
    ("وزير الزراعة والصيد البحري", f"Minister of {FSI}الزراعة والصيد البحري{PDI}"),  # never half translated
    # an adjective that does not agree with the title describes the genitive
    ("المتحدث باسم القوات المسلحة الإيرانية", "spokesperson for the Iranian Armed Forces"),
    ("مدير المستشفى الميداني", "Director of the field hospital"),
    ("وزيرة الصحة السعودية", "Saudi Minister of Health"),  # السعودية is also the country's name
    ("مدير الجامعة السعودية", "Director of the Saudi university"),
    ("وزير الموارد المائية والري المصري", "Egyptian Minister of Water Resources and Irrigation"),
    # the construct state makes its head definite
    ("بيان النيابة", "the statement of the prosecution"),
    # a name right after the genitive ends it
    ("مدير المركز أحمد جمعة", f"Director of the centre, {FSI}أحمد جمعة{PDI}"),
    # the head of a country is its President; of anything else its head
    ("رئيس مصر", "President of Egypt"),
    ("رئيس كوريا الجنوبية السابق", "former President of South Korea"),
    ("رئيس مجلس النواب", "head of the House of Representatives"),
    # a listed body joined to the title by its preposition, with its nationality
    ("المدير الفني للمنتخب المصري", "the head coach of the Egyptian national team"),
    ("المدير التنفيذي للشركة الأمريكية", "the executive director of the US company"),
    ("الباحث بالجامعة الأمريكية", "the researcher at the US university"),
    ("المدير العام للمستشفى", "Director General of the hospital"),
    ("الأمين العام للجامعة العربية", "Secretary-General of the Arab League"),  # the longer listed name
])
def test_a_title_in_the_construct_state_reads_title_of_genitive(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("الأمين العام لمجلس التعاون", "Secretary-General of the Gulf Cooperation Council"),  # a definite title
    ("مسؤول أمريكي كبير", "a senior US official"),  # an indefinite adjective, not a genitive
    ("مدير مساعد", f"Director {FSI}مساعد{PDI}"),  # no definite noun: no construct chain
    ("وزير التربية والتعليم في مصر", f"Minister of Education {FSI}في{PDI} Egypt"),  # no comma before a preposition
])
def test_no_genitive_where_the_title_governs_none(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_genitive_words_are_read_only_after_a_title():
    assert english_phrase("الصحة", keep_arabic=True) == f"{FSI}الصحة{PDI}"
    assert ("الصحه",) not in lexicon().phrases and "الصحه" in lexicon().portfolios
    # a portfolio is a minister's: after another title the word is unknown
    assert english_phrase("مدير الصحة", keep_arabic=True) == f"Director of {FSI}الصحة{PDI}"


def test_without_keep_arabic_an_unknown_genitive_makes_the_phrase_unknown():
    assert english_phrase("مدير المستشفى", romanize=False) == "Director of the hospital"
    assert english_phrase("مدير برنامج التحصين الموسع", romanize=False) == ""


@pytest.mark.parametrize(("text", "line"), [
    ("وقالت وزيرة الاقتصاد والتخطيط التونسية إن «النمو بلغ 2.5% هذا العام».",
     "Quote (Arabic, not translated) by Tunisian Minister of Economy and Planning"),
    ("وقال مدير المستشفى الدكتور هشام النوبي إن «40 مريضا غادروا المستشفى».",
     f"Quote (Arabic, not translated) by Director of the hospital, Dr. {FSI}هشام النوبي{PDI}"),
])
def test_a_speaker_with_a_genitive_passes_the_guard(text, line):
    analysis = analyze(Article(id="g1", text=text))
    _, bullets_en, _ = english_side(analysis, (Bullet("ar", text, sources=(0,)),))
    assert [b.text for b in bullets_en] == [line]
    _, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"]


@pytest.mark.parametrize(("arabic", "english"), [
    ("الجيش السوري", "the Syrian army"),
    ("الحكومة العراقية", "the Iraqi government"),
    ("وزارة الدفاع الروسية", "the Russian Defence Ministry"),
])
def test_a_nationality_after_a_body_goes_before_it(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


# ------------------------------------------------------------------ the US State Department


@pytest.mark.parametrize(("arabic", "english"), [
    ("وزارة الخارجية الأمريكية", "the US State Department"),
    ("الخارجية الأميركية", "the US State Department"),
    ("المتحدث باسم الخارجية الأمريكية", "spokesperson for the US State Department"),
    ("المتحدثة باسم وزارة الخارجية الأميركية", "spokesperson for the US State Department"),
    ("وزير الخارجية الأمريكي", "US Secretary of State"),
    ("وزيرة الخارجية الأمريكية", "US Secretary of State"),
    ("وزير الخارجية الأمريكي السابق", "former US Secretary of State"),
    # every other country keeps its Foreign Ministry and Foreign Minister
    ("وزارة الخارجية الفرنسية", "the French Foreign Ministry"),
    ("المتحدث باسم الخارجية الروسية", "spokesperson for the Russian Foreign Ministry"),
    ("وزير الخارجية العراقي", "Iraqi Foreign Minister"),
    ("وزارة الخارجية", "the Foreign Ministry"),
])
def test_washingtons_foreign_ministry_is_the_state_department(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def _names(text: str) -> list[str]:
    from briefer.translate import name_spans

    return [span.english for span in name_spans(text, None)]


def test_the_state_department_in_the_names_of_a_line_and_not_inside_a_phrase_naming_none():
    assert _names("أعلنت الخارجية الأمريكية فرض عقوبات") == ["the US State Department"]
    assert _names("وقالت وزارة الخارجية الأميركية إن") == ["the US State Department"]
    assert _names("تغيرت السياسة الخارجية الأمريكية") == []  # US foreign policy
    assert _names("زار وزير الخارجية الأمريكية بغداد") == ["Baghdad"]  # the Secretary, not the Department


# ------------------------------------------------------------------ nationalities, every form


@pytest.mark.parametrize(("arabic", "english"), [
    ("الرئيسة البرازيلية", "Brazilian President"),
    ("الحكومة الفرنسية", "the French government"),
    ("الشرطة الأمريكية", "the US police"),
    ("الرئيسة الكورية الجنوبية", "South Korean President"),  # both words of the nationality agree
    ("المسؤولين الأمريكيين", "the US officials"),  # plural
    ("مسؤولون أمريكيون", "US officials"),
    ("وزارة الصحة السعودية", "the Saudi Health Ministry"),  # a country's name read as a nationality
])
def test_feminine_and_plural_nationalities_go_before_their_noun(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_nationality_forms_are_read_from_the_masculine_listed_once():
    phrases = lexicon().phrases
    for form in ("البرازيلي", "البرازيليه", "البرازيليون", "البرازيليين", "البرازيليات"):
        assert phrases[(form,)].english == "Brazilian"
    assert phrases[("السعوديه",)].category == "country"  # a form listed otherwise keeps its own entry
    listed = [line.split("\t")[1] for line in _lexicon_lines() if line.startswith("adjective\t")]
    assert not any(all(word.endswith("ية") for word in a.split()) for a in listed)  # no feminine listed twice


def _lexicon_lines() -> list[str]:
    from importlib import resources

    return resources.files("briefer").joinpath("data/en_lexicon.tsv").read_text(encoding="utf-8").splitlines()


def test_an_organisation_in_the_names_of_a_line_takes_its_nationality():
    assert _names("وأعلنت الحكومة الفرنسية خطة") == ["the French government"]
    assert _names("قال الجيش الإسرائيلي إن") == ["the Israeli army"]
    assert _names("وأعلنت الحكومة، الفرنسية") == ["the government"]  # a comma ends the name


# ------------------------------------------------------------------ a title, its genitive and "former"


@pytest.mark.parametrize(("arabic", "english"), [
    ("مدير المستشفى السابق", "former Director of the hospital"),
    ("مديرة المستشفى السابقة", "former Director of the hospital"),
    ("وزيرة الصحة السابقة", "former Minister of Health"),
    ("مدير المستشفى الميداني السابق", "former Director of the field hospital"),
    ("رئيس الجامعة المؤقت", "interim head of the university"),
    ("وزير الصحة السابق", "former Health Minister"),  # a listed title phrase: as before
    ("المدير السابق", "the former director"),
])
def test_an_office_word_after_the_genitive_describes_the_title(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_an_office_word_of_the_other_gender_is_not_the_titles():
    # "السابقة" cannot describe "مدير": the phrase stays as the lexicon reads it, unknown words as written
    assert english_phrase("مدير المستشفى السابقة", keep_arabic=True) == f"Director of the hospital, {FSI}السابقة{PDI}"


def test_a_former_title_with_a_genitive_passes_the_guard():
    text = "وقال مدير المستشفى السابق الدكتور هشام النوبي إن «40 مريضا غادروا المستشفى»."
    analysis = analyze(Article(id="g2", text=text))
    _, bullets_en, _ = english_side(analysis, (Bullet("ar", text, sources=(0,)),))
    assert [b.text for b in bullets_en] == [
        f"Quote (Arabic, not translated) by former Director of the hospital, Dr. {FSI}هشام النوبي{PDI}"
    ]
    _, verdicts = verify_bullets(analysis, bullets_en, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"]


# ------------------------------------------------------------------ names holding a unit, regions, ministries


def test_a_club_named_with_a_currency_word_is_no_money():
    assert _names("تعاقد ريال مدريد مع لاعب جديد") == ["Real Madrid"]
    assert _facts_only("فاز ريال بيتيس 2 ريال سوسيداد صفر") == ["2"]  # the listed name wins over the unit
    assert _facts_only("دفع 40 ريالا ثمنا للتذكرة") == ["40 riyals"]  # after a number it is still money
    assert english_phrase("مدرب ريال مدريد", keep_arabic=True) == f"{FSI}مدرب{PDI} Real Madrid"
    # a currency or unit word is read only after a number: inside a name it stays as written
    assert english_phrase("قائد فريق ريال", keep_arabic=True) == f"commander of {FSI}فريق ريال{PDI}"


@pytest.mark.parametrize(("text", "names"), [
    ("سافر الوفد إلى أمريكا الجنوبية ثم أميركا الشمالية", ["South America", "North America"]),
    ("تراجع النمو في أمريكا اللاتينية", ["Latin America"]),
    ("قرر اتحاد أمريكا الجنوبية لكرة القدم", ["CONMEBOL"]),
])
def test_the_americas_by_their_english_names(text, names):
    assert _names(text) == names


def test_an_institution_no_list_knows_stays_whole_with_the_place_it_names():
    assert english_phrase("اتحاد مصر للتنس", keep_arabic=True) == f"{FSI}اتحاد مصر للتنس{PDI}"
    assert english_phrase("جامعة القاهرة", keep_arabic=True) == f"{FSI}جامعة القاهرة{PDI}"


@pytest.mark.parametrize(("arabic", "english"), [
    # an institution no list knows is the title's genitive, as a listed one is: "Title of ⁨…⁩"
    ("مدير قناة الشروق", f"Director of {FSI}قناة الشروق{PDI}"),
    ("مدير قناة العربية", f"Director of {FSI}قناة العربية{PDI}"),  # العربية: a noun here, not "Arab"
    ("قائد شرطة كابول", f"commander of {FSI}شرطة كابول{PDI}"),
    ("رئيس حزب الوفد", f"head of {FSI}حزب الوفد{PDI}"),  # حزب counts parties only after a number
    ("مدير مساعد", f"Director {FSI}مساعد{PDI}"),  # no institution: no genitive
    ("مسؤول شرطة", f"an official {FSI}شرطة{PDI}"),  # an indefinite title: no "the official of"
    ("مسؤول رفيع المستوى", "a high-level official"),
])
def test_a_title_before_an_institution_no_list_knows(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("الخارجية الروسية", "the Russian Foreign Ministry"),
    ("الداخلية الفرنسية", "the French Interior Ministry"),
    ("الدفاع التركية", "the Turkish Defence Ministry"),
    ("الدفاع الأمريكية", "the Pentagon"),
    ("الخارجية الأمريكية", "the US State Department"),
])
def test_a_ministry_by_its_short_name_before_a_nationality(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_a_ministrys_short_name_is_an_adjective_elsewhere():
    assert _names("أعلنت الداخلية الكويتية ضبط شبكة") == ["the Kuwaiti Interior Ministry"]
    assert _names("ارتفعت الديون الخارجية المصرية") == []  # external debt: الخارجية describes الديون
    assert _names("قالت وزيرة الخارجية الكندية") == []  # the minister, not the ministry
    assert _names("تحدث الدفاع الروسي") == []  # masculine: no وزارة left out


@pytest.mark.parametrize(("arabic", "english"), [
    # a masculine nationality after a masculine title and a masculine genitive describes the genitive
    ("قائد الجيش المصري", "commander of the Egyptian army"),
    ("مدير المستشفى السعودي", "Director of the Saudi hospital"),
    ("قائد الجيش المصري السابق", "former commander of the Egyptian army"),
    # it describes the title when the genitive is of the other gender, or a minister's portfolio
    ("مدير الشرطة السعودي", "Saudi Director of the police"),
    ("وزير الخارجية العراقي", "Iraqi Foreign Minister"),
    ("وزير النقل المصري", "Egyptian Minister of Transport"),
])
def test_which_noun_a_nationality_after_a_genitive_describes(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


@pytest.mark.parametrize(("arabic", "english"), [
    ("الفنانة الفلسطينية", f"Palestinian {FSI}الفنانة{PDI}"),
    ("هيئة السياحة الماليزية", f"Malaysian {FSI}هيئة السياحة{PDI}"),
    ("وكالة الأنباء السودانية", "the Sudanese news agency"),
])
def test_a_nationality_after_words_no_list_knows_goes_before_them(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_a_decimal_comma_is_a_point_in_english_and_the_guard_traces_it():
    """'64,6 مليون' is 64.6 million: in English '64,6 million' reads as 646 million. A comma
    before three digits is a thousands separator and stays."""
    assert _facts_only("ارتفع العدد إلى 64,6 مليون عملية") == ["64.6 million operations"]
    assert _facts_only("بلغت القيمة 33,5 مليار ريال") == ["33.5 billion riyals"]
    assert _facts_only("شارك 3,500 جندي") == ["3,500 soldiers"]
    analysis = analyze(Article(id="d", source="s", text="ارتفع عدد العمليات بنسبة 11.4% لتبلغ 64,6 مليون عملية."))
    _, english, _ = english_side(analysis, (Bullet("ar", analysis.article.text, (0,)),), None)
    kept, verdicts = verify_bullets(analysis, english, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"] and "64.6 million" in kept[0].text


@pytest.mark.parametrize(("arabic", "english"), [
    # a club or movement known by its own name takes no nationality before it
    ("ريال مدريد الإسباني", "Real Madrid"),
    ("حزب الله اللبناني", "Hezbollah"),
    ("الحكومة الفرنسية", "the French government"),  # a body named by a common noun does
    ("بيان للنادي الإسباني", "a statement of the Spanish club"),  # no construct state across ل
])
def test_a_named_organisation_takes_no_nationality_before_it(arabic, english):
    assert english_phrase(arabic, keep_arabic=True) == english


def test_a_nationality_after_a_listed_club_is_read_and_dropped_in_a_line():
    from briefer.translate import name_spans

    spans = name_spans("فاز ريال مدريد الإسباني على مانشستر يونايتد الإنجليزي", None)
    assert [s.english for s in spans] == ["Real Madrid", "Manchester United"]
