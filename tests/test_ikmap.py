"""assign_ik: IKK -> Lampiran IV indicator, per unit type, with the no-matches and near-misses."""
from __future__ import annotations

from pathlib import Path

import pytest

from pohon.extract.ikmap import assign_ik
from pohon.extract.source import read_lines
from pohon.extract.tables import extract_tables

SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_ac569454753712dc.txt"

if not SOURCE.exists():  # never skip: a green run must mean the real source was read
    raise RuntimeError(f"source text missing: {SOURCE} (../shared/seed must sit beside the project)")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return read_lines(SOURCE)


@pytest.fixture(scope="module")
def tables(lines) -> dict:
    return extract_tables(lines)


def _assign(tables, tipe: str, nama: str, sk_nama: str = "", kode: str | None = None) -> tuple[str, str]:
    unit = {"kode": kode or tipe, "nama": tipe, "tipe": tipe}
    sk = {"unit": unit["kode"], "sk": "SK.1", "nama": sk_nama}
    ikk = {"unit": unit["kode"], "ikk": "SK.1.1", "sk": "SK.1", "nama": nama}
    return assign_ik(unit, sk, ikk, tables)


@pytest.mark.parametrize("tipe, nama, expected", [
    # pusat: the unit-name suffix and the "DN" / parenthesis variants of Lampiran III
    ("P4SI", "SNI bidang industri yang diterapkan dan diberlakukan", "T1/SP3/a"),
    ("P4SI", "Persentase nilai capaian penggunaan produk dalam negeri dalam pengadaan barang dan jasa di P4SI",
     "T1/SP3/d"),
    ("P4SI", "Peningkatan kompetensi pengujian/standardisasi di Dalam Negeri (satker)", "T1/SP3/g"),
    ("P2SI", "Peningkatan cakupan wilayah pengawasan SNI wajib", "T1/SP3/i"),
    ("PIH", "Persentase jumlah perusahaan yang mengelola limbah industri", "T1/SP3/j"),
    ("POPTIKJI", "Persentase jumlah perusahaan peserta rintisan teknologi yang produktivitas/ efisiensinya "
                 "meningkat", "T2/SP1/b"),
    # Sekretariat
    ("SET", "Indeks Manfaat Kerja Sama (Skala 1 - 5)", "T3/SP8/a"),
    ("SET", "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) BSKJI (Khusus di tingkat Eselon I)",
     "T4/SP9/a"),
    ("SET", "Nilai laporan keuangan BSKJI", "T4/SP9/b"),
    # balai besar and balai: names as the balai section writes them
    ("BBSPJI", "Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi", "T3/SP1/c"),
    ("BBSPJI", "Nilai Minimal Indeks Layanan Publik", "T4/SP8/c"),
    ("BBSPJI", "Produktivitas/efisiensi perusahaan industri yang memanfaatkan teknologi industri melalui jasa "
               "konsultansi dan/atau optimalisasi pemanfaatan teknologi", "T1/SP3/c"),
    ("BSPJI", "Persentase nilai capaian penggunaan produk dalam negeri dalam negeri dalam pengadaan barang dan jasa",
     "T1/SP3/d"),
    ("BSPJI", "Nilai minimal akuntabilitas kinerja", "T4/SP9/a"),
    ("BSPJI", "Meningkatnya PNBP layanan Jasa Industri", "T1/SP3/e"),
])
def test_maps(tables, tipe, nama, expected):
    code, note = _assign(tables, tipe, nama)
    assert code == expected, note
    assert note


def test_unmarked_type_is_mapped_with_a_note(tables):
    # Lampiran IV marks only BBSPJI for T1/SP2/b, but Lampiran III's balai section lists it and lets a
    # competent BSPJI carry it.
    code, note = _assign(tables, "BSPJI", "Perusahaan yang terfasilitasi industri 4.0")
    assert code == "T1/SP2/b"
    assert "not BSPJI" in note
    code, note = _assign(tables, "SET", "Indeks Penerapan Manajemen Risiko BSKJI (Khusus di tingkat Eselon I)")
    assert code == "T4/SP6/a" and "not SET" in note


def test_sekretariat_bb_indicator_maps_to_none(tables):
    code, note = _assign(tables, "SET", "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB")
    assert code == ""
    assert "T4/SP9/a" in note and "no Lampiran IV row" in note


def test_near_misses_do_not_match(tables):
    # Shares "Satker yang memperoleh … minimal B…" with T4/SP8/c, but is another indicator.
    code, _ = _assign(tables, "BBSPJI", "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB")
    assert code == ""
    # An IKK named after its SK: overlaps T1/SP2/b and T1/SP2/d word-wise but is neither.
    code, note = _assign(tables, "BSPJI", "Penguatan Implementasi Making Indonesia 4.0 dan standardisasi industri",
                         sk_nama="Penguatan Implementasi Making Indonesia 4.0")
    assert code == ""
    assert "SK's name" in note
    # One word away from T1/SP2/e, but the word changes what is measured.
    code, _ = _assign(tables, "BSPJI", "Tingkat kepuasan perusahaan yang diberikan fasilitasi di bidang teknologi "
                                       "industri")
    assert code == ""


def test_type_without_section(tables):
    code, note = _assign(tables, "BSKJI", "Peningkatan Good Governance")
    assert code == "" and "no Lampiran III section" in note


def test_every_lampiran2_ikk_has_a_code_or_a_reason(lines, tables):
    from pohon.extract import lampiran2
    parsed = lampiran2.extract_lampiran2(lines)
    units = {u["kode"]: u for u in parsed["units"]}
    sks = {(s["unit"], s["sk"]): s for s in parsed["sk"]}
    unmapped = []
    for ikk in parsed["ikk"]:
        code, note = assign_ik(units[ikk["unit"]], sks[(ikk["unit"], ikk["sk"])], ikk, tables)
        assert note, ikk
        if not code:
            unmapped.append((ikk["unit"], ikk["ikk"]))
    assert len(parsed["ikk"]) - len(unmapped) >= 333
    assert ("SET", "SK.5.2") in unmapped


def test_name_rules():
    from pohon.extract.nama import extends, near_equal, norm

    assert norm("… barang dan jasa di lingkungan BSKJI") == norm("… barang dan jasa di Satker") == "barang dan jasa"
    assert norm("dalam negeri dalam negeri dalam pengadaan") == "dalam negeri dalam pengadaan"
    assert near_equal("Efektifivas regulasi standardisasi industri", "Efektivitas regulasi standardisasi industri")
    assert near_equal("Nilai laporan keuangan BSKJI", "Nilai minimal laporan keuangan BSKJI")
    assert not near_equal("Perusahaan yang terfasilitasi industri 4.0",
                          "Perusahaan yang terfasilitasi di bidang standardisasi industri")
    assert extends("a b c d e dan/atau f", "a b c d e") and not extends("a b c d e f", "a b c d e")
