"""Synthetic national-scale cascades in the data/ format, with a known number of defects per check rule.

`synthesize(out_dir, agencies=N, seed=S, komponen_target=K)` writes a cascade shaped like the BSKJI one,
once per agency: 4 Tujuan, 9 Sasaran Program (each adopting a Kemenperin SS), ~31 IK, a Sekretariat, four
pusat, BBSPJI and BSPJI balai (11 and 13 by default, more when `komponen_target` asks for more komponen),
6–10 IKK per unit, 3–6 komponen per IKK (some marked `*`), Tabel 10 groups that add up and unit pagu equal
to the sum of their komponen. Codes are unique across agencies: Tujuan and SP numbers are offset per agency
(agency 2 has T5…T8, SP11…SP19), units, unit types and Tabel 10 groups carry the agency prefix (`A002-SET`).
One national row in units.csv (kelompok TOTAL) holds the sum of every unit, Tabel 10's TOTAL the sum of
every group.

Each agency then gets the same set of injected defects; each breaks exactly one rule and yields a known
number of findings (`DEFECTS`). The rules of issue 13 judge properties the generator draws at random (a
missing first-year target, an IKK of the LAB, an IK that one IKK happens to support), so their expected counts
are tallied while writing (`COUNTED`). The expected count per rule is written to `expected_findings.json`.
The same seed gives byte-identical files.
"""
from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from pohon.checks.lexicon import output_wording

YEARS = (2021, 2022, 2023, 2024)

# Findings each agency's defects produce, rule by rule (see _inject_* below for what each one is).
DEFECTS: dict[str, int] = {
    "orphan-indicator": 2,          # an IK no unit carries; an IK under an SP that adopts no SS
    "unit-without-indicator": 2,    # a unit of a type no IK marks; a balai with no IKK (pagu 0)
    "budget-without-indicator": 1,  # a `*` komponen with no funded komponen of the same name in its unit
    "budget-mismatch": 3,           # one komponen off its unit pagu (one year); two Tabel 10 groups ±5 (cancel)
    "matrix-inconsistency": 1,      # Lampiran II "Unit Terkait" leaves out one marked type
    "duplicate-code": 2,            # a Lampiran III row reusing an IK code for another indicator (error+warning)
    "sasaran-mismatch": 1,          # an IKK under an SK of another SP than its IK's
    "target-direction": 1,          # a Maksimasi IKK whose target falls once
    "target-conflict": 1,           # Tabel 2 and Lampiran II disagree on one year
    "starred-with-budget": 1,       # a `*` komponen carrying budget
    "unfunded-indicator": 1,        # an IKK whose only komponen is `*` (funded twin elsewhere in the unit)
}

# Rules whose expected count the generator tallies as it writes the rows (see _Writer.tally).
COUNTED = (
    "target-missing",         # an IK or IKK with a `-` target (10% of them in 2021), the two defect IKs (none)
    "carrier-not-marked",     # every IKK of the LAB (no IK marks it) and the sasaran-mismatch IKK if unmarked
    "single-output-outcome",  # an IK that exactly one IKK cascades to; at least the injected one (below)
    "output-oriented-indicator",  # a Tujuan, SP or IK name the lexicon reads as an output ("Jumlah laporan …")
    "definition-incomplete",  # the injected entry without Cara Menghitung; the two defect IKs (no entry);
                              # every IKK whose unit's section does not list its IK (the LAB's, as carrier-not-marked)
)

