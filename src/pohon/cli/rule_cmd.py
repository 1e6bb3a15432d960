"""`pohon rule`: the check registry's own documentation, like `ruff rule`."""
from __future__ import annotations

import difflib

import click

from pohon.cli import main
from pohon.cli.common import lang_option
from pohon.errors import OptionError
from pohon.words import words


@main.command("rule")
@click.argument("rule_id", required=False, metavar="[ID]")
@lang_option
def rule_cmd(rule_id, lang):
    """Daftar aturan pemeriksaan, atau dokumentasi satu aturan.

    List the check rules with their severity and title, or print one rule's documentation: what it finds,
    why a reviewer cares, an example, and the messages its findings carry. Exit 0, or 2 for an unknown ID.

    \b
    Contoh / examples:
      pohon rule
      pohon rule budget-mismatch --lang en
    """
    from pohon.checks import all_rules

    rules = all_rules()
    sev = words("severity", lang)
    if rule_id is None:
        width = max(map(len, rules))
        for r in rules.values():
            click.echo(f"{r.id:<{width}}  {'/'.join(sev[s] for s in r.severities()):<18}  {r.title(lang)}")
        return
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=3, cutoff=0.5)
        hint_id = f"; mungkin maksudnya: {', '.join(close)}" if close else "; lihat `pohon rule`"
        hint_en = f"; did you mean: {', '.join(close)}" if close else "; see `pohon rule`"
        raise OptionError("pohon rule", "unknown-rule", f"aturan {rule_id!r} tidak dikenal{hint_id}",
                          f"unknown rule {rule_id!r}{hint_en}")
    r = rules[rule_id]
    w = words("rule", lang)
    click.echo(f"{r.id} — {r.title(lang)}")
    click.echo(f"{w['severity']}: {', '.join(sev[s] for s in r.severities())}")
    click.echo(f"{w['finds']}: {r.summary(lang)}\n")
    click.echo(r.doc + "\n")
    click.echo(f"{w['kinds']}:")
    for name, k in r.kinds.items():
        click.echo(f"  {name} ({sev[k.severity or r.severity]}): {k.text(lang)}")
