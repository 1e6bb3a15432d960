"""The `pohon` group's commands, imported when asked for: `pohon check` does not pay for the imports of
every other command (Neo4j, HTML, posters, workbooks)."""
from __future__ import annotations

import importlib
from collections.abc import MutableMapping


class LazyCommands(MutableMapping):
    """name -> click command. `modules` maps a command name to the modules of `package` that define it
    (importing one attaches its commands to the group); a name's modules are imported when the command is
    looked up, every module when the commands are listed (help, completion, tests walking the group)."""

    def __init__(self, package: str, modules: dict[str, tuple[str, ...]]):
        self._package = package
        self._pending = dict(modules)
        self._commands: dict = {}

    def _load(self, name: str) -> None:
        for module in self._pending.pop(name, ()):
            importlib.import_module(f"{self._package}.{module}")

    def _load_all(self) -> None:
        while self._pending:
            self._load(next(iter(self._pending)))

    def __getitem__(self, name):
        self._load(name)
        return self._commands[name]

    def __setitem__(self, name, command) -> None:
        self._commands[name] = command

    def __delitem__(self, name) -> None:
        self._load(name)
        del self._commands[name]

    def __iter__(self):
        self._load_all()
        return iter(dict(self._commands))

    def __len__(self) -> int:
        self._load_all()
        return len(self._commands)