PUSAT = ("P4SI", "P2SI", "POPTIKJI", "PIH")
PERSPEKTIF = ("Stakeholder", "Customer", "Internal Process", "Learning & Growth")
# (perspektif index, tujuan index, IK per SP) for the nine SP of an agency: 31 IK in all, like BSKJI
SP_SHAPE = ((0, 0, 4), (0, 0, 5), (1, 1, 4), (1, 1, 3), (2, 2, 3), (2, 2, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3))
SP_NAMES = (
    "Meningkatnya nilai tambah industri pengolahan nonmigas", "Meningkatnya daya saing industri",
    "Meningkatnya penerapan standar industri", "Meningkatnya kemampuan industri hijau",
    "Meningkatnya layanan jasa industri", "Meningkatnya pemanfaatan teknologi industri",
    "Meningkatnya kualitas kebijakan industri", "Meningkatnya kapasitas sumber daya manusia",
    "Meningkatnya tata kelola pemerintahan yang baik",
)
TUJUAN_NAMES = ("Meningkatkan kemampuan infrastruktur industri", "Meningkatkan daya saing industri",
                "Meningkatkan kualitas layanan publik", "Meningkatkan tata kelola yang baik")
PROGRAMS = ("Program Nilai Tambah dan Daya Saing Industri", "Program Dukungan Manajemen")
SUBJECTS = ("perusahaan", "industri kecil", "layanan jasa teknis", "standar nasional", "sertifikasi produk",
            "hasil litbang", "pengujian", "kalibrasi", "inspeksi teknis", "rekomendasi kebijakan",
            "sumber daya manusia", "laporan kinerja", "teknologi industri hijau", "inovasi proses",
            "kerja sama industri", "optimalisasi aset", "pelayanan publik", "akreditasi laboratorium")
MEASURES = ("Persentase", "Jumlah", "Nilai", "Indeks", "Tingkat", "Rasio")
QUALIFIERS = ("yang terfasilitasi", "yang meningkat", "yang diterapkan", "yang dimanfaatkan industri",
              "yang terakreditasi", "yang tersertifikasi", "yang diselesaikan tepat waktu")
ACTIVITIES = ("Penyusunan", "Pengembangan", "Pelaksanaan", "Fasilitasi", "Pembinaan", "Pengelolaan",
              "Penyelenggaraan", "Peningkatan", "Pendampingan", "Evaluasi")
OBJECTS = ("layanan pengujian", "layanan kalibrasi", "standar industri", "rekayasa peralatan",
           "litbang terapan", "sertifikasi produk", "laporan kinerja", "sarana laboratorium",
           "kompetensi SDM", "kerja sama teknis", "sistem informasi", "promosi layanan", "tata kelola keuangan",
           "perencanaan program", "optimalisasi aset", "diseminasi teknologi")
CITIES = ("Medan", "Padang", "Palembang", "Lampung", "Bandung", "Semarang", "Surabaya", "Banjarbaru",
          "Samarinda", "Makassar", "Manado", "Ambon", "Pontianak", "Banda Aceh", "Yogyakarta", "Jakarta")
SATUAN = ("%", "Perusahaan", "Dokumen", "Layanan", "Nilai", "Indeks", "Orang", "Produk")


@dataclass
class _Ik:
    id: str
    tujuan: str
    sp: str
    kode: str
    nama: str
    satuan: str
    marks: set[str]
    klasifikasi: str
    targets: list
    perspektif: str
    kategori: str


@dataclass
class _Agency:
    prefix: str
    types: list[str]
    sps: list[tuple[str, str, str, str]] = field(default_factory=list)  # kode, nama, program, ss
    iks: list[_Ik] = field(default_factory=list)


class _Writer:
    """Collects rows per file; `baris` is a running line number across the whole synthetic document."""

    def __init__(self):
        self.rows: dict[str, list[list]] = {}
        self.baris = 0
        self.tally: dict[str, int] = {rule: 0 for rule in COUNTED}
        self.ikk_per_ik: dict[str, int] = {}

    def add(self, file: str, row: list) -> None:
        self.baris += 1
        self.rows.setdefault(file, []).append(row + [self.baris])


