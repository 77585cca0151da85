"""Small fictional Arabic articles and briefs for the compose and render tests (offline, no model).

Briefs are built here directly (sentences split on full stops, figures from a digit pattern), so
these tests do not move when the analysis stages improve.
"""

from __future__ import annotations

import hashlib

import regex

from briefer.types import Analysis, Article, ArticleBrief, Bullet, Figure, Quote, Sentence, Verdict

ARMY_A = (
    "بيروت – أعلن الجيش اللبناني أمس الأحد نشر نحو 2500 جندي إضافي في القطاع الجنوبي على امتداد "
    "120 كيلومترا من الخط الأزرق، بعد ليلة من القصف المتبادل قرب بلدة الخيام. "
    "وقال قائد الجيش العماد جوزيف عون إن الوحدات الجديدة ستتمركز في 14 موقعا حدوديا. "
    "وأضاف أن «الجيش لن يسمح بجر لبنان إلى حرب لا يريدها». "
    "وأشار بيان للجيش إلى أن القصف ألحق أضرارا بنحو 35 منزلا في البلدات الحدودية."
)
ARMY_B = (
    "بيروت (المشرق) – دفع الجيش اللبناني بنحو 2000 جندي إلى الحدود الجنوبية أمس الأحد، لينتشروا في "
    "14 موقعا على طول 120 كيلومترا من الخط الأزرق، إثر قصف متبادل ليلي قرب بلدة الخيام. "
    "وذكر بيان الجيش أن 35 منزلا تضررت في البلدات الحدودية جراء القصف. "
    "وأكد قائد الجيش العماد جوزيف عون أن الانتشار يهدف إلى حماية المدنيين وتثبيت الاستقرار."
)
BUDGET = (
    "مسقط – أعلنت وزارة المالية في سلطنة عمان اليوم الاثنين ميزانية عام 2027 بإنفاق 12.6 مليار ريال "
    "وعجز متوقع عند 3.1 في المئة من الناتج المحلي. "
    "وقال وزير المالية إن أسعار النفط المعتمدة في الميزانية تبلغ 60 دولارا للبرميل. "
    "وتتوقع الوزارة نمو الاقتصاد بنسبة 2.8 في المئة مع ارتفاع الاستثمارات غير النفطية."
)
VACCINE = (
    "الرباط – أطلقت وزارة الصحة المغربية حملة وطنية للتطعيم ضد الحصبة تستهدف 4 ملايين طفل في 12 جهة. "
    "وقالت الوزارة إن 3200 فريق طبي سيجوب المدارس والقرى النائية خلال أسبوعين. "
    "وأوضحت أن الحملة تأتي بعد تسجيل 1800 إصابة منذ مطلع العام."
)
DERBY = (
    "الرياض – فاز الهلال على النصر بنتيجة 3-1 في مباراة الديربي مساء الجمعة أمام 60 ألف متفرج. "
    "وسجل المهاجم البرازيلي هدفين في الشوط الثاني. "
    "وقال مدرب الهلال إن الفوز «خطوة مهمة في سباق الدوري»."
)

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)?")
_QUOTE = regex.compile(r"«([^»]+)»")


def analysis(text: str, title: str, source: str, date: str = "2026-11-29", url: str = "",
             article_id: str = "", origin: str = "") -> Analysis:
    article = Article(id=article_id or "a-" + hashlib.sha1(f"{title}|{source}".encode()).hexdigest()[:8], text=text, title=title,
                      source=source, date=date, url=url, origin=origin or f"{title[:10]}.txt")
    sentences: list[Sentence] = []
    for match in regex.finditer(r"[^.]+\.?", text):
        piece = match.group()
        stripped = piece.strip()
        if stripped:
            begin = match.start() + piece.index(stripped)
            sentences.append(Sentence(len(sentences), begin, begin + len(stripped), stripped))
    figures = tuple(
        Figure(m.group(), m.start(), m.end(), float(m.group().replace(",", "")), sentence=_sentence_of(m.start(), sentences))
        for m in _NUMBER.finditer(text)
    )
    quotes = tuple(
        Quote(m.group(1), m.start(1), m.end(1), speaker="العماد جوزيف عون" if "عون" in text else "المتحدث",
              sentence=_sentence_of(m.start(), sentences))
        for m in _QUOTE.finditer(text)
    )
    return Analysis(article, tuple(sentences), figures, quotes)


def brief(text: str, title: str, source: str, english: str = "none", **kwargs) -> ArticleBrief:
    found = analysis(text, title, source, **kwargs)
    bullets = tuple(Bullet("ar", s.text, sources=(s.index,), role="event" if s.index == 0 else "context")
                    for s in found.sentences[:3])
    bullets_en: tuple[Bullet, ...] = ()
    headline_en = ""
    if english != "none":
        headline_en = "Lebanese army sends 2,500 more troops to the south"
        bullets_en = (Bullet("en", "The army deployed about 2,500 troops along 120 km of the Blue Line.", translated=True),)
    verdicts = tuple(Verdict("ar", i, "kept") for i in range(len(bullets))) + (Verdict("ar", 9, "replaced"),)
    return ArticleBrief(found, title, bullets, headline_en=headline_en, bullets_en=bullets_en, english=english,
                        verdicts=verdicts, engine="engine:extractive|model:-|prompt:-|bullets:3|briefer:0.1.0")


def day_briefs(english: str = "none") -> list[ArticleBrief]:
    """Five articles, two of them (ARMY_A, ARMY_B) one event from two outlets that disagree on troops."""
    return [
        brief(BUDGET, "عمان تعلن ميزانية 2027 بإنفاق 12.6 مليار ريال", "جريدة الوطن", url="https://alwatan.example/b"),
        brief(ARMY_A, "الجيش اللبناني ينشر 2500 جندي في الجنوب بعد ليلة من القصف", "صحيفة الأفق",
              english=english, url="https://alofoq.example/army", date="2026-11-30"),
        brief(VACCINE, "المغرب يطلق حملة تطعيم ضد الحصبة تستهدف 4 ملايين طفل", "وكالة المغرب العربي"),
        brief(ARMY_B, "الجيش يدفع بـ2000 جندي إلى الحدود الجنوبية", "وكالة أنباء المشرق",
              url="https://almashriq.example/army", date="2026-11-30"),
        brief(DERBY, "الهلال يتغلب على النصر 3-1 في ديربي الرياض", "الملاعب"),
    ]


def _sentence_of(offset: int, sentences: list[Sentence]) -> int:
    return next((s.index for s in sentences if s.start <= offset < s.end), -1)
