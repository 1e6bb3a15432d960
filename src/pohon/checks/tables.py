"""What the rules read: the Dataset's tables, and the few derived columns several rules share, each made
once per run (node ids, a komponen's total over the years, an IK's targets and klasifikasi)."""
from __future__ import annotations

import re
from functools import cached_property

import polars as pl

from pohon.dataset import Dataset, side_rows
from pohon.nodes import AGENCY_KELOMPOK

TOLERANCE = 0.05  # Rp juta: the document rounds to two decimals


def ik_code() -> pl.Expr:
    return pl.concat_str("tujuan", "sp", "kode", separator="/")


def normalised(col: pl.Expr) -> pl.Expr:
    """= normalise(): lower case, every run of other characters one space."""
    return col.str.to_lowercase().str.replace_all(r"[^0-9a-z]+", " ").str.strip_chars(" ")


def normalise(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.lower()).split())


def agency() -> pl.Expr:
    return pl.col("kelompok").str.to_uppercase() == AGENCY_KELOMPOK


def node(kind: str, *cols: str) -> pl.Expr:
    return pl.concat_str([pl.lit(kind), *[pl.col(c) for c in cols]], separator=":")


def with_nodes(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """`frame` (komponen or ikk rows) with `node`, and for komponen `ikk_node`, made for these rows only."""
    if kind == "Komponen":
        return frame.with_columns(node("Komponen", "unit", "ikk", "komponen").alias("node"),
                                  node("IKK", "unit", "ikk").alias("ikk_node"))
    return frame.with_columns(node(kind, "unit", kind.lower()).alias("node"))


class Tables:
    """The tables of one Dataset, plus shared derived frames."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.years = list(ds.years)
        self.t = ds.tables

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.t[name]

    def cols(self, prefix: str) -> list[str]:
        return [f"{prefix}_{y}" for y in self.years]

    @cached_property
    def komponen(self) -> pl.DataFrame:
        """komponen with `total`: Σ anggaran over the years (empty = 0). Node ids are made for the rows a
        rule reports (`with_nodes`), not for every row."""
        money = self.cols("anggaran")
        total = pl.sum_horizontal([pl.col(c).fill_null(0.0) for c in money]) if money else pl.lit(0.0)
        return self.t["komponen"].with_columns(total.alias("total"))

    @cached_property
    def ik(self) -> pl.DataFrame:
        """cascading with the IK `code`, its `node` and `unit_types` (sorted marked types)."""
        types = sorted(self.ds.unit_types)
        marked = pl.concat_list([pl.when(pl.col(t)).then(pl.lit(t)).otherwise(None) for t in types]) \
            .list.drop_nulls() if types else pl.lit([], pl.List(pl.String))
        return self.t["cascading"].with_columns(ik_code().alias("code"),
                                                pl.concat_str(pl.lit("IK:"), ik_code()).alias("node"),
                                                marked.alias("unit_types"))

    @cached_property
    def ik_codes(self) -> set[str]:
        return set(self.ik["code"].to_list())

    @cached_property
    def ikk(self) -> pl.DataFrame:
        """ikk with `cascades`: its `ik` is an IK of Lampiran IV (the IKK -> IK edge exists)."""
        return self.t["ikk"].with_columns(pl.col("ik").is_in(list(self.ik_codes)).alias("cascades"))

    @cached_property
    def units(self) -> pl.DataFrame:
        return self.t["units"].with_columns(node("Unit", "kode").alias("node"), agency().alias("agency"))

    @cached_property
    def klasifikasi(self) -> dict[str, str]:
        """IK code -> klasifikasi of its first Lampiran III row."""
        out: dict[str, str] = {}
        for kode, klas in self.t["pedoman"].select("kode", "klasifikasi").iter_rows():
            out.setdefault(kode, klas)
        return out

    @cached_property
    def ik_targets(self) -> dict[str, dict[int, object]]:
        """IK code -> {year: target} as the graph gives the IK (the Lampiran II program table wins over Tabel 2)."""
        out: dict[str, dict] = {}
        cols = ["ik", "sumber", *[c for y in self.years for c in (f"target_{y}", f"target_{y}_text")]]
        for row in self.t["ik_target"].select(cols).iter_rows(named=True):
            ik = row["ik"]
            if ik and (ik not in out or row["sumber"] == "lampiran2"):
                out[ik] = {y: row[f"target_{y}"] if row[f"target_{y}"] is not None else row[f"target_{y}_text"]
                           for y in self.years}
        return out

    def side_rows(self, table: str) -> list[dict]:
        """ik_target / pedoman rows as dicts, targets as {year: value} (what G.graph holds)."""
        return side_rows(self.ds, table)
