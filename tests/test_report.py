"""`pohon report`: the lembar reviu holds every finding of `pohon check` (rule, node, source line), the
per-unit table and the budget roll-up by SP; HTML is self-contained and escaped; files are written atomically."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.budget import rollup
from pohon.checks import run_checks
from pohon.checks.view import rupiah
from pohon.cli import main
from pohon.graph import load_graph
from pohon.report import ReportFormatError, render, write_report
from tests.fixtures import BAD_FIXTURES, CLEAN

DATA = Path(__file__).resolve().parents[1] / "data"
HAS_DATA = (DATA / "komponen.csv").exists()


def run(*args):
    return CliRunner().invoke(main, ["report", *map(str, args)])


def rule_sections(md: str) -> dict[str, list[str]]:
    """rule id -> the table rows of its section in the Markdown report."""
    out: dict[str, list[str]] = {}
    current = None
    for line in md.splitlines():
        m = re.match(r"^### .+ — ([a-z-]+) \(", line)
        if m:
            current = out.setdefault(m.group(1), [])
        elif line.startswith("## "):
            current = None
        elif current is not None and line.startswith("| ") and not line.startswith("| simpul"):
            current.append(line)
    return out


def assert_every_finding_listed(folder: Path, tmp_path: Path):
    g = load_graph(folder)
    findings = run_checks(g)
    out = tmp_path / "reviu.md"
    r = run(folder, "-o", out)
    assert r.exit_code == 0, r.output
    sections = rule_sections(out.read_text(encoding="utf-8"))
    assert set(sections) == {f.rule for f in findings}
    for rule, rows in sections.items():
        mine = [f for f in findings if f.rule == rule]
        assert len(rows) == len(mine), rule
        for f in mine:
            a = g.nodes[f.node]
            source = f"{a['file']}, baris {a['baris']}" if a.get("baris") is not None else a["file"]
            assert any(row.startswith(f"| {f.node} | {source} | ") for row in rows), (rule, f.node)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", [b for b in BAD_FIXTURES if b.rule in ("budget-mismatch", "orphan-indicator")],
                         ids=lambda b: b.id)
def test_report_lists_every_finding_of_a_bad_fixture(bad, make_fixture, tmp_path):
    md = assert_every_finding_listed(make_fixture(bad.rule, bad.variant), tmp_path)
    assert bad.node in md


@pytest.mark.skipif(not HAS_DATA, reason="data/ not extracted yet")
def test_report_on_data_lists_every_finding_and_the_budget(tmp_path):
    md = assert_every_finding_listed(DATA, tmp_path)
    r = rollup(load_graph(DATA), "sp")
    assert f"|  | JUMLAH | {' | '.join(rupiah(r.total[y], 'id') for y in r.years)} |" in md


def test_clean_report_summary_units_and_budget(tmp_path):
    md = render(load_graph(CLEAN), "markdown")
    assert md.startswith("# Lembar Reviu Cascading Kinerja: Badan Contoh")
    assert "Tidak ada temuan." in md and "0 temuan: 0 galat, 0 peringatan, 0 info" in md
    assert "| PUS | Pusat Contoh | 1: T1/SP1/a | 1 | 100,00 | 110,00 | 120,00 | 130,00 | ya |" in md
    assert "| B1 | Balai Besar Contoh Satu | 2: T1/SP1/a, T2/SP2/a | 2 | 50,00 | 55,00 | 60,00 | 65,00 | ya |" in md
    assert "| SP1 | Meningkatnya Daya Saing Industri | 185,00 | 205,00 | 225,00 | 245,00 | 860,00 |" in md
    assert "|  | JUMLAH | 300,00 | 330,00 | 360,00 | 390,00 | 1.380,00 |" in md
    assert "Aturan alokasi" in md
    assert "| TOTAL | 300.00 | 330.00 | 360.00 | 390.00 | 1,380.00 |" in render(load_graph(CLEAN), "markdown", "en")


def test_unit_with_budget_mismatch_is_not_reconciled(make_fixture, tmp_path):
    folder = make_fixture("budget-mismatch", "unit-vs-komponen")
    md = render(load_graph(folder), "markdown")
    [b2] = [line for line in md.splitlines() if line.startswith("| B2 | ")]
    assert b2.endswith("| tidak |")
    assert [line for line in md.splitlines() if line.startswith("| B1 | ")][0].endswith("| ya |")
    en = render(load_graph(folder), "markdown", "en")
    assert en.startswith("# Cascade Review Sheet") and "| reconciled |" in en


def test_html_is_self_contained_and_escaped(clean_dir, tmp_path):
    units = clean_dir / "units.csv"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "Pusat Contoh,PUS", "<script>alert(1)</script> & Co,PUS"), encoding="utf-8")
    out = tmp_path / "reviu.html"
    r = run(clean_dir, "-o", out, "--lang", "en")
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "Cascade Review Sheet" in html


def test_written_atomically_and_bad_suffix_is_bad_input(tmp_path):
    out = tmp_path / "reviu.md"
    out.write_text("old", encoding="utf-8")
    write_report(load_graph(CLEAN), out)
    assert out.read_text(encoding="utf-8").startswith("# Lembar Reviu")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reviu.md"]  # no temporary file left
    with pytest.raises(ReportFormatError):
        write_report(load_graph(CLEAN), tmp_path / "reviu.txt")
    r = run(CLEAN, "-o", tmp_path / "reviu.pdf")
    assert r.exit_code == 2 and "gunakan akhiran .md atau .html" in r.stderr
    assert run(CLEAN, "-o", tmp_path / "missing" / "r.md").exit_code == 2
    assert not (tmp_path / "reviu.pdf").exists()


def test_report_carries_the_kke_scores_pohon_fills_in():
    from pohon import fmt, kke
    from pohon.checks import run_checks

    g = load_graph(DATA)
    md = render(g, "markdown")
    assert "## Kertas Kerja Evaluasi (cascading): skor isian pohon" in md
    for s in kke.build(g, run_checks(g)):
        assert f"| {s.name} | {fmt.percent(100 * s.score(), 'id')} |" in md


def test_report_has_an_indicator_quality_section_with_every_quality_rule():
    from collections import Counter

    from pohon.checks import run_checks
    from pohon.kke import QUALITY_RULES

    g = load_graph(DATA)
    counts = Counter(f.rule for f in run_checks(g))
    md = render(g, "markdown")
    assert "## Kualitas indikator" in md
    assert "Pedoman Kinerja (Lampiran III): 48 entri, 20 dengan rumus yang tidak terbaca di teks sumber" in md
    assert "| Definisi indikator tidak lengkap (definition-incomplete) |" in md and "definition-incomplete" in QUALITY_RULES
    for r in QUALITY_RULES:
        assert f"({r}) |" in md
    assert f"| Target tidak lengkap (target-missing) | IK atau IKK tanpa target untuk sebagian atau seluruh tahun periode | {counts['target-missing']} |" in md
    en = render(g, "markdown", lang="en")
    assert "## Indicator quality" in en and "| Indicator definition incomplete (definition-incomplete) |" in en
