"""`pohon init`: start a new cascade from the data/ templates (one example row per file) and a short guide."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from pohon.errors import PohonError

TEMPLATES = ("units.csv", "tabel10.csv", "tujuan.csv", "sp.csv", "cascading.csv", "ik_target.csv",
             "pedoman.csv", "sk.csv", "ikk.csv", "komponen.csv", "overrides.csv", "PANDUAN.md")


class InitExistsError(PohonError):
    """`pohon init` would overwrite files; `existing` lists them. Nothing was written."""

    def __init__(self, existing: list[Path]):
        self.existing = existing
        super().__init__(", ".join(map(str, existing)))


def template(name: str) -> str:
    return resources.files("pohon").joinpath("templates", name).read_text(encoding="utf-8")


def init_cascade(folder: str | Path) -> list[Path]:
    """Write the templates into `folder` (created if missing). Refuses, writing nothing, if any exists."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InitExistsError([root])
    targets = [root / name for name in TEMPLATES]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise InitExistsError(existing)
    root.mkdir(parents=True, exist_ok=True)
    for name, path in zip(TEMPLATES, targets):
        with path.open("x", encoding="utf-8", newline="") as f:  # "x": never overwrite, even in a race
            f.write(template(name))
    return targets
