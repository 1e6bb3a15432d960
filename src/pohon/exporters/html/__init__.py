"""The workshop view (`pohon visual`): interactive, offline, self-contained HTML pages of a cascade.

One module per concern: `render` (a page, the committed set), `select` (which nodes a view shows), `groups`
(one node per unit type under the IKs), `style` (kinds, colours, sizes, words), `info` (tooltip rows),
`findings` (the findings panel), `diff` (`--diff`), `page` (inlining everything into one file). The layout is
done in the browser (static/layout.js), so that folding and the text size re-lay out what is on screen.
"""
from pohon.exporters.html.render import (VisualOptionError, overview_name, page_names, render_all, render_html,
                                         render_page, unit_page)

__all__ = ["render_html", "render_page", "unit_page", "render_all", "page_names", "overview_name",
           "VisualOptionError"]