def _money(cents: int | None) -> str:
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def _target(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return f"{v:g}"


def synthesize(out_dir: str | Path, agencies: int, seed: int = 0, komponen_target: int | None = None,
               quality_defects: bool = True) -> dict:
    """Write the cascade and expected_findings.json into `out_dir`; return the expected counts and sizes.

    `quality_defects=False` leaves out the defects injected for the rules of issue 13 (one IK per agency
    that one IKK supports, one Lampiran III entry without Cara Menghitung) and the Lampiran III text columns,
    and writes byte for byte the cascade of before them (tests/golden holds those)."""
    if agencies < 1:
        raise ValueError("agencies must be at least 1")
    rnd = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(agencies)))
    # units per agency: 5 at the centre + balai; ~36 komponen per unit
    if komponen_target:
        balai = max(2, round(komponen_target / agencies / 36.5) - 5)
    else:
        balai = 24
    n_bb = max(1, round(balai * 11 / 24))
    n_b = max(1, balai - n_bb)
    w = _Writer()
    national_pagu = [0] * len(YEARS)
    total_groups = [0] * len(YEARS)
    agency_list = []
    for a in range(agencies):
        prefix = f"A{a + 1:0{width}d}"
        types = [f"{prefix}-{t}" for t in ("SET", *PUSAT, "BBSPJI", "BSPJI")]
        agency_list.append(_Agency(prefix, types))
    # Lampiran IV columns: every unit type of every agency, in agency order
    mark_columns = [t for ag in agency_list for t in ag.types]
    for a, ag in enumerate(agency_list):
        _plan(rnd, w, a, ag, quality_defects)
    for a, ag in enumerate(agency_list):
        unit_pagu, group_pagu = _agency_units(rnd, w, a, ag, n_bb, n_b, quality_defects)
        for i in range(len(YEARS)):
            national_pagu[i] += unit_pagu[i]
            total_groups[i] += group_pagu[i]
    nat = f"N{'0' * (width - 1)}"
    _write(out, w, agency_list, mark_columns, nat, national_pagu, total_groups, quality_defects)
    expected = {rule: count * agencies for rule, count in DEFECTS.items()}
    w.tally["single-output-outcome"] = sum(1 for n in w.ikk_per_ik.values() if n == 1)
    expected.update(w.tally)
    expected = dict(sorted(expected.items()))
    (out / "expected_findings.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n",
                                                encoding="utf-8")
    return {"expected": expected, "komponen": len(w.rows.get("komponen.csv", [])),
            "units": len(w.rows.get("units.csv", [])), "ikk": len(w.rows.get("ikk.csv", []))}


def _definition(ik: _Ik, bagian: str, quality: bool, cara: bool = True) -> list[str]:
    """The Lampiran III text columns of an entry (none for the cascade of before issue 13); draws nothing."""
    if not quality:
        return []
    return [f"Definisi operasional {ik.nama}", f"Laporan kinerja {bagian}",
            "Realisasi tahun berjalan dibandingkan dengan target tahun berjalan x 100%" if cara else "", ""]


