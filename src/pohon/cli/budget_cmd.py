"""`pohon budget`."""
from __future__ import annotations

import sys

import click

from pohon.budget import BY, UnknownYearError, rollup
from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, data_dir_argument, lang_option, load_graph_or_exit
from pohon.exporters.budget_table import FORMATS


@main.command("budget")
@data_dir_argument
@click.option("--by", "by", type=click.Choice(BY), required=True, help="Kelompokkan per / group by.")
@click.option("--year", type=int, default=None, help="Satu tahun saja / one year only (YYYY).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@lang_option
def budget_cmd(data_dir, by, year, fmt, lang):
    """Jumlah anggaran komponen per SS, SP, IK atau unit, tiap komponen dihitung sekali.

    The komponen money under each SS, SP, IK or unit; every komponen is counted once and the lines sum to
    the total of all komponen (the allocation rule is printed with the table).
    """
    graph = load_graph_or_exit(data_dir)
    try:
        result = rollup(graph, by, year, lang)
    except UnknownYearError as err:
        years = ", ".join(map(str, err.years))
        click.echo(f"year {err.year} is not in the cascade ({years})" if lang == "en"
                   else f"tahun {err.year} tidak ada dalam cascade ({years})", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(FORMATS[fmt](result, lang), nl=False)
    sys.exit(EXIT_OK)
