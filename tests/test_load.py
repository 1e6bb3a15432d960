"""Loading a data/ folder: accepted variations load to the right values; each broken input is reported once,
at the right file, line and column, with every problem collected before raising."""
from __future__ import annotations

from pathlib import Path

import pytest

from pohon.errors import LoadError, RowError
from pohon.load import load_dataset


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str | bytes) -> None:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")


def replace_line(folder: Path, name: str, startswith: str, new: str) -> None:
    lines = read(folder, name).split("\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(startswith)]
    assert len(hits) == 1, (name, startswith)
    lines[hits[0]] = new
    write(folder, name, "\n".join(lines))


def errors_of(folder: Path) -> list[RowError]:
    with pytest.raises(LoadError) as exc:
        load_dataset(folder)
    errors = exc.value.errors
    assert errors and all(isinstance(e, RowError) for e in errors)
    assert str(exc.value) == "\n".join(str(e) for e in errors)
    return errors


def only_error(folder: Path) -> RowError:
    errors = errors_of(folder)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def row(ds, table, **key):
    """The one row of `table` with these key values, with its year columns gathered as {year: value}."""
    rows = [r for r in ds.rows(table) if all(r[k] == v for k, v in key.items())]
    assert len(rows) == 1, (table, key, len(rows))
    r = rows[0]
    for prefix in ("anggaran", "pagu", "target"):
        years = {y: r[f"{prefix}_{y}"] for y in ds.years if f"{prefix}_{y}" in r}
        if years:
            r[prefix] = years if prefix != "target" else \
                {y: v if v is not None else r[f"target_{y}_text"] for y, v in years.items()}
    r["marks"] = {t: "o" if r[t] else "" for t in ds.unit_types if t in r}
    return r


def komponen(ds, unit, ikk, letter):
    return row(ds, "komponen", unit=unit, ikk=ikk, komponen=letter)


# --- what loads -------------------------------------------------------------------------------------------

def test_clean_loads(clean_dir):
    ds = load_dataset(clean_dir)
    assert ds.name == "Badan Contoh"
    assert ds.years == (2021, 2022, 2023, 2024)
    assert (len(ds.cascading), len(ds.units), len(ds.sk), len(ds.ikk), len(ds.komponen)) == (2, 5, 6, 6, 8)
    assert komponen(ds, "SET", "SK.1.1", "A")["anggaran"] == {2021: 100.0, 2022: 110.0, 2023: 120.0, 2024: 130.0}
    assert komponen(ds, "B1", "SK.2.1", "A")["anggaran"] == {2021: None, 2022: None, 2023: None, 2024: None}
    assert komponen(ds, "B1", "SK.2.1", "A")["bintang"] is True
    ikk = row(ds, "ikk", unit="B1", ikk="SK.2.1")
    assert ikk["target"] == {2021: "BB", 2022: "BB", 2023: "A", 2024: "A"}
    assert row(ds, "cascading", tujuan="T1", sp="SP1", kode="a")["marks"] == {"SET": "", "PUS": "o", "BB": "o",
                                                                              "BL": "o"}
    assert ds.komponen["_line"].to_list()[:3] == [2, 3, 4]


def test_utf8_bom_is_accepted(clean_dir):
    for name in ("units.csv", "komponen.csv", "cascading.csv"):
        write(clean_dir, name, "\ufeff" + read(clean_dir, name))
    assert load_dataset(clean_dir) == load_dataset(Path(__file__).parent / "fixtures" / "clean")


def test_crlf_line_endings_are_accepted(clean_dir):
    write(clean_dir, "sk.csv", read(clean_dir, "sk.csv").replace("\n", "\r\n"))
    assert len(load_dataset(clean_dir).sk) == 6


def test_semicolon_delimiter_is_accepted_with_decimal_commas(clean_dir):
    text = read(clean_dir, "komponen.csv").replace(",", ";")
    text = text.replace("SET;SK.1.1;A;Penyusunan laporan kinerja;100;", "SET;SK.1.1;A;Penyusunan laporan kinerja;100,5;")
    text = text.replace("PUS;SK.1.1;A;Pendampingan industri;60;70;", "PUS;SK.1.1;A;Pendampingan industri;60;1.070,25;")
    write(clean_dir, "komponen.csv", text)
    ds = load_dataset(clean_dir)
    assert komponen(ds, "SET", "SK.1.1", "A")["anggaran"][2021] == pytest.approx(100.5)
    assert komponen(ds, "PUS", "SK.1.1", "A")["anggaran"][2022] == pytest.approx(1070.25)
    assert komponen(ds, "B1", "SK.2.1", "A")["bintang"] is True


@pytest.mark.parametrize("cell, value", [('"1,234.56"', 1234.56), ('"1.234,56"', 1234.56), ('"1234,56"', 1234.56),
                                         ("1234.56", 1234.56), ("1.234.567", 1234567.0), ('"1,234"', 1234.0),
                                         ("", None), ("-", None)])
def test_number_styles_in_a_comma_file(clean_dir, cell, value):
    replace_line(clean_dir, "komponen.csv", "SET,SK.1.1,A,",
                 f"SET,SK.1.1,A,Penyusunan laporan kinerja,{cell},110,120,130,0,100")
    got = komponen(load_dataset(clean_dir), "SET", "SK.1.1", "A")["anggaran"][2021]
    assert got == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("cell, value", [("1.234,56", 1234.56), ("1234,56", 1234.56), ("1,5", 1.5),
                                         ("1234.56", 1234.56), ("1,234.56", 1234.56)])
def test_number_styles_in_a_semicolon_file(clean_dir, cell, value):
    text = read(clean_dir, "units.csv").replace(",", ";")
    text = text.replace("SET;Sekretariat Badan Contoh;SET;SET;100;", f"SET;Sekretariat Badan Contoh;SET;SET;{cell};")
    write(clean_dir, "units.csv", text)
    unit = row(load_dataset(clean_dir), "units", kode="SET")
    assert unit["pagu"][2021] == pytest.approx(value)


def test_optional_files_may_be_absent(clean_dir):
    for name in ("sp.csv", "tujuan.csv", "tabel10.csv", "ik_target.csv", "pedoman.csv"):
        (clean_dir / name).unlink()
    ds = load_dataset(clean_dir)
    assert ds.sp.height == 0 and ds.tabel10.height == 0 and len(ds.komponen) == 8


def test_mark_variants_and_blank_lines(clean_dir):
    text = read(clean_dir, "cascading.csv").replace(",,o,o,o,UKE-2", ",,X,x,O,UKE-2") + "\n,,,,,,,,,,,,\n"
    write(clean_dir, "cascading.csv", text)
    ds = load_dataset(clean_dir)
    assert row(ds, "cascading", tujuan="T1", sp="SP1", kode="a")["marks"] == {"SET": "", "PUS": "o", "BB": "o",
                                                                              "BL": "o"}


# --- what is refused, and where ---------------------------------------------------------------------------

def test_bad_number(clean_dir):
    replace_line(clean_dir, "komponen.csv", "PUS,SK.1.1,B,", "PUS,SK.1.1,B,Penyusunan program,40,12x,40,40,0,102")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("komponen.csv", 4, 6, "bad-number")
    assert "12x" in e.message and "anggaran_2022" in e.message
    assert str(e).startswith("komponen.csv:4:6: bad-number: ")


def test_badly_grouped_number(clean_dir):
    replace_line(clean_dir, "units.csv", "PUS,", 'PUS,Pusat Contoh,PUS,PUS,100,110,"12,34.5",130,12')
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("units.csv", 4, 7, "bad-number")


def test_bad_baris(clean_dir):
    replace_line(clean_dir, "sk.csv", "PUS,", "PUS,SK.1,Meningkatnya Daya Saing Industri,SP1,delapan")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sk.csv", 3, 5, "bad-number")


def test_missing_column(clean_dir):
    lines = read(clean_dir, "sk.csv").splitlines()
    write(clean_dir, "sk.csv", "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 2)
                                         for line in lines) + "\n")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sk.csv", 1, 1, "missing-column")
    assert "'nama'" in e.message


