"""briefer: Arabic news articles in, a faithful bilingual daily briefing out."""

__version__ = "0.1.0"
