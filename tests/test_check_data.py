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


# issue 13: indicator-quality rules


def test_targets_missing_on_data(findings):
    mine = [f for f in findings if f.rule == "target-missing"]
    ik = {f.node: f.details["years"] for f in mine if f.node.startswith("IK:")}
    all_years = [2021, 2022, 2023, 2024]
    # the balai-only UKE-2 IKs: no Tabel 2 / Lampiran II row and empty Lampiran III balai targets
    assert {n for n, years in ik.items() if years == all_years} == {
        "IK:T1/SP2/b", "IK:T1/SP2/c", "IK:T1/SP2/d", "IK:T1/SP2/e", "IK:T1/SP3/e", "IK:T1/SP3/f", "IK:T3/SP1/c"}
    # Lampiran III (PIH) targets T1/SP3/j for 2023 and 2024 only; the revision's new IKs start late
    assert {n: y for n, y in ik.items() if y != all_years} == {
        "IK:T1/SP3/j": [2021, 2022], "IK:T1/SP4/b": [2021], "IK:T2/SP1/b": [2021], "IK:T3/SP5/c": [2021, 2022, 2023],
        "IK:T3/SP8/a": [2021, 2022], "IK:T4/SP6/a": [2021, 2022], "IK:T4/SP9/a": [2021, 2022],
        "IK:T4/SP9/b": [2021, 2022]}
    [j] = _by(findings, "target-missing", "IK:T1/SP3/j")
    assert (j.kind, j.details["stated"]) == ("missing-years", [2023, 2024])
    ikk = [f for f in mine if f.node.startswith("IKK:")]
    assert len(ikk) == 92 and all(f.severity == "warning" for f in mine)
    # two BSPJI write N/A in every year for "Perusahaan yang terfasilitasi industri 4.0"
    assert sorted(f.node for f in ikk if f.kind == "no-target") == [
        "IKK:BSPJI-MANADO:SK.2.1", "IKK:BSPJI-SAMARINDA:SK.2.1"]
    assert sum(f.details["years"] == [2021, 2022] for f in ikk) == 75


def test_bspji_carry_4_0_facilitation_the_matrix_gives_bbspji_only(findings):
    got = {f.node: (f.details["tipe"], f.details["ik"], f.details["unit_types"])
           for f in findings if f.rule == "carrier-not-marked"}
    assert got == {
        **{f"IKK:BSPJI-{city}:SK.2.1": ("BSPJI", "T1/SP2/b", ["BBSPJI"])
           for city in ("PALEMBANG", "SURABAYA", "PONTIANAK", "BANJARBARU", "SAMARINDA", "MANADO")},
        "IKK:SET:SK.1.1": ("SET", "T4/SP6/a", []),  # Manajemen Risiko: the matrix marks no unit at all
    }


def test_iks_resting_on_one_ikk(findings):
    got = {f.node: f.details["ikk"] for f in findings if f.rule == "single-output-outcome"}
    assert len(got) == 17
    assert got["IK:T1/SP4/a"] == "IKK:P4SI:SK.3.1" and got["IK:T2/SP5/a"] == "IKK:PIH:SK.4.1"
    assert got["IK:T4/SP6/a"] == "IKK:SET:SK.1.1" and got["IK:T1/SP3/j"] == "IKK:PIH:SK.2.1"
    # none of the IKs every balai carries (those have 24 or more IKKs)
    assert not any(ik in got for ik in ("IK:T1/SP3/c", "IK:T1/SP3/d", "IK:T4/SP7/a"))
    assert {f.severity for f in findings if f.rule == "single-output-outcome"} == {"info"}


def test_output_worded_indicators_on_data(findings):
    got = {f.node: f.details["words"] for f in findings if f.rule == "output-oriented-indicator"}
    # docs/indicator-quality.md gives the judgement on each of these and on every IK the rule leaves alone
    assert got == {
        "IK:T1/SP2/b": ["terfasilitasi"], "IK:T1/SP2/d": ["terfasilitasi"], "IK:T1/SP3/a": ["diberlakukan"],
        "IK:T1/SP3/d": ["pengadaan barang dan jasa"], "IK:T1/SP3/e": ["pnbp"],
        "IK:T1/SP3/f": ["jumlah hasil layanan"], "IK:T1/SP3/g": ["ruang lingkup"], "IK:T1/SP3/h": ["cakupan"],
        "IK:T1/SP3/i": ["cakupan"], "IK:T1/SP4/c": ["rancangan"], "IK:T2/SP5/a": ["tersertifikasi"],
        "IK:T4/SP6/b": ["ditindaklanjuti"], "IK:T4/SP8/b": ["sistem informasi"],
        "SP:SP4": ["tersedianya"], "SP:SP5": ["terselenggaranya"], "SP:SP8": ["sistem informasi"],
        "Tujuan:T2": ["aktivitas"],
    }
    # an outcome word outweighs an output word: "peserta" and "jumlah" are there, the change is named too
    assert "IK:T2/SP1/b" not in got
    # but not a count of the unit's own service results: "digunakan" only qualifies what T1/SP3/f counts
    [f] = _by(findings, "output-oriented-indicator", "IK:T1/SP3/f")
    assert [m["pattern"] for m in f.details["matched"]] == [r"\bjumlah (hasil )?layanan\b"]