def test_unknown_column(clean_dir):
    lines = read(clean_dir, "ikk.csv").splitlines()
    write(clean_dir, "ikk.csv", "\n".join([lines[0] + ",keterangan"] + [line + "," for line in lines[1:]]) + "\n")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("ikk.csv", 1, 13, "unknown-column")
    assert "'keterangan'" in e.message


def test_year_column_of_another_file_is_unknown(clean_dir):
    write(clean_dir, "sk.csv", read(clean_dir, "sk.csv").replace("unit,sk,nama,sp,baris", "unit,sk,nama,sp,pagu_2021"))
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sk.csv", 1, 5, "unknown-column")


def test_duplicate_column(clean_dir):
    write(clean_dir, "sp.csv", read(clean_dir, "sp.csv").replace("kode,nama,program,ss,baris",
                                                                 "kode,nama,program,nama,baris"))
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sp.csv", 1, 4, "duplicate-column")


def test_unknown_unit_code(clean_dir):
    write(clean_dir, "sk.csv", read(clean_dir, "sk.csv") + "ZZ,SK.1,Sasaran lain,SP1,86\n")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sk.csv", 8, 1, "unknown-unit")
    assert "'ZZ'" in e.message


def test_unknown_sk_and_ikk(clean_dir):
    write(clean_dir, "ikk.csv", read(clean_dir, "ikk.csv") + "PUS,SK.9.1,SK.9,Lain,%,1,2,3,4,T1/SP1/a,,96\n")
    write(clean_dir, "komponen.csv", read(clean_dir, "komponen.csv") + "PUS,SK.8.1,A,Lain,1,1,1,1,0,108\n")
    got = [(e.file, e.line, e.column, e.code) for e in errors_of(clean_dir)]
    assert got == [("ikk.csv", 8, 3, "unknown-sk"), ("komponen.csv", 10, 2, "unknown-ikk")]


