"""The `pohon` group imports a command's module only when the command is asked for (pohon.cli.lazy); the
map from command names to modules must name every command module, and each module the command it defines."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pohon.cli
from pohon.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_module_is_mapped():
    modules = {m.name for m in pkgutil.iter_modules(pohon.cli.__path__) if m.name.endswith("_cmd")}
    assert modules == {m for names in COMMANDS.values() for m in names}


def test_the_group_lists_exactly_the_mapped_commands():
    assert sorted(main.commands) == sorted(COMMANDS)


def test_check_imports_no_other_command():
    code = ("import sys\nfrom pohon.cli import main\n"
            "try:\n    main(['check', 'data', '--format', 'json'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('pohon.cli.') and m.endswith('_cmd')),"
            " sorted(m for m in ('networkx', 'jinja2', 'openpyxl', 'xlsxwriter', 'neo4j') if m in sys.modules), file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert p.stderr.strip().splitlines()[-1] == "['pohon.cli.check_cmd'] []"


def test_the_cli_sets_polars_allocator_decay_before_polars_loads_unless_the_user_did():
    code = "import os, sys; import pohon.cli; print(os.environ['_RJEM_MALLOC_CONF'], 'polars' in sys.modules)"
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}

    def run(env):
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                              env=env).stdout.split()

    assert run(env) == ["dirty_decay_ms:200,muzzy_decay_ms:0", "False"]
    assert run({**env, "_RJEM_MALLOC_CONF": "narenas:1"}) == ["narenas:1", "False"]
