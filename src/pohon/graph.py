"""The cascade graph (networkx), built from the tables on demand: whole, or only a selection.

The contract (node ids, kinds, attributes, edge `rel`s) is docs/ARCHITECTURE.md; ids come from pohon.nodes.
The checks read the tables, not this graph; the graph is for what walks paths (trace, the workshop view, the
diff, the exporters). `build_graph(ds, Selection(unit="P4SI"))` builds only what that view shows, so its cost
follows the view, not the cascade.
"""
from __future__ import annotations

import weakref
from collections import defaultdict
from pathlib import Path

import networkx as nx

from pohon.dataset import Dataset, side_rows, target_value
from pohon.gcpause import paused
from pohon.nodes import AGENCY_KELOMPOK, KINDS, node_id  # noqa: F401  (the contract lives in pohon.nodes)
from pohon.selection import Selection, select


_SOURCES: "weakref.WeakKeyDictionary[nx.DiGraph, Dataset]" = weakref.WeakKeyDictionary()


def dataset_of(g: nx.DiGraph) -> Dataset:
    """The Dataset a graph was built from (so `run_checks(graph)` checks the cascade the graph shows)."""
    try:
        return _SOURCES[g]
    except (KeyError, TypeError):
        raise TypeError("this graph was not built by pohon.graph.build_graph; pass the Dataset") from None


def load_graph(data_dir: str | Path, selection: Selection | None = None) -> nx.DiGraph:
    """= build_graph(load_dataset(data_dir), selection)."""
    from pohon.load import load_dataset

    return build_graph(load_dataset(data_dir), selection)


@paused
def build_graph(ds: Dataset, selection: Selection | None = None) -> nx.DiGraph:
    """The graph of the whole cascade, or of `selection` (what a unit, an SP or an IK view shows)."""
    view = select(ds, selection) if selection is not None else ds
    g = nx.DiGraph(dataset=ds.name, years=list(ds.years), ik_target=side_rows(ds, "ik_target"),
                   pedoman=side_rows(ds, "pedoman"))
    _sasaran(g, view)
    _indikator(g, view, ds)
    _units(g, view)
    _kegiatan(g, view)
    _SOURCES[g] = ds
    return g


def _columns(frame, names):
    return [frame[n].to_list() for n in names]


def _years(prefix: str, years) -> list[str]:
    return [f"{prefix}_{y}" for y in years]


def _sasaran(g: nx.DiGraph, ds: Dataset) -> None:
    sp = ds.tables["sp"]
    for kode, nama, baris, program, ss in zip(*_columns(sp, ["kode", "nama", "baris", "program", "ss"])):
        sid = node_id("SP", kode)
        g.add_node(sid, kind="SP", kode=kode, nama=nama, baris=baris, file="sp.csv", program=program)
        if ss:
            ssid = node_id("SS", ss)
            if ssid not in g:
                g.add_node(ssid, kind="SS", kode="", nama=ss, baris=baris, file="sp.csv")
            g.add_edge(ssid, sid, rel="CASCADES_TO")
    tujuan = ds.tables["tujuan"]
    if tujuan.height:
        keys = _years("target", ds.years)
        cols = _columns(tujuan, ["kode", "nama", "baris", "satuan"])
        targets = _targets(tujuan, ds.years)
        for (kode, nama, baris, satuan), values in zip(zip(*cols), targets):
            g.add_node(node_id("Tujuan", kode), kind="Tujuan", kode=kode, nama=nama, baris=baris,
                       file="tujuan.csv", satuan=satuan, **dict(zip(keys, values)))
    else:
        for kode in sorted(set(ds.tables["cascading"]["tujuan"].to_list())):
            g.add_node(node_id("Tujuan", kode), kind="Tujuan", kode=kode, nama=kode, baris=None,
                       file="cascading.csv", satuan="", **{k: None for k in _years("target", ds.years)})


def _targets(frame, years) -> list[tuple]:
    """Per row, the targets of every year (number, else text, else None)."""
    cols = [[target_value(n, t) for n, t in zip(frame[f"target_{y}"].to_list(), frame[f"target_{y}_text"].to_list())]
            for y in years]
    return list(zip(*cols)) if cols else [()] * frame.height


def _indikator(g: nx.DiGraph, view: Dataset, ds: Dataset) -> None:
    targets, unit_terkait = {}, {}
    ik_target = ds.tables["ik_target"]
    for (ik, sumber, terkait), values in zip(zip(*_columns(ik_target, ["ik", "sumber", "unit_terkait"])),
                                             _targets(ik_target, ds.years)):
        if ik and (ik not in targets or sumber == "lampiran2"):  # the Lampiran II program table wins
            targets[ik] = values
            if sumber == "lampiran2":
                unit_terkait[ik] = terkait
    pj, klasifikasi = defaultdict(list), {}
    for bagian, kode, pjawab, klas in zip(*_columns(ds.tables["pedoman"],
                                                     ["bagian", "kode", "penanggung_jawab", "klasifikasi"])):
        pj[kode].append(f"{bagian}: {pjawab}")
        klasifikasi.setdefault(kode, klas)
    casc = view.tables["cascading"]
    keys = _years("target", ds.years)
    none = (None,) * len(keys)
    marks = _columns(casc, list(view.unit_types))
    cols = _columns(casc, ["tujuan", "sp", "kode", "indikator", "baris", "perspektif", "satuan", "kategori"])
    for i, (tujuan, sp, kode, nama, baris, perspektif, satuan, kategori) in enumerate(zip(*cols)):
        code = f"{tujuan}/{sp}/{kode}"
        ik = node_id("IK", code)
        types = sorted(t for t, m in zip(view.unit_types, (col[i] for col in marks)) if m)
        g.add_node(ik, kind="IK", kode=code, nama=nama, baris=baris, file="cascading.csv", tujuan=tujuan, sp=sp,
                   perspektif=perspektif, satuan=satuan, kategori=kategori, klasifikasi=klasifikasi.get(code, ""),
                   unit_terkait=unit_terkait.get(code, ""), unit_types=types, penanggung_jawab=pj.get(code, []),
                   **dict(zip(keys, targets.get(code, none))))
        for parent in (node_id("Tujuan", tujuan), node_id("SP", sp)):
            if parent in g:
                g.add_edge(parent, ik, rel="HAS_IK")


