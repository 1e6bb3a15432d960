"""The CLI's one error path: every failure is printed as `where: code: message` lines and exits 2.

Commands raise typed errors (PohonError and its kinds, OSError from the system) and never print them
themselves; `PohonGroup` turns them into lines on stderr. No traceback reaches the user for bad input.
"""
from __future__ import annotations

import errno
import os
import sys

import click

from pohon.errors import PohonError
from pohon.words import words

EXIT_BAD_INPUT = 2


def remember_lang(ctx: click.Context, _param, value):
    """--lang callback: the error path prints in the language the user asked for."""
    ctx.meta["pohon.lang"] = value
    return value


def os_error_line(exc: OSError, lang: str = "id") -> str:
    where = exc.filename if exc.filename is not None else "pohon"
    reason = exc.strerror or exc.__class__.__name__
    hint = words("os-hint", lang).get(errno.errorcode.get(exc.errno or 0, ""), "")
    return f"{where}: os-error: {reason}" + (f"; {hint}" if hint else "")


def print_error_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


class PohonGroup(click.Group):
    """A click group whose commands may raise PohonError/OSError: printed as lines, exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PohonError as err:
            print_error_lines(err.lines(ctx.meta.get("pohon.lang", "id")))
        except BrokenPipeError:  # `pohon … | head`: the reader has what it wanted; say nothing
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)  # as a shell reports a process ended by SIGPIPE
        except OSError as err:
            print_error_lines([os_error_line(err, ctx.meta.get("pohon.lang", "id"))])
        except RecursionError:  # pathological input nesting; never a traceback
            print_error_lines(["pohon: too-deep: input nests too deeply / masukan terlalu bersarang"])
        sys.exit(EXIT_BAD_INPUT)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Like click's standalone mode, but a usage error is one line too: `pohon CMD: usage: message`."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as err:
            path = " ".join(["pohon", *(err.ctx.command_path.split()[1:] if err.ctx else [])])
            click.echo(f"{path}: usage: {err.format_message()} (see: {path} --help)", err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            click.echo(f"pohon: {err.__class__.__name__.lower()}: {err.format_message()}", err=True)
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("pohon: aborted / dibatalkan", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)
