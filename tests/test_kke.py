"""`pohon kke`: the evaluation workbook read back with openpyxl, and recalculated by LibreOffice headless
(a second, real producer) to check that the live Ringkasan scores equal pohon's own, before and after an
evaluator changes an answer."""
from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pohon import kke
from pohon.checks import run_checks
from pohon.cli import main
from pohon.graph import load_graph

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def sheets():
    g = load_graph(DATA)
    return {s.name: s for s in kke.build(g, run_checks(g))}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kke") / "kke.xlsx"
    r = CliRunner().invoke(main, ["kke", str(DATA), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def _row(ws, kode: str, jenis: str | None = None) -> dict:
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2, values_only=True):
        cells = dict(zip(head, row))
        if cells["kode"] == kode and (jenis is None or cells.get("jenis") == jenis):
            return cells
    raise KeyError(kode)


def test_named_indicators_get_the_answers_their_evidence_supports(workbook):
    wb = openpyxl.load_workbook(workbook)
    smart = wb["KKE-1 SMART-C"]
    full = _row(smart, "T1/SP2/a", "IK")  # satuan %, four targets, Maksimasi rising
    assert (full["S"], full["M"], full["A"], full["R"], full["T"], full["C"]) == (None, "Y", None, "Y", "Y", "Y")
    gap = _row(smart, "T1/SP3/j", "IK")  # targets only for 2023-2024 (Lampiran III PIH): target-missing
    assert gap["T"] == "K" and "target-missing" in gap["bukti (aturan, temuan, sumber)"]
    falling = next(r for r in smart.iter_rows(min_row=2, values_only=True) if r[0] == "IKK" and r[10] == "T")
    assert "target-direction" in falling[11]
    r_values = {r[8] for r in smart.iter_rows(min_row=2, values_only=True)}
    assert r_values == {"Y", "T"}  # some indicator hangs on no cascade (orphan-indicator on data/)
    cascading = wb["KKE-2 Cascading"]
    out = _row(cascading, "T1/SP2/b", "IK")  # output-oriented-indicator fires on it
    assert out["tautan"] == "Y" and out["sesuai tingkat"] == "T"
    money = wb["KKE-3 Anggaran"]
    loose = [r for r in money.iter_rows(min_row=2, values_only=True) if r[-2] == "T"]
    assert loose and all("budget-without-indicator" in r[-1] for r in loose)


def test_answer_cells_have_validation_shading_frozen_headers_and_filters(workbook, sheets):
    wb = openpyxl.load_workbook(workbook)
    for name, sheet in sheets.items():
        ws = wb[name]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        [dv] = ws.data_validations.dataValidation
        assert dv.type == "list" and dv.formula1 == '"Y,T,K"'
        assert str(dv.sqref) == kke_range(sheet)
        first = len(sheet.columns) + 1
        for i, row in enumerate(sheet.rows[:50], start=2):
            for j, c in enumerate(sheet.answer_columns):
                cell = ws.cell(i, first + j)
                assert cell.value == row.answers[c]
                assert (cell.fill.fgColor.rgb == "00FFF2CC") == (row.answers[c] is None)
    summary = wb["Ringkasan"]
    assert [summary.cell(r, 1).value for r in range(5, 8)] == list(sheets)
    assert all(str(summary.cell(r, 2).value).startswith("=IF(") for r in range(5, 8))


def kke_range(sheet) -> str:
    from pohon.exporters.kke_xlsx import answer_range

    return answer_range(sheet).split("!", 1)[1]


def _recalculated(workbook: Path, tmp: Path) -> list[list[str]]:
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,1",
                    "--outdir", str(tmp), str(workbook)], check=True, capture_output=True, timeout=120)
    [out] = tmp.glob("*Ringkasan*.csv")
    return list(csv.reader(out.open(encoding="utf-8")))


def _score(text: str) -> float:
    return float(text.rstrip("%")) / 100


def _python_scores(path: Path, sheets) -> dict[str, float]:
    """The scores recomputed from the workbook's answer cells as they are now (Y 1, K 0.5, T 0)."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for name, sheet in sheets.items():
        first = len(sheet.columns) + 1
        values = [kke.SCORES[v] for row in wb[name].iter_rows(min_row=2, min_col=first,
                                                              max_col=first + len(sheet.answer_columns) - 1,
                                                              values_only=True) for v in row if v]
        out[name] = sum(values) / len(values)
    return out


def test_libreoffice_recalculates_the_scores_pohon_computes_and_follows_an_edit(workbook, sheets, tmp_path):
    assert SOFFICE, "LibreOffice Calc is needed: bash scripts/install-test-deps installs it"
    rows = _recalculated(workbook, tmp_path / "a")
    got = {r[0]: _score(r[1]) for r in rows[4:7]}
    assert got == pytest.approx({name: s.score() for name, s in sheets.items()}, abs=1e-9)
    assert {r[0]: int(r[3]) for r in rows[4:7]} == {name: s.open_cells() for name, s in sheets.items()}
    edited = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(workbook)
    ws = wb["KKE-3 Anggaran"]
    col = len(sheets["KKE-3 Anggaran"].columns) + 1
    assert ws.cell(2, col).value == "Y"
    ws.cell(2, col).value = "T"  # the evaluator disagrees with one answer
    wb.save(edited)
    rows = _recalculated(edited, tmp_path / "b")
    after = {r[0]: _score(r[1]) for r in rows[4:7]}
    assert after == pytest.approx(_python_scores(edited, sheets), abs=1e-9)
    assert after["KKE-3 Anggaran"] < got["KKE-3 Anggaran"]


def test_cli_refuses_a_non_xlsx_output(tmp_path):
    r = CliRunner().invoke(main, ["kke", str(DATA), "-o", str(tmp_path / "kke.csv")])
    assert r.exit_code == 2 and ": bad-suffix: " in r.stderr and not (tmp_path / "kke.csv").exists()


def test_m_reads_cara_menghitung_from_the_pedoman_and_cites_it(sheets):
    rows = {(r.cells["jenis"], r.cells["kode"]): r for r in sheets["KKE-1 SMART-C"].rows}
    p3dn = rows[("IK", "T1/SP3/d")]  # six sections; P4SI's formula is lost in the text, PIH's is readable
    assert p3dn.answers["M"] == "Y"
    assert "cara menghitung: Lampiran III PIH baris 16579: Nilai capaian kinerja" in " | ".join(p3dn.evidence)
    lost = rows[("IKK", "P4SI:SK.3.1")]  # the P4SI IKK of T1/SP4/a reads its own section's entry
    assert any(e.startswith("cara menghitung: Lampiran III P4SI baris 16124 (rumus tidak terbaca di teks sumber)")
               for e in lost.evidence)
    # a satuan and a way to compute it but no IK-level target in any year: partly measurable
    fasilitasi = rows[("IK", "T1/SP2/b")]
    assert fasilitasi.answers["M"] == "K" and "cara menghitung: Lampiran III BALAI baris 17354" in " ".join(fasilitasi.evidence)
    # the Sekretariat IKK that maps to no IK has no Pedoman Kinerja entry to read
    orphan = rows[("IKK", "SET:SK.5.2")]
    assert orphan.answers["M"] == "K" and "cara menghitung: tidak ada di Pedoman Kinerja (Lampiran III)" in orphan.evidence
