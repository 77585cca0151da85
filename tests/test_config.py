"""Settings: defaults < briefer.toml < BRIEFER_* < flags, with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.config import BriefConfig, load_config
from briefer.errors import ConfigError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_defaults_without_file_or_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_config(environ={}) == BriefConfig()


def test_layering_file_then_environment_then_flags(tmp_path):
    path = tmp_path / "briefer.toml"
    path.write_text('[engine]\nbackend = "seq2seq"\nbullets = 3\n[render]\nlayout = "side-by-side"\n', "utf-8")
    config = load_config(path, overrides={"bullets": 5, "model": None},
                         environ={"BRIEFER_BACKEND": "openai", "BRIEFER_PROVENANCE": "yes", "OTHER": "x"})
    assert config.backend == "openai"  # environment beats file
    assert config.bullets == 5  # flag beats file
    assert config.layout == "side-by-side"  # file beats default
    assert config.provenance is True
    assert config.model == ""  # a flag left as None changes nothing


def test_example_config_loads():
    config = load_config(EXAMPLES / "briefer.toml", environ={})
    assert config.jsonl_text_field == "body" and config.max_stories == 60


def test_working_directory_config_is_found(tmp_path, monkeypatch):
    (tmp_path / "briefer.toml").write_text("[engine]\nbullets = 3\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_config(environ={}).bullets == 3


@pytest.mark.parametrize("content,message", [
    ("[engine]\nbulets = 3\n", "unknown setting(s) bulets"),
    ("[engines]\nbullets = 3\n", "unknown table [engines]"),
    ("[engine]\nbullets = 'three'\n", "setting 'bullets' expects int"),
    ("[engine\n", "not valid TOML"),
])
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "briefer.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_bad_environment_value_names_the_setting():
    with pytest.raises(ConfigError, match="setting 'provenance' expects bool"):
        load_config(None, environ={"BRIEFER_PROVENANCE": "maybe"})


@pytest.mark.parametrize("key,value,message", [
    ("layout", "sideways", "setting 'layout' must be one of stacked, side-by-side"),
    ("non_arabic", "translate", "setting 'non_arabic' must be one of skip, summarize"),
    ("bullets", "0", "setting 'bullets' must be between 1 and 10"),
])
def test_values_outside_their_choices_are_refused(key, value, message):
    with pytest.raises(ConfigError, match=message):
        load_config(None, environ={f"BRIEFER_{key.upper()}": value})
