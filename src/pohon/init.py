"""`pohon init`: start a new cascade from the data/ templates (one example row per file) and a short guide."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from pohon.errors import PohonError
from pohon.output import write_folder
from pohon.words import say

TEMPLATES = ("units.csv", "tabel10.csv", "tujuan.csv", "sp.csv", "cascading.csv", "ik_target.csv",
             "pedoman.csv", "sk.csv", "ikk.csv", "komponen.csv", "overrides.csv", "PANDUAN.md")


class InitExistsError(PohonError):
    """`pohon init` would overwrite files; `existing` lists them. Nothing was written."""

    code = "exists"

    def __init__(self, existing: list[Path]):
        self.existing = existing
        super().__init__(", ".join(map(str, existing)))

    def lines(self, lang: str = "id") -> list[str]:
        names = ", ".join(str(p) for p in self.existing[:3]) + (f" (+{len(self.existing) - 3})"
                                                                 if len(self.existing) > 3 else "")
        where = self.existing[0].parent if self.existing else "pohon init"
        return [f"{where}: exists: " + say("cli", "exists", lang, names=names)]


def template(name: str) -> str:
    return resources.files("pohon").joinpath("templates", name).read_text(encoding="utf-8")


WORKBOOK = "pohon.xlsx"


def workbook_bytes() -> bytes:
    """The templates as one workbook: a sheet per table with its example row, a PANDUAN sheet, drop-downs
    (unit codes from the units sheet, `o` for marks, 0/1 for bintang), numbers only in the money columns."""
    import tempfile

    from openpyxl import load_workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    from pohon.exporters.workbook import to_xlsx
    from pohon.load import load_dataset

    with tempfile.TemporaryDirectory() as tmp:
        for name in TEMPLATES:
            (Path(tmp) / name).write_text(template(name), encoding="utf-8")
        ds = load_dataset(tmp)
        data = to_xlsx(ds)
    import io

    wb = load_workbook(io.BytesIO(data))
    rows = 500  # validation reaches this far down each sheet
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        for j, name in enumerate(header, start=1):
            col = ws.cell(1, j).column_letter
            rng = f"{col}2:{col}{rows}"
            if name == "unit" and ws.title != "units":
                dv = DataValidation(type="list", formula1=f"units!$A$2:$A${rows}", allow_blank=True)
            elif name in ds.unit_types:
                dv = DataValidation(type="list", formula1='"o"', allow_blank=True)
            elif name == "bintang":
                dv = DataValidation(type="list", formula1='"0,1"', allow_blank=True)
            elif name.startswith(("anggaran_", "pagu_")):
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            else:
                continue
            dv.error, dv.showErrorMessage = "lihat PANDUAN / see PANDUAN", True
            dv.add(rng)
            ws.add_data_validation(dv)
    guide = wb.create_sheet("PANDUAN", 0)
    for line in template("PANDUAN.md").splitlines():
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def init_workbook(folder: str | Path, force: bool = False) -> Path:
    """Write pohon.xlsx (the templates as one workbook) into `folder`; refuses to overwrite without force."""
    root = Path(folder)
    target = root / WORKBOOK
    if target.exists() and not force:
        raise InitExistsError([target])
    write_folder(root, {WORKBOOK: workbook_bytes()}, force=True)
    return target


def init_cascade(folder: str | Path, force: bool = False) -> list[Path]:
    """Write the templates into `folder` (created if missing, its parent must exist). Without `force` it
    refuses, writing nothing, if any template file exists; with `force` it replaces them."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InitExistsError([root])
    targets = [root / name for name in TEMPLATES]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise InitExistsError(existing)
    write_folder(root, {name: template(name) for name in TEMPLATES}, force=True)
    return targets
