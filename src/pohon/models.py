"""One pydantic model per file of the data/ format (see data/README.md).

Year columns (`pagu_2021`, `target_2024`, `anggaran_2022`, …) are gathered into dicts keyed by year, so a
cascade for another Renstra period loads without code changes.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Required = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Mark = Literal["", "o"]
Money = dict[int, float | None]
Targets = dict[int, float | str | None]


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    baris: int | None = None


class CascadingRow(Row):
    """Lampiran IV: one indicator and the unit types that carry it."""

    perspektif: Text = ""
    tujuan: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^T\d+$")]
    sp: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^SP\d+$")]
    kode: Required
    indikator: Required
    satuan: Text = ""
    marks: dict[str, Mark] = Field(default_factory=dict)
    kategori: Text = ""
    catatan: Text = ""

    @property
    def ik(self) -> str:
        return f"{self.tujuan}/{self.sp}/{self.kode}"


class UnitRow(Row):
    kode: Required
    nama: Required
    tipe: Required
    kelompok: Text = ""
    pagu: Money = Field(default_factory=dict)


class Tabel10Row(Row):
    kelompok: Required
    nama: Text = ""
    pagu: Money = Field(default_factory=dict)


class TujuanRow(Row):
    kode: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^T\d+$")]
    nama: Required
    satuan: Text = ""
    target: Targets = Field(default_factory=dict)


class SpRow(Row):
    kode: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^SP\d+$")]
    nama: Required
    program: Text = ""
    ss: Text = ""


class IkTargetRow(Row):
    sumber: Required
    ik: Text = ""
    tujuan: Text = ""
    sp: Text = ""
    indikator: Required
    satuan: Text = ""
    target: Targets = Field(default_factory=dict)
    unit_terkait: Text = ""


class PedomanRow(Row):
    bagian: Required
    kode: Required
    indikator: Text = ""
    satuan: Text = ""
    klasifikasi: Text = ""
    target: Targets = Field(default_factory=dict)
    penanggung_jawab: Text = ""


class SkRow(Row):
    unit: Required
    sk: Required
    nama: Required
    sp: Text = ""


class IkkRow(Row):
    unit: Required
    ikk: Required
    sk: Required
    nama: Required
    satuan: Text = ""
    target: Targets = Field(default_factory=dict)
    ik: Text = ""
    catatan: Text = ""


class KomponenRow(Row):
    unit: Required
    ikk: Required
    komponen: Required
    nama: Required
    anggaran: Money = Field(default_factory=dict)
    bintang: bool = False


class Dataset(BaseModel):
    """A whole cascade as loaded from one folder."""

    model_config = ConfigDict(frozen=True)
    name: str
    years: tuple[int, ...]
    cascading: tuple[CascadingRow, ...]
    units: tuple[UnitRow, ...]
    sk: tuple[SkRow, ...]
    ikk: tuple[IkkRow, ...]
    komponen: tuple[KomponenRow, ...]
    sp: tuple[SpRow, ...] = ()
    tujuan: tuple[TujuanRow, ...] = ()
    tabel10: tuple[Tabel10Row, ...] = ()
    ik_target: tuple[IkTargetRow, ...] = ()
    pedoman: tuple[PedomanRow, ...] = ()
