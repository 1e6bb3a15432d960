"""Lampiran II per-unit matrix -> rows of units.csv, sk.csv, ikk.csv and komponen.csv.

`extract_lampiran2(lines)` returns rows keyed by the data/README.md columns; every row carries
`baris`. `parse_lampiran2(lines)` also returns what the layout left open (see `Lampiran2`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pohon.extract.errors import ExtractError
from pohon.extract.lampiran2_layout import YEARS, Record, best_years, money, split_figures
from pohon.extract.lampiran2_records import matrix_bounds, split_records
from pohon.extract.lampiran2_units import unit_for


SATUAN = ("Ruang Lingkup", "Perusahaan", "Persen", "Indeks", "Nilai")
_TARGET = r"N/A|-|\d+(?:[.,]\d+)?"
_TARGETS = re.compile(
    rf"(?:(?<=\s)|^)({'|'.join(SATUAN)}) ({_TARGET}) +({_TARGET}) +({_TARGET}) +({_TARGET})(?=\s|$)"
)
_CODE = re.compile(r"SK ?\.?(\d+)(?:\.(\d+))?")
_LETTER = re.compile(r"([A-Z]) *")


@dataclass
class Lampiran2:
    """Parsed rows plus, per komponen row index, the year assignments its spacing allows."""

    units: list[dict] = field(default_factory=list)
    sk: list[dict] = field(default_factory=list)
    ikk: list[dict] = field(default_factory=list)
    komponen: list[dict] = field(default_factory=list)
    options: dict[int, list[tuple[int, ...]]] = field(default_factory=dict)
    figures: dict[int, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    renumbered: dict[tuple[str, str], str] = field(default_factory=dict)

    def rows(self) -> dict[str, list[dict]]:
        return {"units": self.units, "sk": self.sk, "ikk": self.ikk, "komponen": self.komponen}


def _words(text: str) -> str:
    return " ".join(text.split())


def _target(text: str) -> str | None:
    if text in ("-", "N/A", ""):
        return None
    return text.replace(",", ".") if re.fullmatch(r"\d+,\d+", text) else text


def _code(text: str) -> tuple[str, str]:
    match = _CODE.match(text)
    assert match is not None
    sk = f"SK.{match.group(1)}"
    return (f"{sk}.{match.group(2)}" if match.group(2) else sk), text[match.end():]


class _Parser:
    def __init__(self, file: str) -> None:
        self.file = file
        self.out = Lampiran2()
        self.unit: str | None = None
        self.sk: str | None = None
        self.ikk: str | None = None

    def error(self, record: Record, code: str, message: str) -> ExtractError:
        return ExtractError(self.file, record.baris, 1, code, message)

    def feed(self, record: Record) -> None:
        getattr(self, f"_{record.kind}")(record)

    def _unit(self, record: Record) -> None:
        tail = split_figures(record.text)
        nama = _words(tail.head)
        unit = unit_for(nama)
        if unit is None:
            raise self.error(record, "L2-UNIT", f"unknown unit header {nama!r}")
        if len(tail.figures) != 4:
            raise self.error(record, "L2-PAGU",
                             f"unit header {nama!r} has {len(tail.figures)} totals, expected 4")
        if any(row["kode"] == unit.kode for row in self.out.units):
            raise self.error(record, "L2-DUP", f"unit {unit.kode} appears twice")
        row = {"kode": unit.kode, "nama": nama, "tipe": unit.tipe}
        row.update({f"pagu_{y}": money(f) for y, f in zip(YEARS, tail.figures)})
        row.update({"kelompok": unit.kelompok, "baris": record.baris})
        self.out.units.append(row)
        self.unit, self.sk, self.ikk = unit.kode, None, None

    def _sk(self, record: Record) -> None:
        if self.unit is None or self.unit == "BSKJI":
            raise self.error(record, "L2-ORPHAN", "Sasaran Kegiatan before any unit header")
        sk, rest = _code(record.text)
        tail = split_figures(rest)
        if tail.figures:
            raise self.error(record, "L2-SK", f"{sk} carries figures {tail.figures}")
        self.out.sk.append({"unit": self.unit, "sk": sk, "nama": _words(rest),
                            "baris": record.baris})
        self.sk, self.ikk = sk, None

    def _ikk(self, record: Record) -> None:
        if self.sk is None:
            raise self.error(record, "L2-ORPHAN", "IKK before any Sasaran Kegiatan")
        ikk, rest = _code(record.text)
        sk = ikk.rsplit(".", 1)[0]
        taken = {row["ikk"] for row in self.out.ikk if row["unit"] == self.unit}
        if ikk in taken:
            # the same number twice under one SK: a typo; the later row takes the next free number
            number = int(ikk.rsplit(".", 1)[1])
            while f"{sk}.{number}" in taken:
                number += 1
            self.out.notes.append(
                f"{self.unit} {sk}.{number}: ditulis {ikk} (baris {record.baris}), nomor ganda; "
                f"dibaca {sk}.{number}")
            self.out.renumbered[(self.unit, f"{sk}.{number}")] = ikk
            ikk = f"{sk}.{number}"
        if sk != self.sk:
            self.out.notes.append(f"{record.baris}: {self.unit} {ikk} sits under {self.sk}")
        match = _TARGETS.search(rest)
        if match is None:
            raise self.error(record, "L2-TARGET",
                             f"{self.unit} {ikk}: no satuan followed by four targets")
        nama = _words(rest[: match.start()] + " " + rest[match.end():])
        row = {"unit": self.unit, "ikk": ikk, "sk": sk, "nama": nama, "satuan": match.group(1)}
        row.update({f"target_{y}": _target(match.group(i + 2)) for i, y in enumerate(YEARS)})
        row["baris"] = record.baris
        self.out.ikk.append(row)
        self.ikk = ikk

    def _komponen(self, record: Record) -> None:
        match = _LETTER.match(record.text)
        assert match is not None
        tail = split_figures(record.text[match.end():])
        nama = _words(tail.head)
        bintang = nama.endswith("*")
        nama = nama.rstrip("*").rstrip()
        options = best_years(tail.gaps, tail.trailing)
        values = [money(f) for f in tail.figures]
        row = {"unit": self.unit, "ikk": self.ikk, "komponen": match.group(1), "nama": nama}
        row.update(_place(values, options[0]))
        row.update({"bintang": int(bintang), "baris": record.baris})
        index = len(self.out.komponen)
        self.out.komponen.append(row)
        self.out.figures[index] = values
        if len(options) > 1:
            self.out.options[index] = options


def _place(values: list[float], years: tuple[int, ...]) -> dict:
    row = {f"anggaran_{y}": None for y in YEARS}
    for value, year in zip(values, years):
        row[f"anggaran_{YEARS[year]}"] = value
    return row


def parse_lampiran2(lines: list[str], file: str = "<source>") -> Lampiran2:
    start, end = matrix_bounds(lines, file)
    parser = _Parser(file)
    for record in split_records(lines, start, end):
        parser.feed(record)
    return parser.out


def extract_lampiran2(lines: list[str], file: str = "<source>") -> dict[str, list[dict]]:
    """Rows of units, sk, ikk and komponen from the Lampiran II per-unit matrix."""
    from pohon.extract.lampiran2_resolve import resolve

    parsed = parse_lampiran2(lines, file)
    resolve(parsed)
    return parsed.rows()
