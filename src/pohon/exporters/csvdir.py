"""Any cascade (a folder or a workbook) as the data/ CSV files, written the way `pohon extract` writes them
(pohon.extract.source.csv_text: fixed column order, `\\n` line ends, numbers without trailing zeros), so the
BSKJI workbook exported back gives data/'s bytes."""
from __future__ import annotations

from pohon.dataset import Dataset
from pohon.extract.source import csv_text
from pohon.schema import TABLES, Years


def to_csv_files(ds: Dataset) -> dict[str, str]:
    out = {}
    for table in TABLES:
        frame = ds.tables[table.name]
        header = table.header(ds.years, ds.unit_types if table.marks else ())
        kinds = {}
        for c in table.columns:
            if isinstance(c, Years):
                kinds.update({n: c.kind for n in header if n.startswith(c.prefix + "_")})
            elif isinstance(getattr(c, "kind", None), str):
                kinds[c.name] = c.kind
        kinds.update({t: "mark" for t in ds.unit_types if t in header})
        columns = {n: frame[n].to_list() for n in header}
        texts = {n: frame[f"{n}_text"].to_list() for n in header if f"{n}_text" in frame.columns}
        rows = []
        for i in range(frame.height):
            row = {}
            for n in header:
                v, kind = columns[n][i], kinds.get(n, "text")
                if kind == "mark":
                    v = "o" if v else None
                elif kind == "flag":
                    v = 1 if v else 0
                elif kind == "target" and v is None:
                    v = texts[n][i] if n in texts else None
                row[n] = v
            rows.append(row)
        out[table.file] = csv_text(header, rows)
    return out
