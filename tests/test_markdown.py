"""The one Markdown escaper every Markdown output uses (findings, diff, reviu)."""
import pytest

from pohon.markdown import cell


@pytest.mark.parametrize("raw, want", [
    ("a|b", "a\\|b"),
    ("line\nnext", "line next"),
    ("<script>", "&lt;script&gt;"),
    ("C:\\data", "C:\\\\data"),
    (3.5, "3.5"),
])
def test_cell_keeps_a_table_row_whole(raw, want):
    assert cell(raw) == want


def test_every_markdown_writer_uses_it():
    import pohon.exporters.diff_report as d
    import pohon.exporters.findings as f
    import pohon.exporters.reviu as r

    assert d.md_cell is f.md_cell is r.md_cell is cell
