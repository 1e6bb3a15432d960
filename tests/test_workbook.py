"""A cascade in one .xlsx workbook (issue 14): data/ -> workbook -> the same graph and findings; errors on
their sheet and cell; a workbook re-saved by LibreOffice (a second, real producer) loads the same."""
from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pohon.checks import run_checks
from pohon.cli import main
from pohon.errors import LoadError
from pohon.exporters.workbook import to_xlsx
from pohon.graph import build_graph
from pohon.load import load_dataset
from pohon.schema import TABLES
from tests.golden.canonical import findings_doc, graph_digest
from tests.test_init import assert_guided

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def data():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def book(data, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("book") / "pohon.xlsx"
    path.write_bytes(to_xlsx(data))
    return path


def _same(a, b):
    assert graph_digest(build_graph(a)) == graph_digest(build_graph(b))
    assert findings_doc(run_checks(a)) == findings_doc(run_checks(b))


def test_round_trip_gives_the_same_graph_and_findings(data, book):
    _same(data, load_dataset(book))


def test_the_exported_workbook_guides_as_the_init_one_does(book):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["PANDUAN", *(t.name for t in TABLES)]
    assert_guided(wb)
    ikk = wb["ikk"]
    shown = {ikk.cell(r, c).number_format for r in range(2, ikk.max_row + 1) for c in range(6, 10)}
    assert {"0.00", "0.0"} <= shown  # targets written 3.50 / 74.0 show so


def _edited(book: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(book)
    edit(wb)
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def _errors(path: Path) -> list[str]:
    with pytest.raises(LoadError) as err:
        load_dataset(path)
    return [str(e) for e in err.value.errors]


def test_errors_name_the_sheet_and_the_cell(book, tmp_path):
    def edit(wb):
        ws = wb["komponen"]
        ws["E12"] = "12x"                        # not a number
        ws["F3"] = "=1+1"                        # a formula with no stored value
        ws["G4"] = datetime.date(2021, 5, 1)     # a date in a money column
    got = _errors(_edited(book, tmp_path, edit))
    assert got[0].startswith("edited.xlsx:komponen!F3: ")  # sorted by row, then column
    assert any(e.startswith("edited.xlsx:komponen!E12: bad-number: '12x' in column 'anggaran_2021'") for e in got)
    assert any(e.startswith("edited.xlsx:komponen!F3: formula-without-value: the formula '=1+1'") for e in got)
    assert any(e.startswith("edited.xlsx:komponen!G4: bad-number: '2021-05-01'") for e in got)


def test_sheets_the_typed_reader_reads(book, tmp_path):
    """A value right of the header, a header not on row 1, a column mixing text and numbers: python-calamine
    reads these sheets (fastexcel could not give their cells exactly), with the errors a CSV file gives."""
    def edit(wb):
        wb["komponen"]["K5"] = "a note"
        wb["sk"].insert_rows(1)
        wb["units"]["D3"] = "banyak"
    got = _errors(_edited(book, tmp_path, edit))
    assert "edited.xlsx:komponen!K5: too-many-fields: 11 fields for 10 columns / kolom berlebih" in got
    assert any(e.startswith("edited.xlsx:sk!A1: empty-file: ") for e in got)
    assert any(e.startswith("edited.xlsx:units!D3: bad-number: 'banyak' in column 'pagu_2021'") for e in got)


def _both_readers(path: Path) -> dict[str, tuple]:
    """Per sheet, what fastexcel's reader and python-calamine's give (None: fastexcel leaves the sheet)."""
    import fastexcel
    from python_calamine import CalamineWorkbook

    from pohon.load.workbook import _fast, _grid_of_values, _parsed

    fast, typed = fastexcel.read_excel(path), CalamineWorkbook.from_path(str(path))
    out = {}
    for name in fast.sheet_names:
        a, b = _fast(fast, name), _parsed(_grid_of_values(typed.get_sheet_by_name(name)), name)
        out[name] = None if a is None else ((a.header, a.frame.rows()), (b.header, b.frame.rows()))
    return out


def test_the_two_readers_give_the_same_cells(book, tmp_path):
    """fastexcel reads a sheet a typed column at a time, pohon writing its numbers; python-calamine a typed cell
    at a time: the same cells on every sheet of the BSKJI workbook and for numbers of every size and form."""
    for name, (fast, typed) in _both_readers(book).items():
        assert fast == typed, name
    numbers = [1851.36, 3500, 12345678.12, 1e20, 1e-7, 2.5e-5, -0.0, 123456789012345678, 0.1 + 0.2, 1e15,
               999999999999999.9, -5, 5e-324, 1.7976931348623157e308, 622637.76, None]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "s"
    ws.append(["angka", "teks", "kosong"])
    for i, n in enumerate(numbers):
        ws.append([n, f"baris {i}\nkedua" if i % 2 else " 1.851,36 ", None])
    wb.save(tmp_path / "numbers.xlsx")
    fast, typed = _both_readers(tmp_path / "numbers.xlsx")["s"]
    assert fast == typed
    assert [row[0] for row in fast[1]][:6] == ["1851.36", "3500", "12345678.12", "1e+20", "1e-07", "2.5e-05"]


def test_a_missing_sheet_and_a_file_that_is_no_workbook(book, tmp_path):
    assert _errors(_edited(book, tmp_path, lambda wb: wb.remove(wb["units"])))[0].startswith(
        "edited.xlsx:0:0: missing-sheet: sheet 'units' is required")
    assert _errors(tmp_path / "nowhere.xlsx") == [
        f"{tmp_path / 'nowhere.xlsx'}:0:0: missing-file: workbook not found / buku kerja tidak ada"]
    fake = tmp_path / "fake.xlsx"
    fake.write_text("kode,nama\n", encoding="utf-8")
    assert _errors(fake)[0].startswith(f"{fake}:0:0: bad-workbook: not a readable .xlsx workbook")


def test_numbers_typed_as_text_in_either_locale_and_as_numbers(book, tmp_path):
    def edit(wb):
        ws = wb["komponen"]
        ws["E2"], ws["F2"], ws["G2"] = "1.851,36", "5,458.06", 5357.12
    ds = load_dataset(_edited(book, tmp_path, edit))
    row = ds.tables["komponen"].row(0, named=True)
    assert (row["anggaran_2021"], row["anggaran_2022"], row["anggaran_2023"]) == (1851.36, 5458.06, 5357.12)


def _libreoffice(book: Path, tmp_path: Path) -> Path:
    """`book` converted to .xlsx again by LibreOffice headless: a second, real producer of the format."""
    assert SOFFICE, "LibreOffice Calc is needed: bash scripts/install-test-deps installs it"
    out = tmp_path / "lo"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(book)],
                   check=True, capture_output=True, timeout=180)
    return out / book.name


