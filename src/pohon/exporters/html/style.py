"""Look of the HTML graph: kinds, colours, labels, node sizes and the page's words (id first, en)."""
from __future__ import annotations

import math

from pohon import fmt

# Draw order top-down. Tujuan sits on the SP level, beside the SPs.
LEVEL = {"SS": 0, "Tujuan": 1, "SP": 1, "IK": 2, "Tipe": 3, "Unit": 4, "SK": 5, "IKK": 6, "Komponen": 7}
KINDS = ("SS", "Tujuan", "SP", "IK", "Tipe", "Unit", "SK", "IKK", "Komponen")  # Tipe: a page's unit-type group
DEPTH_KINDS = {
    "ik": {"SS", "Tujuan", "SP", "IK"},
    "unit": {"SS", "Tujuan", "SP", "IK", "Unit"},
    "ikk": {"SS", "Tujuan", "SP", "IK", "Unit", "SK", "IKK"},
    "komponen": set(KINDS) - {"Tipe"},
}

# colour-blind safe (Okabe-Ito based); font colour chosen for contrast on the shape or the page
KIND_STYLE = {
    "SS": dict(shape="box", color="#1d3557", border="#0b1b2e", font="#ffffff", size=18),
    "Tujuan": dict(shape="box", color="#7b4fa0", border="#4b2b66", font="#ffffff", size=17),
    "SP": dict(shape="box", color="#0b7a66", border="#064d40", font="#ffffff", size=18),
    "IK": dict(shape="diamond", color="#e69f00", border="#8a5f00", font="#1a1a1a", size=16, radius=11),
    "Tipe": dict(shape="box", color="#cfe3f3", border="#0072b2", font="#0b1b2e", size=16),
    "Unit": dict(shape="dot", color="#0072b2", border="#003f63", font="#1a1a1a", size=16, radius=12),
    "SK": dict(shape="triangle", color="#56b4e9", border="#1f6f99", font="#1a1a1a", size=14, radius=9),
    "IKK": dict(shape="square", color="#009e73", border="#005c43", font="#1a1a1a", size=14, radius=8),
    "Komponen": dict(shape="dot", color="#cc79a7", border="#7d3f63", font="#1a1a1a", size=13, radius=7),
}
SEVERITY_STYLE = {  # finding border: colour, width
    "error": ("#d00000", 5),
    "warning": ("#f08c00", 4),
    "info": ("#3b5bdb", 3),
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
BELOW_MARK = "⚠"  # on a unit's label: the findings on its SK, IKK and komponen
EDGE_COLOR = "#9aa5b1"
CASCADE_COLOR = "#c77d00"

SIZE_RANGE = {"Unit": (9.0, 30.0), "Komponen": (5.0, 20.0)}
BUDGET_PREFIX = {"Unit": "pagu", "Komponen": "anggaran"}


def budget(attrs: dict, years: list[int]) -> float | None:
    """Sum of pagu (Unit) / anggaran (Komponen) over the years; None when every year is empty."""
    prefix = BUDGET_PREFIX.get(attrs.get("kind", ""))
    if prefix is None:
        return None
    return budget_total(attrs, [f"{prefix}_{y}" for y in years])


def budget_total(attrs: dict, keys: list[str]) -> float | None:
    """`budget` with its keys (`anggaran_2021`, …) made once: the sum of the numbers (bool aside) among them."""
    nums = [v for v in map(attrs.get, keys) if v.__class__ is float or v.__class__ is int
            or (v is not None and v.__class__ is not bool and isinstance(v, (int, float)))]
    return float(sum(nums)) if nums else None


def node_size(kind: str, value: float | None, biggest: float) -> float:
    """Radius in canvas px: area grows with budget (sqrt scale), capped at the kind's maximum."""
    lo, hi = SIZE_RANGE.get(kind, (KIND_STYLE[kind].get("radius", 10),) * 2)
    if value is None or value <= 0 or biggest <= 0:
        return lo
    return round(lo + (hi - lo) * min(1.0, math.sqrt(value / biggest)), 1)


def short_label(node_id: str, attrs: dict, ss_label: str | None = None) -> str:
    """Codes, not names, on the canvas: full names live in the tooltip."""
    kind = attrs.get("kind", "")
    kode = str(attrs.get("kode") or "")
    if kind == "SS":
        return ss_label or "SS"
    if kind == "Tipe":
        return str(attrs.get("label") or kode)
    if kind == "Unit":
        return kode or node_id.split(":", 1)[-1]
    return kode or node_id.split(":")[-1]


def fmt_target(value, lang: str) -> str:
    """A target or any plain figure, through pohon.fmt: 3.75 -> '3,75' (id) / '3.75' (en); text as written."""
    return fmt.target(None if value == "" else value, lang)


def fmt_money(value, lang: str) -> str:
    """An amount in Rp juta, two decimals, through pohon.fmt: 1234.5 -> '1.234,50' (id) / '1,234.50' (en)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return fmt.number(value, lang)


TEXT = {
    "id": {
        "kinds": {"SS": "Sasaran Strategis", "Tujuan": "Tujuan", "SP": "Sasaran Program",
                  "IK": "Indikator Kinerja", "Tipe": "Tipe unit", "Unit": "Unit kerja", "SK": "Sasaran Kegiatan",
                  "IKK": "Indikator Kinerja Kegiatan", "Komponen": "Komponen"},
        "severity": {"error": "galat", "warning": "peringatan", "info": "info"},
        "search": "Cari kode (T1/SP3/a) atau kata…",
        "all_units": "Semua unit", "all_sp": "Semua SP", "reset": "Atur ulang",
        "presenter": "Mode presentasi", "names": "Nama", "names_help": "Tampilkan nama atau hanya kode",
        "text_down": "Perkecil teks", "text_up": "Perbesar teks", "fold_to": "Lipat ke tingkat…",
        "unfold_all": "Buka semua", "save_png": "Simpan PNG", "focus": "Fokus", "leave_focus": "× keluar fokus",
        "zoom_in": "Perbesar", "zoom_out": "Perkecil", "fit": "Pas layar", "minimap": "Peta kecil",
        "see_all": "lihat semua",
        "focus_help": "Klik dua kali: fokus pada simpul (Esc keluar)",
        "save_png_help": "Simpan tampilan ini sebagai gambar PNG (resolusi 2×)",
        "index_title": "halaman lokakarya", "index_page": "Halaman", "index_kind": "Jenis",
        "index_counts": "Yang digambar", "index_findings": "Temuan pada simpul yang digambar",
        "index_lead": "Buka satu halaman; setiap halaman berdiri sendiri (luring). Temuan seluruh data:",
        "index_kinds": {"overview": "seluruh badan", "tipe": "tipe unit", "unit": "unit kerja"},
        "legend": "Keterangan", "findings": "Temuan", "no_match": "Tidak ditemukan",
        "budget_note": "Ukuran unit dan komponen: jumlah pagu/anggaran 2021–2024",
        "cascade_edge": "IKK → IK yang didukung (garis putus)",
        "hidden_findings": "temuan pada simpul di luar tampilan ini",
        "nodes": "simpul", "edges": "garis", "depth": "Kedalaman",
        "code": "Kode", "name": "Nama", "satuan": "Satuan", "target": "Target", "budget": "Anggaran (Rp juta)",
        "pagu": "Pagu (Rp juta)", "total": "Jumlah", "tipe": "Tipe", "ik": "Mendukung IK",
        "sp": "SP", "program": "Program", "unit_types": "Tipe unit (Lampiran IV)", "bintang": "Bertanda *",
        "yes": "ya", "help": "Klik simpul: jalur ke SS dan turunannya. Klik ruang kosong: hapus sorotan.",
        "details_empty": "Pilih simpul untuk melihat rinciannya.",
        "panel": "Semua temuan", "all_sev": "Semua tingkat", "all_rules": "Semua aturan",
        "outside": "di luar tampilan ini", "of": "dari", "below": "Temuan di bawahnya",
        "below_legend": "n: temuan pada SK, IKK dan komponen di bawah unit",
        "panel_help": "n / p: temuan berikut / sebelumnya", "only_drawn": "hanya yang ada di halaman ini",
        "no_findings": "Tidak ada temuan di sini.", "under": "di bawah unit",
        "size_legend": "{kind}: luas lingkaran sebanding {money} {first}–{last}; terbesar {amount}",
        "size_agency": " ({agency}, jumlah seluruh badan, digambar sebesar yang terbesar)",
        "pagu_word": "pagu", "budget_word": "anggaran",
        "carried_by": "Diemban unit (Lampiran IV)", "nobody": "tidak ada", "supported_by": "Didukung",
        "budget_under": "Anggaran komponen di bawahnya (Rp juta)", "unit": "Unit kerja", "sk": "Sasaran Kegiatan",
        "ikk": "IKK", "units_word": "unit", "more": "lainnya",
        "tipe_name": "{n} unit bertipe {tipe}: satu garis per tanda Lampiran IV; klik untuk membuka/melipat",
        "file": "Berkas", "line": "Baris dokumen sumber",
    },
    "en": {
        "kinds": {"SS": "Strategic Objective", "Tujuan": "Goal", "SP": "Program Objective",
                  "IK": "Performance Indicator", "Tipe": "Unit type", "Unit": "Unit", "SK": "Activity Objective",
                  "IKK": "Activity Indicator", "Komponen": "Component"},
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "search": "Search a code (T1/SP3/a) or words…",
        "all_units": "All units", "all_sp": "All SPs", "reset": "Reset",
        "presenter": "Presenter mode", "names": "Names", "names_help": "Show names or codes only",
        "text_down": "Smaller text", "text_up": "Larger text", "fold_to": "Fold to level…",
        "unfold_all": "Unfold all", "save_png": "Save PNG", "focus": "Focus", "leave_focus": "× leave focus",
        "zoom_in": "Zoom in", "zoom_out": "Zoom out", "fit": "Fit", "minimap": "Minimap",
        "see_all": "see all",
        "focus_help": "Double-click: focus on a node (Esc leaves)",
        "save_png_help": "Save this view as a PNG image (2× resolution)",
        "index_title": "workshop pages", "index_page": "Page", "index_kind": "Kind",
        "index_counts": "What it draws", "index_findings": "Findings on the nodes drawn",
        "index_lead": "Open one page; each works on its own (offline). Findings of the whole data:",
        "index_kinds": {"overview": "whole agency", "tipe": "unit type", "unit": "unit"},
        "legend": "Legend", "findings": "Findings", "no_match": "No match",
        "budget_note": "Unit and component size: total budget 2021–2024",
        "cascade_edge": "IKK → the IK it supports (dashed)",
        "hidden_findings": "findings on nodes outside this view",
        "nodes": "nodes", "edges": "edges", "depth": "Depth",
        "code": "Code", "name": "Name", "satuan": "Unit of measure", "target": "Target",
        "budget": "Budget (Rp million)", "pagu": "Ceiling (Rp million)", "total": "Total", "tipe": "Type",
        "ik": "Supports IK", "sp": "SP", "program": "Program", "unit_types": "Unit types (Lampiran IV)",
        "bintang": "Starred *", "yes": "yes",
        "help": "Click a node: its path to the SS and its subtree. Click empty space: clear.",
        "details_empty": "Select a node to see its details.",
        "panel": "All findings", "all_sev": "All severities", "all_rules": "All rules",
        "outside": "not on this page", "of": "of", "below": "Findings below",
        "below_legend": "n: findings on the SK, IKK and komponen under the unit",
        "panel_help": "n / p: next / previous finding", "only_drawn": "only those on this page",
        "no_findings": "No findings here.", "under": "under unit",
        "size_legend": "{kind}: circle area proportional to its {money} {first}–{last}; largest {amount}",
        "size_agency": " ({agency}, the whole agency's total, drawn as large as the largest)",
        "pagu_word": "ceiling (pagu)", "budget_word": "budget",
        "carried_by": "Carried by units (Lampiran IV)", "nobody": "none", "supported_by": "Supported by",
        "budget_under": "Komponen budget under it (Rp million)", "unit": "Unit", "sk": "Activity objective (SK)",
        "ikk": "IKK", "units_word": "units", "more": "more",
        "tipe_name": "{n} units of type {tipe}: one line per Lampiran IV mark; click to unfold/fold",
        "file": "File", "line": "Source document line",
    },
}


def text(lang: str) -> dict:
    return TEXT["en" if lang == "en" else "id"]