def test_duplicate_id_names_both_lines(clean_dir):
    write(clean_dir, "units.csv", read(clean_dir, "units.csv") + "B1,Balai Besar Contoh Satu lagi,BB,UPT,1,1,1,1,15\n")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("units.csv", 7, 1, "duplicate-id")
    assert "line 5" in e.message and "'B1'" in e.message


def test_duplicate_ik_in_cascading(clean_dir):
    write(clean_dir, "cascading.csv",
          read(clean_dir, "cascading.csv") + "Stakeholder,T1,SP1,a,Indikator lain,%,,o,,,UKE-2,,52\n")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("cascading.csv", 4, 4, "duplicate-id")
    assert "'T1/SP1/a'" in e.message and "line 2" in e.message


def test_non_utf8_byte(clean_dir):
    data = (clean_dir / "ikk.csv").read_bytes().replace(b"Nilai SAKIP satker,Nilai,BB", b"Nilai SAKIP s\xe2tker,Nilai,BB", 1)
    write(clean_dir, "ikk.csv", data)
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("ikk.csv", 5, 29, "encoding")


def test_latin1_file_after_a_multibyte_line(clean_dir):
    # the column counts bytes on the line, so a UTF-8 'é' before the bad byte must not confuse the line number
    write(clean_dir, "sp.csv", read(clean_dir, "sp.csv").replace("Program Nilai Tambah", "Programé Nilai Tambah")
          .encode("utf-8") + "SP3,Peningkatan Daya Saing Ekspor,Program,Ekspor,32\n".replace("Ekspor,32", "Ekspor\xe9,32")
          .encode("latin-1"))
    e = only_error(clean_dir)
    assert (e.file, e.line, e.code) == ("sp.csv", 4, "encoding")


def test_too_many_fields(clean_dir):
    replace_line(clean_dir, "sk.csv", "B2,SK.1,", "B2,SK.1,Meningkatnya Daya Saing Industri,SP1,84,extra")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("sk.csv", 6, 6, "too-many-fields")


def test_multiline_quoted_cell_shifts_line_numbers(clean_dir):
    text = read(clean_dir, "ikk.csv")
    text = text.replace("SET,SK.1.1,SK.1,Nilai SAKIP Badan,", 'SET,SK.1.1,SK.1,"Nilai SAKIP\nBadan\n(revisi)",')
    text = text.replace("B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,", "B2,SK.2.1,SK.2,Nilai SAKIP satker,Nilai,BB,BB,A,A,,")
    write(clean_dir, "ikk.csv", text)
    e = only_error(clean_dir)
    # B2 SK.2.1 is the 6th record but starts on physical line 9 (the quoted cell spans lines 2-4)
    assert (e.file, e.line, e.column, e.code) == ("ikk.csv", 9, 13, "too-many-fields")


