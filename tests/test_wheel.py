"""The wheel works on its own (issues 14 and 17): built from this checkout, installed into a fresh venv,
run from a folder outside the checkout, it imports every module and `pohon check` / `pohon visual` read the
BSKJI cascade bundled inside the package (pohon.datasets)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(work)],
                   check=True, capture_output=True)
    [wheel] = work.glob("pohon-*.whl")
    env = work / "venv"
    # the dependencies come from this interpreter's site-packages; pohon itself only from the wheel
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env)], check=True)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    return env


def _run(venv: Path, *args: str, cwd: Path):
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], capture_output=True, text=True, cwd=cwd)


def test_the_wheel_carries_the_data_and_the_page_assets(venv):
    [wheel] = venv.parent.glob("pohon-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in sorted((ROOT / "data").glob("*.csv")):
        assert f"pohon/datasets/bskji/{f.name}" in names
    assert {"pohon/static/visual.js", "pohon/templates/PANDUAN.md"} <= names


def test_every_module_imports_from_the_installed_wheel(venv, tmp_path):
    code = ("import importlib, pkgutil, pohon; "
            "assert '/venv/' in pohon.__file__, pohon.__file__; "
            "mods = [m.name for m in pkgutil.walk_packages(pohon.__path__, 'pohon.') if m.name != 'pohon.__main__']; "
            "[importlib.import_module(m) for m in mods]; print(len(mods))")
    r = _run(venv, "python", "-c", code, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout) > 50


def test_check_and_visual_read_the_bundled_cascade_from_any_folder(venv, tmp_path):
    r = _run(venv, "pohon", "check", cwd=tmp_path)
    assert r.returncode == 1, r.stderr  # the BSKJI cascade has findings: that is the product
    assert r.stdout.splitlines()[-1].startswith("BADAN STANDARDISASI DAN KEBIJAKAN JASA INDUSTRI: 2227 simpul")
    v = _run(venv, "pohon", "visual", "-o", "bskji.html", cwd=tmp_path)
    assert v.returncode == 0, v.stderr
    assert (tmp_path / "bskji.html").stat().st_size > 100_000
    d = _run(venv, "pohon", "datasets", cwd=tmp_path)
    assert d.returncode == 0 and d.stdout.startswith("bskji (default): BADAN STANDARDISASI")


def test_the_library_api_is_exported_and_lazy():
    code = ("import sys, pohon; assert 'polars' not in sys.modules; "
            "[getattr(pohon, n) for n in pohon.__all__]; "
            "ds = pohon.load_dataset(%r); print(len(pohon.run_checks(ds)))" % str(ROOT / "data"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert int(r.stdout) > 0
