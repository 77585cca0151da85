"""The briefer command line: parses options, calls the library, maps errors to exit codes."""

from briefer.cli.app import app, main

__all__ = ["app", "main"]
