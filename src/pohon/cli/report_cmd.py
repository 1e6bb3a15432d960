"""`pohon report`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_OK, NonEmptyPath, data_dir_argument, default_data_dir, lang_option, load_graph_or_exit, writes


@main.command("report")
@data_dir_argument
@click.option("-o", "--output", "output", type=NonEmptyPath(path_type=Path), required=True,
              help="Berkas keluaran .md atau .html / output file.")
@lang_option
@writes("output")
def report_cmd(data_dir, output, lang):
    """Tulis lembar reviu (Markdown atau HTML): ringkasan, temuan per aturan, tabel unit, anggaran per SP.

    Write a review sheet (.md or self-contained .html): summary, findings by rule with evidence and source
    lines, a per-unit table and the budget roll-up by SP. Written atomically; exit 0 when written.
    """
    from pohon.report import format_of, write_report

    format_of(output)
    data_dir = data_dir or default_data_dir()
    graph = load_graph_or_exit(data_dir)
    write_report(graph, output, lang, inputs=[data_dir])
    click.echo(str(output))
    sys.exit(EXIT_OK)
