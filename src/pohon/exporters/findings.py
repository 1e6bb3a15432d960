"""Findings as text, JSON or Markdown."""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx

from pohon.checks import SEVERITY_RANK, Finding

LABELS = {
    "id": {"findings": "temuan", "none": "Tidak ada temuan.", "rule": "aturan", "severity": "tingkat",
           "node": "simpul", "message": "pesan", "title": "Hasil pemeriksaan", "nodes": "simpul",
           "error": "galat", "warning": "peringatan", "info": "info"},
    "en": {"findings": "findings", "none": "No findings.", "rule": "rule", "severity": "severity",
           "node": "node", "message": "message", "title": "Check results", "nodes": "nodes",
           "error": "error", "warning": "warning", "info": "info"},
}


def summary(graph: nx.DiGraph, findings: list[Finding]) -> dict:
    sev = Counter(f.severity for f in findings)
    return {
        "dataset": graph.graph.get("dataset", ""),
        "nodes": dict(sorted(Counter(a["kind"] for _, a in graph.nodes(data=True)).items())),
        "findings": len(findings),
        "by_severity": {s: sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


def worst(findings: list[Finding]) -> str | None:
    return max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=None)


def to_json(graph: nx.DiGraph, findings: list[Finding], lang: str = "id") -> str:
    doc = {"findings": [f.as_dict(lang) for f in findings], "summary": summary(graph, findings)}
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def to_text(graph: nx.DiGraph, findings: list[Finding], lang: str = "id") -> str:
    t = LABELS[lang]
    lines = [f"{f.severity:<8} {f.rule:<26} {f.node}  {f.message(lang)}" for f in findings]
    s = summary(graph, findings)
    counts = ", ".join(f"{n} {t[k]}" for k, n in s["by_severity"].items())
    lines.append(f"{s['dataset']}: {sum(s['nodes'].values())} {t['nodes']}; {s['findings']} {t['findings']} ({counts})")
    return "\n".join(lines) + "\n"


def to_markdown(graph: nx.DiGraph, findings: list[Finding], lang: str = "id") -> str:
    t = LABELS[lang]
    s = summary(graph, findings)
    out = [f"# {t['title']}: {s['dataset']}", ""]
    out += [f"- {t[k]}: {n}" for k, n in s["by_severity"].items()]
    out.append("")
    if not findings:
        return "\n".join(out + [t["none"], ""])
    out += [f"| {t['severity']} | {t['rule']} | {t['node']} | {t['message']} |", "|---|---|---|---|"]
    out += [f"| {f.severity} | `{f.rule}` | `{_md(f.node)}` | {_md(f.message(lang))} |" for f in findings]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


FORMATS = {"text": to_text, "json": to_json, "markdown": to_markdown}
