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
    """The templates as one workbook (pohon.exporters.workbook): a PANDUAN sheet, a sheet per table with its
    example row, drop-downs, locked headers."""
    import tempfile

    from pohon.exporters.workbook import to_xlsx
    from pohon.load import load_dataset

    with tempfile.TemporaryDirectory() as tmp:
        for name in TEMPLATES:
            (Path(tmp) / name).write_text(template(name), encoding="utf-8")
        return to_xlsx(load_dataset(tmp))


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
