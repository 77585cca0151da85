from briefer.arabic.normalize import (
    light_stem,
    normalize,
    normalize_with_map,
    raw_span,
    strip_diacritics,
    strip_tatweel,
    tokens,
    unify_alef,
    unify_alef_maqsura,
    unify_digits,
    unify_hamza,
    unify_punctuation,
    unify_teh_marbuta,
)


def test_each_small_function_folds_its_own_characters():
    assert strip_diacritics("قالَ الوزيرُ إنَّ") == "قال الوزير إن"
    assert strip_tatweel("بـ27 مليـــون") == "ب27 مليون"
    assert unify_alef("أكد إبراهيم آل ٱلأمر") == "اكد ابراهيم ال الامر"
    assert unify_hamza("مسؤول رئيس الهيئة") == "مسوول رييس الهيية"
    assert unify_alef_maqsura("مستشفى على") == "مستشفي علي"
    assert unify_teh_marbuta("المدينة المنورة") == "المدينه المنوره"
    assert unify_digits("٣٥٠٠ و۱۲ و٢٫٥ و٣٬٥٠٠") == "3500 و12 و2.5 و3,500"
    assert unify_punctuation("قال: «نعم»، وسأل؟ ٤٠٪") == 'قال: "نعم", وسأل? ٤٠%'


def test_normalize_makes_spelling_variants_equal():
    assert normalize("الأحد") == normalize("الاحد")
    assert normalize("٣٥٠٠ جنديّ") == normalize("3500 جندي")
    assert normalize("“عاصفة الحزم”") == normalize('"عاصفه الحزم"')
    assert normalize("ﻻ") == "لا"  # presentation-form ligature unfolded


def test_normalize_with_map_points_each_char_at_its_source():
    raw = "قالَ ـ الوزيرُ ﻻ"
    folded, offsets = normalize_with_map(raw)
    assert folded == normalize(raw)
    assert len(offsets) == len(folded)
    for char, offset in zip(folded, offsets):
        assert normalize(raw[offset]).find(char) >= 0
    start = folded.index("الوزير")
    raw_start, raw_end = raw_span(offsets, start, start + len("الوزير"), len(raw))
    assert raw[raw_start:raw_end] == "الوزير"
    assert raw_span(offsets, len(folded), len(folded), len(raw)) == (len(raw), len(raw))


def test_tokens_keep_digits_and_split_glued_clitics():
    assert tokens("أعلنت الوزارة عن 3,500 وظيفة و٢٫٥ مليار بـ27 مليون NASA") == [
        "اعلنت", "الوزاره", "عن", "3500", "وظيفه", "2.5", "مليار", "27", "مليون", "nasa",
    ]


def test_light_stem_strips_prefixes_but_not_stems():
    assert light_stem("والمستشفي") == "مستشفي"
    assert light_stem("للسياحه") == "سياحه"
    assert light_stem("بالرياض") == "رياض"
    assert light_stem("وقال") == "قال"
    assert light_stem("بيروت") == "بيروت"
    assert light_stem("فرنسا") == "فرنسا"
    assert light_stem("ال") == "ال"


def test_normalize_folds_like_the_character_table_beyond_it_too():
    from briefer.arabic.normalize import _char_table

    raw = "قالَ ـ الوزيرُ ﻻ ٣٥ أإآ ى ة \u200f😀𝐀 \U0010ffff"
    assert normalize(raw) == raw.translate(_char_table())
