"""`pohon visual --unit` on a folder whose files are unchanged since they loaded clean reads the unit's rows and
the kept findings from the checked cascade (pohon.load.checked, pohon.load.checked_findings) and writes the
same bytes as from a fresh load and check; a changed file, changed checks or a broken findings file is a miss."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import pohon.checks
import pohon.load
from pohon.checks import Finding, run_checks
from pohon.cli import main
from pohon.load import checked, checked_findings, load_dataset
from tests.test_checked_cache import cache, cascade  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]


def _page(folder: Path, unit: str, out: Path, *extra: str) -> bytes:
    r = CliRunner().invoke(main, ["visual", str(folder), "--unit", unit, "--depth", "komponen", "-o", str(out),
                                  "--force", *extra])
    assert r.exit_code == 0, r.output
    return out.read_bytes()


def _uncached(folder: Path, unit: str, out: Path, monkeypatch, *extra: str) -> bytes:
    with monkeypatch.context() as m:
        m.setenv("POHON_CACHE", "off")
        return _page(folder, unit, out, *extra)


def _no_load(monkeypatch):
    """From here on, reading or checking the folder whole fails the test."""
    def refuse(*_a, **_k):
        raise AssertionError("the folder was loaded or checked whole")

    monkeypatch.setattr(pohon.load, "load_dataset", refuse)
    monkeypatch.setattr(pohon.checks, "run_checks", refuse)


def _findings_file(folder: Path) -> Path:
    return checked.open_checked(folder).entry / f"findings-{checked_findings.checks_digest()}.json"


def _largest_unit(folder: Path) -> str:
    counts = load_dataset(folder).tables["komponen"]["unit"].value_counts(sort=True)
    return counts["unit"][0]


@pytest.mark.parametrize("unit, extra", [("P4SI", ()), ("BBSPJI-AGRO", ()), ("BBSPJI-AGRO", ("--lang", "en")),
                                         ("P4SI", ("--sp", "SP3")), ("BBSPJI-AGRO", ("--tipe", "BBSPJI"))])
def test_a_data_unit_page_from_the_cache_is_the_same_page(cache, tmp_path, monkeypatch, unit, extra):
    data = ROOT / "data"
    fresh = _uncached(data, unit, tmp_path / "fresh.html", monkeypatch, *extra)
    first = _page(data, unit, tmp_path / "first.html", *extra)  # loads, checks, keeps both
    assert _findings_file(data).is_file()
    _no_load(monkeypatch)
    assert _page(data, unit, tmp_path / "warm.html", *extra) == first == fresh


def test_a_synthetic_unit_page_from_the_cache_is_the_same_page(cascade, cache, tmp_path, monkeypatch):
    unit = _largest_unit(cascade)
    fresh = _uncached(cascade, unit, tmp_path / "fresh.html", monkeypatch)
    assert _page(cascade, unit, tmp_path / "first.html") == fresh
    _no_load(monkeypatch)
    assert _page(cascade, unit, tmp_path / "warm.html") == fresh


def test_the_kept_findings_are_run_checks(cascade, cache):
    unit = _largest_unit(cascade)
    checked.checked_view(cascade, (unit,))
    ds, kept = checked.checked_view(cascade, (unit,))
    fresh = run_checks(load_dataset(cascade))
    assert kept == fresh and [repr(f.details) for f in kept] == [repr(f.details) for f in fresh]
    assert set(ds.tables["komponen"]["unit"].to_list()) == {unit}  # only the unit's rows were read
    assert kept[0].details is not checked.checked_view(cascade, (unit,))[1][0].details  # each its own


def test_a_trace_entry_gets_its_findings_from_the_stored_tables(cascade, cache, tmp_path, monkeypatch):
    from pohon.trace import trace_folder

    unit = _largest_unit(cascade)
    fresh = _uncached(cascade, unit, tmp_path / "fresh.html", monkeypatch)
    trace_folder(cascade, unit)  # keeps the tables, no findings
    assert not _findings_file(cascade).exists()
    monkeypatch.setattr(pohon.load, "load_dataset", lambda *_: pytest.fail("the CSV files were read again"))
    assert _page(cascade, unit, tmp_path / "x.html") == fresh
    assert _findings_file(cascade).is_file()


def test_a_changed_file_changes_the_findings(cache, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    before = _page(folder, "P4SI", tmp_path / "a.html")
    findings_before = checked.checked_view(folder, ("P4SI",))[1]
    with open(folder / "komponen.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("anggaran_2021")
    row = next(r for r in rows[1:] if r[0] == "P4SI")
    row[col] = f"{float(row[col] or 0) + 1000:.2f}"
    with open(folder / "komponen.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    assert checked.open_checked(folder) is None
    after = _page(folder, "P4SI", tmp_path / "b.html")
    findings_after = checked.checked_view(folder, ("P4SI",))[1]
    assert findings_after == run_checks(load_dataset(folder)) != findings_before
    assert after != before
    assert after == _uncached(folder, "P4SI", tmp_path / "c.html", monkeypatch)


def test_changed_checks_are_a_miss(cascade, cache, monkeypatch):
    unit = _largest_unit(cascade)
    checked.checked_view(cascade, (unit,))
    entry = checked.open_checked(cascade).entry
    calls = []
    real = pohon.checks.run_checks
    monkeypatch.setattr(pohon.checks, "run_checks", lambda ds: calls.append(1) or real(ds))
    monkeypatch.setattr(checked_findings, "checks_digest", lambda: "0123456789abcdef")
    _, findings = checked.checked_view(cascade, (unit,))
    assert calls == [1] and findings == real(load_dataset(cascade))
    assert [p.name for p in entry.glob("findings-*.json")] == ["findings-0123456789abcdef.json"]
    checked.checked_view(cascade, (unit,))
    assert calls == [1]


@pytest.mark.parametrize("broken", [b"not json", b"{}", b'{"n": 1, "columns": {}}', b"",
                                    "truncate", "index", "type"])
def test_a_broken_findings_file_is_a_miss(cascade, cache, tmp_path, monkeypatch, broken):
    unit = _largest_unit(cascade)
    fresh = _uncached(cascade, unit, tmp_path / "fresh.html", monkeypatch)
    _page(cascade, unit, tmp_path / "first.html")
    path = _findings_file(cascade)
    text = path.read_text(encoding="utf-8")
    if broken == "truncate":
        broken = text[: len(text) // 2].encode()
    elif broken == "index":  # a finding pointing past its column's values
        broken = text.replace('"at":[0,', '"at":[99999,', 1).encode()
    elif broken == "type":  # a rule id that is not text
        broken = text.replace('"rule":{"values":["', '"rule":{"values":[1,"', 1).encode()
    assert broken != text.encode()
    path.write_bytes(broken)
    assert checked.open_checked(cascade).findings() is None
    assert _page(cascade, unit, tmp_path / "again.html") == fresh
    assert checked.open_checked(cascade).findings() == run_checks(load_dataset(cascade))  # written anew


def test_off_keeps_nothing(cascade, tmp_path, monkeypatch):
    monkeypatch.setenv("POHON_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    unit = _largest_unit(cascade)
    a = _page(cascade, unit, tmp_path / "a.html")
    assert _page(cascade, unit, tmp_path / "b.html") == a
    assert checked.open_checked(cascade) is None and not (tmp_path / "xdg").exists()


def _finding(details, kind="k") -> Finding:
    return Finding("r", "error", "Unit:X", "pesan", "message", details, kind)


def test_details_come_back_as_they_were(tmp_path):
    findings = [_finding({2021: 1.5, "years": [2022, 2023], "pair": (1, "a"), "none": None}, None),
                _finding({"nested": {"a": [1, {"b": True}]}}), _finding({}), _finding({2021: 1.5})]
    checked_findings.store_findings(tmp_path, findings)
    back = checked_findings.read_findings(tmp_path)
    assert back == findings and [repr(f.details) for f in back] == [repr(f.details) for f in findings]
    assert back[0].details is not back[3].details


def test_details_json_cannot_hold_are_not_kept(tmp_path):
    checked_findings.store_findings(tmp_path, [_finding({"s": {1, 2}})])
    assert checked_findings.read_findings(tmp_path) is None and not list(tmp_path.iterdir())


def test_the_fields_are_findings_in_order():
    import dataclasses

    assert checked_findings.FIELDS == tuple(f.name for f in dataclasses.fields(Finding))
