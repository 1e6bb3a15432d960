"""`pohon visual`: interactive offline HTML graph(s) of the cascade."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from pohon import output as out
from pohon.cli import main
from pohon.cli.common import (EXIT_BAD_INPUT, NonEmptyPath, data_dir_argument, default_data_dir, force_option,
                              lang_option, load_graph_or_exit, writes)
from pohon.errors import UnknownNodeError
from pohon.nodes import kind_of
from pohon.words import words

DEPTHS = ("ik", "unit", "ikk", "komponen")


def _bad(where: str, code: str, message: str) -> None:
    click.echo(f"{where}: {code}: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def _option_errors(msg: dict, unit, tipe, sp):
    """A view option naming nothing in the data: the option's error, exit 2."""
    from pohon.exporters.html import VisualOptionError

    try:
        yield
    except UnknownNodeError as err:
        if kind_of(err.node) == "SP":
            _bad("--sp", "unknown-sp", msg["sp"].format(value=sp))
        _bad("--unit", "unknown-unit", msg["unit"].format(value=unit))
    except VisualOptionError as err:
        if err.option == "tipe":
            _bad("--tipe", "unknown-tipe", msg["tipe"].format(value=tipe))
        _bad(f"--{err.option}", f"bad-{err.option}", str(err))


@main.command("visual")
@data_dir_argument
@click.option("-o", "--output", type=NonEmptyPath(path_type=Path),
              help="Berkas HTML keluaran / output HTML file.")
@click.option("--all", "all_dir", type=NonEmptyPath(path_type=Path),
              help="Tulis semua halaman visual/ ke FOLDER ini (index.html, ringkasan badan, tipe-*.html, unit-*.html) / "
                   "write every committed page.")
@click.option("--unit", help="Hanya unit ini, mis. P4SI / only this unit (units.csv kode).")
@click.option("--tipe", help="Hanya unit bertipe ini, mis. BSPJI / only units of this type.")
@click.option("--sp", help="Hanya Sasaran Program ini, mis. SP3 / only this SP.")
@click.option("--depth", default="unit", show_default=True, metavar="ik|unit|ikk|komponen",
              help="Sampai tingkat mana digambar / how deep to draw.")
@click.option("--title", help="Judul halaman / page title (default: nama dataset).")
@click.option("--diff", "old_dir", type=NonEmptyPath(path_type=Path), metavar="OLD_DIR",
              help="Warnai yang berubah dibanding versi lama di OLD_DIR / colour what changed since OLD_DIR.")
@lang_option
@force_option
@writes("output", inputs=("data_dir", "old_dir"))
@writes("all_dir", folder=True, inputs=("data_dir", "old_dir"))
def visual(data_dir, output, all_dir, unit, tipe, sp, depth, title, old_dir, lang, force):
    """Gambar grafik interaktif (HTML luring, satu berkas) dari cascading di DATA_DIR.

    Draw an interactive, offline, single-file HTML graph of the cascade in DATA_DIR (default: the
    project's data/). Nodes with findings of `pohon check` stand out; search, filters by unit and SP,
    click a node to highlight its path. Exit 0 on success, 2 on bad input.

    \b
    Contoh / examples:
      pohon visual -o bskji.html
      pohon visual --unit P4SI --depth komponen -o p4si.html
      pohon visual --all visual/        # regenerate the committed pages
      pohon visual revisi/ --diff renstra-lama/ -o perubahan.html

    With --diff OLD_DIR: added (+, green), changed (Δ, amber) and renamed/re-coded (✎, purple, dotted)
    nodes are coloured, unchanged ones grey; removed nodes come back as faded dashed ghosts where they were.
    """
    from pohon.exporters.html import render_all, render_html, unit_page

    msg = words("visual-cli", lang)
    where = "pohon visual"  # an option problem has no place in a file: the command (or option) is named
    if not output and not all_dir:
        _bad(where, "missing-output", msg["need_out"])
    if output and all_dir:
        _bad(where, "bad-option", msg["both"])
    if depth not in DEPTHS:
        _bad("--depth", "bad-depth", msg["depth"].format(value=depth, choices=", ".join(DEPTHS)))
    data_dir = data_dir or default_data_dir()
    two = old_dir is not None  # reading two cascades: each error names its folder
    if unit and not two and not all_dir:  # a unit's page is drawn from the unit's selection of the data
        from pohon.load.checked import checked_view

        ds, findings = checked_view(data_dir, (unit,))  # a LoadError goes to the CLI's error path
        with _option_errors(msg, unit, tipe, sp):
            html = unit_page(ds, unit, findings, sp=sp, tipe=tipe, depth=depth, lang=lang, title=title)[0]
        out.write_file(output, html, inputs=[data_dir])
        click.echo(msg["wrote"].format(path=output))
        return
    from pohon.checks import run_checks

    graph = load_graph_or_exit(data_dir, label=two)
    findings = run_checks(graph)
    old_graph = load_graph_or_exit(old_dir, label=True) if old_dir is not None else None
    old_label = old_dir.resolve().name if old_dir is not None else None
    if all_dir:
        pages = render_all(graph, findings, lang=lang, old_graph=old_graph, old_label=old_label)
        out.write_folder(all_dir, pages, inputs=[data_dir, old_dir], force=force)
        for name in pages:
            click.echo(msg["wrote"].format(path=all_dir / name))
        return
    with _option_errors(msg, unit, tipe, sp):
        html = render_html(graph, findings, unit=unit, tipe=tipe, sp=sp, depth=depth, lang=lang, title=title,
                           old_graph=old_graph, old_label=old_label)
    out.write_file(output, html, inputs=[data_dir, old_dir])
    click.echo(msg["wrote"].format(path=output))
