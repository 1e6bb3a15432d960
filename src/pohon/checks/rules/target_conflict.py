from __future__ import annotations

from collections import defaultdict

from pohon.checks import Kind, finding, rule
from pohon import fmt


@rule("target-conflict", "warning", title=("Target berbeda antartabel", "Conflicting targets"),
      summary=("target IK berbeda antara Tabel 2, Lampiran II dan Lampiran III", "an IK's targets differ between Tabel 2, Lampiran II and Lampiran III"), kinds={
    "differs": Kind("target {year} berbeda: {listing_id}", "{year} target differs: {listing_en}")})
def target_conflict(t):
    """What it finds: an IK whose targets differ between the tables that state them: Tabel 2, the Lampiran II
    program table and the BSKJI-level Pedoman Kinerja (Lampiran III).

    Why a reviewer cares: realisation is compared against one target; two printed targets for the same
    year make the capaian depend on which table the reader opened.

    Example: an IK with 2023 target 95 in Tabel 2 and 90 in Lampiran II.
    """
    codes = t.ik_codes
    stated = defaultdict(list)
    for row in t.side_rows("ik_target"):
        if row.get("ik") in codes:
            stated[row["ik"]].append((row["sumber"], row["baris"], row.get("target", {})))
    for code, sources in sorted(stated.items()):
        for y in t.years:
            values = {(s, b): _num(tg.get(y)) for s, b, tg in sources}
            present = {k: v for k, v in values.items() if v is not None}
            if len(set(present.values())) > 1:
                ordered = sorted(present.items())
                yield finding(target_conflict, f"IK:{code}", year=y,
                              targets=[{"sumber": s, "baris": b, "target": v} for (s, b), v in ordered],
                              render={lang_key: ", ".join(f"{s} (baris {b}): {fmt.plain(v, lang)}"
                                                          for (s, b), v in ordered)
                                      for lang_key, lang in (("listing_id", "id"), ("listing_en", "en"))})


def _num(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
