"""Any cascade (a folder or a workbook) as the data/ CSV files, written the way `pohon extract` writes them
(pohon.extract.source.csv_text: fixed column order, `\\n` line ends, numbers without trailing zeros), so the
BSKJI workbook exported back gives data/'s bytes."""
from __future__ import annotations

from pohon.dataset import Dataset, written_rows
from pohon.extract.source import csv_text
from pohon.schema import TABLES


def to_csv_files(ds: Dataset) -> dict[str, str]:
    out = {}
    for table in TABLES:
        header, rows = written_rows(ds, table)
        out[table.file] = csv_text(header, [dict(zip(header, row)) for row in rows])
    return out
