"""One data/ file: header against the schema, every column read by its kind, the rows that read kept."""
from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from pohon.errors import RowError
from pohon.load import cells
from pohon.load.cells import strip
from pohon.load.csvparse import Parsed, Refused
from pohon.nodes import AGENCY_KELOMPOK, SEP
from pohon.schema import PERCENT_SATUAN, YEAR_COLUMN, Table, Years

MATERIALISED = 200  # error rows turned into RowError per column; the rest are only counted


@dataclass
class FileResult:
    table: Table
    frame: pl.DataFrame | None = None  # the rows that read, typed (see pohon.dataset)
    ids: pl.DataFrame | None = None  # key columns of every row read, valid or not (for references)
    errors: list[RowError] = field(default_factory=list)
    ok: bool = False  # read through (a row's cell errors do not make it False; a broken file does)
    columns: dict[str, int] = field(default_factory=dict)  # header name -> 1-based column
    years: set[int] = field(default_factory=set)
    marks: list[str] = field(default_factory=list)
    unit_types: set[str] = field(default_factory=set)  # units.csv: the types cascading.csv may mark
    failed: pl.DataFrame | None = None  # rows that did not read (line and raw key cells)


def year_dtypes(years: Years, year: int) -> list[tuple[str, object]]:
    name = years.column(year)
    if years.kind == "target":
        return [(name, pl.Float64), (f"{name}_text", pl.String), (f"{name}_dp", pl.Int8)]
    return [(name, pl.Float64)]


_DTYPES = {"text": pl.String, "code": pl.String, "flag": pl.Boolean, "line": pl.Int64}
_DEFAULTS = {"text": "", "code": "", "flag": False, "line": None}


def empty_frame(table: Table, years, marks) -> pl.DataFrame:
    schema = {c.name: _DTYPES[c.kind] for c in table.plain}
    if table.years:
        for y in years:
            schema.update(dict(year_dtypes(table.years, y)))
    schema.update({m: pl.Boolean for m in marks})
    schema["_line"] = pl.Int64
    return pl.DataFrame(schema=schema)


def read_table(parsed: Parsed, table: Table, unit_types: set[str] | None) -> FileResult:
    """One file's header and cells (pohon.load.csvparse, or a workbook sheet) read against its table."""
    try:
        return _read(parsed, table, unit_types)
    except Refused:  # polars refused a slice: the tokenizer reads the file and says where and why
        return _read(parsed.slow(), table, unit_types)


def _read(parsed: Parsed, table: Table, unit_types: set[str] | None) -> FileResult:
    out = FileResult(table)
    out.errors += parsed.errors
    if parsed.frames() is None and not parsed.errors and parsed.header == [""]:
        out.errors.append(RowError(table.file, 1, 1, "empty-file", "no header row / tidak ada baris judul"))
        return out
    if not any(parsed.header):
        if not parsed.errors:
            out.errors.append(RowError(table.file, 1, 1, "empty-file", "no header row / tidak ada baris judul"))
        return out
    if not _check_header(table, parsed.header, unit_types, out):
        return out
    out.ok = parsed.ok
    frames = parsed.frames()
    if frames is not None:
        _read_rows(frames, table, parsed.decimal_comma, out)
    return out


def _check_header(table: Table, header: list[str], unit_types: set[str] | None, out: FileResult) -> bool:
    known = {c.name for c in table.plain}
    prefix = table.years.prefix if table.years else None
    ok = True
    for col, name in enumerate(header, start=1):
        year = YEAR_COLUMN.match(name)
        if name in out.columns:
            out.errors.append(RowError(table.file, 1, col, "duplicate-column",
                                       f"column '{name}' appears twice (also column {out.columns[name]})"))
            ok = False
        elif name in known:
            pass
        elif year and year.group(1) == prefix:
            out.years.add(int(year.group(2)))
        elif table.marks and name and (unit_types is None or name in unit_types):  # a nameless column is no unit type
            out.marks.append(name)
        else:
            out.errors.append(RowError(table.file, 1, col, "unknown-column",
                                       f"unknown column '{name}' / kolom tidak dikenal"))
            ok = False
        out.columns.setdefault(name, col)
    for name in table.required:
        if name not in out.columns:
            out.errors.append(RowError(table.file, 1, 1, "missing-column",
                                       f"missing column '{name}' / kolom wajib tidak ada"))
            ok = False
    return ok


