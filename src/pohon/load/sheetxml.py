"""What a workbook's XML says that the values of its cells do not: the formulas that hold no stored value, and
whether the sheet's first cell is A1 (pohon.load.workbook's fast reader starts its grid at the first cell).

A sheet's XML is searched once for `f>`, which ends every formula element that holds a formula (`</f>`,
`</x:f>`; a shared formula's `<f t="shared" si="0"/>` cells always come with the group's first cell, which
holds it): one bytes.find over the sheet, ~0.06 s for the 69 MB of the 100k-komponen workbook (the
inflating costs ~0.15 s; regular expressions over every sheet took 0.45 s in all). The cell-by-cell
regular expressions run only on the sheets where the search finds something.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pohon.errors import column_number

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_F = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_V = re.compile(rb"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")
_FORMULA_END = b"f>"


@dataclass
class SheetFacts:
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, "=…") with no stored value
    starts_at_a1: bool = True  # the sheet's first cell is A1 and holds a value
    decimals: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, column) -> decimals its format shows


class WorkbookXml:
    """The sheets of an .xlsx: sheet name -> zip member."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            book = ET.fromstring(z.read("xl/workbook.xml"))
            rels = {r.get("Id"): r.get("Target", "")
                    for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", _NS)}
            self.members = {s.get("name"): _member(rels.get(s.get(f"{{{_NS['r']}}}id"), ""))
                            for s in book.findall("m:sheets/m:sheet", _NS)}
            try:
                self.fixed = _fixed_decimal_styles(ET.fromstring(z.read("xl/styles.xml")))
            except (KeyError, ET.ParseError):
                self.fixed = {}

    def size(self, sheet: str) -> int:
        with zipfile.ZipFile(self.path) as z:
            try:
                return z.getinfo(self.members.get(sheet, "")).file_size
            except KeyError:
                return 0

    def facts(self, sheet: str, decimals: bool = False) -> SheetFacts:
        """`decimals`: also the number cells whose format shows a fixed number of decimals (`0.00`)."""
        with zipfile.ZipFile(self.path) as z:
            try:
                xml = z.read(self.members.get(sheet, ""))
            except KeyError:
                return SheetFacts(starts_at_a1=False)
        formulas = _formulas_without_value(xml) if xml.find(_FORMULA_END) >= 0 else []
        shown = _cells_with_style(xml, self.fixed) if decimals and self.fixed else {}
        return SheetFacts(formulas, _starts_at_a1(xml), shown)


def _starts_at_a1(xml: bytes) -> bool:
    """The sheet's first cell is A1 and holds a value."""
    start = xml.find(b"sheetData")
    first = _CELL.search(xml, start) if start >= 0 else None
    return bool(first and re.search(rb'\br="A1"', first.group(1)) and first.group(2)
                and _VALUE.search(first.group(2)))


def _member(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _formulas_without_value(xml: bytes) -> list[tuple[int, int, str]]:
    found = []
    for attrs, body in _CELL.findall(xml):
        if not body or not _F.search(body):
            continue
        value = _V.search(body)
        if value and value.group(1).strip():
            continue
        ref = _REF.search(attrs)
        if ref:
            f = _F.search(body).group(1) or b""
            found.append((int(ref.group(2)), column_number(ref.group(1).decode()),
                          "=" + html.unescape(f.decode("utf-8", "replace"))))
    return found


_BUILTIN_FORMATS = {2: "0.00", 4: "#,##0.00"}
_DECIMALS = re.compile(r"0\.(0+)")
_TEXT_CELL = re.compile(rb'\bt="(?:s|str|inlineStr|b|e)"')
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s")


def _fixed_decimal_styles(styles: ET.Element) -> dict[int, int]:
    """Cell style index -> the decimals its number format shows (`0.00`, `#,##0.0`), for the styles that show
    the number itself with fixed decimals (not `0.00%` or `0.00E+00`)."""
    codes = {int(f.get("numFmtId", -1)): f.get("formatCode", "") for f in styles.findall("m:numFmts/m:numFmt", _NS)}
    out = {}
    for i, xf in enumerate(styles.findall("m:cellXfs/m:xf", _NS)):
        fmt_id = int(xf.get("numFmtId", 0))
        code = codes.get(fmt_id, _BUILTIN_FORMATS.get(fmt_id, ""))
        plain = re.sub(r'"[^"]*"|\[[^]]*\]', "", code.split(";")[0])
        found = _DECIMALS.search(plain)
        if found and not re.search(r"[%Ee]", plain):  # a percentage or exponent shows another number
            out[i] = len(found.group(1))
    return out


def _cells_with_style(xml: bytes, styles: dict[int, int]) -> dict[tuple[int, int], int]:
    """(row, column) -> decimals of the number cells that carry one of `styles` (one bytes.find a style)."""
    found = {}
    for style, dp in styles.items():
        needle = b' s="%d"' % style
        at = xml.find(needle)
        while at >= 0:
            start = xml.rfind(b"<", 0, at)
            end = xml.find(b">", at)
            tag = xml[start:end]
            if _CELL_TAG.match(tag) and not _TEXT_CELL.search(tag):
                ref = _REF.search(tag)
                if ref:
                    found[(int(ref.group(2)), column_number(ref.group(1).decode()))] = dp
            at = xml.find(needle, at + 1)
    return found
