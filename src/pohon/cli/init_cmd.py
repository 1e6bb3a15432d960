"""`pohon init`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_OK, NonEmptyPath, force_option, lang_option, writes
from pohon.init import init_cascade
from pohon.words import say


@main.command("init")
@click.argument("folder", type=NonEmptyPath(path_type=Path))
@lang_option
@click.option("--xlsx", "as_workbook", is_flag=True, default=False,
              help="Tulis satu buku kerja pohon.xlsx / write one workbook pohon.xlsx instead of CSV files.")
@force_option
@writes("folder", folder=True, inputs=())
def init_cmd(folder, lang, as_workbook, force):
    """Buat templat data/ (satu baris contoh per berkas) dan PANDUAN.md di FOLDER untuk instansi lain.

    Create empty data/ templates (one example row each) and a short guide in FOLDER, so another agency can
    fill its cascade in Excel and run `pohon check FOLDER`. A folder that already holds files is refused
    (exit 2) unless --force is given; --force replaces the template files and leaves other files alone.
    """
    from pohon.init import init_workbook

    written = [init_workbook(folder, force=force)] if as_workbook else init_cascade(folder, force=force)
    for path in written:
        click.echo(str(path))
    target = written[0] if as_workbook else folder
    click.echo(say("cli", "next-check", lang, target=target))
    sys.exit(EXIT_OK)
