"""The `pohon` command line. Only this package prints and chooses exit codes."""
import os

# The process is pohon's: polars' allocator (jemalloc) returns freed pages after 0.2 s instead of 10 s, so a
# national cascade's load does not keep its transient slices mapped through the checks (at 1M komponen the
# peak went 630-660 -> 580-590 MB for ~0.1 s; benchmarks/scale.py). Read when polars loads, so set before
# any command imports it; a value the user set wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:200,muzzy_decay_ms:0")

import click  # noqa: E402

from pohon import __version__  # noqa: E402
from pohon.cli.errors import PohonGroup  # noqa: E402
from pohon.cli.lazy import LazyCommands  # noqa: E402


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
