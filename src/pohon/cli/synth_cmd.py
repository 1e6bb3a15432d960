"""`pohon synth`: write a synthetic cascade with known defects (for scale benchmarks and tests)."""
from __future__ import annotations

from pathlib import Path

import click

from pohon import output
from pohon.cli import main
from pohon.cli.common import NonEmptyPath, force_option, writes


@main.command("synth")
@click.argument("out_dir", type=NonEmptyPath(path_type=Path))
@click.option("--agencies", type=click.IntRange(min=1), required=True, help="Jumlah badan / number of agencies.")
@click.option("--seed", type=int, default=0, show_default=True, help="Benih acak / random seed.")
@click.option("--komponen-target", type=click.IntRange(min=1), default=None,
              help="Perkiraan jumlah komponen (menambah balai) / approximate komponen count (adds balai).")
@force_option
@writes("out_dir", folder=True, inputs=())
def synth(out_dir, agencies, seed, komponen_target, force):
    """Tulis cascade sintetis berformat data/ ke OUT_DIR, dengan cacat yang diketahui per aturan.

    Write a synthetic cascade in the data/ format to OUT_DIR: per agency the BSKJI shape, with a known
    number of injected defects per check rule; the expected finding counts go to expected_findings.json.
    The same seed gives byte-identical files. A folder that already holds files is refused unless --force.
    """
    from pohon.synth import synthesize

    with output.staging(out_dir, force=force) as tmp:
        info = synthesize(tmp, agencies, seed=seed, komponen_target=komponen_target)
    click.echo(f"{out_dir}: {agencies} agencies, {info['units']} units, {info['ikk']} IKK, "
               f"{info['komponen']} komponen; expected findings in {out_dir / 'expected_findings.json'}")
