"""`pohon diff`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, NonEmptyPath, lang_option, load_graph_or_exit
from pohon.words import words

FORMATS = ("json", "markdown", "text")  # = pohon.exporters.diff_report.FORMATS (tests/test_cli_help.py)


def _view_or_exit(folder: Path, units):
    """A version's rows of the view, from its checked cascade when unchanged (pohon.load.checked); a
    LoadError names the folder."""
    from pohon.errors import LoadError
    from pohon.load.checked import checked_dataset

    try:
        return checked_dataset(folder, units)
    except LoadError as err:
        raise err.in_folder(folder) from None


@main.command("diff")
@click.argument("old_dir", type=NonEmptyPath(path_type=Path))
@click.argument("new_dir", type=NonEmptyPath(path_type=Path))
@click.option("--unit", help="Hanya unit ini dan yang diembannya, mis. P4SI / only this unit's view.")
@click.option("--sp", help="Hanya Sasaran Program ini, mis. SP3 / only this SP's view.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@lang_option
def diff_cmd(old_dir, new_dir, unit, sp, fmt, lang):
    """Bandingkan dua versi cascade: indikator ditambah, dihapus, diubah kode/nama, target, unit, anggaran.

    Compare two versions of a cascade (e.g. a Renstra and its revision): indicators added, removed or
    renamed/re-coded (matched by name similarity), targets, unit assignments and budget shifts, with figures.
    With --unit or --sp, only that view in both versions: the unit (or SP), what hangs from it and the
    IKs, SPs and SS it serves, with its own budgets; only that part of each version is built, and a
    version unchanged since it last loaded clean is read from its checked cascade (as trace does).
    Exit 0 whether or not they differ; 2 on bad input.
    """
    from pohon.diff import diff_datasets, diff_views
    from pohon.exporters.diff_report import FORMATS as RENDER

    if unit and sp:
        click.echo(f"pohon diff: bad-option: {words('diff-cli', lang)['both']}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if unit or sp:
        from pohon.errors import UnknownNodeError
        from pohon.selection import Selection

        units = (unit,) if unit else None
        old, new = _view_or_exit(old_dir, units), _view_or_exit(new_dir, units)
        try:
            d = diff_views(old, new, Selection(unit=unit, sp=sp))
        except UnknownNodeError:
            option, code, value = ("--unit", "unknown-unit", unit) if unit else ("--sp", "unknown-sp", sp)
            click.echo(f"{option}: {code}: {words('diff-cli', lang)[option[2:]].format(value=value)}", err=True)
            sys.exit(EXIT_BAD_INPUT)
    else:
        d = diff_datasets(load_graph_or_exit(old_dir, label=True), load_graph_or_exit(new_dir, label=True))
    click.echo(RENDER[fmt](d, lang), nl=False)
    sys.exit(EXIT_OK)
