"""Checked cascades kept on disk, so a view of a few rows need not read and validate every file again.

pohon does not show numbers from a cascade it has not checked. After `load_dataset` has read a folder
without a single error, `store` keeps its typed tables (Parquet, one file per table, row groups with
min/max statistics) under a key made of every data/ file's identity (size, modification and change time
in nanoseconds, inode: any write to a file changes it) and of the loader's own source. `open_checked`
finds the entry only while every file is exactly as it was when it loaded clean; then a query reads only
the row groups holding the rows it asks for (predicate pushdown on `unit`). Anything unexpected (no
entry, a changed file, an unreadable cache) is a miss: the caller loads and validates the folder as
always.

Beside the tables an entry may hold the findings of `run_checks` on them (pohon.load.checked_findings),
under a digest of the checks' own source: a changed rule is a miss, and the findings are worked out again.
`checked_view` gives a view both.

Where: `POHON_CACHE` (a folder; `off` turns the cache off), else `$XDG_CACHE_HOME/pohon/checked`
(`~/.cache/pohon/checked`). One entry per data folder, at most KEEP in all; storing one removes the
folder's older entries and the least recent beyond KEEP.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from pohon.schema import TABLES

KEEP = 8  # entries kept (the most recently stored)
BIG = ("sk", "ikk", "komponen")  # the tables read by unit; the others are small and read whole
_SOURCES = ("load/__init__.py", "load/cells.py", "load/csvparse.py", "load/integrity.py", "load/table.py",
            "schema.py", "dataset.py", "load/checked.py")


def cache_root() -> Path | None:
    setting = os.environ.get("POHON_CACHE")
    if setting:
        return None if setting.lower() == "off" else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pohon" / "checked"


def _entry(folder: Path) -> Path | None:
    """The entry for `folder` as its files are now; None when there can be none (no cache, no folder)."""
    root = cache_root()
    if root is None:
        return None
    try:
        folder = folder.resolve()
        if not folder.is_dir():
            return None
        ident = [str(folder)]
        for table in TABLES:
            try:
                st = os.stat(folder / table.file)
                ident.append(f"{table.file}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")
            except FileNotFoundError:
                ident.append(f"{table.file}:-")
        ident.append(_loader_digest())
    except OSError:
        return None
    where = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    what = hashlib.sha256("\n".join(ident).encode()).hexdigest()[:16]
    return root / f"{where}-{what}"


_DIGEST: list[str] = []


def _loader_digest() -> str:
    if not _DIGEST:
        here = Path(__file__).resolve().parent.parent
        h = hashlib.sha256()
        for name in _SOURCES:
            h.update((here / name).read_bytes())
        _DIGEST.append(h.hexdigest())
    return _DIGEST[0]


def entry_for(folder: Path) -> Path | None:
    """Where the checked cascade of `folder`, as its files are now, is kept: take it BEFORE loading, so that a
    file written during the load makes the entry one no later lookup finds."""
    return _entry(Path(folder))


def store(entry: Path | None, ds) -> None:
    """Keep `ds` at `entry` (entry_for(folder) taken before `load_dataset(folder)` returned `ds` without
    errors). Never raises: a cache that cannot be written is only a slower next view."""
    if entry is None or entry.exists():
        return
    tmp = entry.with_name(f"{entry.name}.tmp-{os.getpid()}")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, frame in ds.tables.items():
            frame.write_parquet(tmp / f"{name}.parquet", compression="lz4", statistics=True,
                                row_group_size=16384)
        meta = {"name": ds.name, "years": list(ds.years), "unit_types": list(ds.unit_types),
                "tables": list(ds.tables)}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        os.rename(tmp, entry)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return
    entries = sorted((p for p in entry.parent.iterdir() if ".tmp-" not in p.name and p != entry),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for i, old in enumerate(entries):  # the folder's older entries, and beyond KEEP the least recent
        if old.name.split("-")[0] == entry.name.split("-")[0] or i + 1 >= KEEP:
            shutil.rmtree(old, ignore_errors=True)


class Checked:
    """A stored checked cascade of a folder whose files are unchanged."""

    def __init__(self, entry: Path, folder: Path):
        self.entry, self.folder = entry, folder
        self.meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))

    def _read(self, name: str, units: tuple[str, ...] | None = None):
        import polars as pl

        scan = pl.scan_parquet(self.entry / f"{name}.parquet")
        if units is not None:
            scan = scan.filter(pl.col("unit").is_in(pl.lit(pl.Series(list(units), dtype=pl.String)).implode()))
        return scan.collect()

    def findings(self) -> list | None:
        """The findings kept with these tables by `keep_findings` under today's checks; None when there are
        none or they cannot be read (a miss, never an answer)."""
        from pohon.load.checked_findings import read_findings

        return read_findings(self.entry)

    def keep_findings(self, findings) -> None:
        from pohon.load.checked_findings import store_findings

        store_findings(self.entry, findings)

    def columns(self, name: str, columns: list[str]):
        """Some columns of a whole table."""
        import polars as pl

        return pl.scan_parquet(self.entry / f"{name}.parquet").select(columns).collect()

    def dataset(self, units: tuple[str, ...] | None = None):
        """The Dataset; with `units`, the big tables hold only those units' rows."""
        from pohon.dataset import Dataset

        m = self.meta
        tables = {name: self._read(name, units if name in BIG else None) for name in m["tables"]}
        return Dataset(name=m["name"], years=tuple(m["years"]), tables=tables, unit_types=tuple(m["unit_types"]),
                       source=self.folder)


