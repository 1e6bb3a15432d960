"""The data/ format, declared once: tables, columns, kinds, keys and references.

The loader (pohon.load), the extractor's writers, the `pohon init` templates, the workbook sheets, the
columnar dtypes and the column tables of data/README.md (checked by tests/test_schema.py) all derive from
`TABLES`. A column's `kind` says how its cells are read:

- `code`   an identifier (no `:`, which separates the parts of a node id); stripped
- `text`   free text; stripped, a leading `'` that guarded a formula removed (see pohon.csvsafe)
- `money`  an amount in Rp juta: a number in any style of pohon.numbers, finite, ≥ 0, |x| ≤ MAX_AMOUNT
- `target` a number, a percentage when the row's satuan is one (`7%`), or a text target (`BB`)
- `flag`   `1`/`0` (also `true`/`false`, `ya`/`tidak`, `y`/`n`, `*`)
- `mark`   `o` where the matrix marks the column (also `O`, `x`, `X`), else empty
- `line`   a source line number (`baris`): a whole number or empty
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_AMOUNT = 1e12  # Rp juta: a thousand times a year of the whole national budget, so a typo, not money
# Unicode White_Space: what polars' str.strip_chars() removes; Python's str.strip() also removes U+001C–U+001F,
# so pohon strips with this set on the Python side too.
WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u2028\u2029\u202f\u205f\u3000"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"
    required: bool = False  # the header must have it, and every row must fill it
    pattern: str | None = None  # a required shape (`^T\d+$`)
    doc: str = ""


@dataclass(frozen=True)
class Years:
    """A run of year columns `<prefix>_<YYYY>` (as many years as the Renstra period has)."""

    prefix: str
    kind: str  # money | target
    doc: str = ""

    @property
    def name(self) -> str:
        return f"{self.prefix}_*"

    def column(self, year: int) -> str:
        return f"{self.prefix}_{year}"


@dataclass(frozen=True)
class Marks:
    """One `mark` column per unit type of units.csv (the Lampiran IV matrix's unit columns)."""

    doc: str = ""
    name: str = "<tipe>"


@dataclass(frozen=True)
class Ref:
    """Every row's `columns` must name a row of `table` (whose key they match), else error `code`."""

    columns: tuple[str, ...]
    table: str
    code: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column | Years | Marks, ...]
    key: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()
    mandatory: bool = True
    key_sep: str = "|"  # how the key is written in overrides.csv and messages
    doc: str = ""
    locator: tuple[str, ...] = ()  # how overrides.csv names a row of a table with no unique key

    @property
    def row_locator(self) -> tuple[str, ...]:
        """The columns whose values, joined by `key_sep`, name one row in overrides.csv."""
        return self.key or self.locator

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def plain(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if isinstance(c, Column))

    @property
    def years(self) -> Years | None:
        return next((c for c in self.columns if isinstance(c, Years)), None)

    @property
    def marks(self) -> bool:
        return any(isinstance(c, Marks) for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.plain if c.required)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.plain if c.name == name), None)

    def header(self, years: tuple[int, ...], unit_types: tuple[str, ...] = ()) -> list[str]:
        """The file's columns in their written order for a Renstra period (and Lampiran IV unit types)."""
        out: list[str] = []
        for c in self.columns:
            if isinstance(c, Years):
                out += [c.column(y) for y in years]
            elif isinstance(c, Marks):
                out += list(unit_types)
            else:
                out.append(c.name)
        return out

    def key_text(self, values) -> str:
        return self.key_sep.join("" if v is None else str(v) for v in values)


def _c(name, kind="text", required=False, pattern=None, doc=""):
    return Column(name, kind, required, pattern, doc)


BARIS = _c("baris", "line", doc="source line of the row in the Renstra text")
TUJUAN_CODE = r"^T\d+$"
SP_CODE = r"^SP\d+$"

