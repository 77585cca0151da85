"""Facts in an article: figures, attributed quotes and the entities that name speakers."""

from briefer.facts.entities import find_entities
from briefer.facts.figures import find_figures
from briefer.facts.quotes import find_quotes

__all__ = ["find_entities", "find_figures", "find_quotes"]
