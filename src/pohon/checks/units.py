"""Reading the unit references the document writes in prose ("Set, BBSPJI, BSPJI", "Seluruh Balai")."""
from __future__ import annotations

import re

import polars as pl


class UnitTypes:
    """The unit types of a cascade and the words the document uses for groups of them."""

    def __init__(self, units: pl.DataFrame):
        """`units`: units.csv rows with an `agency` column (pohon.checks.tables.Tables.units)."""
        rows = units.filter(~pl.col("agency")).select("tipe", "kelompok", "nama").unique().iter_rows()
        rows = list(rows)
        self.all = {tipe for tipe, _, _ in rows}
        self.upt = {tipe for tipe, kelompok, _ in rows if kelompok.upper() == "UPT"}
        self.balai_besar = {tipe for tipe, _, nama in rows if nama.lower().startswith("balai besar")}
        self.sekretariat = {tipe for tipe, _, nama in rows if nama.lower().startswith("sekretariat")}
        self.by_upper = {t.upper(): t for t in sorted(self.all)}

    def parse(self, text: str) -> tuple[set[str], list[str]]:
        """The unit types a phrase names, and the parts of it that name none."""
        found, unresolved = set(), []
        for token in re.split(r",|;|\bdan\b|/", text):
            t = " ".join(token.split())
            if not t:
                continue
            types = self.token(t)
            if types:
                found |= types
            else:
                unresolved.append(t)
        return found, unresolved

    def token(self, t: str) -> set[str]:
        low = t.lower()
        if t.upper() in self.by_upper:
            return {self.by_upper[t.upper()]}
        if low in ("set", "sekretariat") or low.startswith("sekretariat"):
            return set(self.sekretariat)
        if "seluruh unit" in low or "semua unit" in low:
            return set(self.all)
        if "balai besar" in low:
            return set(self.balai_besar)
        if "balai" in low:
            return set(self.upt)
        return set()

    def of_section(self, bagian: str, penanggung_jawab: str) -> set[str]:
        """The unit types a Lampiran III section stands for."""
        if bagian.upper() in self.by_upper:
            return {self.by_upper[bagian.upper()]}
        if bagian.upper() == "BALAI":
            return self.token(penanggung_jawab) & self.upt or set(self.upt)
        return set()