TABLES: tuple[Table, ...] = (
    Table("units", (
        _c("kode", "code", True, doc="unit code"),
        _c("nama", "text", True, doc="full name as in the Lampiran II header"),
        _c("tipe", "code", True, doc="the Lampiran IV column the unit belongs to; the agency: its own code"),
        Years("pagu", "money", "the unit total printed in its Lampiran II header, Rp juta"),
        _c("kelompok", "code", doc="the Tabel 10 row the unit is counted in; the agency's own row: TOTAL"),
        BARIS), key=("kode",), doc="Tabel 8 and the Lampiran II unit headers"),
    Table("cascading", (
        _c("perspektif", doc="the matrix's row group"),
        _c("tujuan", "code", True, TUJUAN_CODE, doc="T1…T4"),
        _c("sp", "code", True, SP_CODE, doc="SP1…SP9"),
        _c("kode", "code", True, doc="a…j"),
        _c("indikator", "text", True, doc="indicator name as written"),
        _c("satuan", doc="unit of measure as written"),
        Marks("o where the matrix marks that unit type"),
        _c("kategori", doc="UKE-1 or UKE-2"),
        _c("catatan", doc="what was ambiguous in the flattened text and how it was decided"),
        BARIS), key=("tujuan", "sp", "kode"), key_sep="/", doc="Lampiran IV Matriks Cascading"),
    Table("sk", (
        _c("unit", "code", True, doc="units.csv kode"),
        _c("sk", "code", True, doc="SK number as written"),
        _c("nama", "text", True, doc="the Sasaran Kegiatan"),
        _c("sp", "code", doc="the SP whose name the SK carries"),
        BARIS), key=("unit", "sk"), refs=(Ref(("unit",), "units", "unknown-unit"),),
        doc="Lampiran II Sasaran Kegiatan per unit"),
    Table("ikk", (
        _c("unit", "code", True, doc="units.csv kode"),
        _c("ikk", "code", True, doc="number as written"),
        _c("sk", "code", True, doc="the SK it sits under"),
        _c("nama", "text", True, doc="as written"),
        _c("satuan", doc="as written"),
        Years("target", "target", "as written"),
        _c("ik", "code", doc="the Lampiran IV indicator it cascades to, blank when none"),
        _c("catatan", doc="why that ik (or why none fits)"),
        BARIS), key=("unit", "ikk"),
        refs=(Ref(("unit",), "units", "unknown-unit"), Ref(("unit", "sk"), "sk", "unknown-sk")),
        doc="Lampiran II Indikator Kinerja Kegiatan per unit"),
    Table("komponen", (
        _c("unit", "code", True, doc="units.csv kode"),
        _c("ikk", "code", True, doc="ikk.csv ikk"),
        _c("komponen", "code", True, doc="the letter as written"),
        _c("nama", "text", True, doc="name as written, without the *"),
        Years("anggaran", "money", "Rp juta; blank when the cell is empty"),
        _c("bintang", "flag", doc="1 when the name carries the * mark"),
        BARIS), key=("unit", "ikk", "komponen"),
        refs=(Ref(("unit",), "units", "unknown-unit"), Ref(("unit", "ikk"), "ikk", "unknown-ikk")),
        doc="Lampiran II komponen per IKK"),
    Table("sp", (
        _c("kode", "code", True, SP_CODE, doc="SP1…SP9"),
        _c("nama", "text", True, doc="SP name"),
        _c("program", doc="the program the SP belongs to"),
        _c("ss", doc="the Kemenperin Sasaran Strategis the SP adopts (its name)"),
        BARIS), key=("kode",), mandatory=False, doc="Sasaran Program"),
    Table("tujuan", (
        _c("kode", "code", True, TUJUAN_CODE, doc="T1…T4"),
        _c("nama", "text", True, doc="the Tujuan"),
        _c("satuan", doc="unit of measure"),
        Years("target", "target", "Tabel 2 targets"),
        BARIS), key=("kode",), mandatory=False, doc="Tujuan with their Tabel 2 targets"),
    Table("tabel10", (
        _c("kelompok", "code", True, doc="the Tabel 10 row"),
        _c("nama", doc="the row label as written"),
        Years("pagu", "money", "Rp juta"),
        BARIS), key=("kelompok",), mandatory=False, doc="Tabel 10 Kebutuhan Pendanaan"),
    Table("ik_target", (
        _c("sumber", "code", True, doc="tabel2 or lampiran2"),
        _c("ik", "code", doc="the Lampiran IV id it is, blank when none"),
        _c("tujuan", "code", doc="as printed"),
        _c("sp", "code", doc="as printed"),
        _c("indikator", "text", True, doc="as written"),
        _c("satuan", doc="as written"),
        Years("target", "target", "as written"),
        _c("unit_terkait", doc="Lampiran II Unit Terkait as written"),
        BARIS), mandatory=False, locator=("sumber", "baris"),
        doc="BSKJI-level IK targets: Tabel 2 and the Lampiran II program table"),
    Table("pedoman", (
        _c("bagian", "code", True, doc="the Lampiran III section's unit"),
        _c("kode", "code", True, doc="the code as written"),
        _c("indikator", doc="the indicator name as written"),
        _c("satuan", doc="as written"),
        _c("klasifikasi", doc="Maksimasi or Minimasi"),
        Years("target", "target", "as written"),
        _c("penanggung_jawab", doc="as written"),
        _c("definisi", doc="Definisi as written"),
        _c("sumber_data", doc="Sumber Data as written"),
        _c("cara_menghitung",
           doc="Cara Menghitung as written; a formula lost in the text: [rumus tidak terbaca di teks sumber]"),
        _c("catatan", doc="what the source text does not give for this entry, and where"),
        BARIS), mandatory=False, locator=("bagian", "kode"), doc="Lampiran III Pedoman Kinerja, per unit section"),
)

BY_NAME = {t.name: t for t in TABLES}
BY_FILE = {t.file: t for t in TABLES}
YEAR_COLUMN = re.compile(r"^([a-z_]+)_(\d{4})$")
PERCENT_SATUAN = re.compile(r"^\s*(%|persen\b|persentase\b|percent)", re.IGNORECASE)


def is_percent_satuan(satuan: str) -> bool:
    return bool(PERCENT_SATUAN.match(satuan or ""))
