"""Which Lampiran III (Pedoman Kinerja) entries belong to an indicator, and which of its six fields one lacks.

An IK has the entries of every section that lists its code. An IKK has the entry of its own unit's section
(the section named by the unit's `tipe`, or `BALAI` for a unit of kelompok UPT) with the code of the IK it
cascades to: Lampiran III is written per unit section, in the words the units' IKKs use, so that entry is
the IKK's own definition. A section that lists the code twice gives the IKK the entry whose name is the
IKK's (Sekretariat T4/SP9/a), else the first. Rows are dicts as G.graph["pedoman"] holds them.
"""
from __future__ import annotations

import re

from pohon.words import words

# the six fields the guidance asks of every indicator (their names for people: pohon.words 'pedoman-fields')
FIELDS = ("definisi", "cara_menghitung", "sumber_data", "satuan", "klasifikasi", "penanggung_jawab")
UPT_SECTION = "BALAI"


def missing(entry: dict) -> list[str]:
    """The fields of FIELDS the entry leaves empty (or whose column the file does not have)."""
    return [f for f in FIELDS if not str(entry.get(f) or "").strip()]


def field_names(fields: list[str], lang: str) -> str:
    names = words("pedoman-fields", lang)
    return ", ".join(names[f] for f in fields)


def sections(tipe: str | None, kelompok: str | None) -> tuple[str, ...]:
    """The Lampiran III sections a unit reads: its type's, and the balai section for a UPT."""
    out = (str(tipe or "").upper(),)
    return out + (UPT_SECTION,) if str(kelompok or "").upper() == "UPT" else out


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split())


class Pedoman:
    """The Lampiran III rows of a cascade, looked up by indicator."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.by_code: dict[str, list[dict]] = {}
        for row in rows:
            self.by_code.setdefault(row.get("kode"), []).append(row)
        self._in_sections: dict[tuple, list[dict]] = {}  # (sections, ik) -> its entries there

    def of_ik(self, code: str) -> list[dict]:
        return self.by_code.get(code, [])

    def candidates(self, tipe: str | None, kelompok: str | None, ik: str | None) -> list[dict]:
        """The entries of `ik` in the sections a unit of this type and kelompok reads."""
        if not ik:
            return []
        mine = sections(tipe, kelompok)
        found = self._in_sections.get((mine, ik))
        if found is None:
            found = [r for r in self.of_ik(ik) if str(r.get("bagian") or "").upper() in mine]
            self._in_sections[(mine, ik)] = found
        return found

    def of_ikk(self, tipe: str | None, kelompok: str | None, ik: str | None, nama: str | None) -> dict | None:
        candidates = self.candidates(tipe, kelompok, ik)
        if len(candidates) > 1:  # the names decide only between several entries (at 1M IKKs: 1.8 s -> 0.2 s)
            name = _norm(nama)
            named = [r for r in candidates if _norm(r.get("indikator")) == name]
            if named:
                return named[0]
        return candidates[0] if candidates else None
