"""A Trace as a box-drawing tree (text) or JSON."""
from __future__ import annotations

import json

from pohon.checks.view import rupiah
from pohon.trace import Trace, TraceNode, short
from pohon.words import words


def to_json(t: Trace, lang: str = "id") -> str:
    return json.dumps(t.as_dict(), ensure_ascii=False, indent=2) + "\n"


def to_text(t: Trace, lang: str = "id") -> str:
    lab = words("trace", lang)
    root = t.down
    # `baris` is the line of the Renstra source text, not of the CSV file (data/README.md)
    src = f"{root.file}, baris {root.baris}" if root.baris is not None else root.file
    lines = [f"{_label(root)}  [{lab['source']}: {src}]", "", f"{lab['up']}:"]
    lines += _tree(t.up, lang, money=False)
    years = " | ".join(str(y) for y in t.years)
    lines += ["", f"{lab['down']} [{years}]:"]
    lines += _tree(t.down, lang, money=True)
    return "\n".join(lines) + "\n"


def _label(n: TraceNode) -> str:
    code = short(n.id) if n.kind != "SS" else ""
    return " ".join(p for p in (n.kind, code, f"— {n.nama}" if n.nama and n.nama != code else "") if p)


def _line(n: TraceNode, lang: str, money: bool) -> str:
    text = _label(n)
    notes = [words("trace-notes", lang).get(c, c) for c in n.notes]
    if n.refs:
        notes.append(words("trace", lang)["twins"] + " " + ", ".join(short(r) for r in n.refs))
    if notes:
        text += f" ({'; '.join(notes)})"
    if money:
        text += "  [" + " | ".join("–" if v is None else rupiah(v, lang) for v in n.anggaran.values()) + "]"
    return text


def _tree(root: TraceNode, lang: str, money: bool) -> list[str]:
    out = [_line(root, lang, money)]
    if not root.children:
        out.append("└── " + words("trace", lang)["none"])

    def walk(node: TraceNode, prefix: str) -> None:
        for i, child in enumerate(node.children):
            last = i == len(node.children) - 1
            out.append(prefix + ("└── " if last else "├── ") + _line(child, lang, money))
            walk(child, prefix + ("    " if last else "│   "))

    walk(root, "")
    return out


FORMATS = {"text": to_text, "json": to_json}
