"""Load a data/ folder into a validated Dataset, collecting every row error before raising."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from pohon import models as m
from pohon.csvsafe import unquote_cell
from pohon.errors import LoadError, RowError
from pohon.gcpause import paused
from pohon.numbers import parse_number, parse_target

_YEAR_COLUMN = re.compile(r"^(pagu|anggaran|target)_(\d{4})$")
_TRUE = {"1", "true", "ya", "y", "*"}
_FALSE = {"", "0", "false", "tidak", "n"}
_MARK_ON = {"o", "O", "x", "X"}


@dataclass(frozen=True)
class FileSpec:
    name: str
    model: type[BaseModel]
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    years: str | None = None  # the year-column prefix this file may carry
    key: tuple[str, ...] = ()
    mandatory: bool = True
    marks: bool = False


SPECS = (
    FileSpec("units.csv", m.UnitRow, ("kode", "nama", "tipe"), ("kelompok",), "pagu", ("kode",)),
    FileSpec("cascading.csv", m.CascadingRow, ("tujuan", "sp", "kode", "indikator"),
             ("perspektif", "satuan", "kategori", "catatan"), None, ("tujuan", "sp", "kode"), marks=True),
    FileSpec("sk.csv", m.SkRow, ("unit", "sk", "nama"), ("sp",), None, ("unit", "sk")),
    FileSpec("ikk.csv", m.IkkRow, ("unit", "ikk", "sk", "nama"), ("satuan", "ik", "catatan"), "target",
             ("unit", "ikk")),
    FileSpec("komponen.csv", m.KomponenRow, ("unit", "ikk", "komponen", "nama"), ("bintang",), "anggaran",
             ("unit", "ikk", "komponen")),
    FileSpec("sp.csv", m.SpRow, ("kode", "nama"), ("program", "ss"), None, ("kode",), mandatory=False),
    FileSpec("tujuan.csv", m.TujuanRow, ("kode", "nama"), ("satuan",), "target", ("kode",), mandatory=False),
    FileSpec("tabel10.csv", m.Tabel10Row, ("kelompok",), ("nama",), "pagu", ("kelompok",), mandatory=False),
    FileSpec("ik_target.csv", m.IkTargetRow, ("sumber", "indikator"),
             ("ik", "tujuan", "sp", "satuan", "unit_terkait"), "target", mandatory=False),
    FileSpec("pedoman.csv", m.PedomanRow, ("bagian", "kode"),
             ("indikator", "satuan", "klasifikasi", "penanggung_jawab"), "target", mandatory=False),
)
SPEC_BY_NAME = {s.name: s for s in SPECS}


@dataclass
class _Parsed:
    rows: list = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    ok: bool = True  # False when the file could not be read through (encoding, header, broken CSV)
    ids: set[tuple] = field(default_factory=set)  # the key of every data row, valid or not
    failed_tipes: set[str] = field(default_factory=set)  # units.csv: `tipe` of rows that failed validation


@paused
def load_dataset(data_dir: str | Path) -> m.Dataset:
    """Read every data/ file in `data_dir`. Raises LoadError listing all problems found."""
    root = Path(data_dir)
    errors: list[RowError] = []
    if not root.is_dir():
        raise LoadError([RowError(str(root), 0, 0, "missing-folder", "folder not found / folder tidak ada")])
    parsed: dict[str, _Parsed] = {}
    unit_types: set[str] | None = None  # None: units.csv unreadable, so cascading.csv's type columns go unchecked
    for spec in SPECS:
        path = root / spec.name
        if not path.exists():
            if spec.mandatory:
                errors.append(RowError(spec.name, 0, 0, "missing-file", f"{spec.name} is required / wajib ada"))
            continue
        parsed[spec.name] = _parse_file(path, spec, unit_types, errors)
        if spec.name == "units.csv" and parsed[spec.name].ok:
            unit_types = _mark_columns(parsed[spec.name].rows) | parsed[spec.name].failed_tipes
    _check_references(parsed, errors)
    if errors:
        raise LoadError(errors)
    return _dataset(root, parsed)


def _mark_columns(units: list[m.UnitRow]) -> set[str]:
    """Unit types that Lampiran IV marks: every tipe except the agency's own row (tipe == kode)."""
    agency = {u.tipe for u in units if u.tipe == u.kode and sum(v.tipe == u.tipe for v in units) == 1
              and u.kelompok.upper() == "TOTAL"}
    return {u.tipe for u in units} - agency


