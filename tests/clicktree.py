"""The leaf commands of the `pohon` click group, found by walking it, so a new command cannot be missed by
the tests that must hold for every command (writer contract, numbers in the output language)."""
from __future__ import annotations

import click


def leaf_commands(group: click.Group, prefix=()):
    """(`"export cypher"`, command) for every command under `group` that is not itself a group, sorted."""
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from leaf_commands(cmd, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), cmd
