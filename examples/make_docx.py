"""Regenerate examples/10_politics_algeria_parties_law.docx (needs python-docx).

Run:  python examples/make_docx.py
The first paragraph uses the 'Title' style (the headline); the rest are body paragraphs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

OUT = Path(__file__).resolve().parent / "10_politics_algeria_parties_law.docx"

TITLE = "البرلمان الجزائري يصادق على قانون الأحزاب الجديد بأغلبية 289 صوتا"

BODY = [
    "صادق المجلس الشعبي الوطني في الجزائر، أمس الخميس، على مشروع القانون العضوي المتعلق "
    "بالأحزاب السياسية، بأغلبية 289 صوتا مقابل 41 صوتا معارضا وامتناع 12 نائبا عن التصويت، "
    "في جلسة علنية حضرها 342 نائبا من أصل 407.",
    "وقال وزير الداخلية في كلمة عقب التصويت: إن الحكومة حرصت على إشراك الأحزاب والمجتمع المدني "
    "في صياغة النص، وإن القانون الجديد يهدف إلى تعزيز الشفافية في تمويل النشاط الحزبي وتكريس "
    "مبدأ التداول على المسؤولية داخل الأحزاب.",
    "ويشترط القانون على أي حزب جديد جمع توقيعات ما لا يقل عن 1500 عضو مؤسس موزعين على ثلث "
    "ولايات البلاد على الأقل، كما يلزم الأحزاب بتخصيص 30% من المناصب القيادية للنساء والشباب "
    "دون سن الأربعين.",
    "وأوضح الوزير أن عدد الأحزاب المعتمدة حاليا يبلغ 74 حزبا، مشيرا إلى أن أكثر من نصفها "
    "«لا يمارس أي نشاط فعلي على الأرض» منذ الاستحقاقات الانتخابية الماضية.",
    "ويحظر النص الجديد على الأحزاب تلقي أي تمويل أجنبي، ويحدد سقف التبرعات الفردية بـ500 ألف "
    "دينار جزائري سنويا، فيما ترتفع الإعانة العمومية السنوية للأحزاب الممثلة في البرلمان إلى "
    "نحو مليوني دينار عن كل مقعد.",
    "في المقابل، انتقد رئيس إحدى الكتل المعارضة في المجلس النائب عبد الحميد بن سالم القانون، "
    "ووصفه بأنه «تضييق مقنع على العمل السياسي»، مضيفا: «كنا نأمل في نص يوسع هامش الحريات. "
    "لكن الصيغة النهائية جاءت بشروط تعجيزية ستقصي الأحزاب الصغيرة».",
    "وأكد بن سالم أن كتلته ستطعن في عدد من مواد القانون أمام المحكمة الدستورية، لافتا إلى أن "
    "شرط التوزيع الجغرافي للأعضاء المؤسسين «يخدم الأحزاب الكبيرة وحدها».",
    "ومن المنتظر أن يحال القانون إلى مجلس الأمة للمصادقة عليه خلال دورته الحالية، قبل عرضه على "
    "المحكمة الدستورية للتأكد من مطابقته للدستور، ثم نشره في الجريدة الرسمية ليدخل حيز التنفيذ "
    "بنهاية هذا العام.",
    "ويمنح القانون الأحزاب القائمة مهلة 12 شهرا لتكييف أنظمتها الداخلية مع الأحكام الجديدة، "
    "تحت طائلة التعليق المؤقت لنشاطها.",
]


def _rtl(paragraph) -> None:
    """Mark a paragraph (and its runs) right-to-left, as Word does for Arabic text."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def main() -> None:
    doc = Document()
    core = doc.core_properties
    core.title = TITLE
    core.author = "الجزائر اليوم"
    core.language = "ar"
    core.created = dt.datetime(2026, 11, 27, 9, 0, 0)
    core.modified = dt.datetime(2026, 11, 27, 9, 0, 0)

    title = doc.add_paragraph(TITLE, style="Title")
    _rtl(title)
    for text in BODY:
        _rtl(doc.add_paragraph(text))
    doc.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
