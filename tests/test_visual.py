"""pohon visual: escaping, offline, deterministic, view selection, layout, CLI, and committed pages up to date."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from pohon.checks import Finding
from pohon.cli import main
from pohon.errors import UnknownNodeError
from pohon.exporters.html import style as st
from pohon.exporters.html import page_names, render_all, render_html
from tests.sample_graph import sample_graph
from pohon.exporters.html.select import VisualOptionError, select_view

ROOT = Path(__file__).resolve().parents[1]
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>window.__xss=1</script>"


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="pohon-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def kinds_in(html: str) -> set[str]:
    return {n["group"] for n in page_data(html)["nodes"]}


def xss_graph() -> nx.DiGraph:
    g = sample_graph()
    g.nodes["IK:T1/SP3/a"]["nama"] = XSS_IMG
    g.nodes["IK:T1/SP3/a"]["satuan"] = XSS_SCRIPT
    g.nodes["Unit:P4SI"]["nama"] = "</script><script>window.__xss=1</script>"
    g.graph["dataset"] = "<b>BSKJI</b> & " + XSS_SCRIPT
    return g


def xss_findings() -> list[Finding]:
    return [Finding("orphan-indicator", "error", "IK:T1/SP3/a", XSS_IMG, XSS_SCRIPT)]


def test_data_text_is_escaped_everywhere():
    html = render_html(xss_graph(), xss_findings(), depth="komponen")
    for raw in (XSS_IMG, XSS_SCRIPT, "<b>BSKJI</b>", "</script><script>"):
        assert raw not in html
    assert "&lt;b&gt;BSKJI&lt;/b&gt; &amp;" in html  # the title, as text
    data = page_data(html)
    info = dict(zip((n["id"] for n in data["nodes"]), data["info"]))
    assert info["IK:T1/SP3/a"]["n"] == XSS_IMG  # the JSON round-trips the exact text
    assert info["IK:T1/SP3/a"]["f"] == [["error", "orphan-indicator", "Indikator tanpa induk", XSS_IMG]]
    assert all("title" not in n for n in data["nodes"])  # vis-network would render an HTML title


def test_page_uses_textcontent_never_innerhtml():
    js = (ROOT / "src/pohon/static/visual.js").read_text()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


EXTERNAL = [
    re.compile(r"""\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"@import", re.I),
    re.compile(r"""<link\b""", re.I),
    re.compile(r"""<script[^>]*\bsrc\s*=""", re.I),
]


@pytest.mark.parametrize("depth", ["ik", "unit", "ikk", "komponen"])
def test_nothing_loaded_from_the_network(depth):
    html = render_html(sample_graph(), [], depth=depth)
    for pattern in EXTERNAL:
        assert not pattern.search(html), pattern.pattern
    assert "vis-network" in html and "@version 9.1.2" in html and "@license" in html  # licence kept


def test_csp_allows_exactly_the_inline_scripts():
    html = render_html(sample_graph(), [])
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_deterministic_whatever_the_insertion_order():
    g = sample_graph()
    shuffled = nx.DiGraph(**g.graph)
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(data=True))))
    findings = [Finding("r2", "warning", "Unit:SET", "b", "b"), Finding("r1", "error", "Unit:SET", "a", "a")]
    a = render_html(g, findings, depth="komponen")
    assert a == render_html(shuffled, list(reversed(findings)), depth="komponen")
    assert a == render_html(g, findings, depth="komponen")
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", a.replace("2022-03-28T20:17:35.342Z", ""))


def test_depth_selects_kinds():
    g = sample_graph()
    assert kinds_in(render_html(g, [], depth="ik")) == {"SS", "Tujuan", "SP", "IK"}
    # Tipe: the page's group of the units of one type (tests/test_visual_groups.py)
    assert kinds_in(render_html(g, [], depth="unit")) == {"SS", "Tujuan", "SP", "IK", "Tipe", "Unit"}
    assert kinds_in(render_html(g, [], depth="ikk")) == {"SS", "Tujuan", "SP", "IK", "Tipe", "Unit", "SK", "IKK"}
    assert "Komponen" in kinds_in(render_html(g, [], depth="komponen"))
    assert "Kelompok" not in kinds_in(render_html(g, [], depth="komponen"))


