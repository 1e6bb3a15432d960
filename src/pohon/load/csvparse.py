"""A data/ file's bytes -> its header and a table of string cells with the source line of every record.

The grammar (data/README.md, "CSV"): records end at LF or CRLF; a field is either quoted (`"…"`, with `""`
for a quote, holding any character including newlines) or unquoted (no delimiter, CR or LF; a `"` after the
first character is kept as it is). After a closing quote comes a delimiter or the end of the record. A CR
not followed by LF, an unterminated quote, text after a closing quote and a NUL byte are errors at the line
and field where they occur. Lines count as `grep -n` counts them: only LF ends a line.

Two readers give the same result: polars (fast, multithreaded) reads every file whose bytes need none of the
grammar's rare cases — checked on the bytes first, with memchr-speed scans — and this module's tokenizer
reads the rest and every file that has an error, so locations are always exact. polars reads a large file a
slice of records at a time (`Parsed.slices`), so that the loader types one slice's strings before reading the next
(peak memory); a slice polars refuses raises Refused, and the loader reads the file again with the tokenizer.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pohon.errors import RowError
from pohon.schema import WHITESPACE
from pohon.textio import TextFileError, decode, position


CHUNK_BYTES = 4 << 20  # the size of the slices polars reads a file in


class Refused(Exception):
    """polars refused a slice of the file: the tokenizer reads the file (and says where and why)."""


@dataclass
class Parsed:
    """`header` (stripped names), `frame` (a polars DataFrame of String columns named c0…cN-1, "" for
    empty, plus `_line`, the first line of every record) or, for a file polars reads in slices, `slices`
    (such frames, one a slice, read as they are iterated; `slow()` gives the file read by the tokenizer,
    for when a slice raises Refused); `ok` False when the file could not be read through."""

    header: list[str]
    frame: object = None
    ok: bool = True
    errors: list[RowError] = field(default_factory=list)
    decimal_comma: bool = False
    reader: str = "polars"
    slices: Iterator | None = None
    slow: object = None

    def frames(self) -> Iterator | None:
        """The record frames in file order: the slices, or the one frame; None when there are none."""
        if self.slices is not None:
            return self.slices
        return None if self.frame is None else iter([self.frame])


def delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def parse(data: bytes, name: str) -> Parsed:
    """Header and cells of one CSV file; errors of the bytes themselves are in `errors` (and `ok` False)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    delim = _delimiter_of(data)
    fast = _fast(data, delim, name)
    if fast is not None:
        return fast
    return _slow(data, delim, name)


def _delimiter_of(data: bytes) -> str:
    first_nl = data.find(b"\n")
    try:
        return delimiter(data[: first_nl if first_nl >= 0 else len(data)].decode("utf-8"))
    except UnicodeDecodeError:
        return ","


# --- the fast reader -------------------------------------------------------------------------------------

_CONTENT = re.compile(rb"[^ \t\r\n]")


def _fast(data: bytes, delim: str, name: str) -> Parsed | None:
    """polars reads the file when its bytes hold none of the grammar's rare cases; None means: use the
    tokenizer (it decides, with exact locations)."""
    if b"\x00" in data or _utf16(data):
        return None
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    d = delim.encode()
    quotes = _quotes(data, d) if b'"' in data else (True, False)
    if not quotes[0]:
        return None
    header_end = data.find(b"\n")
    header_bytes = data if header_end < 0 else data[:header_end]
    if b'"' in header_bytes:
        return None  # a quoted header (maybe with newlines): the tokenizer reads it
    try:
        header_text = header_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return None
    header = [h.strip(WHITESPACE) for h in header_text.rstrip("\r").split(delim)]
    import polars as pl

    names = [f"c{i}" for i in range(len(header))]
    if header_end < 0 or not _CONTENT.search(data, header_end + 1):
        frame = pl.DataFrame({n: pl.Series(n, [], pl.String) for n in names}).with_columns(
            pl.Series("_line", [], pl.Int64))
        return Parsed(header, frame, decimal_comma=delim == ";")
    # quoted newlines shift the lines of every later record: such a file is read in one piece
    slices = [(header_end + 1, len(data))] if quotes[1] else _slices(data, header_end + 1)
    return Parsed(header, slices=_frames(data, slices, delim, names, quotes[1]), decimal_comma=delim == ";",
                  slow=lambda: parse_slow(data, name))


def _slices(data: bytes, start: int) -> list[tuple[int, int]]:
    """(start, end) byte ranges of about CHUNK_BYTES, each ending after a LF (no record spans two: the file
    has no quoted newline)."""
    out = []
    while start < len(data):
        end = data.find(b"\n", start + CHUNK_BYTES)
        end = len(data) if end < 0 else end + 1
        out.append((start, end))
        start = end
    return out


def _frames(data: bytes, slices, delim: str, names: list[str], quoted_newlines: bool):
    """The String frame of each slice; raises Refused when polars refuses one."""
    import polars as pl

    first = 2  # the header is line 1
    for start, end in slices:
        whole = len(slices) == 1  # the file after its header line: read in place, not copied
        try:
            frame = pl.read_csv(data if whole else data[start:end], has_header=False, skip_rows=int(whole),
                                separator=delim, quote_char='"',
                                schema={n: pl.String for n in names}, encoding="utf8",
                                empty_string_is_null=False, truncate_ragged_lines=False, raise_if_empty=False)
        except pl.exceptions.PolarsError:
            raise Refused from None
        if frame.width != len(names):
            raise Refused
        if any(frame.null_count().row(0)):
            frame = frame.with_columns(pl.col(n).fill_null("") for n in names)
        line = pl.int_range(0, frame.height, dtype=pl.Int64) + first
        if quoted_newlines:  # every record after one starts that many lines later
            newlines = pl.sum_horizontal(pl.col(n).str.count_matches("\n", literal=True) for n in names)
            line = line + newlines.cum_sum().shift(1, fill_value=0).cast(pl.Int64)
        first += frame.height
        yield frame.with_columns(line.alias("_line"))


