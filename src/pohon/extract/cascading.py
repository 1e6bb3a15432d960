"""Deciding which Lampiran IV column each `o` mark belongs to.

The flattened text keeps the marks but only approximately their spacing. A mark in column c
(0 = SET … 6 = BSPJI, 7 = UKE-1, 8 = UKE-2/UPT) sits at offset 2c+1 after the satuan when the spacing is
exact; every row ends with exactly one kategori mark (UKE-1 or UKE-2).

Rules, in order:
1. Exact spacing (every offset odd, units in 0..6, last mark in 7..8): take it as read.
2. Otherwise list every reading the spacing allows (uniform shift by one, anchoring on the last mark,
   rounding half-columns either way) and keep those whose kategori agrees with Tabel 2: a Lampiran IV IK
   is UKE-1 exactly when it is a BSKJI-level IK in Tabel 2 (true of every exactly spaced row).
3. Among those, take the one whose unit columns equal the units Lampiran III assigns the code (its unit
   sections; in the balai section "Seluruh Balai Besar" means BBSPJI only), else Lampiran II's
   "Unit Terkait"; if all readings agree on the units (a row with a single mark has none), take that.
Every deviation from the other sources is written to `catatan`; no mark is ever added.
"""
from __future__ import annotations

import itertools
import math

from pohon.extract.lampiran4 import MARK_COLUMNS, UNIT_COLUMNS
from pohon.extract.nama import near_equal
from pohon.extract.teks import TableError

UKE1, UKE2 = 7, 8


def find_ik(rows: list[dict], sp: str, indikator: str, tujuan: str | None = None, kode: str | None = None) -> str:
    """The Lampiran IV id (`T1/SP3/a`) of the row in `sp` (and `tujuan`) named `indikator`, or ""."""
    same = [r for r in rows if r["sp"] == sp and (tujuan is None or r["tujuan"] == tujuan)]
    hits = [r for r in same if near_equal(r["indikator"], indikator)]
    if len(hits) > 1 and kode:
        hits = [r for r in hits if r["kode"] == kode]
    return ik_id(hits[0]) if len(hits) == 1 else ""


def ik_id(row: dict) -> str:
    return f"{row['tujuan']}/{row['sp']}/{row['kode']}"


def lampiran3_units(pedoman: list[dict], code: str) -> set[str]:
    out: set[str] = set()
    for p in pedoman:
        if p["kode"] != code or p["bagian"] == "BSKJI":
            continue
        if p["bagian"] == "BALAI":
            out |= {"BBSPJI"} if "balai besar" in p["penanggung_jawab"].lower() else {"BBSPJI", "BSPJI"}
        else:
            out.add(p["bagian"])
    return out


def unit_terkait_units(text: str) -> set[str]:
    if text.strip().lower().startswith("seluruh unit"):
        return set(UNIT_COLUMNS)
    names = {u.strip().upper() for u in text.split(",")}
    return {u for u in UNIT_COLUMNS if u in names}


def decide_marks(matrix: list[dict], pedoman: list[dict], tabel2: list[dict], program: list[dict]) -> list[dict]:
    return [_decide(r, pedoman, tabel2, program) for r in matrix]


def _decide(row: dict, pedoman: list[dict], tabel2: list[dict], program: list[dict]) -> dict:
    code = ik_id(row)
    in_tabel2 = any(t["sp"] == row["sp"] and t["tujuan"] == row["tujuan"] and near_equal(t["indikator"], row["indikator"])
                    for t in tabel2)
    kat_expected = UKE1 if in_tabel2 else UKE2
    l3 = lampiran3_units(pedoman, code)
    l2_rows = [p for p in program if p["sp"] == row["sp"] and near_equal(p["indikator"], row["indikator"])]
    l2 = unit_terkait_units(l2_rows[0]["unit_terkait"]) if l2_rows else None
    notes: list[str] = []
    exact = _exact(row["offsets"])
    if exact:
        cols = exact
        if cols[-1] != kat_expected:
            notes.append(f"kategori as spaced disagrees with Tabel 2 ({'in' if in_tabel2 else 'not in'} Tabel 2)")
    else:
        cols, why = _choose(row["offsets"], kat_expected, l3, l2, row["baris"])
        notes.append(f"mark spacing ambiguous ({row['marks_text'].strip()!r}, offsets {row['offsets']}); {why}")
    units = {UNIT_COLUMNS[c] for c in cols[:-1]}
    notes += _deviations(units, l3, l2, l2_rows)
    out = {k: row[k] for k in ("perspektif", "tujuan", "sp", "kode", "indikator", "satuan")}
    out.update({u: ("o" if u in units else None) for u in UNIT_COLUMNS})
    out["kategori"] = MARK_COLUMNS[cols[-1]]
    out["catatan"] = "; ".join(notes) or None
    out["baris"] = row["baris"]
    return out


