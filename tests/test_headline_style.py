"""The event bullet's headline style: the opening news verb in the present, nothing else changed."""

from __future__ import annotations

import pytest

from briefer.analyze import analyze
from briefer.backends.headline_style import headline_present
from briefer.types import Article


@pytest.mark.parametrize(("lead", "brief"), [
    # the subject ends at a complementiser: it moves before the verb, as briefs are written
    ("قال وزير الخارجية البريطاني بوريس جونسون إن المملكة المتحدة سترد بقوة.",
     "وزير الخارجية البريطاني بوريس جونسون يقول إن المملكة المتحدة سترد بقوة."),
    ("قالت الحكومة القطرية إنها ستقاضي الإمارات أمام محكمة العدل الدولية.",
     "الحكومة القطرية تقول إنها ستقاضي الإمارات أمام محكمة العدل الدولية."),
    ("أفادت تقارير إعلامية بأن المرأة كانت غاضبة.", "تقارير إعلامية تفيد بأن المرأة كانت غاضبة."),
    ("أكد الرئيس المصري، عبد الفتاح السيسي، أن القناة هدية للعالم.",
     "الرئيس المصري، عبد الفتاح السيسي، يؤكد أن القناة هدية للعالم."),
    # a human plural takes the plural verb before it
    ("قال خبراء إن الاقتصاد سيتعافى.", "خبراء يقولون إن الاقتصاد سيتعافى."),
    ("قال مسؤولون أمريكيون إن المحادثات ستستأنف.", "مسؤولون أمريكيون يقولون إن المحادثات ستستأنف."),
    ("دعا محتجون إلى إضراب عام.", "يدعو محتجون إلى إضراب عام."),  # دعا may take an object: stays
    # the verb's own preposition ends the subject, when the verb takes no object before it
    ("أعرب صندوق النقد الدولي عن قلقه من ارتفاع الديون.", "صندوق النقد الدولي يعرب عن قلقه من ارتفاع الديون."),
    ("انسحبت مغنية فرنسية شابة من برنامج المسابقات.", "مغنية فرنسية شابة تنسحب من برنامج المسابقات."),
    ("تعرضت الحكومة البريطانية لانتقادات حادة.", "الحكومة البريطانية تتعرض لانتقادات حادة."),
    ("تعرضت الحكومة للانتقادات بسبب الخطة.", "الحكومة تتعرض للانتقادات بسبب الخطة."),  # ل + ال = لل
    ("فاز الهلال بالدوري للمرة الثامنة عشرة.", "الهلال يفوز بالدوري للمرة الثامنة عشرة."),
    # no complementiser: the verb changes in place
    ("أمر الرئيس الأمريكي دونالد ترامب بطرد 60 دبلوماسيا روسيا.",
     "يأمر الرئيس الأمريكي دونالد ترامب بطرد 60 دبلوماسيا روسيا."),
    ("شنت الشرطة السويدية حملة مطاردة لتعقب لصوص.", "تشن الشرطة السويدية حملة مطاردة لتعقب لصوص."),
    ("قضت محكمة في بنسلفانيا بسجن الممثل 10 سنوات.", "تقضي محكمة في بنسلفانيا بسجن الممثل 10 سنوات."),
    ("دعا الأمين العام إلى وقف فوري لإطلاق النار.", "يدعو الأمين العام إلى وقف فوري لإطلاق النار."),
    # a past time word far from the verb dates something else
    ("قرر البنك المركزي خفض سعر الفائدة بمقدار 100 نقطة أساس بعد تراجع التضخم إلى أدنى مستوى منذ العام الماضي.",
     "يقرر البنك المركزي خفض سعر الفائدة بمقدار 100 نقطة أساس بعد تراجع التضخم إلى أدنى مستوى منذ العام الماضي."),
    ("لقي ستة مهربين حتفهم في اشتباك على الحدود.", "يلقى ستة مهربين حتفهم في اشتباك على الحدود."),
    # a site that drops the hamza
    ("اعلن الاتحاد الاوروبي انشاء كيان قانوني.", "يعلن الاتحاد الاوروبي انشاء كيان قانوني."),
])
def test_the_opening_verb_turns_present(lead: str, brief: str) -> None:
    assert headline_present(lead) == brief


