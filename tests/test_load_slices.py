"""A large file is read a slice of records at a time (pohon.load.csvparse.CHUNK_BYTES): the tables and the
errors must be exactly those of reading it in one piece, wherever the slices end."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pohon.errors import LoadError
from pohon.load import csvparse, load_dataset
from pohon.synth import synthesize

ROOT = Path(__file__).resolve().parents[1]


def _outcome(folder: Path):
    try:
        return load_dataset(folder), None
    except LoadError as err:
        return None, [str(e) for e in err.errors]


def _same_in_slices(folder: Path, monkeypatch) -> None:
    whole = _outcome(folder)
    for size in (1, 200, 4096):
        monkeypatch.setattr(csvparse, "CHUNK_BYTES", size)
        assert _outcome(folder) == whole, f"slices of {size} bytes"
    monkeypatch.undo()


@pytest.fixture(scope="module")
def cascade(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slices") / "synth"
    synthesize(folder, 1, seed=3)
    return folder


def test_data_reads_the_same_in_slices(monkeypatch):
    _same_in_slices(ROOT / "data", monkeypatch)


def test_a_synthetic_cascade_reads_the_same_in_slices(cascade, monkeypatch):
    _same_in_slices(cascade, monkeypatch)


def _edit(src: Path, dst: Path, file: str, edit) -> Path:
    shutil.copytree(src, dst)
    lines = (dst / file).read_text(encoding="utf-8").split("\n")
    (dst / file).write_text("\n".join(edit(lines)), encoding="utf-8")
    return dst


def _cells(lines: list[str]) -> list[str]:
    """Cells that do not read, rare number styles, a negative amount, an unknown IKK and blank lines, spread
    over the file, and two rows again at its end (duplicate keys)."""
    out = [lines[0]]
    for i, line in enumerate(lines[1:], start=1):
        f = line.split(",")
        if len(f) == 10 and '"' not in line:
            if i % 97 == 5:
                f[8] = "x"  # bintang
            if i % 89 == 7:
                f[4] = '"1,234.5"'  # grouped thousands: read by pohon.numbers
            if i % 83 == 2:
                f[5] = "-5"
            if i % 113 == 11:
                f[1] = "NOPE"
            if i % 79 == 4:
                f[9] = " +12"  # a rare baris
        out.append(",".join(f) + ("\n" if i % 101 == 3 else ""))
    return out + lines[1:3]


BROKEN = {
    "cells": _cells,
    # a row with too many fields late in the file: polars refuses that slice, the tokenizer reads the file
    "ragged": lambda ls: ls[:-3] + [ls[-3] + ",extra"] + ls[-2:],
    # a quoted cell holding a newline: read in one piece, lines shifted after it
    "quoted-newline": lambda ls: [ls[0], ls[1].replace(",", ',"two\nlines",', 1).replace(",", "", 1)] + ls[2:],
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_komponen_reads_the_same_in_slices(cascade, tmp_path, monkeypatch, case):
    folder = _edit(cascade, tmp_path / "c", "komponen.csv", BROKEN[case])
    ds, errors = _outcome(folder)
    if case != "quoted-newline":
        assert errors, "the edit must break the file"
    _same_in_slices(folder, monkeypatch)
