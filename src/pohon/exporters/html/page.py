"""Assemble one self-contained HTML file: vis-network JS/CSS, our JS/CSS and the data, all inline.

vis-network comes from the pyvis package (lib/vis-<VIS_VERSION>/), unchanged, licence header included.
A Content-Security-Policy allows only the page's own inline scripts (by hash), so even markup that slipped
into the page could load or run nothing.
"""
from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from pohon.errors import PohonError

VIS_VERSION = "9.1.2"


class AssetError(PohonError):
    """A file the page inlines (vis-network, template) is missing."""


def _vis_dir() -> Path:
    from importlib.util import find_spec

    spec = find_spec("pyvis")  # not imported: the package imports IPython, a third of a second
    if spec is None or not spec.submodule_search_locations:
        raise AssetError("the pyvis package (which holds vis-network) is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "lib" / f"vis-{VIS_VERSION}"
    if not (path / "vis-network.min.js").is_file():
        raise AssetError(f"vis-network {VIS_VERSION} not found in the pyvis package at {path}")
    return path


def _static(name: str) -> str:
    return resources.files("pohon").joinpath("static", name).read_text(encoding="utf-8")


def _script_safe(code: str) -> str:
    """Inline JS/CSS must not close its own element."""
    return code.replace("</script", "<\\/script").replace("</style", "<\\/style")


def json_for_html(data) -> str:
    """JSON that is safe inside <script type=application/json>: no <, >, & survive as such."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def static_page(template: str, context: dict) -> str:
    """A page without scripts (visual/index.html): the template from static/, its CSS inline."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_static(template)).render(**context, page_css=Markup(_script_safe(_static("index.css"))))


def page(context: dict, data: dict) -> str:
    vis = _vis_dir()
    vis_js = _script_safe(vis.joinpath("vis-network.min.js").read_text(encoding="utf-8")).strip()
    vis_css = _script_safe(vis.joinpath("vis-network.css").read_text(encoding="utf-8")).strip()
    page_js = _script_safe(_static("layout.js").strip() + "\n" + _static("visual.js")).strip()
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_static("visual.html.j2"))
    hashes = " ".join(_sha256(f"\n{code}\n") for code in (vis_js, page_js))
    return template.render(
        **context,
        vis_version=VIS_VERSION,
        script_hashes=Markup(hashes),
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        page_css=Markup(_script_safe(_static("visual.css")).strip()),
        page_js=Markup(page_js),
        data_json=Markup(json_for_html(data)),
    )
