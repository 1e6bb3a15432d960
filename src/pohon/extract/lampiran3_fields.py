"""The text fields of a Lampiran III entry: Definisi, Sumber Data and Cara Menghitung.

The PDF's tables lost their grid: a label sits on its own line or beside its text, and a two-word label
may be split over two lines (`Sumber` / `Data:`, `Cara` / `Menghitung:`). Formulas were set in a math font
whose glyphs did not survive the conversion to text (`!"#$#%&'('#<TAB>*1`, `RP3DN = @ABCDE`); such a
formula is replaced by UNREADABLE and the entry's `catatan` says where it was, rather than keeping garbage.
"""
from __future__ import annotations

import re

UNREADABLE = "[rumus tidak terbaca di teks sumber]"
FIELDS = ("definisi", "sumber_data", "cara_menghitung")
_NAMES = {"definisi": "Definisi", "sumber_data": "Sumber Data", "cara_menghitung": "Cara Menghitung"}
# (field, the label on one line, the label's first word alone on its line, the second word's line)
_LABELS = (
    ("definisi", re.compile(r"^\s*Definisi:\s*(.*)$"), None, None),
    ("sumber_data", re.compile(r"^\s*Sumber\s+Data:\s*(.*)$"), re.compile(r"^\s*Sumber\s*$"),
     re.compile(r"^\s*Data:\s*(.*)$")),
    ("cara_menghitung", re.compile(r"^\s*Cara\s+Menghitung:\s*(.*)$"), re.compile(r"^\s*Cara\s*$"),
     re.compile(r"^\s*Menghitung:\s*(.*)$")),
)
# Characters prose never uses here but the lost math font produces; a tab only appears inside formulas.
_GLYPH = re.compile(r"[!\"#$'<>?@\[\]\\^_`{|}~\tℎ]")
_WORD = re.compile(r"^[A-Za-z(]?[a-z]{3,}")


def read_fields(lines: list[str], start: int, end: int) -> tuple[dict, list[str]]:
    """The three fields from `lines[start:end]` (Definisi's line up to the Satuan line), and notes on what
    could not be read: a field whose label is absent, a formula whose glyphs were lost."""
    found: dict[str, tuple[int, list[str]]] = {}
    current = None
    i = start
    while i < end:
        label = _label(lines, i, end)
        if label:
            current, text, at = label
            found[current] = (at + 1, [text])
            i = at + 1
            continue
        if current:
            found[current][1].append(lines[i])
        i += 1
    fields, notes = {}, []
    for name in FIELDS:
        if name not in found:
            fields[name] = None
            notes.append(f"tidak ada {_NAMES[name]} di teks sumber")
            continue
        first, body = found[name]
        if name == "cara_menghitung":
            body, lost = mark_formulas(body, first)
            notes += [f"{_NAMES[name]}: rumus tidak terbaca di teks sumber (baris {_span(a, b)})" for a, b in lost]
        fields[name] = join_lines(body) or None
        if fields[name] is None:
            notes.append(f"{_NAMES[name]} kosong di teks sumber")
    return fields, notes


def _label(lines: list[str], i: int, end: int) -> tuple[str, str, int] | None:
    """(field, the text after the label, the index of the line holding that text) when a label starts at
    line i."""
    for name, one_line, first_word, second_word in _LABELS:
        m = one_line.match(lines[i])
        if m:
            return name, m.group(1), i
        if first_word and first_word.match(lines[i]):
            j = i + 1
            while j < end and not lines[j].strip():
                j += 1
            m = second_word.match(lines[j]) if j < end else None
            if m:
                return name, m.group(1), j
    return None


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}–{b}"


def mark_formulas(body: list[str], first_line: int) -> tuple[list[str], list[tuple[int, int]]]:
    """`body` (the lines from source line `first_line` on, the label's own text first) with every run of
    garbled formula lines made one UNREADABLE, and the source lines (1-based, first..last) of each run.

    A line is garbled when it holds a glyph character; a line that is not prose (fewer than two words) after
    a garbled one, across blank lines, belongs to the same formula (`FGHABCDE`, `d`, `f − d`). The
    words before a formula are kept (`rumus: RP3DN =`)."""
    garbled = [bool(_GLYPH.search(line)) for line in body]
    last = None  # whether the last non-blank line was garbled
    for k, line in enumerate(body):
        if not line.strip():
            continue
        if not garbled[k] and last and not _prose(line):
            garbled[k] = True
        last = garbled[k]
    out: list[str] = []
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(body):
        if not garbled[k]:
            out.append(body[k])
            k += 1
            continue
        kept = _readable_head(body[k])
        last = k
        j = k + 1
        while j < len(body) and (garbled[j] or not body[j].strip()):
            if garbled[j]:
                last = j
            j += 1
        out.append(f"{kept} {UNREADABLE}".strip())
        runs.append((first_line + k, first_line + last))
        k = last + 1
    return out, runs


def _readable_head(line: str) -> str:
    """What a garbled line says before its formula: `rumus: RP3DN =` of `rumus: RP3DN = @ABCDE`."""
    head = _GLYPH.split(line, maxsplit=1)[0]
    if "=" in head:
        return " ".join(head[:head.rindex("=") + 1].split())
    return " ".join(head.split()) if _prose(head) else ""


def _prose(line: str) -> bool:
    return sum(1 for t in line.split() if _WORD.match(t)) >= 2


def join_lines(body: list[str]) -> str:
    """Wrapped lines as one text: single spaces, a word broken at a hyphen (`indikator-` / `indikator`) kept
    whole."""
    out = ""
    for line in body:
        text = " ".join(line.split())
        if not text:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[0].isalpha():
            out += text
        else:
            out = f"{out} {text}" if out else text
    return out
