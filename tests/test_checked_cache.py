"""`pohon trace` reads a folder's checked cascade (pohon.load.checked) only while every file is as it was when
it loaded without errors; any change, a load error or a broken entry means the folder is loaded and validated
again, and the trace is the same as from a fresh load."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pohon.errors import LoadError
from pohon.load import checked, load_dataset
from pohon.synth import synthesize
from pohon.trace import trace_dataset, trace_folder


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("POHON_CACHE", str(root))
    return root


@pytest.fixture(scope="module")
def cascade(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("checked") / "synth"
    synthesize(folder, 2, seed=5)
    return folder


def _fresh(folder: Path, query: str) -> dict:
    return trace_dataset(load_dataset(folder), query).as_dict()


def _queries(folder: Path) -> list[str]:
    komponen = load_dataset(folder).tables["komponen"].row(7, named=True)
    unit, ikk = komponen["unit"], komponen["ikk"]
    return [unit, f"{unit}:{ikk}", f"{unit}:{ikk}:{komponen['komponen']}", "T1/SP1/a", "SP1", unit.lower()]


def test_a_second_trace_reads_the_checked_cascade_and_says_the_same(cascade, cache):
    for query in _queries(cascade):
        first = trace_folder(cascade, query).as_dict()
        assert checked.open_checked(cascade) is not None
        assert trace_folder(cascade, query).as_dict() == first == _fresh(cascade, query)


def test_a_changed_file_is_read_again(cascade, cache, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(cascade, folder)
    query = _queries(folder)[2]
    trace_folder(folder, query)
    text = (folder / "komponen.csv").read_text(encoding="utf-8")
    lines = text.split("\n")
    cells = lines[8].split(",")
    cells[4] = "4321.5"
    lines[8] = ",".join(cells)
    (folder / "komponen.csv").write_text("\n".join(lines), encoding="utf-8")
    assert checked.open_checked(folder) is None
    assert trace_folder(folder, query).as_dict() == _fresh(folder, query)
    assert "4321.5" in str(trace_folder(folder, query).as_dict())


def test_a_load_error_after_a_clean_load_is_reported(cascade, cache, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(cascade, folder)
    query = _queries(folder)[0]
    trace_folder(folder, query)
    with open(folder / "komponen.csv", "a", encoding="utf-8") as fh:
        fh.write("NOPE,SK.1.1,Z,x,1,1,1,1,0,1\n")
    with pytest.raises(LoadError):
        trace_folder(folder, query)


def test_a_broken_entry_is_a_miss(cascade, cache):
    query = _queries(cascade)[1]
    trace_folder(cascade, query)
    entry = checked.open_checked(cascade).entry
    (entry / "komponen.parquet").write_bytes(b"not parquet")
    assert trace_folder(cascade, query).as_dict() == _fresh(cascade, query)


def test_off_keeps_nothing(cascade, tmp_path, monkeypatch):
    monkeypatch.setenv("POHON_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    trace_folder(cascade, _queries(cascade)[0])
    assert checked.open_checked(cascade) is None and not (tmp_path / "xdg").exists()


def test_at_most_keep_entries(cascade, cache, tmp_path):
    for i in range(checked.KEEP + 2):
        folder = tmp_path / f"c{i}"
        shutil.copytree(cascade, folder)
        trace_folder(folder, _queries(folder)[0])
    assert len([p for p in cache.iterdir()]) == checked.KEEP


def test_a_file_written_during_the_load_is_not_kept_as_checked(cascade, cache, tmp_path, monkeypatch):
    import pohon.load

    folder = tmp_path / "c"
    shutil.copytree(cascade, folder)
    query = _queries(folder)[0]
    real = pohon.load.load_dataset

    def load_then_write(path):
        ds = real(path)
        with open(folder / "komponen.csv", "a", encoding="utf-8") as fh:
            fh.write("NOPE,SK.1.1,Z,x,1,1,1,1,0,1\n")
        return ds

    monkeypatch.setattr(pohon.load, "load_dataset", load_then_write)
    trace_folder(folder, query)
    monkeypatch.setattr(pohon.load, "load_dataset", real)
    assert checked.open_checked(folder) is None
    with pytest.raises(LoadError):
        trace_folder(folder, query)
