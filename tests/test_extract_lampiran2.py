"""The Lampiran II per-unit extractor on small texts that reproduce each layout case of the source."""
from __future__ import annotations

import pytest

from pohon.extract.errors import ExtractError
from pohon.extract.lampiran2 import extract_lampiran2, parse_lampiran2
from pohon.extract.lampiran2_layout import best_years, split_figures

PAGE_HEADER = [
    " KODE ", "", "KEGIATAN / SASARAN KEGIATAN ", "", "/ INDIKATOR SASARAN ", "",
    "KEGIATAN/KOMPONEN/ ", "", "SUBKOMPONEN ", "", "SATUAN ", "", "TARGET DAN PEMBIAYAAN ", "",
    "2021 2022 2023 2024 ", "",
    "TARGET RP. JUTA TARGET RP. JUTA TARGET RP. JUTA TARGET RP. JUTA ", "",
]
FOOTER = [
    "*Anggaran kegiatan/aktivitas yang tidak diisi (kosong) karena anggaran kegiatan/aktivitas "
    "tersebut ada pada indikator yang lain ",
    "Rencana Strategis BSKJI 2021-2024  225 ",
]
TOTAL = "BADAN STANDARDISASI DAN KEBIJAKAN JASA INDUSTRI   660,308.91   668,735.55   694,189.70   745,330 "


def doc(*body: str, unit: tuple[str, ...] = ("Pusat Industri Hijau   100.00   200.00   300.00   400.00 ",)) -> list[str]:
    """A source text: some prose, the BSKJI total line, one unit, `body`, then Lampiran III."""
    return ["prose", "", *PAGE_HEADER, TOTAL, "", *unit, "",
            "SK.1 Meningkatnya Daya Saing Industri Pengolahan Nonmigas ", "",
            "SK.1.1 Efisiensi sumber daya ", "", "Persen 4   5   6   7   ", "",
            *body, "", " Lampiran III Pedoman Kinerja Renstra BSKJI 2021-2024 ", "x"]


def komponen(lines: list[str]) -> list[dict]:
    return extract_lampiran2(lines)["komponen"]


def money(row: dict) -> list:
    return [row[f"anggaran_{y}"] for y in (2021, 2022, 2023, 2024)]


def test_all_four_years_filled():
    rows = komponen(doc("A Perumusan RSNI, ST dan/atau ", "PTC ", "",
                        "    1,851.36   5,458.06   5,357.12   3,500.00 "))
    assert rows[0]["nama"] == "Perumusan RSNI, ST dan/atau PTC"
    assert money(rows[0]) == [1851.36, 5458.06, 5357.12, 3500.0]
    assert rows[0]["baris"] == len(doc()) - 2  # the line after the IKK block


def test_one_line_all_years_and_blank_2024():
    rows = komponen(doc("A Penguatan Kemampuan LPK     7,737.69   10,000.00   4,212.78     "))
    assert money(rows[0]) == [7737.69, 10000.0, 4212.78, None]


@pytest.mark.parametrize("body, expected", [
    (("A Diseminasi tentang Regulasi ", "", "Teknis ", "                88.14 "), [None, None, None, 88.14]),
    (("B Pengadaan alat uji                 6,500.00 ",), [None, None, None, 6500.0]),
    (("A Layanan Sistem ", "Informasi ", "            19.58 ",), [None, None, 19.58, None]),
    (("A Layanan Kearsipan             19.58   19.57 ",), [None, None, 19.58, 19.57]),
    (("A Jasa Pelayanan         72.00 ",), [None, 72.0, None, None]),
])
def test_single_year_by_spacing(body, expected):
    assert money(komponen(doc(*body))[0]) == expected


def test_figures_alone_on_their_own_lines():
    rows = komponen(doc(
        "A Pengelolaan Keuangan dan ", "", "Perbendaharaan     ", "  ", "", "  ",
        "30.55 ", "", "  ", "35.18 ", "", "  ", "45.44 ", "",
        "B Monitoring dan pengawasan ", "pelaksanaan kerja dan kegiatan     ", "",
        "62.58 ", "  ", "", "76.06 ", "  ", "", "87.71 ", "  ", "", "38.87 ",
    ))
    assert money(rows[0]) == [None, 30.55, 35.18, 45.44]
    assert money(rows[1]) == [62.58, 76.06, 87.71, 38.87]


