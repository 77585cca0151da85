"""English by translation: masking, restoring, fallbacks, choosing a translator; tiny Marian built here."""

from __future__ import annotations

import time

import pytest

from briefer import translate
from briefer.arabic.segment import split_sentences
from briefer.config import BriefConfig
from briefer.errors import ModelNotFoundError, UsageError
from briefer.translate import (
    MarianTranslator,
    Translator,
    english_side,
    get_translator,
    mask,
    restore,
)
from briefer.types import Analysis, Article, Bullet, Entity, Quote
from tests.tiny_models import tiny_marian, tiny_marian_untrained  # noqa: F401  (fixtures)

TEXT = (
    "وقع العراق و الأردن 3 اتفاقيات في عمّان يوم الأحد. "
    "وقال فؤاد حسين إن «العراق يريد 5 اتفاقيات». "
    "ارتفع العجز إلى نحو 2.5 مليار دولار."
)


def _analysis() -> Analysis:
    quote_text = "العراق يريد 5 اتفاقيات"
    start = TEXT.index(quote_text)
    speaker = TEXT.index("فؤاد حسين")
    return Analysis(
        Article("iraq-jordan", TEXT, title="العراق يزور الأردن"),
        split_sentences(TEXT),
        quotes=(Quote(quote_text, start, start + len(quote_text), speaker="فؤاد حسين",
                      speaker_start=speaker, speaker_end=speaker + 9, verb="وقال", sentence=1),),
        entities=(Entity("فؤاد حسين", "person", speaker, speaker + 9, canonical="فؤاد حسين"),),
    )


BULLETS = ["وقع العراق و الأردن 3 اتفاقيات", "وقال فؤاد حسين إن «العراق يريد 5 اتفاقيات»",
           "ارتفع العجز إلى نحو 2.5 مليار دولار"]


def _bullets(analysis: Analysis) -> list[Bullet]:
    return [Bullet("ar", text, sources=(i,), role="event" if i == 0 else "context", origin="extractive")
            for i, text in enumerate(BULLETS)]


class DictTranslator(Translator):
    """A translator that answers from a table, to test masking without a model."""

    name = "table"

    def __init__(self, table: dict[str, str]):
        self.table = table
        self.calls: list[list[str]] = []

    def translate(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.table.get(text, "") for text in texts]


# ------------------------------------------------------------------ masking without a model


def test_mask_replaces_figures_quotes_and_names():
    masked = mask("ارتفع العجز إلى نحو 2.5 مليار دولار في عمّان", None)
    assert masked.text == "ارتفع العجز إلى FIG1 في NAME1"
    assert [(s.token, s.source, s.english) for s in masked.slots] == [
        ("FIG1", "نحو 2.5 مليار دولار", "about 2.5 billion dollars"),
        ("NAME1", "عمّان", "Amman"),
    ]


def test_quote_is_masked_whole_and_its_own_figures_masked_inside():
    masked = mask("وقال الوزير إن «العراق يريد 5 اتفاقيات»", None)
    assert masked.text == "وقال الوزير إن QUOTE1"
    inner = masked.slots[0].inner
    assert inner is not None and inner.text == "NAME1 يريد FIG1 اتفاقيات"


def test_restore_puts_back_english_figures_and_translated_quote():
    masked = mask("وقال الوزير إن «العراق يريد 5 اتفاقيات»", None)
    table = {masked.text: "The minister said QUOTE1", "NAME1 يريد FIG1 اتفاقيات": "NAME1 wants FIG1 agreements"}
    assert restore(masked, table) == "The minister said “Iraq wants 5 agreements” (translated)"


def test_restore_refuses_a_translation_that_lost_or_doubled_a_figure():
    masked = mask("ارتفع العجز إلى 2.5 مليار دولار", None)
    assert restore(masked, {masked.text: "The deficit rose sharply"}) is None
    assert restore(masked, {masked.text: "The deficit rose to FIG1, FIG1"}) is None


def test_placeholders_survive_case_and_spacing_changes():
    masked = mask("ارتفع العجز إلى 2.5 مليار دولار", None)
    assert restore(masked, {masked.text: "the deficit rose to fig 1."}) == "The deficit rose to 2.5 billion dollars."


def test_arabic_indic_digits_come_back_as_the_same_number():
    masked = mask("بلغ التضخم ٤٠٫٥٪ في يونيو/ حزيران ٢٠٢٦", None)
    table = {masked.text: "Inflation reached FIG1 in FIG2"}
    assert restore(masked, table) == "Inflation reached 40.5% in June 2026"


