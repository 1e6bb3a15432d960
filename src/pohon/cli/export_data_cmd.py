"""`pohon export xlsx` / `pohon export csv`: the cascade in the data/ format, as one workbook (planners edit
it in Excel) or as the CSV files of a data/ folder (from a workbook back to CSV)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli.common import (EXIT_OK, NonEmptyPath, data_dir_argument, default_data_dir, force_option, load_or_exit,
                              writes)
from pohon.cli.export_cmd import export
from pohon.errors import OptionError


@export.command("xlsx")
@data_dir_argument
@click.option("-o", "--output", required=True, type=NonEmptyPath(path_type=Path), help="Workbook to write (.xlsx).")
@writes("output")
def export_xlsx(data_dir, output):
    """Tulis cascade sebagai satu buku kerja .xlsx (satu lembar per tabel data/).

    Write the cascade in DATA_DIR (a folder or a workbook) as one .xlsx workbook: one sheet per data/ table
    with the same columns, numbers as numbers, drop-downs and locked headers, and a PANDUAN sheet. Every command reads such a workbook where it takes DATA_DIR.
    """
    if output.suffix.lower() != ".xlsx":
        raise OptionError(str(output), "bad-suffix", "berkas keluaran harus .xlsx", "the output file must end in .xlsx")
    from pohon import output as out
    from pohon.exporters.workbook import to_xlsx

    data_dir = data_dir or default_data_dir()
    ds = load_or_exit(data_dir)
    out.write_file(output, to_xlsx(ds), inputs=[data_dir])
    click.echo(str(output))
    sys.exit(EXIT_OK)


@export.command("csv")
@data_dir_argument
@click.option("-o", "--output", required=True, type=NonEmptyPath(path_type=Path),
              help="Folder to write the data/ CSV files into.")
@force_option
@writes("output", folder=True)
def export_csv(data_dir, output, force):
    """Tulis cascade (folder atau buku kerja .xlsx) sebagai berkas CSV data/.

    Write the cascade in DATA_DIR (typically a workbook a planner filled) as the CSV files of a data/
    folder, written as `pohon extract` writes them: fixed column order, LF line ends, numbers as the
    cascade writes them (a target shown `3.50` keeps its two decimals). All files are written at once; a non-empty folder needs --force.
    """
    from pohon import output as out
    from pohon.exporters.csvdir import to_csv_files

    data_dir = data_dir or default_data_dir()
    ds = load_or_exit(data_dir)
    files = to_csv_files(ds)
    out.write_folder(output, files, inputs=[data_dir], force=force)
    click.echo(f"{output}: {len(files)} files")
    sys.exit(EXIT_OK)
