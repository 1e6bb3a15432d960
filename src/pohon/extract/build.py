"""Rebuild every data/ file from the source text: `extract_all`, then overrides, then `write_all`."""
from __future__ import annotations

from pathlib import Path

from pohon.extract.errors import ExtractError
from pohon.extract.columns import columns
from pohon.extract.lampiran2 import parse_lampiran2
from pohon.extract.lampiran2_resolve import resolve
from pohon.extract.source import csv_text, read_lines
from pohon.output import write_folder

Files = dict[str, tuple[list[str], list[dict]]]


def extract_all(source_path: str | Path) -> Files:
    """Every data/ file (name -> (columns, rows)) as the extractor reads the source, before overrides."""
    from pohon.extract.ikmap import assign_ik
    from pohon.extract.tables import COLUMNS, extract_tables

    source = str(source_path)
    try:
        lines = read_lines(source_path)
    except OSError as exc:
        raise ExtractError(source, 0, 0, "IO", exc.strerror or str(exc)) from exc
    parsed = parse_lampiran2(lines, source)
    resolve(parsed)
    try:
        tables = extract_tables(lines)
    except ValueError as exc:
        raise ExtractError(source, 0, 0, "TABLE", str(exc)) from exc
    files: Files = {f"{name}.csv": (list(COLUMNS[name]), rows) for name, rows in tables.items()}
    files["units.csv"] = (columns("units"), parsed.units)
    files["sk.csv"] = (columns("sk"), [_with_sp(row, tables["sp"]) for row in parsed.sk])
    files["ikk.csv"] = (columns("ikk"), _with_ik(parsed, tables, assign_ik))
    files["komponen.csv"] = (columns("komponen"), parsed.komponen)
    return dict(sorted(files.items()))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _with_sp(row: dict, sps: list[dict]) -> dict:
    """The SP whose name the SK carries: equal up to case and spacing, else (a typo such as
    `Professional`, `Tercapaianya`) the one SP within two letters of it; blank when none or several."""
    name = _norm(row["nama"])
    matches = [sp["kode"] for sp in sps if _norm(sp["nama"]) == name]
    if not matches:
        matches = [sp["kode"] for sp in sps if _distance(_norm(sp["nama"]), name) <= 2]
    return {**row, "sp": matches[0] if len(matches) == 1 else None}


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _with_ik(parsed, tables: dict, assign_ik) -> list[dict]:
    units = {row["kode"]: row for row in parsed.units}
    sks = {(row["unit"], row["sk"]): row for row in parsed.sk}
    rows = []
    for row in parsed.ikk:
        ik, catatan = assign_ik(units[row["unit"]], sks[(row["unit"], row["sk"])], row, tables)
        written = parsed.renumbered.get((row["unit"], row["ikk"]))
        if written:
            note = f"nomor ditulis {written} di dokumen (ganda dalam unit ini), dibaca {row['ikk']}"
            catatan = f"{note}; {catatan}" if catatan else note
        rows.append({**row, "ik": ik or None, "catatan": catatan or None})
    return rows


def write_all(files: Files, out_dir: str | Path, inputs: list = (), force: bool = True) -> None:
    """Write every file into `out_dir` under the writer contract (pohon.output): all or nothing."""
    write_folder(out_dir, {name: csv_text(columns, rows) for name, (columns, rows) in files.items()}, inputs, force)
