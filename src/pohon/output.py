"""The one writer contract every command that writes files follows.

- An output that is, contains, or lies inside one of the command's inputs is refused.
- The parent of an output must exist (pohon creates the output itself, never the folders above it).
- An existing file that is read-only is not replaced; a replaced file keeps its permissions.
- A folder output that already holds files is refused unless the command is given `--force`; with
  `--force` pohon replaces the files it writes and leaves other files alone.
- Everything is written to temporary files beside the targets first and renamed over them at the end, so a
  failure leaves the old files untouched; messages name the user's paths, never the temporary ones.

Every failure is an `OutputError` (a PohonError): the CLI prints it as one line and exits 2.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pohon.errors import PohonError

Content = str | bytes  # write_file also takes an iterable of str, written as it comes (a big file)


class OutputError(PohonError):
    """An output cannot be written; `path` is the user's path, `code` a stable id."""

    def __init__(self, path: str | Path, code: str, message: str):
        self.path, self.code, self.message = str(path), code, message
        super().__init__(f"{self.path}: {code}: {message}")


@dataclass(frozen=True)
class Target:
    """Where a command writes: one file, or a folder of files."""

    path: Path
    folder: bool = False


def check(target: Target, inputs: list[str | Path] = (), force: bool = False) -> None:
    """Refuse `target` before any work is done, if it breaks the contract."""
    path = target.path
    if not str(path) or str(path).strip() == "":
        raise OutputError(path, "empty-path", "no output path given / jalur keluaran kosong")
    real = _resolve(path)
    for given in inputs:
        if given is None or not str(given):
            continue
        src = _resolve(Path(given))
        if real == src:
            raise OutputError(path, "output-is-input", f"is the input {given}; choose another output"
                                                       f" / sama dengan masukan {given}")
        if _inside(real, src):
            raise OutputError(path, "output-inside-input", f"lies inside the input {given}; write it elsewhere"
                                                           f" / berada di dalam masukan {given}")
        if _inside(src, real) and src.is_dir():  # an input file in an output folder is refused when written
            raise OutputError(path, "output-contains-input", f"contains the input {given}; choose another folder"
                                                             f" / memuat masukan {given}")
    parent = real.parent
    if not parent.is_dir():
        raise OutputError(path, "missing-folder", f"folder {path.parent} does not exist; create it first"
                                                  f" / folder {path.parent} tidak ada, buat dulu")
    if target.folder:
        if path.exists() and not path.is_dir():
            raise OutputError(path, "not-a-folder", "exists and is not a folder / bukan folder")
        if path.is_dir():
            if not os.access(path, os.W_OK | os.X_OK):
                raise OutputError(path, "read-only", "folder is not writable / folder tidak bisa ditulisi")
            if not force and any(path.iterdir()):
                raise OutputError(path, "folder-not-empty", "folder already holds files; add --force to replace pohon's"
                                                            " files in it / folder sudah berisi berkas; tidak menimpa"
                                                            " tanpa --force")
        elif not os.access(parent, os.W_OK | os.X_OK):
            raise OutputError(path, "read-only", f"cannot create it in {path.parent} (not writable)"
                                                 f" / tidak bisa dibuat di {path.parent}")
    else:
        _check_file(path, real)


def _check_file(path: Path, real: Path) -> None:
    if real.is_dir():
        raise OutputError(path, "is-a-folder", "is a folder, not a file / ini folder, bukan berkas")
    if real.exists() and _read_only(real):
        raise OutputError(path, "read-only", "file is read-only; it is not replaced / berkas hanya-baca, tidak ditimpa")
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise OutputError(path, "read-only", f"folder {path.parent} is not writable / folder tidak bisa ditulisi")


def _read_only(path: Path) -> bool:
    """No write bit for anyone, or no write access: read-only even for root, who could write it anyway."""
    return not (path.stat().st_mode & 0o222) or not os.access(path, os.W_OK)


def write_file(path: str | Path, content: Content | Iterable[str], inputs: list[str | Path] = ()) -> None:
    """Write one file atomically under the contract; `content` may be an iterable of str (streamed)."""
    path = Path(path)
    check(Target(path), inputs)
    try:
        tmp = _stage(path, content)
    except OSError as exc:
        raise OutputError(path, "write-failed", _reason(exc)) from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, "write-failed", _reason(exc)) from None


def write_folder(folder: str | Path, files: dict[str, Content], inputs: list[str | Path] = (),
                 force: bool = False) -> None:
    """Write `files` (name -> content, names may hold `/`) into `folder` under the contract, all or nothing."""
    with staging(folder, inputs, force) as tmp:
        for name, content in files.items():
            dest = tmp / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


@contextmanager
def staging(folder: str | Path, inputs: list[str | Path] = (), force: bool = False):
    """A temporary folder beside `folder` to write the output into (big files can be streamed there); when
    the block ends without error, every file in it replaces its namesake in `folder`, all or nothing (each
    target is checked before any is replaced). On error nothing in `folder` changes."""
    root = Path(folder)
    check(Target(root, folder=True), inputs, force)
    created = not root.exists()
    try:
        if created:
            root.mkdir()
        tmp = Path(tempfile.mkdtemp(prefix=".pohon-staging-", dir=root))
    except OSError as exc:
        raise OutputError(root, "write-failed", _reason(exc)) from None
    done = False
    try:
        try:
            yield tmp
        except OSError as exc:
            shown = _user_path(exc, tmp, root)
            raise OutputError(shown, "write-failed", _reason(exc)) from None
        _swap_in(tmp, root, inputs)
        done = True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if created and not done:
            _remove_if_empty(root)


def _swap_in(tmp: Path, root: Path, inputs) -> None:
    staged = sorted(p for p in tmp.rglob("*") if p.is_file())
    finals = [root / p.relative_to(tmp) for p in staged]
    protected = {_resolve(Path(i)) for i in inputs if i is not None and str(i)}
    for final in finals:  # all checked first: a refusal leaves every old file in place
        _check_inside_folder(root, final)
        if _resolve(final) in protected:
            raise OutputError(final, "output-is-input", "would replace an input of this command"
                                                        " / akan menimpa masukan perintah ini")
        if final.exists() or final.is_symlink():
            _check_file(final, _resolve(final))
    try:
        for src, final in zip(staged, finals):
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(src, _mode_for(final))
        for src, final in zip(staged, finals):
            os.replace(src, final)
    except OSError as exc:
        raise OutputError(_user_path(exc, tmp, root), "write-failed", _reason(exc)) from None


def _user_path(exc: OSError, tmp: Path, root: Path) -> Path:
    """The path the user knows for an OSError raised on a staged file."""
    name = Path(str(exc.filename)) if exc.filename else None
    if name is not None:
        try:
            return root / name.relative_to(tmp)
        except ValueError:
            if not str(name).startswith(str(tmp)):
                return name
    return root


def _stage(final: Path, content: Content) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, (str, bytes)):
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            else:
                for chunk in content:
                    fh.write(chunk.encode("utf-8"))
        os.chmod(tmp, _mode_for(final))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _mode_for(final: Path) -> int:
    """A replaced file keeps its permissions; a new one gets the usual 0666 less the umask (not mkstemp's 0600)."""
    try:
        return stat.S_IMODE(final.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_inside_folder(root: Path, final: Path) -> None:
    if not _inside(_resolve(final), _resolve(root)):
        raise OutputError(final, "bad-name", "would be written outside the output folder / di luar folder keluaran")


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _resolve(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _inside(child: Path, parent: Path) -> bool:
    return child != parent and parent in child.parents


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
