"""All document tables except the Lampiran II per-unit matrix, as rows keyed per data/README.md."""
from __future__ import annotations

from pohon.extract.cascading import decide_marks, find_ik
from pohon.extract.columns import columns
from pohon.extract.lampiran3 import extract_pedoman
from pohon.extract.lampiran4 import read_matrix
from pohon.extract.program import extract_program_table
from pohon.extract.tabel2 import extract_tabel2, tujuan_rows
from pohon.extract.tabel10 import extract_tabel10

COLUMNS: dict[str, list[str]] = {name: columns(name)
                                 for name in ("cascading", "tabel10", "tujuan", "sp", "ik_target", "pedoman")}


def extract_tables(lines: list[str]) -> dict[str, list[dict]]:
    """cascading, tabel10, tujuan, sp, ik_target and pedoman rows; `lines[0]` is source line 1."""
    tabel2 = extract_tabel2(lines)
    sps, program = extract_program_table(lines)
    pedoman = extract_pedoman(lines)
    cascading = decide_marks(read_matrix(lines), pedoman, tabel2, program)
    tables = {
        "cascading": cascading,
        "tabel10": extract_tabel10(lines),
        "tujuan": tujuan_rows(tabel2),
        "sp": sps,
        "ik_target": _ik_target(tabel2, program, cascading),
        "pedoman": pedoman,
    }
    return {name: [{c: row.get(c) for c in COLUMNS[name]} for row in rows] for name, rows in tables.items()}


def _ik_target(tabel2: list[dict], program: list[dict], cascading: list[dict]) -> list[dict]:
    rows = []
    for t in tabel2:
        if t["sp"] is None:  # a Tujuan row: tujuan.csv
            continue
        ik = find_ik(cascading, t["sp"], t["indikator"], tujuan=t["tujuan"])
        rows.append({**t, "sumber": "tabel2", "ik": ik or None, "unit_terkait": None})
    for p in program:
        ik = find_ik(cascading, p["sp"], p["indikator"], kode=p["kode"])
        rows.append({**p, "sumber": "lampiran2", "ik": ik or None, "tujuan": None})
    return rows
