"""pohon poster: the tree and its budgets, a tidy layout without overlaps, paging with continuation pages that
agree with the PDF, real (escaped) text in SVG and PDF, and the CLI's bad input."""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.budget import rollup
from pohon.checks import run_checks
from pohon.checks.view import in_rel, out_rel
from pohon.cli import main
from pohon.errors import OptionError
from pohon.exporters.poster import make_poster, poster_graph, render_poster
from pohon.exporters.poster.layout import MARGIN, PAPERS, W, overlaps
from pohon.exporters.poster.tree import DEPTHS, build_tree
from pohon.graph import load_graph

ROOT = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def graph():
    return load_graph(ROOT / "data")


@pytest.fixture(scope="module")
def findings(graph):
    return run_checks(graph)


@pytest.fixture(scope="module")
def agency(graph, findings):
    return make_poster(graph, findings, depth="unit", paper="A3")


@pytest.fixture(scope="module")
def agency_pdf(graph, findings, tmp_path_factory):
    path = tmp_path_factory.mktemp("poster") / "bskji.pdf"
    path.write_bytes(render_poster(graph, findings, "pdf", depth="unit", paper="A3"))
    return path


def _pdftotext(path: Path, *args: str) -> str:
    assert shutil.which("pdftotext"), "pdftotext missing: run scripts/install-test-deps (poppler-utils)"
    return subprocess.run(["pdftotext", "-raw", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _back_pages(page_text: str) -> set[int]:
    """The pages a page says it continues from: `lanjutan dari hlm. 1`, `1–3` or `1, 3`."""
    m = re.search(r"lanjutan dari hlm\. ([0-9–, ]+)\)", page_text)
    if not m:
        return set()
    out = set()
    for part in m.group(1).split(","):
        a, _, b = part.strip().partition("–")
        out |= set(range(int(a), int(b or a) + 1))
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---- the tree ----

def test_box_budgets_are_pohon_budget_and_every_komponen_counts_once(graph):
    tree = build_tree(graph, depth="komponen")
    by_sp = {line.id: line.total for line in rollup(graph, "sp").rows}
    sp_boxes = [n for n in tree.walk() if n.kind == "SP"]
    assert len(sp_boxes) == len(by_sp) == 9
    for box in sp_boxes:
        assert box.budget == pytest.approx(by_sp[box.graph_id], abs=0.01), box.kode
    assert tree.budget == pytest.approx(sum(rollup(graph, "sp").komponen_total.values()), abs=0.01)
    drawn = [n.graph_id for n in tree.walk() if n.kind == "Komponen"]
    assert len(drawn) == len(set(drawn))  # no komponen is drawn (or counted) twice


@pytest.mark.parametrize("depth", DEPTHS[1:])
def test_a_unit_type_mark_is_one_box_holding_its_balai_from_the_ikk_depth_on(graph, depth):
    tree = build_tree(graph, depth=depth)
    ik = next(n for n in tree.walk() if n.kind == "IK" and n.kode == "T1/SP3/c")
    types = [c for c in ik.children if c.kind == "Tipe"]
    assert [c.kode for c in types] == ["BBSPJI", "BSPJI"]
    bspji = types[1]
    assert bspji.nama == "BSPJI · 13 balai"
    assert not [c for c in ik.children if c.kind == "Unit" and c.kode.startswith("BSPJI-")]  # one IK → type link
    if depth == "unit":  # the box stands for its balai
        assert not bspji.children and len(bspji.covers) == 13
        return
    assert not bspji.covers  # the balai are drawn and carry their own findings
    assert [c.kind for c in bspji.children] == ["Unit"] * 13
    assert all(c.kode.startswith("BSPJI-") for c in bspji.children)
    cascading = {i for i in in_rel(graph, "IK:T1/SP3/c", "CASCADES_TO")}
    for balai in bspji.children:  # each balai with its IKKs cascading to this IK (and, deeper, their komponen)
        wanted = {i for i in cascading if graph.nodes[i]["unit"] == balai.kode}
        assert {c.graph_id for c in balai.children} == wanted, balai.kode
        assert all(bool(c.children) == (depth == "komponen") for c in balai.children
                   if out_rel(graph, c.graph_id, "HAS_KOMPONEN"))
    assert sum(len(b.children) for b in bspji.children) > 0
    assert bspji.budget == pytest.approx(sum(b.budget for b in bspji.children), abs=0.01)


def test_on_the_pages_a_balai_hangs_under_its_unit_type_box_never_under_the_ik(graph, findings):
    poster = make_poster(graph, findings, depth="ikk", paper="A3")
    balai_parents = []
    for page in poster.pages:
        for b in page.boxes:
            for k in b.kids:
                if "/Tipe:" in k.node.id and k.node.kind == "Unit":
                    balai_parents.append(b.node.kind)
                if b.node.kind == "IK":
                    assert k.node.kind in ("Unit", "Tipe")
                    assert not (k.node.kind == "Unit" and k.node.kode.startswith("BSPJI-")), page.number
    assert balai_parents and set(balai_parents) == {"Tipe"}


def test_unit_view_holds_only_that_units_boxes(graph):
    tree = build_tree(graph, unit="P4SI", depth="komponen")
    units = {n.kode for n in tree.walk() if n.kind == "Unit"}
    assert units == {"P4SI"}
    p4si = next(r for r in rollup(graph, "unit").rows if r.kode == "P4SI")
    assert tree.budget == pytest.approx(p4si.total, abs=0.01)


def test_the_agency_as_unit_is_the_whole_agency(graph):
    whole, agency = build_tree(graph, depth="ikk"), build_tree(graph, unit="BSKJI", depth="ikk")
    assert [n.id for n in agency.walk()] == [n.id for n in whole.walk()] and agency.budget == whole.budget


@pytest.mark.parametrize("view", [dict(unit="BSPJI-MEDAN", depth="komponen"), dict(sp="SP3", depth="ikk"),
                                  dict(unit="P4SI", sp="SP3", depth="komponen"), dict(unit="BSKJI", depth="ik")],
                         ids=lambda v: "-".join(str(x) for x in v.values()))
def test_the_graph_of_the_selection_draws_the_same_poster_as_the_whole_graph(graph, findings, view):
    from pohon.graph import dataset_of

    part = poster_graph(dataset_of(graph), unit=view.get("unit"), sp=view.get("sp"))
    if view.get("unit") != "BSKJI":  # the agency's poster is the whole cascade
        assert part.number_of_nodes() < graph.number_of_nodes() / 2
    assert render_poster(part, findings, "svg", **view) == render_poster(graph, findings, "svg", **view)


# ---- layout ----

VIEWS = [dict(depth="unit", paper="A3"), dict(depth="komponen", paper="A4"), dict(depth="ik", paper="A2"),
         dict(unit="P4SI", depth="komponen", paper="A3"), dict(sp="SP3", depth="ikk", paper="A4"),
         dict(unit="BSPJI-MEDAN", depth="komponen", paper="A4")]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(str(x) for x in v.values()))
def test_no_boxes_overlap_and_every_box_is_on_its_paper(graph, findings, view):
    poster = make_poster(graph, findings, **view)
    pw, ph = PAPERS[view["paper"]]
    drawn = 0
    for page in poster.pages:
        assert not overlaps(page.boxes), (page.number, [(a.node.id, b.node.id) for a, b in overlaps(page.boxes)])
        for b in page.boxes:
            assert MARGIN - 0.01 <= b.x and b.x + b.w <= pw - MARGIN + 0.01, (page.number, b.node.id)
            assert MARGIN <= b.y and b.y + b.h <= ph - MARGIN + 0.01, (page.number, b.node.id)
        drawn += len(page.boxes)
    assert drawn > 0


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(str(x) for x in v.values()))
def test_no_connector_runs_through_a_box(graph, findings, view):
    from pohon.exporters.poster.layout import Line

    poster = make_poster(graph, findings, **view)
    eps = 0.5
    for page in poster.pages:
        for op in page.ops:
            if not isinstance(op, Line) or op.stroke != "#555555":  # the tree's connectors
                continue
            for (x1, y1), (x2, y2) in zip(op.points, op.points[1:]):
                for b in page.boxes:
                    inside_x = min(x1, x2) < b.x + b.w - eps and max(x1, x2) > b.x + eps
                    inside_y = min(y1, y2) < b.y + b.h - eps and max(y1, y2) > b.y + eps
                    assert not (inside_x and inside_y), (page.number, b.node.id, op.points)


