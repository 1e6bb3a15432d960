"""Load a data/ folder into a Dataset of typed tables, collecting every problem before raising LoadError.

Per file: bytes -> header and string cells (pohon.load.csvparse; a workbook's sheet gives the same,
pohon.load.workbook), the header checked against the schema, each column read by its kind
(pohon.load.cells), then keys and references across files (pohon.load.integrity). Rules of the loader that the tests hold it to:
- every problem is a RowError `file:line:col: code: message`, all of them collected, sorted, at most
  MAX_ERRORS_PER_FILE a file (then one line saying how many more);
- a row whose cells cannot be read (numbers, flags, marks, `baris`) is reported for those cells only; its
  text cells are checked (required, pattern, codes) only when the rest of it reads;
- a row that fails still counts as defined: rows naming it are not reported again as unknown;
- a file that cannot be read through (encoding, header, broken CSV) is not checked against.
"""
from __future__ import annotations

from pathlib import Path

from pohon import fmt
from pohon.dataset import Dataset
from pohon.errors import LoadError, RowError
from pohon.load.csvparse import Parsed, parse
from pohon.load.table import FileResult, read_table
from pohon.load.integrity import check_integrity
from pohon.nodes import AGENCY_KELOMPOK
from pohon.schema import TABLES, Years
from pohon.textio import TextFileError, read_bytes

MAX_ERRORS_PER_FILE = 50


def load_dataset(data_dir: str | Path) -> Dataset:
    """Read every data/ file in `data_dir` (a folder of CSV files, or one .xlsx workbook whose sheets are
    the tables). Raises LoadError listing all problems found."""
    root = Path(data_dir)
    if root.suffix.lower() == ".xlsx":
        from pohon.load.workbook import read_workbook

        book = read_workbook(root)  # raises LoadError when the file cannot be read as a workbook
        try:
            return _load(root, book.read, book.errors, book.place)
        finally:
            book.close()
    try:
        is_dir = root.is_dir()
    except OSError as exc:
        raise LoadError([RowError(str(root), 0, 0, "unreadable-folder",
                                  f"{exc.strerror or exc}; check the folder's permissions"
                                  " / folder tidak bisa dibaca")]) from None
    if not is_dir:
        raise LoadError([RowError(str(root), 0, 0, "missing-folder", "folder not found / folder tidak ada")])
    return _load(root, lambda table: _read_file(root, table), [], None)


def _read_file(root: Path, table) -> Parsed | None:
    """A data/ file's header and cells; None when it is absent. Raises TextFileError."""
    path = root / table.file
    try:
        present = path.exists() or path.is_symlink()
    except OSError:
        present = True
    return parse(read_bytes(path, table.file), table.file) if present else None


def _load(root: Path, read, source_errors: list[RowError], place) -> Dataset:
    """The loader proper over `read(table) -> Parsed | None`; `source_errors` are the source's own (a
    workbook adds its formulas without a value as it reads a sheet); `place` turns a file's RowError into
    the workbook cell it came from (None for CSV folders)."""
    errors: list[RowError] = []
    results: dict[str, FileResult] = {}
    unit_types: set[str] | None = None  # None: units.csv unreadable, so cascading.csv's type columns go unchecked
    for table in TABLES:
        try:
            data = read(table)
        except TextFileError as err:
            errors.append(err.error)
            continue
        if data is None:
            if table.mandatory:
                errors.append(RowError(table.file, 0, 0, "missing-file", f"{table.file} is required / wajib ada"))
            continue
        result = read_table(data, table, unit_types)
        del data
        results[table.name] = result
        errors += _capped(result.errors, table.file)
        if table.name == "units" and result.ok:
            unit_types = result.unit_types
    errors = source_errors + errors + check_integrity(results)
    if errors:
        raise LoadError([place(e) for e in errors] if place else errors)
    return _dataset(root, results)


def _capped(errors: list[RowError], file: str) -> list[RowError]:
    if len(errors) <= MAX_ERRORS_PER_FILE:
        return errors
    kept = sorted(errors)[:MAX_ERRORS_PER_FILE]
    more = len(errors) - len(kept)
    last = kept[-1]
    return kept + [RowError(file, last.line, last.column + 1, "more-errors",
                            f"… and {fmt.number(more, 'en', 0)} more errors in this file"
                            f" / … dan {fmt.number(more, 'id', 0)} galat lain")]


def _dataset(root: Path, results: dict[str, FileResult]) -> Dataset:
    import polars as pl

    years = tuple(sorted(set().union(*(r.years for r in results.values()))))
    tables = {}
    for table in TABLES:
        result = results.get(table.name)
        frame = result.frame if result is not None else None
        tables[table.name] = _complete(frame, table, years, result.marks if result else ())
    units = tables["units"]
    agency = units.filter(pl.col("kelompok").str.to_uppercase() == AGENCY_KELOMPOK).head(1)
    name = agency["nama"][0] if agency.height else root.resolve().name
    unit_types = results["cascading"].marks if "cascading" in results else ()
    return Dataset(name=name, years=years, tables=tables, unit_types=tuple(unit_types), source=root)


def _complete(frame, table, years: tuple[int, ...], marks) -> "pl.DataFrame":
    """Every declared column present, one column per year of the cascade, in the schema's order."""
    import polars as pl

    from pohon.load.table import empty_frame, year_dtypes

    if frame is None:
        frame = empty_frame(table, (), ())
    columns = []
    for c in table.columns:
        if isinstance(c, Years):
            for y in years:
                for name, dtype in year_dtypes(c, y):
                    columns.append(pl.col(name) if name in frame.columns else pl.lit(None, dtype).alias(name))
        elif hasattr(c, "kind"):
            columns.append(pl.col(c.name))
        else:
            columns += [pl.col(m) for m in marks]
    columns.append(pl.col("_line"))
    return frame.select(columns)
