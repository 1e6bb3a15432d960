"""Every human output of every command uses the numbers of its language (issue 14).

With `--lang id` no number may be written the English way (`1,234.56`, `3.75`), with `--lang en` none the
Indonesian way (`1.234,56`). Text copied from the data (names such as "Making Indonesia 4.0") is removed first.
Each command with a --lang option must be listed here, found by walking the click group.
"""
from __future__ import annotations

import re
from pathlib import Path

import click
import polars as pl
import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.load import load_dataset
from tests.clicktree import leaf_commands

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CLEAN, REVISION = ROOT / "tests" / "fixtures" / "clean", ROOT / "tests" / "fixtures" / "revision"

ENGLISH = [re.compile(r"(?<![\w.,/])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])"),
           re.compile(r"(?<![\w.,/:])\d+\.\d{1,2}(?![\d.\w])")]
INDONESIAN = [re.compile(r"(?<![\w.,/])\d{1,3}(?:\.\d{3})+,\d+(?![\w])"),
              re.compile(r"(?<![\w.,/:])\d+,\d{2}(?![\d,\w])")]

# command -> argument lists of its human outputs ({out} is a file under tmp_path)
HUMAN = {
    "check": [["check", DATA], ["check", DATA, "--format", "markdown"]],
    "report": [["report", DATA, "-o", "{out}.md"], ["report", DATA, "-o", "{out}.html"]],
    "trace": [["trace", "T1/SP3/a", DATA], ["trace", "P4SI", DATA], ["trace", "P4SI:SK.1.2:A", DATA]],
    "budget": [["budget", DATA, "--by", by] for by in ("ss", "sp", "ik", "unit")],
    "diff": [["diff", CLEAN, REVISION], ["diff", CLEAN, REVISION, "--format", "markdown"]],
    "poster": [["poster", DATA, "-o", "{out}.svg"], ["poster", DATA, "--unit", "P4SI", "--depth", "komponen", "-o", "{out}.svg"]],
}
MACHINE_ONLY_OR_ELSEWHERE = {
    "visual": "HTML pages: tests/browser and tests/test_visual.py",
    "export cypher": "machine output", "export neo4j-admin": "machine output",
    "extract": "writes CSV", "init": "writes templates", "synth": "writes CSV",
    "neo4j push": "talks to a server",
    "kke": "a workbook: numbers are cell values with number formats (tests/test_kke.py)",
    "datasets": "counts only (fmt.plain); checked in tests/test_wheel.py",
    "rule": "rule titles in both languages; `rule ID` prints the rule's docstring, which is English",
}


def test_every_command_with_a_language_is_walked():
    with_lang = {name for name, cmd in leaf_commands(main) if any("--lang" in p.opts for p in cmd.params
                                                               if isinstance(p, click.Option))}
    assert with_lang <= set(HUMAN) | set(MACHINE_ONLY_OR_ELSEWHERE), with_lang - set(HUMAN)


@pytest.fixture(scope="module")
def data_text() -> list[str]:
    """Every text cell of data/ and of the diff fixtures, longest first."""
    cells = set()
    for folder in (DATA, CLEAN, REVISION):
        for frame in load_dataset(folder).tables.values():
            for name, dtype in frame.schema.items():
                if dtype == pl.String:
                    cells.update(" ".join(v.split()) for v in frame[name].to_list() if v and len(v) > 3)
    return sorted(cells, key=len, reverse=True)


def _text_of(argv, tmp_path) -> str:
    out = tmp_path / "out"
    args = [str(a).format(out=out) for a in argv]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1) and (result.exception is None or isinstance(result.exception, SystemExit)), \
        (args, result.output, result.exception)
    files = [Path(a) for a in args if a.startswith(str(out))]
    if not files:
        return result.stdout
    if files[0].suffix == ".svg":  # what a reader sees is the <text>; coordinates are machine numbers
        import xml.etree.ElementTree as ET

        root = ET.parse(files[0]).getroot()
        return "\n".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text") or e.tag == "text")
    return files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, wrong", [("id", ENGLISH), ("en", INDONESIAN)])
@pytest.mark.parametrize("argv", [a for runs in HUMAN.values() for a in runs], ids=lambda a: " ".join(map(str, a))[:60]
                         .replace(str(ROOT) + "/", ""))
def test_numbers_are_written_in_the_output_language(argv, lang, wrong, data_text, tmp_path):
    text = " ".join(_text_of([*argv, "--lang", lang], tmp_path).split())
    assert re.search(r"\d", text)
    for cell in data_text:
        if cell in text:
            text = text.replace(cell, " ")
    # a name wrapped or cut on a poster box is no longer one cell: numbers written inside data text
    # ("Making Indonesia 4.0") are the document's, not pohon's
    quoted = {m.group(0) for cell in data_text for rx in wrong for m in rx.finditer(cell)}
    hits = [text[max(0, m.start() - 30):m.end() + 5] for rx in wrong for m in rx.finditer(text)
            if m.group(0) not in quoted]
    assert not hits, hits[:5]