@dataclass
class _Check:
    """A mask column of the typed frame marking wrong cells of data column `name`: its error code, the
    message (raw or typed cell, column name) -> text, and the column the message quotes."""

    mask: str
    name: str
    code: str
    message: object
    quote: str


def _read_rows(frames, table: Table, decimal_comma: bool, out: FileResult) -> None:
    """Every column by its kind in one pass; then the rare number cells, the text rules on the rows whose
    cells read, and the messages of the cells that are wrong (only when some are). `frames` are the file's
    slices: each is typed and its strings dropped before the next is read; the wrong cells of every slice
    are kept (with the columns their messages quote) for the messages."""

    def raw(name: str) -> pl.Expr:
        col = out.columns.get(name)
        return pl.col(f"c{col - 1}") if col else pl.lit("", pl.String)

    def present(name: str) -> bool:
        return name in out.columns

    years = sorted(out.years)
    year_cols = [table.years.column(y) for y in years] if table.years else []
    target = bool(table.years) and table.years.kind == "target"
    exprs: list[pl.Expr] = []
    conversion: list[_Check] = []
    rare_cols: list[tuple[str, str]] = []  # (column, number | line)

    def converted(name: str, value: pl.Expr, mask: pl.Expr, kind: str, source: pl.Expr | None = None):
        exprs.extend([value.alias(name), mask.alias(f"_{kind}:{name}"), (raw(name) if source is None else source)
                      .alias(f"_src:{name}")])

    for c in table.plain:
        if c.kind in ("text", "code"):
            exprs.append(cells.text(raw(c.name)).alias(c.name))
        elif not present(c.name):
            exprs.append((pl.lit(False) if c.kind == "flag" else pl.lit(None, pl.Int64)).alias(c.name))
        elif c.kind == "flag":
            converted(c.name, *cells.flag(raw(c.name)), "bad")
            conversion.append(_Check(f"_bad:{c.name}", c.name, "bad-value", cells.not_valid, f"_src:{c.name}"))
        else:
            converted(c.name, *cells.line(raw(c.name)), "rare")
            rare_cols.append((c.name, "line"))
    for n in year_cols:
        source = cells.target_number_raw(raw(n)) if target else raw(n)
        converted(n, *cells.first_number(source, decimal_comma), "rare", source)
        if target:
            exprs += [cells.is_percent(raw(n)).alias(f"_pct:{n}"), pl.lit(None, pl.String).alias(f"{n}_text"),
                      raw(n).alias(f"_cell:{n}")]
        rare_cols.append((n, "number"))
    for m in out.marks:
        converted(m, *cells.mark(raw(m)), "bad")
        conversion.append(_Check(f"_bad:{m}", m, "bad-value", cells.not_valid, f"_src:{m}"))
    if target:
        exprs.append(cells.text(raw("satuan")).str.contains("(?i)" + PERCENT_SATUAN.pattern).alias("_pct_ok"))
    if table.name == "units":  # a unit row that fails still names a type cascading.csv may mark
        exprs.append(cells.strip(raw("tipe")).alias("_tipe_raw"))
    exprs += [pl.col("_line").abs(), (pl.col("_line") < 0).alias("_extra")]
    conversion += [_rare_check(n, kind, target) for n, kind in rare_cols]
    after = []
    for n in year_cols:
        quote = f"_cell:{n}" if target else f"_src:{n}"
        after.append(cells.too_big(pl.col(n)).alias(f"_big:{n}"))
        conversion.append(_Check(f"_big:{n}", n, "bad-number", cells.MESSAGES["too-big"], quote))
        if target:
            after.append(cells.decimals_shown(pl.col(f"_src:{n}"), pl.col(n)).alias(f"{n}_dp"))
            after.append((pl.col(f"_pct:{n}") & ~pl.col("_pct_ok")).alias(f"_pctbad:{n}"))
            conversion.append(_Check(f"_pctbad:{n}", n, "bad-target", cells.MESSAGES["percent"], quote))
        else:
            after.append((pl.col(n) < 0).fill_null(False).alias(f"_neg:{n}"))
            conversion.append(_Check(f"_neg:{n}", n, "negative-amount", cells.MESSAGES["negative"], quote))
    validation = _text_checks(table, present)
    checks = conversion + [c for c, _ in validation]
    names = [c.name for c in table.plain]
    for y in years:
        names += [n for n, _ in year_dtypes(table.years, y)]
    names += out.marks
    kept = [*names, "_line", "_bad_row", *(["_tipe_raw"] if table.name == "units" else [])]
    wrong = list(dict.fromkeys(["_line", *(c.mask for c in checks), *(c.quote for c in checks)]))

    def typed_rows(frame: pl.DataFrame) -> pl.DataFrame:
        typed = _drop_blank(frame).lazy().select(exprs).collect()
        typed = _patch_rare(typed, rare_cols, decimal_comma, target)
        plan = typed.lazy()
        if after:
            plan = plan.with_columns(after)
        if target:  # a refused percentage has no value
            plan = plan.with_columns(pl.when(pl.col(f"_pctbad:{n}")).then(None).otherwise(pl.col(n)).alias(n)
                                     for n in year_cols)
        failed = pl.any_horizontal([pl.col(c.mask) for c in conversion] + [pl.col("_extra")])
        plan = plan.with_columns(failed.alias("_failed"))
        if validation:
            plan = plan.with_columns((mask & ~pl.col("_failed")).alias(c.mask) for c, mask in validation)
        return plan.with_columns(pl.any_horizontal([pl.col("_failed")] + [pl.col(c.mask) for c, _ in validation])
                                 .alias("_bad_row")).collect()

    parts, bad_parts = [], []
    for frame in frames:
        typed = typed_rows(frame)
        del frame
        if typed["_bad_row"].any():
            bad_parts.append(typed.filter(pl.col("_bad_row")).select(wrong))
        parts.append(_columns(typed, kept))
        del typed
    typed = parts[0] if len(parts) == 1 else _contiguous(parts)
    del parts
    if bad_parts:
        _errors(out, table.file, pl.concat(bad_parts), checks)
    good = ~pl.col("_bad_row")
    out.ids = _columns(typed, list(table.key)) if table.key else None
    if table.name == "units":
        non_agency = pl.col("kelompok").str.to_uppercase() != AGENCY_KELOMPOK
        out.unit_types = set(typed.filter(good & non_agency)["tipe"].to_list()) | \
            set(typed.filter(~good)["_tipe_raw"].to_list())
    out.frame = _columns(typed, [*names, "_line"])
    if bad_parts:
        out.frame = out.frame.filter(~typed["_bad_row"])


