"""`pohon diff`: on the revision fixture (built by tests/fixtures/make_revision.py from the clean one) the diff
lists exactly the edits made; re-coded indicators are renames, not additions plus removals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.diff import diff_datasets
from pohon.graph import load_graph
from tests.fixtures import CLEAN
from tests.fixtures import make_revision

REVISION = Path(make_revision.__file__).resolve().parent / "revision"
DATA = Path(__file__).resolve().parents[1] / "data"
Y = (2021, 2022, 2023, 2024)


def run(*args):
    return CliRunner().invoke(main, ["diff", *map(str, args)])


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_revision_fixture_is_what_the_script_builds(tmp_path):
    make_revision.build(CLEAN, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in REVISION.glob("*.csv"))
    for p in tmp_path.iterdir():
        assert p.read_text(encoding="utf-8") == (REVISION / p.name).read_text(encoding="utf-8"), p.name


@pytest.fixture(scope="module")
def diff():
    return diff_datasets(load_graph(CLEAN), load_graph(REVISION))


def test_the_diff_lists_exactly_the_edits_made(diff):
    got = {(c.kind, c.node, c.change, c.old_node, c.old, c.new, c.year) for c in diff.changes}
    plus20 = lambda kind, node, base: {(kind, node, "pagu", node, float(b), float(b + 20), y)  # noqa: E731
                                       for y, b in zip(Y, base)}
    expected = {
        # IK T1/SP1/a re-coded and reworded: one rename, not add + remove
        ("IK", "IK:T1/SP1/b", "recoded", "IK:T1/SP1/a", "T1/SP1/a", "T1/SP1/b", None),
        ("IK", "IK:T1/SP1/b", "reworded", "IK:T1/SP1/a", make_revision.OLD_NAME, make_revision.NEW_NAME, None),
        # targets revised
        ("IK", "IK:T2/SP2/a", "target", "IK:T2/SP2/a", 73.0, 75.0, 2024),
        ("IKK", "IKK:SET:SK.1.1", "target", "IKK:SET:SK.1.1", 73.0, 75.0, 2024),
        # IKK re-coded and reworded
        ("IKK", "IKK:B1:SK.2.2", "recoded", "IKK:B1:SK.2.1", "SK.2.1", "SK.2.2", None),
        ("IKK", "IKK:B1:SK.2.2", "reworded", "IKK:B1:SK.2.1", "Nilai SAKIP satker", "Nilai SAKIP satuan kerja", None),
        # a unit added, with its SK, IKK and komponen, and the pagu that grows with it
        ("Unit", "Unit:B3", "added", None, None, "Balai Contoh Tiga", None),
        ("SK", "SK:B3:SK.1", "added", None, None, "Meningkatnya Daya Saing Industri", None),
        ("SK", "SK:B3:SK.2", "added", None, None, "Penguatan Akuntabilitas Organisasi", None),
        ("IKK", "IKK:B3:SK.1.1", "added", None, None, make_revision.OLD_NAME, None),
        ("IKK", "IKK:B3:SK.2.1", "added", None, None, "Nilai SAKIP satker", None),
        ("Komponen", "Komponen:B3:SK.1.1:A", "added", None, None, "Layanan jasa teknis", None),
        ("Komponen", "Komponen:B3:SK.2.1:A", "added", None, None, "Penyusunan laporan kinerja", None),
        *plus20("Unit", "Unit:AG", (300, 330, 360, 390)),
        *plus20("Kelompok", "Kelompok:UPT", (100, 110, 120, 130)),
        *plus20("Kelompok", "Kelompok:TOTAL", (300, 330, 360, 390)),
        # Rp 5 juta of 2024 moved inside B1 from an IKK of T1/SP1/b to one of T2/SP2/a
        ("Komponen", "Komponen:B1:SK.1.1:A", "anggaran", "Komponen:B1:SK.1.1:A", 55.0, 50.0, 2024),
        ("Komponen", "Komponen:B1:SK.2.2:B", "anggaran", "Komponen:B1:SK.2.1:B", 10.0, 15.0, 2024),
    }
    assert got == expected


def test_budget_shifts_per_ik_and_unit(diff):
    got = {(s.by, s.node, s.year): s.delta for s in diff.shifts}
    assert got == {
        **{("ik", "IK:T1/SP1/b", y): d for y, d in zip(Y, (15.0, 15.0, 15.0, 10.0))},
        **{("ik", "IK:T2/SP2/a", y): d for y, d in zip(Y, (5.0, 5.0, 5.0, 10.0))},
        **{("unit", "Unit:B3", y): 20.0 for y in Y},
    }
    assert diff.totals == {2021: (300.0, 320.0), 2022: (330.0, 350.0), 2023: (360.0, 380.0), 2024: (390.0, 410.0)}


def test_status_per_node_for_the_html_view(diff):
    assert diff.status["IK:T1/SP1/b"] == "renamed"
    assert diff.status["IKK:B1:SK.2.2"] == "renamed"
    assert diff.status["Unit:B3"] == "added"
    assert diff.status["IK:T2/SP2/a"] == "changed"
    assert diff.status["Komponen:B1:SK.2.2:B"] == "changed"
    assert "Unit:PUS" not in diff.status and "Komponen:B1:SK.2.2:A" not in diff.status
    assert diff.matched["IK:T1/SP1/b"] == "IK:T1/SP1/a"
    assert diff.matched["Komponen:B1:SK.2.2:A"] == "Komponen:B1:SK.2.1:A"
    assert set(diff.status.values()) <= {"added", "removed", "changed", "renamed"}


def test_marks_and_ikk_to_ik_changes_and_removals(clean_dir):
    edit(clean_dir, "cascading.csv", "Nilai SAKIP Badan,Nilai,o,,o,o,", "Nilai SAKIP Badan,Nilai,o,o,o,o,")
    edit(clean_dir, "ikk.csv", "B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,T2/SP2/a",
         "B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,T1/SP1/a")
    edit(clean_dir, "komponen.csv", "PUS,SK.1.1,B,Penyusunan program,40,40,40,40,0,102\n", "")
    d = diff_datasets(load_graph(CLEAN), load_graph(clean_dir))
    got = {(c.node, c.change, str(c.old), str(c.new)) for c in d.changes}
    assert got == {("IK:T2/SP2/a", "unit_types", "['BB', 'BL', 'SET']", "['BB', 'BL', 'PUS', 'SET']"),
                   ("IKK:B2:SK.2.1", "ik", "T2/SP2/a", "T1/SP1/a"),
                   ("Komponen:PUS:SK.1.1:B", "removed", "Penyusunan program", "None")}
    assert d.status["Komponen:PUS:SK.1.1:B"] == "removed"
    moved = {(s.by, s.node, s.year): s.delta for s in d.shifts if s.year == 2021}
    assert moved == {("ik", "IK:T1/SP1/a", 2021): 5.0 - 40.0, ("ik", "IK:T2/SP2/a", 2021): -5.0,
                     ("unit", "Unit:PUS", 2021): -40.0}


def test_a_different_indicator_is_added_and_removed_not_renamed(clean_dir):
    edit(clean_dir, "cascading.csv", "T2,SP2,a,Nilai SAKIP Badan", "T2,SP2,b,Indeks kepuasan pengguna layanan")
    for name in ("ikk.csv", "ik_target.csv", "pedoman.csv"):
        path = clean_dir / name
        path.write_text(path.read_text(encoding="utf-8").replace("T2/SP2/a", "T2/SP2/b"), encoding="utf-8")
    d = diff_datasets(load_graph(CLEAN), load_graph(clean_dir))
    assert d.status["IK:T2/SP2/a"] == "removed" and d.status["IK:T2/SP2/b"] == "added"
    assert ("IKK:SET:SK.1.1", "ik") in {(c.node, c.change) for c in d.changes}


def test_identical_cascades_have_no_differences():
    d = diff_datasets(load_graph(CLEAN), load_graph(CLEAN))
    assert d.changes == [] and d.shifts == [] and d.status == {}
    assert "Tidak ada perbedaan." in run(CLEAN, CLEAN).output
    if (DATA / "komponen.csv").exists():
        assert diff_datasets(load_graph(DATA), load_graph(DATA)).changes == []


def test_cli_formats():
    text = run(CLEAN, REVISION)
    assert text.exit_code == 0
    assert "~ IK T1/SP1/b (← T1/SP1/a): kode diubah: T1/SP1/a → T1/SP1/b" in text.output
    assert "+ Unit B3: ditambah: \"Balai Contoh Tiga\"" in text.output
    assert "~ IK T2/SP2/a: target 2024: 73 → 75" in text.output
    assert "per IK    IK T1/SP1/b 2024: 245,00 → 255,00 (+10,00)" in text.output
    md = run(CLEAN, REVISION, "--format", "markdown", "--lang", "en").output
    assert "| IKK | `B1:SK.2.2` ← `B1:SK.2.1` | name changed: \"Nilai SAKIP satker\" → \"Nilai SAKIP satuan kerja\" |" in md
    doc = json.loads(run(CLEAN, REVISION, "--format", "json").output)
    assert doc["renamed_from"]["IK:T1/SP1/b"] == "IK:T1/SP1/a"
    assert doc["status"]["Unit:B3"] == "added"
    assert run(CLEAN, CLEAN.parent / "does-not-exist").exit_code == 2


# --- IKU stability (issue 13): an IK removed, re-coded or re-worded is a warning ----------------------------

def test_iku_stability_flags_recoded_reworded_and_removed_ik_but_not_targets(diff, clean_dir):
    assert [(c.old_node, c.change) for c in diff.iku_stability()] == [("IK:T1/SP1/a", "recoded"),
                                                                      ("IK:T1/SP1/a", "reworded")]
    edit(clean_dir, "cascading.csv", "T2,SP2,a,Nilai SAKIP Badan", "T2,SP2,b,Indeks kepuasan pengguna layanan")
    for name in ("ikk.csv", "ik_target.csv", "pedoman.csv"):
        path = clean_dir / name
        path.write_text(path.read_text(encoding="utf-8").replace("T2/SP2/a", "T2/SP2/b"), encoding="utf-8")
    d = diff_datasets(load_graph(CLEAN), load_graph(clean_dir))
    assert [(c.node, c.change) for c in d.iku_stability()] == [("IK:T2/SP2/a", "removed")]  # the added one is not
    assert diff_datasets(load_graph(CLEAN), load_graph(CLEAN)).iku_stability() == []


def test_iku_stability_in_every_format():
    text = run(CLEAN, REVISION).output
    assert "Peringatan stabilitas IKU (kriteria: IKU tidak berubah selama periode Renstra" in text
    assert "  peringatan: IK T1/SP1/a: kode diubah: T1/SP1/a → T1/SP1/b" in text
    md = run(CLEAN, REVISION, "--format", "markdown", "--lang", "en").output
    assert "## IKU stability warnings" in md and "- **warning** `T1/SP1/a`: code changed: T1/SP1/a → T1/SP1/b" in md
    doc = json.loads(run(CLEAN, REVISION, "--format", "json").output)
    assert [(w["old_node"], w["change"], w["severity"]) for w in doc["iku_stability"]] == \
        [("IK:T1/SP1/a", "recoded", "warning"), ("IK:T1/SP1/a", "reworded", "warning")]


# --- the diff of one view (--unit / --sp): only that part of each version is built -------------------------

def test_a_unit_view_lists_the_unit_and_what_it_serves_only():
    r = run(CLEAN, REVISION, "--unit", "B1", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["scope"] == "unit B1"
    changed = {(c["kind"], c["node"], c["change"]) for c in doc["changes"]}
    assert changed == {("IK", "IK:T1/SP1/b", "recoded"), ("IK", "IK:T1/SP1/b", "reworded"),
                       ("IK", "IK:T2/SP2/a", "target"), ("IKK", "IKK:B1:SK.2.2", "recoded"),
                       ("IKK", "IKK:B1:SK.2.2", "reworded"), ("Komponen", "Komponen:B1:SK.1.1:A", "anggaran"),
                       ("Komponen", "Komponen:B1:SK.2.2:B", "anggaran")}
    # B3 (added by the revision), the agency's pagu and the Tabel 10 groups are not B1's
    assert not any("B3" in c["node"] or c["kind"] in ("Kelompok",) or c["node"] == "Unit:AG" for c in doc["changes"])
    shifts = {(s["by"], s["node"], s["year"]): (s["old"], s["new"]) for s in doc["budget"]}
    assert shifts == {("ik", "IK:T1/SP1/b", 2024): (55.0, 50.0), ("ik", "IK:T2/SP2/a", 2024): (10.0, 15.0)}
    assert doc["totals"]["2024"] == {"old": 65.0, "new": 65.0}  # B1's komponen only
    whole = json.loads(run(CLEAN, REVISION, "--format", "json").stdout)
    assert whole["scope"] is None and len(whole["changes"]) > len(doc["changes"])


def test_a_new_unit_and_an_sp_view(tmp_path):
    r = run(CLEAN, REVISION, "--unit", "B3")
    assert r.exit_code == 0 and r.stdout.startswith("Perbedaan cascade (unit B3): ")
    assert "+ Unit B3: ditambah" in r.stdout and "SS " not in r.stdout  # the SS above it is in both versions
    r = run(CLEAN, REVISION, "--sp", "SP2", "--format", "markdown", "--lang", "en")
    assert r.exit_code == 0 and r.stdout.startswith("# Cascade differences (SP2): ")
    assert "T2/SP2/a" in r.stdout and "T1/SP1" not in r.stdout


def test_a_view_builds_only_its_part(monkeypatch):
    """diff --unit builds each version's graph of the unit's selection, never the whole cascade."""
    from pohon import graph

    built = []
    real = graph.build_graph

    def recording(ds, selection=None):
        built.append(selection)
        return real(ds, selection)

    monkeypatch.setattr(graph, "build_graph", recording)
    assert run(DATA, DATA, "--unit", "P4SI").exit_code == 0
    assert len(built) == 2 and all(s is not None and s.unit == "P4SI" for s in built)


def test_view_option_errors():
    r = run(CLEAN, REVISION, "--unit", "ZZ")
    assert r.exit_code == 2 and r.stderr == "--unit: unknown-unit: unit 'ZZ' tidak ada di units.csv kedua versi\n"
    r = run(CLEAN, REVISION, "--sp", "SP9", "--lang", "en")
    assert r.exit_code == 2 and r.stderr == "--sp: unknown-sp: SP 'SP9' is in neither version's sp.csv\n"
    r = run(CLEAN, REVISION, "--unit", "B1", "--sp", "SP1")
    assert r.exit_code == 2 and "bad-option" in r.stderr


def test_a_view_of_unchanged_versions_reads_their_checked_cascades(tmp_path, monkeypatch):
    import pohon.load

    monkeypatch.setenv("POHON_CACHE", str(tmp_path / "cache"))
    first = run(CLEAN, REVISION, "--unit", "B1", "--format", "json")
    assert first.exit_code == 0 and len(list((tmp_path / "cache").iterdir())) == 2  # both versions kept

    def no_load(folder):
        raise AssertionError(f"{folder} was loaded again")

    monkeypatch.setattr(pohon.load, "load_dataset", no_load)
    again = run(CLEAN, REVISION, "--unit", "B1", "--format", "json")
    assert again.exit_code == 0 and again.stdout == first.stdout


def test_a_broken_version_of_a_view_is_named(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("POHON_CACHE", "off")
    broken = tmp_path / "revisi"
    shutil.copytree(REVISION, broken)
    (broken / "komponen.csv").write_text((REVISION / "komponen.csv").read_text(encoding="utf-8").replace("50", "5x", 1),
                                         encoding="utf-8")
    r = run(CLEAN, broken, "--unit", "B1")
    assert r.exit_code == 2 and "revisi" in r.stderr and "bad-number" in r.stderr and "Traceback" not in r.output
