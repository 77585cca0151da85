"""The extractive engine: ranking, role slots, faithful bullet writing, headline.

Analyses are built by hand (sentences, figures, quotes with offsets) so these tests pin the
engine's behaviour whatever the analysis layer finds; one test runs the real analyze().
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.analyze import analyze
from briefer.arabic.normalize import light_stem, normalize, tokens
from briefer.backends import extractive_data as data
from briefer.backends.extractive import ExtractiveEngine, bullet_from_sentences
from briefer.backends.scoring import _penalty_flags, is_boilerplate, ranked, redundant, sentence_terms
from briefer.config import BriefConfig
from briefer.types import Analysis, Article, Figure, Quote, Sentence

SPEAKER = "وزير الخارجية العراقي فؤاد حسين"


def build(sentences: list[str], title: str = "", figures: tuple[str, ...] = (),
          quotes: tuple[tuple[str, str, str], ...] = ()) -> Analysis:
    """An Analysis over sentences joined by spaces. figures: texts found in the sentences;
    quotes: (quoted words, speaker in full, the mention the attribution rests on)."""
    text = " ".join(sentences)
    spans, start = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, start, start + len(sentence), sentence))
        start += len(sentence) + 1

    def sentence_of(offset: int) -> int:
        return next(s.index for s in spans if s.start <= offset < s.end)

    found_figures = []
    for figure in figures:
        for match in regex.finditer(regex.escape(figure), text):
            found_figures.append(Figure(figure, match.start(), match.end(), None, sentence=sentence_of(match.start())))
    found_quotes = []
    for words, speaker, mention in quotes:
        begin = text.index(words)
        mention_start = text.rindex(mention, 0, begin)
        found_quotes.append(Quote(words, begin, begin + len(words), speaker=speaker, speaker_start=mention_start,
                                  speaker_end=mention_start + len(mention), sentence=sentence_of(begin)))
    article = Article(id="t", text=text, title=title)
    return Analysis(article, tuple(spans), tuple(found_figures), tuple(found_quotes))


STORY = [
    "أعلنت الحكومة العراقية إرسال تعزيزات عسكرية إلى الحدود الغربية بعد هجمات متكررة على مواقع الجيش.",
    "وقال وزير الخارجية العراقي فؤاد حسين في مؤتمر صحفي ببغداد إن التعزيزات تأتي بالتنسيق مع دول الجوار.",
    "وأضاف حسين: “سنرسل 3,500 جندي إلى المنطقة خلال أسبوعين”.",
    "وبلغت كلفة العملية نحو 2.5 مليار دولار بحسب وزارة المالية.",
    "اقرأ أيضا: الحكومة العراقية ترسل تعزيزات عسكرية إلى الحدود.",
    "وهو ما أثار جدلا واسعا في البرلمان.",
    "وفي سياق متصل، عقد مجلس النواب جلسة طارئة لمناقشة الوضع الأمني على الحدود الغربية.",
]


def story() -> Analysis:
    return build(STORY, title="العراق يرسل تعزيزات إلى الحدود الغربية", figures=("3,500 جندي", "2.5 مليار دولار"),
                 quotes=(("سنرسل 3,500 جندي إلى المنطقة خلال أسبوعين", SPEAKER, "حسين"),))


def engine(bullets: int = 4) -> ExtractiveEngine:
    return ExtractiveEngine(BriefConfig(bullets=bullets))


# ------------------------------------------------------------------------------ bullet writing


def test_speaker_named_in_full_and_quote_kept_verbatim():
    bullet = bullet_from_sentences(story(), [2])
    assert bullet is not None
    assert bullet.text == f"قال {SPEAKER}: “سنرسل 3,500 جندي إلى المنطقة خلال أسبوعين”."
    assert bullet.role == "quote" and bullet.sources == (2,) and bullet.origin == "extractive"


def test_subjectless_saying_verb_gets_the_speaker():
    analysis = build(
        ["التقى وزير الخارجية العراقي فؤاد حسين نظيره التركي في أنقرة.", "وأضاف: “الحدود آمنة الآن”."],
        quotes=(("الحدود آمنة الآن", SPEAKER, "وزير الخارجية العراقي فؤاد حسين"),),
    )
    bullet = bullet_from_sentences(analysis, [1])
    assert bullet is not None and bullet.text == f"قال {SPEAKER}: “الحدود آمنة الآن”."


def test_leading_connectives_are_trimmed():
    analysis = story()
    assert bullet_from_sentences(analysis, [6]).text.startswith("عقد مجلس النواب")
    assert bullet_from_sentences(analysis, [3]).text.startswith("بلغت كلفة العملية")
    assert bullet_from_sentences(analysis, [1]).text.startswith("قال وزير الخارجية")
    kama = build(["كما أعلنت وزارة الدفاع إغلاق المعابر الحدودية مع سوريا حتى إشعار آخر."])
    assert bullet_from_sentences(kama, [0]).text.startswith("أعلنت وزارة الدفاع")


def test_a_root_waw_is_not_taken_for_a_conjunction():
    analysis = build(["وزير المالية يعلن موازنة جديدة لعام 2026 بقيمة 150 مليار دولار."])
    assert bullet_from_sentences(analysis, [0]).text.startswith("وزير المالية")


def test_no_bullet_opens_on_a_pronoun_without_its_referent():
    assert bullet_from_sentences(story(), [5]) is None
    texts = [b.text for b in engine(5).bullets(story())]
    assert not any(t.startswith(("وهو", "هو ")) for t in texts)


def test_long_sentence_cut_at_a_clause_only_where_nothing_is_lost():
    head = "أعلنت وزارة الصحة اللبنانية أن عدد المصابين بالكوليرا ارتفع إلى 381 حالة في مختلف المحافظات"
    tail = "، وأن الفرق الطبية تواصل عملها في المخيمات والقرى الحدودية رغم نقص الأدوية والمعدات " * 4
    cut = bullet_from_sentences(build([head + tail.rstrip() + "."], figures=("381 حالة",)), [0])
    assert cut.text.startswith(head) and cut.text.endswith("والمعدات.")
    assert len(cut.text.split()) <= 50 < len((head + tail).split())
    kept_tail = tail.rstrip() + " بعد وفاة 18 شخصا."
    whole = bullet_from_sentences(build([head + kept_tail], figures=("381 حالة", "18 شخصا")), [0])
    assert "18 شخصا" in whole.text and "381 حالة" in whole.text


def test_invalid_indexes_give_none():
    assert bullet_from_sentences(story(), []) is None
    assert bullet_from_sentences(story(), [99]) is None


def _figure_like(text: str) -> set[str]:
    return set(regex.findall(r"\d[\d.,]*", text))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(STORY) - 1), min_size=1, max_size=3))
def test_bullets_from_any_sentences_are_traceable_and_deterministic(indexes):
    analysis = story()
    bullet = bullet_from_sentences(analysis, indexes)
    assert bullet == bullet_from_sentences(analysis, indexes)
    if bullet is None:
        return
    source = " ".join(analysis.sentences[i].text for i in bullet.sources)
    assert set(bullet.sources) == set(indexes)
    assert _figure_like(bullet.text) <= _figure_like(source)
    for figure in analysis.figures:
        if figure.sentence in bullet.sources:
            assert figure.text in bullet.text
    for quote in analysis.quotes:
        if quote.sentence in bullet.sources:
            assert f"“{quote.text}”" in bullet.text


# ------------------------------------------------------------------------------ the engine


def test_bullets_come_in_role_order_event_figure_quote_context():
    bullets = engine(4).bullets(story())
    assert [b.role for b in bullets][:1] == ["event"]
    assert bullets[0].sources == (0,)
    roles = [b.role for b in bullets]
    assert roles == sorted(roles, key=["event", "figure", "quote", "context"].index)
    assert {"figure", "quote"} <= set(roles)
    assert all(b.origin == "extractive" and b.lang == "ar" for b in bullets)


def test_bullet_count_follows_the_setting():
    assert len(engine(3).bullets(story())) == 3
    assert len(engine(5).bullets(story())) == 5


def test_read_also_lines_never_become_bullets():
    used = {i for b in engine(5).bullets(story()) for i in b.sources}
    assert 4 not in used


def test_no_two_bullets_say_the_same_thing():
    repeated = [STORY[0], STORY[3], STORY[0].replace("أعلنت", "وأعلنت"), STORY[6]]
    analysis = build(repeated, figures=("2.5 مليار دولار",))
    bullets = engine(4).bullets(analysis)
    sources = [i for b in bullets for i in b.sources]
    assert not {0, 2} <= set(sources)
    terms = [frozenset(sentence_terms(b.text)) for b in bullets]
    assert not any(redundant(a, b) for i, a in enumerate(terms) for b in terms[i + 1 :])


def test_lead_comes_first_and_title_and_facts_decide_between_neighbours():
    filler = [
        "قررت منظمة أوبك في اجتماعها بفيينا خفض الإنتاج لدعم أسعار النفط العالمية.",
        "وعقد الوزراء جلسات مغلقة استمرت يومين في مقر المنظمة بالعاصمة النمساوية.",
        "وحضر الاجتماع ممثلون عن الدول الأعضاء الثلاث عشرة ومراقبون من خارجها.",
        "وسبق الاجتماع لقاء تشاوري بين وزيري الطاقة السعودي والروسي في فيينا.",
        "وتراجعت صادرات بعض الأعضاء خلال الأشهر الماضية بسبب العقوبات والنزاعات.",
        "وكانت المنظمة قد عقدت اجتماعا مماثلا في الربيع الماضي دون نتائج تذكر.",
        "ويرى محللون أن الخلافات بين الأعضاء ما زالت قائمة حول الحصص.",
        "وأشارت مصادر دبلوماسية إلى مشاورات جانبية جرت على هامش الاجتماع.",
        "يتابع المراقبون التطورات في المنطقة باهتمام منذ فترة طويلة دون تعليق.",
    ]
    facts = "ارتفعت أسعار النفط بنسبة 4% إلى 92 دولارا للبرميل بعد قرار أوبك خفض الإنتاج."
    analysis = build([*filler, facts], title="أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج",
                     figures=("4%", "92 دولارا"))
    order = [s.index for s in ranked(analysis)]
    assert order[0] == 0  # news is lead-heavy
    assert order.index(9) < order.index(8)  # the title's words and figures beat the filler before it


def test_headline_is_the_title_else_extractive():
    assert engine().headline(story()) == "العراق يرسل تعزيزات إلى الحدود الغربية"
    untitled = build(STORY, figures=("3,500 جندي", "2.5 مليار دولار"))
    headline = engine().headline(untitled)
    assert headline and headline in untitled.article.text and not headline.endswith(".")


def test_empty_article_gives_no_bullets():
    empty = Analysis(Article(id="e", text=""), ())
    assert engine().bullets(empty) == [] and engine().headline(empty) == ""


def test_engine_runs_on_the_real_analysis_layer():
    text = " ".join(STORY)
    analysis = analyze(Article(id="r", text=text, title="العراق يرسل تعزيزات إلى الحدود الغربية"))
    (bullets,) = engine(4).summarize([analysis])
    assert 1 <= len(bullets) <= 4
    for bullet in bullets:
        assert all(0 <= i < len(analysis.sentences) for i in bullet.sources)
        assert _figure_like(bullet.text) <= _figure_like(text)


def test_lead_bullet_alone_is_the_first_of_the_full_set():
    analysis = story()
    (alone,) = engine(4).bullets(analysis, count=1)
    assert alone == engine(4).bullets(analysis)[0] and alone.role == "event"


def test_the_event_bullet_is_in_headline_style_and_the_others_as_written():
    analysis = story()
    headline = engine(4).bullets(analysis)
    verbatim = ExtractiveEngine(BriefConfig(bullets=4, event_style="verbatim")).bullets(analysis)
    assert verbatim[0].text.startswith("أعلنت الحكومة العراقية إرسال")
    assert headline[0].text == "تعلن" + verbatim[0].text.removeprefix("أعلنت")
    assert [b.text for b in headline[1:]] == [b.text for b in verbatim[1:]]
    assert [b.sources for b in headline] == [b.sources for b in verbatim]


def test_the_event_style_is_part_of_the_engine_signature():
    styles = {ExtractiveEngine(BriefConfig(event_style=style)).signature() for style in ("headline", "verbatim")}
    assert len(styles) == 2


# ------------------------------------------------------------------------------ fast paths

ARABIC_WORDS = ["الحكومة", "والحكومة", "وزير", "قال", "وأضاف", "إنّ", "اقرأ", "أيضاً", "لِلاشتراك", "مجانا",
                "هذا", "العام", "3,500", "٢٠٢٦", "و2.5", "بـ27", "مليار", "«الحدود»", "(رويترز)", "#العراق",
                "Next", "Previous", "،", ":", "؟", "\u200f", "ـ"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ARABIC_WORDS), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0"]), min_size=12, max_size=12))
def test_chunked_terms_and_penalties_match_folding_the_whole_text(words, spaces):
    text = "".join(w + s for w, s in zip(words, spaces, strict=False)).strip()
    assert sentence_terms(text) == [t for t in map(light_stem, tokens(text)) if t not in data.stopwords()]
    folded = normalize(text)
    expected = (data.is_boilerplate(folded), data.dangling_opener().match(folded) is not None)
    assert _penalty_flags(text, sentence_terms(text)) == expected


def test_boilerplate_cues_are_read_off_the_patterns():
    assert data.required_words(r"(?:اقرا|طالع)\s+ايضا") == {"اقرا", "طالع"}
    assert data.required_words(r"(?:ما\s+رايكم|ما\s+رايك)\b") == {"رايكم", "رايك"}
    assert data.required_words(r"حقوق\s+النشر") == {"حقوق"}
    assert data.required_words(r"(?i:\bnext\s+previous\b)") == {"previous"}
    assert data.required_words(r"(?:\w+)\s+ايضا") is None  # no literal word: no shortcut
    assert data.required_words(r"(?:اقرا)?\s*ايضا") is None  # optional group: unsure
    # every "anywhere" pattern contributes a cue, and sentences with one are still caught
    assert data.boilerplate_cues() is not None and data.term_cues() is not None
    for line in ("طالع أيضاً: العراق يرسل تعزيزات", "يمكنكم متابعة التغطية عبر موقعنا",
                 "جميع الحقوق محفوظة لموقع الخبر", "Next Previous"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("حمّلت الحكومة المعارضة مسؤولية تعطيل جلسة البرلمان")


def test_bullets_of_a_text_wrapped_at_a_fixed_width_read_on_one_line():
    text = ("الخطاط الكويتي فريد العلي يعرض مجموعة محمديات بدعوة من جمعية العلوم الاجتماعية\n"
            "وتحت رعاية عميد كلية العلوم الاجتماعية في جامعة الكويت. وعرض الخطاط العلي 30 لوحة\n"
            "تحتوي على 108 تصاميم لكلمة محمد من مجموعة محمديات التي صممها الفنان بخمسمئة\n"
            "تشكيل يتزامن مع ذكرى المولد النبوي الشريف.\n")
    bullets = engine(2).bullets(analyze(Article(id="w", text=text)))
    assert len(bullets) == 2 and all("\n" not in b.text for b in bullets)
    assert bullets[0].text.endswith("في جامعة الكويت.") and "بخمسمئة تشكيل" in bullets[1].text


def test_a_saying_verb_with_its_own_subject_gets_no_second_one():
    # even if the quote layer resolved the speaker wrongly, the bullet must not read
    # "وأوضح <speaker> الوزير أن": the verb already has its subject
    analysis = build(
        ["وقال وزير الداخلية إن القانون جديد.", "وأوضح الوزير أن نصف الأحزاب «لا يمارس أي نشاط»."],
        quotes=(("لا يمارس أي نشاط", "النائب عبد الحميد بن سالم", "القانون"),),
    )
    bullet = bullet_from_sentences(analysis, [1])
    assert bullet is not None and "بن سالم" not in bullet.text
    assert "الوزير أن نصف الأحزاب «لا يمارس أي نشاط»" in bullet.text


def test_a_definite_title_is_named_as_the_article_introduced_it():
    text = ("وقال وزير الداخلية في كلمة عقب التصويت إن الحكومة حرصت على إشراك الأحزاب.\n"
            "وأوضح الوزير أن عدد الأحزاب يبلغ 74 حزبا، مشيرا إلى أن أكثر من نصفها «لا يمارس أي نشاط فعلي».")
    bullets = engine(4).bullets(analyze(Article(id="t", text=text)))
    quoted = [b.text for b in bullets if "لا يمارس" in b.text]
    assert quoted and quoted[0].startswith("أوضح وزير الداخلية أن عدد الأحزاب يبلغ 74 حزبا")


def test_a_continuation_verb_before_an_becomes_dhakara_not_qala():
    # 'قال' takes إن; the source's 'وأضاف النوبي أن' keeps its أن with a verb that takes it
    analysis = build(
        ["قال مدير المستشفى الدكتور هشام النوبي إن العمل يبدأ الأسبوع المقبل.",
         "وأضاف النوبي أن نحو 40% من المرضى يصلون متأخرين، معتبرا أن الكشف المبكر “خط الدفاع الأول”."],
        figures=("40%",),
        quotes=(("خط الدفاع الأول", "مدير المستشفى الدكتور هشام النوبي", "النوبي"),),
    )
    bullet = bullet_from_sentences(analysis, [1])
    assert bullet is not None and bullet.text.startswith("ذكر") and "النوبي أن نحو 40%" in bullet.text


def test_an_inserted_document_speaker_agrees_with_the_verb():
    from dataclasses import replace

    analysis = build(
        ["أصدرت النيابة العامة بيانا عن القضية.", "وقالت: “التحقيق مستمر مع المتهمين”."],
        quotes=(("التحقيق مستمر مع المتهمين", "بيان النيابة العامة", "بيانا"),),
    )
    analysis = replace(analysis, quotes=(replace(analysis.quotes[0], verb="وقالت"),))
    bullet = bullet_from_sentences(analysis, [1])
    assert bullet is not None and bullet.text == "وقالت النيابة العامة في بيان: “التحقيق مستمر مع المتهمين”."


def test_no_speaker_is_inserted_that_disagrees_with_the_verb():
    from briefer.backends.extractive_bullets import _agreeing_speaker

    assert _agreeing_speaker("وأضاف", "بيان النيابة العامة") == "بيان النيابة العامة"
    assert _agreeing_speaker("وقالت", "بيان رسمي") is None
    assert _agreeing_speaker("وقالت", "واشنطن") == "واشنطن"


def test_a_document_after_the_verb_is_its_subject_and_gets_no_speaker():
    analysis = build(
        ["وأشارت تقارير صحفية إلى أن الوزير قال “لن أستقيل من منصبي”."],
        quotes=(("لن أستقيل من منصبي", "الوزير", "الوزير"),),
    )
    bullet = bullet_from_sentences(analysis, [0])
    assert bullet is not None and bullet.text.startswith("أشارت تقارير صحفية")


def test_an_indefinite_subject_after_the_verb_gets_no_second_speaker():
    for subject in ("فتاة", "شاهد عيان", "مسؤول"):
        analysis = build(
            ["التقى وزير الخارجية العراقي فؤاد حسين نظيره التركي في أنقرة.", f"وقال {subject}: “الحدود آمنة الآن”."],
            quotes=(("الحدود آمنة الآن", SPEAKER, "وزير الخارجية العراقي فؤاد حسين"),),
        )
        bullet = bullet_from_sentences(analysis, [1])
        assert bullet is not None and f"قال {subject}:" in bullet.text and SPEAKER not in bullet.text


def test_a_speaker_is_still_inserted_before_a_word_that_is_no_subject():
    from briefer.backends.extractive_bullets import _indefinite_subject

    assert not any(map(_indefinite_subject, ("في", "لوكالة", "مؤخرا", "يجب", "مازحة", "أمس")))
    assert all(map(_indefinite_subject, ("فتاة", "شاهد", "مسؤول", "متحدثة")))
