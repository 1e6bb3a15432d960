"""A budget Rollup as a text table, JSON or an Excel-safe CSV."""
from __future__ import annotations

import csv
import io
import json

from pohon.budget import Rollup
from pohon.checks.view import rupiah
from pohon.csvsafe import safe_row
from pohon.words import words

BY_NAME = {"ss": "SS", "sp": "SP", "ik": "IK", "unit": "unit"}


def to_text(r: Rollup, lang: str = "id") -> str:
    t = words("budget", lang)
    head = [t["kode"], t["nama"]] + [str(y) for y in r.years] + ([t["total"]] if len(r.years) > 1 else [])
    body = [_cells(line.kode, _cut(line.nama), line.anggaran, r.years, lang) for line in r.rows + r.unallocated]
    foot = _cells("", t["sum"], r.total, r.years, lang)
    widths = [max(len(row[i]) for row in [head, foot] + body) for i in range(len(head))]

    def fmt(row):
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [f"{r.dataset}: {t['title'].format(by=BY_NAME[r.by])}", "", fmt(head), rule]
    out += [fmt(row) for row in body] + [rule, fmt(foot), ""]
    out.append(f"{t['komponen']}: " + _per_year(r.komponen_total, r.years, lang))
    diff = {y: round(r.pagu_units[y] - r.komponen_total[y], 2) for y in r.years}
    out.append(f"{t['pagu']}: " + _per_year(r.pagu_units, r.years, lang)
               + (f" ({t['diff']}: {_per_year(diff, r.years, lang)})" if any(diff.values()) else ""))
    out.append(f"{t['starred']}: {r.starred}")
    out += ["", r.rule(lang)]
    return "\n".join(out) + "\n"


def to_json(r: Rollup, lang: str = "id") -> str:
    return json.dumps(r.as_dict(lang), ensure_ascii=False, indent=2) + "\n"


def to_csv(r: Rollup, lang: str = "id") -> str:
    t = words("budget", lang)
    unit = r.by == "unit"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["kode", "nama"] + [f"anggaran_{y}" for y in r.years] + ["jumlah"]
               + ([f"pagu_{y}" for y in r.years] if unit else []))
    for line in r.rows + r.unallocated:
        pagu = [(line.pagu or {}).get(y) for y in r.years] if unit else []
        w.writerow(safe_row([line.kode, line.nama] + [line.anggaran[y] for y in r.years] + [line.total] + pagu))
    w.writerow(safe_row(["", t["sum"]] + [r.total[y] for y in r.years] + [round(sum(r.total.values()), 2)]
                        + ([r.pagu_units[y] for y in r.years] if unit else [])))
    w.writerow(safe_row([t["rule"], r.rule(lang)]))
    return buf.getvalue()


def _cells(kode, nama, values, years, lang) -> list[str]:
    row = [kode, nama] + [rupiah(values[y], lang) for y in years]
    return row + ([rupiah(sum(values[y] for y in years), lang)] if len(years) > 1 else [])


def _per_year(values: dict, years, lang) -> str:
    return ", ".join(f"{y}: {rupiah(values[y], lang)}" for y in years)


def _cut(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


FORMATS = {"text": to_text, "json": to_json, "csv": to_csv}