def test_error_inside_a_multiline_record_names_its_first_line(clean_dir):
    text = read(clean_dir, "komponen.csv").replace("PUS,SK.1.1,A,Pendampingan industri,60,",
                                                   'PUS,SK.1.1,A,"Pendampingan\nindustri",6O,')
    write(clean_dir, "komponen.csv", text)
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("komponen.csv", 3, 5, "bad-number")


def test_unterminated_quote(clean_dir):
    write(clean_dir, "sk.csv", read(clean_dir, "sk.csv") + 'B3,SK.1,"tidak ditutup,SP1,86\n')
    errors = errors_of(clean_dir)
    assert any(e.file == "sk.csv" and e.line == 8 for e in errors), errors


@pytest.mark.parametrize("line, code, column", [
    ("SET,SK.1.1,A,Penyusunan laporan kinerja,100,110,120,130,mungkin,100", "bad-value", 9),
    ("SET,SK.1.1,A,,100,110,120,130,0,100", "missing-value", 4),
])
def test_bad_values(clean_dir, line, code, column):
    replace_line(clean_dir, "komponen.csv", "SET,SK.1.1,A,", line)
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("komponen.csv", 2, column, code)


def test_bad_mark_and_bad_pattern(clean_dir):
    replace_line(clean_dir, "cascading.csv", "Stakeholder,", "Stakeholder,T1,SP1,a,Persentase,%,,ya,o,o,UKE-2,,50")
    replace_line(clean_dir, "tujuan.csv", "T2,", "Tujuan 2,Meningkatkan Good Governance,%,57,62,68,76,41")
    got = [(e.file, e.line, e.column, e.code) for e in errors_of(clean_dir)]
    assert got == [("cascading.csv", 2, 8, "bad-value"), ("tujuan.csv", 3, 1, "bad-value")]


def test_every_problem_is_collected_sorted(clean_dir):
    replace_line(clean_dir, "units.csv", "PUS,", "PUS,Pusat Contoh,PUS,PUS,x,110,120,130,12")
    replace_line(clean_dir, "komponen.csv", "B2,SK.2.1,A,", "B2,SK.2.1,A,Penyusunan laporan kinerja,5,5,5,y,0,107")
    write(clean_dir, "sk.csv", read(clean_dir, "sk.csv") + "ZZ,SK.1,Sasaran lain,SP1,86\n")
    got = [(e.file, e.line, e.column, e.code) for e in errors_of(clean_dir)]
    assert got == [("komponen.csv", 9, 8, "bad-number"), ("sk.csv", 8, 1, "unknown-unit"),
                   ("units.csv", 4, 5, "bad-number")]


def test_missing_mandatory_file(clean_dir):
    (clean_dir / "komponen.csv").unlink()
    e = only_error(clean_dir)
    assert (e.file, e.code) == ("komponen.csv", "missing-file")


def test_empty_file(clean_dir):
    write(clean_dir, "sk.csv", "")
    errors = errors_of(clean_dir)
    assert ("sk.csv", 1, 1, "empty-file") in [(e.file, e.line, e.column, e.code) for e in errors]


def test_missing_folder(tmp_path):
    e = only_error(tmp_path / "nope")
    assert e.code == "missing-folder"


def test_a_broken_header_does_not_drown_other_files_in_reference_errors(clean_dir):
    write(clean_dir, "units.csv", read(clean_dir, "units.csv").replace("kode,nama,tipe", "kode,nama,jenis"))
    got = [(e.file, e.code) for e in errors_of(clean_dir)]
    assert ("units.csv", "missing-column") in got
    assert not any(f != "units.csv" for f, _ in got), got


def test_a_row_that_fails_still_counts_as_defined(clean_dir):
    # the unit row itself is reported; its SK/IKK/komponen rows are not also reported as naming an unknown unit
    replace_line(clean_dir, "units.csv", "B2,", "B2,Balai Contoh Dua,BL,UPT,50,55,60,6S,14")
    e = only_error(clean_dir)
    assert (e.file, e.line, e.column, e.code) == ("units.csv", 6, 8, "bad-number")
