"""`pohon trace`."""
from __future__ import annotations

import sys

import click

from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_OK, data_dir_argument, default_data_dir, lang_option

FORMATS = ("json", "text")  # = pohon.exporters.trace_tree.FORMATS (tests/test_cli_help.py keeps them equal)


@main.command("trace")
@click.argument("node")
@data_dir_argument
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@lang_option
def trace_cmd(node, data_dir, fmt, lang):
    """Telusuri NODE ke atas sampai SS dan ke bawah sampai komponen beserta anggarannya.

    Trace NODE up to the Kemenperin SS and down to the komponen with their budgets. NODE is an IK code
    (T1/SP3/a), a unit (P4SI), an IKK (P4SI:SK.1.2), a komponen (P4SI:SK.1.2:A) or a full node id.
    """
    from pohon.exporters.trace_tree import FORMATS as RENDER
    from pohon.trace import NodeNotFound, trace_folder

    try:
        result = trace_folder(data_dir or default_data_dir(), node)  # a LoadError goes to the CLI's error path
    except NodeNotFound as err:
        click.echo(err.message(lang), err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(RENDER[fmt](result, lang), nl=False)
    sys.exit(EXIT_OK)
