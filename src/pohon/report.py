"""The "lembar reviu": one document a SAKIP reviewer reads — summary, findings by rule with evidence and source
lines, a per-unit table and the budget roll-up by SP. Built as sections (`Section`, `Table`) that
`pohon.exporters.reviu` renders as Markdown or self-contained HTML; `write_report` writes atomically.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from pohon import __version__, fmt
from pohon.budget import rollup
from pohon.checks import REGISTRY, Finding, all_rules, run_checks
from pohon.checks.view import in_rel, money, nodes, out_rel, rupiah, unit_pagu, yearly_sums
from pohon.errors import OptionError
from pohon.output import write_file
from pohon.words import words

KIND_ORDER = ("SS", "Tujuan", "SP", "IK", "Unit", "SK", "IKK", "Komponen")


class ReportFormatError(OptionError):
    """The output file's suffix names no report format (.md or .html)."""

    def __init__(self, path: Path):
        super().__init__(str(path), "bad-format", "gunakan akhiran .md atau .html", "use .md or .html")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns


@dataclass
class Section:
    title: str
    level: int = 2
    text: list[str] = field(default_factory=list)
    table: Table | None = None


def build(g: nx.DiGraph, findings: list[Finding] | None = None, lang: str = "id") -> tuple[str, list[Section]]:
    """The title and sections of the review sheet."""
    findings = run_checks(g) if findings is None else findings
    t = words("report", lang)
    title = f"{t['title']}: {g.graph.get('dataset', '')}"
    return title, [*_summary(g, findings, t, lang), *_findings(g, findings, t, lang), _units(g, findings, t, lang),
                   _kke(g, findings, lang), _quality(g, findings, lang), _budget(g, t, lang)]


def _kke(g, findings, lang) -> Section:
    from pohon import kke

    w = words("report-kke", lang)
    title, sheet, score, answered, open_, note = (w[k] for k in ("title", "sheet", "score", "answered", "open", "note"))
    rows = []
    for s in kke.build(g, findings):
        value = s.score()
        n = sum(1 for r in s.rows for a in r.answers.values() if a is not None)
        rows.append([s.name, "–" if value is None else fmt.percent(100 * value, lang),
                     fmt.plain(n, lang), fmt.plain(s.open_cells(), lang)])
    return Section(title, text=[note], table=Table([sheet, score, answered, open_], rows, numeric={1, 2, 3}))


def _quality(g, findings, lang) -> Section:
    """The indicator-quality rules the KKE answers rest on, with their counts, and the pedoman's state."""
    from pohon.kke import QUALITY_RULES, UNREADABLE

    w = words("report-quality", lang)
    title, rule, checks, n_findings, note = (w[k] for k in ("title", "rule", "checks", "findings", "note"))
    pedoman = g.graph.get("pedoman", [])
    lost = sum(1 for e in pedoman if UNREADABLE in str(e.get("cara_menghitung") or ""))
    counts = Counter(f.rule for f in findings)
    rows = [[f"{REGISTRY[r].title(lang)} ({r})", REGISTRY[r].summary(lang), fmt.plain(counts.get(r, 0), lang)]
            for r in QUALITY_RULES if r in REGISTRY]
    return Section(title, text=[note.format(n=fmt.plain(len(pedoman), lang), lost=fmt.plain(lost, lang))],
                   table=Table([rule, checks, n_findings], rows, numeric={2}))


def _summary(g, findings, t, lang) -> list[Section]:
    severity = words("severity", lang)
    kinds = Counter(a["kind"] for _, a in g.nodes(data=True))
    sev = Counter(f.severity for f in findings)
    ys = list(g.graph.get("years", []))
    komponen = yearly_sums(g, nodes(g, "Komponen"), "anggaran", ys)
    pagu = unit_pagu(g, ys)
    text = [f"{t['made']} {__version__}.",
            f"{len(findings)} {t['n_findings']}: " + ", ".join(f"{sev.get(s, 0)} {severity[s]}" for s in ("error", "warning", "info")),
            f"{t['komponen']}: " + ", ".join(f"{y}: Rp {rupiah(v, lang)} juta" for y, v in komponen.items()),
            f"{t['pagu']}: " + ", ".join(f"{y}: Rp {rupiah(v, lang)} juta" for y, v in pagu.items())]
    by_rule = Counter(f.rule for f in findings)
    rows = [[k, str(kinds[k])] for k in KIND_ORDER if kinds.get(k)]
    rules = [[r, str(by_rule.get(r, 0))] for r in all_rules()]
    return [Section(t["summary"], text=text, table=Table([t["kind"], t["count"]], rows, {1})),
            Section(t["checked"], 3, table=Table([t["rule"], t["n_findings"]], rules, {1}))]


