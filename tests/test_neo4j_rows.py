"""The Neo4j rows read off the tables (pohon.exporters.neo4j.rows) are the model of the graph: the same nodes,
properties (with their types) and relationships as tests/neo4j/graph_rows.py reads off `build_graph`'s
graph, on data/, the clean and revision cascades, every rule fixture and a synthetic cascade; and the
exporters that write them never build the graph."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import pohon.graph
from pohon.cli import main
from pohon.exporters.cypher_script import cypher_script
from pohon.exporters.neo4j.admin import admin_files
from pohon.exporters.neo4j.rows import SLICE, dataset_rows
from pohon.graph import build_graph
from pohon.load import load_dataset
from pohon.synth import synthesize
from tests.fixtures import BAD_FIXTURES, CLEAN, fixture_dir
from tests.neo4j.graph_rows import graph_rows

ROOT = Path(__file__).resolve().parents[1]


def typed(v):
    """A value with its type kept (1 and 1.0 differ in Neo4j), comparable and hashable."""
    if isinstance(v, dict):
        return tuple(sorted((k, typed(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("list", tuple(typed(x) for x in v))
    return (type(v).__name__, v)


def folder_of(case: str, tmp_path: Path) -> Path:
    if case in ("data", "revision"):
        return ROOT / "data" if case == "data" else ROOT / "tests" / "fixtures" / "revision"
    if case == "clean":
        return CLEAN
    if case == "synth":
        synthesize(tmp_path / "synth", agencies=2, seed=3)
        return tmp_path / "synth"
    return fixture_dir(*case.split("/"), dest=tmp_path)


@pytest.mark.parametrize("case", ["data", "clean", "revision", "synth"] + [b.id for b in BAD_FIXTURES])
def test_table_rows_are_the_graph_rows(case, tmp_path):
    ds = load_dataset(folder_of(case, tmp_path))
    rows, want = dataset_rows(ds), graph_rows(build_graph(ds))
    assert (rows.node_counts(), rows.rel_counts()) == (want.node_counts(), want.rel_counts())
    assert list(rows.nodes) == list(want.nodes) and list(rows.rels) == list(want.rels)
    for label, part in rows.nodes.items():
        assert sorted(map(typed, part.items())) == sorted(map(typed, want.nodes[label])), label
    for key, part in rows.rels.items():
        assert sorted(map(typed, part.flat())) == sorted(map(typed, want.rels[key])), key


def test_a_part_bigger_than_a_slice_reads_whole(tmp_path):
    """Komponen of a cascade with more rows than one polars slice: every row once, the values per year of
    a node together in one row of the push (rows.YearPart)."""
    folder = tmp_path / "big"
    synthesize(folder, agencies=1, seed=5, komponen_target=SLICE + 5000)
    ds = load_dataset(folder)
    rows = dataset_rows(ds)
    ids = [r["id"] for r in rows.nodes["Komponen"].items()]
    assert len(ids) == len(set(ids)) == ds.tables["komponen"].height > SLICE
    anggaran = list(rows.rels[("ANGGARAN", "Komponen", "Tahun")].items())
    assert len({r["src"] for r in anggaran}) == len(anggaran)
    assert sum(len(r["values"]) for r in anggaran) == rows.rel_counts()["ANGGARAN"]


def test_exporters_never_build_the_graph(monkeypatch, tmp_path):
    ds = load_dataset(ROOT / "data")
    want_script, want_files = cypher_script(ds, "demo"), admin_files(ds, "demo")

    def refuse(*args, **kwargs):
        raise AssertionError("the graph was built")

    monkeypatch.setattr(pohon.graph, "build_graph", refuse)
    assert cypher_script(ds, "demo") == want_script and admin_files(ds, "demo") == want_files
    for args in (["cypher", "-o", str(tmp_path / "x.cypher")], ["neo4j-admin", "-o", str(tmp_path / "adm")]):
        r = CliRunner().invoke(main, ["export", args[0], str(ROOT / "data"), *args[1:], "--dataset", "demo"])
        assert r.exit_code == 0, r.output
    assert (tmp_path / "x.cypher").read_text(encoding="utf-8") == want_script
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "adm").iterdir()} == want_files


@pytest.mark.parametrize("command", ["cypher", "neo4j-admin"])
def test_exports_import_no_networkx(command, tmp_path):
    code = ("import sys\nfrom pohon.cli import main\n"
            f"try:\n    main(['export', {command!r}, 'data', '-o', {str(tmp_path / 'out')!r}])\n"
            "except SystemExit as e:\n    print('exit', e.code, file=sys.stderr)\n"
            "print('networkx' in sys.modules, file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert p.stderr.strip().splitlines()[-2:] == ["exit 0", "False"], p.stderr


def test_a_graph_is_refused_with_a_reason():
    """The exporters took the networkx graph before issue 15; given one now, they say what to pass."""
    g = build_graph(load_dataset(CLEAN))
    for export in (cypher_script, admin_files):
        with pytest.raises(TypeError, match="Dataset"):
            export(g, "demo")


EXPORT_DIGEST = """
import hashlib, sys
from pohon.exporters.cypher_script import cypher_script
from pohon.exporters.neo4j.admin import admin_files
from pohon.load import load_dataset
h = hashlib.sha256()
for folder in sys.argv[1:]:
    ds = load_dataset(folder)
    h.update(cypher_script(ds, "demo").encode())
    for name, text in sorted(admin_files(ds, "demo").items()):
        h.update(name.encode() + text.encode())
print(h.hexdigest())
"""


def test_exports_are_the_same_whatever_the_threads(tmp_path):
    """The same cascade gives the same script and CSV files byte for byte, with one polars thread or many
    (joins and unpivots order their rows by the threads unless told not to)."""
    folder = folder_of("synth", tmp_path)
    digests = set()
    for threads in ("1", "4"):
        p = subprocess.run([sys.executable, "-c", EXPORT_DIGEST, str(ROOT / "data"), str(folder)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300,
                           env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "POLARS_MAX_THREADS": threads})
        assert p.returncode == 0, p.stderr
        digests.add(p.stdout.strip())
    assert len(digests) == 1