def _plan(rnd: random.Random, w: _Writer, a: int, ag: _Agency, quality: bool = True) -> None:
    """Tujuan, SP and IK of one agency, plus Tabel 2, Lampiran II program table and Lampiran III rows."""
    t0, s0 = 4 * a, 10 * a
    for t in range(4):
        base = rnd.randint(40, 70)
        w.add("tujuan.csv", [f"T{t0 + t + 1}", f"{TUJUAN_NAMES[t]} ({ag.prefix})", "%",
                             *(_target(base + 3 * y) for y in range(4))])
    set_t, pusat_t, bb_t, b_t = ag.types[0], ag.types[1:5], ag.types[5], ag.types[6]
    for s, (p, t, n_ik) in enumerate(SP_SHAPE):
        sp = f"SP{s0 + s + 1}"
        nama = f"{SP_NAMES[s]} ({ag.prefix})"
        ag.sps.append((sp, nama, PROGRAMS[1] if s >= 7 else PROGRAMS[0], nama))
        tujuan = f"T{t0 + t + 1}"
        for k in range(n_ik):
            kode = "abcdefghij"[k]
            if s >= 7:        # management SPs: Sekretariat and all balai
                marks = {set_t, bb_t, b_t}
            else:
                marks = {rnd.choice(pusat_t)} | ({bb_t, b_t} if rnd.random() < 0.6 else {rnd.choice((bb_t, b_t))})
            maks = rnd.random() < 0.85
            start = rnd.randint(5, 60)
            step = rnd.randint(1, 8)
            targets = [start + step * y for y in range(4)] if maks else [start + 3 * step - step * y for y in range(4)]
            if rnd.random() < 0.1:
                targets[0] = None
            satuan = rnd.choice(SATUAN)
            nama = (f"{rnd.choice(MEASURES)} {rnd.choice(SUBJECTS)} {rnd.choice(QUALIFIERS)} "
                    f"{ag.prefix} {sp} {kode}")
            ag.iks.append(_Ik(f"{tujuan}/{sp}/{kode}", tujuan, sp, kode, nama, satuan, marks,
                              "Maksimasi" if maks else "Minimasi", targets, PERSPEKTIF[p],
                              "UKE-1" if k == 0 else "UKE-2"))
    # every unit type carries at least one IK
    for t in ag.types:
        if not any(t in ik.marks for ik in ag.iks):
            rnd.choice([ik for ik in ag.iks if ik.sp != f"SP{s0 + 8}" and ik.sp != f"SP{s0 + 9}"]).marks.add(t)
    # defect (orphan-indicator, no-unit): an IK no unit type carries; no other table names it
    nk = len([i for i in ag.iks if i.sp == f"SP{s0 + 1}"])
    orphan = _Ik(f"T{t0 + 1}/SP{s0 + 1}/{'abcdefghij'[nk]}", f"T{t0 + 1}", f"SP{s0 + 1}", "abcdefghij"[nk],
                 f"Jumlah indikator tanpa pengemban {ag.prefix}", "Dokumen", set(), "", [None] * 4,
                 PERSPEKTIF[0], "UKE-2")
    # defect (orphan-indicator, no-ss): a tenth SP that adopts no Kemenperin SS, with one carried IK
    sp10 = f"SP{s0 + 10}"
    ag.sps.append((sp10, f"Sasaran program tanpa SS ({ag.prefix})", PROGRAMS[0], ""))
    no_ss = _Ik(f"T{t0 + 2}/{sp10}/a", f"T{t0 + 2}", sp10, "a", f"Indeks capaian tanpa sasaran strategis {ag.prefix}",
                "Indeks", {set_t}, "", [None] * 4, PERSPEKTIF[1], "UKE-2")
    for sp, nama, program, ss in ag.sps:
        w.add("sp.csv", [sp, nama, program, ss])
    # output-oriented-indicator: counted with the lexicon's plain-Python reading (the rule reads it with polars)
    w.tally["output-oriented-indicator"] += sum(
        bool(output_wording(nama, satuan)) for nama, satuan in
        [(f"{TUJUAN_NAMES[t]} ({ag.prefix})", "%") for t in range(4)] + [(n, None) for _sp, n, _p, _s in ag.sps]
        + [(ik.nama, ik.satuan) for ik in ag.iks + [orphan, no_ss]])
    # target-missing: every table states an IK's targets as drawn, so a drawn None is a missing year; the
    # two defect IKs are in no target table at all
    w.tally["target-missing"] += sum(1 for ik in ag.iks if None in ik.targets) + 2
    # definition-incomplete: the two defect IKs are in no Lampiran III section
    w.tally["definition-incomplete"] += 2
    # defect choices among the regular IKs
    multi = [ik for ik in ag.iks if len(ik.marks) >= 2]
    matrix_ik = multi[0]
    conflict_ik = ag.iks[1]
    dup_ik = ag.iks[2]
    for ik in ag.iks + [orphan, no_ss]:
        w.add("cascading.csv", [ik.perspektif, ik.tujuan, ik.sp, ik.kode, ik.nama, ik.satuan,
                                {t: "o" for t in ik.marks}, ik.kategori, ""])
    for ik in ag.iks:
        t2 = list(ik.targets)
        if ik is conflict_ik:  # defect (target-conflict): Tabel 2 prints another 2023 target
            t2[2] = (t2[2] or 0) + 7
        if rnd.random() < 0.9 or ik is conflict_ik:
            w.add("ik_target.csv", ["tabel2", ik.id, ik.tujuan, ik.sp, ik.nama, ik.satuan,
                                    *(_target(v) for v in t2), ""])
        terkait = sorted(ik.marks)
        if ik is matrix_ik:  # defect (matrix-inconsistency): Unit Terkait leaves one marked type out
            terkait = terkait[:-1]
        w.add("ik_target.csv", ["lampiran2", ik.id, "", ik.sp, ik.nama, ik.satuan,
                                *(_target(v) for v in ik.targets), ", ".join(terkait)])
    undefined_ik = ag.iks[3]
    for ik in ag.iks:
        for n, bagian in enumerate(sorted(ik.marks)):
            # defect (definition-incomplete): the first entry of one IK gives no Cara Menghitung
            cara = not (quality and ik is undefined_ik and n == 0)
            w.add("pedoman.csv", [bagian, ik.id, ik.nama, ik.satuan, ik.klasifikasi,
                                  *(_target(v) for v in ik.targets), f"Kepala {bagian}",
                                  *_definition(ik, bagian, quality, cara)])
        if ik is dup_ik:  # defect (duplicate-code): the same section reuses the code for another indicator
            w.add("pedoman.csv", [sorted(ik.marks)[0], ik.id, f"Rasio realisasi anggaran belanja modal zeta "
                                  f"{ag.prefix}", "Rasio", ik.klasifikasi, *(_target(v) for v in ik.targets),
                                  f"Kepala {sorted(ik.marks)[0]}", *_definition(ik, sorted(ik.marks)[0], quality)])
    w.tally["definition-incomplete"] += quality


