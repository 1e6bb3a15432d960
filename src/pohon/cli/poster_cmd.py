"""`pohon poster`: the cascade as a printable org-chart poster (SVG or PDF), paged by subtree."""
from __future__ import annotations

from pathlib import Path

import click

from pohon import output as out
from pohon.cli import main
from pohon.cli.common import NonEmptyPath, data_dir_argument, default_data_dir, lang_option, load_or_exit, writes
from pohon.errors import OptionError
from pohon.words import say

DEPTHS = ("ik", "unit", "ikk", "komponen")
PAPERS = ("A4", "A3", "A2")
FORMATS = {".svg": "svg", ".pdf": "pdf"}


@main.command("poster")
@data_dir_argument
@click.option("-o", "--output", type=NonEmptyPath(path_type=Path), required=True,
              help="Berkas keluaran .svg atau .pdf / output file (.svg or .pdf).")
@click.option("--unit", help="Hanya jalur ke unit ini, mis. P4SI / only what reaches this unit (units.csv kode).")
@click.option("--sp", help="Hanya Sasaran Program ini, mis. SP3 / only this SP.")
@click.option("--depth", type=click.Choice(DEPTHS), default="unit", show_default=True,
              help="Sampai tingkat mana digambar / how deep to draw.")
@click.option("--paper", type=click.Choice(PAPERS, case_sensitive=False), default="A3", show_default=True,
              help="Ukuran kertas (lanskap) / paper size (landscape).")
@lang_option
@writes("output")
def poster(data_dir, output, unit, sp, depth, paper, lang):
    """Gambar pohon kinerja sebagai poster cetak (SVG atau PDF) dari cascading di DATA_DIR.

    Draw the cascade in DATA_DIR (default: the project's data/) as a printable org chart of boxes,
    top-down SS → SP → IK → unit → IKK → komponen (as deep as --depth asks). Each box shows its code,
    name, last year's target with its satuan (IK, IKK) and the budget under it (Rp juta, each komponen
    counted once, as `pohon budget`); boxes with findings of `pohon check` carry a severity mark and a
    number pointing to the findings list at the end. A Lampiran IV mark for a unit type is one box
    ("BSPJI · 13 balai"), its balai under it from --depth ikk on. A tree too big for the paper at
    readable size (7 pt) is cut by subtree: a first page with the top of the tree, each cut box saying
    where it continues (→ hlm. 4), then each SP, unit or unit type on pages of its own (a unit too big
    continues by its IKKs). Exit 0 on success, 2 on bad input.

    \b
    Contoh / examples:
      pohon poster -o bskji.pdf
      pohon poster --unit P4SI --depth komponen -o p4si.svg
      pohon poster --sp SP3 --paper A2 --lang en -o sp3.pdf
    """
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise OptionError(str(output), "bad-format", "akhiri nama berkas dengan .svg atau .pdf",
                          "end the file name with .svg or .pdf")
    from pohon.checks import run_checks
    from pohon.exporters.poster import poster_graph, render_poster
    from pohon.exporters.poster.fonts import PosterDependencyError

    data_dir = data_dir or default_data_dir()
    ds = load_or_exit(data_dir)
    findings = run_checks(ds)
    graph = poster_graph(ds, unit=unit, sp=sp)
    try:
        content = render_poster(graph, findings, fmt, unit=unit, sp=sp, depth=depth, paper=paper.upper(), lang=lang)
    except PosterDependencyError as err:
        raise OptionError("pohon poster", "missing-dependency", str(err)) from None
    except OptionError as err:
        where = {"--unit": "units.csv", "--sp": "sp.csv"}.get(err.option)
        if where:
            err.option = f"{data_dir / where}"
        raise
    out.write_file(output, content, inputs=[data_dir])
    click.echo(say("cli", "wrote", lang, path=output))