def _decode(path: Path, errors: list[RowError]) -> str | None:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        errors.append(RowError(path.name, line, col, "encoding", "not UTF-8 / bukan UTF-8"))
        return None


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _parse_file(path: Path, spec: FileSpec, unit_types: set[str] | None, errors: list[RowError]) -> _Parsed:
    out = _Parsed(ok=False)
    text = _decode(path, errors)
    if text is None:
        return out
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        errors.append(RowError(path.name, line, 1, "bad-csv", "NUL byte in file / ada byte NUL"))
        return out
    first = text.split("\n", 1)[0]
    delim = _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        errors.append(RowError(path.name, 1, 1, "bad-csv", str(exc)))
        return out
    if not header or not any(h.strip() for h in header):
        errors.append(RowError(path.name, 1, 1, "empty-file", "no header row / tidak ada baris judul"))
        return out
    header = [h.strip() for h in header]
    if not _check_header(path.name, header, spec, unit_types, out, errors):
        return out
    out.ok = True
    plan = _row_plan(header, spec)
    key_cols = [out.columns.get(k, 0) for k in spec.key]
    shared: dict = {}  # one model_fields_set per file and one copy of each repeated string (memory)
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(path.name, start, 1, "bad-csv", str(exc)))
            out.ok = False  # the rows after this one are unread: do not report references to them as unknown
            break
        line, start = start, reader.line_num + 1
        if not "".join(cells).strip():  # = not any(c.strip() for c in cells)
            continue
        n = len(cells)
        out.ids.add(tuple([shared.setdefault(v, v) for v in
                           (cells[c - 1].strip() if 0 < c <= n else "" for c in key_cols)]))
        row = _validate_row(path.name, line, header, cells, spec, delim == ";", out, errors, plan)
        if row is not None:
            _share(row, shared)
            out.rows.append(row)
            out.lines.append(line)
        elif spec.name == "units.csv":
            out.failed_tipes.add(_cell(cells, out.columns, "tipe"))
    return out


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    col = columns.get(name, 0)
    return cells[col - 1].strip() if 0 < col <= len(cells) else ""


def _check_header(file, header, spec, unit_types, out, errors) -> bool:
    known = set(spec.required) | set(spec.optional) | {"baris"}
    ok = True
    for col, name in enumerate(header, start=1):
        year = _YEAR_COLUMN.match(name)
        if name in out.columns:
            errors.append(RowError(file, 1, col, "duplicate-column",
                                   f"column '{name}' appears twice (also column {out.columns[name]})"))
            ok = False
        elif name in known or (spec.marks and (unit_types is None or name in unit_types)):
            pass
        elif year and year.group(1) == spec.years:
            out.years.add(int(year.group(2)))
        else:
            errors.append(RowError(file, 1, col, "unknown-column", f"unknown column '{name}' / kolom tidak dikenal"))
            ok = False
        out.columns.setdefault(name, col)
    for name in spec.required:
        if name not in out.columns:
            errors.append(RowError(file, 1, 1, "missing-column", f"missing column '{name}' / kolom wajib tidak ada"))
            ok = False
    return ok


_YEAR, _BARIS, _BINTANG, _MARK, _VALUE = range(5)


def _row_plan(header: list[str], spec: FileSpec) -> list[tuple]:
    """What each column of a row is, decided once per file: (col, name, kind, year, convert)."""
    plan = []
    for col, name in enumerate(header, start=1):
        year = _YEAR_COLUMN.match(name)
        if year:
            convert = parse_target if year.group(1) == "target" else parse_number
            plan.append((col, name, _YEAR, int(year.group(2)), convert))
        elif name == "baris":
            plan.append((col, name, _BARIS, None, None))
        elif name == "bintang":
            plan.append((col, name, _BINTANG, None, None))
        elif spec.marks and name not in SPEC_FIELDS[spec.name]:
            plan.append((col, name, _MARK, None, None))
        else:
            plan.append((col, name, _VALUE, None, None))
    return plan


def _share(row: BaseModel, shared: dict) -> None:
    """Let rows of one file share their model_fields_set and equal strings: same values, less memory.
    The fields set is the same for every row of a file: the keys _validate_row passes depend only on the
    header."""
    d = row.__dict__
    for k, v in d.items():
        if type(v) is str:
            d[k] = shared.setdefault(v, v)
    object.__setattr__(row, "__pydantic_fields_set__", shared.setdefault(_FIELDS_SET, row.__pydantic_fields_set__))


_FIELDS_SET = ("fields_set",)  # the key `_share` keeps a file's model_fields_set under


