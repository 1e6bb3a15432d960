"""Kept for callers written before pohon.output (the writer contract): `write_atomic(path, text)`."""
from __future__ import annotations

from pathlib import Path


def write_atomic(path: str | Path, text: str) -> None:
    """= pohon.output.write_file(path, text): atomic, refuses read-only files and missing folders."""
    from pohon.output import write_file

    write_file(path, text)
