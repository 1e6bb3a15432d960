"""`pohon check` through click's CliRunner: every format, every exit code, both languages."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from pohon.cli import main
from tests.fixtures import BY_ID

LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[a-z-]+): (?P<message>.+)$")


def run(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


@pytest.fixture
def warning_dir(make_fixture):
    """A cascade whose only finding is a warning (sasaran-mismatch)."""
    return make_fixture("sasaran-mismatch", "sk-vs-ik")


@pytest.fixture
def error_dir(make_fixture):
    """A cascade whose only finding is an error (budget-mismatch on Unit:B2, 2021)."""
    return make_fixture("budget-mismatch", "unit-vs-komponen")


# --- formats -----------------------------------------------------------------------------------------------

def test_clean_text(clean_dir):
    r = run(clean_dir)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "Badan Contoh: 37 simpul; 0 temuan (0 galat, 0 peringatan, 0 info)"
    assert r.stderr == ""


def test_clean_json(clean_dir):
    r = run(clean_dir, "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["findings"] == []
    assert doc["summary"]["dataset"] == "Badan Contoh"
    assert doc["summary"]["findings"] == 0
    assert doc["summary"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}
    assert doc["summary"]["nodes"]["Unit"] == 5


def test_clean_markdown(clean_dir):
    r = run(clean_dir, "--format", "markdown", "--lang", "en")
    assert r.exit_code == 0
    assert r.stdout.startswith("# Check results: Badan Contoh\n")
    assert "No findings." in r.stdout


def test_text_lists_each_finding(error_dir):
    r = run(error_dir)
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:3] == ["error", "budget-mismatch", "Unit:B2"]
    assert "2021" in lines[0] and "50,00" in lines[0] and "52,00" in lines[0]  # Indonesian numbers
    assert lines[1].endswith("1 temuan (1 galat, 0 peringatan, 0 info)")


def test_json_shape(error_dir):
    r = run(error_dir, "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert set(doc) == {"findings", "summary"}
    [f] = doc["findings"]
    assert set(f) == {"rule", "severity", "node", "kind", "message", "details"}
    assert (f["rule"], f["severity"], f["node"], f["kind"]) == ("budget-mismatch", "error", "Unit:B2",
                                                                "unit-vs-komponen")
    want = BY_ID["budget-mismatch/unit-vs-komponen"].figures
    assert {k: f["details"][k] for k in want} == want
    s = doc["summary"]
    assert s["findings"] == 1 and s["by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert s["by_rule"] == {"budget-mismatch": 1}


def test_markdown_table(error_dir):
    r = run(error_dir, "--format", "markdown")
    assert r.exit_code == 1
    assert "| tingkat | aturan | simpul | pesan |" in r.stdout
    assert "| error | `budget-mismatch` | `Unit:B2` |" in r.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_lang_en_changes_messages(error_dir, fmt):
    id_ = run(error_dir, "--format", fmt, "--lang", "id").stdout
    en = run(error_dir, "--format", fmt, "--lang", "en").stdout
    assert id_ != en
    assert "pagu unit" in id_ and "unit pagu" in en
    if fmt == "json":
        assert json.loads(en)["findings"][0]["message"].startswith("2021: unit pagu")


def test_unicode_survives_json(make_fixture):
    r = run(make_fixture("budget-mismatch", "unit-vs-komponen"), "--format", "json")
    assert "≠" in r.stdout  # ensure_ascii=False: messages stay readable


# --- exit codes --------------------------------------------------------------------------------------------

def test_exit_1_on_error_at_default_fail_on(error_dir):
    assert run(error_dir).exit_code == 1


def test_exit_0_with_fail_on_never(error_dir):
    r = run(error_dir, "--fail-on", "never")
    assert r.exit_code == 0
    assert "budget-mismatch" in r.stdout


def test_warning_below_default_threshold_exits_0(warning_dir):
    r = run(warning_dir)
    assert r.exit_code == 0
    assert "sasaran-mismatch" in r.stdout


def test_warning_at_warning_threshold_exits_1(warning_dir):
    assert run(warning_dir, "--fail-on", "warning").exit_code == 1


def test_error_at_warning_threshold_exits_1(error_dir):
    assert run(error_dir, "--fail-on", "warning").exit_code == 1


def test_info_never_fails(make_fixture):
    r = run(make_fixture("unfunded-indicator", "no-komponen"), "--fail-on", "warning")
    assert r.exit_code == 0
    assert "unfunded-indicator" in r.stdout


def test_rule_selects_rules(error_dir):
    r = run(error_dir, "--rule", "sasaran-mismatch", "--rule", "orphan-indicator")
    assert r.exit_code == 0
    assert "budget-mismatch" not in r.stdout


def test_bad_input_exits_2_with_located_lines(clean_dir):
    komponen = clean_dir / "komponen.csv"
    komponen.write_text(komponen.read_text(encoding="utf-8").replace("PUS,SK.1.1,B,Penyusunan program,40,40,",
                                                           "PUS,SK.1.1,B,Penyusunan program,40,4O,"), encoding="utf-8")
    units = clean_dir / "units.csv"
    units.write_text(units.read_text(encoding="utf-8") + "B1,Lagi,BB,UPT,1,1,1,1,15\n", encoding="utf-8")
    r = run(clean_dir, "--format", "json")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert isinstance(r.exception, SystemExit) and "Traceback" not in r.output
    lines = r.stderr.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["file"], m["line"], m["col"], m["code"]) for m in parsed] == [
        ("komponen.csv", "4", "6", "bad-number"), ("units.csv", "7", "1", "duplicate-id")]


def test_missing_folder_exits_2(tmp_path):
    r = run(tmp_path / "tidak-ada")
    assert r.exit_code == 2
    assert isinstance(r.exception, SystemExit)
    [line] = r.stderr.splitlines()
    m = LINE.match(line)
    assert m and m["code"] == "missing-folder" and m["file"].endswith("tidak-ada")


def test_unknown_rule_exits_2(clean_dir):
    r = run(clean_dir, "--rule", "no-such-rule")
    assert r.exit_code == 2
    assert isinstance(r.exception, SystemExit)
    assert "no-such-rule" in r.stderr
    assert r.stdout == ""


def test_unknown_format_is_a_usage_error(clean_dir):
    r = run(clean_dir, "--format", "xml")
    assert r.exit_code == 2
    assert "xml" in r.stderr


def test_pohon_data_environment_variable(clean_dir, monkeypatch):
    monkeypatch.setenv("POHON_DATA", str(clean_dir))
    r = CliRunner().invoke(main, ["check"])
    assert r.exit_code == 0
    assert r.stdout.startswith("Badan Contoh:")


def test_real_entry_point_reports_bad_input_without_traceback(clean_dir):
    """`python cli.py check` in a fresh interpreter: every command module imports, errors stay one-liners."""
    import subprocess
    import sys
    from pathlib import Path

    (clean_dir / "sk.csv").write_text("unit,sk,nama,sp,baris\nZZ,SK.1,Sasaran,SP1,80\n", encoding="utf-8")
    cli = Path(__file__).resolve().parents[1] / "cli.py"
    p = subprocess.run([sys.executable, str(cli), "check", str(clean_dir)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    lines = p.stderr.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    assert "sk.csv:2:1: unknown-unit: " in p.stderr