@dataclass
class _Unit:
    kode: str
    nama: str
    tipe: str
    kelompok: str


def _agency_units(rnd: random.Random, w: _Writer, a: int, ag: _Agency, n_bb: int, n_b: int,
                  quality_defects: bool = True):
    """Units, SK, IKK, komponen and Tabel 10 groups of one agency; returns (Σ unit pagu, Σ group pagu)."""
    p = ag.prefix
    units = [_Unit(f"{p}-SET", f"Sekretariat Badan {p}", ag.types[0], f"{p}-SET")]
    for t, name in zip(PUSAT, ("Pusat Perumusan Kebijakan Industri Hijau", "Pusat Pengembangan Standar Industri",
                               "Pusat Optimalisasi Pemanfaatan Teknologi Industri", "Pusat Industri Halal")):
        units.append(_Unit(f"{p}-{t}", f"{name} {p}", f"{p}-{t}", f"{p}-{t}"))
    for i in range(n_bb):
        units.append(_Unit(f"{p}-BBSPJI-{i + 1:02d}", f"Balai Besar Standardisasi dan Pelayanan Jasa Industri "
                           f"{CITIES[i % len(CITIES)]} {p}-{i + 1}", ag.types[5], f"{p}-UPT"))
    for i in range(n_b):
        units.append(_Unit(f"{p}-BSPJI-{i + 1:02d}", f"Balai Standardisasi dan Pelayanan Jasa Industri "
                           f"{CITIES[(i + 7) % len(CITIES)]} {p}-{i + 1}", ag.types[6], f"{p}-UPT"))
    # defect (unit-without-indicator, no-ik): a laboratory of a type no Lampiran IV row marks
    lab = _Unit(f"{p}-LAB", f"Laboratorium Uji Terpadu {p}", f"{p}-LAB", f"{p}-UPT")
    units.append(lab)
    regular = [ik for ik in ag.iks]
    sp_of = {sp: i for i, (sp, *_rest) in enumerate(ag.sps)}
    group_pagu: dict[str, list[int]] = {}
    unit_sum = [0] * len(YEARS)
    # which unit carries which defect
    d_star_orphan, d_star_budget, d_unfunded, d_sasaran, d_direction, d_komponen = (
        units[0], units[1], units[2], units[5], units[6], units[7 % len(units)])
    for u in units:
        carried = [ik for ik in regular if u.tipe in ik.marks] or regular  # the LAB takes any IK
        by_sp: dict[str, list[_Ik]] = {}
        for ik in carried:
            by_sp.setdefault(ik.sp, []).append(ik)
        sps = sorted(by_sp, key=lambda s: sp_of[s])
        if len(sps) > 4:
            sps = sorted(rnd.sample(sps, 4), key=lambda s: sp_of[s])
        n_ikk = rnd.randint(6, 10)
        sk_names = {}
        for j, sp in enumerate(sps):
            sk = f"SK.{j + 1}"
            sk_names[sp] = sk
            w.add("sk.csv", [u.kode, sk, ag.sps[sp_of[sp]][1], sp])
        pagu = [0] * len(YEARS)
        funded_names: list[str] = []
        ikks = []
        counters = {sp: 0 for sp in sps}
        for n in range(n_ikk):
            sp = sps[n % len(sps)]
            counters[sp] += 1
            ik = rnd.choice(by_sp[sp])
            ikks.append((sk_names[sp], f"{sk_names[sp]}.{counters[sp]}", ik))
        if u is d_direction:  # the falling IKK cascades to a Maksimasi IK of its own SK's SP
            n_dir = next(n for n, (_sk, _c, ik) in enumerate(ikks)
                         if any(i.klasifikasi == "Maksimasi" for i in by_sp[ik.sp]))
            sk, code, ik = ikks[n_dir]
            ikks[n_dir] = (sk, code, next(i for i in by_sp[ik.sp] if i.klasifikasi == "Maksimasi"))
        else:
            n_dir = -1
        if u is d_sasaran:  # defect (sasaran-mismatch): an IKK whose IK belongs to another SP than its SK
            sk, code, ik = ikks[0]
            other = next(i for i in regular if i.sp != ik.sp)
            ikks[0] = (sk, code, other)
        if quality_defects and u is units[1]:
            _single_ik(w, ag, u, sk_names[sps[0]], counters[sps[0]] + 1, by_sp[sps[0]][0], pagu)
        for n, (sk, code, ik) in enumerate(ikks):
            start = rnd.randint(1, 50)
            step = rnd.randint(0, 5)
            tg = [start + step * y for y in range(4)]
            if rnd.random() < 0.1:
                tg[0] = None
            if n == n_dir:  # defect (target-direction): a Maksimasi IKK target falls once
                tg = [10, 20, 15, 25]
            nama = f"{rnd.choice(MEASURES)} {rnd.choice(SUBJECTS)} {rnd.choice(QUALIFIERS)} {u.kode} {code}"
            w.add("ikk.csv", [u.kode, code, sk, nama, ik.satuan, *(_target(v) for v in tg), ik.id, ""])
            w.tally["target-missing"] += None in tg
            w.tally["carrier-not-marked"] += u.tipe not in ik.marks
            w.tally["definition-incomplete"] += u.tipe not in ik.marks  # its section (= its type) has no entry
            w.ikk_per_ik[ik.id] = w.ikk_per_ik.get(ik.id, 0) + 1
            n_k = rnd.randint(3, 6)
            if u is d_unfunded and n == 0:
                n_k = 0
            letters = "ABCDEFGHIJ"
            for c in range(n_k):
                cents = [rnd.randint(5_000, 500_000) if rnd.random() < 0.85 else None for _ in YEARS]
                if all(v is None for v in cents):
                    cents[rnd.randrange(len(YEARS))] = rnd.randint(5_000, 500_000)
                knama = f"{rnd.choice(ACTIVITIES)} {rnd.choice(OBJECTS)}"
                funded_names.append(knama)
                for y in range(len(YEARS)):
                    pagu[y] += cents[y] or 0
                written = list(cents)
                if u is d_komponen and n == 0 and c == 0:  # defect (budget-mismatch): off its pagu in 2022
                    written[1] = (written[1] or 0) + 1_000
                w.add("komponen.csv", [u.kode, code, letters[c], knama, *(_money(v) for v in written), "0"])
            if n_k and rnd.random() < 0.2:  # a regular `*` komponen: its funded twin is in this unit
                w.add("komponen.csv", [u.kode, code, letters[n_k], rnd.choice(funded_names), "", "", "", "", "1"])
            if u is d_unfunded and n == 0:  # defect (unfunded-indicator): only a `*` komponen, twin funded later
                w.add("komponen.csv", [u.kode, code, "A", "Pengelolaan sistem informasi", "", "", "", "", "1"])
            if u is d_star_orphan and n == 0:  # defect (budget-without-indicator): `*` with no funded twin
                w.add("komponen.csv", [u.kode, code, letters[n_k + 1], f"Kegiatan tanpa pasangan {u.kode}",
                                       "", "", "", "", "1"])
            if u is d_star_budget and n == 0:  # defect (starred-with-budget): `*` that carries budget
                cents = [12_000, None, None, None]
                pagu[0] += cents[0]
                w.add("komponen.csv", [u.kode, code, letters[n_k + 1], f"{rnd.choice(ACTIVITIES)} "
                                       f"{rnd.choice(OBJECTS)}", *(_money(v) for v in cents), "1"])
        if u is d_unfunded:  # the funded twin of the unfunded IKK's `*` komponen
            sk, code, ik = ikks[-1]
            w.add("komponen.csv", [u.kode, f"{code}", "J", "Pengelolaan sistem informasi", "100.00", "", "",
                                   "", "0"])
            pagu[0] += 10_000
        w.add("units.csv", [u.kode, u.nama, u.tipe, u.kelompok, *(_money(v) for v in pagu)])
        g = group_pagu.setdefault(u.kelompok, [0] * len(YEARS))
        for y in range(len(YEARS)):
            g[y] += pagu[y]
            unit_sum[y] += pagu[y]
    # defect (unit-without-indicator, no-ikk): a balai with no Sasaran Kegiatan at all, pagu 0
    w.add("units.csv", [f"{p}-BSPJI-{n_b + 1:02d}", f"Balai Standardisasi dan Pelayanan Jasa Industri Baru {p}",
                        ag.types[6], f"{p}-UPT", *("0.00" for _ in YEARS)])
    names = {f"{p}-SET": "Sekretariat", f"{p}-UPT": "Unit Pelaksana Teknis"}
    group_sum = [0] * len(YEARS)
    for kelompok, values in group_pagu.items():
        written = list(values)
        if kelompok == f"{p}-SET":   # defect (budget-mismatch): two groups off by ±Rp 5 juta in 2022
            written[1] += 500
        elif kelompok == f"{p}-P4SI":
            written[1] -= 500
        for y in range(len(YEARS)):
            group_sum[y] += written[y]
        w.add("tabel10.csv", [kelompok, names.get(kelompok, kelompok), *(_money(v) for v in written)])
    return unit_sum, group_sum


