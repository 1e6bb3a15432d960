"""The check registry: each rule is a small unit with a stable id, like a linter's rules.

A rule is a function `graph -> iterable of Finding`, registered with `@rule(id, severity)`. Its docstring
has three parts: what it finds / why a reviewer cares / example. Rules only read the graph.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

import networkx as nx

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

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def as_dict(self, lang: str = "id") -> dict:
        return {"rule": self.rule, "severity": self.severity, "node": self.node,
                "message": self.message(lang), "details": self.details}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    func: Callable[[nx.DiGraph], Iterable[Finding]]
    title_id: str = ""
    title_en: str = ""

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    def title(self, lang: str = "id") -> str:
        """The rule's name for people (`Anggaran tidak cocok` / `Budget mismatch`); the id stays the key."""
        return self.title_en if lang == "en" else self.title_id

    def __call__(self, graph: nx.DiGraph) -> list[Finding]:
        return list(self.func(graph))


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: tuple[str, str]):
    """Register a check with its (Indonesian, English) title. The function yields findings made with
    `finding(...)`."""

    def register(func):
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, severity, func, *title)
        func.rule_id, func.severity = rule_id, severity
        return func

    return register


def finding(func, node: str, message_id: str, message_en: str, severity: Severity | None = None,
            **details) -> Finding:
    return Finding(func.rule_id, severity or func.severity, node, message_id, message_en, details)


class UnknownRuleError(ValueError):
    pass


@paused
def run_checks(graph: nx.DiGraph, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings of the selected rules (all by default), sorted by rule, node and message."""
    _load_rules()
    selected = list(REGISTRY) if rules is None else list(rules)
    unknown = [r for r in selected if r not in REGISTRY]
    if unknown:
        raise UnknownRuleError(", ".join(unknown))
    from pohon.checks.view import kind_index

    with kind_index(graph):
        out = [f for r in selected for f in REGISTRY[r](graph)]
    return sorted(out, key=lambda f: (f.rule, f.node, f.message_en))


def all_rules() -> dict[str, Rule]:
    _load_rules()
    return dict(sorted(REGISTRY.items()))


def _load_rules() -> None:
    from pohon.checks import rules as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
