"""`pohon report`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, data_dir_argument, lang_option, load_graph_or_exit
from pohon.report import ReportFormatError, format_of, write_report


@main.command("report")
@data_dir_argument
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True,
              help="Berkas keluaran .md atau .html / output file.")
@lang_option
def report_cmd(data_dir, output, lang):
    """Tulis lembar reviu (Markdown atau HTML): ringkasan, temuan per aturan, tabel unit, anggaran per SP.

    Write a review sheet (.md or self-contained .html): summary, findings by rule with evidence and source
    lines, a per-unit table and the budget roll-up by SP. Written atomically; exit 0 when written.
    """
    try:
        format_of(output)
    except ReportFormatError:
        click.echo(f"{output}: use .md or .html" if lang == "en" else f"{output}: gunakan akhiran .md atau .html",
                   err=True)
        sys.exit(EXIT_BAD_INPUT)
    if not output.parent.is_dir() and str(output.parent):
        click.echo(f"{output.parent}: folder not found" if lang == "en" else f"{output.parent}: folder tidak ada",
                   err=True)
        sys.exit(EXIT_BAD_INPUT)
    graph = load_graph_or_exit(data_dir)
    write_report(graph, output, lang)
    click.echo(str(output))
    sys.exit(EXIT_OK)
