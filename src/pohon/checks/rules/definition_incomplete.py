from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.pedoman import Pedoman, field_names, missing


@rule("definition-incomplete", "warning", title=("Definisi indikator tidak lengkap", "Indicator definition incomplete"),
      summary=("IK atau IKK tanpa entri Pedoman Kinerja, atau entrinya tanpa salah satu dari enam unsur",
               "IK or IKK with no Pedoman Kinerja entry, or an entry lacking one of its six fields"), kinds={
    "no-entry": Kind("tidak ada di Pedoman Kinerja (Lampiran III) bagian mana pun",
                     "no entry in any section of the Pedoman Kinerja (Lampiran III)"),
    "no-entry-in-section": Kind("Pedoman Kinerja (Lampiran III) bagian {section} tidak memuat IK:{ik} yang "
                                "didukung IKK {unit} (IK itu ada di bagian {defined})",
                                "Pedoman Kinerja (Lampiran III) section {section} has no entry for IK:{ik}, which "
                                "the IKK of {unit} supports (the IK is in section {defined})"),
    "incomplete": Kind("entri Pedoman Kinerja (Lampiran III) bagian {bagian}, baris {line}, tanpa {fields_id}",
                       "its Pedoman Kinerja entry (Lampiran III section {bagian}, line {line}) lacks {fields_en}")})
def definition_incomplete(t):
    """What it finds: an IK or IKK without a complete operational definition in the Pedoman Kinerja
    (Lampiran III): an IK no section lists; an entry that leaves one of the six fields empty (Definisi, Cara
    Menghitung, Sumber Data, Satuan, Klasifikasi, Penanggung Jawab), reported once on its IK with the IKKs
    that read it; an IKK whose unit's section does not list the IK it cascades to while another section
    does. An IKK reads the entry of its unit's section (the unit's `tipe`, or BALAI for a UPT) with its IK's
    code, because Lampiran III is written per unit section in the words the units' IKKs use. An IKK that
    cascades to no IK is orphan-indicator's; an IK no section lists is not repeated on its IKKs.

    Why a reviewer cares: an indicator without a definition, a way to calculate it, a data source, a unit,
    a direction and an owner cannot be measured the same way twice; the SAKIP evaluation asks for exactly
    these (the "dapat diukur" criterion of SMART-C, and a manual IKU for every IKU).

    Example: on data/ every one of the 32 IKs has entries and each of the 48 entries gives all six fields
    (20 formulas are unreadable in the text, not missing in the document), so the rule is silent; a copy
    whose P4SI entry of T1/SP3/a lost its Sumber Data is reported on IK:T1/SP3/a.
    """
    pedoman = Pedoman(t.side_rows("pedoman"))
    units = t.units.select(pl.col("kode").alias("unit"), "tipe", "kelompok")
    ikk = t.ikk.filter(pl.col("cascades")).select("unit", "ikk", "ik", "nama").join(units, on="unit", how="left")
    readers: dict[int, list[str]] = {}  # id(entry) -> the IKKs reading it, kept for the entries that lack a field
    # once per (unit type, kelompok, IK), not per IKK: only where a section lists the IK twice do names decide
    for (tipe, kelompok, ik), group in ikk.partition_by(["tipe", "kelompok", "ik"], as_dict=True).items():
        if not pedoman.of_ik(ik):
            continue
        candidates = pedoman.candidates(tipe, kelompok, ik)
        if len(candidates) == 1 and not missing(candidates[0]):
            continue
        for unit, code, nama in group.select("unit", "ikk", "nama").iter_rows():
            node = f"IKK:{unit}:{code}"
            entry = pedoman.of_ikk(tipe, kelompok, ik, nama)
            if entry is None:
                defined = sorted({str(r.get("bagian")) for r in pedoman.of_ik(ik)})
                yield finding(definition_incomplete, node, "no-entry-in-section", unit=unit, ik=ik,
                              section=str(tipe or "").upper(), defined_in=defined,
                              render={"defined": ", ".join(defined)})
            else:
                readers.setdefault(id(entry), []).append(node)
    for node, code in t.ik.select("node", "code").iter_rows():
        entries = pedoman.of_ik(code)
        if not entries:
            yield finding(definition_incomplete, node, "no-entry")
        for entry in entries:
            lacks = missing(entry)
            if lacks:
                yield finding(definition_incomplete, node, "incomplete", bagian=entry.get("bagian"),
                              baris=entry.get("baris"), missing=lacks, ikk=sorted(readers.get(id(entry), [])),
                              render={"fields_id": field_names(lacks, "id"), "fields_en": field_names(lacks, "en"),
                                      "line": "–" if entry.get("baris") is None else entry.get("baris")})
