"""`pohon check`."""
from __future__ import annotations

import sys

import click

from pohon.checks import SEVERITY_RANK, UnknownRuleError, run_checks
from pohon.cli import main
from pohon.cli.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, data_dir_argument, lang_option, load_or_exit
from pohon.exporters.findings import FORMATS


@main.command("check")
@data_dir_argument
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format keluaran / output format.")
@lang_option
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error", show_default=True,
              help="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih / exit 1 at this severity.")
@click.option("--rule", "rules", multiple=True, help="Jalankan aturan ini saja (boleh berulang) / only this rule.")
def check(data_dir, fmt, lang, fail_on, rules):
    """Periksa cascading kinerja di DATA_DIR dan laporkan temuan.

    Check the cascade in DATA_DIR (default: the bundled data/) and report findings. Exit 0 when nothing
    reaches --fail-on, 1 when something does, 2 on bad input.
    """
    ds = load_or_exit(data_dir)
    try:
        findings = run_checks(ds, rules or None)
    except UnknownRuleError as err:
        click.echo(f"aturan tidak dikenal / unknown rule: {err}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(FORMATS[fmt](ds, findings, lang), nl=False)
    threshold = SEVERITY_RANK.get(fail_on)
    hit = threshold is not None and any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if hit else EXIT_OK)