def _contiguous(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The slices' frames as one, each column in one buffer (the rules' joins and group-bys on a column of
    many chunks copy it each time), made a column at a time: `parts` is emptied as it goes."""
    columns = pl.concat(parts, rechunk=False).get_columns()
    parts.clear()
    for i in range(len(columns)):
        columns[i] = columns[i].rechunk()
    return pl.DataFrame(columns)


def _columns(frame: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """Some columns of `frame`, sharing their buffers (an eager select may copy string columns: at 1M
    komponen that was 200 MB of the load's peak)."""
    return pl.DataFrame([frame.get_column(n) for n in names])


_BLANK = r"^\s*$"  # Rust regex \s is Unicode White_Space, = pohon.schema.WHITESPACE


def _drop_blank(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows whose every cell is blank are no rows (only rows whose first cell is blank are looked at). The
    test is a mask per column, not a stripped copy of the strings."""
    raw = [c for c in frame.columns if c != "_line"]
    if not raw or not frame.height:
        return frame
    maybe = frame.get_column(raw[0]).str.contains(_BLANK)
    if not maybe.any():
        return frame
    blank = frame.select(pl.all_horizontal([pl.col(c).str.contains(_BLANK) for c in raw]).alias("b"))["b"]
    return frame.filter(~blank)


def _rare_check(n: str, kind: str, target: bool) -> _Check:
    """The check of the rare cells of column `n` that pohon.numbers / int() refuse (see _patch_rare)."""
    if kind == "number" and target:
        return _Check(f"_bad:{n}", n, "bad-target", cells.not_valid, f"_cell:{n}")
    return _Check(f"_bad:{n}", n, "bad-number", cells.not_valid, f"_src:{n}")


def _patch_rare(typed: pl.DataFrame, rare_cols, decimal_comma: bool, target: bool) -> pl.DataFrame:
    """Read the rare cells of number and `baris` columns with pohon.numbers / int(), once per distinct value.
    In a target column a cell that is no number is a text target (`BB`), unless it is a percentage. Each
    column gets its mask of refused cells (`_rare_check`)."""
    if not rare_cols:
        return typed
    counts = typed.select(pl.col(f"_rare:{n}").sum() for n, _ in rare_cols).row(0)
    patches = []
    for (n, kind), count in zip(rare_cols, counts):
        if not count:
            patches.append(pl.lit(False).alias(f"_bad:{n}"))
            continue
        rare, src = pl.col(f"_rare:{n}"), pl.col(f"_src:{n}")
        values = typed.filter(rare)[f"_src:{n}"].unique().to_list()
        found = cells.read_rare_lines(values) if kind == "line" else cells.read_rare(values, decimal_comma)
        good = {k: v for k, v in found.items() if v != "bad"}
        bad = [k for k, v in found.items() if v == "bad"]
        dtype = pl.Int64 if kind == "line" else pl.Float64
        patched = src.replace_strict(list(good), list(good.values()), default=None, return_dtype=dtype) \
            if good else pl.lit(None, dtype)
        patches.append(pl.when(rare).then(patched).otherwise(pl.col(n)).alias(n))
        wrong = rare & src.is_in(bad)
        if kind == "number" and target:
            patches.append(pl.when(wrong & ~pl.col(f"_pct:{n}"))
                           .then(strip(src).str.replace_all(r"\s+", " "))
                           .otherwise(pl.lit(None, pl.String)).alias(f"{n}_text"))
            wrong = wrong & pl.col(f"_pct:{n}")
        patches.append(wrong.alias(f"_bad:{n}"))
    return typed.with_columns(patches)


def _text_checks(table: Table, present) -> list[tuple[_Check, pl.Expr]]:
    out = []
    for c in table.plain:
        if c.kind not in ("text", "code") or not present(c.name) and not c.required:
            continue
        v = pl.col(c.name)
        if c.pattern:
            out.append((_Check(f"_pattern:{c.name}", c.name, "bad-value", cells.pattern_message(c.pattern), c.name),
                        ~v.str.contains(c.pattern)))
        elif c.required:
            out.append((_Check(f"_empty:{c.name}", c.name, "missing-value", cells.MESSAGES["empty"], c.name),
                        v == ""))
        if c.kind == "code":
            out.append((_Check(f"_code:{c.name}", c.name, "bad-code", cells.MESSAGES["code"], c.name),
                        v.str.contains(SEP, literal=True)))
    return out


def _errors(out: FileResult, file: str, typed: pl.DataFrame, checks: list[_Check]) -> None:
    """RowErrors for the first wrong cells of each check; the rest are counted."""
    counts = typed.select(pl.col(c.mask).sum() for c in checks).row(0)
    for c, total in zip(checks, counts):
        if not total:
            continue
        col = out.columns.get(c.name, 1)
        hits = typed.filter(pl.col(c.mask)).select("_line", c.quote)
        shown = hits.head(MATERIALISED)
        for ln, cell in shown.iter_rows():
            out.errors.append(RowError(file, int(ln), col, c.code, c.message(cell if cell is not None else "", c.name)))
        if total > shown.height:
            out.errors.append(RowError(file, int(hits["_line"][shown.height]), col, c.code,
                                       f"… and {total - shown.height:,} more like it in column '{c.name}'"))
