"""An OpenAI-compatible HTTP server on 127.0.0.1 for the tests, answering from a tiny causal LM.

A real server (``http.server``) in a daemon thread on a free port, serving ``POST
/v1/chat/completions`` and ``GET /v1/models`` the way vLLM or llama.cpp do. It is bounded: it
stops when the ``with`` block ends, and by itself after ``lifetime`` seconds in any case, so a
failed test never leaves it running. ``fail_first`` makes the first requests answer an error
status, to exercise the client's retries.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: messages -> reply text
Reply = Callable[[list[dict]], str]


class StubServer:
    def __init__(
        self,
        reply: Reply,
        model: str = "tiny",
        fail_first: int = 0,
        fail_status: int = 503,
        api_key: str = "",
        lifetime: float = 120.0,
        serialize: bool = True,
    ):
        self.reply = reply
        self.model = model
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.api_key = api_key
        self.lifetime = lifetime
        self.requests: list[dict] = []  # bodies received, for assertions
        self.statuses: list[int] = []
        self.serialize = serialize  # one reply at a time (a model is not thread-safe); False lets them overlap
        self._lock = threading.Lock()  # guards the request log
        self._model_lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> StubServer:
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._timer.cancel()
        self._server.shutdown()
        self._server.server_close()

    def answer(self, body: dict) -> tuple[int, dict]:
        """(status, JSON body) for one chat completion request."""
        with self._lock:
            self.requests.append(body)
            failing = len(self.requests) <= self.fail_first
        if failing:
            return self.fail_status, {"error": {"message": "server busy, try again"}}
        if body.get("model") != self.model:
            return 404, {"error": {"message": f"model '{body.get('model')}' not found"}}
        if self.serialize:
            with self._model_lock:
                text = self.reply(body["messages"])
        else:
            text = self.reply(body["messages"])
        return 200, {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        }


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (the timeout tests) is expected here, not a traceback on stderr."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def _handler_for(stub: StubServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            return

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._send(200, {"object": "list", "data": [{"id": stub.model, "object": "model"}]})
            else:
                self._send(404, {"error": {"message": f"no route {self.path}"}})

        def do_POST(self) -> None:
            if stub.api_key and self.headers.get("Authorization") != f"Bearer {stub.api_key}":
                self._send(401, {"error": {"message": "invalid api key"}})
                return
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            status, answer = stub.answer(body)
            self._send(status, answer)

        def _send(self, status: int, body: dict) -> None:
            with stub._lock:
                stub.statuses.append(status)
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status == 429:
                self.send_header("Retry-After", "0")
            self.end_headers()
            self.wfile.write(data)

    return Handler


def causal_lm_reply(model_folder: str, max_new_tokens: int = 256) -> Reply:
    """Answers from a local causal LM through its chat template, as a real server would."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_folder, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(model_folder, local_files_only=True).eval()

    def reply(messages: list[dict]) -> str:
        encoded = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=True, return_dict=True, return_tensors="pt"
        )
        with torch.inference_mode():
            output = model.generate(
                **encoded, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id
            )
        return tokenizer.decode(output[0, encoded["input_ids"].shape[1] :], skip_special_tokens=True)

    return reply