def test_extra_space_still_has_one_nearest_year():
    # 6 spaces after the name instead of 5, then six blank cells: the figure is 2024's
    rows = komponen(doc("A Pelaksanaan Pengelolaan ", "Kearsipan      ", "", "  ", "  ", "",
                        "  ", "  ", "", "  ", "  ", "", "15.00 "))
    assert money(rows[0]) == [None, None, None, 15.0]
    assert best_years([18]) == [(3,)]


def test_unit_header_split_over_lines_with_totals_later():
    header = ("Balai Standardisasi dan Pelayanan Jasa Industri Banda ", "", "Aceh   ",
              "13,184.83 ", "", "  ", "12,846.68 ", "", "  ", "13,910.19 ", "", "  ", "15,593.10 ")
    units = extract_lampiran2(doc("A Layanan     1.00   2.00   3.00   4.00 ", unit=header))["units"]
    assert units[0] == {"kode": "BSKJI", "nama": "BADAN STANDARDISASI DAN KEBIJAKAN JASA INDUSTRI",
                        "tipe": "BSKJI", "pagu_2021": 660308.91, "pagu_2022": 668735.55,
                        "pagu_2023": 694189.70, "pagu_2024": 745330.0, "kelompok": "TOTAL",
                        "baris": 21}
    aceh = units[1]
    assert (aceh["kode"], aceh["tipe"], aceh["kelompok"]) == ("BSPJI-ACEH", "BSPJI", "UPT")
    assert aceh["nama"] == "Balai Standardisasi dan Pelayanan Jasa Industri Banda Aceh"
    assert [aceh[f"pagu_{y}"] for y in (2021, 2022, 2023, 2024)] == [13184.83, 12846.68, 13910.19, 15593.10]


def test_page_header_and_footer_mid_table():
    rows = komponen(doc("A Penyusunan Rencana Program ", "", "dan Anggaran P4SI ",
                        *FOOTER, *PAGE_HEADER, "    109.17   242.25   381.50   221.86 ", "",
                        "B Pelaksanaan Pemantauan ", *PAGE_HEADER, "Evaluasi P4SI ", "",
                        "    717.74   546.14   800.00   400.00 "))
    assert [r["nama"] for r in rows] == ["Penyusunan Rencana Program dan Anggaran P4SI",
                                         "Pelaksanaan Pemantauan Evaluasi P4SI"]
    assert money(rows[0]) == [109.17, 242.25, 381.5, 221.86]
    assert money(rows[1]) == [717.74, 546.14, 800.0, 400.0]


def test_name_goes_on_after_figures_across_a_page_break():
    rows = komponen(doc("A Peralatan fasilitas ", "laboratorium/workshop/layanan/ ", "",
                        "    675.79   66.00   232.18   190.00 ", *PAGE_HEADER,
                        "A. Pengadaan Peralatan Laboratorium ", ""))
    assert rows[0]["nama"] == "Peralatan fasilitas laboratorium/workshop/layanan/ A. Pengadaan Peralatan Laboratorium"
    assert money(rows[0]) == [675.79, 66.0, 232.18, 190.0]


def test_starred_komponen():
    rows = komponen(doc("A Penguatan Kemampuan LPK*                   ",
                        "B Penyelenggaraan Sistem ", "Pengendalian Intern Pemerintah* ", "",
                        "            9.09   3.20 "))
    assert (rows[0]["nama"], rows[0]["bintang"], money(rows[0])) == ("Penguatan Kemampuan LPK", 1, [None] * 4)
    assert (rows[1]["bintang"], money(rows[1])) == (1, [None, None, 9.09, 3.2])


def test_wrapped_ikk_name_with_satuan_and_targets():
    lines = doc("A Layanan     1.00             ", "",
                "SK.1.2 Peningkatan kompetensi ", "", "pengujian/standardisasi di ", "",
                "Dalam Negeri (satker) ", "", "Ruang ", "", "Lingkup ", "", "5,5   N/A   -   6,5   ", "",
                "A Forum     1.00             ")
    ikk = extract_lampiran2(lines)["ikk"]
    assert ikk[1] == {"unit": "PIH", "ikk": "SK.1.2", "sk": "SK.1",
                      "nama": "Peningkatan kompetensi pengujian/standardisasi di Dalam Negeri (satker)",
                      "satuan": "Ruang Lingkup", "target_2021": "5.5", "target_2022": None,
                      "target_2023": None, "target_2024": "6.5",
                      "baris": lines.index("SK.1.2 Peningkatan kompetensi ") + 1}


