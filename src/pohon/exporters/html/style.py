"""Look of the HTML graph: kinds, colours, labels, node sizes and the page's words (id first, en)."""
from __future__ import annotations

import math

from pohon import fmt
from pohon.nodes import code_of, without_kind
from pohon.words import words

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
        return kode or without_kind(node_id)
    return kode or code_of(node_id)


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


def text(lang: str) -> dict:
    """The page's words (pohon.words: 'visual' and its kinds, severities and index kinds), as the page reads them."""
    return {**words("visual", lang), "kinds": words("visual-kinds", lang), "severity": words("severity", lang),
            "index_kinds": words("visual-index-kinds", lang)}
