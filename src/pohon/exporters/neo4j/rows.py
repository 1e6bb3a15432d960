"""The rows of the Neo4j model (docs/neo4j-model.md, pohon.exporters.neo4j.model), read off the Dataset's
tables: the push, the Cypher script and the neo4j-admin CSVs all write these.

Each label's nodes and each (type, from label, to label)'s relationships are one polars query over the
tables (a part); no graph is built. A part is run when it is written and read in batches of dicts, so
memory holds one part's columns and one batch of Python objects, never the whole cascade as objects. Rows
come in table order (joins keep it, whatever polars' thread count), so an export is the same every time. What the graph contract says (node ids
and attributes, which edge exists when, docs/ARCHITECTURE.md "The graph") is held equal by
tests/neo4j/graph_rows.py, the model read off `build_graph`'s graph.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import polars as pl

from pohon.dataset import Dataset
from pohon.exporters.neo4j.model import YEAR, GraphContractError, camel
from pohon.nodes import AGENCY_KELOMPOK, node_id

SLICE = 20_000  # rows a part hands over from polars at a time


@dataclass(frozen=True)
class NodePart:
    """One label's nodes: columns `id`, then the properties (camelCase; null = no property)."""

    frame: pl.LazyFrame
    count: int

    def items(self) -> Iterator[dict]:
        """{id, props} per node, props with `id` (not `dataset`, which the writer adds)."""
        for df in self.frame.collect().iter_slices(SLICE):
            names = df.columns[1:]
            for nid, *values in df.iter_rows():
                props = {k: v for k, v in zip(names, values) if v is not None}
                props["id"] = nid
                yield {"id": nid, "props": props}

    def columns(self) -> dict[str, pl.DataType]:
        """The properties some node has (`id` aside), with their types."""
        return _present(self.frame, 1)


@dataclass(frozen=True)
class RelPart:
    """One (type, from, to)'s relationships: columns `src`, `dst`, then the properties."""

    frame: pl.LazyFrame
    count: int

    def items(self) -> Iterator[dict]:
        """{src, dst, props} per relationship."""
        for df in self.frame.collect().iter_slices(SLICE):
            names = df.columns[2:]
            for src, dst, *values in df.iter_rows():
                yield {"src": src, "dst": dst, "props": {k: v for k, v in zip(names, values) if v is not None}}

    flat = items

    def columns(self) -> dict[str, pl.DataType]:
        """The properties some relationship has, with their types."""
        return _present(self.frame, 2)


@dataclass(frozen=True)
class YearPart:
    """TARGET/PAGU/ANGGARAN relationships of one label to :Tahun: columns `src`, then per year `n<year>`
    (a number) and `t<year>` (a text target such as `BB`, where there is no number)."""

    frame: pl.LazyFrame
    count: int  # relationships, not rows: a row holds a node's values of every year
    years: tuple[int, ...]

    def items(self) -> Iterator[dict]:
        """{src, values: [{dst, props}]} per node: the push looks the node up once for its (usually four)
        values (model._rel_rows)."""
        for df in self.frame.collect().iter_slices(SLICE):
            for src, *cells in df.iter_rows():
                values = []
                for i, year in enumerate(self.years):
                    number, text = cells[2 * i], cells[2 * i + 1]
                    if number is not None:
                        values.append({"dst": f"{YEAR}:{year}", "props": {"tahun": year, "nilai": number}})
                    elif text is not None:
                        values.append({"dst": f"{YEAR}:{year}", "props": {"tahun": year, "teks": text}})
                yield {"src": src, "values": values}

    def flat(self) -> Iterator[dict]:
        """{src, dst, props} per relationship."""
        for row in self.items():
            for v in row["values"]:
                yield {"src": row["src"], **v}

    def columns(self) -> dict[str, pl.DataType]:
        """`tahun`, and `nilai` / `teks` where some value is a number / a text."""
        if not self.years:
            return {}
        any_of = [pl.any_horizontal([pl.col(f"{c}{y}").is_not_null() for y in self.years]).any() for c in "nt"]
        number, text = self.frame.select(any_of).collect().row(0)
        return {"tahun": pl.Int64, **({"nilai": pl.Float64} if number else {}), **({"teks": pl.String} if text else {})}