def _quotes(data: bytes, d: bytes) -> tuple[bool, bool]:
    """(every `"` opens or closes a well-formed quoted field at a field boundary, some quoted field holds a
    newline). A quote anywhere else is for the tokenizer to read."""
    newline = False
    pos = data.find(b'"')
    while pos != -1:
        if pos > 0 and data[pos - 1:pos] not in (d, b"\n"):
            return False, newline
        j = pos + 1
        while True:
            j = data.find(b'"', j)
            if j == -1:
                return False, newline
            if data[j + 1:j + 2] == b'"':
                j += 2
                continue
            break
        if data[j + 1:j + 2] not in (b"", d, b"\n", b"\r"):
            return False, newline
        if not newline and data.find(b"\n", pos, j) != -1:
            newline = True
        pos = data.find(b'"', j + 1)
    return True, newline


def _utf16(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff"))


# --- the tokenizer ---------------------------------------------------------------------------------------

def parse_slow(data: bytes, name: str) -> Parsed:
    """What `parse` gives, read by the tokenizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return _slow(data, _delimiter_of(data), name)


def _slow(data: bytes, delim: str, name: str) -> Parsed:
    import polars as pl

    try:
        text = decode(data, name, allow_nul=True)
    except TextFileError as err:
        return Parsed([], ok=False, errors=[err.error], reader="tokenizer")
    records, error = tokenize(text, delim, name)
    errors = [error] if error else []
    if not records:
        return Parsed([""], ok=error is None, errors=errors, reader="tokenizer")
    header = [h.strip(WHITESPACE) for h in records[0][1]]
    width = len(header)
    rows = records[1:]
    columns: list[list[str]] = [[] for _ in range(width)]
    lines: list[int] = []
    for line, cells in rows:
        if len(cells) > width:
            errors.append(RowError(name, line, width + 1, "too-many-fields",
                                   f"{len(cells)} fields for {width} columns / kolom berlebih"))
            cells = cells[:width]
            lines.append(-line)  # kept for its ids, never as a row
        else:
            lines.append(line)
        for i in range(width):
            columns[i].append(cells[i] if i < len(cells) else "")
    frame = pl.DataFrame({f"c{i}": pl.Series(f"c{i}", col, pl.String) for i, col in enumerate(columns)})
    frame = frame.with_columns(pl.Series("_line", lines, pl.Int64))
    return Parsed(header, frame, ok=error is None, errors=errors, decimal_comma=delim == ";", reader="tokenizer")


def tokenize(text: str, delim: str, name: str) -> tuple[list[tuple[int, list[str]]], RowError | None]:
    """Records as (first line, cells) up to the first error, and that error (or None)."""
    quoted = re.compile(r'"([^"]*(?:""[^"]*)*)"', re.S)
    unquoted = re.compile(f"[^{re.escape(delim)}\r\n]*")
    records: list[tuple[int, list[str]]] = []
    pos, line, n = 0, 1, len(text)
    has_nul = "\x00" in text
    while pos < n:
        start_line, cells = line, []
        while True:
            field_no = len(cells) + 1
            if text.startswith('"', pos):
                m = quoted.match(text, pos)
                if m is None:
                    return records, RowError(name, line, field_no, "bad-csv",
                                             "quote opened here is never closed / tanda kutip tidak ditutup")
                raw = m.group(1)
                cell = raw.replace('""', '"')
                if has_nul and "\x00" in raw:
                    return records, _nul_error(name, text, pos + 1 + raw.index("\x00"), field_no)
                line += raw.count("\n")
                pos = m.end()
                if pos < n and text[pos] != delim and text[pos] != "\n" and not text.startswith("\r\n", pos):
                    return records, RowError(name, line, field_no, "bad-csv",
                                             "text after a closing quote / teks setelah tanda kutip penutup")
            else:
                m = unquoted.match(text, pos)
                cell = m.group()
                if has_nul and "\x00" in cell:
                    return records, _nul_error(name, text, pos + cell.index("\x00"), field_no)
                pos = m.end()
            cells.append(cell)
            if pos >= n:
                break
            c = text[pos]
            if c == delim:
                pos += 1
                continue
            if c == "\n":
                pos += 1
                line += 1
                break
            if text.startswith("\r\n", pos):
                pos += 2
                line += 1
                break
            return records, RowError(name, line, field_no, "bad-csv",
                                     "carriage return (CR) without line feed; save the file with LF or CRLF line"
                                     " ends / CR tanpa LF")
        records.append((start_line, cells))
    return records, None


def _nul_error(name: str, text: str, offset: int, field_no: int) -> RowError:
    line, col = position(text, offset)
    return RowError(name, line, field_no, "bad-csv", f"NUL byte (character {col} of the line); the file is not"
                                                     " plain text / ada byte NUL")
