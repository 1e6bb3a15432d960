"""Findings as text, JSON or Markdown."""
from __future__ import annotations

from collections import Counter

from pohon import jsontext
from pohon.checks import SEVERITY_RANK, Finding
from pohon.dataset import Dataset
from pohon.markdown import cell as md_cell
from pohon.words import words


def summary(ds: Dataset, findings: list[Finding]) -> dict:
    sev = Counter(f.severity for f in findings)
    return {
        "dataset": ds.name,
        "nodes": ds.node_counts(),
        "findings": len(findings),
        "by_severity": {s: sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }


def worst(findings: list[Finding]) -> str | None:
    return max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=None)


def to_json(ds: Dataset, findings: list[Finding], lang: str = "id") -> str:
    doc = {"findings": [f.as_dict(lang) for f in findings], "summary": summary(ds, findings)}
    return jsontext.dumps(doc) + "\n"  # = json.dumps(doc, ensure_ascii=False, indent=2, default=str, allow_nan=False)


def to_text(ds: Dataset, findings: list[Finding], lang: str = "id") -> str:
    t = words("findings", lang)
    lines = [f"{f.severity:<8} {f.rule:<26} {f.node}  {f.message(lang)}" for f in findings]
    s = summary(ds, findings)
    severity = words("severity", lang)
    counts = ", ".join(f"{n} {severity[k]}" for k, n in s["by_severity"].items())
    lines.append(f"{s['dataset']}: {sum(s['nodes'].values())} {t['nodes']}; {s['findings']} {t['findings']} ({counts})")
    return "\n".join(lines) + "\n"


def to_markdown(ds: Dataset, findings: list[Finding], lang: str = "id") -> str:
    t = words("findings", lang)
    s = summary(ds, findings)
    out = [f"# {t['title']}: {s['dataset']}", ""]
    severity = words("severity", lang)
    out += [f"- {severity[k]}: {n}" for k, n in s["by_severity"].items()]
    out.append("")
    if not findings:
        return "\n".join(out + [t["none"], ""])
    out += [f"| {t['severity']} | {t['rule']} | {t['node']} | {t['message']} |", "|---|---|---|---|"]
    out += [f"| {f.severity} | `{f.rule}` | `{md_cell(f.node)}` | {md_cell(f.message(lang))} |" for f in findings]
    return "\n".join(out) + "\n"


FORMATS = {"text": to_text, "json": to_json, "markdown": to_markdown}
