"""Finding messages are rendered by str.format from templates compiled once (pohon.checks._render); the text
must be what pohon's format-spec formatter (`money`, `plain`) gives, for every kind of every rule."""
from __future__ import annotations

import string

import pytest

from pohon.checks import _FORMATTERS, _compiled, _render, all_rules

TEMPLATES = sorted({t for r in all_rules().values() for k in r.kinds.values() for t in (k.id, k.en)})
VALUES = (1234567.891, 0.0, -3.5, 7, "x{y}", ["BB", "SET"], None, {"a": 1})


def _formatted(template: str, lang: str, values: dict, render=None):
    try:
        if render:
            return render(template, lang, values)
        return _FORMATTERS[lang].format(template, **values)
    except Exception as exc:  # noqa: BLE001 - the same failure is expected of both
        return type(exc)


@pytest.mark.parametrize("template", TEMPLATES)
def test_rendered_as_the_formatter_renders(template):
    names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    for value in VALUES:
        values = {n: value for n in names}
        for lang in ("id", "en"):
            assert _formatted(template, lang, values, _render) == _formatted(template, lang, values)


def test_templates_outside_the_fast_path_still_render():
    values = {"a": 1234.5, "w": "10"}
    for template in ("{a.b}", "{a[0]}", "{a:{w}}", "{a!r:money}", "{{x}} {a:plain}", "{a:>12}"):
        assert _formatted(template, "id", values, _render) == _formatted(template, "id", values)
    assert _compiled("{a.b}")[0] is None and _compiled("{{x}} {a:plain}")[0] == "{{x}} {_plain_a}"
