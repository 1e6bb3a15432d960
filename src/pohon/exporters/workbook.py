"""Any cascade as one .xlsx workbook in the data/ format: one sheet per table, the same columns, numbers as
numbers (Rp juta with two decimals shown), marks `o`, flags 1/0, text targets as text; frozen headers,
filters, column widths. pohon reads such a workbook back as it reads data/ (pohon.load.workbook)."""
from __future__ import annotations

import io

from pohon.dataset import Dataset, written_rows
from pohon.schema import TABLES, Years


def to_xlsx(ds: Dataset) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for table in TABLES:
        header, rows = written_rows(ds, table)
        ws = wb.create_sheet(table.name)
        ws.append(header)
        for c in ws[1]:
            c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        for i, values in enumerate(rows, start=2):
            ws.append(values)
            for j, v in enumerate(values, start=1):
                if isinstance(v, str) and v.startswith("="):
                    ws.cell(i, j).data_type = "s"  # text that looks like a formula stays text
        money = {c.column(y) for c in table.columns if isinstance(c, Years) and c.kind == "money" for y in ds.years}
        for j, n in enumerate(header, start=1):
            if n in money:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = "0.00"
            ws.column_dimensions[get_column_letter(j)].width = 48 if n in ("nama", "indikator") else 14
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
