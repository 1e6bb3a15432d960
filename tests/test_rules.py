"""Every rule: silent on the clean cascade, and on each broken copy reports exactly the expected node with the
expected figures, while no other rule fires except the findings the breakage unavoidably causes (`also`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pohon.checks import all_rules, run_checks
from pohon.graph import load_graph
from tests.fixtures import BAD_FIXTURES, CLEAN, RULES, fixture_dir

RULE_IDS = sorted(all_rules())


@pytest.fixture(scope="module")
def clean_graph():
    return load_graph(CLEAN)


def test_registry_has_the_rules_of_the_issue():
    assert set(RULE_IDS) >= {
        "orphan-indicator", "unit-without-indicator", "budget-without-indicator", "budget-mismatch",
        "matrix-inconsistency", "duplicate-code", "sasaran-mismatch", "target-direction", "starred-with-budget",
        "target-conflict", "unfunded-indicator",
    }


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_is_silent_on_clean(clean_graph, rule_id):
    assert run_checks(clean_graph, [rule_id]) == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_a_bad_fixture(rule_id):
    assert any(b.rule == rule_id for b in BAD_FIXTURES), f"no bad fixture breaks {rule_id}"


def test_bad_fixture_folders_and_list_agree():
    on_disk = {f"{p.parent.name}/{p.name}" for p in RULES.glob("*/*") if p.is_dir()}
    assert on_disk == {b.id for b in BAD_FIXTURES}
    for b in BAD_FIXTURES:
        files = sorted(p.name for p in (RULES / b.rule / b.variant).iterdir())
        assert files, b.id
        for name in files:  # only CSV files the clean cascade has, and each one actually changed
            assert (CLEAN / name).exists(), f"{b.id}/{name} overrides no clean file"
            assert (RULES / b.rule / b.variant / name).read_bytes() != (CLEAN / name).read_bytes(), f"{b.id}/{name}"


@pytest.mark.parametrize("bad", BAD_FIXTURES, ids=[b.id for b in BAD_FIXTURES])
def test_rule_fires_on_its_bad_fixture(tmp_path, bad):
    graph = load_graph(fixture_dir(bad.rule, bad.variant, dest=tmp_path))
    findings = run_checks(graph)
    mine = [f for f in findings if f.rule == bad.rule]
    assert [f.node for f in mine] == [bad.node], [(f.node, f.details) for f in mine]
    got = mine[0]
    assert {k: got.details.get(k) for k in bad.figures} == bad.figures
    others = sorted((f.rule, f.node) for f in findings if f.rule != bad.rule)
    assert others == sorted(bad.also), "spurious findings"
    # the finding is usable by every exporter: its node exists, its messages are in both languages
    assert got.node in graph or got.node.startswith("kode:")
    assert got.message("id") and got.message("en") and got.message("id") != got.message("en")
    assert got.severity in ("error", "warning", "info")
    json.dumps(got.as_dict())


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_doc_has_three_parts(rule_id):
    doc = all_rules()[rule_id].doc
    parts = re.split(r"^\s*(What it finds:|Why a reviewer cares:|Example:)", doc, flags=re.M)
    heads = parts[1::2]
    assert heads == ["What it finds:", "Why a reviewer cares:", "Example:"], doc
    assert all(len(body.split()) >= 5 for body in parts[2::2]), doc
    assert parts[0].strip() == ""


def test_unknown_rule_is_refused(clean_graph):
    from pohon.checks import UnknownRuleError

    with pytest.raises(UnknownRuleError, match="no-such-rule"):
        run_checks(clean_graph, ["no-such-rule"])


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_a_title_in_both_languages(rule_id):
    r = all_rules()[rule_id]
    assert r.title("id") and r.title("en") and r.title("id") != rule_id
    assert r.title("id") != r.title("en") or r.title("id").isupper()


def test_readme_rule_table_is_the_registry():
    """README's table of checks says what `pohon rule` says (ids, severities, the English summary)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [f"| `{r.id}` | {'/'.join(r.severities())} | {r.summary('en')} |" for r in all_rules().values()]
    assert "\n".join(["| id | severity | finds |", "|---|---|---|", *rows]) in readme


def test_every_rule_has_a_summary_in_both_languages():
    for r in all_rules().values():
        assert r.summary("id") and r.summary("en") and r.summary("id") != r.summary("en"), r.id


def test_pohon_rule_lists_every_rule_and_documents_one():
    from click.testing import CliRunner

    from pohon.cli import main

    listing = CliRunner().invoke(main, ["rule"])
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == list(all_rules())
    one = CliRunner().invoke(main, ["rule", "budget-mismatch", "--lang", "en"])
    assert one.exit_code == 0 and one.stdout.startswith("budget-mismatch — Budget mismatch\n")
    assert "What it finds:" in one.stdout and "Why a reviewer cares:" in one.stdout and "unit-vs-komponen" in one.stdout
    bad = CliRunner().invoke(main, ["rule", "budget-mismach"])
    assert bad.exit_code == 2 and bad.stderr.startswith("pohon rule: unknown-rule: ") and "budget-mismatch" in bad.stderr


def test_no_template_prints_a_python_value():
    """A list or a dict in a message reads as code (`['BB', 'SET']`): templates fill words, not reprs."""
    for r in all_rules().values():
        for name, k in r.kinds.items():
            for text in (k.id, k.en):
                assert ":repr}" not in text and "!r}" not in text, (r.id, name, text)


def test_messages_on_data_name_tables_not_keys():
    """What a reviewer reads on data/ names the tables as the Renstra does, in both languages."""
    findings = run_checks(load_graph(Path(__file__).resolve().parents[1] / "data"))
    for f in findings:
        for text in (f.message("id"), f.message("en")):
            assert not re.search(r"lampiran_iii:|\btabel2\b|\blampiran2\b|\['|\[\]", text), (f.rule, text)
