"""Typed errors. Loading errors are data: each names file, line, column, code and message."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class RowError:
    file: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code}: {self.message}"


class PohonError(Exception):
    """Base of every error pohon raises on purpose."""


class LoadError(PohonError):
    """The input could not be loaded; `errors` lists every problem found, in file/line order."""

    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class UnknownNodeError(PohonError):
    """A node asked for by the user is not in the graph."""