def test_parents_are_centred_over_children_and_siblings_in_code_order(agency):
    checked = folded = 0
    for page in agency.pages:
        for b in page.boxes:
            if len(b.kids) < 2:
                continue
            if b.kids[0].stacked:  # a stacked leaf list: top to bottom, column by column
                order = sorted(b.kids, key=lambda k: (k.x, k.y))
                assert [k.node.id for k in order] == [k.node.id for k in b.kids]
                continue
            rows = b.rows or [b.kids]  # a page root's kids too wide for the paper: rows, top to bottom
            assert [k for row in rows for k in row] == b.kids
            assert all(row[0].y == k.y for row in rows for k in row)
            assert [row[0].y for row in rows] == sorted({row[0].y for row in rows})
            for row in rows:
                xs = [k.x for k in row]
                assert xs == sorted(xs) and len(set(xs)) == len(xs)
            centre = (rows[0][0].x + rows[0][-1].x + W) / 2
            assert abs(b.x + W / 2 - centre) < 0.01, b.node.id
            checked += 1
            folded += len(rows) > 1
    assert checked >= 5 and folded >= 2  # the top (9 SS and Lain) and SP3 (10 IKs) are folded on A3


def test_siblings_are_in_code_order(graph):
    from pohon.budget import natural_key

    tree = build_tree(graph, depth="komponen")
    checked = 0
    for n in tree.walk():
        for kind in ("SP", "IK", "IKK", "Komponen"):
            codes = [c.kode for c in n.children if c.kind == kind]
            if len(codes) > 1:
                assert codes == sorted(codes, key=natural_key), (n.id, codes)
                checked += 1
    assert checked > 20