@pytest.mark.parametrize(("arabic", "masked_text", "english"), [
    ("بلغت الإيرادات 10ر18ميلون دولار.", "بلغت الإيرادات FIG1.", "18.10 million dollars"),
    ("يبلغ عدد السكان 3.\u200f7 مليار نسمة", "يبلغ عدد السكان FIG1 نسمة", "7.3 billion"),
])
def test_a_decimal_written_decimals_first_is_masked_as_one_figure(arabic, masked_text, english):
    masked = mask(arabic, None)  # two placeholders would give the model two numbers, neither in the source
    assert masked.text == masked_text
    assert [(s.token, s.english) for s in masked.slots] == [("FIG1", english)]


def test_names_are_translated_once_and_read_the_same_everywhere():
    analysis = _analysis()
    translator = DictTranslator({"فؤاد حسين": "Fuad Hussein"})
    english_side(analysis, _bullets(analysis), translator)
    (requests,) = translator.calls
    assert requests.count("فؤاد حسين") == 1  # asked once, even when named in several bullets


def test_english_side_falls_back_to_lexicon_line_when_translation_fails():
    analysis = _analysis()
    headline, bullets, mode = english_side(analysis, _bullets(analysis), DictTranslator({}))
    assert mode == "translation"
    assert headline == "Iraq · Jordan"  # the lexicon headline
    assert [b.origin for b in bullets] == ["lexicon"] * 3
    assert bullets[2].text == "Figures: about 2.5 billion dollars"


# ------------------------------------------------------------------ tiny Marian, trained here


def _marian(folder) -> MarianTranslator:
    config = BriefConfig(translator="marian", translator_model=str(folder), device="cpu", num_beams=1,
                         max_new_tokens=24, batch_size=4)
    translator = get_translator(config)
    assert isinstance(translator, MarianTranslator)
    return translator


def test_marian_english_side_is_exact(tiny_marian):  # noqa: F811
    analysis = _analysis()
    headline, bullets, mode = english_side(analysis, _bullets(analysis), _marian(tiny_marian))
    assert mode == "translation"
    assert headline == "Iraq visits Jordan"
    assert [b.text for b in bullets] == [
        "Iraq and Jordan signed 3 agreements",
        "Fuad Hussein said “Iraq wants 5 agreements” (translated)",
        "The deficit rose to about 2.5 billion dollars",
    ]
    assert all(b.lang == "en" and b.translated for b in bullets)
    assert bullets[1].origin == "translation:marian" and bullets[1].sources == (1,)


def test_untrained_marian_output_is_caught_and_replaced(tiny_marian_untrained):  # noqa: F811
    analysis = _analysis()
    _, bullets, _ = english_side(analysis, _bullets(analysis), _marian(tiny_marian_untrained))
    assert [b.origin for b in bullets] == ["lexicon"] * 3  # random output lost the placeholders
    assert bullets[2].text == "Figures: about 2.5 billion dollars"


def test_marian_translates_in_batches(tiny_marian, monkeypatch):  # noqa: F811
    translator = _marian(tiny_marian)
    sizes = []
    original = translator._model.generate
    monkeypatch.setattr(translator._model, "generate",
                        lambda **kw: sizes.append(kw["input_ids"].shape[0]) or original(**kw))
    assert translator.translate(["فؤاد حسين"] * 6) == ["Fuad Hussein"] * 6
    assert sizes == [4, 2]


# ------------------------------------------------------------------ choosing a translator


def test_none_means_no_translator():
    assert get_translator(BriefConfig(translator="none")) is None


def test_auto_without_any_model_is_quick_and_quiet(tmp_path, monkeypatch):
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "empty"))
    started = time.perf_counter()
    assert get_translator(BriefConfig(translator="auto")) is None
    assert time.perf_counter() - started < 2.0


def test_auto_uses_a_configured_local_model(tiny_marian):  # noqa: F811
    translator = get_translator(BriefConfig(translator="auto", translator_model=str(tiny_marian), device="cpu"))
    assert isinstance(translator, MarianTranslator)
    assert translator.model_name == str(tiny_marian)


def test_auto_with_a_named_but_missing_model_says_so(tmp_path):
    with pytest.raises(ModelNotFoundError, match="opus"):
        get_translator(BriefConfig(translator="auto", translator_model=str(tmp_path / "opus")))


def test_unknown_translator_lists_the_choices():
    with pytest.raises(UsageError, match="available: auto, none, (instruct, )?m2m, marian, nllb"):
        get_translator(BriefConfig(translator="google"))


def test_other_engines_register_translators_without_editing_functions(monkeypatch):
    monkeypatch.setitem(translate.TRANSLATORS, "table", "tests.test_translate:DictTranslatorFromConfig")
    translator = get_translator(BriefConfig(translator="table"))
    assert translator.translate(["فؤاد حسين"]) == ["Fuad Hussein"]


class DictTranslatorFromConfig(DictTranslator):
    def __init__(self, config: BriefConfig):
        super().__init__({"فؤاد حسين": "Fuad Hussein"})
