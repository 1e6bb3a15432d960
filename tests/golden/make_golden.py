"""Write the golden files the columnar core is held to: the findings and a digest of the graph that the
row-object core (pydantic rows + networkx, commit 78b4536) produced on data/, on every rule fixture and on two
seeded synthetic cascades. Run once, from that commit, with `PYTHONPATH=src python3 tests/golden/make_golden.py`;
tests/test_golden.py compares today's core with these files.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.golden.canonical import SYNTH_CASES, findings_doc, graph_digest  # noqa: E402
from tests.fixtures import BAD_FIXTURES, fixture_dir  # noqa: E402


def main() -> None:
    from pohon.checks import run_checks
    from pohon.graph import load_graph
    from pohon.synth import synthesize

    out = {}
    cases = {"data": ROOT / "data", "clean": fixture_dir()}
    cases.update({f"fixture:{b.id}": fixture_dir(b.rule, b.variant) for b in BAD_FIXTURES})
    with tempfile.TemporaryDirectory() as tmp:
        for name, kwargs in SYNTH_CASES.items():
            folder = Path(tmp) / name
            synthesize(folder, **kwargs)
            cases[name] = folder
        for name, folder in cases.items():
            g = load_graph(folder)
            out[name] = {"graph": graph_digest(g), "findings": findings_doc(run_checks(g))}
            print(name, out[name]["graph"]["nodes"], len(out[name]["findings"]))
    (Path(__file__).parent / "golden.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
