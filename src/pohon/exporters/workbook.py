"""Any cascade as one .xlsx workbook in the data/ format: one sheet per table, the same columns, numbers as
numbers (Rp juta with two decimals shown), marks `o`, flags 1/0, text targets as text; frozen headers,
filters, column widths. pohon reads such a workbook back as it reads data/ (pohon.load.workbook)."""
from __future__ import annotations

import io

from pohon.dataset import Dataset
from pohon.schema import TABLES, Years


def to_xlsx(ds: Dataset) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        frame = ds.tables[table.name]
        header = table.header(ds.years, ds.unit_types if table.marks else ())
        ws = wb.create_sheet(table.name)
        ws.append(header)
        for c in ws[1]:
            c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        kinds = _kinds(table, header, ds.unit_types)
        columns = [frame[n].to_list() for n in header]
        texts = {n: frame[f"{n}_text"].to_list() for n in header if f"{n}_text" in frame.columns}
        for i in range(frame.height):
            values = [_cell(kinds.get(n, "text"), columns[j][i], texts[n][i] if n in texts else None)
                      for j, n in enumerate(header)]
            ws.append(values)
            for j, v in enumerate(values, start=1):
                if isinstance(v, str) and v.startswith("="):
                    ws.cell(i + 2, j).data_type = "s"  # text that looks like a formula stays text
        for j, n in enumerate(header, start=1):
            if kinds[n] == "money":
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = "0.00"
            ws.column_dimensions[get_column_letter(j)].width = 48 if n in ("nama", "indikator") else 14
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _kinds(table, header, unit_types) -> dict[str, str]:
    out = {}
    for c in table.columns:
        if isinstance(c, Years):
            out.update({n: c.kind for n in header if n.startswith(c.prefix + "_")})
        elif isinstance(getattr(c, "kind", None), str):
            out[c.name] = c.kind
    out.update({t: "mark" for t in unit_types if t in header})
    return out


def _cell(kind: str, value, text):
    if kind == "mark":
        return "o" if value else None
    if kind == "flag":
        return 1 if value else 0
    if kind == "target" and value is None:
        return text or None
    if value is None or value == "":
        return None
    return value