def test_all_text_is_at_least_7_pt_on_paper(agency):
    from pohon.exporters.poster.layout import Text

    sizes = {op.size for page in agency.pages for op in page.ops if isinstance(op, Text)}
    assert min(sizes) >= 7.0, sorted(sizes)


# ---- paging ----

def _assert_paging_agrees(poster) -> dict[int, object]:
    """Page numbers run 1..N; every page is a page of the top (no `back`), the findings list, or a
    continuation page that exactly one box points to (its tree's root, cut from the page named in `back`).
    So the page count is the top pages + the pages boxes continue on + the findings pages, and no two
    continued subtrees share a page. Returns {page number: the box that continues there}."""
    pages = poster.pages
    by_number = {p.number: p for p in pages}
    assert sorted(by_number) == list(range(1, len(pages) + 1))
    pointed: dict[int, object] = {}
    for page in pages:
        for b in page.boxes:
            assert b.cont == page.continues.get(b.node.id, []) or b.node is page.group.root
            for n in b.cont:
                target = by_number[n]
                assert n not in pointed, f"page {n} continues two boxes"
                assert target.group.root is b.node and target.back == [page.number], (page.number, n)
                assert n > page.number
                pointed[n] = b.node
    top = [p for p in pages if p.group and not p.back]
    notes = [p for p in pages if p.group is None]
    assert len(pages) == len(top) + len(pointed) + len(notes)
    assert {p.number for p in pages if p.back} == set(pointed)
    assert [p.number for p in notes] == list(range(len(pages) - len(notes) + 1, len(pages) + 1))
    return pointed


def test_a_big_tree_is_cut_into_one_page_per_sp_with_continuations_that_agree(agency):
    pointed = _assert_paging_agrees(agency)
    assert len(agency.pages) > 3
    assert {n.kode for n in pointed.values()} == {f"SP{i}" for i in range(1, 10)}
    for number in pointed:  # every SP on pages of its own, each page under one SP
        assert sum(1 for b in agency.pages[number - 1].boxes if b.node.kind == "SP") == 1, number


@pytest.mark.parametrize("view", [dict(depth="komponen", paper="A3"), dict(sp="SP3", depth="komponen", paper="A4"),
                                  dict(unit="SET", depth="komponen", paper="A4")],
                         ids=lambda v: "-".join(str(x) for x in v.values()))
def test_every_continued_unit_or_unit_type_starts_on_a_page_of_its_own(graph, findings, view):
    poster = make_poster(graph, findings, **view)
    pointed = _assert_paging_agrees(poster)
    units = [n for n in pointed.values() if n.kind in ("Unit", "Tipe")]
    assert len(units) >= 10
    for number, node in pointed.items():
        page = poster.pages[number - 1]
        if node.kind in ("Unit", "Tipe"):  # nothing of another unit on a unit's page
            ids = {n.id for n in node.walk()}
            assert all(b.node.id in ids for b in page.boxes), number
    # the page an SP (or IK) continues on draws its units, and every unit there with IKKs continues
    for page in poster.pages:
        for b in page.boxes:
            if b.node.kind in ("Unit", "Tipe") and b.node.children and not b.kids:
                assert b.cont, (page.number, b.node.id)


