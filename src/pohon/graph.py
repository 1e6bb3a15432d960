"""Build the cascade graph (networkx) from a Dataset. The contract is docs/ARCHITECTURE.md."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx

from pohon.gcpause import paused
from pohon.load import load_dataset
from pohon.models import Dataset

from pohon.nodes import KINDS, node_id  # noqa: F401  (the contract lives in pohon.nodes)


@paused
def load_graph(data_dir: str | Path) -> nx.DiGraph:
    """= build_graph(load_dataset(data_dir)), with less memory at its peak: the komponen rows (the bulk of
    the data) are added last anyway, so the rest of the graph is built first, every other row is freed, and
    each komponen row is freed as soon as its node exists (same nodes, edges and order)."""
    ds = load_dataset(data_dir)
    komponen = list(ds.komponen)
    ds = ds.model_copy(update={"komponen": ()})
    years = ds.years
    g = build_graph(ds)
    del ds
    kids: list[str] = []
    g.add_nodes_from(_komponen_nodes_consumed(komponen, years, kids))
    nodes = g._node
    g.add_edges_from(((f"IKK:{nodes[kid]['unit']}:{nodes[kid]['ikk']}", kid) for kid in kids), rel="HAS_KOMPONEN")
    return g


def _komponen_nodes_consumed(rows: list, years, kids: list[str]):
    """_komponen_nodes over a list whose items are dropped once read; the node ids go to `kids`."""
    keys = [(f"anggaran_{y}", y) for y in years]
    for i, k in enumerate(rows):
        rows[i] = None
        attrs = {"kind": "Komponen", "kode": k.komponen, "nama": k.nama, "baris": k.baris, "file": "komponen.csv",
                 "unit": k.unit, "ikk": k.ikk, "bintang": k.bintang}
        anggaran = k.anggaran
        for key, y in keys:
            attrs[key] = anggaran.get(y)
        kid = f"Komponen:{k.unit}:{k.ikk}:{k.komponen}"
        kids.append(kid)
        yield kid, attrs


@paused
def build_graph(ds: Dataset) -> nx.DiGraph:
    g = nx.DiGraph(dataset=ds.name, years=list(ds.years),
                   ik_target=[r.model_dump() for r in ds.ik_target],
                   pedoman=[r.model_dump() for r in ds.pedoman])
    _sasaran(g, ds)
    _indikator(g, ds)
    _units(g, ds)
    _kegiatan(g, ds)
    return g


def _years(prefix: str, values: dict, years) -> dict:
    return {f"{prefix}_{y}": values.get(y) for y in years}


def _add(g: nx.DiGraph, nid: str, kind: str, kode: str, nama: str, row, file: str, **attrs) -> None:
    g.add_node(nid, kind=kind, kode=kode, nama=nama, baris=row.baris if row is not None else None,
               file=file, **attrs)


def _sasaran(g: nx.DiGraph, ds: Dataset) -> None:
    for sp in ds.sp:
        _add(g, node_id("SP", sp.kode), "SP", sp.kode, sp.nama, sp, "sp.csv", program=sp.program)
        if sp.ss:
            ss = node_id("SS", sp.ss)
            if ss not in g:
                _add(g, ss, "SS", "", sp.ss, sp, "sp.csv")
            g.add_edge(ss, node_id("SP", sp.kode), rel="CASCADES_TO")
    if ds.tujuan:
        for t in ds.tujuan:
            _add(g, node_id("Tujuan", t.kode), "Tujuan", t.kode, t.nama, t, "tujuan.csv", satuan=t.satuan,
                 **_years("target", t.target, ds.years))
    else:
        for kode in sorted({c.tujuan for c in ds.cascading}):
            _add(g, node_id("Tujuan", kode), "Tujuan", kode, kode, None, "cascading.csv",
                 satuan="", **_years("target", {}, ds.years))


def _indikator(g: nx.DiGraph, ds: Dataset) -> None:
    targets = {}
    unit_terkait = {}
    for r in ds.ik_target:  # the Lampiran II program table wins over Tabel 2 for the same IK
        if r.ik and (r.ik not in targets or r.sumber == "lampiran2"):
            targets[r.ik] = r.target
            if r.sumber == "lampiran2":
                unit_terkait[r.ik] = r.unit_terkait
    pj, klasifikasi = defaultdict(list), {}
    for r in ds.pedoman:
        pj[r.kode].append(f"{r.bagian}: {r.penanggung_jawab}")
        klasifikasi.setdefault(r.kode, r.klasifikasi)
    for c in ds.cascading:
        ik = node_id("IK", c.ik)
        _add(g, ik, "IK", c.ik, c.indikator, c, "cascading.csv", tujuan=c.tujuan, sp=c.sp,
             perspektif=c.perspektif, satuan=c.satuan, kategori=c.kategori,
             klasifikasi=klasifikasi.get(c.ik, ""), unit_terkait=unit_terkait.get(c.ik, ""),
             unit_types=sorted(t for t, v in c.marks.items() if v), penanggung_jawab=pj.get(c.ik, []),
             **_years("target", targets.get(c.ik, {}), ds.years))
        for parent in (node_id("Tujuan", c.tujuan), node_id("SP", c.sp)):
            if parent in g:
                g.add_edge(parent, ik, rel="HAS_IK")


def _units(g: nx.DiGraph, ds: Dataset) -> None:
    for k in ds.tabel10:
        _add(g, node_id("Kelompok", k.kelompok), "Kelompok", k.kelompok, k.nama, k, "tabel10.csv",
             **_years("pagu", k.pagu, ds.years))
    total = node_id("Kelompok", "TOTAL")
    for k in ds.tabel10:
        if k.kelompok != "TOTAL" and total in g:
            g.add_edge(node_id("Kelompok", k.kelompok), total, rel="PART_OF")
    by_type = defaultdict(list)
    for u in ds.units:
        uid = node_id("Unit", u.kode)
        _add(g, uid, "Unit", u.kode, u.nama, u, "units.csv", tipe=u.tipe, kelompok=u.kelompok,
             **_years("pagu", u.pagu, ds.years))
        by_type[u.tipe].append(uid)
        kelompok = node_id("Kelompok", u.kelompok)
        if u.kelompok and kelompok in g:
            g.add_edge(uid, kelompok, rel="COUNTED_IN")
    for c in ds.cascading:
        for tipe, mark in sorted(c.marks.items()):
            for uid in by_type.get(tipe, []) if mark else []:
                g.add_edge(node_id("IK", c.ik), uid, rel="CARRIED_BY")


def _kegiatan(g: nx.DiGraph, ds: Dataset) -> None:
    # The bulk of the graph goes in through add_nodes_from/add_edges_from fed by generators: the same
    # nodes, edges, attributes and insertion order as adding them one by one, without the per-call overhead.
    for s in ds.sk:
        sid = node_id("SK", s.unit, s.sk)
        _add(g, sid, "SK", s.sk, s.nama, s, "sk.csv", unit=s.unit, sp=s.sp)
        g.add_edge(node_id("Unit", s.unit), sid, rel="HAS_SK")
    g.add_nodes_from(_ikk_nodes(ds))
    for i in ds.ikk:
        iid = f"IKK:{i.unit}:{i.ikk}"
        g.add_edge(f"SK:{i.unit}:{i.sk}", iid, rel="HAS_IKK")
        if i.ik and f"IK:{i.ik}" in g:
            g.add_edge(iid, f"IK:{i.ik}", rel="CASCADES_TO")
    g.add_nodes_from(_komponen_nodes(ds))
    g.add_edges_from(((f"IKK:{k.unit}:{k.ikk}", f"Komponen:{k.unit}:{k.ikk}:{k.komponen}") for k in ds.komponen),
                     rel="HAS_KOMPONEN")


def _ikk_nodes(ds: Dataset):
    keys = [(f"target_{y}", y) for y in ds.years]
    for i in ds.ikk:
        attrs = {"kind": "IKK", "kode": i.ikk, "nama": i.nama, "baris": i.baris, "file": "ikk.csv", "unit": i.unit,
                 "sk": i.sk, "satuan": i.satuan, "ik": i.ik, "catatan": i.catatan}
        target = i.target
        for key, y in keys:
            attrs[key] = target.get(y)
        yield f"IKK:{i.unit}:{i.ikk}", attrs


def _komponen_nodes(ds: Dataset):
    keys = [(f"anggaran_{y}", y) for y in ds.years]
    for k in ds.komponen:
        attrs = {"kind": "Komponen", "kode": k.komponen, "nama": k.nama, "baris": k.baris, "file": "komponen.csv",
                 "unit": k.unit, "ikk": k.ikk, "bintang": k.bintang}
        anggaran = k.anggaran
        for key, y in keys:
            attrs[key] = anggaran.get(y)
        yield f"Komponen:{k.unit}:{k.ikk}:{k.komponen}", attrs
