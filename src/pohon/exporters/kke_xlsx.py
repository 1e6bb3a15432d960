"""The KKE sheets (pohon.kke) as an Excel workbook an evaluator finishes by hand.

Answer cells hold Y/T/K with a drop-down (data validation) on every one of them; cells pohon leaves to a
person are blank and shaded. The Ringkasan sheet scores each sheet with live formulas over its answer cells
(Y 1, K 0.5, T 0, blanks not counted), so changing a cell changes the score.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from pohon.kke import WEIGHTS, Sheet
from pohon.words import words

OPEN = PatternFill("solid", fgColor="FFF2CC")  # a cell for the evaluator
HEAD = PatternFill("solid", fgColor="DDEBF7")


def answer_range(sheet: Sheet) -> str:
    """The cells of a sheet's answers, as `'KKE-1 SMART-C'!F2:K100` (the Ringkasan formulas read them)."""
    first = len(sheet.columns) + 1
    last = first + len(sheet.answer_columns) - 1
    rows = max(len(sheet.rows), 1) + 1
    return f"{quote_sheetname(sheet.name)}!{get_column_letter(first)}2:{get_column_letter(last)}{rows}"


def score_formula(sheet: Sheet) -> str:
    r = answer_range(sheet)
    answered = f'(COUNTIF({r},"Y")+COUNTIF({r},"K")+COUNTIF({r},"T"))'
    return f'=IF({answered}=0,"",(COUNTIF({r},"Y")+0.5*COUNTIF({r},"K"))/{answered})'


def to_xlsx(sheets: list[Sheet], dataset: str, lang: str = "id") -> bytes:
    w = words("kke-workbook", lang)
    wb = Workbook()
    summary = wb.active
    summary.title = w["summary"]
    for sheet in sheets:
        _write_sheet(wb.create_sheet(sheet.name), sheet, w)
    summary.append([dataset])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([w["note"]])
    summary.append([])
    summary.append([w["sheet"], w["score"], w["answered"], w["open"]])
    for c in summary[4]:
        c.font, c.fill = Font(bold=True), HEAD
    for i, sheet in enumerate(sheets, start=5):
        r = answer_range(sheet)
        summary.append([sheet.name, score_formula(sheet),
                        f'=COUNTIF({r},"Y")+COUNTIF({r},"K")+COUNTIF({r},"T")', f"=COUNTBLANK({r})"])
        summary.cell(i, 2).number_format = "0.00%"
    summary.append([])
    summary.append([w["component"], w["weight"]])
    head = summary.max_row
    for c in summary[head]:
        c.font, c.fill = Font(bold=True), HEAD
    for name, weight in WEIGHTS:
        summary.append([name, weight])
    for col, width in zip("ABCD", (42, 26, 16, 22)):
        summary.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _write_sheet(ws, sheet: Sheet, w: dict) -> None:
    ws.append([*sheet.columns, *sheet.answer_columns, w["evidence"]])
    for c in ws[1]:
        c.font, c.fill = Font(bold=True), HEAD
        c.alignment = Alignment(wrap_text=True, vertical="top")
    first = len(sheet.columns) + 1
    for r, row in enumerate(sheet.rows, start=2):  # (ws.max_row walks every cell: not per row)
        ws.append([*(row.cells[c] for c in sheet.columns), *(row.answers[c] for c in sheet.answer_columns),
                   "\n".join(row.evidence)])
        for j, c in enumerate(sheet.answer_columns):
            cell = ws.cell(r, first + j)
            cell.alignment = Alignment(horizontal="center", vertical="top")
            if row.answers[c] is None:
                cell.fill = OPEN
        for j, c in enumerate(sheet.columns, start=1):
            cell = ws.cell(r, j)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(row.cells[c], float):
                cell.number_format = "#,##0.00"
        ws.cell(r, first + len(sheet.answer_columns)).alignment = Alignment(wrap_text=True, vertical="top")
    dv = DataValidation(type="list", formula1='"Y,T,K"', allow_blank=True, showErrorMessage=True,
                        errorTitle="Y/T/K", error="Y (ya), T (tidak) atau K (sebagian)")
    dv.add(answer_range(sheet).split("!", 1)[1])
    ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    last = get_column_letter(first + len(sheet.answer_columns))
    ws.auto_filter.ref = f"A1:{last}{ws.max_row}"
    widths = {"nama": 60, "induk": 28, "indikator": 18, "kode": 20}
    for j, c in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(c, 14)
    for j in range(len(sheet.answer_columns)):
        ws.column_dimensions[get_column_letter(first + j)].width = 9 if len(sheet.answer_columns) > 2 else 16
    ws.column_dimensions[last].width = 80
