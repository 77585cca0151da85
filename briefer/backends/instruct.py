"""The instruction-LLM engine: a local AutoModelForCausalLM driven by its chat template.

Prompts come from prompts/ (brief_ar, brief_en, translate); answers are JSON checked against a
schema and re-asked once (see briefer.backends.chat and briefer.prompts). Decoding is greedy:
beams buy little for a chat model and cost their number in memory and time, and sampling would
make the briefing change from run to run. No repetition penalty either, since a faithful bullet
often repeats a figure the article repeats.

torch and transformers are imported only when an engine is built.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from briefer.backends import hf
from briefer.backends.chat import ChatEngine, ChatTranslator
from briefer.config import BriefConfig
from briefer.errors import EngineError
from briefer.prompts import Messages


class InstructEngine(ChatEngine):
    name = "instruct"
    #: the settings this engine reads (shown by `briefer models list`)
    options = ("model", "device", "dtype", "batch_size", "max_input_tokens", "max_new_tokens", "prompt_version")

    def __init__(self, config: BriefConfig):
        super().__init__(config)
        started = time.perf_counter()
        self.tokenizer = _chat_tokenizer(config.model)
        self.model, self.device = hf.load_model("causal", config.model, config.device, config.dtype)
        self.load_seconds = time.perf_counter() - started

    @property
    def model_name(self) -> str:
        return self.config.model

    def chat(self, messages: Messages) -> str:
        return self.chat_many([messages])[0]

    def chat_many(self, conversations: Sequence[Messages]) -> list[str]:
        size = max(1, self.config.batch_size)
        replies: list[str] = []
        for start in range(0, len(conversations), size):
            replies.extend(self._generate(conversations[start : start + size]))
        return replies

    def fits(self, messages: Messages) -> bool:
        return len(self._encode([messages])["input_ids"][0]) <= self.config.max_input_tokens

    def _encode(self, conversations: Sequence[Messages], tensors: bool = False) -> Mapping[str, Any]:
        """apply_chat_template returns a dict (input_ids, attention_mask) in transformers 5.x."""
        return self.tokenizer.apply_chat_template(
            list(conversations),
            add_generation_prompt=True,
            tokenize=True,
            return_dict=True,
            padding=tensors,
            return_tensors="pt" if tensors else None,
        )

    def _generate(self, conversations: Sequence[Messages]) -> list[str]:
        import torch

        encoded = {key: value.to(self.device) for key, value in self._encode(conversations, tensors=True).items()}
        with torch.inference_mode():
            output = self.model.generate(
                **encoded,
                max_new_tokens=self.config.max_new_tokens,
                do_sample=False,
                num_beams=1,
                pad_token_id=self.tokenizer.pad_token_id,
            )
        prompt_width = encoded["input_ids"].shape[1]
        return [self.tokenizer.decode(row[prompt_width:], skip_special_tokens=True).strip() for row in output]


class InstructTranslator(ChatTranslator):
    """Arabic->English through the local chat model and prompts/translate.<version>."""

    name = "instruct"

    def __init__(self, config: BriefConfig):
        super().__init__(InstructEngine(config.replace(model=config.translator_model or config.model)))


def _chat_tokenizer(model: str) -> Any:
    tokenizer = hf.load_tokenizer(model)
    if not getattr(tokenizer, "chat_template", None):
        raise EngineError(
            f"model '{model}' has no chat template, so it is not an instruction model; "
            "use an instruction-tuned model (e.g. Qwen/Qwen2.5-1.5B-Instruct) or --backend seq2seq"
        )
    # Batches are padded on the left so every prompt ends where generation starts.
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer
