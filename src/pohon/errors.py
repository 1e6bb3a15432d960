"""Typed errors. Loading errors are data: each names file, line, column, code and message.

Every error pohon raises on purpose is a `PohonError`; the CLI prints `error.lines(lang)` (one line per
problem, `where: code: message`) and exits 2. `where` is `file:line:col` when the problem has a place in a
file, else the path or option concerned — never an invented location.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class RowError:
    file: str
    line: int
    column: int
    code: str
    message: str
    sheet: str | None = None  # in a workbook: `line` is the sheet's row, `column` its column (1 = A)

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{column_letter(self.column)}{self.line}: {self.code}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.code}: {self.message}"


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA (a workbook's column names)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out or "A"


def column_number(letters: str) -> int:
    """A -> 1, AA -> 27 (the inverse of column_letter)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


class PohonError(Exception):
    """Base of every error pohon raises on purpose."""

    code = "error"

    def lines(self, lang: str = "id") -> list[str]:
        """What the CLI prints, one problem a line."""
        text = str(self)
        return [text if text.startswith("pohon") or ": " in text else f"pohon: {self.code}: {text}"]


class LoadError(PohonError):
    """The input could not be loaded; `errors` lists every problem found, in file/line order."""

    code = "load"

    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def lines(self, lang: str = "id") -> list[str]:
        return [str(e) for e in self.errors]

    def in_folder(self, folder) -> "LoadError":
        """The same errors with each file named with its folder (for commands that read two cascades)."""
        prefix = str(folder).rstrip("/")
        return LoadError([RowError(e.file if e.file.startswith(prefix) else f"{prefix}/{e.file}", e.line,
                                   e.column, e.code, e.message) for e in self.errors])


class UnknownNodeError(PohonError):
    """A node asked for by the user is not in the graph; `node` is the id that was looked for."""

    code = "unknown-node"

    def __init__(self, node: str, message: str | None = None):
        self.node = node
        super().__init__(message or node)


class OptionError(PohonError):
    """A command-line option names something the data does not have (`--unit ZZ`, `--year 2030`)."""

    def __init__(self, option: str, code: str, message_id: str, message_en: str | None = None):
        self.option, self.code = option, code
        self.message_id, self.message_en = message_id, message_en or message_id
        super().__init__(f"{option}: {code}: {self.message_en}")

    def lines(self, lang: str = "id") -> list[str]:
        return [f"{self.option}: {self.code}: {self.message_en if lang == 'en' else self.message_id}"]
