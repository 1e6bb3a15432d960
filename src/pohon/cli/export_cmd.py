"""`pohon export ...`: write the cascade in formats other tools read. Other modules may add
subcommands to the `export` group (`from pohon.cli.export_cmd import export`)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pohon.cli import main
from pohon.cli.common import (EXIT_BAD_INPUT, EXIT_OK, NonEmptyPath, data_dir_argument, default_data_dir,
                              load_or_exit, writes)
from pohon.errors import PohonError


@main.group("export")
def export() -> None:
    """Ekspor pohon kinerja / export the cascade (Cypher script, neo4j-admin CSV, ...)."""


@export.command("cypher")
@data_dir_argument
@click.option("-o", "--output", required=True, type=NonEmptyPath(path_type=Path),
              help="Script file to write.")
@click.option("--dataset", default=None, help="Dataset name (default: the data's own name).")
@writes("output")
def export_cypher(data_dir, output, dataset):
    """Tulis skrip Cypher mandiri / write one self-contained Cypher script (cypher-shell, Neo4j Browser)."""
    from pohon.exporters.cypher_script import write_cypher_script

    ds = load_or_exit(data_dir)
    try:
        n, nodes, rels = write_cypher_script(ds, output, dataset)
    except (PohonError, OSError) as e:
        click.echo(f"pohon export cypher: {e}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"wrote {output}: {n} statements, {nodes} nodes, {rels} relationships")
    sys.exit(EXIT_OK)


@export.command("neo4j-admin")
@data_dir_argument
@click.option("-o", "--output", required=True, type=NonEmptyPath(path_type=Path),
              help="Folder to write the CSV files into (replaced as a whole).")
@click.option("--dataset", default=None, help="Dataset name (default: the data's own name).")
@click.option("--force", is_flag=True, default=False, help="Replace a folder that already holds files.")
@writes("output", folder=True)
def export_neo4j_admin(data_dir, output, dataset, force):
    """CSV untuk neo4j-admin / CSV files for `neo4j-admin database import full` (see IMPORT.txt)."""
    from pohon.exporters.neo4j.admin import write_admin_dir

    ds = load_or_exit(data_dir)
    try:
        files = write_admin_dir(ds, output, dataset, inputs=[data_dir or default_data_dir()], force=force)
    except (PohonError, OSError) as e:
        click.echo(f"pohon export neo4j-admin: {e}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"wrote {len(files)} files into {output} (command in {output / 'IMPORT.txt'})")
    sys.exit(EXIT_OK)
