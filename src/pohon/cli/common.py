"""Shared CLI pieces: the default data folder, error printing, exit codes."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import click

from pohon import output
from pohon.cli.errors import remember_lang
from pohon.errors import LoadError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def default_data_dir() -> Path:
    """POHON_DATA, else the BSKJI cascade bundled with the package (pohon.datasets; in a checkout: data/)."""
    if os.environ.get("POHON_DATA"):
        return Path(os.environ["POHON_DATA"])
    from pohon import datasets

    try:
        return datasets.path()
    except KeyError:
        return Path("data")


class NonEmptyPath(click.Path):
    """A path parameter that refuses the empty string (which Path() would read as the current folder)."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("empty path / jalur kosong", param, ctx)
        return super().convert(value, param, ctx)


data_dir_argument = click.argument("data_dir", required=False, type=NonEmptyPath(path_type=Path))
lang_option = click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                           is_eager=True, callback=remember_lang, help="Bahasa keluaran / output language.")


def load_or_exit(data_dir: Path | None, label: bool = False):
    """The Dataset in DATA_DIR (default: the bundled cascade). A LoadError goes to the CLI's one error path
    (pohon.cli.errors); with `label`, each error names the folder too (for commands reading two cascades)."""
    from pohon.load import load_dataset

    folder = data_dir or default_data_dir()
    try:
        return load_dataset(folder)
    except LoadError as err:
        raise err.in_folder(folder) if label else err from None


def load_graph_or_exit(data_dir: Path | None, label: bool = False):
    """The whole graph of DATA_DIR (for the commands that walk it)."""
    from pohon import graph

    folder = data_dir or default_data_dir()
    try:
        return graph.load_graph(folder)
    except LoadError as err:
        raise err.in_folder(folder) if label else err from None


@dataclass(frozen=True)
class WriteSpec:
    """What a command writes: the parameter holding the output path, whether it is a folder, and the
    parameters holding its inputs (checked against the output by the writer contract, pohon.output)."""

    param: str
    folder: bool = False
    inputs: tuple[str, ...] = ("data_dir",)


def writes(param: str, folder: bool = False, inputs: tuple[str, ...] = ("data_dir",)):
    """Declare that a command writes to the path in `param`. The writer contract (pohon.output) is checked
    before the command does any work; the command then writes through pohon.output. Tests walk the click
    group and assert the contract for every command so declared (and that every command with an output
    option declares it)."""
    spec = WriteSpec(param, folder, inputs)

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            path = kwargs.get(param)
            if path is not None:
                output.check(output.Target(Path(path), folder), input_paths(spec, kwargs),
                             force=bool(kwargs.get("force")))
            return func(*args, **kwargs)

        wrapper.pohon_writes = [spec, *getattr(func, "pohon_writes", [])]  # stackable: one per output option
        return wrapper

    return decorate


def input_paths(spec: WriteSpec, kwargs: dict) -> list[Path]:
    """The command's inputs as paths (DATA_DIR defaults to the bundled cascade)."""
    paths = []
    for name in spec.inputs:
        value = kwargs.get(name)
        if value is None and name == "data_dir":
            value = default_data_dir()
        if value is not None:
            paths.append(Path(value))
    return paths


force_option = click.option("--force", is_flag=True, default=False,
                            help="Timpa berkas pohon di folder yang sudah berisi / replace pohon's files in a "
                                 "folder that already holds files.")