def _names(units: set[str] | None) -> str:
    return ", ".join(u for u in UNIT_COLUMNS if u in (units or set())) or "none"


def _deviations(units: set[str], l3: set[str], l2: set[str] | None, l2_rows: list[dict]) -> list[str]:
    notes = []
    if l3 and units != l3:
        notes.append(f"Lampiran III lists the code for {_names(l3)}; matrix marks {_names(units)}; kept the matrix")
    if l2 is not None and units != l2:
        notes.append(f"Lampiran II Unit Terkait is {l2_rows[0]['unit_terkait']!r}; matrix marks {_names(units)}; "
                     "kept the matrix")
    return notes


def _exact(offsets: list[int]) -> list[int] | None:
    if any(p % 2 == 0 for p in offsets):
        return None
    cols = [(p - 1) // 2 for p in offsets]
    return cols if _valid(cols) else None


def _valid(cols: list[int]) -> bool:
    units = cols[:-1]
    return (cols[-1] in (UKE1, UKE2) and all(0 <= c <= 6 for c in units)
            and all(a < b for a, b in zip(units, units[1:])))


def readings(offsets: list[int]) -> list[list[int]]:
    """Every column reading the spacing allows (see the module docstring)."""
    found: set[tuple[int, ...]] = set()
    for shift in (-1, 1):
        if all((p - 1 + shift) % 2 == 0 for p in offsets):
            found.add(tuple((p - 1 + shift) // 2 for p in offsets))
    for last in (UKE1, UKE2):
        found |= _roundings([last - (offsets[-1] - p) / 2 for p in offsets[:-1]], last)
        found |= _roundings([(p - 1) / 2 for p in offsets[:-1]], last)
    return sorted(list(c) for c in found if _valid(list(c)))


def _roundings(units: list[float], last: int) -> set[tuple[int, ...]]:
    options = [sorted({math.floor(u), math.ceil(u)}) for u in units]
    return {tuple(combo) + (last,) for combo in itertools.product(*options)}


def _choose(offsets: list[int], kat: int, l3: set[str], l2: set[str] | None, baris: int) -> tuple[list[int], str]:
    cands = [c for c in readings(offsets) if c[-1] == kat]
    kat_why = f"kategori {MARK_COLUMNS[kat]} because the IK {'is' if kat == UKE1 else 'is not'} in Tabel 2"
    if not cands:
        raise TableError(f"no reading of offsets {offsets} has kategori {MARK_COLUMNS[kat]}", baris)
    unit_sets = {frozenset(UNIT_COLUMNS[x] for x in c[:-1]) for c in cands}
    for source, wanted in (("Lampiran III", l3), ("Lampiran II Unit Terkait", l2)):
        if wanted and frozenset(wanted) in unit_sets:
            pick = next(c for c in cands if frozenset(UNIT_COLUMNS[x] for x in c[:-1]) == frozenset(wanted))
            return pick, f"{kat_why}; units {_names(wanted)} as {source} assigns them"
    if len(offsets) == 1:
        return cands[0], f"a single mark, read as the kategori (every row has exactly one): {kat_why}; no unit mark"
    if len(unit_sets) == 1:
        only = next(iter(unit_sets))
        return cands[0], f"{kat_why}; every reading gives units {_names(set(only))}"
    raise TableError(f"offsets {offsets}: readings {cands} and no source decides the units", baris)
