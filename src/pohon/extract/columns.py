"""The columns the extractor writes, in data/'s order: read from the one schema (pohon.schema) for the BSKJI
Renstra period and the Lampiran IV unit types, so the extractor cannot write a format the loader does not read."""
from __future__ import annotations

from pohon.extract.lampiran4 import UNIT_COLUMNS
from pohon.extract.teks import YEARS
from pohon.schema import BY_NAME


def columns(table: str) -> list[str]:
    return BY_NAME[table].header(tuple(int(y) for y in YEARS), UNIT_COLUMNS)