@pytest.mark.parametrize(("lead", "brief"), [
    # a plural subject would need a plural verb before it: the order stays
    ("قال مسعفون وعمال إغاثة إن 150 شخصا قتلوا.", "يقول مسعفون وعمال إغاثة إن 150 شخصا قتلوا."),
    # who it was said to, a relative clause or a day is not part of the subject
    ("قال مكرم أحمد لبي بي سي إن المسلسل لا يسيء.", "يقول مكرم أحمد لبي بي سي إن المسلسل لا يسيء."),
    ("قال المدرب الذي ينافس بالدوري إن الرحيل مؤسف.", "يقول المدرب الذي ينافس بالدوري إن الرحيل مؤسف."),
    ("قالت جامعة بريطانية يوم الأربعاء إنها عثرت على مخطوطة.",
     "تقول جامعة بريطانية يوم الأربعاء إنها عثرت على مخطوطة."),
    # the source's own agreement slip is not moved up front
    ("قال وزارة الداخلية إن قوات الأمن اعتقلت 16 شخصا.", "يقول وزارة الداخلية إن قوات الأمن اعتقلت 16 شخصا."),
    # before a preposition, a definite word then an unknown one may be subject then object
    ("انسحب الفريق رسميا من البطولة العربية.", "ينسحب الفريق رسميا من البطولة العربية."),
    ("فاز بوريس جونسون بزعامة الحزب.", "يفوز بوريس جونسون بزعامة الحزب."),  # بوريس is not بـ + noun
    ("قال ماكرون إن فرنسا ستشارك.", "يقول ماكرون إن فرنسا ستشارك."),  # ends like a plural: a name
])
def test_the_subject_stays_after_the_verb_when_moving_it_could_be_wrong(lead: str, brief: str) -> None:
    assert headline_present(lead) == brief


@pytest.mark.parametrize("lead", [
    "بدأ أمس مونديال بالونات الهواء الساخن في شرق فرنسا.",  # a past time word keeps the past
    "أعلن الوزير الأسبوع الماضي خطة جديدة.",
    "لقي ستة مهربين حتفهم وأصيب ثلاثة جنود أردنيين في اشتباك على الحدود.",  # a second verb, past
    "تراجعت الشركة عن قرارها وقررت السماح باستخدام المرآب.",
    "عزز الهلال صدارته للدوري بعد فوزه على غريمه التقليدي النصر بثلاثة أهداف مقابل هدف، مساء أمس الجمعة.",
    "نشر القوات على الحدود يثير قلق السكان.",  # نشر here is a noun: only نشرت is rewritten
    "قُتل 3 أشخاص في انفجار وسط المدينة.",  # passive: not a listed verb
    "الحكومة تعلن خطة جديدة للإسكان.",  # already a headline
    "وقعت الحكومة اتفاقا مع النقابات.",  # وقعت: signed or happened, so not listed
    "تصدر الحكومة قرارا بتمديد العطلة.",  # topped, or she issues (أصدرت -> تصدر): ambiguous
    "كشف رئيس لجنة النقل لـ»المدينة» أن النسبة بلغت 90 %.",  # a closing mark first: maybe inside a quote
])
def test_other_sentences_are_left_as_written(lead: str) -> None:
    assert headline_present(lead) == lead


def test_figures_and_quotes_survive_character_for_character() -> None:
    lead = "قال المتحدث باسم الجيش، العقيد أحمد سالم، إن «الوضع تحت السيطرة» بعد نشر 3,500 جندي."
    brief = headline_present(lead)
    assert brief.startswith("المتحدث باسم الجيش، العقيد أحمد سالم، يقول إن")
    assert "«الوضع تحت السيطرة»" in brief
    figures = [f.text for f in analyze(Article(id='b', text=brief)).figures]
    assert figures == [f.text for f in analyze(Article(id='l', text=lead)).figures] == ['3,500 جندي']
    assert sorted(brief.replace("يقول", "قال").split()) == sorted(lead.split())


@pytest.mark.parametrize(("lead", "brief_start"), [
    ("أمرت السلطات البحرينية بإعادة طبع 17000 نسخة من كتاب مدرسي.", "تأمر السلطات"),  # folds like تامر
    ("أطلق مارك زوكربيرج، الرئيس التنفيذي لشركة فيسبوك، خدمة جديدة للمواعدة.", "يطلق مارك"),
    ("أعرب الرئيس الأمريكي دونالد ترامب عن استعداده للمثول أمام اللجنة.", "الرئيس الأمريكي دونالد ترامب يعرب"),
])
def test_the_present_verb_is_not_read_as_a_name_by_the_guard(lead: str, brief_start: str) -> None:
    from briefer.backends.extractive import ExtractiveEngine
    from briefer.config import BriefConfig
    from briefer.verify import verify_bullets

    analysis = analyze(Article(id="v", text=lead + " وتابعت وسائل الإعلام القضية باهتمام كبير."))
    bullets = ExtractiveEngine(BriefConfig(bullets=1)).bullets(analysis)
    assert bullets[0].text.startswith(brief_start)
    _, verdicts = verify_bullets(analysis, bullets, "repair,replace")
    assert [v.action for v in verdicts] == ["kept"]
