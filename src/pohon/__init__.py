"""pohon — trace performance cascading (cascading kinerja) in Indonesian government plans.

The library API (docs/ARCHITECTURE.md):

    import pohon
    ds = pohon.load_dataset("data/")          # typed tables; raises pohon.LoadError
    findings = pohon.run_checks(ds)           # list[pohon.Finding]
    g = pohon.build_graph(ds, pohon.Selection(unit="P4SI"))

Names are imported on first use, so `import pohon` (and the CLI) stays light.
"""

__version__ = "0.1.0"

_EXPORTS = {
    "load_dataset": "pohon.load", "Dataset": "pohon.dataset", "Selection": "pohon.selection",
    "build_graph": "pohon.graph", "load_graph": "pohon.graph",
    "run_checks": "pohon.checks", "Finding": "pohon.checks", "REGISTRY": "pohon.checks", "all_rules": "pohon.checks",
    "trace": "pohon.trace", "trace_dataset": "pohon.trace",
    "PohonError": "pohon.errors", "LoadError": "pohon.errors", "RowError": "pohon.errors",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pohon' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
