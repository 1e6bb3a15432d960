"""extract_tables on the real source: Lampiran IV marks, Tabel 10, Tabel 2, Lampiran III, ik_target."""
from __future__ import annotations

from pathlib import Path

import pytest

from pohon.extract.cascading import readings
from pohon.extract.lampiran4 import UNIT_COLUMNS
from pohon.extract.source import read_lines
from pohon.extract.tables import COLUMNS, extract_tables
from pohon.extract.teks import TableError

SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_ac569454753712dc.txt"

if not SOURCE.exists():  # never skip: a green run must mean the real source was read
    raise RuntimeError(f"source text missing: {SOURCE} (../shared/seed must sit beside the project)")


@pytest.fixture(scope="module")
def tables() -> dict:
    return extract_tables(read_lines(SOURCE))


# IK id -> (unit columns marked, kategori). Read from the matrix; the five rows whose spacing is
# ambiguous (T1/SP2/b..e, T4/SP9/a) and the single-mark T4/SP6/a are decided as catatan explains.
EXPECTED_MARKS = {
    "T2/SP1/a": ("PIH", "UKE-1"),
    "T2/SP1/b": ("POPTIKJI", "UKE-2"),
    "T3/SP1/c": ("BBSPJI BSPJI", "UKE-2"),
    "T1/SP2/a": ("POPTIKJI", "UKE-1"),
    "T1/SP2/b": ("BBSPJI", "UKE-2"),
    "T1/SP2/c": ("BBSPJI", "UKE-2"),
    "T1/SP2/d": ("BBSPJI BSPJI", "UKE-2"),
    "T1/SP2/e": ("BBSPJI BSPJI", "UKE-2"),
    "T1/SP3/a": ("P4SI", "UKE-1"),
    "T1/SP3/b": ("P2SI", "UKE-1"),
    "T1/SP3/c": ("POPTIKJI BBSPJI BSPJI", "UKE-1"),
    "T1/SP3/d": ("SET P4SI P2SI POPTIKJI PIH BBSPJI BSPJI", "UKE-1"),
    "T1/SP3/e": ("BBSPJI BSPJI", "UKE-2"),
    "T1/SP3/f": ("BBSPJI BSPJI", "UKE-2"),
    "T1/SP3/g": ("P4SI", "UKE-2"),
    "T1/SP3/h": ("P2SI", "UKE-2"),
    "T1/SP3/i": ("P2SI", "UKE-2"),
    "T1/SP3/j": ("PIH", "UKE-2"),
    "T1/SP4/a": ("P4SI", "UKE-1"),
    "T1/SP4/b": ("POPTIKJI", "UKE-2"),
    "T1/SP4/c": ("PIH", "UKE-2"),
    "T2/SP5/a": ("PIH", "UKE-1"),
    "T2/SP5/b": ("BBSPJI BSPJI", "UKE-1"),
    "T3/SP5/c": ("PIH", "UKE-2"),
    "T4/SP6/a": ("", "UKE-1"),
    "T4/SP6/b": ("SET BBSPJI BSPJI", "UKE-1"),
    "T4/SP7/a": ("SET BBSPJI BSPJI", "UKE-1"),
    "T3/SP8/a": ("SET", "UKE-1"),
    "T4/SP8/b": ("SET", "UKE-1"),
    "T4/SP8/c": ("SET BBSPJI BSPJI", "UKE-1"),
    "T4/SP9/a": ("SET BBSPJI BSPJI", "UKE-1"),
    "T4/SP9/b": ("SET BBSPJI BSPJI", "UKE-1"),
}


def _id(row: dict) -> str:
    return f"{row['tujuan']}/{row['sp']}/{row['kode']}"


def test_every_table_has_exactly_the_readme_columns(tables):
    assert set(tables) == {"cascading", "tabel10", "tujuan", "sp", "ik_target", "pedoman"}
    for name, rows in tables.items():
        for row in rows:
            assert list(row) == COLUMNS[name]
            assert isinstance(row["baris"], int)
            assert all(v is None or isinstance(v, (str, float, int)) for v in row.values())


def test_cascading_has_32_rows_in_document_order(tables):
    # data/README.md says 31, but the matrix prints 32 distinct codes (T1/SP3 alone has a..j).
    rows = tables["cascading"]
    assert [_id(r) for r in rows] == list(EXPECTED_MARKS)
    assert rows[0]["baris"] == 17879 and rows[-1]["baris"] == 18142


