"""What one view shows, as filtered tables: a unit (or a unit type), an SP, an IK, an IKK or a komponen and
what hangs from it. The upper tables (SP, Tujuan, Lampiran IV, Tabel 10, targets) are small and kept; the
big ones (units, SK, IKK, komponen) keep only the selection's rows, so a view costs what it shows."""
from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

from pohon.dataset import Dataset


@dataclass(frozen=True)
class Selection:
    unit: str | None = None  # units.csv kode
    units: tuple[str, ...] | None = None  # several units, whole
    tipe: str | None = None  # every unit of this type
    sp: str | None = None  # an SP code: its IKs and every IKK cascading to them
    ik: str | None = None  # an IK code (T1/SP3/a)
    ikk: tuple[str, str] | None = None  # (unit, ikk)
    komponen: tuple[str, str, str] | None = None  # (unit, ikk, komponen)

    def empty(self) -> bool:
        return not any((self.unit, self.units, self.tipe, self.sp, self.ik, self.ikk, self.komponen))


def select(ds: Dataset, sel: Selection) -> Dataset:
    """`ds` with only the rows `sel` shows in the big tables (the small upper tables stay whole)."""
    if sel.empty():
        return ds
    t = dict(ds.tables)
    units, sk, ikk, komponen = t["units"], t["sk"], t["ikk"], t["komponen"]
    if sel.komponen or sel.ikk:
        unit, code = (sel.komponen or sel.ikk)[:2]
        ikk = ikk.filter((pl.col("unit") == unit) & (pl.col("ikk") == code))
        komponen = komponen.filter((pl.col("unit") == unit) & (pl.col("ikk") == code))
        if sel.komponen:
            komponen = komponen.filter(pl.col("komponen") == sel.komponen[2])
        sk = sk.join(ikk.select("unit", "sk"), on=["unit", "sk"], how="semi")
        units = units.filter(pl.col("kode") == unit)
    elif sel.unit or sel.units is not None or sel.tipe:
        if sel.unit:
            units = units.filter(pl.col("kode") == sel.unit)
        elif sel.units is not None:
            units = units.filter(pl.col("kode").is_in(list(sel.units)))
        else:
            units = units.filter(pl.col("tipe") == sel.tipe)
        codes = units.select(pl.col("kode").alias("unit"))
        sk, ikk, komponen = (frame.join(codes, on="unit", how="semi") for frame in (sk, ikk, komponen))
    if sel.sp or sel.ik:
        casc = t["cascading"]
        casc = casc.filter(pl.col("sp") == sel.sp) if sel.sp else \
            casc.filter(pl.concat_str("tujuan", "sp", "kode", separator="/") == sel.ik)
        t["cascading"] = casc
        iks = casc.select(pl.concat_str("tujuan", "sp", "kode", separator="/").alias("ik"))
        ikk = ikk.join(iks, on="ik", how="semi")
        komponen = komponen.join(ikk.select("unit", "ikk"), on=["unit", "ikk"], how="semi")
        sk = sk.join(ikk.select("unit", "sk"), on=["unit", "sk"], how="semi")
        carriers = set(ikk["unit"].to_list())
        marked = [tp for tp in ds.unit_types if casc[tp].any()] if casc.height else []
        units = units.filter(pl.col("kode").is_in(list(carriers)) | pl.col("tipe").is_in(marked))
    t.update(units=units, sk=sk, ikk=ikk, komponen=komponen)
    return replace(ds, tables=t)
