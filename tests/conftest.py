"""Shared pytest setup.

- `src/` goes on sys.path, so the suite runs from a plain checkout as well as after `pip install -e .`.
- Fixture cascades: `from tests.fixtures import BAD_FIXTURES, fixture_dir` (see tests/fixtures/__init__.py), or
  the `make_fixture` fixture below, which writes under the test's own tmp_path.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

_SRC = Path(__file__).resolve().parents[1] / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from tests.fixtures import fixture_dir  # noqa: E402


@pytest.fixture
def make_fixture(tmp_path):
    """`make_fixture()` -> the clean cascade; `make_fixture(rule, variant)` -> that broken copy (a Path)."""

    def make(rule: str | None = None, variant: str | None = None) -> Path:
        return fixture_dir(rule, variant, dest=tmp_path)

    return make


@pytest.fixture
def clean_dir(make_fixture) -> Path:
    """A fresh writable copy of tests/fixtures/clean/."""
    return make_fixture()
