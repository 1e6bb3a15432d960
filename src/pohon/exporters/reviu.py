"""Render the review sheet's sections (pohon.report) as Markdown or as one self-contained HTML page."""
from __future__ import annotations

from html import escape

from pohon.markdown import cell as md_cell

CSS = """body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:80rem;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;
vertical-align:top;text-align:left}th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}
h3{margin-top:1.5rem}p{margin:.3rem 0}"""


def to_markdown(title: str, sections: list, lang: str = "id") -> str:
    out = [f"# {md_cell(title)}", ""]
    for s in sections:
        out += ["#" * s.level + " " + md_cell(s.title), ""]
        out += [md_cell(p) + "  " for p in s.text]
        if s.text:
            out.append("")
        if s.table is not None and s.table.rows:
            t = s.table
            out.append("| " + " | ".join(md_cell(h) for h in t.header) + " |")
            out.append("|" + "|".join("--:" if i in t.numeric else "---" for i in range(len(t.header))) + "|")
            out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in t.rows]
            out.append("")
    return "\n".join(out) + "\n"


def to_html(title: str, sections: list, lang: str = "id") -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           f"<h1>{escape(title)}</h1>"]
    for s in sections:
        out.append(f"<h{s.level}>{escape(s.title)}</h{s.level}>")
        out += [f"<p>{escape(p)}</p>" for p in s.text]
        if s.table is not None and s.table.rows:
            t = s.table
            out.append("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.header) + "</tr></thead>")
            out.append("<tbody>")
            for row in t.rows:
                cells = "".join(f'<td class="n">{escape(c)}</td>' if i in t.numeric else f"<td>{escape(c)}</td>"
                                for i, c in enumerate(row))
                out.append(f"<tr>{cells}</tr>")
            out.append("</tbody></table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


FORMATS = {"markdown": to_markdown, "html": to_html}
