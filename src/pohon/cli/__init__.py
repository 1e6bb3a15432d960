"""The `pohon` command line. Only this package prints and chooses exit codes."""
import click

from pohon import __version__
from pohon.cli.errors import PohonGroup
from pohon.cli.lazy import LazyCommands


# Each command lives in its own module of this package; importing it attaches it to `main`. The modules are
# imported when their command is asked for (pohon.cli.lazy). Add one line per command below.
COMMANDS = {
    "check": ("check_cmd",),
    "neo4j": ("neo4j_cmd",),
    "extract": ("extract_cmd",),
    "export": ("export_cmd", "export_data_cmd"),
    "visual": ("visual_cmd",),
    "synth": ("synth_cmd",),
    "trace": ("trace_cmd",),
    "budget": ("budget_cmd",),
    "diff": ("diff_cmd",),
    "report": ("report_cmd",),
    "init": ("init_cmd",),
    "rule": ("rule_cmd",),
    "datasets": ("datasets_cmd",),
    "poster": ("poster_cmd",),
    "kke": ("kke_cmd",),
}


@click.group(cls=PohonGroup, commands=LazyCommands(__name__, COMMANDS),
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pohon")
def main() -> None:
    """pohon: telusuri cascading kinerja Renstra (trace a Renstra's performance cascade).

    Muat pohon kinerja dari CSV, periksa, telusuri, dorong ke Neo4j, dan gambar grafik interaktif.
    """
