"""IKK (Lampiran II per unit) -> the Lampiran IV indicator it cascades to.

Evidence, strongest first:
1. The Lampiran III section of the unit's type (P4SI, …, SET; BALAI for BBSPJI and BSPJI) lists the codes
   with the names as that unit type writes them. An IKK whose name equals one of them (after `nama.norm`),
   differs by a typo / one word, or extends it with an alternative (`… dan/atau …`) takes that code.
   When the section gives one code to two indicators, the one whose name is not the Lampiran IV name of
   that code is a slip of the document and cascades to nothing.
2. Otherwise a Lampiran IV row with the same name, preferring rows that mark the unit's type.
3. Otherwise nothing: no match is forced, and the reason is returned.
Deviations (type not marked in Lampiran IV, SK under another SP) are kept in the note.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from pohon.extract.cascading import ik_id
from pohon.extract.nama import extends, near_equal, norm
from pohon.extract.teks import spaces

SECTION = {"SET": "SET", "P4SI": "P4SI", "P2SI": "P2SI", "PIH": "PIH", "POPTIKJI": "POPTIKJI",
           "BBSPJI": "BALAI", "BSPJI": "BALAI"}


def assign_ik(unit_row: dict, sk_row: dict, ikk_row: dict, tables: dict) -> tuple[str, str]:
    """(Lampiran IV id such as `T1/SP3/a` or "", a note saying why)."""
    tipe = unit_row["tipe"]
    nama = ikk_row["nama"]
    section = SECTION.get(tipe)
    if section is None:
        return "", f"unit type {tipe} has no Lampiran III section and no Lampiran IV column"
    cascading = {ik_id(r): r for r in tables["cascading"]}
    entries = [p for p in tables["pedoman"] if p["bagian"] == section]
    hit = _lampiran3(nama, entries)
    if hit is not None:
        entry, how = hit
        return _from_lampiran3(entry, how, entries, cascading, tipe, sk_row, tables)
    return _from_lampiran4(nama, cascading, tipe, section, sk_row, tables)


def _lampiran3(nama: str, entries: list[dict]) -> tuple[dict, str] | None:
    tests = (
        ("same name", lambda e: spaces(e["indikator"]).lower().rstrip(".") == spaces(nama).lower().rstrip(".")),
        ("same name once case, punctuation, parentheses, `DN` and the unit suffix are ignored",
         lambda e: norm(e["indikator"]) == norm(nama)),
        ("same name up to one added or misspelt word", lambda e: near_equal(e["indikator"], nama)),
        ("the IKK name extends it with an alternative", lambda e: extends(nama, e["indikator"])),
    )
    for how, test in tests:
        hits = [e for e in entries if e["kode"] != e["bagian"] and test(e)]
        if hits:
            return hits[0], how
    return None


def _from_lampiran3(entry: dict, how: str, entries: list[dict], cascading: dict, tipe: str,
                    sk_row: dict, tables: dict) -> tuple[str, str]:
    code, section = entry["kode"], entry["bagian"]
    where = f"Lampiran III {section} (line {entry['baris']}) lists {entry['indikator']!r} as {code} ({how})"
    row = cascading.get(code)
    if row is None:
        return "", f"{where}, but Lampiran IV has no {code}"
    same_code = [e for e in entries if e["kode"] == code]
    if len(same_code) > 1:
        owner = max(same_code, key=lambda e: _similarity(e["indikator"], row["indikator"]))
        if owner is not entry:
            return "", (f"{where}, but the section also gives {code} to {owner['indikator']!r} (line "
                        f"{owner['baris']}), which is Lampiran IV {code} {row['indikator']!r}; no Lampiran IV "
                        "row has this indicator")
    return code, "; ".join([where] + _deviations(row, code, tipe, sk_row, tables))


def _from_lampiran4(nama: str, cascading: dict, tipe: str, section: str, sk_row: dict,
                    tables: dict) -> tuple[str, str]:
    hits = [(c, r) for c, r in cascading.items() if near_equal(r["indikator"], nama)]
    marked = [(c, r) for c, r in hits if r.get(tipe) == "o"]
    chosen = marked or hits
    if len(chosen) == 1:
        code, row = chosen[0]
        note = f"not in Lampiran III {section}; same name as Lampiran IV {code}"
        return code, "; ".join([note] + _deviations(row, code, tipe, sk_row, tables))
    if len(chosen) > 1:
        return "", f"name fits several Lampiran IV rows ({', '.join(c for c, _ in chosen)}); not forced"
    reason = f"no Lampiran III {section} entry and no Lampiran IV row has this name"
    if sk_row.get("nama") and norm(nama).startswith(norm(sk_row["nama"])):
        reason += f" (the IKK repeats its SK's name {sk_row['nama']!r} rather than naming an indicator)"
    return "", reason + "; not forced"


def _deviations(row: dict, code: str, tipe: str, sk_row: dict, tables: dict) -> list[str]:
    notes = []
    if row.get(tipe) != "o":
        marked = [u for u in ("SET", "P4SI", "P2SI", "POPTIKJI", "PIH", "BBSPJI", "BSPJI") if row.get(u) == "o"]
        notes.append(f"Lampiran IV marks {', '.join(marked) or 'no unit'} for {code}, not {tipe}")
    sk_sp = sk_row.get("sp") or sk_sp_of(sk_row, tables)
    if sk_sp and sk_sp != row["sp"]:
        notes.append(f"its SK {sk_row.get('sk')} carries the name of {sk_sp}, but {code} is in {row['sp']}")
    return notes


def sk_sp_of(sk_row: dict, tables: dict) -> str:
    """The SP whose name the SK carries, or ""."""
    hits = [s["kode"] for s in tables["sp"] if near_equal(s["nama"], sk_row.get("nama") or "")]
    return hits[0] if len(hits) == 1 else ""


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, norm(a), norm(b)).ratio()
