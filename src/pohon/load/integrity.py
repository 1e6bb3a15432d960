"""Keys and references across files, as anti-joins: a key defined twice (both lines named), a row naming a
unit, SK or IKK no file defines. A row's first failing reference is reported (unit before SK/IKK); a file
that could not be read through is not checked against, so one problem is reported once, where it is."""
from __future__ import annotations

import polars as pl

from pohon.errors import RowError
from pohon.load.table import MATERIALISED, FileResult
from pohon.schema import TABLES

_MESSAGES = {
    "unknown-unit": "unit '{unit}' is not in units.csv / unit tidak dikenal",
    "unknown-sk": "SK '{sk}' of unit '{unit}' is not in sk.csv",
    "unknown-ikk": "IKK '{ikk}' of unit '{unit}' is not in ikk.csv",
}


def check_integrity(results: dict[str, FileResult]) -> list[RowError]:
    errors: list[RowError] = []
    for table in TABLES:
        r = results.get(table.name)
        if r is not None and r.frame is not None and table.key:
            errors += _duplicates(r)
    for table in TABLES:
        r = results.get(table.name)
        if r is None or r.frame is None or not table.refs or r.frame.height == 0:
            continue
        pending = r.frame.select([*{c for ref in table.refs for c in ref.columns}, "_line"])
        for ref in table.refs:
            target = results.get(ref.table)
            if target is None or not target.ok or target.ids is None:
                continue
            known = target.ids.rename(dict(zip(target.table.key, ref.columns))).unique()
            missing = pending.join(known, on=list(ref.columns), how="anti", maintain_order="left")
            if missing.height:
                errors += _reference_errors(r, ref, missing)
                pending = pending.join(missing.select("_line"), on="_line", how="anti")
    return errors


def _duplicates(r: FileResult) -> list[RowError]:
    table = r.table
    key = list(table.key)
    if r.frame.select(pl.struct(key).hash().n_unique()).item() == r.frame.height:
        return []  # every key hashes apart, so no two are equal (the exact test below runs only otherwise)
    frame = r.frame.select([*key, "_line"])
    dup = frame.filter(pl.struct(key).is_duplicated())
    if not dup.height:
        return []
    first = dup.group_by(key).agg(pl.col("_line").min().alias("_first"))
    later = dup.join(first, on=key).filter(pl.col("_line") != pl.col("_first")).sort("_line")
    col = r.columns[key[-1]]
    out = []
    for row in later.head(MATERIALISED).iter_rows(named=True):
        ident = table.key_text([row[k] for k in key])
        out.append(RowError(table.file, row["_line"], col, "duplicate-id",
                            f"'{ident}' already defined at line {row['_first']} / id ganda"))
    return out


def _reference_errors(r: FileResult, ref, missing: pl.DataFrame) -> list[RowError]:
    col = r.columns[ref.columns[-1]]
    template = _MESSAGES[ref.code]
    out = []
    for row in missing.sort("_line").head(MATERIALISED).iter_rows(named=True):
        out.append(RowError(r.table.file, row["_line"], col, ref.code, template.format(**row)))
    if missing.height > MATERIALISED:
        out.append(RowError(r.table.file, int(missing["_line"].sort()[MATERIALISED]), col, ref.code,
                            f"… and {missing.height - MATERIALISED:,} more rows naming what no file defines"))
    return out
