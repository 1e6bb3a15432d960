"""The check registry: each rule is a small unit with a stable id, like a linter's rules.

A rule is a function `Tables -> iterable of Finding` over the cascade's columnar tables (pohon.checks.tables),
registered with `@rule(id, severity, title=(id, en), kinds={...})`. Its docstring has three parts: what it
finds / why a reviewer cares / example. Each rule declares its kinds of finding (`Kind`): severity and one
message template per language, filled from the finding's details with pohon.fmt number styles, so a
message is written once and every language gets its own numbers (`Rp 1.234,56` / `Rp 1,234.56`).
"""
from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import string
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

from pohon import fmt
from pohon.gcpause import paused

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    node: str
    message_id: str
    message_en: str
    details: dict = field(default_factory=dict, compare=False, hash=False)
    kind: str | None = None

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def as_dict(self, lang: str = "id") -> dict:
        return {"rule": self.rule, "severity": self.severity, "node": self.node, "kind": self.kind,
                "message": self.message(lang), "details": self.details}


@dataclass(frozen=True)
class Kind:
    """One kind of finding a rule reports: its message in both languages and, if not the rule's, severity.

    Templates use `{name}` for a detail and `{name:spec}` to format it: `money` (1.234,56), `plain` (3,75);
    anything else as text. A list is joined into words before it reaches a template (a person never reads a
    Python list)."""

    id: str
    en: str
    severity: Severity | None = None

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    func: Callable
    title_id: str = ""
    title_en: str = ""
    summary_id: str = ""
    summary_en: str = ""
    kinds: dict = field(default_factory=dict)
    problem_key: bool = True  # the kind is also `details["problem"]` (as JSON readers know it)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    def title(self, lang: str = "id") -> str:
        """The rule's name for people (`Anggaran tidak cocok` / `Budget mismatch`); the id stays the key."""
        return self.title_en if lang == "en" else self.title_id

    def summary(self, lang: str = "id") -> str:
        """What the rule finds, in one line."""
        return self.summary_en if lang == "en" else self.summary_id

    def severities(self) -> list[str]:
        """The severities its findings can have (a kind may override the rule's)."""
        return sorted({k.severity or self.severity for k in self.kinds.values()},
                      key=["error", "warning", "info"].index)

    def __call__(self, tables) -> list[Finding]:
        return list(self.func(tables))


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec):
        if spec == "money":
            return fmt.number(value, self.lang)
        if spec == "plain":
            return fmt.plain(value, self.lang)
        return super().format_field(value, spec)


_FORMATTERS = {lang: _Formatter(lang) for lang in ("id", "en")}
_SPECS = ("money", "plain")  # the specs _Formatter reads itself


@functools.lru_cache(maxsize=None)
def _compiled(template: str) -> tuple[str | None, tuple[tuple[str, str, str], ...]]:
    """`template` for str.format (C) with each `{name:money|plain}` field renamed to a key holding the
    value _Formatter formats (the fields whose key is made per finding); None when the template uses
    anything else of the format mini-language than `{name}`, `{name!conv}` and `{name:spec}`."""
    parts, special = [], []
    for literal, name, spec, conv in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if not name.isidentifier() or "{" in (spec or ""):
            return None, ()
        if spec in _SPECS:
            if conv:
                return None, ()
            key = f"_{spec}_{name}"
            special.append((key, name, spec))
            parts.append("{" + key + "}")
        else:
            parts.append("{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}")
    return "".join(parts), tuple(special)


def _render(template: str, lang: str, values: dict) -> str:
    """= _FORMATTERS[lang].format(template, **values), with str.format doing the work."""
    plain, special = _compiled(template)
    formatter = _FORMATTERS[lang]
    if plain is None:
        return formatter.format(template, **values)
    if special:
        values = {**values, **{key: formatter.format_field(values[name], spec) for key, name, spec in special}}
    return plain.format(**values)

REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: tuple[str, str], kinds: dict[str, Kind],
         summary: tuple[str, str] = ("", ""), problem_key: bool = True):
    """Register a check with its (Indonesian, English) title, a one-line summary of what it finds (the
    report's and README's wording) and its kinds of finding."""

    def register(func):
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, severity, func, *title, *summary, kinds=kinds,
                                 problem_key=problem_key and len(kinds) > 1)
        func.rule_id = rule_id
        return func

    return register


def finding(func, node: str, kind: str | None = None, render: dict | None = None, **details) -> Finding:
    """A finding of the rule `func` on `node`, of one of its declared kinds (the only kind when None).
    `details` go into the finding (and JSON); `render` are extra values only the message template uses."""
    r = REGISTRY[func.rule_id]
    kind = kind or next(iter(r.kinds))
    k = r.kinds[kind]
    if r.problem_key:
        details = {"problem": kind, **details}
    values = {**details, **(render or {})}
    return Finding(r.id, k.severity or r.severity, node, _render(k.id, "id", values), _render(k.en, "en", values),
                   details, kind)


class UnknownRuleError(ValueError):
    pass


@paused
def run_checks(ds, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings of the selected rules (all by default) on a Dataset (or on the cascade a graph from
    pohon.graph.build_graph was built from), sorted by rule, node and message."""
    from pohon.checks.tables import Tables
    from pohon.dataset import Dataset

    if not isinstance(ds, Dataset):
        from pohon.graph import dataset_of

        ds = dataset_of(ds)
    _load_rules()
    selected = list(REGISTRY) if rules is None else list(rules)
    unknown = [r for r in selected if r not in REGISTRY]
    if unknown:
        raise UnknownRuleError(", ".join(unknown))
    tables = Tables(ds)
    out = [f for r in selected for f in REGISTRY[r](tables)]
    return sorted(out, key=lambda f: (f.rule, f.node, f.message_en))


def all_rules() -> dict[str, Rule]:
    _load_rules()
    return dict(sorted(REGISTRY.items()))


def _load_rules() -> None:
    from pohon.checks import rules as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
