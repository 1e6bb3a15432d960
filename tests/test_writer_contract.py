"""The writer contract (pohon.output), asserted for every command that writes, found by walking the click group.

A command with an output option must declare it with `@writes` (pohon.cli.common) and have an example
invocation below; then each contract clause is asserted on it: an output that is, contains or lies inside an
input is refused; a missing parent folder is refused; a read-only file is not replaced; a non-empty folder
needs --force (and --force leaves other files alone); failures are one line on stderr, exit 2, nothing written.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pohon.cli import main
from tests.clicktree import leaf_commands
from tests.fixtures import CLEAN

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_ac569454753712dc.txt"
OUTPUT_OPTS = {"-o", "--output", "--out", "--all"}
OUTPUT_ARGS = {"folder", "out_dir"}

# command path -> (argv with {data} and {out} placeholders, the output parameter); one per declared output
EXAMPLES = {
    ("report", "output"): ["report", "{data}", "-o", "{out}/lembar.md"],
    ("budget", "output"): ["budget", "{data}", "--by", "sp", "-o", "{out}/budget.txt"],
    ("export cypher", "output"): ["export", "cypher", "{data}", "-o", "{out}/pohon.cypher"],
    ("export neo4j-admin", "output"): ["export", "neo4j-admin", "{data}", "-o", "{out}/admin"],
    ("visual", "output"): ["visual", "{data}", "-o", "{out}/page.html"],
    ("poster", "output"): ["poster", "{data}", "-o", "{out}/poster.svg"],
    ("visual", "all_dir"): ["visual", "{data}", "--all", "{out}/pages"],
    ("extract", "out_dir"): ["extract", str(SOURCE), "--out", "{out}/extracted"],
    ("kke", "output"): ["kke", "{data}", "-o", "{out}/kke.xlsx"],
    ("export xlsx", "output"): ["export", "xlsx", "{data}", "-o", "{out}/pohon.xlsx"],
    ("export csv", "output"): ["export", "csv", "{data}", "-o", "{out}/csv"],
    ("init", "folder"): ["init", "{out}/baru"],
    ("synth", "out_dir"): ["synth", "{out}/synth", "--agencies", "1"],
}


COMMANDS = dict(leaf_commands(main))


def _declared(cmd) -> dict:
    return {spec.param: spec for spec in getattr(cmd.callback, "pohon_writes", [])}


def _output_params(cmd) -> set[str]:
    out = set()
    for p in cmd.params:
        if isinstance(p, click.Option) and OUTPUT_OPTS & set(p.opts):
            out.add(p.name)
        if isinstance(p, click.Argument) and p.name in OUTPUT_ARGS:
            out.add(p.name)
    return out


def test_every_command_with_an_output_declares_it_and_has_an_example():
    writing = 0
    for name, cmd in COMMANDS.items():
        declared = _declared(cmd)
        assert _output_params(cmd) <= set(declared), f"pohon {name}: declare its output with @writes"
        for param in declared:
            assert (name, param) in EXAMPLES, f"pohon {name} {param}: add an example to EXAMPLES"
            writing += 1
    assert writing == len(EXAMPLES) >= 9


CASES = sorted(EXAMPLES)


def _spec(case):
    return _declared(COMMANDS[case[0]])[case[1]]


def _argv(case, data: Path, out: Path | str) -> list[str]:
    argv = [a.replace("{data}", str(data)) for a in EXAMPLES[case]]
    target = next(i for i, a in enumerate(argv) if "{out}" in a)
    argv[target] = str(out)
    return argv


def _default_out(case, tmp: Path) -> Path:
    template = next(a for a in EXAMPLES[case] if "{out}" in a)
    return Path(template.replace("{out}", str(tmp)))


def _run(argv):
    return CliRunner().invoke(main, argv)


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(result, code: str | None = None):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    if code:
        assert f": {code}: " in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(CLEAN, folder)
    return folder


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_writes_and_leaves_no_temporary_files(case, data, tmp_path):
    out = _default_out(case, tmp_path / "out")
    out.parent.mkdir(parents=True)
    result = _run(_argv(case, data, out))
    assert result.exit_code == 0, result.output
    assert out.exists()
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.name.startswith(".")]
    assert not leftovers, leftovers


@pytest.mark.parametrize("case", [c for c in CASES if "data_dir" in _spec(c).inputs],
                         ids=lambda c: f"{c[0]}:{c[1]}")
def test_output_that_is_or_lies_inside_the_input_is_refused(case, data):
    before = _digest(data)
    _refused(_run(_argv(case, data, data)), "output-is-input")
    _refused(_run(_argv(case, data, data / "x")), "output-inside-input")
    assert _digest(data) == before


@pytest.mark.parametrize("case", [c for c in CASES if _spec(c).folder and "data_dir" in _spec(c).inputs],
                         ids=lambda c: f"{c[0]}:{c[1]}")
def test_folder_output_that_contains_the_input_is_refused(case, data, tmp_path):
    before = _digest(data)
    _refused(_run(_argv(case, data, tmp_path)), "output-contains-input")
    assert _digest(data) == before


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_missing_parent_folder_is_refused(case, data, tmp_path):
    out = tmp_path / "nope" / "x"
    _refused(_run(_argv(case, data, out)), "missing-folder")
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("case", [c for c in CASES if not _spec(c).folder], ids=lambda c: f"{c[0]}:{c[1]}")
def test_read_only_file_is_not_replaced(case, data, tmp_path):
    out = _default_out(case, tmp_path)
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o444)
    _refused(_run(_argv(case, data, out)), "read-only")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert (out.stat().st_mode & 0o777) == 0o444


@pytest.mark.parametrize("case", [c for c in CASES if not _spec(c).folder], ids=lambda c: f"{c[0]}:{c[1]}")
def test_replaced_file_keeps_its_mode_and_a_folder_is_not_a_file(case, data, tmp_path):
    out = _default_out(case, tmp_path)
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    assert _run(_argv(case, data, out)).exit_code == 0
    assert out.read_bytes() != b"old\n" and (out.stat().st_mode & 0o777) == 0o640
    _refused(_run(_argv(case, data, tmp_path)), None)


@pytest.mark.parametrize("case", [c for c in CASES if _spec(c).folder], ids=lambda c: f"{c[0]}:{c[1]}")
def test_non_empty_folder_needs_force_and_force_keeps_other_files(case, data, tmp_path):
    out = _default_out(case, tmp_path)
    out.mkdir()
    (out / "catatan-saya.txt").write_text("milik pengguna\n", encoding="utf-8")
    _refused(_run(_argv(case, data, out)), "folder-not-empty")
    assert sorted(p.name for p in out.iterdir()) == ["catatan-saya.txt"]
    result = _run([*_argv(case, data, out), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "catatan-saya.txt").read_text(encoding="utf-8") == "milik pengguna\n"
    assert len(list(out.iterdir())) > 1
    assert not [p for p in out.rglob("*") if p.name.startswith(".pohon-staging")]


@pytest.mark.parametrize("case", [c for c in CASES if _spec(c).folder], ids=lambda c: f"{c[0]}:{c[1]}")
def test_a_file_where_a_folder_goes_is_refused(case, data, tmp_path):
    out = _default_out(case, tmp_path)
    out.write_text("x", encoding="utf-8")
    _refused(_run(_argv(case, data, out)), "not-a-folder")
    assert out.read_text(encoding="utf-8") == "x"


def test_empty_output_path_is_refused(data):
    for case in CASES:
        result = _run(_argv(case, data, ""))
        assert result.exit_code == 2, (case, result.output)
        assert "Traceback" not in result.output