def test_a_unit_too_big_for_a_page_continues_over_further_pages_by_its_ikks():
    from pohon.exporters.poster.layout import paginate
    from pohon.exporters.poster.tree import LEVEL, Node

    unit = Node("u", "Unit", "BIG", "Balai yang besar", "Unit:BIG")
    for i in range(1, 13):
        ikk = Node(f"u/{i}", "IKK", f"SK.{i}", f"IKK nomor {i}", f"IKK:BIG:SK.{i}", "%", 90)
        ikk.children = [Node(f"u/{i}/{k}", "Komponen", f"K.{k}", f"Komponen {k} dari IKK {i}") for k in range(1, 41)]
        unit.children.append(ikk)
    ik = Node("ik", "IK", "T1/SP1/a", "Indikator", "IK:T1/SP1/a", children=[unit])
    sps = [Node("sp", "SP", "SP1", "Sasaran", "SP:SP1", children=[ik])]
    for i in range(2, 13):  # other SPs, each with an IK and a small unit: the top page holds no more than the SPs
        small = Node(f"u{i}", "Unit", f"U{i}", "Unit kecil", f"Unit:U{i}",
                     children=[Node(f"u{i}/1", "IKK", "SK.1", "IKK kecil", f"IKK:U{i}:SK.1", "%", 90)])
        sps.append(Node(f"sp{i}", "SP", f"SP{i}", "Sasaran lain", f"SP:SP{i}", children=[
            Node(f"ik{i}", "IK", f"T1/SP{i}/a", "Indikator lain", f"IK:T1/SP{i}/a", children=[small])]))
    root = Node("root", "root", "X", "Instansi",
                children=[Node(f"ss{i}", "SS", "", "Sasaran strategis", f"SS:{i}", children=[sp])
                          for i, sp in enumerate(sps)])
    pages = paginate(root, "A4", "id", 2024, top_cut=2)
    by_root = {}
    for p in pages:
        by_root.setdefault(p.group.root.id, []).append(p)
    sp_page = by_root["sp"][0]  # the SP page shows its IK and the unit, cut
    assert len(by_root["sp"]) == 1 and sp_page.group.cut == LEVEL["Unit"]
    unit_pages = by_root["u"]
    assert len(unit_pages) >= 2 and all(p.back == [sp_page.number] for p in unit_pages)
    assert [p.number for p in unit_pages] == list(range(sp_page.number + 1, sp_page.number + 1 + len(unit_pages)))
    assert unit_pages[0].title.endswith(f"(1/{len(unit_pages)})")
    shown = [k.id for p in unit_pages for k in p.group.kids]
    assert shown == [c.id for c in unit.children]  # each IKK whole, in order, on one of the unit's pages
    assert [b.cont for b in sp_page.boxes if b.node is unit] == [[p.number for p in unit_pages]]


def test_a_small_tree_is_one_page_plus_the_findings(graph, findings):
    poster = make_poster(graph, findings, unit="P4SI", depth="unit", paper="A2")
    assert len(poster.pages) == 2 and not any(b.cont for b in poster.pages[0].boxes)
    assert [p.number for p in poster.pages] == [1, 2]


def test_pdf_pages_and_continuation_references_agree(graph, agency, agency_pdf):
    text = _pdftotext(agency_pdf)
    texts = text.split("\f")
    texts = texts[:-1] if texts and not texts[-1].strip() else texts
    total = len(agency.pages)
    assert len(texts) == total
    header = f"{graph.graph['dataset']} · Renstra 2021–2024"  # dataset name and Renstra period on every page
    for i, page_text in enumerate(texts, start=1):
        assert f"hlm. {i}/{total}" in page_text and header in page_text
        for ref in re.findall(r"→ hlm\. (\d+)(?:–(\d+))?", page_text):
            first, last = int(ref[0]), int(ref[1] or ref[0])
            for n in range(first, last + 1):
                assert i in _back_pages(texts[n - 1]), (i, n)
    refs = re.findall(r"→ hlm\. (\d+)", text)
    assert len(refs) == sum(1 for p in agency.pages for b in p.boxes if b.cont)


