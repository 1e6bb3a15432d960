"""Text for a Markdown table cell or heading: one escaper for every Markdown output (findings, diff, reviu).

A backslash and `|` are escaped (a `|` would end the cell), a newline folds to a space (it would end the row),
and `<`/`>` become entities so a name like `<script>` stays text when the Markdown is rendered to HTML."""
from __future__ import annotations


def cell(text) -> str:
    return (str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))
