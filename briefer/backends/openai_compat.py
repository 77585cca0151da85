"""The same prompts over HTTP: any server speaking OpenAI's /v1/chat/completions.

vLLM, TGI, llama.cpp's server and Ollama all do, so pointing briefer at one is configuration
(base_url, model, the *name* of the variable holding the key), not code. Requests run in a
thread pool of ``concurrency``; 429, 5xx and timeouts are retried ``retries`` times with
exponential backoff (honouring Retry-After); each request gives up after ``timeout`` seconds.
Standard library only.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from briefer.backends.chat import ChatEngine, ChatTranslator
from briefer.config import BriefConfig
from briefer.errors import EngineError, UsageError
from briefer.prompts import Messages

OPENAI_URL = "https://api.openai.com/v1"
#: statuses worth another try: rate limited, or the server (or a proxy before it) failing
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: rough characters per token for Arabic with current tokenizers, to stay under max_input_tokens
#: without the server's tokenizer (2.5 errs on the side of cutting)
CHARS_PER_TOKEN = 2.5


class OpenAIEngine(ChatEngine):
    name = "openai"
    options = (
        "base_url", "model", "api_key_env", "concurrency", "retries", "timeout",
        "max_input_tokens", "max_new_tokens", "prompt_version",
    )
    #: first backoff in seconds; doubles on every retry
    backoff_seconds = 1.0

    def __init__(self, config: BriefConfig):
        super().__init__(config)
        if not config.model:
            raise UsageError(
                "backend 'openai' needs the model name the server knows: set model in [engine] of "
                "briefer.toml or pass --model (e.g. --model qwen2.5:7b-instruct)"
            )
        self.base_url = (config.base_url or OPENAI_URL).rstrip("/")
        self.api_key = _api_key(self.base_url, config.api_key_env)
        self.load_seconds = 0.0

    @property
    def model_name(self) -> str:
        return self.config.model

    def chat(self, messages: Messages) -> str:
        body = {
            "model": self.config.model,
            "messages": messages,
            "max_tokens": self.config.max_new_tokens,
            "temperature": 0,
            "stream": False,
        }
        reply = self._post("/chat/completions", body)
        try:
            return reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError):
            raise EngineError(f"{self.base_url}/chat/completions: answer has no choices[0].message.content") from None

    def chat_many(self, conversations: Sequence[Messages]) -> list[str]:
        if len(conversations) <= 1:
            return [self.chat(messages) for messages in conversations]
        with ThreadPoolExecutor(max_workers=max(1, self.config.concurrency)) as pool:
            return list(pool.map(self.chat, conversations))

    def fits(self, messages: Messages) -> bool:
        characters = sum(len(message["content"]) for message in messages)
        return characters / CHARS_PER_TOKEN <= self.config.max_input_tokens

    def list_models(self) -> list[str]:
        """The model names the server offers (GET /models), for `briefer models check`."""
        reply = self._request("/models", None)
        return [item.get("id", "") for item in reply.get("data", []) if isinstance(item, dict)]

    def _post(self, path: str, body: dict) -> dict:
        return self._request(path, json.dumps(body, ensure_ascii=False).encode("utf-8"))

    def _request(self, path: str, data: bytes | None) -> dict:
        url = self.base_url + path
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        for attempt in range(self.config.retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
            try:
                with urllib.request.urlopen(request, timeout=self.config.timeout) as response:
                    return _json_reply(url, response.read())
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUSES or attempt == self.config.retries:
                    raise self._http_error(url, exc) from None
                time.sleep(self._backoff(attempt, exc.headers.get("Retry-After")))
            except TimeoutError as exc:
                if attempt == self.config.retries:
                    raise EngineError(
                        f"{url}: no answer within timeout = {self.config.timeout:g} s "
                        f"after {attempt + 1} tries; raise timeout or check the server"
                    ) from exc
                time.sleep(self._backoff(attempt, None))
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, TimeoutError) and attempt < self.config.retries:
                    time.sleep(self._backoff(attempt, None))
                    continue
                raise EngineError(
                    f"cannot reach the OpenAI-compatible server at {self.base_url} ({exc.reason}); "
                    "is it running? check base_url"
                ) from None
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), 60.0)
        return self.backoff_seconds * (2**attempt)

    def _http_error(self, url: str, exc: urllib.error.HTTPError) -> EngineError:
        detail = _error_detail(exc)
        if exc.code in (401, 403):
            return EngineError(
                f"{url}: HTTP {exc.code} (not authorised{detail}); put the key in the environment "
                f"variable {self.config.api_key_env} (setting api_key_env names the variable)"
            )
        if exc.code == 404:
            return EngineError(
                f"{url}: HTTP 404{detail}; check base_url (it usually ends in /v1) and that the server "
                f"serves model '{self.config.model}'"
            )
        return EngineError(f"{url}: HTTP {exc.code}{detail}")


class OpenAITranslator(ChatTranslator):
    """Arabic->English through the OpenAI-compatible server and prompts/translate.<version>."""

    name = "openai"

    def __init__(self, config: BriefConfig):
        super().__init__(OpenAIEngine(config.replace(model=config.translator_model or config.model)))


def _api_key(base_url: str, variable: str) -> str:
    """The key from the variable named in api_key_env; required only by OpenAI's own service."""
    key = os.environ.get(variable, "").strip() if variable else ""
    if not key and base_url == OPENAI_URL:
        raise UsageError(
            f"backend 'openai' without base_url talks to {OPENAI_URL} and needs a key: set the "
            f"environment variable {variable or 'OPENAI_API_KEY'}, or set base_url to your own server"
        )
    return key


def _json_reply(url: str, raw: bytes) -> dict:
    try:
        reply = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise EngineError(f"{url}: the server's answer is not JSON; is base_url an OpenAI-compatible /v1 URL?") from None
    if not isinstance(reply, dict):
        raise EngineError(f"{url}: the server's answer is not a JSON object")
    return reply


def _error_detail(exc: urllib.error.HTTPError) -> str:
    """The server's own error message, shortened to one line."""
    try:
        body = json.loads(exc.read().decode("utf-8", "replace"))
    except (json.JSONDecodeError, OSError):
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else error
    if not isinstance(message, str) or not message.strip():
        return ""
    return f": {message.strip().splitlines()[0][:200]}"
