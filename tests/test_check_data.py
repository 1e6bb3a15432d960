"""`pohon check` on the bundled BSKJI data/: the real findings, by rule, node and amount."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.checks import run_checks
from pohon.cli import main
from pohon.graph import load_graph

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def findings():
    return run_checks(load_graph(DATA))


def _by(findings, rule, node):
    return [f for f in findings if f.rule == rule and f.node == node]


def test_upt_group_differs_from_the_24_upt_headers(findings):
    got = {f.details["year"]: (f.details["expected"], f.details["actual"], f.details["difference"])
           for f in _by(findings, "budget-mismatch", "Kelompok:UPT")}
    assert got == {
        2021: (560216.22, 522486.18, -37730.04),
        2023: (597925.36, 591475.69, -6449.67),
        2024: (607139.0, 563368.64, -43770.36),
    }
    assert all(f.details["parts"] == 24 for f in _by(findings, "budget-mismatch", "Kelompok:UPT"))


def test_sekretariat_tabel10_rounds_2024(findings):
    [f] = _by(findings, "budget-mismatch", "Kelompok:SET")
    assert (f.details["year"], f.details["expected"], f.details["actual"]) == (2024, 56891.0, 56891.58)


def test_unit_gaps_are_the_documented_ones(findings):
    got = {(f.node, f.details["year"]): f.details["difference"]
           for f in findings if f.rule == "budget-mismatch" and f.details["problem"] == "unit-vs-komponen"}
    assert got == {
        ("Unit:BBSPJI-KMN", 2021): 58.31, ("Unit:BBSPJI-KMN", 2022): 143.83, ("Unit:BBSPJI-KMN", 2023): 53.38,
        ("Unit:BBSPJI-LM", 2021): 0.42, ("Unit:BBSPJI-LM", 2022): 0.21, ("Unit:BBSPJI-LM", 2024): -0.4,
        ("Unit:BBSPJI-KB", 2024): -0.54, ("Unit:BSPJI-LAMPUNG", 2023): 0.23, ("Unit:BSPJI-AMBON", 2024): 0.06,
    }


def test_bskji_total_exceeds_its_units(findings):
    got = {f.details["year"]: f.details["difference"] for f in _by(findings, "budget-mismatch", "Unit:BSKJI")}
    assert got == {2021: -37730.04, 2023: -6449.67, 2024: -43769.78}


def test_sekretariat_ikk_minimal_bb_cascades_to_nothing(findings):
    graph = load_graph(DATA)
    [node] = [n for n, a in graph.nodes(data=True) if a["kind"] == "IKK" and a["unit"] == "SET"
              and "minimal BB" in a["nama"] and "akuntabilitas" in a["nama"].lower()]
    [f] = _by(findings, "orphan-indicator", node)
    assert f.details["problem"] == "no-ik"
    funded = [f for f in findings if f.rule == "budget-without-indicator" and f.details.get("ikk") == node]
    assert funded and all(f.severity == "error" for f in funded)


def test_manajemen_risiko_is_carried_by_no_unit(findings):
    [f] = _by(findings, "orphan-indicator", "IK:T4/SP6/a")
    assert f.details["problem"] == "no-unit"
    [m] = _by(findings, "matrix-inconsistency", "IK:T4/SP6/a")
    assert m.details["lampiran_iv"] == [] and m.details["unit_terkait"] == ["BBSPJI", "BSPJI", "SET"]


def test_one_code_two_indicators_in_the_sekretariat_pedoman(findings):
    errors = [f for f in _by(findings, "duplicate-code", "IK:T4/SP9/a") if f.severity == "error"]
    assert len(errors) == 1 and errors[0].details["bagian"] == "SET"
    assert len(errors[0].details["uses"]) == 2


def test_cli_on_bundled_data_exits_1_with_json_findings():
    result = CliRunner().invoke(main, ["check", str(DATA), "--format", "json"])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["summary"]["by_severity"]["error"] > 0
    assert {"rule", "severity", "node", "message", "details"} <= set(doc["findings"][0])
