"""`pohon extract`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, NonEmptyPath, force_option, writes
from pohon.extract.errors import ExtractError


@main.command("extract")
@click.argument("source", type=NonEmptyPath(path_type=Path))
@click.option("--out", "out_dir", required=True, type=NonEmptyPath(path_type=Path),
              help="Folder tujuan CSV / folder to write the CSV files to.")
@click.option("--overrides", "overrides_path", type=NonEmptyPath(path_type=Path),
              help="Koreksi manual (bawaan: OUT/overrides.csv bila ada) / "
                   "hand corrections (default: OUT/overrides.csv when present).")
@force_option
@writes("out_dir", folder=True, inputs=("source", "overrides_path"))
def extract(source, out_dir, overrides_path, force):
    """Bangun ulang berkas data/ dari teks Renstra SOURCE, lalu terapkan koreksi manual.

    Rebuild the data/ CSV files from the Renstra text SOURCE, apply the overrides, and write all
    files at once (nothing is written when any step fails). Exit 0 on success, 2 on bad input.
    """
    from pohon.extract.build import extract_all, write_all
    from pohon.extract.overrides import apply_overrides, read_overrides

    if overrides_path is None and (out_dir / "overrides.csv").is_file():
        overrides_path = out_dir / "overrides.csv"
    try:
        files = extract_all(source)
        if overrides_path is not None:
            try:
                overrides = read_overrides(overrides_path)
            except OSError as exc:
                raise ExtractError(str(overrides_path), 0, 0, "IO", exc.strerror or str(exc)) from exc
            apply_overrides(files, overrides)
        write_all(files, out_dir, inputs=[source, overrides_path], force=force)
    except ExtractError as err:
        click.echo(str(err), err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"{len(files)} berkas ditulis ke / files written to {out_dir}")