def _source(g: nx.DiGraph, node: str) -> str:
    a = g.nodes[node] if node in g else {}
    if a.get("baris") is None:
        return a.get("file", "")
    return f"{a.get('file', '')}, baris {a['baris']}"  # the Renstra text's line, not the CSV's


def _details(details: dict, lang: str) -> str:
    """A finding's details for people: numbers in the report's language, nested values inline."""
    return "; ".join(f"{k}: {_value(v, lang)}" for k, v in details.items())


def _value(v, lang: str) -> str:
    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, (int, float)):
        return fmt.plain(v, lang)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_value(x, lang)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x, lang) for x in v) + "]"
    return str(v)


def _findings(g, findings, t, lang) -> list[Section]:
    severity = words("severity", lang)
    head = Section(t["findings"], text=[] if findings else [t["none"]])
    out = [head]
    for rule_id in sorted({f.rule for f in findings}):
        mine = [f for f in findings if f.rule == rule_id]
        sev = Counter(f.severity for f in mine)
        counts = ", ".join(f"{sev[s]} {severity[s]}" for s in ("error", "warning", "info") if sev.get(s))
        desc = REGISTRY[rule_id].summary(lang)
        rows = [[f.node, _source(g, f.node), f"{severity[f.severity]}: {f.message(lang)}", _details(f.details, lang)]
                for f in mine]
        out.append(Section(f"{REGISTRY[rule_id].title(lang)} — {rule_id} ({counts})", 3, [desc] if desc else [],
                           Table([t["node"], t["source"], t["message"], t["details"]], rows)))
    return out


def _units(g, findings, t, lang) -> Section:
    ys = list(g.graph.get("years", []))
    mismatched = {f.node for f in findings if f.rule == "budget-mismatch"}
    rows = []
    for u in nodes(g, "Unit"):
        a = g.nodes[u]
        iks = [g.nodes[i]["kode"] for i in in_rel(g, u, "CARRIED_BY")]
        ikk = [i for sk in out_rel(g, u, "HAS_SK") for i in out_rel(g, sk, "HAS_IKK")]
        pagu = [rupiah(money(a.get(f"pagu_{y}")), lang) if a.get(f"pagu_{y}") is not None else "–" for y in ys]
        rows.append([a["kode"], a["nama"], f"{len(iks)}: {', '.join(iks)}" if iks else "0", str(len(ikk)), *pagu,
                     t["no"] if u in mismatched else t["yes"]])
    header = [t["unit"], t["nama"], t["ik"], t["ikk"], *[f"pagu {y}" for y in ys], t["reconciled"]]
    return Section(t["units"], text=[t["reconciled_note"]],
                   table=Table(header, rows, {3, *range(4, 4 + len(ys))}))


def _budget(g, t, lang) -> Section:
    r = rollup(g, "sp", lang=lang)
    rows = [[line.kode, line.nama, *[rupiah(line.anggaran[y], lang) for y in r.years], rupiah(line.total, lang)]
            for line in r.rows + r.unallocated]
    rows.append(["", t["sum"], *[rupiah(r.total[y], lang) for y in r.years], rupiah(sum(r.total.values()), lang)])
    header = [t["kode"], t["nama"], *map(str, r.years), t["total"]]
    return Section(t["budget"], text=[r.rule(lang)],
                   table=Table(header, rows, set(range(2, 3 + len(r.years)))))


def render(g: nx.DiGraph, fmt: str, lang: str = "id", findings: list[Finding] | None = None) -> str:
    from pohon.exporters import reviu

    if fmt not in reviu.FORMATS:
        raise ReportFormatError(fmt)
    title, sections = build(g, findings, lang)
    return reviu.FORMATS[fmt](title, sections, lang)


def format_of(path: Path) -> str:
    fmt = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}.get(path.suffix.lower())
    if fmt is None:
        raise ReportFormatError(path)
    return fmt


def write_report(g: nx.DiGraph, path: Path, lang: str = "id", findings: list[Finding] | None = None,
                 inputs: list[Path] = ()) -> Path:
    path = Path(path)
    write_file(path, render(g, format_of(path), lang, findings), inputs)
    return path
