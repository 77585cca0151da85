"""The command line end to end on the examples: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from briefer import __version__
from briefer.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CONFIG = EXAMPLES / "briefer.toml"
runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, ["--quiet", "--config", str(CONFIG), *args], input=input)


@pytest.fixture(scope="module")
def briefing_md(tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "briefing.md"
    result = invoke("brief", str(EXAMPLES), "-o", str(out))
    assert result.exit_code == 0, result.output + str(result.exception)
    return out.read_text("utf-8")


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"briefer {__version__}"


def test_brief_markdown_covers_every_example(briefing_md):
    assert "فؤاد حسين" in briefing_md
    assert "engine:extractive" in briefing_md  # the signature is printed


def test_brief_docx_and_json(tmp_path):
    docx_path, json_path = tmp_path / "b.docx", tmp_path / "b.json"
    assert invoke("brief", str(EXAMPLES), "-o", str(docx_path)).exit_code == 0
    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert "فؤاد حسين" in text
    assert invoke("brief", str(EXAMPLES), "-o", str(json_path)).exit_code == 0
    data = json.loads(json_path.read_text("utf-8"))
    assert data["stories"] and data["signature"]


def test_format_flag_overrides_suffix(tmp_path):
    out = tmp_path / "briefing.txt"
    assert invoke("brief", str(EXAMPLES), "-o", str(out), "--format", "md").exit_code == 0
    assert "\n# " in out.read_text("utf-8")  # Markdown despite the .txt suffix


def test_unknown_suffix_is_a_usage_error(tmp_path):
    result = invoke("brief", str(EXAMPLES), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_some_articles_skipped_gives_exit_1_and_lists_them(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "b.md"
    result = invoke("brief", str(EXAMPLES / "01_politics_iraq_fm_visit_amman.txt"), str(tmp_path / "broken.txt"),
                    str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert "broken.txt: binary file" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "broken.txt" in out.read_text("utf-8")  # skipped inputs are listed in the document too


def test_nothing_readable_gives_exit_2_and_writes_nothing(tmp_path):
    out = tmp_path / "b.md"
    out.write_text("yesterday's good briefing", "utf-8")
    result = invoke("brief", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert "nothing written" in result.stderr
    assert out.read_text("utf-8") == "yesterday's good briefing"


def test_unknown_backend_is_one_line_without_traceback(tmp_path):
    result = invoke("brief", str(EXAMPLES), "-o", str(tmp_path / "b.md"), "--backend", "gpt9")
    assert result.exit_code == 2
    assert "unknown backend 'gpt9' (available:" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_summarize_json_and_text():
    path = str(EXAMPLES / "01_politics_iraq_fm_visit_amman.txt")
    result = invoke("summarize", path, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["headline_ar"].startswith("وزير الخارجية العراقي")
    assert 1 <= len(data["bullets_ar"]) <= 5
    text = invoke("summarize", path)
    assert text.exit_code == 0 and text.stdout.startswith("# ")


def test_summarize_from_stdin():
    body = (EXAMPLES / "01_politics_iraq_fm_visit_amman.txt").read_text("utf-8")
    result = invoke("summarize", "-", "--json", input=body)
    assert result.exit_code == 0 and json.loads(result.stdout)["bullets_ar"]


def test_facts_json_has_spans():
    path = EXAMPLES / "01_politics_iraq_fm_visit_amman.txt"
    result = invoke("facts", str(path), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["figures"] and data["quotes"]
    figure = data["figures"][0]
    assert figure["end"] > figure["start"]


def test_ingest_prints_json_lines():
    result = invoke("ingest", str(EXAMPLES))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 13 and all(r["text"] and r["id"] for r in rows)


def test_config_flag_must_exist(tmp_path):
    result = runner.invoke(app, ["--config", str(tmp_path / "none.toml"), "ingest", str(EXAMPLES)])
    assert result.exit_code == 2


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "briefer", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and __version__ in result.stdout
