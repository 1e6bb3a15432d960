"""Layout of the flattened Lampiran II matrix: page noise, records, and columns from spacing.

Each table row was written with every empty cell as one space and cells joined by one space.
Joining a record's lines with nothing between them therefore gives back the row's spacing: a run
of `n` spaces between two filled cells holds `(n - 1) / 2` empty cells, whether the cells sat on
one line or were broken over several (figures alone on their own lines, lines of blanks).

After a komponen's name the cells are: satuan, target 2021, Rp 2021, target 2022, Rp 2022, ...
so the first Rp figure of year y follows 5 + 4y spaces, and a figure of year b follows one of
year a after 3 + 4(b - a - 1) spaces.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

YEARS = (2021, 2022, 2023, 2024)

PAGE_HEADER = frozenset({
    "KODE",
    "KEGIATAN / SASARAN KEGIATAN",
    "/ INDIKATOR SASARAN",
    "KEGIATAN/KOMPONEN/",
    "SUBKOMPONEN",
    "SATUAN",
    "TARGET DAN PEMBIAYAAN",
    "2021 2022 2023 2024",
    "TARGET RP. JUTA TARGET RP. JUTA TARGET RP. JUTA TARGET RP. JUTA",
})
_FOOTER_NOTE = "*Anggaran kegiatan/aktivitas yang tidak diisi"
_FOOTER_PAGE = re.compile(r"Rencana Strategis BSKJI 2021-2024\s+\d+")

MONEY = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}|\d+(?:\.\d+)?"
_MONEY = re.compile(MONEY)
_BLANK = ("N/A", "-")  # written in a money cell: a cell that is there but holds no amount
_TOKEN = re.compile(r"(\s*)(\S+)")

UNIT_START = re.compile(
    r"(BADAN STANDARDISASI DAN KEBIJAKAN|SEKRETARIAT BSKJI|Pusat "
    r"|Balai (?:Besar )?Standardisasi dan Pelayanan Jasa)"
)
SK_START = re.compile(r"SK ?\.?(\d+)(?:\.(\d+))?(?=\s)")
KOMPONEN_START = re.compile(r"([A-Z]) +(?=\S|$)|([A-Z]) ?$")


def is_noise(line: str) -> bool:
    """A repeated page header line or a page footer line."""
    text = line.strip()
    return (
        text in PAGE_HEADER
        or text.startswith(_FOOTER_NOTE)
        or _FOOTER_PAGE.fullmatch(text) is not None
    )


@dataclass
class Record:
    """One table row: its kind (`unit`, `sk`, `ikk`, `komponen`), first line, and joined text."""

    kind: str
    baris: int
    text: str
    lines: list[int] = field(default_factory=list)


def money(text: str) -> float | None:
    """`1,851.36` -> 1851.36; a comma before one or two final digits is a decimal mark (`72,54`);
    `N/A` and `-` -> None."""
    if text in _BLANK:
        return None
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


@dataclass
class Tail:
    """A row's name words, its figures, the spaces before each figure, and the spaces after."""

    head: str
    figures: list[str]
    gaps: list[int]
    trailing: int


def split_figures(text: str) -> Tail:
    """Split a row's text into its name and its figures.

    A figure is a money token after at least three spaces; a number after one or two spaces is part of
    the name (`ISO 9001`, `17025: 2017`). The figures usually end the row, but a row broken by a
    page break goes on with the rest of its name after them; those words join the name.
    """
    words: list[str] = []
    figures: list[str] = []
    gaps: list[int] = []
    words_after = False
    for match in _TOKEN.finditer(text):
        spaces, token = match.group(1), match.group(2)
        if len(spaces) >= 3 and (_MONEY.fullmatch(token) or token in _BLANK):
            if words_after:
                raise LayoutError(f"figures on both sides of {token!r}'s words")
            figures.append(token)
            gaps.append(len(spaces))
        else:
            words_after = bool(figures)
            words.append(token)
    last = text.rstrip()
    trailing = len(text) - len(last) if figures and last.endswith(figures[-1]) else 0
    return Tail(" ".join(words), figures, gaps, trailing)


class LayoutError(ValueError):
    """A row whose figures cannot be read by position."""





def _cost(gaps: list[int], years: tuple[int, ...]) -> int:
    cost = abs(gaps[0] - (5 + 4 * years[0]))
    for gap, (a, b) in zip(gaps[1:], zip(years, years[1:])):
        cost += abs(gap - (3 + 4 * (b - a - 1)))
    return cost


def year_candidates(gaps: list[int]) -> list[tuple[tuple[int, ...], int]]:
    """Every assignment of the figures to years (indexes into YEARS), cheapest first.

    The cost of an assignment is how many spaces the row's spacing is off from it; 0 is a
    perfectly regular row.
    """
    options = [
        (years, _cost(gaps, years))
        for years in itertools.combinations(range(len(YEARS)), len(gaps))
    ]
    return sorted(options, key=lambda item: (item[1], item[0]))


def best_years(gaps: list[int], trailing: int = 0) -> list[tuple[int, ...]]:
    """The cheapest assignments; more than one means the spacing leaves the years ambiguous.

    Among equally cheap ones, the spaces after the last figure decide when they fit exactly one:
    a row ending in year y leaves 1 + 4(3 - y) spaces (the cells still to come, and the line end).
    """
    if not gaps:
        return [()]
    options = year_candidates(gaps)
    least = options[0][1]
    cheapest = [years for years, cost in options if cost == least]
    if len(cheapest) > 1 and trailing:
        fitting = [years for years in cheapest if trailing == 1 + 4 * (3 - years[-1])]
        if len(fitting) == 1:
            return fitting
    return cheapest
