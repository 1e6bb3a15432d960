"""The 30 units of Lampiran II: how a header's name maps to a unit code, its type and Tabel 10 row."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    kode: str
    tipe: str
    kelompok: str


_PUSAT = [
    ("BADAN STANDARDISASI DAN KEBIJAKAN JASA INDUSTRI", Unit("BSKJI", "BSKJI", "TOTAL")),
    ("SEKRETARIAT BSKJI", Unit("SET", "SET", "SET")),
    ("Pusat Perumusan, Penerapan, dan Pemberlakuan", Unit("P4SI", "P4SI", "P4SI")),
    ("Pusat Pengawasan Standardisasi Industri", Unit("P2SI", "P2SI", "P2SI")),
    ("Pusat Industri Hijau", Unit("PIH", "PIH", "PIH")),
    ("Pusat Optimalisasi Pemanfaatan Teknologi", Unit("POPTIKJI", "POPTIKJI", "POPTIKJI")),
]

# Balai Besar (BBSPJI): the words that name each one after "Jasa [Industri]".
_BBSPJI = [
    ("Kimia, Farmasi, dan Kemasan", "KFK"),
    ("Agro", "AGRO"),
    ("Keramik dan Mineral Nonlogam", "KMN"),
    ("Tekstil", "TEKSTIL"),
    ("Bahan dan Barang Teknik", "BBT"),
    ("Selulosa", "SELULOSA"),
    ("Logam dan Mesin", "LM"),
    ("Kulit, Karet, dan Plastik", "KKP"),
    ("Kerajinan dan Batik", "KB"),
    ("Hasil Perkebunan, Mineral Logam, dan Maritim", "HPMM"),
    ("Pencegahan Pencemaran Industri", "PPI"),
]

_BSPJI = [
    ("Banda Aceh", "ACEH"), ("Medan", "MEDAN"), ("Padang", "PADANG"), ("Pekanbaru", "PEKANBARU"),
    ("Palembang", "PALEMBANG"), ("Bandar Lampung", "LAMPUNG"), ("Jakarta", "JAKARTA"),
    ("Surabaya", "SURABAYA"), ("Pontianak", "PONTIANAK"), ("Banjarbaru", "BANJARBARU"),
    ("Samarinda", "SAMARINDA"), ("Manado", "MANADO"), ("Ambon", "AMBON"),
]

def unit_for(nama: str) -> Unit | None:
    """The unit a Lampiran II header names, or None when the name is not one of the 30."""
    for prefix, unit in _PUSAT:
        if nama.startswith(prefix):
            return unit
    if nama.startswith("Balai Besar "):
        for words, code in _BBSPJI:
            if nama.endswith(words):
                return Unit(f"BBSPJI-{code}", "BBSPJI", "UPT")
    elif nama.startswith("Balai "):
        for words, code in _BSPJI:
            if nama.endswith(" " + words):
                return Unit(f"BSPJI-{code}", "BSPJI", "UPT")
    return None
