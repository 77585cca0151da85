"""Versioned prompt templates (prompts/<name>.<version>) and the JSON answers they ask for.

A template file has a header of ``key: value`` settings (``answer``, ``max_chars``, ``style``),
then a ``[system]`` and a ``[user]`` section with ``{{variable}}`` slots. The article always goes
in fenced as data (``<<<ARTICLE`` ... ``ARTICLE>>>``) and the prompt says that nothing inside the
fence is an instruction. Every answer is one JSON object checked against a schema; a bad answer
is re-asked once with the problem named, then the article fails with a one-line reason.

Templates are looked up in ``./prompts`` (a team's own versions next to its briefer.toml), the
repository's ``prompts/`` folder, and the copy shipped in the package (``briefer/_prompts``, a
link to ``prompts/`` in the repository that the wheel build copies as package data).
The version and a digest of the files used go into the engine's signature.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import ArticleError, ConfigError
from briefer.types import Analysis

#: folder inside the package holding the shipped copy of prompts/ in an installed wheel
PACKAGED_PROMPTS = "_prompts"
REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"

ARTICLE_FENCE = ("<<<ARTICLE", "ARTICLE>>>")
TEXTS_FENCE = ("<<<TEXTS", "TEXTS>>>")
_VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)

#: a chat message list in the OpenAI / chat-template shape
Messages = list[dict[str, str]]
#: sends messages, returns the assistant's text
Chat = Callable[[Messages], str]


@dataclass(frozen=True)
class PromptTemplate:
    name: str  # brief_ar | brief_en | translate
    version: str  # v1
    system: str
    user: str
    settings: Mapping[str, str]
    path: str  # where it was read from, for messages
    digest: str  # first 8 hex of the file's sha256

    @property
    def answer_key(self) -> str:
        return self.settings.get("answer", "bullets")

    @property
    def max_chars(self) -> int:
        return int(self.settings.get("max_chars", "300"))

    @property
    def script(self) -> str:
        """latin when the answer must be English (more Latin than Arabic letters), else ""."""
        return self.settings.get("script", "")

    @property
    def style(self) -> str:
        return self.settings.get("style", "")

    def render(self, **variables: object) -> Messages:
        """System and user messages with every {{variable}} filled; a missing one is an error."""
        values = {"max_chars": self.max_chars, "style": self.style, **variables}
        return [
            {"role": "system", "content": self._fill(self.system, values)},
            {"role": "user", "content": self._fill(self.user, values)},
        ]

    def _fill(self, text: str, values: Mapping[str, object]) -> str:
        def one(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in values:
                raise ConfigError(f"{self.path}: template variable '{{{{{key}}}}}' has no value")
            return str(values[key])

        return _VARIABLE.sub(one, text)


# ------------------------------------------------------------------------------------ loading


def search_path() -> list[Path]:
    """Folders searched for templates, first match wins."""
    folders = [Path.cwd() / "prompts", REPO_PROMPTS]
    packaged = _packaged_folder()
    if packaged is not None:
        folders.append(packaged)
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in {f.resolve() for f in unique}:
            unique.append(folder)
    return unique


def _packaged_folder() -> Path | None:
    folder = Path(str(importlib.resources.files("briefer").joinpath(PACKAGED_PROMPTS)))
    return folder if folder.is_dir() else None


def load_prompt(name: str, version: str) -> PromptTemplate:
    """The template prompts/<name>.<version>, read once per process."""
    return _load_cached(name, version, tuple(search_path()))


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, version: str, folders: tuple[Path, ...]) -> PromptTemplate:
    filename = f"{name}.{version}"
    for folder in folders:
        path = folder / filename
        if path.is_file():
            return parse_template(name, version, path.read_text(encoding="utf-8"), str(path))
    where = ", ".join(str(f) for f in folders) or "no prompts folder found"
    raise ConfigError(f"prompt template '{filename}' not found (searched: {where}); check prompt_version")


def parse_template(name: str, version: str, text: str, path: str) -> PromptTemplate:
    parts = _SECTION.split(text)
    header, sections = parts[0], dict(zip(parts[1::2], parts[2::2], strict=True))
    if len(parts) != 5 or set(sections) != {"system", "user"}:
        raise ConfigError(f"{path}: a template needs one [system] and one [user] section")
    settings = {}
    for line in header.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, sep, value = line.partition(":")
            if not sep:
                raise ConfigError(f"{path}: header line '{line.strip()}' is not 'key: value'")
            settings[key.strip()] = value.strip()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return PromptTemplate(
        name, version, sections["system"].strip(), sections["user"].strip(), settings, path, digest
    )


def prompt_signature(templates: Sequence[PromptTemplate]) -> str:
    """e.g. 'v1@3f2a9c1e': the version and a digest of every template an engine uses."""
    versions = sorted({t.version for t in templates})
    digest = hashlib.sha256("".join(t.digest for t in templates).encode()).hexdigest()[:8]
    return f"{'+'.join(versions)}@{digest}"


# ---------------------------------------------------------------------------------- variables


def fence(text: str, markers: tuple[str, str] = ARTICLE_FENCE) -> str:
    """Text made safe to put inside the fence: a fence marker inside it cannot close the fence."""
    for marker in markers:
        text = text.replace(marker, marker.replace("<<<", "‹‹‹").replace(">>>", "›››"))
    return text.strip()


def facts_block(analysis: Analysis) -> str:
    """The extracted figures and quotes, one per line, for the prompt's {{facts}}."""
    lines = []
    for figure in analysis.figures:
        unit = f" ({figure.unit})" if figure.unit and figure.unit not in figure.text else ""
        lines.append(f"- figure: {figure.text}{unit}")
    for quote in analysis.quotes:
        speaker = quote.speaker or "unattributed"
        lines.append(f"- quote: «{quote.text}» ({speaker})")
    return "\n".join(lines) if lines else "- none found"


