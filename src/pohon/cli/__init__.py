"""The `pohon` command line. Only this package prints and chooses exit codes."""
import click

from pohon import __version__
from pohon.cli.errors import PohonGroup


@click.group(cls=PohonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pohon")
def main() -> None:
    """pohon: telusuri cascading kinerja Renstra (trace a Renstra's performance cascade).

    Muat pohon kinerja dari CSV, periksa, telusuri, dorong ke Neo4j, dan gambar grafik interaktif.
    """


# Each command lives in its own module of this package; importing it attaches it to `main`.
# Add one import line per command module below.
from pohon.cli import check_cmd  # noqa: E402,F401
from pohon.cli import neo4j_cmd  # noqa: E402,F401
from pohon.cli import extract_cmd  # noqa: E402,F401
from pohon.cli import export_cmd  # noqa: E402,F401
from pohon.cli import visual_cmd  # noqa: E402,F401
from pohon.cli import synth_cmd  # noqa: E402,F401
from pohon.cli import trace_cmd  # noqa: E402,F401
from pohon.cli import budget_cmd  # noqa: E402,F401
from pohon.cli import diff_cmd  # noqa: E402,F401
from pohon.cli import report_cmd  # noqa: E402,F401
from pohon.cli import init_cmd  # noqa: E402,F401
from pohon.cli import rule_cmd  # noqa: E402,F401
from pohon.cli import datasets_cmd  # noqa: E402,F401
from pohon.cli import poster_cmd  # noqa: E402,F401
from pohon.cli import kke_cmd  # noqa: E402,F401
from pohon.cli import export_data_cmd  # noqa: E402,F401
