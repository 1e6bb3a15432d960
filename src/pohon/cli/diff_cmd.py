"""`pohon diff`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_OK, NonEmptyPath, lang_option, load_graph_or_exit

FORMATS = ("json", "markdown", "text")  # = pohon.exporters.diff_report.FORMATS (tests/test_cli_help.py)


@main.command("diff")
@click.argument("old_dir", type=NonEmptyPath(path_type=Path))
@click.argument("new_dir", type=NonEmptyPath(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@lang_option
def diff_cmd(old_dir, new_dir, fmt, lang):
    """Bandingkan dua versi cascade: indikator ditambah, dihapus, diubah kode/nama, target, unit, anggaran.

    Compare two versions of a cascade (e.g. a Renstra and its revision): indicators added, removed or
    renamed/re-coded (matched by name similarity), targets, unit assignments and budget shifts, with figures.
    Exit 0 whether or not they differ; 2 on bad input.
    """
    from pohon.diff import diff_datasets
    from pohon.exporters.diff_report import FORMATS as RENDER

    old, new = load_graph_or_exit(old_dir, label=True), load_graph_or_exit(new_dir, label=True)
    click.echo(RENDER[fmt](diff_datasets(old, new), lang), nl=False)
    sys.exit(EXIT_OK)
