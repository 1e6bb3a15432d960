"""Typed errors of the extractor: every one points at a place in the source text."""
from __future__ import annotations

from pohon.errors import PohonError


class ExtractError(PohonError):
    """The source text (or an override) cannot be turned into data/ rows.

    `line` and `column` are 1-based; 0 when not known.
    """

    def __init__(self, file: str, line: int, column: int, code: str, message: str) -> None:
        self.file = str(file)
        self.line = line
        self.column = column
        self.code = code
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code}: {self.message}"
