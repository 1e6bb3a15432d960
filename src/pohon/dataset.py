"""A loaded cascade: one typed polars table per data/ file (see src/pohon/schema.py for the columns).

Every table has its declared columns (text and codes as String, "" when empty; amounts and targets Float64,
null when missing; a text target such as `BB` in `target_<year>_text`, and in `target_<year>_dp` the
decimals of a target written with more than it needs, `3.50`: 2, else null; flags and Lampiran IV marks
Boolean; `baris` Int64), one `<prefix>_<year>` column for every year of the cascade, and `_line`: the line
of the data/ file where the row starts (as `grep -n` counts). An optional file that is absent is an empty
table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pohon.nodes import AGENCY_KELOMPOK


@dataclass(frozen=True)
class Dataset:
    name: str
    years: tuple[int, ...]
    tables: dict = field(repr=False)  # table name -> polars.DataFrame
    unit_types: tuple[str, ...] = ()  # cascading.csv's mark columns, in file order
    source: Path | None = None

    def __getattr__(self, name: str):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __getitem__(self, name: str):
        return self.tables[name]

    def rows(self, name: str) -> list[dict]:
        """The rows of one table as dicts (for the few places that walk a handful of rows)."""
        return self.tables[name].to_dicts()

    def counts(self) -> dict[str, int]:
        return {name: t.height for name, t in self.tables.items()}

    def node_counts(self) -> dict[str, int]:
        """How many nodes of each kind the graph of this cascade has (pohon.graph), without building it."""
        t = self.tables
        ss = t["sp"].filter(t["sp"]["ss"] != "")["ss"].n_unique() if t["sp"].height else 0
        tujuan = t["tujuan"].height or t["cascading"]["tujuan"].n_unique()
        counts = {"SS": ss, "Tujuan": tujuan, "SP": t["sp"].height, "IK": t["cascading"].height,
                  "Unit": t["units"].height, "SK": t["sk"].height, "IKK": t["ikk"].height,
                  "Komponen": t["komponen"].height, "Kelompok": t["tabel10"].height}
        return dict(sorted((k, v) for k, v in counts.items() if v))

    @property
    def agency(self) -> dict | None:
        """The agency's own units.csv row (kelompok TOTAL), if the cascade has one."""
        import polars as pl

        rows = self.tables["units"].filter(pl.col("kelompok").str.to_uppercase() == AGENCY_KELOMPOK).head(1)
        return rows.to_dicts()[0] if rows.height else None

    def __eq__(self, other) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self.name, self.years, self.unit_types, sorted(self.tables)) == \
            (other.name, other.years, other.unit_types, sorted(other.tables)) and \
            all(self.tables[n].equals(other.tables[n], null_equal=True) for n in self.tables)

    __hash__ = None


def target_value(number, text):
    """A target as the graph holds it: the number, else the text target (`BB`), else None."""
    return number if number is not None else text


def side_rows(ds: Dataset, table: str) -> list[dict]:
    """`G.graph["ik_target"]` / `["pedoman"]`: the rows as dicts, targets as {year: value}."""
    frame = ds.tables[table]
    plain = [c for c in frame.columns if not c.startswith(("target_", "_line"))]
    out = []
    for row in frame.iter_rows(named=True):
        d = {k: row[k] for k in plain}
        d["target"] = {y: target_value(row[f"target_{y}"], row[f"target_{y}_text"]) for y in ds.years}
        out.append(d)
    return out


def column_kinds(ds: Dataset, table) -> dict[str, str]:
    """Each column of the table's file in this cascade -> its kind (a year column its Years' kind, a
    Lampiran IV unit-type column `mark`)."""
    from pohon.schema import Marks, Years

    kinds: dict[str, str] = {}
    for c in table.columns:
        if isinstance(c, Years):
            kinds.update({c.column(y): c.kind for y in ds.years})
        elif isinstance(c, Marks):
            kinds.update({t: "mark" for t in ds.unit_types})
        else:
            kinds[c.name] = c.kind
    return kinds


def written_rows(ds: Dataset, table) -> tuple[list[str], list[list]]:
    """One table as its data/ file writes it: the header (years and Lampiran IV columns of this cascade) and
    each row's cells, None where the file leaves a cell empty: marks `o`, flags 1/0, a target its number or
    its text (`BB`), a Decimal when the file wrote it with more decimals than it needs (`3.50`, kept as
    written). The workbook and the CSV exporters both write these."""
    frame = ds.tables[table.name]
    header = table.header(ds.years, ds.unit_types if table.marks else ())
    kinds = column_kinds(ds, table)
    columns = [frame[n].to_list() for n in header]
    texts = [frame[f"{n}_text"].to_list() if kinds[n] == "target" else None for n in header]
    shown = [frame[f"{n}_dp"].to_list() if kinds[n] == "target" else None for n in header]

    def cell(kind, value, text, dp):
        if kind == "mark":
            return "o" if value else None
        if kind == "flag":
            return 1 if value else 0
        if kind == "target":
            return Decimal(f"{value:.{dp}f}") if dp is not None and value is not None else target_value(value, text)
        return None if value == "" else value

    rows = [[cell(kinds[n], columns[j][i], texts[j][i] if texts[j] is not None else None,
                  shown[j][i] if shown[j] is not None else None)
             for j, n in enumerate(header)] for i in range(frame.height)]
    return header, rows