@pytest.mark.parametrize("ik", list(EXPECTED_MARKS))
def test_cascading_marks(tables, ik):
    row = next(r for r in tables["cascading"] if _id(r) == ik)
    units, kategori = EXPECTED_MARKS[ik]
    assert " ".join(u for u in UNIT_COLUMNS if row[u] == "o") == units
    assert all(row[u] in ("o", None) for u in UNIT_COLUMNS)
    assert row["kategori"] == kategori


def test_cascading_catatan_explains_every_ambiguous_row(tables):
    noted = {_id(r) for r in tables["cascading"] if r["catatan"] and "ambiguous" in r["catatan"]}
    assert noted == {"T1/SP2/b", "T1/SP2/c", "T1/SP2/d", "T1/SP2/e", "T4/SP6/a", "T4/SP9/a"}
    single = next(r for r in tables["cascading"] if _id(r) == "T4/SP6/a")
    assert "single mark" in single["catatan"] and "Set, BBSPJI, BSPJI" in single["catatan"]
    ikm = next(r for r in tables["cascading"] if _id(r) == "T2/SP5/b")
    assert "Set, BBSPJI, BSPJI" in ikm["catatan"]  # Lampiran II names Set; the matrix does not


def test_cascading_names_and_perspektif(tables):
    rows = {_id(r): r for r in tables["cascading"]}
    assert rows["T1/SP3/g"]["satuan"] == "Ruang Lingkup"
    assert rows["T1/SP3/g"]["indikator"] == (
        "Peningkatan kompetensi pengujian/standardisasi di DN (hanya meliputi SNI wajib)")
    assert rows["T4/SP6/a"]["indikator"] == "Indeks penerapan Manajemen Risiko BSKJI (khusus Eselon 1)"
    assert rows["T2/SP1/a"]["perspektif"] == "Stakeholder"
    assert rows["T1/SP3/j"]["perspektif"] == "Customer"
    assert rows["T4/SP6/b"]["perspektif"] == "Internal Process"
    assert rows["T4/SP9/b"]["perspektif"] == "Learning & Growth"


def test_mark_readings_allow_only_valid_columns():
    # "o    o" after the satuan: BBSPJI then a kategori that sits between UKE-1 and UKE-2.
    assert [5, 7] in readings([11, 16]) and [5, 8] in readings([11, 16])
    assert all(c[-1] in (7, 8) for c in readings([6, 8, 12]))


def test_tabel10(tables):
    rows = {r["kelompok"]: r for r in tables["tabel10"]}
    assert list(rows) == ["P4SI", "P2SI", "PIH", "POPTIKJI", "SET", "UPT", "TOTAL"]
    assert rows["P4SI"]["pagu_2021"] == 12705.51
    assert rows["PIH"]["pagu_2024"] == 37300.0
    assert rows["SET"]["pagu_2024"] == 56891.0
    assert rows["UPT"]["pagu_2023"] == 597925.36
    assert rows["TOTAL"]["pagu_2023"] == 694189.70
    assert rows["TOTAL"]["pagu_2024"] == 745330.0
    for year in ("2021", "2022", "2023", "2024"):
        parts = sum(r[f"pagu_{year}"] for k, r in rows.items() if k != "TOTAL")
        assert parts == pytest.approx(rows["TOTAL"][f"pagu_{year}"], abs=0.02)


def test_tujuan_takes_tabel2_figures(tables):
    rows = {r["kode"]: r for r in tables["tujuan"]}
    assert [rows["T1"][f"target_{y}"] for y in (2021, 2022, 2023, 2024)] == [51, 54, 58, 62]  # text says 61
    assert rows["T4"]["nama"] == "Peningkatan Good Governance"
    assert rows["T2"]["target_2024"] == 49


