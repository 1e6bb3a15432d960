"""A synthetic cascade graph that follows docs/ARCHITECTURE.md: for tests, demos and the benchmark."""
from __future__ import annotations

import networkx as nx

YEARS = (2021, 2022, 2023, 2024)
SMALL_TYPES = ("SET", "P4SI", "P2SI", "POPTIKJI", "PIH")


def _years(prefix: str, base: float | None) -> dict:
    return {f"{prefix}_{y}": (None if base is None else round(base * (1 + 0.05 * i), 2))
            for i, y in enumerate(YEARS)}


def sample_graph(*, bbspji: int = 2, bspji: int = 3, sk_per_unit: int = 2, ikk_per_sk: int = 2,
                 komponen_per_ikk: int = 2, name: str = "BSKJI (contoh)") -> nx.DiGraph:
    """SS1..SS9 > SP1..SP9 > 3 IKs each (T1/SP3/a …) > units by tipe > SK > IKK > komponen."""
    g = nx.DiGraph(dataset=name, years=list(YEARS))

    def add(nid, kind, kode, nama, file, **attrs):
        g.add_node(nid, kind=kind, kode=kode, nama=nama, baris=len(g) + 1, file=file, **attrs)

    for t in range(1, 5):
        add(f"Tujuan:T{t}", "Tujuan", f"T{t}", f"Tujuan ke-{t} pembangunan industri", "tujuan.csv",
            satuan="Indeks", **_years("target", 3.0 + t / 10))
    units = [("BSKJI", "BSKJI", "TOTAL")] + [(t, t, t) for t in SMALL_TYPES]
    units += [(f"BBSPJI-{i:02d}", "BBSPJI", "UPT") for i in range(1, bbspji + 1)]
    units += [(f"BSPJI-{i:02d}", "BSPJI", "UPT") for i in range(1, bspji + 1)]
    types = ("SET", "P4SI", "P2SI", "POPTIKJI", "PIH", "BBSPJI", "BSPJI")
    iks = []
    for s in range(1, 10):
        ss = f"SS:Meningkatnya sasaran strategis nomor {s}"
        add(ss, "SS", "", ss[3:], "sp.csv")
        add(f"SP:SP{s}", "SP", f"SP{s}", f"Sasaran program {s}", "sp.csv",
            program="Program Nilai Tambah dan Daya Saing Industri" if s < 8 else "Program Dukungan Manajemen")
        g.add_edge(ss, f"SP:SP{s}", rel="CASCADES_TO")
        for j, letter in enumerate("abc"):
            t = 1 + (s + j + 1) % 4
            ik = f"T{t}/SP{s}/{letter}"
            marked = [types[(s + j + k) % len(types)] for k in range(2)]
            add(f"IK:{ik}", "IK", ik, f"Persentase capaian indikator {ik}", "cascading.csv", tujuan=f"T{t}",
                sp=f"SP{s}", perspektif="Customer", satuan="%", kategori="UKE-2", klasifikasi="Maksimasi",
                unit_terkait="", unit_types=sorted(marked), penanggung_jawab=[],
                **_years("target", 80.0 + j))
            g.add_edge(f"Tujuan:T{t}", f"IK:{ik}", rel="HAS_IK")
            g.add_edge(f"SP:SP{s}", f"IK:{ik}", rel="HAS_IK")
            iks.append((f"IK:{ik}", set(marked), f"SP{s}"))
    for k in ("SET", "P4SI", "P2SI", "POPTIKJI", "PIH", "UPT", "TOTAL"):
        add(f"Kelompok:{k}", "Kelompok", k, f"Kelompok {k}", "tabel10.csv", **_years("pagu", 1000.0))
        if k != "TOTAL":
            g.add_edge(f"Kelompok:{k}", "Kelompok:TOTAL", rel="PART_OF")
    for u, (kode, tipe, kelompok) in enumerate(units):
        uid = f"Unit:{kode}"
        add(uid, "Unit", kode, f"Balai Standardisasi dan Pelayanan Jasa Industri {kode}", "units.csv",
            tipe=tipe, kelompok=kelompok, **_years("pagu", 5000.0 + 1500 * (u % 7)))
        g.add_edge(uid, f"Kelompok:{kelompok}", rel="COUNTED_IN")
        carried = [ik for ik, marked, _ in iks if tipe in marked]
        for ik in carried:
            g.add_edge(ik, uid, rel="CARRIED_BY")
        if tipe == "BSKJI":
            continue
        for s in range(1, sk_per_unit + 1):
            sid = f"SK:{kode}:SK.{s}"
            sp = iks[(u + s) % len(iks)][2]
            add(sid, "SK", f"SK.{s}", f"Meningkatnya kualitas layanan {s}", "sk.csv", unit=kode, sp=sp)
            g.add_edge(uid, sid, rel="HAS_SK")
            for i in range(1, ikk_per_sk + 1):
                ikk = f"SK.{s}.{i}"
                iid = f"IKK:{kode}:{ikk}"
                target_ik = carried[(s + i) % len(carried)] if carried else None
                add(iid, "IKK", ikk, f"Jumlah layanan jasa industri {ikk}", "ikk.csv", unit=kode, sk=f"SK.{s}",
                    satuan="Layanan", ik=target_ik[3:] if target_ik else "", catatan="",
                    **_years("target", 10.0 + i))
                g.add_edge(sid, iid, rel="HAS_IKK")
                if target_ik:
                    g.add_edge(iid, target_ik, rel="CASCADES_TO")
                for c in range(komponen_per_ikk):
                    letter = _letters(c)
                    kid = f"Komponen:{kode}:{ikk}:{letter}"
                    add(kid, "Komponen", letter, f"Layanan pengujian dan kalibrasi {letter}", "komponen.csv",
                        unit=kode, ikk=ikk, bintang=c % 5 == 4,
                        **_years("anggaran", None if c % 7 == 6 else 50.0 * (1 + (u + c) % 9)))
                    g.add_edge(iid, kid, rel="HAS_KOMPONEN")
    return g


def _letters(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out
