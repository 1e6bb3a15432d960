"""`pohon init`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, lang_option
from pohon.init import InitExistsError, init_cascade


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@lang_option
def init_cmd(folder, lang):
    """Buat templat data/ (satu baris contoh per berkas) dan PANDUAN.md di FOLDER untuk instansi lain.

    Create empty data/ templates (one example row each) and a short guide in FOLDER, so another agency can
    fill its cascade in Excel and run `pohon check FOLDER`. Refuses to overwrite existing files (exit 2).
    """
    try:
        written = init_cascade(folder)
    except InitExistsError as err:
        names = ", ".join(str(p) for p in err.existing[:3]) + (f" (+{len(err.existing) - 3})"
                                                                 if len(err.existing) > 3 else "")
        click.echo(f"refusing to overwrite existing files: {names}" if lang == "en"
                   else f"tidak menimpa berkas yang sudah ada: {names}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except OSError as err:
        click.echo(f"{folder}: {err.strerror}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for path in written:
        click.echo(str(path))
    click.echo(f"next: pohon check {folder}" if lang == "en" else f"berikutnya: pohon check {folder}")
    sys.exit(EXIT_OK)
