"""pohon visual --diff: statuses on the revision fixture land on the right nodes with the right look, removed
nodes come back as ghosts where they were, old names stay text, the page stays offline and deterministic,
and a bad OLD_DIR is one line and exit 2."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.checks import Finding, run_checks
from pohon.cli import main
from pohon.diff import diff_datasets
from pohon.exporters.html import style as st
from pohon.exporters.html import render_all, render_html
from pohon.exporters.html.diff import GHOST_OPACITY, STYLE, UNCHANGED
from pohon.graph import load_graph
from tests.fixtures import CLEAN
from tests.test_diff import REVISION
from tests.test_visual import EXTERNAL, XSS_IMG, XSS_SCRIPT, page_data

NEW_IK = "Indeks kepuasan pengguna layanan"


def with_removals(dst: Path) -> Path:
    """The revision, plus: komponen PUS:SK.1.1:B dropped, IK T2/SP2/a replaced by a different T2/SP2/b."""
    shutil.copytree(REVISION, dst)
    kom = dst / "komponen.csv"
    kom.write_text(kom.read_text(encoding="utf-8").replace("PUS,SK.1.1,B,Penyusunan program,40,40,40,40,0,102\n", ""),
                   encoding="utf-8")
    cas = dst / "cascading.csv"
    cas.write_text(cas.read_text(encoding="utf-8").replace("T2,SP2,a,Nilai SAKIP Badan", f"T2,SP2,b,{NEW_IK}"),
                   encoding="utf-8")
    for name in ("ikk.csv", "ik_target.csv", "pedoman.csv"):
        p = dst / name
        p.write_text(p.read_text(encoding="utf-8").replace("T2/SP2/a", "T2/SP2/b"), encoding="utf-8")
    return dst


def nodes_and_info(html: str) -> tuple[dict, dict, dict]:
    data = page_data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    info = dict(zip(nodes, data["info"]))
    return data, nodes, info


@pytest.fixture(scope="module")
def revision_page():
    return render_html(load_graph(REVISION), [], depth="komponen", old_graph=load_graph(CLEAN))


def test_statuses_on_the_revision_fixture(revision_page):
    data, nodes, info = nodes_and_info(revision_page)
    status = data["diff"]["status"]
    assert status["Unit:B3"] == "added" and status["SK:B3:SK.1"] == "added"
    assert status["Komponen:B3:SK.1.1:A"] == "added"
    assert status["IK:T1/SP1/b"] == "renamed" and status["IKK:B1:SK.2.2"] == "renamed"
    assert status["IK:T2/SP2/a"] == "changed" and status["Komponen:B1:SK.2.2:B"] == "changed"
    assert "Unit:PUS" not in status and "removed" not in status.values()
    for n, s in status.items():  # fill, border style, mark before the code
        assert nodes[n]["color"]["background"] == STYLE[s]["color"], n
        assert nodes[n]["shapeProperties"]["borderDashes"] == STYLE[s]["dashes"], n
        assert nodes[n]["label"].startswith(STYLE[s]["mark"] + " "), n
        assert info[n]["d"] == s
    assert nodes["Unit:PUS"]["color"]["background"] == UNCHANGED["color"]
    assert nodes["Unit:PUS"]["label"] == "PUS" and "d" not in info["Unit:PUS"]
    assert len({STYLE[s]["color"] for s in STYLE} | {UNCHANGED["color"]}) == 5
    assert len({STYLE[s]["mark"] for s in STYLE}) == 4


def test_changes_carry_the_figures(revision_page):
    _, _, info = nodes_and_info(revision_page)
    assert info["IK:T1/SP1/b"]["was"] == "T1/SP1/a · Persentase perusahaan yang produktivitasnya meningkat"
    assert "kode diubah: T1/SP1/a → T1/SP1/b" in info["IK:T1/SP1/b"]["ch"]
    assert "anggaran di bawahnya 2024: 245,00 → 255,00 (+10,00)" in info["IK:T1/SP1/b"]["ch"]
    assert info["IK:T2/SP2/a"]["ch"][0] == "target 2024: 73 → 75 (+2)"
    assert info["Komponen:B1:SK.1.1:A"]["ch"] == ["anggaran 2024: 55,00 → 50,00 (−5,00)"]  # Rp juta: two decimals
    assert info["Unit:AG"]["ch"][0] == "pagu 2021: 300,00 → 320,00 (+20,00)"
    assert info["Unit:B3"]["ch"][0] == "ditambah: “Balai Contoh Tiga”"
    assert 'nama diubah: “Nilai SAKIP satker” → “Nilai SAKIP satuan kerja”' in info["IKK:B1:SK.2.2"]["ch"]


def test_header_counts_and_legend(revision_page):
    html = revision_page
    assert re.search(r'class="st-added"><b>\+</b> 7 ditambah<', html)
    assert re.search(r'class="st-renamed"><b>✎</b> 2 kode/nama diubah<', html)
    assert re.search(r'class="st-removed zero"><b>−</b> 0 dihapus<', html)
    assert "dibandingkan dengan versi lama:" in html  # same dataset name: no label
    assert "2 perubahan di luar tampilan ini" in html  # Kelompok UPT and TOTAL pagu
    for label in ("ditambah (baru di revisi)", "dihapus: simpul lama, garis putus, pudar", "tidak berubah"):
        assert label in html
    en = render_html(load_graph(REVISION), [], old_graph=load_graph(CLEAN), lang="en")
    assert "renamed / re-coded" in en and "compared with" in en and "Changes from the old version" in en


def test_removed_nodes_are_ghosts_at_their_old_place(tmp_path):
    new_dir = with_removals(tmp_path / "new")
    old, new = load_graph(CLEAN), load_graph(new_dir)
    d = diff_datasets(old, new)
    assert d.status["IK:T2/SP2/a"] == "removed" and d.status["Komponen:PUS:SK.1.1:B"] == "removed"
    html = render_html(new, [], depth="komponen", old_graph=old, diff=d)
    data, nodes, info = nodes_and_info(html)
    assert data["diff"]["status"]["IK:T2/SP2/b"] == "added"
    for ghost, label, name in (("IK:T2/SP2/a", "− T2/SP2/a", "Nilai SAKIP Badan"),
                               ("Komponen:PUS:SK.1.1:B", "− B", "Penyusunan program")):
        assert data["diff"]["status"][ghost] == "removed"
        n = nodes[ghost]
        assert n["label"] == label and info[ghost]["n"] == name
        assert n["opacity"] == GHOST_OPACITY and n["shapeProperties"]["borderDashes"] == STYLE["removed"]["dashes"]
        assert info[ghost]["ch"][0].startswith("dihapus: “")
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert ("SP:SP2", "IK:T2/SP2/a") in edges and ("Tujuan:T2", "IK:T2/SP2/a") in edges  # its old parents
    assert edges[("IKK:PUS:SK.1.1", "Komponen:PUS:SK.1.1:B")]["dashes"] == [4, 4]
    assert edges[("IK:T2/SP2/a", "IKK:SET:SK.1.1")]["dashes"] == [4, 4]  # the IKK used to cascade to it
    # drawn beside its old siblings: between the IKs of SP1 and under SP2, and in the komponen row
    # (the page lays out its layout tree: the ghosts hang where they were)
    assert data["parent"]["IK:T2/SP2/a"] == "SP:SP2"
    assert data["parent"]["Komponen:PUS:SK.1.1:B"] == data["parent"]["Komponen:PUS:SK.1.1:A"] == "IKK:PUS:SK.1.1"
    assert re.search(r'class="st-removed"><b>−</b> 2 dihapus<', html)
    # the unit filter keeps a removed komponen with its unit
    assert "PUS" in info["Komponen:PUS:SK.1.1:B"]["u"]


def test_old_names_are_escaped(tmp_path):
    new_dir = with_removals(tmp_path / "new")
    old = load_graph(CLEAN)
    old.nodes["IK:T2/SP2/a"]["nama"] = XSS_IMG
    old.nodes["Komponen:PUS:SK.1.1:B"]["nama"] = XSS_SCRIPT
    old.nodes["IK:T1/SP1/a"]["nama"] += " </script><b>x</b>"  # still similar: a rename, shown as "was"
    old.graph["dataset"] = "<i>lama</i>"
    html = render_html(load_graph(new_dir), [], depth="komponen", old_graph=old)
    for raw in (XSS_IMG, XSS_SCRIPT, "</script><b>", "<i>lama</i>"):
        assert raw not in html
    assert "&lt;i&gt;lama&lt;/i&gt;" in html
    _, nodes, info = nodes_and_info(html)
    assert info["IK:T2/SP2/a"]["n"] == XSS_IMG and info["Komponen:PUS:SK.1.1:B"]["n"] == XSS_SCRIPT
    assert info["IK:T1/SP1/b"]["was"].endswith("</script><b>x</b>")
    assert any(XSS_IMG in c for c in info["IK:T2/SP2/a"]["ch"])
    assert all("title" not in n for n in nodes.values())


def test_offline_and_deterministic(tmp_path):
    new_dir = with_removals(tmp_path / "new")
    a = render_html(load_graph(new_dir), [], depth="komponen", old_graph=load_graph(CLEAN))
    b = render_html(load_graph(new_dir), [], depth="komponen", old_graph=load_graph(CLEAN))
    assert a == b
    for pattern in EXTERNAL:
        assert not pattern.search(a), pattern.pattern
    assert "default-src 'none'" in a


def test_without_old_graph_the_page_is_unchanged():
    g = load_graph(REVISION)
    plain = render_html(g, [])
    assert 'class="counts diff-counts"' not in plain and "diff" not in page_data(plain)
    with pytest.raises(ValueError):
        render_html(g, [], diff=diff_datasets(load_graph(CLEAN), g))


def test_findings_leave_the_canvas_to_the_statuses():
    g = load_graph(REVISION)
    html = render_html(g, [Finding("r", "error", "Unit:PUS", "d", "d")], old_graph=load_graph(CLEAN))
    _, nodes, info = nodes_and_info(html)
    assert nodes["Unit:PUS"]["color"]["border"] != st.SEVERITY_STYLE["error"][0]
    assert info["Unit:PUS"]["f"] == [["error", "r", "r", "d"]]  # still in the panel (unregistered rule: its id as title)
    assert "1 galat" in html


# ---- CLI ----

def run(*args):
    return CliRunner().invoke(main, ["visual", *map(str, args)])


def test_cli_writes_a_diff_page(tmp_path):
    out = tmp_path / "d.html"
    r = run(REVISION, "-o", out, "--diff", CLEAN, "--unit", "B3", "--depth", "komponen")
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    new = load_graph(REVISION)
    assert html == render_html(new, run_checks(new), unit="B3", depth="komponen", old_graph=load_graph(CLEAN),
                               old_label="clean")
    assert "dibandingkan dengan versi lama “clean”:" in html
    status = page_data(html)["diff"]["status"]
    assert status["Unit:B3"] == "added" and "Unit:PUS" not in status
    r = run(REVISION, "-o", out, "--diff", CLEAN, "--sp", "SP1", "--lang", "en")
    assert r.exit_code == 0 and "wrote" in r.output and "renamed / re-coded" in out.read_text(encoding="utf-8")


def test_cli_all_with_diff(tmp_path):
    r = run(REVISION, "--all", tmp_path / "v", "--diff", CLEAN)
    assert r.exit_code == 0, r.output
    pages = render_all(load_graph(REVISION), [], old_graph=load_graph(CLEAN))
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == sorted(pages)
    # the overview is named from the fixture agency (AG), not "bskji"
    assert 'class="counts diff-counts"' in (tmp_path / "v" / "ag.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("make_old, code", [
    (lambda tmp: tmp / "does-not-exist", "missing-folder"),
    (lambda tmp: _broken(tmp), None),
])
def test_cli_bad_old_dir_is_one_line_per_error_exit_2(tmp_path, make_old, code):
    old = make_old(tmp_path)
    out = tmp_path / "x.html"
    r = run(REVISION, "-o", out, "--diff", old)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert lines and all(re.match(r"^.+:\d+:\d+: [a-z-]+: .+", line) for line in lines), lines
    assert all(line.split(":", 1)[0] in (str(old), f"{old}/komponen.csv") for line in lines), lines  # the old one's
    if code:
        assert len(lines) == 1 and f": {code}: " in lines[0]
    assert "Traceback" not in r.output and not out.exists()


def _broken(tmp: Path) -> Path:
    dst = tmp / "old"
    shutil.copytree(CLEAN, dst)
    p = dst / "komponen.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("Penyusunan program,40,", "Penyusunan program,empat puluh,"),
                 encoding="utf-8")
    return dst