def bullet_count(analysis: Analysis, wanted: int) -> int:
    """config.bullets, but never more bullets than the article has sentences."""
    return max(1, min(wanted, len(analysis.sentences)))


def article_variables(analysis: Analysis, article_text: str | None = None) -> dict[str, object]:
    article = analysis.article
    return {
        "article": fence(article_text if article_text is not None else article.text),
        # article text too: none of it may carry a fence marker
        "title": fence(article.title or "-"),
        "source": fence(article.source or "-"),
        "date": fence(article.date or "-"),
        "facts": fence(facts_block(analysis)),
    }


def texts_variable(texts: Sequence[str]) -> str:
    return fence(json.dumps(list(texts), ensure_ascii=False, indent=0), TEXTS_FENCE)


# ------------------------------------------------------------------------------------ answers


class AnswerProblem(ValueError):
    """The model's answer does not match the schema; the message is fed back to the model."""


def parse_answer(text: str, key: str, count: int, max_chars: int, script: str = "") -> list[str]:
    """The list under ``key`` in the JSON object of ``text``, checked against the schema:
    an object with ``key`` -> exactly ``count`` non-empty strings of at most ``max_chars``,
    written in Latin letters when ``script`` is "latin" (an English answer that is not English
    is a failed answer, not a translation)."""
    data = _json_object(text)
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise AnswerProblem(f'the object needs a key "{key}" holding a list of strings')
    items = [item.strip() for item in items]
    if len(items) != count:
        raise AnswerProblem(f'"{key}" has {len(items)} strings; exactly {count} are needed')
    for position, item in enumerate(items, start=1):
        if not item:
            raise AnswerProblem(f"string {position} is empty")
        if len(item) > max_chars:
            raise AnswerProblem(f"string {position} has {len(item)} characters; the limit is {max_chars}")
        if script == "latin" and not _mostly_latin(item):
            raise AnswerProblem(f"string {position} is not in English")
    return items


def _mostly_latin(text: str) -> bool:
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    return latin > arabic


def _json_object(text: str) -> dict:
    """The first JSON object in the answer, tolerating a ```json fence or words around it."""
    start = text.find("{")
    if start < 0:
        raise AnswerProblem("the answer holds no JSON object")
    try:
        data, _ = json.JSONDecoder().raw_decode(text[start:])
    except json.JSONDecodeError as exc:
        raise AnswerProblem(f"the JSON object does not parse ({exc.msg} at character {exc.pos})") from None
    if not isinstance(data, dict):
        raise AnswerProblem("the answer is not a JSON object")
    return data


def reask_messages(messages: Messages, answer: str, problem: str, key: str, count: int) -> Messages:
    """The conversation so far plus one correction request naming the problem."""
    return [
        *messages,
        {"role": "assistant", "content": answer},
        {
            "role": "user",
            "content": (
                f"That answer cannot be used: {problem}. Answer again with only the JSON object "
                f'{{"{key}": [...]}} holding exactly {count} strings.'
            ),
        },
    ]


def ask(
    chat: Chat,
    messages: Messages,
    template: PromptTemplate,
    count: int,
    origin: str,
    first_answer: str | None = None,
) -> list[str]:
    """Ask (unless the first answer came from a batch), check it against the schema, re-ask once
    with the problem named; a second bad answer fails this article with a one-line reason."""
    key, limit, script = template.answer_key, template.max_chars, template.script
    answer = chat(messages) if first_answer is None else first_answer
    try:
        return parse_answer(answer, key, count, limit, script)
    except AnswerProblem as first:
        second_answer = chat(reask_messages(messages, answer, str(first), key, count))
        try:
            return parse_answer(second_answer, key, count, limit, script)
        except AnswerProblem as second:
            raise ArticleError(
                origin, f"{template.name}.{template.version}: no valid JSON answer after a re-ask ({second})"
            ) from None


# ------------------------------------------------------------------------------- conversations


def brief_messages(template: PromptTemplate, analysis: Analysis, count: int, article_text: str | None = None) -> Messages:
    """brief_ar: the article (or the part of it that fits), its facts, the bullet count."""
    return template.render(count=count, **article_variables(analysis, article_text))


def english_messages(
    template: PromptTemplate, analysis: Analysis, bullets_ar: Sequence[str], article_text: str | None = None
) -> Messages:
    """brief_en: one English bullet per verified Arabic bullet."""
    numbered = fence("\n".join(f"{i}. {text}" for i, text in enumerate(bullets_ar, start=1)))
    return template.render(count=len(bullets_ar), bullets_ar=numbered, **article_variables(analysis, article_text))


def translate_messages(template: PromptTemplate, texts: Sequence[str]) -> Messages:
    return template.render(count=len(texts), texts=texts_variable(texts))
