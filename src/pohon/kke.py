"""The cascading part of the SAKIP Kertas Kerja Evaluasi (KKE), pre-filled from the graph and the findings.

Answers are `Y` (1), `T` (0) or `K` (0.5, partly), as the evaluation sheets score them; `None` where a
person must judge (the workbook leaves the cell blank and shaded). A sheet's score is the mean of its
answered cells. Every answer carries its evidence: the rules and findings behind it and the source line.

What pohon decides, per indicator (IK and IKK) in KKE-1 SMART-C:
- M (dapat diukur): a satuan, a Cara Menghitung in the indicator's Pedoman Kinerja entry (Lampiran III, as
  pohon.checks.pedoman pairs them) and a target every year -> Y; none of the three -> T; some -> K. The
  evidence cites the entry's section and line, and says when its formula is unreadable in the source text.
- R (relevan): the indicator hangs on the cascade (no orphan-indicator finding; an IKK cascades to an IK) -> Y.
- T (berbatas waktu): as target-missing finds it: a target every year of the period -> Y; some years -> K;
  none -> T.
- C (menantang / continuously improve): targets that move the way the klasifikasi asks (no target-direction
  finding) -> Y, a target-direction finding -> T, no numeric targets or no klasifikasi -> a person judges.
- S (spesifik) and A (dapat dicapai) are left to the evaluator.
KKE-2 Cascading: each SP, IK and IKK with its parent one level up; the link exists (Y/T) and the indicator's
kind of result fits the level (an outcome above the IKK: T when output-oriented-indicator fires).
KKE-3 Anggaran: each komponen with budget: it serves an indicator (Y) or not (T: budget-without-indicator).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from pohon.checks import Finding
from pohon.checks.pedoman import Pedoman
from pohon.checks.view import in_rel, nodes, out_rel

SCORES = {"Y": 1.0, "K": 0.5, "T": 0.0}
WEIGHTS = (("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
           ("Evaluasi Akuntabilitas Kinerja Internal", 25))  # PermenPAN-RB 88/2021
SMART_C = ("S", "M", "A", "R", "T", "C")
# the indicator-quality rules whose findings the KKE answers and the report's quality section cite
QUALITY_RULES = ("definition-incomplete", "target-missing", "target-direction", "output-oriented-indicator",
                 "carrier-not-marked", "single-output-outcome")
UNREADABLE = "rumus tidak terbaca di teks sumber"
LEVEL = {"SS": "ultimate outcome", "Tujuan": "ultimate outcome", "SP": "outcome", "IK": "intermediate outcome",
         "IKK": "output / immediate outcome"}


@dataclass
class Row:
    """One row of a KKE sheet: what it is about, its answers (None = for a person) and the evidence."""
    node: str
    cells: dict[str, object]
    answers: dict[str, str | None]
    evidence: list[str] = field(default_factory=list)


@dataclass
class Sheet:
    name: str
    columns: list[str]          # the descriptive columns, in order (keys of Row.cells)
    answer_columns: list[str]   # the Y/T/K columns, in order (keys of Row.answers)
    rows: list[Row]

    def score(self) -> float | None:
        """The mean of the answered cells (Y 1, K 0.5, T 0); None when nothing is answered."""
        values = [SCORES[a] for r in self.rows for a in r.answers.values() if a is not None]
        return sum(values) / len(values) if values else None

    def open_cells(self) -> int:
        return sum(1 for r in self.rows for a in r.answers.values() if a is None)


def build(g: nx.DiGraph, findings: list[Finding]) -> list[Sheet]:
    by_node: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_node[f.node].append(f)
    years = list(g.graph.get("years", []))
    return [_smart_c(g, by_node, years), _cascading(g, by_node), _anggaran(g, by_node, years)]


def _source(a: dict) -> str:
    return f"{a.get('file', '')}:{a.get('baris')}" if a.get("baris") is not None else a.get("file", "")


def _evidence(fs: list[Finding], rules: tuple[str, ...]) -> list[str]:
    return [f"{f.rule}: {f.message('id')}" for f in fs if f.rule in rules]


def _smart_c(g, by_node, years) -> Sheet:
    rows = []
    pedoman = Pedoman(g.graph.get("pedoman", []))
    for kind in ("IK", "IKK"):
        for n in nodes(g, kind):
            a = g.nodes[n]
            fs = by_node.get(n, [])
            rules = {f.rule for f in fs}
            numeric = [y for y in years if isinstance(a.get(f"target_{y}"), (int, float))
                       and not isinstance(a.get(f"target_{y}"), bool)]
            given = [y for y in years if a.get(f"target_{y}") is not None]
            satuan = bool(str(a.get("satuan") or "").strip())
            t = _time_bound(fs)
            defined = [e for e in _entries(g, n, pedoman) if str(e.get("cara_menghitung") or "").strip()]
            cara = min(defined, key=lambda e: UNREADABLE in e["cara_menghitung"], default=None)  # readable first
            m = "Y" if satuan and cara and t == "Y" else "T" if not (satuan or cara or t != "T") else "K"
            if kind == "IKK":
                r = "Y" if out_rel(g, n, "CASCADES_TO") and "orphan-indicator" not in rules else "T"
            else:
                r = "T" if "orphan-indicator" in rules else "Y"
            klasifikasi = _klasifikasi(g, n)
            if "target-direction" in rules:
                c = "T"
            elif klasifikasi and len(numeric) >= 2:
                c = "Y"
            else:
                c = None
            answers = {"S": None, "M": m, "A": None, "R": r, "T": t, "C": c}
            evidence = [f"sumber {_source(a)}", f"satuan: {a.get('satuan') or '–'}", _cara(cara),
                        f"target per tahun: {len(given)} dari {len(years)}"]
            evidence += _evidence(fs, ("orphan-indicator", *QUALITY_RULES))
            rows.append(Row(n, {"jenis": kind, "kode": _code(g, n), "nama": a.get("nama", ""),
                                "satuan": a.get("satuan") or "", "klasifikasi": klasifikasi or ""},
                            answers, evidence))
    return Sheet("KKE-1 SMART-C", ["jenis", "kode", "nama", "satuan", "klasifikasi"], list(SMART_C), rows)


def _entries(g, n, pedoman: Pedoman) -> list[dict]:
    """The Lampiran III entries of an IK (every section listing it) or of an IKK (its unit's section)."""
    a = g.nodes[n]
    if a["kind"] == "IK":
        return pedoman.of_ik(a.get("kode"))
    unit = g.nodes.get(f"Unit:{a.get('unit')}", {})
    entry = pedoman.of_ikk(unit.get("tipe"), unit.get("kelompok"), a.get("ik"), a.get("nama"))
    return [entry] if entry else []


def _cara(entry: dict | None) -> str:
    if entry is None:
        return "cara menghitung: tidak ada di Pedoman Kinerja (Lampiran III)"
    text = " ".join(str(entry["cara_menghitung"]).split())
    short = text if len(text) <= 90 else text[:89] + "…"
    lost = f" ({UNREADABLE})" if UNREADABLE in text else ""
    return f"cara menghitung: Lampiran III {entry.get('bagian')} baris {entry.get('baris')}{lost}: {short}"


def _time_bound(fs: list[Finding]) -> str:
    """T of SMART-C, as target-missing decides it (it reads every source of targets, Lampiran III too):
    no target in any year -> T, some years without -> K, a target every year -> Y."""
    kinds = {f.kind for f in fs if f.rule == "target-missing"}
    return "T" if "no-target" in kinds else "K" if "missing-years" in kinds else "Y"


def _klasifikasi(g, n) -> str | None:
    a = g.nodes[n]
    if a.get("klasifikasi"):
        return a["klasifikasi"]
    for ik in out_rel(g, n, "CASCADES_TO") if a["kind"] == "IKK" else []:
        if g.nodes[ik].get("klasifikasi"):
            return g.nodes[ik]["klasifikasi"]
    return None


def _code(g, n) -> str:
    a = g.nodes[n]
    return f"{a['unit']}:{a['kode']}" if a["kind"] in ("IKK", "SK", "Komponen") else a.get("kode", "")


def _cascading(g, by_node) -> Sheet:
    rows = []
    for kind, parent_of in (("SP", lambda n: in_rel(g, n, "CASCADES_TO")),
                            ("IK", lambda n: in_rel(g, n, "HAS_IK")),
                            ("IKK", lambda n: out_rel(g, n, "CASCADES_TO"))):
        for n in nodes(g, kind):
            parents = [p for p in parent_of(n) if g.nodes[p]["kind"] in ("SS", "SP", "IK")]
            fs = by_node.get(n, [])
            link = "Y" if parents else "T"
            outputish = any(f.rule == "output-oriented-indicator" for f in fs)
            fits = ("T" if outputish else "Y") if kind != "IKK" else None
            evidence = [f"sumber {_source(g.nodes[n])}"] + _evidence(fs, ("orphan-indicator",
                                                                         "output-oriented-indicator",
                                                                         "sasaran-mismatch"))
            rows.append(Row(n, {"jenis": kind, "kode": _code(g, n), "nama": g.nodes[n].get("nama", ""),
                                "induk": ", ".join(_code(g, p) or g.nodes[p].get("nama", "") for p in parents),
                                "hasil yang diharapkan": LEVEL[kind]},
                            {"tautan": link, "sesuai tingkat": fits}, evidence))
    return Sheet("KKE-2 Cascading", ["jenis", "kode", "nama", "induk", "hasil yang diharapkan"],
                 ["tautan", "sesuai tingkat"], rows)


def _anggaran(g, by_node, years) -> Sheet:
    rows = []
    for n in nodes(g, "Komponen"):
        a = g.nodes[n]
        money = {y: a.get(f"anggaran_{y}") for y in years}
        if not any(v for v in money.values()):
            continue
        fs = by_node.get(n, [])
        ikk = in_rel(g, n, "HAS_KOMPONEN")
        iks = [ik for i in ikk for ik in out_rel(g, i, "CASCADES_TO")]
        serves = "T" if any(f.rule == "budget-without-indicator" for f in fs) or not iks else "Y"
        cells = {"kode": _code(g, n), "nama": a.get("nama", ""),
                 "indikator": ", ".join(g.nodes[ik]["kode"] for ik in iks)}
        cells.update({f"anggaran {y}": money[y] for y in years})
        rows.append(Row(n, cells, {"melayani indikator": serves},
                        [f"sumber {_source(a)}"] + _evidence(fs, ("budget-without-indicator",
                                                                   "starred-with-budget"))))
    return Sheet("KKE-3 Anggaran", ["kode", "nama", "indikator", *[f"anggaran {y}" for y in years]],
                 ["melayani indikator"], rows)
