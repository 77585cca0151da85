"""Ingestion: every format and encoding, debris, datelines, and one error per bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from briefer.config import BriefConfig
from briefer.errors import InputError
from briefer.ingest import article_id, normalize_date, read_inputs
from briefer.types import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BODY = (
    "قال وزير الخارجية العراقي فؤاد حسين إن بلاده ستصدر 3500 برميل يوميا عبر العقبة. "
    "وأضاف حسين: «نعمل مع الأردن على الربط الكهربائي».\n\n"
    "وبلغت قيمة الاتفاق ٢٫٥ مليار دولار بحسب البيان."
)


def read_all(*inputs: str, config: BriefConfig | None = None, stdin: bytes | None = None):
    items = list(read_inputs(list(inputs), config or BriefConfig(), stdin=io.BytesIO(stdin) if stdin else None))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------------------ text formats


def test_txt_title_from_first_line_and_body(tmp_path):
    path = write(tmp_path / "a.txt", "العراق والأردن يبحثان الربط الكهربائي\n\n" + BODY)
    (article,), errors = read_all(str(path))
    assert not errors
    assert article.title == "العراق والأردن يبحثان الربط الكهربائي"
    assert article.text.startswith("قال وزير الخارجية")
    assert "٢٫٥ مليار دولار" in article.text  # digits as written
    assert article.origin == str(path)
    assert article.meta["format"] == "text"


def test_txt_without_title_like_first_line_keeps_everything(tmp_path):
    path = write(tmp_path / "a.txt", BODY)
    (article,), _ = read_all(str(path))
    assert article.title == ""
    assert article.text.startswith("قال وزير الخارجية العراقي فؤاد حسين")


def test_markdown_front_matter_gives_metadata(tmp_path):
    text = "---\ntitle: عنوان الخبر\nsource: صحيفة الشرق\ndate: 2026-11-28\nurl: https://x.example/a\n---\n" + BODY
    (article,), _ = read_all(str(write(tmp_path / "a.md", text)))
    assert (article.title, article.source, article.date, article.url) == (
        "عنوان الخبر", "صحيفة الشرق", "2026-11-28", "https://x.example/a",
    )
    assert article.text.startswith("قال وزير")


def test_markdown_heading_is_title(tmp_path):
    (article,), _ = read_all(str(write(tmp_path / "a.md", "# عنوان من العنوان الرئيسي\n\n" + BODY)))
    assert article.title == "عنوان من العنوان الرئيسي"
    assert "#" not in article.text


# ------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "عنوان الخبر\n\n" + BODY.replace("٢٫٥", "2.5").replace("«", '"').replace("»", '"')
    (article,), errors = read_all(str(write(tmp_path / "a.txt", text, encoding)))
    assert not errors
    assert article.title == "عنوان الخبر"
    assert "فؤاد حسين" in article.text and "2.5 مليار دولار" in article.text


def test_cp1256_example_reads_as_arabic():
    (article,), errors = read_all(str(EXAMPLES / "04_economy_saudi_budget_2027_cp1256.txt"))
    assert not errors
    assert article.title.startswith("السعودية تعلن ميزانية 2027")
    assert article.meta["dateline"] == "عين اليوم – الرياض"
    assert "[ad_1]" not in article.text


# ------------------------------------------------------------------------------------- html


def test_html_main_text_and_metadata():
    (article,), errors = read_all(str(EXAMPLES / "07_health_aswan_oncology_hospital.html"))
    assert not errors
    assert article.title.startswith("افتتاح أكبر مستشفى")
    assert article.date == "2026-11-28"
    assert article.url.startswith("https://")
    assert "3.2 مليار جنيه" in article.text
    for debris in ("اقرأ أيضا", "function(", "جميع الحقوق"):
        assert debris not in article.text
    assert not article.text.startswith(article.title)  # the <h1> is not repeated as body


def test_html_without_article_text_is_an_error(tmp_path):
    path = write(tmp_path / "empty.html", "<html><body><nav>الرئيسية</nav></body></html>")
    articles, (error,) = read_all(str(path))
    assert not articles
    assert error.origin == str(path) and "no article text" in error.problem


# ------------------------------------------------------------------------------- json/jsonl


def test_json_single_article(tmp_path):
    record = {"title": "عنوان", "source": "وكالة", "date": "2026-11-27T10:00:00Z", "url": "u", "text": BODY}
    (article,), _ = read_all(str(write(tmp_path / "a.json", json.dumps(record, ensure_ascii=False))))
    assert (article.title, article.source, article.date) == ("عنوان", "وكالة", "2026-11-27")


def test_jsonl_configured_field_names_and_bad_lines(tmp_path):
    good = {"headline": "عنوان أول", "body": BODY, "outlet": "منفذ", "published": "2026-11-28", "link": "l"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"headline": "بلا نص"}, ensure_ascii=False),
        json.dumps({"body": ["list", "not text"]}),
        "",
        json.dumps({**good, "headline": "عنوان ثان", "body": BODY + " إضافة."}, ensure_ascii=False),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    config = BriefConfig(jsonl_text_field="body", jsonl_title_field="headline", jsonl_source_field="outlet",
                         jsonl_date_field="published", jsonl_url_field="link")
    articles, errors = read_all(str(path), config=config)
    assert [a.title for a in articles] == ["عنوان أول", "عنوان ثان"]
    assert articles[0].source == "منفذ" and articles[0].origin == f"{path}:1"
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON" in errors[0].problem
    assert "no article text" in errors[1].problem
    assert "should be text" in errors[2].problem
    assert "body" not in articles[0].meta  # consumed fields are not repeated in meta


def test_jsonl_example_feed_uses_example_config():
    from briefer.config import load_config

    config = load_config(EXAMPLES / "briefer.toml", environ={})
    articles, errors = read_all(str(EXAMPLES / "09_feed_mixed_custom_fields.jsonl"), config=config)
    assert not errors and len(articles) == 3
    assert all(a.title and a.source and a.date for a in articles)


# ------------------------------------------------------------------------------------- docx


def test_docx_title_style_and_paragraphs(tmp_path):
    document = Document()
    document.add_paragraph("عنوان الوثيقة", style="Title")
    for paragraph in BODY.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(tmp_path / "a.docx")
    (article,), _ = read_all(str(tmp_path / "a.docx"))
    assert article.title == "عنوان الوثيقة"
    assert "فؤاد حسين" in article.text and "٢٫٥ مليار دولار" in article.text


def test_example_docx():
    (article,), errors = read_all(str(EXAMPLES / "10_politics_algeria_parties_law.docx"))
    assert not errors and article.title.startswith("البرلمان الجزائري")


# ------------------------------------------------------------------------------------ debris


def test_debris_removed_and_kept_in_metadata(tmp_path):
    text = (
        "عنوان الخبر\n\nكتب: أحمد سالم\n\nعين اليوم – الرياض\n[ad_1]\n"
        + BODY
        + "\nاقرأ أيضا: خبر آخر لا علاقة له\nشارك هذا الخبر\nتابعونا على تويتر\nNext Previous\n#قمة_الرياض #الخليج\n"
    )
    (article,), _ = read_all(str(write(tmp_path / "a.txt", text)))
    assert article.meta["byline"] == "أحمد سالم"
    assert article.meta["dateline"] == "عين اليوم – الرياض"
    assert article.meta["hashtags"] == ["قمة الرياض", "الخليج"]
    for debris in ("[ad_1]", "اقرأ أيضا", "شارك", "تابعونا", "Next", "#", "كتب:"):
        assert debris not in article.text
    assert article.text.endswith("بحسب البيان.")


def test_inline_dateline_and_hashtag_words(tmp_path):
    text = "القاهرة - (رويترز) - " + BODY + " وتصدر وسم #قمة_الرياض المنصات."
    (article,), _ = read_all(str(write(tmp_path / "a.txt", text)))
    assert article.text.startswith("قال وزير")
    assert article.meta["dateline"] == "القاهرة - (رويترز)"
    assert article.source == "رويترز"
    assert "وسم قمة الرياض المنصات" in article.text


def test_control_and_bidi_override_characters_removed(tmp_path):
    text = "عنوان\n\nقال \u202eالوزير\x07 إن 3500 جندي وصلوا.\u200d"
    (article,), _ = read_all(str(write(tmp_path / "a.txt", text)))
    assert "\u202e" not in article.text and "\x07" not in article.text
    assert "3500 جندي" in article.text


# --------------------------------------------------------------------- inputs, ids, errors


def test_folder_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path / "b" / "2.txt", "عنوان ب\n\n" + BODY)
    write(tmp_path / "1.txt", "عنوان أ\n\n" + BODY + " أ.")
    write(tmp_path / ".hidden.txt", "مخفي\n\n" + BODY)
    write(tmp_path / "notes.csv", "a,b")
    write(tmp_path / "README.md", "# readme\n\nnot news")
    articles, errors = read_all(str(tmp_path))
    assert [a.title for a in articles] == ["عنوان أ", "عنوان ب"]
    assert not errors


def test_glob_and_missing_path(tmp_path):
    write(tmp_path / "x1.txt", "عنوان\n\n" + BODY)
    articles, errors = read_all(str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "z*.txt"))
    assert len(articles) == 1
    assert [e.problem for e in errors] == ["no such file or folder", "no supported file matches this pattern"]


def test_bad_files_fail_alone(tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", "   \n\t\n")
    (tmp_path / "bin.txt").write_bytes(b"abc\x00\x01\x02" * 50)
    write(tmp_path / "good.txt", "عنوان\n\n" + BODY)
    articles, errors = read_all(str(tmp_path))
    assert [a.title for a in articles] == ["عنوان"]
    problems = {Path(e.origin).name: e.problem for e in errors}
    assert problems == {
        "bin.txt": "binary file (contains NUL bytes), not text",
        "blank.txt": "empty file",
        "empty.txt": "empty file",
        "image.txt": "binary file (image, PDF or archive), not text",
    }
    assert all("\n" not in str(e) for e in errors)


def test_stdin_is_sniffed():
    articles, _ = read_all("-", stdin=("عنوان\n\n" + BODY).encode("utf-8"))
    assert articles[0].origin == "<stdin>" and articles[0].title == "عنوان"
    feed = "\n".join(json.dumps({"title": f"t{i}", "text": BODY + str(i)}) for i in range(2))
    articles, _ = read_all("-", stdin=feed.encode("utf-8"))
    assert [a.title for a in articles] == ["t0", "t1"]


def test_article_id_is_stable_and_content_based():
    assert article_id("نص  الخبر\n") == article_id("نص الخبر")
    assert article_id("نص الخبر") != article_id("نص خبر آخر")
    assert len(article_id("x")) == 16


@pytest.mark.parametrize("raw,expected", [
    ("2026-11-28T08:30:00Z", "2026-11-28"), ("2026-1-5", "2026-01-05"), ("yesterday", ""), ("2026-13-01", ""),
])
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


def test_every_example_reads_cleanly():
    from briefer.config import load_config

    config = load_config(EXAMPLES / "briefer.toml", environ={})
    articles, errors = read_all(str(EXAMPLES), config=config)
    assert not errors
    assert len(articles) >= 13
    assert len({a.id for a in articles}) == len(articles)
    assert all(a.title for a in articles)
    formats = {a.meta["format"] for a in articles}
    assert formats == {"text", "html", "json", "jsonl", "docx"}


def test_trailing_tag_list_goes_to_metadata(tmp_path):
    text = "عنوان\n\n" + BODY + " سمات العراق الأردن الربط الكهربائي"
    (article,), _ = read_all(str(write(tmp_path / "a.txt", text)))
    assert article.text.endswith("بحسب البيان.")
    assert article.meta["tags"] == ["العراق", "الأردن", "الربط", "الكهربائي"]
