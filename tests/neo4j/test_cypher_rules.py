"""Every rule of the registry in Cypher: cypher/<rule-id>.cypher returns the findings of the Python rule
(rule, node, kind, severity; and the details where the file says they are the same) on data/, the clean
cascade, every rule fixture and a synthetic cascade (`pohon synth`), pushed to a real server."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from pohon.checks import all_rules, run_checks
from pohon.exporters.neo4j.push import push
from pohon.load import load_dataset
from pohon.synth import synthesize
from tests.fixtures import BAD_FIXTURES, CLEAN, fixture_dir
from tests.neo4j.helpers import CYPHER, REPO, norm, run_cypher_file

LEXICON = REPO / "src" / "pohon" / "checks" / "lexicon" / "output_words.csv"
# rules whose .cypher returns the Python rule's details too (in Cypher's shape: see python_details)
WITH_DETAILS = {"orphan-indicator", "unit-without-indicator", "budget-without-indicator", "budget-mismatch",
                "sasaran-mismatch", "single-output-outcome", "unfunded-indicator", "target-missing",
                "target-direction", "target-conflict"}


def lexicon() -> list[dict]:
    with open(LEXICON, encoding="utf-8") as f:
        return [{k: row[k] for k in ("pattern", "field", "kind")} for row in csv.DictReader(f)]


def cypher_rules() -> list[str]:
    return sorted(all_rules())


def python_details(f, years) -> tuple:
    d = dict(f.details)
    if isinstance(d.get("anggaran"), dict):  # Cypher cannot build maps with computed keys: a list by $years
        d["anggaran"] = [d["anggaran"].get(y) for y in years]
    d.pop("closest_funded", None)  # difflib similarity: Python-only (see the .cypher file's header)
    d.pop("problem", None)  # = the kind, compared as such
    return norm(d)


def cypher_details(r) -> tuple:
    return norm({k: v for k, v in r["details"].items() if k != "problem"})


def cypher_findings(driver, database, dataset, years, rule) -> list[dict]:
    return run_cypher_file(driver, database, f"{rule}.cypher", dataset=dataset, years=years, lexicon=lexicon())


def compare(ds, driver, database, dataset, label):
    years = list(ds.years)
    python = run_checks(ds)
    for rule in cypher_rules():
        rows = cypher_findings(driver, database, dataset, years, rule)
        assert all(r["rule"] == rule for r in rows)
        got = Counter((r["node"], r["kind"], r["severity"]) for r in rows)
        want = Counter((f.node, f.kind, f.severity) for f in python if f.rule == rule)
        if rule == "duplicate-code":  # other-table: Cypher says "the normalised names differ", a superset
            assert +Counter({k: n for k, n in got.items() if k[1] == "other-table"}) >= \
                +Counter({k: n for k, n in want.items() if k[1] == "other-table"}), f"{rule} on {label}"
            got = Counter({k: n for k, n in got.items() if k[1] != "other-table"})
            want = Counter({k: n for k, n in want.items() if k[1] != "other-table"})
        assert got == want, f"{rule} on {label}: only Cypher {got - want}, only Python {want - got}"
        if rule in WITH_DETAILS:
            got_d = sorted(((r["node"], r["kind"], cypher_details(r)) for r in rows), key=repr)
            want_d = sorted(((f.node, f.kind, python_details(f, years)) for f in python if f.rule == rule), key=repr)
            assert got_d == want_d, f"{rule} details on {label}"


def test_every_registry_rule_has_a_cypher_file():
    rules = cypher_rules()
    assert len(rules) >= 15 and {p.stem for p in CYPHER.glob("*.cypher")} >= set(rules)
    for rule in rules:
        head = (CYPHER / f"{rule}.cypher").read_text().splitlines()[0]
        assert head.startswith(f"// What: the `{rule}` findings"), rule


@pytest.mark.parametrize("case", ["data", "clean", "synth"] + [b.id for b in BAD_FIXTURES])
def test_cypher_rules_equal_python_rules(driver, database, dsname, case, tmp_path):
    if case == "data":
        folder = REPO / "data"
    elif case == "clean":
        folder = CLEAN
    elif case == "synth":
        folder = tmp_path / "synth"
        synthesize(folder, agencies=2, seed=3)
    else:
        folder = fixture_dir(*case.split("/"), dest=tmp_path)
    ds = load_dataset(folder)
    push(ds, driver, database, dsname)
    compare(ds, driver, database, dsname, case)


# `*` komponen whose funded twin differs only in case, separators or spacing: silent in Python (names are
# compared normalised), so Cypher must normalise the same way. Kept beside the fixture, not in it: the fixture's
# graph is pinned by tests/golden.
TWINS_UP_TO_NORMALISING = ('B1,SK.1.1,B,LAYANAN JASA-TEKNIS,,,,,1,108\n'
                           'B1,SK.1.1,C," Penyusunan  laporan–kinerja.",,,,,1,109\n'
                           'B1,SK.1.1,D,penyusunan laporan kinerja,,,,,1,110\n')


def test_stars_with_twins_up_to_normalising(driver, database, dsname, tmp_path):
    folder = fixture_dir("budget-without-indicator", "star-without-funded", dest=tmp_path)
    with (folder / "komponen.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(TWINS_UP_TO_NORMALISING)
    g = load_dataset(folder)
    stars = [f for f in run_checks(g) if f.rule == "budget-without-indicator" and f.node.startswith("Komponen:B1:SK.1.1")]
    assert stars == []  # the three are silent in Python: their twins are the same name normalised
    push(g, driver, database, dsname)
    compare(g, driver, database, dsname, "twins up to normalising")