def test_tabel2_targets(tables):
    t2 = {r["ik"]: r for r in tables["ik_target"] if r["sumber"] == "tabel2"}
    assert len(t2) == 17
    assert [t2["T1/SP3/a"][f"target_{y}"] for y in (2021, 2022, 2023, 2024)] == [5.5, 5.6, 6.0, 6.5]
    assert t2["T2/SP5/a"]["satuan"] == "Jumlah Perusahaan (akumulatif)"
    assert t2["T2/SP5/a"]["target_2024"] == 125
    assert t2["T2/SP5/b"]["target_2021"] == 3.5  # after the repeated page header
    sakip = t2["T4/SP9/a"]  # figures on their own lines
    assert [sakip[f"target_{y}"] for y in (2021, 2022, 2023, 2024)] == [None, None, 73.8, 74.0]
    assert t2["T4/SP6/b"]["target_2021"] == 91.5


def test_ik_target_lampiran2_rows(tables):
    l2 = [r for r in tables["ik_target"] if r["sumber"] == "lampiran2"]
    assert len(l2) == 17 and all(r["ik"] and r["tujuan"] is None for r in l2)
    by_ik = {r["ik"]: r for r in l2}
    assert by_ik["T1/SP3/c"]["unit_terkait"] == "POPTIKJI, BBSPJI, BSPJI"
    assert by_ik["T1/SP3/d"]["unit_terkait"] == "Seluruh Unit Kerja"
    assert by_ik["T2/SP5/b"]["unit_terkait"] == "Set, BBSPJI, BSPJI"
    assert by_ik["T4/SP8/b"]["unit_terkait"] == "Set"
    assert by_ik["T1/SP4/a"]["indikator"] == "Efektifivas regulasi standardisasi industri"  # typo as written


def test_sp_rows(tables):
    sp = {r["kode"]: r for r in tables["sp"]}
    assert list(sp) == [f"SP{i}" for i in range(1, 10)]
    assert sp["SP1"]["nama"] == "Meningkatnya Daya Saing Industri Pengolahan Nonmigas"
    assert sp["SP1"]["program"] == "Program Nilai Tambah dan Daya Saing Industri"
    assert sp["SP6"]["program"] == "Program Dukungan Manajemen"
    assert all(r["ss"] == r["nama"] for r in sp.values())


def test_pedoman_counts(tables):
    counts: dict[str, int] = {}
    for r in tables["pedoman"]:
        counts[r["bagian"]] = counts.get(r["bagian"], 0) + 1
    assert counts == {"BSKJI": 4, "P4SI": 4, "P2SI": 4, "PIH": 6, "POPTIKJI": 5, "SET": 10, "BALAI": 15}
    p4si = [r["kode"] for r in tables["pedoman"] if r["bagian"] == "P4SI"]
    assert p4si == ["T1/SP3/a", "T1/SP3/d", "T1/SP3/g", "T1/SP4/a"]


def test_pedoman_keeps_the_duplicate_set_code(tables):
    dup = [r for r in tables["pedoman"] if r["bagian"] == "SET" and r["kode"] == "T4/SP9/a"]
    assert [r["indikator"] for r in dup] == [
        "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) BSKJI (Khusus di tingkat Eselon I)",
        "Satker yang memperoleh nilai akuntabilitas kinerja minimal BB",
    ]
    assert [r["target_2024"] for r in dup] == [74.0, 93.0]
    assert dup[0]["penanggung_jawab"] == "Bagian Program dan Kerja Sama Sekretariat BSKJI"


def test_pedoman_sample_rows(tables):
    rows = {(r["bagian"], r["kode"]): r for r in tables["pedoman"]}
    lsih = rows[("PIH", "T3/SP5/c")]
    assert [lsih[f"target_{y}"] for y in (2021, 2022, 2023, 2024)] == [None, None, None, 100.0]
    rintek = rows[("POPTIKJI", "T2/SP1/b")]  # this entry's columns are (2022) 2023 2024
    assert [rintek[f"target_{y}"] for y in (2021, 2022, 2023, 2024)] == [None, 65.0, 95.0, 95.0]
    sih = rows[("PIH", "T2/SP5/a")]
    assert sih["satuan"] == "Jumlah perusahaan" and sih["penanggung_jawab"] == "PIH"
    assert rows[("BSKJI", "T1")]["target_2024"] == 62.0
    industri40 = rows[("BALAI", "T1/SP2/b")]
    assert industri40["penanggung_jawab"] == "Seluruh Balai Besar" and industri40["target_2024"] is None
    assert rows[("SET", "T4/SP6/a")]["klasifikasi"] == "Maksimasi"


def test_missing_table_is_a_typed_error():
    with pytest.raises(TableError):
        extract_tables(["nothing here"])