def test_pdf_text_is_selectable_and_holds_the_indicator_names(graph, agency_pdf):
    text = _flat(_pdftotext(agency_pdf))
    names = [a["nama"] for _, a in graph.nodes(data=True) if a["kind"] == "IK"]
    assert len(names) == 32
    missing = [n for n in names if _flat(n) not in text]
    assert not missing, missing
    assert "Rp 2.680.870,59 juta" in text  # the agency total, Indonesian format


def test_pdf_embeds_every_font_it_uses(agency_pdf):
    rows = subprocess.run(["pdffonts", str(agency_pdf)], check=True, capture_output=True, text=True).stdout
    fonts = [line.split() for line in rows.splitlines()[2:] if line.strip()]
    assert fonts and all(f[-5] == "yes" for f in fonts), rows  # the `emb` column (Helvetica was not)


def test_pdf_is_reproducible(graph, findings, agency_pdf):
    assert render_poster(graph, findings, "pdf", depth="unit", paper="A3") == agency_pdf.read_bytes()


def test_english_numbers(graph, findings):
    svg = render_poster(graph, findings, "svg", depth="ik", paper="A2", lang="en")
    assert "Rp 2,680,870.59 juta" in svg and "p. 1/" in svg


# ---- SVG ----

def test_svg_parses_and_holds_every_drawn_code_as_text(graph, findings):
    poster = make_poster(graph, findings, depth="komponen", paper="A3")
    svg = render_poster(graph, findings, "svg", depth="komponen", paper="A3")
    root = ET.fromstring(svg.encode("utf-8"))
    pages = root.findall(f"{SVG}g")
    assert len(pages) == len(poster.pages)
    for page, xml_page in zip(poster.pages, pages):
        codes = [t.text for t in xml_page.iter(f"{SVG}text") if t.get("class") == "kode"]
        wanted = [b.node.kode for b in page.boxes if b.node.kode]
        assert sorted(codes) == sorted(wanted), page.number


@pytest.mark.parametrize("depth", ["unit", "komponen"])
def test_boxes_with_findings_carry_a_mark_and_a_note_in_the_list(graph, findings, depth):
    poster = make_poster(graph, findings, depth=depth, paper="A3")
    flagged = {f.node for f in findings}
    boxes = [b for p in poster.pages for b in p.boxes]
    own = [b for b in boxes if b.node.graph_id in flagged]
    # a unit-type box whose balai are not drawn stands for them: it carries their findings
    types = [b for b in boxes if b.node.kind == "Tipe" and flagged & set(b.node.covers)]
    assert own and (bool(types) == (depth == "unit"))
    assert all(b.notes and b.severity for b in own + types)
    assert all(not b.notes for b in boxes if b not in own and b not in types)
    numbers = {note.number for note in poster.notes}
    assert {n for b in own + types for n in b.notes} == numbers == set(range(1, len(numbers) + 1))
    # the same findings get one note: a unit drawn under several IKs, or a balai type's units, point to it
    sets = [frozenset(id(f) for f in note.findings) for note in poster.notes]
    assert len(sets) == len(set(sets))
    listed_ids = [id(f) for items in sets for f in items]
    # a balai drawn alone (BSPJI-LAMPUNG in Lain) is also in its type's note
    assert len(listed_ids) <= 1.05 * len(set(listed_ids))
    for b in own:
        worst = min((f.severity for f in findings if f.node == b.node.graph_id),
                    key=("error", "warning", "info").index)
        assert b.severity == worst, b.node.id
    svg = render_poster(graph, findings, "svg", depth=depth, paper="A3")
    listed = " ".join(t.text or "" for t in ET.fromstring(svg.encode()).iter(f"{SVG}text")
                      if t.get("class") == "finding")
    for note in poster.notes:
        for f in note.findings:
            assert f.rule in listed
            if note.name_nodes:  # a unit type's note names the balai each finding is on
                assert f.node.split(":", 1)[1].replace(":", " ") + " — " + f.rule in listed
    shown = len({id(f) for note in poster.notes for f in note.findings})
    assert shown < len(findings)  # Tabel 10 findings are never drawn: the list says how many are elsewhere
    assert f"{len(findings) - shown} temuan lain" in listed


def test_markup_in_a_name_stays_text(clean_dir):
    path = clean_dir / "cascading.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0]["indikator"] = XSS
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    g = load_graph(clean_dir)
    svg = render_poster(g, run_checks(g), "svg", depth="komponen", paper="A2")
    root = ET.fromstring(svg.encode("utf-8"))
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "<script>" not in svg
    names = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "nama"]
    assert XSS in names  # drawn as the text it is, on one line of its box


