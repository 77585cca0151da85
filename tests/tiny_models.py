"""Tiny seq2seq models built on the spot, for the seq2seq engine and translation tests.

Nothing is downloaded. A sentencepiece unigram model is trained on a few Arabic/English news lines;
from it a two-layer mT5 (random weights) and a one-layer Marian are built and saved with
save_pretrained, so the tests load them through the code users run (briefer.backends.hf).

- ``build_tiny_mt5(folder)``: random weights, made to "invent" numbers: only digit pieces and a
  few Arabic words can be generated, so its summaries carry figures the article never had, which
  is the failure the faithfulness guard exists to catch.
- ``build_tiny_marian(folder)``: trained for a few seconds on MARIAN_PAIRS (masked Arabic -> English)
  until greedy decoding reproduces them exactly, so the masking and restoring can be asserted to
  the character. ``trained=False`` leaves random weights (placeholders get lost: the fallback path).

Import the fixtures into a test module: ``from tests.tiny_models import tiny_marian``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLACEHOLDERS = [f"{kind}{n}" for kind in ("FIG", "QUOTE", "NAME") for n in range(1, 5)]

# masked Arabic (as briefer.translate.mask writes it) -> the English the tiny Marian learns
MARIAN_PAIRS = [
    ("NAME1 يزور NAME2", "NAME1 visits NAME2"),
    ("وقع NAME1 و NAME2 FIG1 اتفاقيات", "NAME1 and NAME2 signed FIG1 agreements"),
    ("ارتفع العجز إلى FIG1", "The deficit rose to FIG1"),
    ("وقال الوزير إن QUOTE1", "The minister said QUOTE1"),
    ("NAME1 يريد FIG1 اتفاقيات", "NAME1 wants FIG1 agreements"),
    ("أعلنت NAME1 إطلاق حملة تطعيم", "NAME1 launched a vaccination campaign"),
    ("وقال NAME1 إن QUOTE1", "NAME1 said QUOTE1"),
    ("فؤاد حسين", "Fuad Hussein"),
    ("الوضع تحت السيطرة", "the situation is under control"),
]

# Real-looking news prose in both languages, so the pieces cover what the tests feed the models.
CORPUS = [
    "أعلنت وزارة الصحة العراقية يوم الأحد إطلاق حملة تطعيم ضد الحصبة تستهدف 2.5 مليون طفل.",
    "وقال وزير الخارجية العراقي فؤاد حسين في عمّان إن البلدين وقعا 3 اتفاقيات للتعاون.",
    "ارتفع عجز الميزانية السعودية إلى نحو 86 مليار ريال في العام المالي 2027.",
    "خفض البنك المركزي المصري سعر الفائدة 200 نقطة أساس في اجتماعه يوم الخميس.",
    "قالت وكالة الأنباء الرسمية إن الجيش أسقط 12 طائرة مسيرة فوق البحر الأحمر.",
    "وأضاف المتحدث باسم الحكومة: «الوضع تحت السيطرة ولا داعي للقلق».",
    "The Iraqi foreign minister said the two countries signed three agreements in Amman.",
    "The central bank cut interest rates by 200 basis points on Thursday.",
    "The health ministry launched a measles vaccination campaign for 2.5 million children.",
    "٠١٢٣٤٥٦٧٨٩ 0123456789 ٪ % « » “ ” . ، : ؛",
] + [line for pair in MARIAN_PAIRS for line in pair]


# ------------------------------------------------------------------------------ sentencepiece


def train_sentencepiece(folder: Path, corpus: list[str] | None = None, vocab_size: int = 400) -> Path:
    """A unigram model with T5/Marian special ids (pad 0, eos 1, unk 2); returns the .model file.

    ``hard_vocab_limit=False``: a corpus this small cannot fill an exact vocabulary size.
    """
    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / "spm"
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter((corpus or CORPUS) * 3),
        model_prefix=str(prefix),
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
        pad_piece="<pad>", eos_piece="</s>", unk_piece="<unk>",
        user_defined_symbols=PLACEHOLDERS,
        split_digits=True,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _pieces(model_file: Path) -> list[tuple[str, float]]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(model_file))
    return [(processor.id_to_piece(i), processor.get_score(i)) for i in range(processor.get_piece_size())]


# ------------------------------------------------------------------------------ mT5


def build_tiny_mt5(folder: Path, seed: int = 0) -> Path:
    """A two-layer mT5 with random weights that can only write digits and a few Arabic words."""
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    pieces = _pieces(train_sentencepiece(folder / "spm"))
    # T5Tokenizer(vocab=...) is the working route in transformers 5.x: a .model file is ignored
    tokenizer = T5Tokenizer(vocab=pieces, extra_ids=0)
    torch.manual_seed(seed)
    config = MT5Config(
        vocab_size=len(pieces), d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2,
        num_heads=2, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
        tie_word_embeddings=False,
    )
    model = MT5ForConditionalGeneration(config)
    _only_digits_and_some_words(model, pieces)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _only_digits_and_some_words(model, pieces: list[tuple[str, float]]) -> None:
    """Suppress every piece but digits and a few words (saved in generation_config.json): its
    summaries are garbage with made-up figures, never an empty string."""
    words = {"الوزير", "مليار", "قال"}
    keep = {
        i for i, (piece, _) in enumerate(pieces)
        if (piece.strip("▁").isdigit() or piece.strip("▁") in words) and piece not in PLACEHOLDERS
    }
    keep |= {i for i, (piece, _) in enumerate(pieces) if piece == "▁"}
    model.generation_config.suppress_tokens = [i for i in range(len(pieces)) if i not in keep]
    # random weights repeat one piece forever ("4444..."); a high penalty mixes digits and words
    model.generation_config.repetition_penalty = 5.0


# ------------------------------------------------------------------------------ Marian


def build_tiny_marian(folder: Path, trained: bool = True, seed: int = 0, steps: int = 400) -> Path:
    """A one-layer Marian ar->en; trained, it reproduces MARIAN_PAIRS exactly under greedy decoding."""
    import shutil

    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    model_file = train_sentencepiece(folder / "spm")
    pieces = _pieces(model_file)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(model_file, folder / "source.spm")
    shutil.copy(model_file, folder / "target.spm")
    (folder / "vocab.json").write_text(
        json.dumps({piece: i for i, (piece, _) in enumerate(pieces)}, ensure_ascii=False), encoding="utf-8"
    )
    tokenizer = MarianTokenizer(str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json"))
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=len(pieces), d_model=64, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=128, decoder_ffn_dim=128,
        max_position_embeddings=128, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
        forced_eos_token_id=1, scale_embedding=True, dropout=0.0, attention_dropout=0.0,
        activation_dropout=0.0, num_beams=1,
    )
    model = MarianMTModel(config)
    if trained:
        _teach_pairs(model, tokenizer, MARIAN_PAIRS, steps)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _teach_pairs(model, tokenizer, pairs: list[tuple[str, str]], steps: int) -> None:
    """Overfit the pairs; the sinusoidal positions are frozen or they would not survive a reload."""
    import torch

    for module in (model.model.encoder, model.model.decoder):
        module.embed_positions.requires_grad_(False)
    batch = tokenizer([ar for ar, _ in pairs], text_target=[en for _, en in pairs], return_tensors="pt", padding=True)
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=3e-3)
    model.train()
    for _ in range(steps):
        loss = model(**batch).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if loss.item() < 0.002:
            break
    model.eval()


# ------------------------------------------------------------------------------ fixtures


_BUILT: dict[str, Path] = {}  # one build per test process, whichever test module asks first


def _once(name: str, factory, tmp_path_factory) -> Path:
    import torch

    # one thread: tiny models gain nothing from more, and on a shared machine oversubscribed
    # threads make a 2-second training run take a minute
    torch.set_num_threads(1)
    if name not in _BUILT:
        _BUILT[name] = factory(tmp_path_factory.mktemp(name))
    return _BUILT[name]


@pytest.fixture(scope="session")
def tiny_mt5(tmp_path_factory) -> Path:
    pytest.importorskip("transformers")
    return _once("tiny_mt5", build_tiny_mt5, tmp_path_factory)


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory) -> Path:
    pytest.importorskip("transformers")
    return _once("tiny_marian", build_tiny_marian, tmp_path_factory)


@pytest.fixture(scope="session")
def tiny_marian_untrained(tmp_path_factory) -> Path:
    pytest.importorskip("transformers")
    return _once("tiny_marian_untrained", lambda folder: build_tiny_marian(folder, trained=False), tmp_path_factory)
