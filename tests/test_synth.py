"""`pohon synth`: a synthetic cascade loads cleanly and reports exactly the injected defects."""
from __future__ import annotations

import json
from collections import Counter

from click.testing import CliRunner

from pohon.checks import all_rules, run_checks
from pohon.cli import main
from pohon.graph import load_graph
from pohon.load import load_dataset
from pohon.synth import synthesize


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_synthetic_cascade_reports_exactly_the_injected_defects(tmp_path):
    info = synthesize(tmp_path, agencies=2, seed=7)
    load_dataset(tmp_path)  # raises LoadError on any row error
    expected = json.loads((tmp_path / "expected_findings.json").read_text(encoding="utf-8"))
    assert expected == info["expected"]
    assert set(expected) == set(all_rules()), "every registered rule needs an injected defect"
    assert all(count > 0 for count in expected.values())
    found = Counter(f.rule for f in run_checks(load_graph(tmp_path)))
    for rule_id in sorted(all_rules()):
        assert found.get(rule_id, 0) == expected[rule_id], rule_id


def test_shape_and_unique_codes(tmp_path):
    info = synthesize(tmp_path, agencies=2, seed=3)
    g = load_graph(tmp_path)
    kinds = Counter(a["kind"] for _, a in g.nodes(data=True))
    assert kinds["SP"] == 2 * 10 and kinds["Tujuan"] == 2 * 4 and kinds["IK"] == 2 * 34  # 31 regular, 2 orphan-indicator defects, 1 single-output-outcome defect
    assert kinds["Komponen"] == info["komponen"] > 1500
    assert len({a["kode"] for _, a in g.nodes(data=True) if a["kind"] == "Unit"}) == kinds["Unit"] == info["units"]


def test_same_seed_same_bytes_and_cli(tmp_path):
    synthesize(tmp_path / "a", agencies=2, seed=11)
    result = CliRunner().invoke(main, ["synth", str(tmp_path / "b"), "--agencies", "2", "--seed", "11"])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    synthesize(tmp_path / "c", agencies=2, seed=12)
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_komponen_target_scales_the_balai(tmp_path):
    info = synthesize(tmp_path, agencies=2, seed=1, komponen_target=10_000)
    assert 8_000 < info["komponen"] < 12_000
    found = Counter(f.rule for f in run_checks(load_graph(tmp_path)))
    assert dict(found) == info["expected"]