def _present(frame: pl.LazyFrame, skip: int) -> dict[str, pl.DataType]:
    schema = frame.collect_schema()
    names = schema.names()[skip:]
    if not names:
        return {}
    present = frame.select(pl.col(n).is_not_null().any() for n in names).collect().row(0)
    return {n: schema[n] for n, p in zip(names, present) if p}


@dataclass(frozen=True)
class Rows:
    """The model's rows of one cascade: nodes per label, relationships per (type, from label, to label);
    only non-empty parts, keys sorted (the order the writers go in)."""

    nodes: dict[str, NodePart]
    rels: dict[tuple[str, str, str], RelPart | YearPart]

    def node_counts(self) -> dict[str, int]:
        return {k: p.count for k, p in self.nodes.items()}

    def rel_counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for (t, _, _), p in self.rels.items():
            out[t] += p.count
        return dict(sorted(out.items()))

    def total(self) -> int:
        return sum(p.count for p in self.nodes.values()) + sum(p.count for p in self.rels.values())

    def parts(self):
        """(key, part) of every node label, then of every relationship (type, from, to)."""
        yield from self.nodes.items()
        yield from self.rels.items()


def batches(items: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------- the tables as parts
def _id(prefix: str, *cols) -> pl.Expr:
    """`Prefix:a:b` from columns (pohon.nodes.node_id's shape); a non-str part is a column name."""
    parts: list = [pl.lit(prefix)]
    for c in cols:
        parts += [pl.lit(":"), pl.col(c) if isinstance(c, str) else c]
    return pl.concat_str(parts)


def _s(col: str, name: str | None = None) -> pl.Expr:
    """A text column as a property: "" is no property."""
    return pl.when(pl.col(col) != "").then(pl.col(col)).alias(camel(name or col))


def _v(col: str, name: str | None = None) -> pl.Expr:
    return pl.col(col).alias(camel(name or col))


def _file(name: str) -> pl.Expr:
    return pl.lit(name).alias("file")


def _nodes(frame: pl.LazyFrame, nid: pl.Expr, props: list[pl.Expr]) -> NodePart:
    lf = frame.select(nid.alias("id"), *props)
    n, unique = lf.select(pl.len(), pl.col("id").n_unique()).collect().row(0)
    if n != unique:
        dup = lf.filter(pl.col("id").is_duplicated()).select("id").head(1).collect().item()
        raise GraphContractError(f"node id {dup!r} used twice")
    return NodePart(lf, n)


def _rels(frame: pl.LazyFrame, src: pl.Expr, dst: pl.Expr) -> RelPart:
    lf = frame.select(src.alias("src"), dst.alias("dst"))
    return RelPart(lf, lf.select(pl.len()).collect().item())


def _yearly(frame: pl.LazyFrame, src: pl.Expr, prefix: str, years, text: bool) -> YearPart:
    """Values per year of `prefix` (`target` numbers else texts, `pagu`/`anggaran` numbers)."""
    cols = []
    for y in years:
        number = pl.col(f"{prefix}_{y}")
        cols.append(number.alias(f"n{y}"))
        if text:
            words = pl.col(f"{prefix}_{y}_text")
            cols.append(pl.when(number.is_null() & (words != "")).then(words).alias(f"t{y}"))
        else:
            cols.append(pl.lit(None, pl.String).alias(f"t{y}"))
    lf = frame.select(src.alias("src"), *cols)
    given = [pl.col(f"n{y}").is_not_null() | pl.col(f"t{y}").is_not_null() for y in years]
    if not given:
        return YearPart(lf.head(0), 0, ())
    count = lf.select(pl.sum_horizontal(given).sum()).collect().item()
    return YearPart(lf.filter(pl.any_horizontal(given)), count, tuple(years))


def _semi(frame: pl.LazyFrame, col: str, keys: pl.LazyFrame) -> pl.LazyFrame:
    """The rows of `frame` whose `col` is one of `keys`' only column (the node it names exists)."""
    return frame.join(keys.select(pl.col(keys.collect_schema().names()[0]).alias(col)), on=col, how="semi",
                      maintain_order="left")


def dataset_rows(ds: Dataset) -> Rows:
    """The rows `build_graph(ds)` would be stored as (docs/neo4j-model.md), from the tables."""
    if not isinstance(ds, Dataset):
        raise TypeError(f"the Neo4j rows are read off a Dataset (pohon.load.load_dataset), not a "
                        f"{type(ds).__name__}; the push and the exporters no longer take the graph")
    t = {name: frame.lazy() for name, frame in ds.tables.items()}
    years = tuple(ds.years)
    nodes: dict[str, NodePart] = {}
    rels: dict[tuple[str, str, str], RelPart | YearPart] = {}

    def node(label: str, part: NodePart) -> None:
        if part.count:
            nodes[label] = part

    def rel(key: tuple[str, str, str], part) -> None:
        if part.count:
            rels[key] = part

    # SS, SP, Tujuan
    sp = t["sp"]
    node("SP", _nodes(sp, _id("SP", "kode"), [_s("kode"), _s("nama"), _v("baris"), _file("sp.csv"), _s("program")]))
    with_ss = sp.filter(pl.col("ss") != "")
    node("SS", _nodes(with_ss.unique("ss", keep="first", maintain_order=True), _id("SS", "ss"),
                      [_s("ss", "nama"), _v("baris"), _file("sp.csv")]))
    rel(("CASCADES_TO", "SS", "SP"), _rels(with_ss, _id("SS", "ss"), _id("SP", "kode")))
    casc = t["cascading"].with_columns(_code=pl.concat_str("tujuan", pl.lit("/"), "sp", pl.lit("/"), "kode"))
    if ds.tables["tujuan"].height:
        tujuan = t["tujuan"]
        node("Tujuan", _nodes(tujuan, _id("Tujuan", "kode"),
                              [_s("kode"), _s("nama"), _v("baris"), _file("tujuan.csv"), _s("satuan")]))
        rel(("TARGET", "Tujuan", YEAR), _yearly(tujuan, _id("Tujuan", "kode"), "target", years, text=True))
    else:  # no tujuan.csv: the codes cascading.csv names
        tujuan = casc.select(pl.col("tujuan").alias("kode")).unique().sort("kode")
        node("Tujuan", _nodes(tujuan, _id("Tujuan", "kode"), [_s("kode"), _s("kode", "nama"),
                                                                _file("cascading.csv")]))
    tujuan_codes = tujuan.select("kode")
    ik_codes = casc.select("_code")

    _indikator(ds, t, casc, years, node, rel)
    rel(("HAS_IK", "Tujuan", "IK"), _rels(_semi(casc, "tujuan", tujuan_codes), _id("Tujuan", "tujuan"),
                                          _id("IK", "_code")))
    rel(("HAS_IK", "SP", "IK"), _rels(_semi(casc, "sp", sp.select("kode")), _id("SP", "sp"), _id("IK", "_code")))

    # units, the agency, Tabel 10
    units = t["units"]
    agency = pl.col("kelompok").str.to_uppercase() == AGENCY_KELOMPOK
    by_label = {"Instansi": units.filter(agency), "Unit": units.filter(~agency)}
    tabel10 = t["tabel10"]
    node("Kelompok", _nodes(tabel10, _id("Kelompok", "kelompok"),
                            [_s("kelompok", "kode"), _s("nama"), _v("baris"), _file("tabel10.csv")]))
    rel(("PAGU", "Kelompok", YEAR), _yearly(tabel10, _id("Kelompok", "kelompok"), "pagu", years, text=False))
    if (ds.tables["tabel10"]["kelompok"] == AGENCY_KELOMPOK).any():
        rel(("HAS_PART", "Kelompok", "Kelompok"),
            _rels(tabel10.filter(pl.col("kelompok") != AGENCY_KELOMPOK), pl.lit(node_id("Kelompok", AGENCY_KELOMPOK)),
                  _id("Kelompok", "kelompok")))
    marks = sorted(ds.unit_types)
    # (IK, unit type) of every Lampiran IV mark, row by row (unpivot's own order varies with the threads)
    carried = casc.select("_code", *marks).with_row_index("_row").unpivot(
        index=["_row", "_code"], on=marks, variable_name="tipe").filter(pl.col("value")).sort(
        "_row", "tipe") if marks else None
    for label, frame in by_label.items():
        uid = _id("Unit", "kode")
        node(label, _nodes(frame, uid, [_s("kode"), _s("nama"), _v("baris"), _file("units.csv"), _s("tipe"),
                                        _s("kelompok")]))
        rel(("PAGU", label, YEAR), _yearly(frame, uid, "pagu", years, text=False))
        rel(("COUNTS", "Kelompok", label), _rels(_semi(frame.filter(pl.col("kelompok") != ""), "kelompok",
                                                       tabel10.select("kelompok")), _id("Kelompok", "kelompok"), uid))
        if carried is not None:
            rel(("CARRIES", label, "IK"), _rels(carried.join(frame.select("kode", "tipe"), on="tipe",
                                                             maintain_order="left_right"), uid, _id("IK", "_code")))
    rel(("HAS_UNIT", "Instansi", "Unit"),
        _rels(by_label["Instansi"].select(pl.col("kode").alias("a")).join(
            by_label["Unit"].select(pl.col("kode").alias("b")), how="cross", maintain_order="left_right"),
              _id("Unit", "a"), _id("Unit", "b")))

    # SK, IKK, komponen
    sk, ikk, komponen = t["sk"], t["ikk"], t["komponen"]
    sk_id = _id("SK", "unit", "sk")
    node("SK", _nodes(sk, sk_id, [_s("sk", "kode"), _s("nama"), _v("baris"), _file("sk.csv"), _s("unit"),
                                  _s("sp")]))
    for label, frame in by_label.items():
        rel(("HAS_SK", label, "SK"), _rels(_semi(sk, "unit", frame.select("kode")), _id("Unit", "unit"), sk_id))
    rel(("CASCADES_TO", "SP", "SK"), _rels(_semi(sk, "sp", sp.select("kode")), _id("SP", "sp"), sk_id))
    ikk_id = _id("IKK", "unit", "ikk")
    node("IKK", _nodes(ikk, ikk_id, [_s("ikk", "kode"), _s("nama"), _v("baris"), _file("ikk.csv"), _s("unit"),
                                     _s("sk"), _s("satuan"), _s("ik"), _s("catatan")]))
    rel(("TARGET", "IKK", YEAR), _yearly(ikk, ikk_id, "target", years, text=True))
    rel(("HAS_IKK", "SK", "IKK"), _rels(ikk, _id("SK", "unit", "sk"), ikk_id))
    rel(("CASCADES_TO", "IK", "IKK"), _rels(_semi(ikk.filter(pl.col("ik") != ""), "ik", ik_codes), _id("IK", "ik"),
                                            ikk_id))
    kid = _id("Komponen", "unit", "ikk", "komponen")
    node("Komponen", _nodes(komponen, kid, [_s("komponen", "kode"), _s("nama"), _v("baris"), _file("komponen.csv"),
                                            _s("unit"), _s("ikk"), _v("bintang")]))
    rel(("ANGGARAN", "Komponen", YEAR), _yearly(komponen, kid, "anggaran", years, text=False))
    rel(("HAS_KOMPONEN", "IKK", "Komponen"), _rels(komponen, _id("IKK", "unit", "ikk"), kid))

    # the target tables
    for table, label, key, code in (("ik_target", "TargetRow", "sumber", "ik"), ("pedoman", "Pedoman", "bagian", "kode")):
        frame = _side_ids(t[table], label, key)
        props = [_s(c) if ds.tables[table].schema[c] == pl.String else _v(c) for c in ds.tables[table].columns
                 if not c.startswith(("target_", "_line"))]
        node(label, _nodes(frame, pl.col("_rid"), props))
        rel(("TARGET", label, YEAR), _yearly(frame, pl.col("_rid"), "target", years, text=True))
        rel(("HAS_TARGET_ROW", "IK", label), _rels(_semi(frame, code, ik_codes), _id("IK", code), pl.col("_rid")))
        rel(("HAS_TARGET_ROW", "Tujuan", label), _rels(_semi(frame, code, tujuan_codes), _id("Tujuan", code),
                                                       pl.col("_rid")))
        if label == "Pedoman":
            for unit_label, units_of in by_label.items():
                rel(("HAS_PEDOMAN", unit_label, label), _rels(_semi(frame, "bagian", units_of.select("kode")),
                                                              _id("Unit", "bagian"), pl.col("_rid")))
    node(YEAR, _nodes(pl.LazyFrame({"tahun": list(years)}, schema={"tahun": pl.Int64}),
                      _id(YEAR, pl.col("tahun").cast(pl.String)), [_v("tahun")]))
    return Rows(dict(sorted(nodes.items())), dict(sorted(rels.items())))


def _side_ids(frame: pl.LazyFrame, label: str, key: str) -> pl.LazyFrame:
    """`_rid` of a Tabel 2 / Lampiran II / Lampiran III row: `<Label>:<sumber or bagian>:<baris>`, the
    second row with the same id `…:2`, and so on."""
    rid = pl.concat_str(pl.lit(f"{label}:"), pl.col(key), pl.lit(":"), pl.col("baris").cast(pl.String).fill_null("None"))
    frame = frame.with_columns(_rid=rid).with_columns(_nth=pl.col("_rid").cum_count().over("_rid"))
    return frame.with_columns(_rid=pl.when(pl.col("_nth") > 1).then(
        pl.concat_str("_rid", pl.lit(":"), pl.col("_nth").cast(pl.String))).otherwise("_rid"))


def _indikator(ds: Dataset, t: dict, casc: pl.LazyFrame, years, node, rel) -> None:
    """IK nodes and their TARGETs: Lampiran IV rows, with what the target tables say of each (the Lampiran II
    program table's targets and Unit Terkait, else the first Tabel 2 row's targets; Lampiran III's
    klasifikasi (first entry) and penanggung jawab (every entry, `BAGIAN: as written`))."""
    pedoman = t["pedoman"]
    klasifikasi = pedoman.unique("kode", keep="first", maintain_order=True).select(
        pl.col("kode").alias("_code"), pl.col("klasifikasi").alias("_klasifikasi"))
    pj = pedoman.group_by("kode", maintain_order=True).agg(
        pl.concat_str("bagian", pl.lit(": "), "penanggung_jawab").alias("_pj")).rename({"kode": "_code"})
    lampiran2 = pl.col("sumber") == "lampiran2"
    rank = pl.int_range(pl.len(), dtype=pl.Int64)
    score = pl.when(lampiran2).then(rank + pl.len()).otherwise(-rank)  # the last lampiran2 row, else the first
    chosen = t["ik_target"].filter(pl.col("ik") != "").with_columns(_score=score).filter(
        pl.col("_score") == pl.col("_score").max().over("ik"))
    chosen = chosen.select(pl.col("ik").alias("_code"),
                           pl.when(lampiran2).then(pl.col("unit_terkait")).otherwise(pl.lit("")).alias("_terkait"),
                           *(pl.col(f"target_{y}{s}").alias(f"_target_{y}{s}") for y in years for s in ("", "_text")))
    ik = casc
    for extra in (klasifikasi, pj, chosen):
        ik = ik.join(extra, on="_code", how="left", maintain_order="left")
    types = sorted(ds.unit_types)
    props = [_s("_code", "kode"), _s("indikator", "nama"), _v("baris"), _file("cascading.csv"), _s("tujuan"),
             _s("sp"), _s("perspektif"), _s("satuan"), _s("kategori"), _s("_klasifikasi", "klasifikasi"),
             _s("_terkait", "unit_terkait")]
    if types:
        marked = pl.concat_list([pl.when(pl.col(x)).then(pl.lit(x)) for x in types]).list.drop_nulls()
        props.append(pl.when(marked.list.len() > 0).then(marked).alias("unitTypes"))
    props.append(pl.when(pl.col("_pj").list.len() > 0).then(pl.col("_pj")).alias("penanggungJawab"))
    nid = _id("IK", "_code")
    node("IK", _nodes(ik, nid, props))
    rel(("TARGET", "IK", YEAR), _yearly(ik, nid, "_target", years, text=True))