def _units(g: nx.DiGraph, ds: Dataset) -> None:
    tabel10 = ds.tables["tabel10"]
    keys = _years("pagu", ds.years)
    for kelompok, nama, baris, *pagu in zip(*_columns(tabel10, ["kelompok", "nama", "baris", *keys])):
        g.add_node(node_id("Kelompok", kelompok), kind="Kelompok", kode=kelompok, nama=nama, baris=baris,
                   file="tabel10.csv", **dict(zip(keys, pagu)))
    total = node_id("Kelompok", AGENCY_KELOMPOK)
    for kelompok in tabel10["kelompok"].to_list():
        if kelompok != AGENCY_KELOMPOK and total in g:
            g.add_edge(node_id("Kelompok", kelompok), total, rel="PART_OF")
    by_type = defaultdict(list)
    units = ds.tables["units"]
    for kode, nama, baris, tipe, kelompok, *pagu in zip(*_columns(units, ["kode", "nama", "baris", "tipe",
                                                                            "kelompok", *keys])):
        uid = node_id("Unit", kode)
        g.add_node(uid, kind="Unit", kode=kode, nama=nama, baris=baris, file="units.csv", tipe=tipe,
                   kelompok=kelompok, **dict(zip(keys, pagu)))
        by_type[tipe].append(uid)
        group = node_id("Kelompok", kelompok) if kelompok else None
        if group and group in g:
            g.add_edge(uid, group, rel="COUNTED_IN")
    casc = ds.tables["cascading"]
    types = sorted(ds.unit_types)
    marks = _columns(casc, types)
    for i, (tujuan, sp, kode) in enumerate(zip(*_columns(casc, ["tujuan", "sp", "kode"]))):
        ik = node_id("IK", f"{tujuan}/{sp}/{kode}")
        for tipe, col in zip(types, marks):
            if col[i]:
                for uid in by_type.get(tipe, []):
                    g.add_edge(ik, uid, rel="CARRIED_BY")


def _kegiatan(g: nx.DiGraph, ds: Dataset) -> None:
    # The bulk goes in through add_nodes_from/add_edges_from fed by generators: the same nodes, edges,
    # attributes and order as adding them one by one, without the per-call overhead.
    sk = ds.tables["sk"]
    for unit, kode, nama, baris, sp in zip(*_columns(sk, ["unit", "sk", "nama", "baris", "sp"])):
        sid = f"SK:{unit}:{kode}"
        g.add_node(sid, kind="SK", kode=kode, nama=nama, baris=baris, file="sk.csv", unit=unit, sp=sp)
        g.add_edge(f"Unit:{unit}", sid, rel="HAS_SK")
    ikk = ds.tables["ikk"]
    keys = _years("target", ds.years)
    cols = _columns(ikk, ["unit", "ikk", "nama", "baris", "sk", "satuan", "ik", "catatan"])
    targets = _targets(ikk, ds.years)
    g.add_nodes_from(
        (f"IKK:{unit}:{kode}", {"kind": "IKK", "kode": kode, "nama": nama, "baris": baris, "file": "ikk.csv",
                                "unit": unit, "sk": sk_, "satuan": satuan, "ik": ik, "catatan": catatan,
                                **dict(zip(keys, values))})
        for (unit, kode, nama, baris, sk_, satuan, ik, catatan), values in zip(zip(*cols), targets))
    for unit, kode, sk_, ik in zip(cols[0], cols[1], cols[4], cols[6]):
        iid = f"IKK:{unit}:{kode}"
        g.add_edge(f"SK:{unit}:{sk_}", iid, rel="HAS_IKK")
        if ik and f"IK:{ik}" in g:
            g.add_edge(iid, f"IK:{ik}", rel="CASCADES_TO")
    komponen = ds.tables["komponen"]
    keys = _years("anggaran", ds.years)
    cols = _columns(komponen, ["unit", "ikk", "komponen", "nama", "baris", "bintang", *keys])
    g.add_nodes_from(
        (f"Komponen:{unit}:{ikk_}:{kode}", {"kind": "Komponen", "kode": kode, "nama": nama, "baris": baris,
                                            "file": "komponen.csv", "unit": unit, "ikk": ikk_, "bintang": bintang,
                                            **dict(zip(keys, amounts))})
        for unit, ikk_, kode, nama, baris, bintang, *amounts in zip(*cols))
    g.add_edges_from(((f"IKK:{unit}:{ikk_}", f"Komponen:{unit}:{ikk_}:{kode}")
                      for unit, ikk_, kode in zip(cols[0], cols[1], cols[2])), rel="HAS_KOMPONEN")
