"""Words and numbers on the pages: Indonesian numbers (1.234,56; Rp juta with two decimals) on id pages,
1,234.56 on en pages, rule titles for people, no internal keys as text (issue 10, item 2)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pohon.checks import all_rules, run_checks
from pohon.exporters.html import render_html
from pohon.graph import load_graph
from tests.test_visual import page_data

ROOT = Path(__file__).resolve().parents[1]
MONEY = {"id": re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2}$"), "en": re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2}$")}
PLAIN = {"id": re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$"), "en": re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$")}
RP = re.compile(r"Rp (\S+) juta")
INTERNAL = re.compile(r"lampiran_iii:|lampiran_iv|\['|\[\]|None\b|\bnan\b")


@pytest.fixture(scope="module")
def data():
    graph = load_graph(ROOT / "data")
    return graph, run_checks(graph)


def pages(data):
    graph, findings = data
    return {"id": (ROOT / "visual" / "tipe-BBSPJI.html").read_text(encoding="utf-8"),
            "en": render_html(graph, findings, lang="en", depth="komponen", tipe="BBSPJI")}


def test_every_number_in_the_details_is_in_the_page_language(data):
    for lang, html in pages(data).items():
        d = page_data(html)
        money_rows = plain_rows = 0
        for row in d["info"]:
            for label, value in row["t"]:
                if "Rp" in label or label.startswith(("Jumlah", "Total")):
                    assert value == "–" or MONEY[lang].match(value), (lang, row["c"], label, value)
                    money_rows += value != "–"
                elif label.startswith("Target") and re.match(r"^[-\d]", value):
                    assert PLAIN[lang].match(value), (lang, row["c"], label, value)
                    plain_rows += 1
        assert money_rows > 500 and plain_rows > 100, (money_rows, plain_rows)


def test_finding_messages_and_titles_are_for_people(data):
    graph, findings = data
    titles = {lang: {r.id: r.title(lang) for r in all_rules().values()} for lang in ("id", "en")}
    for lang, html in pages(data).items():
        shown = [f for row in page_data(html)["info"] for f in row["f"]]
        assert len(shown) > 40
        for sev, rule, title, message in shown:
            assert title == titles[lang][rule] and title != rule
            for amount in RP.findall(message):
                assert MONEY[lang].match(amount), (lang, message)
            if lang == "id":
                assert not INTERNAL.search(message), message
    # every Indonesian message of the whole dataset, where the page's words come from
    for f in findings:
        assert not INTERNAL.search(f.message("id")), f.message("id")
        for amount in RP.findall(f.message("id")):
            assert MONEY["id"].match(amount), f.message("id")


def test_header_counts_use_the_page_language():
    from tests.sample_graph import sample_graph

    g = sample_graph(bbspji=40, bspji=40, komponen_per_ikk=4)  # more than 1000 komponen
    html_id = render_html(g, [], depth="komponen")
    html_en = render_html(g, [], depth="komponen", lang="en")
    n = sum(1 for _, a in g.nodes(data=True) if a["kind"] == "Komponen")
    assert n >= 1000
    assert f"<span>{n // 1000}.{n % 1000:03d} Komponen</span>" in html_id
    assert f"<span>{n // 1000},{n % 1000:03d} Komponen</span>" in html_en