# ---- CLI ----

def _one_line_error(result, code):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f": {code}: " in lines[0], lines
    assert "Traceback" not in result.output


def test_cli_writes_svg_and_pdf(clean_dir, tmp_path):
    for name in ("p.svg", "p.pdf"):
        r = CliRunner().invoke(main, ["poster", str(clean_dir), "-o", str(tmp_path / name), "--depth", "komponen"])
        assert r.exit_code == 0, r.output
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    ET.parse(tmp_path / "p.svg")


@pytest.mark.parametrize("argv, code", [(["--unit", "ZZ"], "unknown-unit"), (["--sp", "SP99"], "unknown-sp")])
def test_cli_unknown_unit_or_sp_is_one_line_exit_2(clean_dir, tmp_path, argv, code):
    out = tmp_path / "p.svg"
    r = CliRunner().invoke(main, ["poster", str(clean_dir), *argv, "-o", str(out)])
    _one_line_error(r, code)
    assert "units.csv" in r.stderr or "sp.csv" in r.stderr
    assert not out.exists()


def test_cli_bad_suffix_and_bad_depth(clean_dir, tmp_path):
    _one_line_error(CliRunner().invoke(main, ["poster", str(clean_dir), "-o", str(tmp_path / "p.png")]),
                    "bad-format")
    r = CliRunner().invoke(main, ["poster", str(clean_dir), "--depth", "sk", "-o", str(tmp_path / "p.svg")])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1


def test_library_refuses_unknown_unit_with_an_option_error(graph):
    with pytest.raises(OptionError) as err:
        build_tree(graph, unit="ZZ")
    assert err.value.code == "unknown-unit"


# ---- the layout does not depend on the PDF's font; the committed examples ----

def test_layout_is_the_same_whichever_font_the_pdf_embeds(graph, findings, tmp_path):
    """Without DejaVu (Vera only), the SVG is the same bytes and the PDF writes stand-ins, not empty boxes."""
    script = (
        "import sys\n"
        "import pohon.exporters.poster.fonts as f\n"
        "f._DEJAVU_DIRS = ()\n"
        "from pohon.graph import load_graph\nfrom pohon.checks import run_checks\n"
        "from pohon.exporters.poster import render_poster\n"
        f"g = load_graph({str(ROOT / 'data')!r}); fs = run_checks(g)\n"
        "sys.stdout.write(render_poster(g, fs, 'svg', depth='unit', paper='A3'))\n"
        f"open({str(tmp_path / 'vera.pdf')!r}, 'wb').write(render_poster(g, fs, 'pdf', depth='unit', paper='A3'))\n"
        "print(f.register()[0].name, file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "POHON_POSTER_FONT_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == "Vera.ttf"
    assert run.stdout == render_poster(graph, findings, "svg", depth="unit", paper="A3")
    text = _pdftotext(tmp_path / "vera.pdf")
    assert "-> hlm. 3" in text and "→" not in text


COMMITTED = {"poster-bskji.svg": dict(depth="unit", paper="A3"),
             "poster-p4si.svg": dict(unit="P4SI", depth="komponen", paper="A3")}


def test_committed_posters_match_data(graph, findings):
    """visual/poster-*.svg must be what `scripts/make-visual` makes from data/ today."""
    assert sorted(p.name for p in (ROOT / "visual").glob("poster-*")) == sorted(COMMITTED)
    stale = [name for name, view in COMMITTED.items()
             if (ROOT / "visual" / name).read_text(encoding="utf-8") != render_poster(graph, findings, "svg", **view)]
    assert not stale, f"stale posters {stale}: run scripts/make-visual and commit visual/"
    script = (ROOT / "scripts" / "make-visual").read_text(encoding="utf-8")
    for name in COMMITTED:
        assert f"visual/{name}" in script


def test_without_reportlab_the_cli_says_so_in_one_line(clean_dir, tmp_path):
    script = ("import sys\nsys.modules['reportlab'] = None\n"  # import reportlab now fails
              "from pohon.cli import main\nmain()\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, "-c", script, "poster", str(clean_dir), "-o", str(tmp_path / "p.svg")],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and ": missing-dependency: " in lines[0] and "pohon[poster]" in lines[0], lines
    assert not (tmp_path / "p.svg").exists()
