"""`pohon trace`: the chain up to the SS and the subtree down to the komponen, with budgets, on the clean
fixture and on the bundled BSKJI data/ (figures computed here from the CSV files with the csv module)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.checks.view import rupiah


from pohon.cli import main
from pohon.graph import load_graph
from pohon.trace import NodeNotFound, resolve, short, trace
from tests.fixtures import CLEAN

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args):
    return CliRunner().invoke(main, ["trace", *map(str, args)])


def ids(node) -> set[str]:
    return {node.id} | set().union(*(ids(c) for c in node.children)) if node.children else {node.id}


@pytest.fixture(scope="module")
def g():
    return load_graph(CLEAN)


@pytest.mark.parametrize("query,expected", [
    ("T1/SP1/a", "IK:T1/SP1/a"), ("PUS", "Unit:PUS"), ("B1:SK.2.1", "IKK:B1:SK.2.1"),
    ("IKK:B1:SK.2.1", "IKK:B1:SK.2.1"), ("B1:SK.2.1:A", "Komponen:B1:SK.2.1:A"), ("B1:SK.2", "SK:B1:SK.2"),
    ("SP2", "SP:SP2"), ("T2", "Tujuan:T2"), ("pus", "Unit:PUS"), (" t1/sp1/A ", "IK:T1/SP1/a"),
])
def test_short_codes_resolve(g, query, expected):
    assert resolve(g, query) == expected


def test_ik_chain_up_to_ss_and_down_to_komponen(g):
    t = trace(g, "T1/SP1/a")
    assert [c.id for c in t.up.children] == ["SP:SP1", "Tujuan:T1"]
    assert [c.id for c in t.up.children[0].children] == ["SS:Meningkatnya Daya Saing Industri"]
    assert [c.id for c in t.down.children] == ["Unit:B1", "Unit:B2", "Unit:PUS"]
    assert all(c.notes == ["carried"] for c in t.down.children)
    assert t.down.anggaran == {2021: 185.0, 2022: 205.0, 2023: 225.0, 2024: 245.0}
    pus = t.down.children[2]
    assert pus.anggaran == {2021: 100.0, 2022: 110.0, 2023: 120.0, 2024: 130.0}
    assert [k.id for k in pus.children[0].children] == ["Komponen:PUS:SK.1.1:A", "Komponen:PUS:SK.1.1:B"]


def test_komponen_chain_goes_through_ikk_to_unit_and_to_ss(g):
    t = trace(g, "B1:SK.2.1:A")
    up = ids(t.up)
    assert {"IKK:B1:SK.2.1", "SK:B1:SK.2", "Unit:B1", "IK:T2/SP2/a", "SP:SP2", "Tujuan:T2",
            "SS:Penguatan Akuntabilitas Organisasi"} <= up
    assert "Unit:SET" not in up  # the unit reached through SK is not expanded again
    assert t.down.notes == ["bintang"] and t.down.refs == ["Komponen:B1:SK.1.1:A"]


def test_unit_trace_shows_its_indicators_and_its_money(g):
    t = trace(g, "B1")
    assert {"IK:T1/SP1/a", "IK:T2/SP2/a", "Kelompok:UPT"} <= {c.id for c in t.up.children}
    assert t.down.anggaran == {2021: 50.0, 2022: 55.0, 2023: 60.0, 2024: 65.0}
    assert {"Komponen:B1:SK.1.1:A", "Komponen:B1:SK.2.1:A", "Komponen:B1:SK.2.1:B"} <= ids(t.down)


def test_text_is_a_box_drawing_tree():
    r = run("T1/SP1/a", CLEAN)
    assert r.exit_code == 0, r.output
    assert "├── SP SP1 — Meningkatnya Daya Saing Industri" in r.output
    assert "│   └── SS — Meningkatnya Daya Saing Industri" in r.output
    assert "IK T1/SP1/a — Persentase perusahaan yang produktivitasnya meningkat  [185,00 | 205,00 | 225,00 | 245,00]" \
        in r.output
    assert "Komponen PUS:SK.1.1:B — Penyusunan program  [40,00 | 40,00 | 40,00 | 40,00]" in r.output
    en = run("T1/SP1/a", CLEAN, "--lang", "en").output
    assert "Komponen PUS:SK.1.1:B — Penyusunan program  [40.00 | 40.00 | 40.00 | 40.00]" in en
    assert "Ke atas" in r.output and "Upward" in run("T1/SP1/a", CLEAN, "--lang", "en").output


def test_json_format():
    r = run("IKK:PUS:SK.1.1", CLEAN, "--format", "json")
    doc = json.loads(r.output)
    assert doc["node"] == "IKK:PUS:SK.1.1"
    assert doc["down"]["anggaran"] == {"2021": 100.0, "2022": 110.0, "2023": 120.0, "2024": 130.0}
    assert {c["id"] for c in doc["up"]["children"]} == {"SK:PUS:SK.1", "IK:T1/SP1/a"}


def test_unknown_node_exits_2_with_one_line_and_suggestions(g):
    r = run("T1/SP1/x", CLEAN)
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0
    assert "simpul tidak dikenal: 'T1/SP1/x'" in r.stderr and "T1/SP1/a" in r.stderr
    assert "Traceback" not in r.output
    with pytest.raises(NodeNotFound) as err:
        resolve(g, "B1:SK.2.9")
    assert "B1:SK.2.1" in err.value.suggestions
    assert "did you mean" in run("PUSS", CLEAN, "--lang", "en").stderr


# --- the bundled BSKJI data/ ---------------------------------------------------------------------------

def _rows(name: str) -> list[dict]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.skipif(not (DATA / "komponen.csv").exists(), reason="data/ not extracted yet")
def test_trace_t1_sp3_a_on_data_names_sp_ss_units_and_budget():
    ik = "T1/SP3/a"
    [row] = [r for r in _rows("cascading.csv") if f"{r['tujuan']}/{r['sp']}/{r['kode']}" == ik]
    [sp] = [r for r in _rows("sp.csv") if r["kode"] == row["sp"]]
    units = _rows("units.csv")
    marked = {t for t in {u["tipe"] for u in units} if row.get(t, "").strip().lower() == "o"}
    ikks = {(r["unit"], r["ikk"]) for r in _rows("ikk.csv") if r["ik"] == ik}
    carriers = {u["kode"] for u in units if u["tipe"] in marked} | {u for u, _ in ikks}
    years = sorted(int(c[-4:]) for c in _rows("komponen.csv")[0] if c.startswith("anggaran_"))
    money = {y: 0.0 for y in years}
    for k in _rows("komponen.csv"):
        if (k["unit"], k["ikk"]) in ikks:
            for y in years:
                money[y] += float(k[f"anggaran_{y}"] or 0)

    r = run(ik, DATA)
    assert r.exit_code == 0, r.output
    assert f"SP {sp['kode']} — {sp['nama']}" in r.output
    assert f"SS — {sp['ss']}" in r.output
    assert carriers and all(f"Unit {u} — " in r.output for u in carriers)
    assert any(v > 0 for v in money.values())
    root = f"IK {ik} — {row['indikator']}  [" + " | ".join(rupiah(money[y], "id") for y in years) + "]"
    assert root in r.output


def test_unknown_node_suggests_indicators_by_name_words():
    r = run("sakip-badan", CLEAN)
    assert r.exit_code == 2 and "mungkin maksudnya: T2/SP2/a" in r.stderr


# --- the scoped trace (`pohon trace` builds only what it shows) ----------------------------------------

def _queries(g):
    by_kind: dict[str, list[str]] = {}
    for n, d in sorted(g.nodes(data=True)):
        by_kind.setdefault(d["kind"], []).append(n)
    picked = []
    for kind, ids in by_kind.items():
        picked += ids if kind in ("IK", "Unit", "SP", "Tujuan", "Kelompok") else ids[::17]
    return picked + [short(n) for n in picked] + [n.lower() for n in picked[::5]] + ["P4SI:SK.9.9", "t1/sp3/A"]


@pytest.mark.parametrize("make", ["data", "synth"])
def test_scoped_trace_equals_the_trace_on_the_whole_graph(make, tmp_path):
    from pohon.graph import build_graph
    from pohon.load import load_dataset
    from pohon.synth import synthesize
    from pohon.trace import NodeNotFound, trace_dataset

    folder = DATA if make == "data" else tmp_path / "s"
    if make == "synth":
        synthesize(folder, 2, seed=7)
    ds = load_dataset(folder)
    whole = build_graph(ds)
    for q in _queries(whole):
        try:
            expected = trace(whole, q).as_dict()
        except NodeNotFound as err:
            with pytest.raises(NodeNotFound) as got:
                trace_dataset(ds, q)
            assert got.value.suggestions == err.suggestions
            continue
        assert trace_dataset(ds, q).as_dict() == expected, q
