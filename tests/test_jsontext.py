"""pohon.jsontext.dumps writes exactly what json.dumps(…, ensure_ascii=False, indent=2, default=str,
allow_nan=False) writes: on every kind of value, and on the findings of data/ and of every rule fixture."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pohon.checks import run_checks
from pohon.exporters.findings import summary
from pohon.jsontext import dumps
from pohon.load import load_dataset
from tests.fixtures import BAD_FIXTURES, fixture_dir

ROOT = Path(__file__).resolve().parents[1]


def _std(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str, allow_nan=False)


VALUES = [{}, [], (), {"a": []}, {"a": {}}, [1, 2.5, True, False, None, "é\n\"x\u2028\x00"], (1, (2, [])),
          {1: 2, 2.5: 3, True: 4, None: 5, "k": {"n": [[], [{}]]}}, {"p": Path("/x"), "s": {3}}, 1e16, -0.0,
          12345678901234567890, "plain", 0.1 + 0.2]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_values(value):
    assert dumps(value) == _std(value)


@pytest.mark.parametrize("value", [float("nan"), {"x": float("inf")}, [float("-inf")]])
def test_out_of_range_floats_are_refused(value):
    with pytest.raises(ValueError):
        _std(value)
    with pytest.raises(ValueError):
        dumps(value)


@pytest.mark.parametrize("folder", [lambda: ROOT / "data", *[lambda b=b: fixture_dir(b.rule, b.variant)
                                                              for b in BAD_FIXTURES]])
def test_findings_documents(folder):
    ds = load_dataset(folder())
    findings = run_checks(ds)
    for lang in ("id", "en"):
        doc = {"findings": [f.as_dict(lang) for f in findings], "summary": summary(ds, findings)}
        assert dumps(doc) == _std(doc)
