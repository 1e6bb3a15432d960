"""`pohon budget`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import (EXIT_BAD_INPUT, EXIT_OK, NonEmptyPath, data_dir_argument, default_data_dir, lang_option,
                              load_graph_or_exit, writes)
from pohon.output import write_file
from pohon.words import say

BY = ("ss", "sp", "ik", "unit")  # = pohon.budget.BY (tests/test_cli_help.py keeps them equal)
FORMATS = ("csv", "json", "text")  # = pohon.exporters.budget_table.FORMATS


@main.command("budget")
@data_dir_argument
@click.option("--by", "by", type=click.Choice(BY), required=True, help="Kelompokkan per / group by.")
@click.option("--year", type=int, default=None, help="Satu tahun saja / one year only (YYYY).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@click.option("-o", "--output", type=NonEmptyPath(path_type=Path),
              help="Tulis ke berkas ini, bukan ke layar / write to this file instead of standard output.")
@lang_option
@writes("output")
def budget_cmd(data_dir, by, year, fmt, lang, output):
    """Jumlah anggaran komponen per SS, SP, IK atau unit, tiap komponen dihitung sekali.

    The komponen money under each SS, SP, IK or unit; every komponen is counted once and the lines sum to
    the total of all komponen (the allocation rule is printed with the table).
    """
    from pohon.budget import UnknownYearError, rollup
    from pohon.exporters.budget_table import FORMATS as RENDER

    graph = load_graph_or_exit(data_dir)
    try:
        result = rollup(graph, by, year, lang)
    except UnknownYearError as err:
        years = ", ".join(map(str, err.years))
        click.echo(say("cli", "unknown-year", lang, year=err.year, years=years), err=True)
        sys.exit(EXIT_BAD_INPUT)
    text = RENDER[fmt](result, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file(output, text, inputs=[data_dir or default_data_dir()])
    sys.exit(EXIT_OK)
