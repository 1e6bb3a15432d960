"""Transparent word lists the indicator-quality rules decide with, kept as data (output_words.csv).

output_words.csv: one regular expression a row (`pattern`, matched against the normalised text: lower case,
every run of other characters one space; see pohon.checks.tables.normalised), the `field` it reads
(`indikator`: the indicator's wording, `satuan`: its unit of measure), its `kind` (`output`: the wording
counts what the unit produces or does; `outcome`: the wording names a change for the beneficiaries, which
outweighs any output word; `count`: a count of the unit's own outputs that no outcome word outweighs, because
an outcome word beside it only qualifies what is counted — "jumlah hasil layanan … yang digunakan") and the
`reason` in both languages.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


KINDS = ("output", "outcome", "count")
FIRING = ("output", "count")  # the kinds that report words


@dataclass(frozen=True)
class Entry:
    pattern: str
    field: str
    kind: str
    reason_id: str
    reason_en: str


@lru_cache(maxsize=None)
def output_words() -> tuple[Entry, ...]:
    text = resources.files(__package__).joinpath("output_words.csv").read_text(encoding="utf-8")
    entries = tuple(Entry(**row) for row in csv.DictReader(text.splitlines()))
    for e in entries:
        if e.field not in ("indikator", "satuan") or e.kind not in KINDS:
            raise ValueError(f"output_words.csv: bad field/kind in {e}")
        re.compile(e.pattern)
    return entries


def normalise(text: str | None) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).split())


def output_wording(indikator: str | None, satuan: str | None = None) -> list[tuple[str, Entry]]:
    """(matched words, entry) for every output or count entry the wording matches; [] when none does, or when
    an outcome entry matches and no count entry does. The plain-Python reading of the lexicon (the rule reads
    it with polars)."""
    fields = {"indikator": normalise(indikator), "satuan": normalise(satuan)}
    outcome = any(re.search(e.pattern, fields[e.field]) for e in output_words() if e.kind == "outcome")
    counted = any(re.search(e.pattern, fields[e.field]) for e in output_words() if e.kind == "count")
    if outcome and not counted:
        return []
    out = []
    for e in output_words():
        if e.kind in FIRING:
            found = [m.group(0) for m in re.finditer(e.pattern, fields[e.field])]
            if found:
                out.append((", ".join(found), e))
    return out
