from __future__ import annotations

from collections import defaultdict

from pohon.checks import Kind, finding, rule
from pohon.checks.units import UnitTypes

_SOURCES = {"unit_terkait": ("Unit Terkait (Lampiran II)", "Unit Terkait (Lampiran II)"),
            "lampiran_iii": ("Penanggung Jawab (Lampiran III)", "Penanggung Jawab (Lampiran III)")}


@rule("matrix-inconsistency", "warning", title=("Matriks tidak konsisten", "Matrix inconsistency"),
      summary=("Lampiran IV, \"Unit Terkait\" Lampiran II dan Penanggung Jawab Lampiran III berbeda", "Lampiran IV, Lampiran II \"Unit Terkait\" and Lampiran III Penanggung Jawab disagree"), kinds={
    "disagree": Kind("Lampiran IV ({matrix_id}) berbeda dengan {sources}", "Lampiran IV ({matrix_en}) differs from {sources}")})
def matrix_inconsistency(t):
    """What it finds: an IK for which the cascading matrix (Lampiran IV), the "Unit Terkait" column of the
    program table (Lampiran II) and the Penanggung Jawab sections of the Pedoman Kinerja (Lampiran III)
    disagree about which unit types carry it.

    Why a reviewer cares: the three tables are the same commitment written three times; where they differ
    one unit will be asked for a result another unit thinks it owns.

    Example: T4/SP6/a "Indeks penerapan Manajemen Risiko" is marked for no unit type in Lampiran IV, while
    Lampiran II names "Set, BBSPJI, BSPJI".
    """
    types = UnitTypes(t.units)
    sections = defaultdict(set)
    for bagian, kode, pj in t["pedoman"].select("bagian", "kode", "penanggung_jawab").iter_rows():
        sections[kode] |= types.of_section(bagian, pj)
    unit_terkait = {}
    for ik, sumber, terkait in t["ik_target"].select("ik", "sumber", "unit_terkait").iter_rows():
        if ik and sumber == "lampiran2":
            unit_terkait[ik] = terkait
    for node, code, marked in t.ik.select("node", "code", "unit_types").iter_rows():
        matrix = set(marked)
        views = {"lampiran_iv": sorted(matrix)}
        text = unit_terkait.get(code, "")
        if text:
            terkait, unresolved = types.parse(text)
            views["unit_terkait"] = sorted(terkait)
            if unresolved:
                views["unit_terkait_unresolved"] = unresolved
        if sections.get(code):
            views["lampiran_iii"] = sorted(sections[code])
        differing = [k for k in ("unit_terkait", "lampiran_iii") if k in views and set(views[k]) != matrix]
        if differing:
            yield finding(matrix_inconsistency, node, unit_terkait_text=text, **views,
                          render={"matrix_id": ", ".join(sorted(matrix)) or "tanpa tipe unit",
                                  "matrix_en": ", ".join(sorted(matrix)) or "no unit type",
                                  "sources": ", ".join(_SOURCES[k][0] for k in differing)})
