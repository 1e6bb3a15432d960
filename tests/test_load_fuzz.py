"""Random input never crashes the loader: it loads, or raises pohon.errors.LoadError whose every entry is a
RowError with a file, a line and a column. A cascade that loads is also built, checked and rendered."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pohon.checks import run_checks
from pohon.errors import LoadError, RowError
from pohon.exporters.findings import FORMATS
from pohon.graph import build_graph
from pohon.load import load_dataset
from pohon.schema import BY_FILE, TABLES
from tests.fixtures import CLEAN

FILES = [t.file for t in TABLES]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of the clean cascade for the whole module; each example replaces files and restores them."""
    folder = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(CLEAN, folder)
    return folder


def _load(folder: Path, files: dict[str, bytes]) -> None:
    """The clean cascade with `files` replaced: load it and, when it loads, check and render it."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    try:
        _load_and_check(folder)
    finally:
        for name in files:
            shutil.copyfile(CLEAN / name, folder / name)


def _load_and_check(folder: Path) -> None:
    try:
        ds = load_dataset(folder)
    except LoadError as err:
        assert err.errors
        for e in err.errors:
            assert isinstance(e, RowError)
            assert e.file in FILES and isinstance(e.line, int) and isinstance(e.column, int)
            assert e.line >= 0 and e.column >= 0 and e.code and e.message
        return
    graph = build_graph(ds)
    findings = run_checks(graph)
    for render in FORMATS.values():
        for lang in ("id", "en"):
            assert isinstance(render(ds, findings, lang), str)


# --- random bytes ------------------------------------------------------------------------------------------

@FUZZ
@given(st.sampled_from(FILES), st.binary(max_size=400), st.booleans())
def test_random_bytes(scratch, name, data, keep_header):
    if keep_header:
        header = (CLEAN / name).read_bytes().split(b"\n", 1)[0] + b"\n"
        data = header + data
    _load(scratch, {name: data})


# --- random CSV --------------------------------------------------------------------------------------------

_NUMBERS = st.one_of(
    st.integers(-10**9, 10**9).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: f"{f:,.2f}"),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(
        lambda f: f"{f:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")),
    st.sampled_from(["", "-", "N/A", "BB", "1,5", "1.234,56", "1,234.56", "12,34.5", "0", "1", "o", "x", "ya"]),
)
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
_CELLS = st.one_of(_NUMBERS, _TEXT, st.sampled_from(['"', '""', 'a"b', "a\nb", "a\r\nb", ",", ";", "\t", "\x00"]))


def _column_names(name: str):
    spec = BY_FILE[name]
    known = [c.name for c in spec.plain]
    if spec.years:
        known += [spec.years.column(y) for y in (2021, 2022, 2023, 2024)]
    if spec.marks:
        known += ["SET", "PUS", "BB", "BL"]
    return st.lists(st.one_of(st.sampled_from(known), st.sampled_from(known), _TEXT), min_size=0, max_size=14)


@st.composite
def random_csv(draw):
    name = draw(st.sampled_from(FILES))
    header = draw(_column_names(name))
    rows = draw(st.lists(st.lists(_CELLS, max_size=len(header) + 2), max_size=4))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    out = io.StringIO(newline="")
    if draw(st.booleans()):  # well-formed quoting
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
        writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
        for row in [header, *rows]:
            writer.writerow(row)
    else:  # raw joins: stray quotes, embedded delimiters and newlines as they come
        for row in [header, *rows]:
            out.write(delimiter.join(row) + "\n")
    text = out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return name, text.encode(encoding, errors="replace")


@FUZZ
@given(st.lists(random_csv(), min_size=1, max_size=3))
def test_random_csv(scratch, files):
    _load(scratch, dict(files))


# --- small edits of the clean cascade (reach the reference checks, the graph and the rules) ---------------

@st.composite
def edited_clean(draw):
    name = draw(st.sampled_from(FILES))
    text = (CLEAN / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 6)))
        text = text[:i] + draw(st.one_of(_CELLS, st.sampled_from(["", ",", "\n", '"', "o", "1", "SK.1", "T1/SP1/a"])))\
            + text[j:]
    return name, text.encode("utf-8", errors="replace")


@FUZZ
@given(st.lists(edited_clean(), min_size=1, max_size=3))
@example(files=[  # found by this test: with units.csv unreadable, a nameless cascading column was taken for a unit type
    ("units.csv", (CLEAN / "units.csv").read_bytes().replace(b"kode,", b"0kode,", 1)),
    ("cascading.csv", b"," + (CLEAN / "cascading.csv").read_bytes())])
def test_edited_clean(scratch, files):
    _load(scratch, dict(files))