def _single_ik(w: _Writer, ag: _Agency, u: "_Unit", sk: str, n: int, like: _Ik, pagu: list[int]) -> None:
    """Defect (single-output-outcome): an IK marked for this pusat only, stated in every target table, that
    exactly one IKK (of this unit, under its SK of the IK's SP, funded) supports. Draws nothing from `rnd`."""
    ik = _Ik(f"{like.tujuan}/{like.sp}/z", like.tujuan, like.sp, "z", f"Persentase industri yang menerapkan "
             f"teknologi tunggal {ag.prefix}", "%", {u.tipe}, "Maksimasi", [10, 20, 30, 40], like.perspektif, "UKE-2")
    w.add("cascading.csv", [ik.perspektif, ik.tujuan, ik.sp, ik.kode, ik.nama, ik.satuan, {u.tipe: "o"},
                            ik.kategori, ""])
    for sumber, tujuan, terkait in (("tabel2", ik.tujuan, ""), ("lampiran2", "", u.tipe)):
        w.add("ik_target.csv", [sumber, ik.id, tujuan, ik.sp, ik.nama, ik.satuan,
                                *(_target(v) for v in ik.targets), terkait])
    w.add("pedoman.csv", [u.tipe, ik.id, ik.nama, ik.satuan, ik.klasifikasi, *(_target(v) for v in ik.targets),
                          f"Kepala {u.tipe}", *_definition(ik, u.tipe, True)])
    code = f"{sk}.{n}"
    w.add("ikk.csv", [u.kode, code, sk, ik.nama, ik.satuan, *(_target(v) for v in ik.targets), ik.id, ""])
    w.ikk_per_ik[ik.id] = 1
    cents = [10_000, 11_000, 12_000, 13_000]
    w.add("komponen.csv", [u.kode, code, "A", "Pendampingan penerapan teknologi", *(_money(v) for v in cents), "0"])
    for y in range(len(YEARS)):
        pagu[y] += cents[y]


