"""A Diff as text, JSON or Markdown."""
from __future__ import annotations

import json

from pohon import fmt
from pohon.checks.view import rupiah
from pohon.diff import CRITERION, Change, Diff
from pohon.markdown import cell as md_cell
from pohon.nodes import kind_of
from pohon.trace import short
from pohon.words import words

SIGN = {"added": "+", "removed": "-"}


def value(v, lang: str) -> str:
    if v is None or v == "" or v == []:
        return words("diff", lang)["empty"]
    if isinstance(v, list):
        return ", ".join(map(str, v))
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        return fmt.plain(v, lang)
    return str(v)


def describe(c: Change, lang: str = "id") -> str:
    w = words("diff", lang)
    label = w.get(c.change, c.change) + (f" {c.year}" if c.year else "")
    if c.change in ("added", "removed"):
        return f"{label}: \"{value(c.new if c.change == 'added' else c.old, lang)}\""
    if c.change == "reworded":
        return f"{label}: \"{value(c.old, lang)}\" → \"{value(c.new, lang)}\""
    if c.change in ("pagu", "anggaran") and isinstance(c.old, (int, float)) and isinstance(c.new, (int, float)):
        return f"{label}: {rupiah(c.old, lang)} → {rupiah(c.new, lang)} ({fmt.signed(c.new - c.old, lang)})"
    return f"{label}: {value(c.old, lang)} → {value(c.new, lang)}"


def _node(nid: str, lang: str) -> str:
    if nid == "not-cascaded":
        return words("diff", lang)["not-cascaded"]
    return f"{kind_of(nid)} {short(nid)}"


def _title(d: Diff, lang: str) -> str:
    title = words("diff", lang)["title"]
    return f"{title} ({d.scope})" if d.scope else title


def to_text(d: Diff, lang: str = "id") -> str:
    w = words("diff", lang)
    out = [f"{_title(d, lang)}: {d.old_name} → {d.new_name}", ""]
    if not d.changes and not d.shifts:
        return "\n".join(out + [w["none"]]) + "\n"
    out.append(f"{w['nodes']}:")
    for c in d.changes:
        was = f" (← {short(c.old_node)})" if c.old_node and c.old_node != c.node else ""
        out.append(f"{SIGN.get(c.change, '~')} {_node(c.node, lang)}{was}: {describe(c, lang)}")
    out += _stability_text(d, lang)
    out += ["", f"{w['budget']}:"]
    for s in d.shifts:
        out.append(f"  {w['by_' + s.by]:<9} {_node(s.node, lang)} {s.year}: {rupiah(s.old, lang)} → {rupiah(s.new, lang)}"
                   f" ({fmt.signed(s.delta, lang)})")
    out.append(f"  {w['total']}: " + ", ".join(f"{y}: {rupiah(o, lang)} → {rupiah(n, lang)}" for y, (o, n) in d.totals.items()))
    return "\n".join(out) + "\n"


def to_json(d: Diff, lang: str = "id") -> str:
    doc = d.as_dict()
    for c, item in zip(d.changes, doc["changes"]):
        item["message"] = describe(c, lang)
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _stability_text(d: Diff, lang: str) -> list[str]:
    stable = d.iku_stability()
    if not stable:
        return []
    w = words("diff", lang)
    warning = words("severity", lang)["warning"]
    out = ["", f"{w['stability']} ({w['criterion']}: {CRITERION[lang]}):"]
    return out + [f"  {warning}: {_node(c.old_node or c.node, lang)}: {describe(c, lang)}" for c in stable]


def to_markdown(d: Diff, lang: str = "id") -> str:
    w = words("diff", lang)
    out = [f"# {md_cell(_title(d, lang))}: {md_cell(d.old_name)} → {md_cell(d.new_name)}", ""]
    if not d.changes and not d.shifts:
        return "\n".join(out + [w["none"], ""])
    out += [f"## {w['nodes']}", "", f"| {w['kind']} | {w['node']} | {w['change']} |", "|---|---|---|"]
    for c in d.changes:
        was = f" ← `{md_cell(short(c.old_node))}`" if c.old_node and c.old_node != c.node else ""
        out.append(f"| {c.kind} | `{md_cell(short(c.node))}`{was} | {md_cell(describe(c, lang))} |")
    stable = d.iku_stability()
    if stable:
        out += ["", f"## {w['stability']}", "", f"{w['criterion']}: {CRITERION[lang]}", ""]
        warning = words("severity", lang)["warning"]
        out += [f"- **{warning}** `{md_cell(short(c.old_node or c.node))}`: {md_cell(describe(c, lang))}"
                for c in stable]
    out += ["", f"## {w['budget']}", "",
            f"| {w['node']} | {w['year']} | {w['old']} | {w['new']} | {w['delta']} |", "|---|---|--:|--:|--:|"]
    for s in d.shifts:
        out.append(f"| {md_cell(_node(s.node, lang))} | {s.year} | {rupiah(s.old, lang)} | {rupiah(s.new, lang)} | {fmt.signed(s.delta, lang)} |")
    for y, (o, n) in d.totals.items():
        out.append(f"| **{w['total']}** | {y} | {rupiah(o, lang)} | {rupiah(n, lang)} | {fmt.signed(n - o, lang)} |")
    return "\n".join(out) + "\n"


FORMATS = {"text": to_text, "json": to_json, "markdown": to_markdown}
