"""Errors meant for the person at the terminal.

Every message is one line that names the thing at fault (a file, a setting, a model) and, where
there is one, the fix. The CLI maps the classes to exit codes; library code never prints.
"""

from __future__ import annotations


class BrieferError(Exception):
    """Base class: an expected failure with a message worth showing as is."""

    exit_code = 2


class UsageError(BrieferError):
    """Bad options or settings."""


class ConfigError(UsageError):
    """briefer.toml or a BRIEFER_* variable holds something unusable."""


class InputError(BrieferError):
    """One input (file, feed line, stdin) could not be read as an article.

    Raised per article so the rest of the batch goes on; ``origin`` names the file (and line).
    """

    def __init__(self, origin: str, problem: str):
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class ArticleError(BrieferError):
    """An article was read but could not be briefed (unsupported language, engine failure)."""

    def __init__(self, origin: str, problem: str):
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class EngineError(BrieferError):
    """A summarisation or translation engine could not be used."""


class ModelNotFoundError(EngineError):
    """A model is neither cached locally nor reachable; the message says what to fetch."""

    def __init__(self, model: str, hint: str):
        self.model = model
        super().__init__(f"model '{model}' is not available locally: {hint}")


class MissingDependencyError(EngineError):
    """An optional package is not installed; the message gives the pip command."""

    def __init__(self, package: str, extra: str = "models"):
        super().__init__(
            f"this needs the optional package '{package}': pip install 'briefer[{extra}]' "
            "(install torch first: pip install torch)"
        )


class RenderError(BrieferError):
    """The briefing could not be written (template, output path)."""