def test_every_indicator_of_data_has_a_complete_pedoman_entry(findings):
    """definition-incomplete is silent on data/: each of the 32 IKs has entries and the unit section of every
    IKK that cascades lists its IK, and each of the 48 entries gives all six fields (the 20 formulas lost in
    the text are the text's loss, not the document's: data/README.md)."""
    assert [f for f in findings if f.rule == "definition-incomplete"] == []
    from pohon.checks.pedoman import Pedoman

    g = load_graph(DATA)
    pedoman = Pedoman(g.graph["pedoman"])
    iks = [n for n, a in g.nodes(data=True) if a["kind"] == "IK"]
    assert len(iks) == 32 and all(pedoman.of_ik(g.nodes[n]["kode"]) for n in iks)
    read = {}
    for n, a in g.nodes(data=True):
        if a["kind"] == "IKK" and a.get("ik") and f"IK:{a['ik']}" in g:
            unit = g.nodes[f"Unit:{a['unit']}"]
            read[n] = pedoman.of_ikk(unit["tipe"], unit["kelompok"], a["ik"], a["nama"])
    assert len(read) == 333 and all(read.values())
    assert read["IKK:BSPJI-AMBON:SK.3.3"]["bagian"] == "BALAI"
    assert read["IKK:P4SI:SK.1.1"]["bagian"] == "P4SI"
    # the Sekretariat section lists T4/SP9/a twice: the IKK reads the entry of its own name (line 17170)
    sakip = [n for n in read if n.startswith("IKK:SET:") and g.nodes[n]["ik"] == "T4/SP9/a"]
    assert [read[n]["baris"] for n in sakip] == [17170]


def test_an_incomplete_balai_entry_is_reported_once_on_its_ik_naming_every_ikk_that_reads_it(tmp_path):
    import csv
    import shutil

    for p in DATA.glob("*.csv"):
        shutil.copy(p, tmp_path / p.name)
    with (DATA / "pedoman.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if (r["bagian"], r["kode"]) == ("BALAI", "T1/SP3/e"):
            r["sumber_data"] = ""
    with (tmp_path / "pedoman.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    [got] = run_checks(load_graph(tmp_path), ["definition-incomplete"])
    assert (got.node, got.kind, got.details["bagian"], got.details["baris"]) == ("IK:T1/SP3/e", "incomplete", "BALAI", 17562)
    assert got.details["missing"] == ["sumber_data"] and len(got.details["ikk"]) == 24
    assert got.message("id") == "entri Pedoman Kinerja (Lampiran III) bagian BALAI, baris 17562, tanpa Sumber Data"
    assert got.message("en") == ("its Pedoman Kinerja entry (Lampiran III section BALAI, line 17562) lacks "
                                 "data source")


def test_the_pedoman_fields_ride_on_the_graph_and_dataset_side_tables():
    """Exporters (the Neo4j push among them) read the Lampiran III fields from G.graph["pedoman"]."""
    from pohon.load import load_dataset

    ds = load_dataset(DATA)
    assert {"definisi", "sumber_data", "cara_menghitung", "catatan"} <= set(ds.tables["pedoman"].columns)
    rows = load_graph(DATA).graph["pedoman"]
    [lpk] = [r for r in rows if (r["bagian"], r["kode"]) == ("P2SI", "T1/SP3/b")]
    assert lpk["sumber_data"].startswith("Laporan pengawasan LPK berkala") and not lpk["catatan"]
    assert lpk["definisi"] and lpk["cara_menghitung"].endswith("= 86%") and lpk["baris"] == 16174
    assert sum(1 for r in rows if r["catatan"]) == 20