def test_unit_filter_keeps_the_unit_its_iks_and_their_parents():
    g = sample_graph()
    view = select_view(g, depth="komponen", unit="P4SI")
    units = [n for n in view.nodes if g.nodes[n]["kind"] == "Unit"]
    assert units == ["Unit:P4SI"]
    below = [n for n in view.nodes if g.nodes[n]["kind"] in ("SK", "IKK", "Komponen")]
    assert below and all(g.nodes[n]["unit"] == "P4SI" for n in below)
    assert {n for n in below if g.nodes[n]["kind"] == "Komponen"} == \
        {n for n in g if g.nodes[n]["kind"] == "Komponen" and g.nodes[n]["unit"] == "P4SI"}
    carried = {p for p in g.predecessors("Unit:P4SI") if g.nodes[p]["kind"] == "IK"}
    iks = {n for n in view.nodes if g.nodes[n]["kind"] == "IK"}
    assert carried <= iks
    for ik in iks:  # every IK shown is carried by P4SI or supported by one of its IKKs
        assert ik in carried or any(g.nodes[i].get("unit") == "P4SI" for i in g.predecessors(ik))
    sps = {n for n in view.nodes if g.nodes[n]["kind"] == "SP"}
    assert sps == {f"SP:{g.nodes[i]['sp']}" for i in iks}


def test_sp_filter_and_tipe_filter():
    g = sample_graph()
    view = select_view(g, depth="ikk", sp="SP3")
    assert [n for n in view.nodes if g.nodes[n]["kind"] == "SP"] == ["SP:SP3"]
    assert all(g.nodes[n]["sp"] == "SP3" for n in view.nodes if g.nodes[n]["kind"] == "IK")
    ikks = [n for n in view.nodes if g.nodes[n]["kind"] == "IKK"]
    assert ikks and all(g.nodes[n]["ik"].split("/")[1] == "SP3" for n in ikks)
    view = select_view(g, depth="komponen", tipe="BSPJI")
    units = {n for n in view.nodes if g.nodes[n]["kind"] == "Unit"}
    assert units == {n for n in g if g.nodes[n].get("tipe") == "BSPJI"}


def test_bad_options_raise_typed_errors():
    g = sample_graph()
    with pytest.raises(UnknownNodeError):
        render_html(g, [], unit="NOPE")
    with pytest.raises(UnknownNodeError):
        render_html(g, [], sp="SP99")
    with pytest.raises(VisualOptionError):
        render_html(g, [], depth="deep")
    with pytest.raises(VisualOptionError):
        render_html(g, [], tipe="NOPE")


def test_findings_mark_nodes_by_worst_severity():
    g = sample_graph()
    findings = [Finding("a", "info", "Unit:SET", "i", "i"), Finding("b", "error", "Unit:SET", "e", "e"),
                Finding("c", "warning", "IK:T1/SP3/a", "w", "w"), Finding("d", "error", "Kelompok:UPT", "k", "k")]
    html = render_html(g, findings)
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert nodes["Unit:SET"]["color"]["border"] == st.SEVERITY_STYLE["error"][0]
    assert nodes["Unit:SET"]["borderWidth"] == st.SEVERITY_STYLE["error"][1]
    assert nodes["IK:T1/SP3/a"]["color"]["border"] == st.SEVERITY_STYLE["warning"][0]
    assert "color" not in nodes["Unit:P4SI"]
    assert "1 temuan pada simpul di luar tampilan ini" in html  # the Kelompok finding


def test_budget_sizes_units_and_komponen():
    g = sample_graph()
    nodes = {n["id"]: n for n in page_data(render_html(g, [], depth="komponen"))["nodes"]}
    units = sorted((st.budget(g.nodes[n], [2021, 2022, 2023, 2024]), nodes[n]["size"])
                   for n in nodes if n in g and g.nodes[n]["kind"] == "Unit" and g.nodes[n]["tipe"] != "BSKJI")
    assert [s for _, s in units] == sorted(s for _, s in units) and units[0][1] < units[-1][1]


def test_english_page():
    html = render_html(sample_graph(), [], lang="en")
    assert '<html lang="en">' in html and "Search a code" in html
    assert "Cari kode" in render_html(sample_graph(), [])


def test_page_names():
    assert list(page_names(sample_graph(bbspji=2, bspji=2))) == [
        "bskji.html", "tipe-SET.html", "tipe-P4SI.html", "tipe-P2SI.html", "tipe-POPTIKJI.html", "tipe-PIH.html",
        "tipe-BBSPJI.html", "tipe-BSPJI.html", "unit-SET.html", "unit-P4SI.html", "unit-P2SI.html",
        "unit-POPTIKJI.html", "unit-PIH.html", "unit-BBSPJI-01.html", "unit-BBSPJI-02.html", "unit-BSPJI-01.html",
        "unit-BSPJI-02.html"]


