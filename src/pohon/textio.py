"""Reading text files people hand to pohon, with errors that say what the file is and what to do.

`read_text(path)` returns the file's text (UTF-8, a BOM allowed) or raises `TextFileError`, a PohonError with
file, line, column, code and message. Lines and columns count as `grep -n` does: a line ends at `\\n` only.
"""
from __future__ import annotations

import errno
from pathlib import Path

from pohon.errors import PohonError, RowError

_SIGNATURES = (  # (magic bytes, what the file is, what to do)
    (b"PK\x03\x04", "a zip archive (an .xlsx workbook?)", "give the workbook itself as DATA_DIR, or save each sheet"
                                                          " as CSV UTF-8"),
    (b"%PDF", "a PDF document", "use its text (pdftotext) or a CSV export"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file (.xls)", "save it as CSV UTF-8 or .xlsx"),
    (b"\x7fELF", "a program", "give a CSV file"),
)


class TextFileError(PohonError):
    """A file cannot be read as UTF-8 text. `where` is `file:line:col`."""

    def __init__(self, file: str, line: int, column: int, code: str, message: str):
        self.error = RowError(file, line, column, code, message)
        self.code = code
        super().__init__(str(self.error))

    def lines(self, lang: str = "id") -> list[str]:
        return [str(self.error)]


def read_bytes(path: Path, name: str | None = None) -> bytes:
    """The file's bytes; an OSError becomes a TextFileError naming the file and what to do."""
    name = name or str(path)
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise TextFileError(name, 0, 0, "not-a-file", "is a folder, not a file / ini folder, bukan berkas") from None
    except PermissionError:
        raise TextFileError(name, 0, 0, "unreadable", "permission denied; check the file's permissions"
                                                      " / tidak bisa dibaca, periksa izin berkas") from None
    except FileNotFoundError:
        raise TextFileError(name, 0, 0, "missing-file", "file not found / berkas tidak ada") from None
    except OSError as exc:
        hint = "it is not a regular file" if exc.errno == errno.EINVAL else (exc.strerror or str(exc))
        raise TextFileError(name, 0, 0, "unreadable", f"{hint} / tidak bisa dibaca") from None


def read_text(path: Path, name: str | None = None) -> str:
    name = name or str(path)
    return decode(read_bytes(path, name), name)


def decode(data: bytes, name: str, allow_nul: bool = False) -> str:
    """UTF-8 text of `data` (a leading BOM removed), or a TextFileError saying what the bytes are. With
    `allow_nul` a NUL byte is left for the caller to place (the CSV reader names its field)."""
    kind = _utf16_or_32(data)
    if kind:
        raise TextFileError(name, 1, 1, "encoding", f"file is {kind}; save it as UTF-8 (in Excel: CSV UTF-8)"
                                                    f" / berkas {kind}, simpan sebagai UTF-8 (CSV UTF-8)")
    for magic, what, todo in _SIGNATURES:
        if data.startswith(magic):
            raise TextFileError(name, 1, 1, "not-text", f"file is {what}, not text; {todo} / bukan berkas teks")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = position(data, exc.start)
        raise TextFileError(name, line, col, "encoding", "not UTF-8 / bukan UTF-8; save it as UTF-8"
                                                         " (in Excel: CSV UTF-8)") from None
    if not allow_nul and "\x00" in text:
        at = text.index("\x00")
        line, col = position(text, at)
        raise TextFileError(name, line, col, "bad-csv", f"NUL byte at character {col} of the line; the file is"
                                                        " not plain text / ada byte NUL")
    return text


def position(text: str | bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset`, lines ending at `\\n` only (as `grep -n` counts them)."""
    nl = b"\n" if isinstance(text, bytes) else "\n"
    line = text.count(nl, 0, offset) + 1
    return line, offset - (text.rfind(nl, 0, offset) + 1) + 1


def _utf16_or_32(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:400]
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and min(even.count(0), odd.count(0)) == 0 and max(even.count(0), odd.count(0)) * 10 >= len(odd) * 9:
        return "UTF-16"  # every other byte NUL, the others not: UTF-16 without a BOM
    return None
