import pickle
import time
from array import array

from briefing_samples import ARMY_A, ARMY_B, BUDGET, DERBY, VACCINE, brief, day_briefs

from briefer.cluster import (
    ArticleKeys,
    candidate_pairs,
    cluster,
    featurize,
    pairwise_report,
    similarity,
    terms,
)


def test_terms_strip_the_article_and_its_clitics_but_not_initial_letters():
    assert terms("والانتخابات بالجيش للجيش الوزير") == ["انتخابات", "جيش", "جيش", "وزير"]
    assert terms("وزير لجنة بيان") == ["وزير", "لجنه", "بيان"]  # و/ل/ب here are the word's own letters


def test_two_outlets_reporting_one_event_are_one_cluster_and_the_rest_stay_apart():
    briefs = day_briefs()
    groups = cluster(briefs, threshold=0.5)
    assert [1, 3] in groups
    assert sorted(len(g) for g in groups) == [1, 1, 1, 2]


def test_a_syndicated_copy_is_near_identical():
    original = brief(BUDGET, "عمان تعلن ميزانية 2027", "جريدة الوطن")
    copy = brief(BUDGET, "عمان تعلن ميزانية 2027", "وكالة الأنباء العمانية")
    features = featurize([original, copy, brief(DERBY, "الهلال يفوز", "الملاعب")])
    assert similarity(features[0], features[1]) > 0.95
    assert similarity(features[0], features[2]) < 0.2


def test_a_strict_threshold_keeps_differently_worded_reports_apart():
    briefs = [brief(ARMY_A, "الجيش ينشر 2500 جندي", "أ"), brief(ARMY_B, "الجيش يدفع بـ2000 جندي", "ب")]
    assert cluster(briefs, threshold=0.95) == [[0], [1]]
    assert cluster(briefs, threshold=0.4) == [[0, 1]]


def test_shared_figures_only_confirm_stories_whose_words_overlap():
    # two unrelated stories sharing the numbers 120 and 35 must not be pulled together by them
    sport = brief("أقيمت البطولة بمشاركة 120 لاعبا و35 حكما في ملعب المدينة الرياضية الجديد.", "بطولة", "أ")
    army = brief(ARMY_A, "الجيش ينشر جنودا", "ب")
    (score,) = [s for s, _, _ in pairwise_report([sport, army])] or [0.0]
    assert score < 0.2


def test_candidate_pairs_grow_near_linearly_not_with_all_pairs():
    # 600 articles, each with its own vocabulary plus the same everyday words: all-pairs would be
    # 179,700 comparisons; the inverted index must propose almost none of them
    filler = "قال المسؤول في بيان اليوم إن الحكومة ستواصل العمل على المشروع خلال العام المقبل. "
    texts = [f"{filler}وافتتح المحافظ مشروع الحي رقم{i} في منطقة الوادي{i} بكلفة بلغت {1000 + i} مليون." for i in range(600)]
    briefs = [brief(text, f"مشروع جديد رقم{i}", f"مصدر{i}") for i, text in enumerate(texts)]
    started = time.perf_counter()
    pairs = candidate_pairs(featurize(briefs))
    assert len(pairs) < 600 * 4
    assert time.perf_counter() - started < 5
    assert len(cluster(briefs, 0.5)) == 600


def test_unrelated_health_and_sport_stories_score_low():
    briefs = [brief(VACCINE, "حملة تطعيم", "أ"), brief(DERBY, "ديربي الرياض", "ب")]
    assert all(score < 0.3 for score, _, _ in pairwise_report(briefs))


def test_keys_taken_once_cluster_as_the_briefs_do():
    from briefer.cluster import article_keys, cluster_keys

    briefs = day_briefs()
    keys = [article_keys(b) for b in briefs]
    assert cluster_keys(keys, 0.5) == cluster(briefs, 0.5)
    assert dict(zip(keys[1].terms, keys[1].counts))["جيش"] >= 2  # headline words count double


def test_keys_sent_from_a_worker_share_their_words():
    """Keys are made in worker processes and held for every article of the day: unpickled, two
    articles' copies of a word are one string, as they are when made in one process."""
    words = tuple("".join(["انتخاب", "ات"]) for _ in range(2))  # equal strings, distinct objects
    first, second = (pickle.loads(pickle.dumps(ArticleKeys((word,), array("I", [1]), frozenset(), frozenset())))
                     for word in words)
    assert first.terms == second.terms == ("انتخابات",)
    assert first.terms[0] is second.terms[0]
