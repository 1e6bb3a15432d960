"""`pohon datasets`: the cascades that ship with pohon."""
from __future__ import annotations

import click

from pohon.cli import main
from pohon.cli.common import lang_option


@main.command("datasets")
@lang_option
def datasets_cmd(lang):
    """Daftar cascade yang dibawa pohon (dipakai bila DATA_DIR tidak diberikan).

    List the cascades bundled with pohon, each with its name, its folder and how many rows of each kind it
    holds; the first is what every command reads when no DATA_DIR is given (POHON_DATA overrides it).
    """
    from pohon import datasets, fmt
    from pohon.load import load_dataset

    for name in datasets.names():
        folder = datasets.path(name)
        ds = load_dataset(folder)
        mark = " (default)" if name == datasets.DEFAULT else ""
        counts = ", ".join(f"{fmt.plain(n, lang)} {kind}" for kind, n in ds.node_counts().items())
        click.echo(f"{name}{mark}: {ds.name} — {folder}\n  {counts}")
