"""Every command and subcommand of `pohon` — including ones added later — has help text, and `--help` works."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from pohon.cli import main


def walk(cmd: click.Command, path: tuple[str, ...] = ()):
    """(path, command) for `cmd` and, recursively, every command under it."""
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd, info_name=path[-1] if path else "pohon")
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            assert sub is not None, f"{' '.join(path + (name,))} is listed but cannot be loaded"
            yield from walk(sub, path + (name,))


COMMANDS = list(walk(main))
IDS = [" ".join(("pohon", *p)) for p, _ in COMMANDS]


def test_the_walk_finds_the_core_commands():
    assert ("check",) in [p for p, _ in COMMANDS]
    assert len(COMMANDS) >= 2


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=IDS)
def test_command_has_help_text(path, cmd):
    text = (cmd.help or cmd.short_help or "").strip()
    assert text, f"pohon {' '.join(path)} has no help text (write a docstring)"
    assert len(text.split()) >= 3, f"pohon {' '.join(path)}: help text {text!r} says too little"
    assert cmd.get_short_help_str(limit=80).strip()


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=IDS)
def test_help_option_works(path, cmd):
    r = CliRunner().invoke(main, [*path, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.stdout


def test_choices_the_cli_offers_are_what_the_library_renders():
    """The command modules list their --format/--by choices themselves (so `pohon check` does not import
    every exporter); these must stay the library's."""
    from pohon.budget import BY
    from pohon.cli import budget_cmd, diff_cmd, trace_cmd
    from pohon.exporters import budget_table, diff_report, trace_tree

    assert budget_cmd.BY == BY and set(budget_cmd.FORMATS) == set(budget_table.FORMATS)
    assert set(diff_cmd.FORMATS) == set(diff_report.FORMATS) and set(trace_cmd.FORMATS) == set(trace_tree.FORMATS)
