from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from pohon.checks import Kind, finding, rule
from pohon.checks.tables import normalise

SAME_NAME = 0.6  # SequenceMatcher ratio above which two spellings name the same indicator


@rule("duplicate-code", "error", title=("Kode ganda", "Duplicate code"),
      summary=("satu kode menamai dua indikator berbeda", "one code naming two different indicators"), problem_key=False, kinds={
    "same-section": Kind("kode {code} dipakai untuk {n} indikator berbeda di Lampiran III bagian {bagian}",
                         "code {code} names {n} different indicators in Lampiran III section {bagian}"),
    "other-table": Kind("{source_id} memakai kode {code} untuk indikator lain", "{source_en} uses code {code} for another indicator",
                        severity="warning"),
})
def duplicate_code(t):
    """What it finds: one code naming two different indicators — twice in the same Pedoman Kinerja section
    with different names, or a name elsewhere (Lampiran III, Tabel 2, Lampiran II) that is not the indicator
    Lampiran IV gives that code.

    Why a reviewer cares: the code is how a unit's realisation is rolled up; two indicators under one code
    are added together as if they measured the same thing.

    Example: the Sekretariat section of Lampiran III uses T4/SP9/a both for "Nilai Sistem Akuntabilitas
    Kinerja" and for "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB".
    """
    names = dict(t.ik.select("code", "indikator").iter_rows())
    pedoman = t["pedoman"].select("bagian", "kode", "indikator", "baris").rows()
    per_section = defaultdict(list)
    for bagian, kode, indikator, baris in pedoman:
        per_section[(bagian, kode)].append((indikator, baris))
    for (bagian, kode), rows in sorted(per_section.items()):
        distinct = {normalise(indikator) for indikator, _ in rows}
        if len(rows) > 1 and len(distinct) > 1:
            yield finding(duplicate_code, f"IK:{kode}" if kode in names else f"kode:{kode}", "same-section",
                          code=kode, bagian=bagian, uses=[{"indikator": i, "baris": b} for i, b in rows],
                          render={"n": len(distinct)})
    elsewhere = [("lampiran_iii:" + bagian, kode, indikator, baris) for bagian, kode, indikator, baris in pedoman]
    elsewhere += [(sumber, ik, indikator, baris) for sumber, ik, indikator, baris
                  in t["ik_target"].select("sumber", "ik", "indikator", "baris").iter_rows() if ik]
    for source, kode, nama, baris in elsewhere:
        if kode in names and nama and _differs(nama, names[kode]):
            yield finding(duplicate_code, f"IK:{kode}", "other-table", code=kode, source=source, indikator=nama,
                          baris=baris, lampiran_iv=names[kode], render={"source_id": _source_name(source, "id"),
                                                           "source_en": _source_name(source, "en")})


_SOURCE_NAMES = {"lampiran2": "Lampiran II", "tabel2": "Tabel 2"}
_SECTION = {"id": "Lampiran III bagian ", "en": "Lampiran III section "}


def _source_name(source: str, lang: str) -> str:
    """A table for people (`Lampiran III bagian SET`), not its key (`lampiran_iii:SET`)."""
    if source.startswith("lampiran_iii:"):
        return _SECTION[lang] + source.removeprefix("lampiran_iii:")
    return _SOURCE_NAMES.get(source, source)


def _differs(a: str, b: str) -> bool:
    return SequenceMatcher(None, normalise(a), normalise(b)).ratio() < SAME_NAME
