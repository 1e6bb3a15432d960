"""Shared CLI pieces: the default data folder, error printing, exit codes."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pohon.errors import LoadError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def default_data_dir() -> Path:
    """POHON_DATA, else the data/ folder of this checkout, else ./data."""
    if os.environ.get("POHON_DATA"):
        return Path(os.environ["POHON_DATA"])
    bundled = Path(__file__).resolve().parents[3] / "data"
    return bundled if bundled.is_dir() else Path("data")


data_dir_argument = click.argument("data_dir", required=False, type=click.Path(path_type=Path))
lang_option = click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                           help="Bahasa keluaran / output language.")


def fail_load(err: LoadError) -> None:
    """Print each loading error as `file:line:col: code: message` and exit 2."""
    for e in err.errors:
        click.echo(str(e), err=True)
    sys.exit(EXIT_BAD_INPUT)


def load_graph_or_exit(data_dir: Path | None):
    from pohon.graph import load_graph

    try:
        return load_graph(data_dir or default_data_dir())
    except LoadError as err:
        fail_load(err)
