"""The committed data/ is exactly what `pohon extract` makes of the source plus data/overrides.csv."""
from __future__ import annotations

from pathlib import Path

import pytest

from pohon.extract.build import extract_all, write_all
from pohon.extract.errors import ExtractError
from pohon.extract.overrides import apply_overrides, read_overrides
from pohon.extract.source import csv_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "seed" / "000_ac569454753712dc.txt"


@pytest.fixture(scope="module")
def files():
    built = extract_all(SOURCE)
    apply_overrides(built, read_overrides(DATA / "overrides.csv"))
    return built


def test_every_data_file_is_produced(files):
    committed = {p.name for p in DATA.glob("*.csv")} - {"overrides.csv"}
    assert sorted(files) == sorted(committed)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.csv") if p.name != "overrides.csv"))
def test_committed_file_equals_extractor(files, name):
    columns, rows = files[name]
    assert (DATA / name).read_text(encoding="utf-8") == csv_text(columns, rows)


def test_write_all_writes_the_same_bytes(files, tmp_path):
    write_all(files, tmp_path)
    for name in files:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)


def test_stale_override_is_an_error(files, tmp_path):
    path = tmp_path / "overrides.csv"
    path.write_text("file,key,column,value,reason,baris\n"
                    "komponen.csv,P4SI|SK.9.9|A,nama,x,typo,1\n", encoding="utf-8")
    with pytest.raises(ExtractError) as err:
        apply_overrides(files, read_overrides(path))
    assert (err.value.line, err.value.code) == (2, "OVR-STALE")
    path.write_text("file,key,column,value,reason,baris\n"
                    "komponen.csv,P4SI|SK.1.1|A,anggaran_2021,1851.36,same,3240\n", encoding="utf-8")
    with pytest.raises(ExtractError):
        apply_overrides(files, read_overrides(path))


def test_cli_extract_writes_data_and_reports_errors(tmp_path):
    from click.testing import CliRunner

    from pohon.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(SOURCE), "--out", str(tmp_path),
                                  "--overrides", str(DATA / "overrides.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "komponen.csv").read_bytes() == (DATA / "komponen.csv").read_bytes()
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 2
    assert "Traceback" not in missing.output
    assert f"{tmp_path / 'nope.txt'}:0:0: IO:" in missing.output
    assert not (tmp_path / "o").exists()
