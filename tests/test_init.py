"""`pohon init`: templates for every data/ file of data/README.md (its header and one example row), a guide,
no overwriting; a cascade made from them and filled with a small example passes loading and `pohon check`."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.graph import load_graph
from pohon.init import TEMPLATES, InitExistsError, init_cascade

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


def cli(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def readme_columns() -> dict[str, set[str]]:
    """file -> its columns as data/README.md documents them (year columns as `prefix_*`, marks as `<mark>`)."""
    out: dict[str, set[str]] = {}
    current = None
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^### (\S+\.csv)", line)
        if m:
            current = out.setdefault(m.group(1), set())
            continue
        if line.startswith("## "):
            current = None
        if current is None:
            continue
        inline = re.match(r"^`([a-z_0-9,]+)`", line)
        cell = re.match(r"^\| ([^|]+?) \|", line)
        names = inline.group(1).split(",") if inline else cell.group(1).split(",") if cell else []
        if cell and cell.group(1) == "column":  # a table's own header row
            continue
        for name in (n.strip() for n in names):
            if not name or set(name) <= {"-"}:
                continue
            current.add(_normal(name.split(" ")[0]))
    return out


def _normal(col: str) -> str:
    if re.match(r"^[a-z]+_\d{4}$", col):
        return col.split("_")[0] + "_*"
    return "<mark>" if col.isupper() else col


def test_a_template_for_every_file_of_data_readme_with_its_columns(tmp_path):
    documented = readme_columns()
    assert "komponen.csv" in documented and "overrides.csv" in documented
    init_cascade(tmp_path)
    for name, columns in documented.items():
        with (tmp_path / name).open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert {_normal(c) for c in rows[0]} == columns, name
        assert len(rows) == 2 and all(len(r) == len(rows[0]) for r in rows), name  # header + one example
    guide = (tmp_path / "PANDUAN.md").read_text(encoding="utf-8")
    assert "pohon check" in guide and "Langkah" in guide and "(English)" in guide


def test_init_then_check_passes_and_refuses_to_overwrite(tmp_path):
    folder = tmp_path / "instansi"
    r = cli("init", folder)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(TEMPLATES)
    assert cli("check", folder).exit_code == 0
    before = (folder / "units.csv").read_text(encoding="utf-8")
    (folder / "units.csv").write_text(before + "X,Unit X,SET,SET,1,1,1,1,1,\n", encoding="utf-8")
    r = cli("init", folder)
    assert r.exit_code == 2 and "tidak menimpa" in r.stderr and r.stderr.count("\n") == 1
    assert (folder / "units.csv").read_text(encoding="utf-8").endswith("X,Unit X,SET,SET,1,1,1,1,1,\n")
    with pytest.raises(InitExistsError):
        init_cascade(folder)
    assert cli("init", folder / "units.csv").exit_code == 2


def _append(folder: Path, name: str, *rows: str) -> None:
    with (folder / name).open("a", encoding="utf-8", newline="") as f:
        f.write("".join(r + "\n" for r in rows))


def _add_mark_column(folder: Path, tipe: str, marked: set[str]) -> None:
    path = folder / "cascading.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0])
    header.insert(header.index("kategori"), tipe)
    for r in rows:
        r[tipe] = "o" if f"{r['tujuan']}/{r['sp']}/{r['kode']}" in marked else ""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_a_cascade_filled_from_the_templates_passes_check(tmp_path):
    folder = tmp_path / "kementerian-contoh"
    init_cascade(folder)
    # an agency row, a second SP and IK, and one Balai carrying it, as another agency would type them
    _append(folder, "units.csv", "BADAN,Badan Contoh,BADAN,300,320,340,360,380,TOTAL,",
            "BAL1,Balai Contoh,BALAI,200,210,220,230,240,UPT,")
    _append(folder, "tabel10.csv", "UPT,Unit Pelaksana Teknis,200,210,220,230,240,",
            "TOTAL,Total,300,320,340,360,380,")
    _append(folder, "sp.csv", "SP2,Meningkatnya layanan jasa industri,Program Nilai Tambah,"
                              "Meningkatnya layanan jasa industri,")
    # the IK names a change for the customers (a count of services would be output-oriented-indicator's)
    _append(folder, "cascading.csv", "Customer,T1,SP2,a,Persentase pelanggan yang puas,%,,UKE-2,,")
    _add_mark_column(folder, "BALAI", {"T1/SP2/a"})
    _append(folder, "ik_target.csv", "lampiran2,T1/SP2/a,,SP2,Persentase pelanggan yang puas,%,"
                                     "80,82,84,86,88,Seluruh Balai,")
    _append(folder, "pedoman.csv", "BALAI,T1/SP2/a,Persentase pelanggan yang puas,%,Maksimasi,"
                                   "80,82,84,86,88,Seluruh Balai,Pelanggan yang menilai layanan baik atau sangat baik,"
                                   "Survei pelanggan balai,Pelanggan yang puas dibagi pelanggan yang disurvei x 100%,,")
    _append(folder, "sk.csv", "BAL1,SK.1,Meningkatnya layanan jasa industri,SP2,")
    _append(folder, "ikk.csv", "BAL1,SK.1.1,SK.1,Jumlah layanan jasa industri,Layanan,"
                               "100,110,120,130,140,T1/SP2/a,,")
    _append(folder, "komponen.csv", "BAL1,SK.1.1,A,Layanan pengujian,150,160,170,180,190,0,",
            "BAL1,SK.1.1,B,Layanan kalibrasi,50,50,50,50,50,0,")
    g = load_graph(folder)
    assert g.graph["years"] == [2025, 2026, 2027, 2028, 2029]
    assert {n for n, a in g.nodes(data=True) if a["kind"] == "Unit"} == {"Unit:SET", "Unit:BADAN", "Unit:BAL1"}
    r = cli("check", folder)
    assert r.exit_code == 0, r.output
    # each IK of this small cascade has one IKK by construction: the info rule single-output-outcome says so,
    # and nothing else is found
    assert "2 temuan (0 galat, 0 peringatan, 2 info)" in r.output
    doc = json.loads(cli("check", folder, "--format", "json").output)
    assert sorted((f["rule"], f["node"]) for f in doc["findings"]) == [
        ("single-output-outcome", "IK:T1/SP1/a"), ("single-output-outcome", "IK:T1/SP2/a")]
    out = cli("budget", folder, "--by", "sp").output
    assert "SP2" in out and "200,00" in out
    assert "Unit BAL1 — Balai Contoh" in cli("trace", "T1/SP2/a", folder).output


def assert_guided(wb) -> None:
    """The drop-downs, number rules, frozen and locked headers of a cascade workbook (init or export): each
    rule reaches 500 rows, or 100 rows past the sheet's last."""
    rules = {}
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        reach = max(500, ws.max_row + 100)
        for dv in ws.data_validations.dataValidation:
            first = str(dv.sqref).split(":")[0]
            col = openpyxl.utils.column_index_from_string(first.rstrip("0123456789"))
            assert str(dv.sqref) == f"{first}:{first.rstrip('0123456789')}{reach}", (ws.title, dv.sqref)
            rules[(ws.title, header[col - 1])] = (dv.type, dv.formula1, dv.errorStyle or "stop")
    assert rules[("komponen", "unit")] == ("list", f"units!$A$2:$A${max(500, wb['units'].max_row + 100)}", "stop")  # unit codes from units
    assert rules[("ikk", "unit")] == rules[("sk", "unit")] == rules[("komponen", "unit")]
    assert rules[("cascading", wb["cascading"]["G1"].value)] == ("list", '"o"', "stop")
    assert rules[("komponen", "bintang")] == ("list", '"0,1"', "stop")
    assert rules[("komponen", "anggaran_2025" if "anggaran_2025" in [c.value for c in wb["komponen"][1]]
                  else "anggaran_2021")][0] == "decimal"
    target = next(v for (t, n), v in rules.items() if t == "ikk" and n.startswith("target_"))
    assert target[0] == "decimal" and target[2] == "warning"  # a text target (BB) stays possible
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2" and ws.protection.sheet, ws.title  # locked headers: columns and years
        assert ws["A1"].protection.locked and not ws["A2"].protection.locked, ws.title
        assert ws.protection.insertRows is False and ws.protection.sort is False  # i.e. allowed (OOXML inverts)


