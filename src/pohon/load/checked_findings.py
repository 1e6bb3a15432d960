"""The findings of a checked cascade, kept beside its tables (pohon.load.checked).

`findings-<digest>.json` in the entry holds `run_checks` of the stored tables, whole: the Finding fields as
columns, each column its distinct values and, per finding, which one (a cascade's findings repeat a few
hundred messages and details, and parsing each once is what makes reading them cheap). The digest is that
of everything the findings depend on besides the tables: every file under pohon/checks/, the modules their
messages are made with, this module, Python and polars. A changed rule is another file name, so a miss.
A tuple and a dict with keys other than text are tagged (JSON has neither); what is written is read back and
compared with the findings before it is kept, so details JSON cannot hold (a set, an object) are not kept.
Anything unreadable or unexpected is a miss (None), never an answer.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from pathlib import Path

from pohon.gcpause import paused

FIELDS = ("rule", "severity", "node", "message_id", "message_en", "details", "kind")  # Finding's, in order
_SOURCES = ("fmt.py", "nodes.py", "words.py", "dataset.py", "schema.py", "gcpause.py", "load/checked_findings.py")
_DICT, _TUPLE = "\0dict", "\0tuple"  # what JSON has no word for: a dict with keys other than text, a tuple
_DIGEST: list[str] = []


def checks_digest() -> str:
    """The digest of what the findings of a checked cascade depend on besides its tables."""
    if not _DIGEST:
        import polars as pl

        here = Path(__file__).resolve().parent.parent
        files = sorted(p for p in (here / "checks").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        h = hashlib.sha256(f"{sys.version}\0{pl.__version__}\0".encode())
        for path in files + [here / name for name in _SOURCES]:
            h.update(f"{path.relative_to(here).as_posix()}\0{path.stat().st_size}\0".encode())
            h.update(path.read_bytes())
        _DIGEST.append(h.hexdigest()[:16])
    return _DIGEST[0]


def _name() -> str:
    return f"findings-{checks_digest()}.json"


def _tagged(value):
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _tagged(v) for k, v in value.items()}
        return {_DICT: [[_tagged(k), _tagged(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {_TUPLE: [_tagged(v) for v in value]}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    return value


def _untag(obj: dict):
    if len(obj) == 1:
        if _DICT in obj:
            return {k: v for k, v in obj[_DICT]}
        if _TUPLE in obj:
            return tuple(obj[_TUPLE])
    return obj


def _encode(findings) -> str:
    columns = {}
    for name in FIELDS:
        values, at, index = [], [], {}
        for f in findings:
            v = getattr(f, name)
            key = json.dumps(_tagged(v), ensure_ascii=False) if name == "details" else v
            i = index.get(key)
            if i is None:
                i = index[key] = len(values)
                values.append(_tagged(v) if name == "details" else v)
            at.append(i)
        columns[name] = {"values": values, "at": at}
    return json.dumps({"n": len(findings), "columns": columns}, ensure_ascii=False, separators=(",", ":"))


_PLAIN = (str, int, float, type(None))  # (bool is an int)


def _copier(value):
    """How to give each finding its own copy of a decoded details value: a dict of plain values and lists of
    plain values (nearly all) copied by hand, anything else by marshal (a fast deep copy of plain data)."""
    if all(isinstance(v, _PLAIN) or type(v) is list and all(isinstance(x, _PLAIN) for x in v)
           for v in value.values()):
        return lambda: {k: v.copy() if type(v) is list else v for k, v in value.items()}
    frozen = marshal.dumps(value)
    return lambda: marshal.loads(frozen)


@paused  # 22k findings at 1M: their dicts hold no cycles
def _decode(text: str) -> list | None:
    from pohon.checks import Finding

    doc = json.loads(text, object_hook=_untag)
    n = doc["n"]
    columns = []
    for name in FIELDS:
        values, at = doc["columns"][name]["values"], doc["columns"][name]["at"]
        if not isinstance(values, list) or not isinstance(at, list) or len(at) != n or \
                (at and (set(map(type, at)) != {int} or min(at) < 0 or max(at) >= len(values))):
            return None
        if name == "details":
            if any(not isinstance(d, dict) for d in values):
                return None
            copies = [_copier(d) for d in values]  # each finding owns its details
            columns.append([copies[i]() for i in at])
        else:
            if any(not isinstance(v, str) and not (v is None and name == "kind") for v in values):
                return None
            columns.append([values[i] for i in at])
    return [Finding(*row) for row in zip(*columns)]


def _same(a, b) -> bool:
    return len(a) == len(b) and all(
        (x.rule, x.severity, x.node, x.message_id, x.message_en, x.kind, repr(x.details)) ==
        (y.rule, y.severity, y.node, y.message_id, y.message_en, y.kind, repr(y.details)) for x, y in zip(a, b))


def store_findings(entry: Path | None, findings) -> None:
    """Keep `findings` (= run_checks of the cascade stored at `entry`, whole) beside its tables, atomically
    (a temporary file, then a rename). Never raises: what cannot be kept is only a slower next view."""
    if entry is None or not entry.is_dir():
        return
    try:
        text = _encode(findings)
        if not _same(_decode(text) or [], findings):
            return
    except (TypeError, ValueError, KeyError, RecursionError):
        return
    name = _name()
    tmp = entry / f".{name}.tmp-{os.getpid()}"
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, entry / name)
        for old in entry.glob("findings-*.json"):
            if old.name != name:
                old.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)


def read_findings(entry: Path) -> list | None:
    """The findings kept at `entry` under today's checks; None when there are none or they cannot be read."""
    try:
        return _decode((entry / _name()).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None
