import pytest
from briefing_samples import ARMY_A, ARMY_B, BUDGET, brief, day_briefs

from briefer import __version__
from briefer.compose import compose, importance
from briefer.compose_figures import disagreements, key_figures, key_quotes
from briefer.compose_sections import classify, load_lexicon
from briefer.config import BriefConfig
from briefer.errors import ConfigError
from briefer.types import Skipped


def _story_of(briefing, source):
    return next(s for s in briefing.stories if any(a.source == source for a in s.sources))


def test_the_two_reports_become_one_story_with_both_sources_and_the_disagreement():
    briefing = compose(day_briefs(), BriefConfig())
    assert len(briefing.stories) == 4
    army = briefing.stories[0]  # two outlets: the most important story
    assert {a.source for a in army.sources} == {"صحيفة الأفق", "وكالة أنباء المشرق"}
    (disagreement,) = army.disagreements
    assert disagreement.unit == "جندي"
    assert set(disagreement.values) == {("2500 جندي", "صحيفة الأفق"), ("2000 جندي", "وكالة أنباء المشرق")}


def test_the_lead_is_the_article_with_most_facts_and_its_bullets_are_the_story_bullets():
    army = compose(day_briefs(), BriefConfig()).stories[0]
    assert army.lead.article.source == "صحيفة الأفق"  # more figures and a quote
    assert army.lead.bullets_ar[0].text.startswith("بيروت – أعلن الجيش اللبناني")


def test_outlets_that_agree_or_count_different_things_show_no_disagreement():
    same = [brief(ARMY_A, "أ", "صحيفة الأفق"), brief(ARMY_A.replace("نشر نحو", "نشر قرابة"), "ب", "المشرق")]
    assert disagreements(same) == ()
    far = [brief("نشر الجيش 2500 جندي على الحدود.", "أ", "أ"), brief("نشر الجيش 9000 جندي على الحدود.", "ب", "ب")]
    assert disagreements(far) == ()  # 9000 vs 2500 is not a rival count of one quantity


def test_importance_rewards_outlets_recency_and_facts():
    lone, second = brief(ARMY_A, "أ", "أ", date="2026-11-30"), brief(ARMY_B, "ب", "ب", date="2026-11-30")
    assert importance([lone, second], "2026-11-30") > importance([lone], "2026-11-30")
    assert importance([lone], "2026-11-30") > importance([lone], "2026-12-05")
    undated = brief(ARMY_A, "أ", "أ", date="")
    assert importance([undated], "2026-11-30") == pytest.approx(0.5 + 0.3 * 0.5 + 0.2 * 1.0)


def test_cap_sends_the_rest_to_the_annex_and_summary_has_one_line_per_top_story():
    briefing = compose(day_briefs(), BriefConfig(max_stories=2, summary_items=3))
    assert len(briefing.stories) == 2 and len(briefing.annex) == 2
    assert len(briefing.summary_ar) == 2  # no more lines than stories in full
    assert briefing.summary_ar[0] == briefing.stories[0].lead.headline_ar
    assert briefing.summary_en == ("", "")  # no English anywhere: the renderers say how to get it


def test_summary_takes_english_headlines_when_there_are_some():
    briefing = compose(day_briefs(english="lexicon"), BriefConfig(summary_items=1))
    assert briefing.summary_en == ("Lebanese army sends 2,500 more troops to the south",)


def test_sections_come_from_the_lexicon_in_its_order_with_both_names():
    briefing = compose(day_briefs(), BriefConfig())
    assert briefing.sections == ("security", "economy", "society", "culture")
    names = {key: (ar, en) for key, ar, en in briefing.section_names}
    assert names["economy"] == ("الشؤون الاقتصادية", "Economy")
    assert {s.section for s in briefing.stories} == set(briefing.sections)


def test_classify_counts_headline_hits_double_and_falls_back():
    lexicon = load_lexicon()
    assert classify("ارتفاع أسعار النفط", "", lexicon) == "economy"
    assert classify("الجيش يعلن", "ارتفاع أسعار النفط", lexicon) == "security"
    assert classify("طقس معتدل", "سماء صافية", lexicon) == "general"


def test_a_user_lexicon_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('fallback = "misc"\n[[section]]\nkey = "energy"\nar = "الطاقة"\nen = "Energy"\n'
                    'keywords = ["النفط", "برميل"]\n[[section]]\nkey = "misc"\nar = "متفرقات"\nen = "Misc"\n',
                    encoding="utf-8")
    briefing = compose(day_briefs(), BriefConfig(sections_file=str(path)))
    assert set(briefing.sections) == {"energy", "misc"}
    assert _story_of(briefing, "جريدة الوطن").section == "energy"


@pytest.mark.parametrize("content, problem", [("not [valid", "not valid TOML"), ("fallback = 1\n", r"\[\[section\]\]")])
def test_a_broken_lexicon_is_a_config_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as error:
        compose(day_briefs(), BriefConfig(sections_file=str(path)))
    assert "bad.toml" in str(error.value)


def test_group_by_country_uses_the_entities_stage_when_it_offers_countries(monkeypatch):
    from briefer.facts import entities

    monkeypatch.setattr(entities, "countries", lambda found: ["لبنان"], raising=False)
    briefing = compose(day_briefs(), BriefConfig(group_by="country"))
    assert briefing.sections == ("لبنان",)
    assert briefing.section_names == (("لبنان", "لبنان", "Lebanon"),)


def test_group_by_country_falls_back_to_topics_without_a_country_function(monkeypatch):
    from briefer.facts import entities

    monkeypatch.delattr(entities, "countries", raising=False)
    assert compose(day_briefs(), BriefConfig(group_by="country")).stories[0].section == "security"
    with pytest.raises(ConfigError, match="group_by"):
        compose(day_briefs(), BriefConfig(group_by="mood"))


def test_date_signature_skipped_and_handling_are_carried():
    skipped = (Skipped("feed.jsonl:3", "article is not in Arabic"),)
    briefing = compose(day_briefs(), BriefConfig(handling="سري"), skipped=skipped, signature="engine:extractive")
    assert briefing.date == "2026-11-30"  # newest article
    assert briefing.signature == f"engine:extractive|briefer:{__version__}"
    assert briefing.skipped == skipped and briefing.handling == "سري"
    assert compose(day_briefs(), BriefConfig(date="2026-12-01")).date == "2026-12-01"


def test_fact_box_lists_the_figures_and_quotes_the_bullets_rest_on():
    lead = brief(ARMY_A, "أ", "صحيفة الأفق")
    assert key_figures(lead)[:3] == ("2500 جندي", "120 كيلومترا", "14 موقعا")
    assert key_quotes(lead) == (("الجيش لن يسمح بجر لبنان إلى حرب لا يريدها", "العماد جوزيف عون"),)
    assert brief(BUDGET, "ب", "ب").bullets_ar  # sanity: every sample has bullets


def test_a_number_followed_by_a_preposition_is_no_quantity_to_disagree_on():
    from briefer.compose_figures import _quantity
    from briefer.types import Figure

    text = "أصيب ثلاثة من الجنود"
    figure = Figure("ثلاثة", 5, 10, 3.0)
    assert _quantity(text, figure) == ("", "")
