"""pohon.csvsafe: what pohon writes to CSV never runs as a formula in a spreadsheet, and numbers stay numbers."""
from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from pohon.csvsafe import safe_cell, safe_row


def test_formula_starters_are_neutralised():
    assert safe_cell("=HYPERLINK(\"http://x\",\"klik\")") == "'=HYPERLINK(\"http://x\",\"klik\")"
    assert safe_cell("+62 21 525") == "'+62 21 525"
    assert safe_cell("-1+1") == "'-1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell("-") == "'-"


def test_numbers_and_plain_text_are_unchanged():
    assert safe_cell(-12.5) == -12.5
    assert safe_cell(0) == 0
    assert safe_cell("-12.5") == "-12.5"  # a plain negative number written as text stays that number
    assert safe_cell("Layanan jasa teknis") == "Layanan jasa teknis"
    assert safe_cell("T1/SP3/a") == "T1/SP3/a"
    assert safe_cell(None) == ""
    assert safe_cell(True) == 1
    assert safe_row(["=1", -3.0, "x"]) == ["'=1", -3.0, "x"]


def test_negative_number_round_trips_as_number_through_csv():
    buf = io.StringIO()
    csv.writer(buf).writerow(safe_row(["=cmd|' /C calc'!A0", -1234.56, "nama"]))
    row = next(csv.reader(io.StringIO(buf.getvalue())))
    assert row == ["'=cmd|' /C calc'!A0", "-1234.56", "nama"]
    assert float(row[1]) == -1234.56


@given(st.text())
def test_no_text_cell_can_start_a_formula(text):
    out = safe_cell(text)
    if out.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(out)  # only plain numbers may start with a sign
    assert out == text or out == "'" + text


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_numbers_pass_through(x):
    assert safe_cell(x) == x


def test_data_csv_written_by_pohon_is_excel_safe_and_loads_back_unchanged(tmp_path):
    """The extractor's writer neutralises formula-like text; the loader reads it back as written."""
    import csv
    import shutil

    from pohon.extract.source import csv_text
    from pohon.load import load_dataset
    from tests.fixtures import CLEAN

    for f in CLEAN.iterdir():
        shutil.copy(f, tmp_path / f.name)
    rows = list(csv.DictReader(open(CLEAN / "komponen.csv", encoding="utf-8")))
    evil = '=HYPERLINK("http://x","klik")'
    rows[0]["nama"] = evil
    rows[1]["nama"] = "-Pengadaan @gedung"
    (tmp_path / "komponen.csv").write_text(csv_text(list(rows[0]), rows), encoding="utf-8")
    written = (tmp_path / "komponen.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in written and "'-Pengadaan" in written
    names = set(load_dataset(tmp_path).komponen["nama"].to_list())
    assert evil in names and "-Pengadaan @gedung" in names
