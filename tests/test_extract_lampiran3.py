"""Lampiran III (Pedoman Kinerja) on small texts that reproduce each layout case of the source, and the
reconciliation of the real source: 48 entries, each with its six fields or a stated reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from pohon.extract.lampiran3 import extract_pedoman
from pohon.extract.lampiran3_fields import UNREADABLE, mark_formulas
from pohon.extract.source import read_lines
from pohon.extract.teks import TableError

SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_ac569454753712dc.txt"
SIX = ("definisi", "sumber_data", "cara_menghitung", "satuan", "klasifikasi", "penanggung_jawab")
HEADER = ["Kode ", "Tujuan/ ", "Sasaran/ ", "Kode ", "Nama IK Baseline ", "(2021) 2022 2023 2024 ", ""]


def doc(*entry: str, section: str = "Pedoman Kinerja pada PIH", header: tuple = tuple(HEADER)) -> list[str]:
    return ["prose", " Lampiran III Pedoman Kinerja Renstra BSKJI 2021-2024 ", "", section, "", *header,
            *entry, " Lampiran IV Matriks Cascading ", "x"]


def one(*entry: str, **kw) -> dict:
    rows = extract_pedoman(doc(*entry, **kw))
    assert len(rows) == 1
    return rows[0]


SATUAN = ["Satuan: Persen Klasifikasi: Maksimasi Penanggung Jawab: PIH ", ""]


def test_labels_beside_their_text_and_wrapped_lines_joined():
    row = one("T1/SP3/j Persentase jumlah perusahaan ", "yang mengelola limbah ", "N/A N/A 0,8 1 ", "",
              "Definisi: Limbah industri adalah semua jenis bahan sisa ", "berupa limbah padat. ", "",
              "Sumber Data: Jumlah perusahaan menengah besar ", "(Data T-1) ", "",
              "Cara Menghitung: Persentase jumlah perusahaan = A/B*100% ", "", *SATUAN)
    assert row["definisi"] == "Limbah industri adalah semua jenis bahan sisa berupa limbah padat."
    assert row["sumber_data"] == "Jumlah perusahaan menengah besar (Data T-1)"
    assert row["cara_menghitung"] == "Persentase jumlah perusahaan = A/B*100%"  # a formula written as text stays
    assert row["catatan"] is None and row["target_2024"] == 1.0 and row["baris"] == 13


def test_two_word_labels_split_over_lines_and_a_label_alone_on_its_line():
    row = one("T2/SP5/a Perusahaan tersertifikasi SIH 43 72 95 125 ", "",
              "Definisi: ", "", "Salah satu strategi pengembangan industri hijau ", "",
              "Sumber ", "Data: ", "", "Data sertifikat yang diterbitkan LSIH ", "",
              " Cara ", "Menghitung: ", "", "Menghitung akumulasi jumlah perusahaan. ", "",
              "Satuan: ", "Jumlah ", "perusahaan ", "Klasifikasi: ", "Maksimasi ", "PenanggungJawab: PIH ", "")
    assert row["definisi"] == "Salah satu strategi pengembangan industri hijau"
    assert row["sumber_data"] == "Data sertifikat yang diterbitkan LSIH"
    assert row["cara_menghitung"] == "Menghitung akumulasi jumlah perusahaan."
    assert (row["satuan"], row["klasifikasi"], row["penanggung_jawab"]) == ("Jumlah perusahaan", "Maksimasi", "PIH")


def test_a_word_broken_at_a_hyphen_is_kept_whole():
    row = one("T1/SP3/j Limbah 1 2 3 4 ", "Definisi: nilai rataan realisasi indikator- ", "indikator Sasaran ",
              "Sumber Data: aplikasi yang berbeda- ", "beda ", "Cara Menghitung: A - ", "B ", *SATUAN)
    assert row["definisi"] == "nilai rataan realisasi indikator-indikator Sasaran"
    assert row["sumber_data"] == "aplikasi yang berbeda-beda"
    assert row["cara_menghitung"] == "A - B"  # a minus sign between spaces is not a broken word


def test_a_formula_whose_glyphs_were_lost_becomes_one_marker_with_its_lines_in_catatan():
    row = one("T1 Peningkatan Good Governance 57 62 68 76 ", "Definisi: Peningkatan aktivitas internal. ",
              "Sumber Data: Hasil evaluasi unit. ", "Cara ", "Menghitung: ", "",
              "Indikator ini diukur berdasarkan nilai rataan realisasi. ", "",
              "!\"#$#%&'('#\t*4\t,\"-\t('ℎ/#\t =", "1/23'ℎ\t-\"'3$4'4$\t5#6$&'(7-\t8!\t,'6'\t\t*4", "",
              "1/23'ℎ\t8!\t,'6'\t*4", "\t", "", *SATUAN, section="Pedoman Kinerja Tujuan")
    assert row["cara_menghitung"] == f"Indikator ini diukur berdasarkan nilai rataan realisasi. {UNREADABLE}"
    assert row["catatan"] == "Cara Menghitung: rumus tidak terbaca di teks sumber (baris 21–25)"
    assert row["bagian"] == "BSKJI"


def test_the_words_before_a_lost_formula_and_the_legible_terms_after_it_stay():
    row = one("T1/SP3/d P3DN di PIH 68 70 80 85 ", "Definisi: Penggunaan produk dalam negeri. ",
              "Sumber Data: Data pagu anggaran. ", "Cara ", "Menghitung: ",
              "Nilai capaian kinerja diperoleh melalui ", "rumus: RP3DN = @ABCDE", "", "FGHABCDE", " ",
              "RP3DN      = Realisasi capaian penggunaan produk dalam negeri di Satker ",
              "RAP3DN  = Realisasi Anggaran P3DN berdasarkan akun terpilih. ", *SATUAN)
    assert row["cara_menghitung"] == (
        f"Nilai capaian kinerja diperoleh melalui rumus: RP3DN = {UNREADABLE} RP3DN = Realisasi capaian "
        "penggunaan produk dalam negeri di Satker RAP3DN = Realisasi Anggaran P3DN berdasarkan akun terpilih.")
    assert row["catatan"] == "Cara Menghitung: rumus tidak terbaca di teks sumber (baris 19–21)"


def test_short_lines_after_a_lost_formula_belong_to_it_but_the_prose_before_it_does_not():
    body = ["Data yang diperlukan adalah akumulasi rekomendasi (A) dan yang dimanfaatkan oleh satker ",
            "pembina/stakeholder (B). ", "<$3'$\t$#6$&'(7-\t = \t", "d", "", "f", "× 100%\t", "",
            "Rata-rata tingkat kepatuhan LPK = (80%+70%)/2 = ", "75% "]
    out, runs = mark_formulas(body, 100)
    assert out == [body[0], body[1], UNREADABLE, "", body[8], body[9]]
    assert runs == [(102, 106)]  # "75%" after a prose line is the prose's, not a formula's


def test_an_equation_name_before_the_glyphs_is_kept():
    out, runs = mark_formulas(["Er = I@J", "FK", "Ket:  Er = Nilai Efektivitas Regulasi "], 5)
    assert out == [f"Er = {UNREADABLE}", "Ket:  Er = Nilai Efektivitas Regulasi "] and runs == [(5, 6)]
    out, _ = mark_formulas(["Tingkat cakupan (jenis) = LMNOPQ\tIRS\tTPUVW", "FGHPO\tIRS"], 1)
    assert out == [f"Tingkat cakupan (jenis) = {UNREADABLE}"]


def test_balai_section_entries_have_no_targets_and_read_the_same_fields():
    row = one("Kode Tujuan/ ", "Sasaran/ Kode Nama IK ",
              "T1/SP2/b Perusahaan yang terfasilitasi industri 4.0. ",
              "Definisi: Pemanfaatan teknologi dan implementasi mutu/standar merupakan salah satu usaha ",
              "*Catatan: ", "1. BBSPJI wajib melaksanakan kegiatan fasilitasi industri 4.0. ",
              "Sumber Data: Laporan hasil fasilitasi industri 4.0/ Surat Perintah Kerja (SPK) ",
              " Cara ", "Menghitung: ", "Menghitung jumlah perusahaan industri pada tahun berjalan. ",
              "Satuan: ", "Perusahaan ", "Klasifikasi: Maksimasi Penanggung Jawab: Seluruh Balai Besar ", "",
              section="Pedoman Kinerja pada BBSPJI dan BSPJI", header=())
    assert row["bagian"] == "BALAI" and row["target_2021"] is None
    assert row["definisi"].endswith("*Catatan: 1. BBSPJI wajib melaksanakan kegiatan fasilitasi industri 4.0.")
    assert row["cara_menghitung"] == "Menghitung jumlah perusahaan industri pada tahun berjalan."
    assert row["penanggung_jawab"] == "Seluruh Balai Besar"


def test_a_field_the_entry_does_not_give_is_empty_with_the_reason():
    row = one("T3/SP5/c Tingkat kepatuhan LSIH N/A N/A N/A 100 ", "Definisi: Lembaga Sertifikasi Industri Hijau. ",
              "Cara Menghitung: perbandingan LSIH yang patuh. ", *SATUAN)
    assert row["sumber_data"] is None
    assert row["catatan"] == "tidak ada Sumber Data di teks sumber"


def test_an_entry_without_satuan_block_is_an_error():
    with pytest.raises(TableError, match="line 13"):
        extract_pedoman(doc("T1/SP3/j Limbah 1 2 3 4 ", "Definisi: x y z ", ""))


# --- the real source ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pedoman() -> list[dict]:
    return extract_pedoman(read_lines(SOURCE))


def test_the_pedoman_reconciles_48_entries_each_with_six_fields_or_a_stated_reason(pedoman):
    assert len(pedoman) == 48
    for row in pedoman:
        missing = [f for f in SIX if not row[f]]
        for f in missing:  # a field left empty says why in catatan ("tidak ada …", "… kosong di teks sumber")
            assert row["catatan"] and "di teks sumber" in row["catatan"], (row["bagian"], row["kode"], f)
        if row["cara_menghitung"] and UNREADABLE in row["cara_menghitung"]:
            assert "rumus tidak terbaca di teks sumber (baris " in row["catatan"], (row["bagian"], row["kode"])
    assert all(all(row[f] for f in SIX) for row in pedoman)  # in this source every entry has all six
    lost = {(r["bagian"], r["kode"]) for r in pedoman if UNREADABLE in r["cara_menghitung"]}
    assert len(lost) == 20 and ("P4SI", "T1/SP3/d") in lost and ("PIH", "T1/SP3/d") not in lost


def test_no_glyph_garbage_is_kept_in_any_field(pedoman):
    for row in pedoman:
        for f in ("definisi", "sumber_data", "cara_menghitung"):
            text = row[f].replace(UNREADABLE, "")
            assert not any(ch in text for ch in "\t$#@^ℎ") and "FGH" not in text, (row["kode"], f, text)


def test_sample_fields_of_the_real_source(pedoman):
    rows = {(r["bagian"], r["kode"], r["baris"]): r for r in pedoman}
    lpk = rows[("P2SI", "T1/SP3/b", 16174)]
    assert lpk["cara_menghitung"].endswith("Rata-rata tingkat kepatuhan LPK = (80%+70%+90%+90%+100%)/5 = 86%")
    assert lpk["sumber_data"] == "Laporan pengawasan LPK berkala dan khusus (berasal dari pengaduan yang terverifikasi)"
    er = rows[("P4SI", "T1/SP4/a", 16124)]
    assert er["cara_menghitung"].startswith(f"Er = {UNREADABLE} Ket: Er = Nilai Efektivitas Regulasi")
    sakip = rows[("SET", "T4/SP9/a", 17209)]
    assert sakip["cara_menghitung"].startswith("Menghitung jumlah Satker di lingkungan BSKJI")
    kolaborasi = rows[("BALAI", "T3/SP1/c", 17289)]
    assert kolaborasi["cara_menghitung"].endswith(f"sesudah kegiatan kolaborasi (B). {UNREADABLE}")
    assert kolaborasi["catatan"] == "Cara Menghitung: rumus tidak terbaca di teks sumber (baris 17337–17345)"


def test_a_label_with_no_text_is_empty_with_the_reason():
    row = one("T3/SP5/c Tingkat kepatuhan LSIH N/A N/A N/A 100 ", "Definisi: Lembaga Sertifikasi Industri Hijau. ",
              "Sumber Data: ", "", "Cara Menghitung: perbandingan LSIH yang patuh. ", *SATUAN)
    assert row["sumber_data"] is None and row["catatan"] == "Sumber Data kosong di teks sumber"