def _validate_row(file, line, header, cells, spec, decimal_comma, out, errors, plan=None):
    if len(cells) > len(header):
        errors.append(RowError(file, line, len(header) + 1, "too-many-fields",
                               f"{len(cells)} fields for {len(header)} columns / kolom berlebih"))
        return None
    values: dict = {}
    years: dict[int, object] = {}
    marks: dict[str, str] = {}
    failed = False
    n = len(cells)
    for col, name, kind, year, convert in plan or _row_plan(header, spec):
        raw = cells[col - 1] if col <= n else ""
        try:
            if kind == _VALUE:
                values[name] = unquote_cell(raw)
            elif kind == _YEAR:
                years[year] = convert(raw, decimal_comma)
            elif kind == _BARIS:
                values[name] = int(raw) if raw.strip() else None
            elif kind == _BINTANG:
                values[name] = _boolean(raw)
            else:
                marks[name] = _mark(raw)
        except ValueError:
            failed = True
            code = "bad-number" if (name == "baris" or _YEAR_COLUMN.match(name)) else "bad-value"
            errors.append(RowError(file, line, col, code, f"'{raw.strip()}' in column '{name}' is not valid"
                                                          f" / nilai tidak sah"))
    if spec.years:
        values[spec.years] = years  # the year-column prefix is the model field
    if spec.marks:
        values["marks"] = marks
    if failed:
        return None
    try:
        return spec.model.model_validate(values)
    except ValidationError as exc:
        for err in exc.errors():
            name = _column_of(err["loc"])
            errors.append(RowError(file, line, out.columns.get(name, 1), _code(err["type"]),
                                   f"column '{name}': {err['msg']}"))
        return None


SPEC_FIELDS = {s.name: set(s.required) | set(s.optional) | {"baris"} for s in SPECS}


def _boolean(raw: str) -> bool:
    s = raw.strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ValueError(raw)


def _mark(raw: str) -> str:
    s = raw.strip()
    if s in _MARK_ON:
        return "o"
    if s == "":
        return ""
    raise ValueError(raw)


def _column_of(loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] in ("pagu", "anggaran", "target"):
        return f"{loc[0]}_{loc[1]}"
    if len(loc) >= 2 and loc[0] == "marks":
        return str(loc[1])
    return str(loc[0]) if loc else "?"


def _code(pydantic_type: str) -> str:
    return "missing-value" if pydantic_type in ("string_too_short", "missing") else "bad-value"


def _check_references(parsed: dict[str, _Parsed], errors: list[RowError]) -> None:
    for spec in SPECS:
        p = parsed.get(spec.name)
        if p and spec.key:
            _check_duplicates(spec, p, errors)
    # Ids come from every row read, valid or not, and a file that could not be read through is not checked
    # against: the problem is reported once, where it is, not again on every row that names it.
    def ids(name: str) -> set | None:
        p = parsed.get(name)
        return {k if len(k) > 1 else k[0] for k in p.ids} if p is not None and p.ok else None

    units, sks, ikks = ids("units.csv"), ids("sk.csv"), ids("ikk.csv")
    for name in ("sk.csv", "ikk.csv", "komponen.csv"):
        p = parsed.get(name)
        if p is None:
            continue
        for row, line in zip(p.rows, p.lines):
            if units is not None and row.unit not in units:
                errors.append(RowError(name, line, p.columns["unit"], "unknown-unit",
                                       f"unit '{row.unit}' is not in units.csv / unit tidak dikenal"))
            elif name == "ikk.csv" and sks is not None and (row.unit, row.sk) not in sks:
                errors.append(RowError(name, line, p.columns["sk"], "unknown-sk",
                                       f"SK '{row.sk}' of unit '{row.unit}' is not in sk.csv"))
            elif name == "komponen.csv" and ikks is not None and (row.unit, row.ikk) not in ikks:
                errors.append(RowError(name, line, p.columns["ikk"], "unknown-ikk",
                                       f"IKK '{row.ikk}' of unit '{row.unit}' is not in ikk.csv"))


def _check_duplicates(spec: FileSpec, p: _Parsed, errors: list[RowError]) -> None:
    seen: dict[tuple, int] = {}
    for row, line in zip(p.rows, p.lines):
        key = tuple(getattr(row, k) for k in spec.key)
        if key in seen:
            ident = "/".join(key) if spec.name == "cascading.csv" else "|".join(key)
            errors.append(RowError(spec.name, line, p.columns[spec.key[-1]], "duplicate-id",
                                   f"'{ident}' already defined at line {seen[key]} / id ganda"))
        else:
            seen[key] = line


def _dataset(root: Path, parsed: dict[str, _Parsed]) -> m.Dataset:
    years = sorted(set().union(*(p.years for p in parsed.values())))
    units = parsed["units.csv"].rows
    agency = [u for u in units if u.kelompok.upper() == "TOTAL"]
    name = agency[0].nama if agency else root.resolve().name

    def rows(file: str) -> tuple:
        return tuple(parsed[file].rows) if file in parsed else ()

    return m.Dataset(name=name, years=tuple(years), cascading=rows("cascading.csv"), units=rows("units.csv"),
                     sk=rows("sk.csv"), ikk=rows("ikk.csv"), komponen=rows("komponen.csv"), sp=rows("sp.csv"),
                     tujuan=rows("tujuan.csv"), tabel10=rows("tabel10.csv"), ik_target=rows("ik_target.csv"),
                     pedoman=rows("pedoman.csv"))
