"""The lexicon output-oriented-indicator decides with: a well-formed data file shipped with the package, read
the same way by the rule (polars) and by pohon.checks.lexicon.output_wording (plain Python)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from pohon.checks import run_checks
from pohon.checks.lexicon import output_wording, output_words
from pohon.load import load_dataset

ROOT = Path(__file__).resolve().parents[1]


def test_lexicon_rows_are_complete_and_both_kinds_exist():
    entries = output_words()
    assert {e.kind for e in entries} == {"output", "outcome", "count"}
    for e in entries:
        re.compile(e.pattern)
        assert e.reason_id and e.reason_en and e.reason_id != e.reason_en, e


def test_lexicon_is_declared_package_data():
    doc = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = doc["tool"]["setuptools"]["package-data"]["pohon"]
    shipped = [p.relative_to(ROOT / "src" / "pohon").as_posix() for p in (ROOT / "src/pohon/checks/lexicon").glob("*.csv")]
    assert shipped and all(any(Path(s).match(g) for g in globs) for s in shipped), (shipped, globs)


@pytest.mark.parametrize("text,satuan,words", [
    ("Jumlah laporan monitoring yang disampaikan", "Laporan", ["jumlah laporan", "laporan"]),
    ("Perusahaan yang terfasilitasi industri 4.0", "Perusahaan", ["terfasilitasi"]),
    ("Terselenggaranya pelatihan SDM industri", "%", ["terselenggaranya", "pelatihan"]),
    ("Persentase peserta pelatihan yang produktivitasnya meningkat", "%", []),  # outcome word outweighs
    ("Tingkat kepuasan perusahaan yang diberikan fasilitasi", "Indeks", []),
    ("Nilai SAKIP BSKJI", "Nilai", []),
    # a count of service results fires even beside an outcome word; "layanan" as a satuan counts outputs
    ("Meningkatnya jumlah hasil layanan jasa industri yang digunakan oleh pelanggan", "%", ["jumlah hasil layanan"]),
    ("Jumlah layanan pengujian yang meningkat", "Layanan", ["layanan", "jumlah layanan"]),
    ("Indeks kepuasan layanan publik", "Indeks", []),  # "layanan" alone is not a count
    ("Persentase nilai capaian penggunaan produk dalam negeri dalam pengadaan barang dan jasa", "Persen",
     ["pengadaan barang dan jasa"]),
])
def test_output_wording(text, satuan, words):
    got = [w for hit, _e in output_wording(text, satuan) for w in hit.split(", ")]
    assert got == words


def test_rule_and_plain_reading_agree_on_data():
    ds = load_dataset(ROOT / "data")
    rule = {f.node: f.details["words"] for f in run_checks(ds, ["output-oriented-indicator"])}
    t = ds.tables
    plain = {}
    for node, nama, satuan in (
            [(f"Tujuan:{k}", n, s) for k, n, s in t["tujuan"].select("kode", "nama", "satuan").iter_rows()]
            + [(f"SP:{k}", n, None) for k, n in t["sp"].select("kode", "nama").iter_rows()]
            + [(f"IK:{a}/{b}/{c}", n, s) for a, b, c, n, s in
               t["cascading"].select("tujuan", "sp", "kode", "indikator", "satuan").iter_rows()]):
        hits = output_wording(nama, satuan)
        if hits:
            plain[node] = [w for hit, _e in hits for w in hit.split(", ")]
    assert rule == plain and len(rule) == 17