def test_init_xlsx_writes_one_workbook_that_checks_and_guides(tmp_path):
    folder = tmp_path / "baru"
    r = CliRunner().invoke(main, ["init", str(folder), "--xlsx"])
    assert r.exit_code == 0, r.output
    book = folder / "pohon.xlsx"
    assert sorted(p.name for p in folder.iterdir()) == ["pohon.xlsx"]
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == "PANDUAN" and {"units", "komponen", "cascading"} <= set(wb.sheetnames)
    assert_guided(wb)
    c = CliRunner().invoke(main, ["check", str(book)])
    assert c.exit_code == 0, c.output
    again = CliRunner().invoke(main, ["init", str(folder), "--xlsx"])
    assert again.exit_code == 2 and ": folder-not-empty: " in again.stderr


def test_every_template_header_is_the_schema_header():
    """The templates are written in the one declared format (pohon.schema): the same columns in the same
    order, for the template's own period and unit types."""
    from pohon.init import template
    from pohon.schema import BY_FILE, YEAR_COLUMN

    for name in TEMPLATES:
        if name not in BY_FILE:
            continue
        header = next(csv.reader(template(name).splitlines()))
        years = tuple(sorted({int(m.group(2)) for c in header if (m := YEAR_COLUMN.match(c))}))
        table = BY_FILE[name]
        marks = tuple(c for c in header if c.isupper()) if table.marks else ()
        assert header == table.header(years, marks), name