def _write(out: Path, w: _Writer, agencies: list[_Agency], mark_columns: list[str], nat: str,
           national_pagu: list[int], total_groups: list[int], quality: bool = True) -> None:
    yc = lambda prefix: [f"{prefix}_{y}" for y in YEARS]  # noqa: E731
    headers = {
        "units.csv": ["kode", "nama", "tipe", "kelompok", *yc("pagu"), "baris"],
        "cascading.csv": ["perspektif", "tujuan", "sp", "kode", "indikator", "satuan", *mark_columns, "kategori",
                          "catatan", "baris"],
        "tabel10.csv": ["kelompok", "nama", *yc("pagu"), "baris"],
        "tujuan.csv": ["kode", "nama", "satuan", *yc("target"), "baris"],
        "sp.csv": ["kode", "nama", "program", "ss", "baris"],
        "ik_target.csv": ["sumber", "ik", "tujuan", "sp", "indikator", "satuan", *yc("target"), "unit_terkait",
                          "baris"],
        "pedoman.csv": ["bagian", "kode", "indikator", "satuan", "klasifikasi", *yc("target"), "penanggung_jawab",
                        *(["definisi", "sumber_data", "cara_menghitung", "catatan"] if quality else []), "baris"],
        "sk.csv": ["unit", "sk", "nama", "sp", "baris"],
        "ikk.csv": ["unit", "ikk", "sk", "nama", "satuan", *yc("target"), "ik", "catatan", "baris"],
        "komponen.csv": ["unit", "ikk", "komponen", "nama", *yc("anggaran"), "bintang", "baris"],
    }
    w.rows["units.csv"].insert(0, [nat, "Cascade Nasional Sintetis", nat, "TOTAL",
                                   *(_money(v) for v in national_pagu), 0])
    w.rows["tabel10.csv"].append(["TOTAL", "TOTAL", *(_money(v) for v in total_groups), w.baris + 1])
    for name, header in headers.items():
        with open(out / name, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            if name == "cascading.csv":
                for row in w.rows[name]:
                    marks = row[6]
                    writer.writerow(row[:6] + [marks.get(t, "") for t in mark_columns] + row[7:])
            else:
                writer.writerows(w.rows.get(name, []))