def test_ikk_name_continues_after_targets_and_sk_without_dot():
    lines = doc("A Layanan     1.00             ", "", "SK5 Penguatan Layanan ", "",
                "SK5.1 Produktivitas/efisiensi ", "perusahaan industri yang ", "",
                "Persen 5   10   12   15   ", *PAGE_HEADER, "memanfaatkan teknologi ", "")
    rows = extract_lampiran2(lines)
    assert rows["sk"][1]["sk"] == "SK.5"
    assert (rows["ikk"][1]["ikk"], rows["ikk"][1]["nama"]) == (
        "SK.5.1", "Produktivitas/efisiensi perusahaan industri yang memanfaatkan teknologi")


def test_na_money_cells_keep_their_column_and_decimal_comma():
    rows = komponen(doc("A Paket ", "Teknologi ", "", "    N/A   N/A   100.00   100.00 ", "",
                        "B Kerja sama ", "", "Teknis ", "        72,54   52.54   52.92 "))
    assert money(rows[0]) == [None, None, 100.0, 100.0]
    assert money(rows[1]) == [None, 72.54, 52.54, 52.92]


def test_trailing_spaces_settle_an_ambiguous_gap():
    # 11 spaces fit 2022 and 2023 equally; one space after the last figure means it is 2024's
    rows = komponen(doc("A Pendampingan ", "pangan ", "", "          25.00   25.00 "))
    assert money(rows[0]) == [None, None, 25.0, 25.0]


def test_reconciliation_settles_what_spacing_cannot():
    # 7 spaces: 2021 or 2022; no trailing spaces to tell. The unit totals decide.
    body = ("A Layanan     100.00   100.00   300.00   400.00 ", "B Lain", "", "       100.00")
    unit = ("Pusat Industri Hijau   100.00   200.00   300.00   400.00 ",)
    parsed = parse_lampiran2(doc(*body, unit=unit))
    assert list(parsed.options.values()) == [[(0,), (1,)]]
    assert money(komponen(doc(*body, unit=unit))[1]) == [None, 100.0, None, None]


def test_duplicate_ikk_number_takes_the_next_one():
    lines = doc("A Layanan     1.00             ", "",
                "SK.1.1 Nilai lain Nilai 80   82   84   86   ", "A Forum     1.00             ")
    parsed = parse_lampiran2(lines)
    assert [r["ikk"] for r in parsed.ikk] == ["SK.1.1", "SK.1.2"]
    assert parsed.renumbered == {("PIH", "SK.1.2"): "SK.1.1"}
    assert [r["ikk"] for r in parsed.komponen] == ["SK.1.1", "SK.1.2"]


def test_numbers_inside_names_stay_in_the_name():
    tail = split_figures("Kemampuan ISO 9001:  2015 Baristand     28.80             ")
    assert (tail.head, tail.figures) == ("Kemampuan ISO 9001: 2015 Baristand", ["28.80"])


def test_deterministic():
    lines = doc("A Perumusan     1.00   2.00   3.00   4.00 ")
    assert extract_lampiran2(lines) == extract_lampiran2(list(lines))


def test_unknown_unit_and_missing_targets_are_errors():
    with pytest.raises(ExtractError) as err:
        extract_lampiran2(doc("A x     1.00", unit=("Pusat Entah   1.00   2.00   3.00   4.00 ",)))
    assert err.value.code == "L2-UNIT"
    with pytest.raises(ExtractError) as err:
        extract_lampiran2(["no matrix here"])
    assert err.value.code == "L2-START"
    lines = doc("SK.1.2 Tanpa target ", "A x     1.00")
    with pytest.raises(ExtractError) as err:
        extract_lampiran2(lines)
    assert (err.value.code, err.value.line) == ("L2-TARGET", lines.index("SK.1.2 Tanpa target ") + 1)
    assert str(err.value).startswith("<source>:")