# ---- CLI ----

def test_cli_writes_a_unit_page_from_the_units_selection(tmp_path):
    from pohon.checks import run_checks
    from pohon.exporters.html import unit_page
    from pohon.load import load_dataset
    from tests.fixtures import CLEAN

    out = tmp_path / "sub" / "pus.html"
    out.parent.mkdir()
    r = CliRunner().invoke(main, ["visual", str(CLEAN), "--unit", "PUS", "--depth", "komponen", "-o", str(out)])
    assert r.exit_code == 0, r.output
    ds = load_dataset(CLEAN)
    assert out.read_text() == unit_page(ds, "PUS", run_checks(ds))[0]
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("args, code", [
    (["--unit", "NOPE"], "unknown-unit"), (["--sp", "SP99"], "unknown-sp"), (["--tipe", "X"], "unknown-tipe"),
    (["--depth", "deep"], "bad-depth"), (["--unit", "PUS", "--sp", "SP99"], "unknown-sp")])
def test_cli_bad_input_is_one_line_exit_2(tmp_path, args, code):
    from tests.fixtures import CLEAN

    r = CliRunner().invoke(main, ["visual", str(CLEAN), "-o", str(tmp_path / "x.html"), *args])
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    # an option problem names the option, never an invented file:line:col
    assert len(lines) == 1 and re.match(rf"^--[a-z]+: {code}: .+", lines[0]), lines
    assert not (tmp_path / "x.html").exists()


def test_cli_all_writes_every_committed_page(tmp_path):
    from pohon.checks import run_checks
    from pohon.graph import load_graph
    from tests.fixtures import CLEAN

    r = CliRunner().invoke(main, ["visual", str(CLEAN), "--all", str(tmp_path / "visual")])
    assert r.exit_code == 0, r.output
    g = load_graph(CLEAN)
    pages = render_all(g, run_checks(g))
    assert sorted(p.name for p in (tmp_path / "visual").iterdir()) == sorted(pages)
    assert all((tmp_path / "visual" / k).read_text() == v for k, v in pages.items())
    assert "index.html" in pages and "ag.html" in pages and "unit-PUS.html" in pages


def test_cli_all_on_a_synthetic_cascade_names_pages_from_its_agency(tmp_path):
    """The agency is what pohon.nodes.is_agency says (kelompok TOTAL), not the word BSKJI: a `pohon synth`
    cascade (agency N00) gets n00.html as its overview and no unit-type page for the agency itself."""
    r = CliRunner().invoke(main, ["synth", "--agencies", "1", str(tmp_path / "syn")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["visual", str(tmp_path / "syn"), "--all", str(tmp_path / "v")])
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in (tmp_path / "v").iterdir())
    assert "n00.html" in names and "bskji.html" not in names
    assert "tipe-N00.html" not in names
    tipes = {line.split(",")[2] for line in (tmp_path / "syn" / "units.csv").read_text().splitlines()[1:]}
    assert {f"tipe-{t}.html" for t in tipes - {"N00"}} <= set(names)


# ---- the committed pages ----

def test_committed_pages_match_data():
    """visual/*.html must be what `scripts/make-visual` makes from data/ today."""
    from pohon.checks import run_checks
    from pohon.graph import load_graph

    graph = load_graph(ROOT / "data")
    pages = render_all(graph, run_checks(graph))
    committed = {p.name: p for p in (ROOT / "visual").glob("*.html")}
    assert sorted(committed) == sorted(pages), "visual/ pages differ: run scripts/make-visual"
    stale = [name for name, html in pages.items() if committed[name].read_text(encoding="utf-8") != html]
    assert not stale, f"stale pages {stale}: run scripts/make-visual and commit visual/"


def test_empty_view_is_a_clear_error_not_a_traceback(tmp_path):
    """BSKJI carries no IK in Lampiran IV, so its unit page at IK depth has nothing to draw."""
    from click.testing import CliRunner

    from pohon.cli import main

    out = tmp_path / "x.html"
    result = CliRunner().invoke(main, ["visual", str(ROOT / "data"), "--unit", "BSKJI", "--depth", "ik", "-o", str(out)])
    assert result.exit_code == 2
    assert "bad-view" in result.output and "Traceback" not in result.output
    assert not out.exists()