def open_checked(folder: Path) -> Checked | None:
    entry = _entry(Path(folder))
    try:
        return Checked(entry, Path(folder)) if entry is not None and entry.is_dir() else None
    except (OSError, ValueError):
        return None


def checked_view(folder: Path, units: tuple[str, ...]):
    """(Dataset, findings) for a view of `units`: the Dataset holds at least those units' rows (all of them
    when the folder had to be read), the findings are `run_checks` of the whole folder. From the checked
    cascade and its kept findings when the folder is unchanged; otherwise the folder is loaded and validated
    (raising LoadError), checked, and kept with its findings for the next view."""
    from pohon.checks import run_checks
    from pohon.load.checked_findings import store_findings

    folder = Path(folder)
    cached = open_checked(folder)
    if cached is not None:
        try:
            findings = cached.findings()
            if findings is not None:
                return cached.dataset(tuple(units)), findings
            ds = cached.dataset()  # checked already: the tables without the CSV parse and validation
        except Exception:  # noqa: BLE001 - an unreadable cache entry is a miss, never an answer
            ds = None
        if ds is not None:
            findings = run_checks(ds)
            cached.keep_findings(findings)
            return ds, findings
    entry, ds = load_and_keep(folder)
    findings = run_checks(ds)
    store_findings(entry, findings)
    return ds, findings


def load_and_keep(folder: Path):
    """(entry, Dataset): the folder loaded and validated (raising LoadError) and kept checked for the next
    view; entry None when nothing could be kept (no cache, a workbook)."""
    from pohon.load import load_dataset

    entry = entry_for(folder)
    ds = load_dataset(folder)
    store(entry, ds)
    return entry, ds


def checked_dataset(folder: Path, units: tuple[str, ...] | None = None):
    """The Dataset of a view of `units` (None: every unit): at least those units' rows, from the checked
    cascade when the folder is unchanged since it loaded clean, else the folder loaded, validated (raising
    LoadError) and kept."""
    cached = open_checked(Path(folder))
    if cached is not None:
        try:
            return cached.dataset(tuple(units) if units is not None else None)
        except Exception:  # noqa: BLE001 - an unreadable cache entry is a miss, never an answer
            pass
    return load_and_keep(Path(folder))[1]