def test_a_workbook_resaved_by_libreoffice_loads_the_same(data, book, tmp_path):
    _same(data, load_dataset(_libreoffice(book, tmp_path)))


def test_every_command_reads_a_workbook(book, tmp_path):
    r = CliRunner().invoke(main, ["check", str(book)])
    assert r.exit_code == 1 and "2227 simpul" in r.stdout
    r = CliRunner().invoke(main, ["trace", "P4SI:SK.1.2:A", str(book)])
    assert r.exit_code == 0 and "Penguatan Kemampuan LPK" in r.stdout
    r = CliRunner().invoke(main, ["export", "xlsx", str(book), "-o", str(tmp_path / "again.xlsx")])
    assert r.exit_code == 0
    _same(load_dataset(book), load_dataset(tmp_path / "again.xlsx"))


def _export_csv(source: Path, out: Path) -> list[str]:
    """`pohon export csv SOURCE -o OUT`; the files that differ from data/'s."""
    r = CliRunner().invoke(main, ["export", "csv", str(source), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(f.name for f in out.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    return sorted(f.name for f in out.iterdir() if f.read_bytes() != (DATA / f.name).read_bytes())


def test_export_csv_gives_back_data_byte_for_byte(book, tmp_path):
    """data/ -> CSV and data/ -> workbook -> CSV: every file byte-equal to data/'s, the 96 targets the document
    writes with a trailing zero (`3.50`, `74.0`) included: the loader keeps their decimals, the workbook shows
    them by the cell's number format (`0.00`) and reads them back from it."""
    assert _export_csv(DATA, tmp_path / "from-data") == []
    assert _export_csv(book, tmp_path / "from-book") == []
    ds = load_dataset(book)
    assert sum(ds.tables["ikk"][f"target_{y}_dp"].is_not_null().sum() for y in ds.years) == 96


def test_a_workbook_resaved_by_libreoffice_gives_back_data_byte_for_byte(book, tmp_path):
    assert _export_csv(_libreoffice(book, tmp_path), tmp_path / "csv") == []


def test_decimals_are_those_written_and_only_when_a_number_needs_fewer(tmp_path):
    """`3.50` keeps two decimals, `3,50` in a decimal-comma file too; `3.5`, `74`, `BB` and `1.000` read as a
    thousand keep none."""
    import polars as pl

    from pohon.load.cells import decimals_shown

    cells = ["3.50", "3,50", "74.0", "3.5", "74", "BB", "1.000", "1.000", " 0.10 ", "-2.0"]
    values = [3.5, 3.5, 74.0, 3.5, 74.0, None, 1000.0, 1.0, 0.1, -2.0]
    got = pl.DataFrame({"s": cells, "v": values}).select(decimals_shown(pl.col("s"), pl.col("v")))
    assert got.to_series().to_list() == [2, 2, 1, None, None, None, None, 3, 2, 1]


def test_column_letters_and_numbers_are_inverse():
    from pohon.errors import column_letter, column_number

    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert all(column_number(column_letter(n)) == n for n in range(1, 20_000))


def test_the_decimals_a_number_format_shows():
    """`0.0`, `0.00` (built-in 2) and `"Rp" #,##0.000` show the number with fixed decimals; General, a
    percentage and an exponent do not show the number itself."""
    import xml.etree.ElementTree as ET

    from pohon.load.sheetxml import _fixed_decimal_styles

    styles = ET.fromstring(
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>'
        '<numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" formatCode="0.0"/>'
        '<numFmt numFmtId="166" formatCode="0.00E+00"/><numFmt numFmtId="167" formatCode="&quot;Rp&quot; #,##0.000"/>'
        '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>'
        '<xf numFmtId="2"/><xf numFmtId="167"/><xf numFmtId="10"/></cellXfs></styleSheet>')
    assert _fixed_decimal_styles(styles) == {2: 1, 4: 2, 5: 3}
