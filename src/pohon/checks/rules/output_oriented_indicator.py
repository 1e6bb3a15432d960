from __future__ import annotations

import polars as pl

from pohon.checks import Kind, finding, rule
from pohon.checks.lexicon import FIRING, output_words
from pohon.checks.tables import ik_code, normalised

_LEVELS = {"Tujuan": ("Tujuan", "Tujuan"), "SP": ("Sasaran Program", "Sasaran Program"), "IK": ("IK", "IK")}


@rule("output-oriented-indicator", "warning", title=("Indikator berorientasi output", "Output-oriented indicator"),
      summary=("indikator Tujuan, SP atau IK yang dirumuskan sebagai output (dokumen, kegiatan, peserta …)",
               "Tujuan, SP or IK indicator worded as an output (documents, activities, participants …)"), kinds={
    "output": Kind("{level_id} dirumuskan sebagai output ({words}): {reasons_id}",
                   "{level_en} worded as an output ({words}): {reasons_en}")})
def output_oriented_indicator(t):
    """What it finds: a Tujuan, Sasaran Program or IK (the outcome levels) whose wording counts what the unit
    produces or does (documents, reports, regulations, activities, facilities, participants, its own
    revenue) rather than a change in the condition of its beneficiaries. Decided by the lexicon
    src/pohon/checks/lexicon/output_words.csv: an `output` word there fires, unless an `outcome` word
    (meningkat, kepuasan, efisiensi, dimanfaatkan, kepatuhan …) names such a change; a `count` word (a count
    of the unit's own service results) fires even then. The matched words are
    in the details; docs/indicator-quality.md lists every IK of data/ with a judgement of the verdict.

    Why a reviewer cares: an outcome-level indicator worded as an output is what APIP found in this
    Renstra ("masih berorientasi output"); it can be met by working without anything changing for
    industry, so it does not show whether the Sasaran Program was reached.

    Example: T1/SP2/b "Perusahaan yang terfasilitasi industri 4.0" counts companies facilitated
    (`terfasilitasi`) and is reported; T1/SP2/a "Persentase jumlah perusahaan yang Produktivitas/
    efisiensinya meningkat setelah pendampingan industri 4.0" names the change (`meningkat`) and is not.
    """
    frames = []
    if "tujuan" in t.t:
        frames.append(t["tujuan"].select(pl.concat_str(pl.lit("Tujuan:"), "kode").alias("node"),
                                         pl.lit("Tujuan").alias("level"), pl.col("nama").alias("indikator"),
                                         pl.col("satuan").cast(pl.String)))
    if "sp" in t.t:
        frames.append(t["sp"].select(pl.concat_str(pl.lit("SP:"), "kode").alias("node"), pl.lit("SP").alias("level"),
                                     pl.col("nama").alias("indikator"), pl.lit(None, pl.String).alias("satuan")))
    frames.append(t["cascading"].select(pl.concat_str(pl.lit("IK:"), ik_code()).alias("node"),
                                        pl.lit("IK").alias("level"), "indikator", pl.col("satuan").cast(pl.String)))
    rows = pl.concat(frames).with_columns(normalised(pl.col("indikator").fill_null("")).alias("indikator"),
                                          normalised(pl.col("satuan").fill_null("")).alias("satuan"))
    entries = output_words()
    outcome = pl.any_horizontal([pl.col(e.field).str.contains(e.pattern) for e in entries if e.kind == "outcome"]
                                or [pl.lit(False)])
    outputs = [e for e in entries if e.kind in FIRING]
    found = rows.with_columns(outcome.alias("outcome"),
                              *[pl.col(e.field).str.extract_all(e.pattern).alias(f"m{i}") for i, e in enumerate(outputs)])
    hit = [pl.col(f"m{i}").list.len() > 0 for i in range(len(outputs))]
    counted = [h for h, e in zip(hit, outputs) if e.kind == "count"] or [pl.lit(False)]
    found = found.filter((~pl.col("outcome") & pl.any_horizontal(hit)) | pl.any_horizontal(counted))
    for row in found.select("node", "level", *[f"m{i}" for i in range(len(outputs))]).iter_rows():
        node, level, hits = row[0], row[1], row[2:]
        matched = [{"words": list(words), "pattern": e.pattern, "field": e.field, "reason": e.reason_en}
                   for words, e in zip(hits, outputs) if words]
        used = [e for words, e in zip(hits, outputs) if words]
        yield finding(output_oriented_indicator, node, level=level, words=[w for m in matched for w in m["words"]],
                      matched=matched,
                      render={"level_id": _LEVELS[level][0], "level_en": _LEVELS[level][1],
                              "words": ", ".join(w for m in matched for w in m["words"]),
                              "reasons_id": "; ".join(e.reason_id for e in used),
                              "reasons_en": "; ".join(e.reason_en for e in used)})
