import pytest
from briefing_samples import ARMY_A, ARMY_B, BUDGET, brief, day_briefs
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_league_match_is_sport_though_it_is_the_summit_of_the_round():
    """'قمة الجولة' hits politics' 'قمة': the game's own words (league, coach, goals) must outweigh it."""
    body = ("فاز الفريق الأول على ضيفه بهدفين مقابل هدف في قمة الجولة العاشرة من الدوري، "
            "وقال مدرب الفريق إن اللاعبين قدموا أداء كبيرا في الشوط الثاني.")
    assert classify("الأهلي يتغلب على الزمالك في قمة الدوري", body, load_lexicon()) == "culture"


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


# ------------------------------------------------------------------ outlets' rival figures

def _pairwise_rivals(per_source):
    """The former all-pairs definition, kept as the reference the near-linear one must match."""
    from briefer.compose_figures import RIVAL_RATIO

    sources = sorted(per_source)
    involved = {}
    for i, first in enumerate(sources):
        for second in sources[i + 1:]:
            one, two = per_source[first], per_source[second]
            values_one, values_two = {r.value for r in one}, {r.value for r in two}
            for a in [r for r in one if r.value not in values_two]:
                for b in [r for r in two if r.value not in values_one]:
                    if min(a.value, b.value) > 0 and max(a.value, b.value) / min(a.value, b.value) <= RIVAL_RATIO:
                        involved.setdefault((a.source, a.value), a)
                        involved.setdefault((b.source, b.value), b)
    return sorted(involved.values(), key=lambda r: (r.source, r.value))


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 8.0, 10.0, 21.0])),
                max_size=25))
@settings(max_examples=300, deadline=None)
def test_rival_figures_are_the_ones_all_pairs_would_find(reports):
    from briefer.compose_figures import Reported, _rivals

    per_source = {}
    for n, (source, value) in enumerate(reports):
        per_source.setdefault(source, []).append(Reported(value, f"{value:g} جندي #{n}", source, "number:جندي", "جندي"))
    found = sorted(_rivals(per_source), key=lambda r: (r.source, r.value))
    assert found == _pairwise_rivals(per_source)


def test_rival_figures_of_a_huge_story_take_near_linear_time():
    import random
    import time

    from briefer.compose_figures import Reported, _rivals

    rng = random.Random(3)
    per_source = {}
    for _ in range(20_000):
        source = f"outlet-{rng.randrange(12):02d}"
        value = float(rng.randrange(1000, 9999))
        per_source.setdefault(source, []).append(Reported(value, f"{value:g} جندي", source, "number:جندي", "جندي"))
    started = time.perf_counter()
    found = _rivals(per_source)
    assert time.perf_counter() - started < 5  # all pairs: about 10^8 comparisons
    assert len(found) == len({(r.source, r.value) for reports in per_source.values() for r in reports})


# ------------------------------------------------------------- entries and read-back briefs

def test_composing_from_entries_reads_back_only_the_leads_and_the_stories_in_full():
    from briefer.compose import compose_entries
    from briefer.compose_entries import entry_of, headline_brief

    briefs = day_briefs(english="lexicon")
    config = BriefConfig(max_stories=2, summary_items=2)
    read = []

    def load(index):
        read.append(index)
        return briefs[index]

    entries = [entry_of(b, headline_brief(b)) for b in briefs]
    briefing = compose_entries(entries, load, config)
    expected = compose(briefs, config)
    assert [s.lead for s in briefing.stories] == [s.lead for s in expected.stories]  # leads complete
    assert briefing.summary_ar == expected.summary_ar and briefing.summary_en == expected.summary_en
    assert [s.disagreements for s in briefing.stories] == [s.disagreements for s in expected.stories]
    assert [(s.id, s.section, s.importance) for s in briefing.annex] == [(s.id, s.section, s.importance) for s in expected.annex]
    for story in briefing.annex:  # listed by headline: nothing of the body is kept
        assert all(b.article.text == "" and not b.analysis.figures and not b.bullets_ar for b in story.briefs)
        assert [b.headline_ar for b in story.briefs] == [b.headline_ar for b in next(
            s for s in expected.annex if s.id == story.id).briefs]
    assert set(read) == set(range(len(briefs)))  # 2 stories in full (3 reports) + 2 annex leads


def test_entries_placed_where_their_briefs_were_made_spare_reading_the_annex_back():
    from briefer.compose import compose_entries, section_placer
    from briefer.compose_entries import entry_of, headline_brief

    briefs = day_briefs(english="lexicon")
    config = BriefConfig(max_stories=2, summary_items=2)
    place = section_placer(config)
    read = []

    def load(index):
        read.append(index)
        return briefs[index]

    entries = [entry_of(b, headline_brief(b), place(b)) for b in briefs]
    briefing = compose_entries(entries, load, config)
    expected = compose(briefs, config)
    assert [(s.id, s.section) for s in briefing.stories] == [(s.id, s.section) for s in expected.stories]
    assert [(s.id, s.section) for s in briefing.annex] == [(s.id, s.section) for s in expected.annex]
    annex_leads = {briefs.index(next(b for b in briefs if b.article.id == s.briefs[0].article.id)) for s in briefing.annex}
    assert annex_leads and not annex_leads & set(read)  # only the stories in full were read back
