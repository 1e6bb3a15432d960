"""visual/index.html: the one file a facilitator opens, listing every page with what it draws and its findings."""
from __future__ import annotations

from collections import Counter

from pohon import fmt
from pohon.exporters.html import style as st
from pohon.exporters.html.page import static_page
from pohon.words import lang_of


def index_page(graph, summaries: dict[str, dict], findings, lang: str) -> str:
    """`summaries`: file name -> `render_page`'s summary (title, counts by kind, findings by severity drawn)."""
    t = st.text(lang)
    sev = Counter(f.severity for f in findings)
    rows = []
    dataset = f"{graph.graph.get('dataset') or 'pohon'} · "
    for name, s in summaries.items():
        kind = "unit" if name.startswith("unit-") else "tipe" if name.startswith("tipe-") else "overview"
        title = s["title"][len(dataset):] if s["title"].startswith(dataset) else s["title"]  # the h1 names it
        rows.append({"href": name, "title": title, "kind": t["index_kinds"][kind],
                     "counts": " · ".join(f"{n} {k}" for k, n in s["counts"]),
                     "findings": s["findings"]})
    return static_page("index.html.j2", {
        "lang": lang_of(lang),
        "title": f"{graph.graph.get('dataset') or 'pohon'} · {t['index_title']}",
        "t": t,
        "rows": rows,
        "total": [(s, t["severity"][s], fmt.plain(sev[s], lang)) for s in ("error", "warning", "info") if sev[s]],
    })
