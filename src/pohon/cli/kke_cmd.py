"""`pohon kke`: the cascading part of the SAKIP Kertas Kerja Evaluasi as a pre-filled workbook."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import EXIT_OK, NonEmptyPath, data_dir_argument, default_data_dir, lang_option, load_or_exit, writes
from pohon.errors import OptionError


@main.command("kke")
@data_dir_argument
@click.option("-o", "--output", "output", type=NonEmptyPath(path_type=Path), required=True,
              help="Berkas keluaran .xlsx / output workbook.")
@lang_option
@writes("output")
def kke_cmd(data_dir, output, lang):
    """Tulis Kertas Kerja Evaluasi (SMART-C, cascading, anggaran) yang sudah diisi dengan bukti.

    Write the cascading part of the SAKIP evaluation work sheets as an .xlsx workbook: KKE-1 SMART-C per IK
    and IKK, KKE-2 Cascading per SP/IK/IKK, KKE-3 Anggaran per funded komponen, each answer Y/T/K with its
    evidence (rules, findings, source lines) where pohon can decide it and blank for the evaluator where a
    person must judge; Ringkasan scores every sheet with live formulas. Exit 0 when written.
    """
    if output.suffix.lower() != ".xlsx":
        raise OptionError(str(output), "bad-suffix", "berkas keluaran harus .xlsx",
                          "the output file must end in .xlsx")
    from pohon import kke, output as out
    from pohon.checks import run_checks
    from pohon.exporters.kke_xlsx import to_xlsx
    from pohon.graph import build_graph

    data_dir = data_dir or default_data_dir()
    ds = load_or_exit(data_dir)
    sheets = kke.build(build_graph(ds), run_checks(ds))
    out.write_file(output, to_xlsx(sheets, ds.name, lang), inputs=[data_dir])
    click.echo(str(output))
    sys.exit(EXIT_OK)
