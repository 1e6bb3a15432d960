"""The graph contract's one home: node kinds, node ids, and which unit row is the agency itself.

A node id is `Kind:part:part…` (`IK:T1/SP3/a`, `Komponen:P4SI:SK.1.2:A`). No code may contain `:` (the
loader refuses it), so no code can forge another node's id; the one exception is the SS, whose only part is
its name, taken whole after the first `:`.
"""
from __future__ import annotations

SEP = ":"

# The kinds in cascade order (goal -> money), and the id parts each is built from.
KINDS = ("SS", "Tujuan", "SP", "IK", "Unit", "SK", "IKK", "Komponen", "Kelompok")
PARTS = {"SS": ("nama",), "Tujuan": ("kode",), "SP": ("kode",), "IK": ("ik",), "Unit": ("kode",),
         "SK": ("unit", "sk"), "IKK": ("unit", "ikk"), "Komponen": ("unit", "ikk", "komponen"),
         "Kelompok": ("kelompok",)}

AGENCY_KELOMPOK = "TOTAL"  # units.csv: the agency's own row is the one counted in Tabel 10's TOTAL


class BadNodeId(ValueError):
    pass


def node_id(kind: str, *parts: str) -> str:
    """The id of a node; refuses a part holding the separator (that id could collide with another)."""
    if kind not in PARTS:
        raise BadNodeId(f"unknown node kind {kind!r}")
    if len(parts) != len(PARTS[kind]):
        raise BadNodeId(f"{kind} ids have {len(PARTS[kind])} part(s), got {len(parts)}")
    if kind != "SS" and any(SEP in p for p in parts):
        raise BadNodeId(f"a {kind} code may not contain {SEP!r}: {parts}")
    return SEP.join((kind, *parts))


def parse_id(nid: str) -> tuple[str, tuple[str, ...]]:
    """`Komponen:P4SI:SK.1.2:A` -> ("Komponen", ("P4SI", "SK.1.2", "A")). Raises BadNodeId."""
    kind, sep, rest = nid.partition(SEP)
    if not sep or kind not in PARTS:
        raise BadNodeId(f"not a node id: {nid!r}")
    parts = (rest,) if kind == "SS" else tuple(rest.split(SEP))
    if len(parts) != len(PARTS[kind]):
        raise BadNodeId(f"not a {kind} id: {nid!r}")
    return kind, parts


def kind_of(nid: str) -> str:
    return nid.partition(SEP)[0]


def code_of(nid: str) -> str:
    """The code a person reads: the last part (`SK.1.2` of an IKK, `T1/SP3/a` of an IK, the SS name)."""
    kind, sep, rest = nid.partition(SEP)
    if not sep:
        return nid
    return rest if kind == "SS" else rest.rsplit(SEP, 1)[-1]


def without_kind(nid: str) -> str:
    """`IKK:P4SI:SK.1.2` -> `P4SI:SK.1.2` (the id as a person types it after the kind)."""
    return nid.partition(SEP)[2] if SEP in nid else nid


def is_agency(attrs: dict) -> bool:
    """The agency's own row in units.csv (kelompok TOTAL): not a unit kerja, the sum of them."""
    return str(attrs.get("kelompok") or "").upper() == AGENCY_KELOMPOK
