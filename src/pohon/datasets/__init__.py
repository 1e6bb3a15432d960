"""Cascades that ship inside the package, so `pohon check` works from any folder after `pip install pohon`.

`bskji` is the BSKJI Renstra 2021–2024 (revisi) of data/: in a checkout `datasets/bskji` is a link to data/,
in a wheel the files themselves.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = "bskji"


def path(name: str = DEFAULT) -> Path:
    """The folder of a bundled cascade. Raises KeyError for a name that does not ship."""
    folder = HERE / name
    if not (folder / "units.csv").is_file():
        raise KeyError(name)
    return folder


def names() -> list[str]:
    """The bundled cascades, sorted."""
    return sorted(p.name for p in HERE.iterdir() if (p / "units.csv").is_file())
