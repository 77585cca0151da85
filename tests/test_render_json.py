import json
from pathlib import Path

from briefing_samples import day_briefs

from briefer.compose import compose
from briefer.config import BriefConfig
from briefer.render import format_for, render_bytes
from briefer.render.json import SCHEMA

DOC = Path(__file__).resolve().parents[1] / "docs" / "json-schema.md"


def _payload(**settings):
    config = BriefConfig(**settings)
    return json.loads(render_bytes(compose(day_briefs(english="lexicon"), config, signature="engine:extractive|model:-"),
                                   "json", config))


def test_versioned_schema_and_top_level_keys():
    payload = _payload()
    assert payload["schema"] == SCHEMA == "briefer.briefing/1"
    assert list(payload) == ["schema", "title", "date", "handling", "english", "summary", "sections", "stories",
                             "annex", "skipped", "verification", "signature"]
    assert payload["date"]["hijri_en"] == "20 Jumada al-Akhirah 1448 AH"
    assert payload["signature"]["fields"]["engine"] == "extractive"


def test_story_carries_sources_bullets_disagreements_and_facts():
    story = _payload()["stories"][0]
    assert [s["outlet"] for s in story["sources"]] == ["صحيفة الأفق", "وكالة أنباء المشرق"]
    assert story["disagreements"] == [{"quantity": "جندي", "values": [
        {"figure": "2500 جندي", "source": "صحيفة الأفق"}, {"figure": "2000 جندي", "source": "وكالة أنباء المشرق"}]}]
    assert story["english"] == "lexicon" and story["bullets"]["en"][0]["translated"] is True
    assert story["bullets"]["ar"][0]["sentences"] == [0]
    assert story["facts"]["quotes"][0]["speaker"] == "العماد جوزيف عون"
    assert story["verification"]["ar"]["replaced"] == 2


def test_annex_and_format_detection():
    payload = _payload(max_stories=1)
    assert len(payload["stories"]) == 1 and len(payload["annex"]) == 3
    assert set(payload["annex"][0]) == {"id", "section", "importance", "headline", "sources"}
    assert format_for(Path("briefing.json")) == "json"


def test_every_key_is_documented():
    documented = DOC.read_text(encoding="utf-8")
    payload = _payload()
    keys = set(payload) | set(payload["stories"][0]) | set(payload["stories"][0]["sources"][0])
    keys |= set(payload["stories"][0]["bullets"]["ar"][0]) | set(payload["date"])
    missing = sorted(k for k in keys if f"`{k}`" not in documented)
    assert not missing, f"docs/json-schema.md lacks {missing}"


def test_bullet_provenance_points_into_the_article():
    import json
    from pathlib import Path

    from briefer.config import load_config
    from briefer.pipeline import run_briefing
    from briefer.render.json import render_json

    examples = Path(__file__).resolve().parent.parent / "examples"
    config = load_config(examples / "briefer.toml", environ={}).replace(no_cache=True)
    result = run_briefing([str(examples / "12_security_red_sea_drones.txt")], config)
    payload = json.loads(render_json(result.briefing, config))
    text = result.briefs[0].article.text
    (story,) = payload["stories"]
    for bullet in story["bullets"]["ar"]:
        assert bullet["provenance"]
        for cited in bullet["provenance"]:
            assert text[cited["start"]:cited["end"]].strip()
    assert "articles" in payload["verification"]
