"""`pohon budget`: every komponen counted once, so each roll-up sums to the total of all komponen."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.budget import BY, UnknownYearError, rollup
from pohon.cli import main
from pohon.graph import load_graph
from tests.fixtures import CLEAN

DATA = Path(__file__).resolve().parents[1] / "data"
FOLDERS = [CLEAN] + ([DATA] if (DATA / "komponen.csv").exists() else [])


def komponen_total(folder: Path) -> dict[int, float]:
    """Σ anggaran per year straight from komponen.csv."""
    with (folder / "komponen.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    years = [int(c[-4:]) for c in rows[0] if c.startswith("anggaran_")]
    return {y: sum(float(r[f"anggaran_{y}"] or 0) for r in rows) for y in years}


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(*args):
    return CliRunner().invoke(main, ["budget", *map(str, args)])


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
@pytest.mark.parametrize("by", BY)
def test_every_rollup_sums_to_the_total_of_all_komponen(folder, by):
    r = rollup(load_graph(folder), by)
    expected = komponen_total(folder)
    for y, v in expected.items():
        assert r.komponen_total[y] == pytest.approx(v, abs=0.01)
        assert sum(line.anggaran[y] for line in r.rows + r.unallocated) == pytest.approx(v, abs=0.01)


def test_by_ik_and_by_unit_on_clean():
    g = load_graph(CLEAN)
    ik = {line.kode: line.anggaran for line in rollup(g, "ik").rows}
    assert ik == {"T1/SP1/a": {2021: 185.0, 2022: 205.0, 2023: 225.0, 2024: 245.0},
                  "T2/SP2/a": {2021: 115.0, 2022: 125.0, 2023: 135.0, 2024: 145.0}}
    unit = rollup(g, "unit", 2022)
    assert {line.kode: line.anggaran[2022] for line in unit.rows} == {"B1": 55.0, "B2": 55.0, "PUS": 110.0,
                                                                      "SET": 110.0}
    assert unit.years == [2022] and unit.starred == 1


def test_money_under_an_uncascaded_ikk_is_its_own_line(clean_dir):
    edit(clean_dir, "ikk.csv", "B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,T2/SP2/a",
         "B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,")
    g = load_graph(clean_dir)
    for by in ("ss", "sp", "ik"):
        r = rollup(g, by)
        [line] = r.unallocated
        assert line.nama == "tidak ter-cascade (IKK tanpa IK)" and line.anggaran[2021] == 5.0
        assert r.total == r.komponen_total == {2021: 300.0, 2022: 330.0, 2023: 360.0, 2024: 390.0}
    assert rollup(g, "unit").unallocated == []
    assert "not cascaded (IKK with no IK)" in run(clean_dir, "--by", "sp", "--lang", "en").output


def test_a_starred_komponen_with_money_is_counted_once_where_it_sits(clean_dir):
    edit(clean_dir, "komponen.csv", "B1,SK.2.1,A,Layanan jasa teknis,,,,,1", "B1,SK.2.1,A,Layanan jasa teknis,7,,,,1")
    r = rollup(load_graph(clean_dir), "ik")
    assert {line.kode: line.anggaran[2021] for line in r.rows} == {"T1/SP1/a": 185.0, "T2/SP2/a": 122.0}
    assert r.total[2021] == r.komponen_total[2021] == 307.0


def test_text_states_the_rule_and_the_totals():
    out = run(CLEAN, "--by", "sp").output
    assert "dihitung sekali" in out and "Komponen bertanda *" in out
    assert "JUMLAH" in out and "300,00" in out and "1.380,00" in out
    en = run(CLEAN, "--by", "ss", "--lang", "en").output
    assert "counted once" in en and "Meningkatnya Daya Saing Industri" in en


def test_json_and_csv(clean_dir):
    doc = json.loads(run(CLEAN, "--by", "unit", "--format", "json").output)
    assert doc["total"] == doc["komponen_total"] == {"2021": 300.0, "2022": 330.0, "2023": 360.0, "2024": 390.0}
    assert "counted once" in json.loads(run(CLEAN, "--by", "ik", "--format", "json", "--lang", "en").output)["rule"]

    edit(clean_dir, "units.csv", "B2,Balai Contoh Dua", "B2,=HYPERLINK(\"http://x\")")
    edit(clean_dir, "komponen.csv", "B2,SK.2.1,A,Penyusunan laporan kinerja,5,5,5,5",
         "B2,SK.2.1,A,Penyusunan laporan kinerja,0,5,5,5")
    edit(clean_dir, "units.csv", "B2,=HYPERLINK(\"http://x\"),BL,UPT,50,", "B2,=HYPERLINK(\"http://x\"),BL,UPT,40,")
    out = run(clean_dir, "--by", "unit", "--format", "csv")
    assert out.exit_code == 0
    rows = list(csv.reader(io.StringIO(out.output)))
    assert rows[0][:3] == ["kode", "nama", "anggaran_2021"]
    b2 = next(r for r in rows if r[0] == "B2")
    assert b2[1] == "'=HYPERLINK(\"http://x\")"
    assert b2[2] == "45.0"
    total = next(r for r in rows if r[1] == "JUMLAH")
    assert float(total[2]) == 295.0
    assert rows[-1][0] == "aturan"
    r = rollup(load_graph(clean_dir), "unit")
    assert sum(line.anggaran[2021] for line in r.rows) == 295.0


def test_a_negative_amount_is_refused_not_summed(clean_dir):
    # an anggaran below zero is a typo or a correction written in the wrong place: pohon refuses it at its
    # cell (negative-amount, exit 2) instead of netting it into every total (issue: no silent loss)
    edit(clean_dir, "komponen.csv", "PUS,SK.1.1,B,Penyusunan program,40,", "PUS,SK.1.1,B,Penyusunan program,-40,")
    r = run(clean_dir, "--by", "ik", "--format", "csv", "--year", "2021")
    assert r.exit_code == 2
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("komponen.csv:4:5: negative-amount: '-40'"), line


def test_unknown_year_is_bad_input():
    with pytest.raises(UnknownYearError):
        rollup(load_graph(CLEAN), "sp", 2030)
    r = run(CLEAN, "--by", "sp", "--year", "2030")
    assert r.exit_code == 2 and "tahun 2030 tidak ada" in r.stderr
    assert run(CLEAN, "--by", "kegiatan").exit_code == 2
