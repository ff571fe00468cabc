"""Make the autograded notebook inert: no trainee HTML or JavaScript may run in the instructor's or a trainee's browser.

The formgrader renders ``autograded/<trainee>/...ipynb`` with nbconvert on the instructor's Jupyter origin, and
the feedback pages are made from the same notebook. nbconvert passes markdown cells' HTML, markdown links
(``javascript:``), ``text/html`` and ``image/svg+xml`` outputs and ``application/javascript`` outputs through
to the page, where they would run with the instructor's session. :class:`SanitizeTraineeHTML` runs at the end of
autograde (and again at the start of feedback): markdown and raw cells are rendered and cleaned with bleach
(safe tags, ``http``/``https``/``mailto`` links only), HTML outputs are cleaned, and every other kind of output
but plain text, LaTeX, JSON and PNG/JPEG/GIF images is dropped, as are embedded widget states. Cells whose
content could have run are listed in ``metadata.ipt_active_content`` for the diagnosis.
"""

from __future__ import annotations

import re
from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

#: Output kinds kept as they are (nbconvert escapes them or embeds them as base64 images).
SAFE_OUTPUTS = frozenset({"text/plain", "text/latex", "application/json", "image/png", "image/jpeg", "image/gif"})
#: Output kinds kept after cleaning their HTML.
CLEANED_OUTPUTS = frozenset({"text/html", "text/markdown"})
#: What a page shows instead of a widget's Python repr (the widget itself only runs in JupyterLab).
WIDGET_PLACEHOLDER = "[interactive widget: shown in JupyterLab only]"
TAGS = frozenset({
    "a", "abbr", "acronym", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
    "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
})
ATTRIBUTES = {"*": ["class", "title", "style", "align"], "a": ["href", "title"],
              "img": ["src", "alt", "title", "width", "height"], "td": ["colspan", "rowspan"],
              "th": ["colspan", "rowspan", "scope"], "ol": ["start"]}
PROTOCOLS = frozenset({"http", "https", "mailto", "attachment"})
MARK = "ipt_active_content"
#: What could run in a browser: script-like tags, event handlers in a tag, script URLs.
_ACTIVE_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|link|meta|base|form|svg|math|frame|frameset|"
                         r"applet|input|button|textarea|select|template)\b|<[^>]*\son[a-z]+\s*=", re.I)
_ACTIVE_URL = re.compile(r"(javascript|vbscript|data:text/html|data:image/svg)", re.I)
_SCRIPT_OUTPUTS = ("javascript", "ecmascript", "image/svg", "text/html")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.I | re.S)
_BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]*$")
_TAG = re.compile(r"^[\w.-]{1,64}$")


def is_active(text: str) -> bool:
    """Whether HTML or markdown holds something a browser could run (entities and spaces in URLs see through)."""
    import html

    plain = html.unescape(html.unescape(text))
    return bool(_ACTIVE_TAG.search(plain) or _ACTIVE_URL.search(re.sub(r"[\x00-\x20]+", "", plain)))


def clean_html(html: str) -> str:
    """HTML with only safe tags, attributes, styles and link schemes; anything else is shown as text."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    html = _STYLE_BLOCK.sub("", html)  # pandas' <style scoped> tables: the CSS would show as text
    return bleach.clean(html, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=False,
                        strip_comments=True, css_sanitizer=CSSSanitizer())


def clean_markdown(source: str) -> str:
    """A markdown cell as cleaned HTML (markdown links are rendered first, so ``javascript:`` links go too)."""
    from nbconvert.filters.markdown import markdown2html

    return clean_html(markdown2html(source))


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _clean_output(output: NotebookNode) -> bool:
    """Clean one output in place; True if it held anything that could have run."""
    if output.get("output_type") not in ("display_data", "execute_result", "update_display_data"):
        return False
    data = output.get("data") if isinstance(output.get("data"), dict) else {}
    active = False
    widget = any("widget" in key for key in data)
    for key in list(data):
        if key in CLEANED_OUTPUTS:
            text = _text(data[key])
            active |= is_active(text)
            data[key] = clean_html(text) if key == "text/html" else clean_markdown(text)
        elif key in SAFE_OUTPUTS and (not key.startswith("image/") or _BASE64.match(_text(data[key]))):
            continue
        elif key in SAFE_OUTPUTS:  # an "image" that is not base64: markup aimed at the <img> tag
            active = True
            del data[key]
        else:
            active |= any(kind in key for kind in _SCRIPT_OUTPUTS)  # widget views etc. go silently
            del data[key]
    if widget and "text/plain" in data:  # the widget's Python repr ("VBox(children=...") means nothing on a page
        data["text/plain"] = WIDGET_PLACEHOLDER
    output["data"] = data
    metadata = output.get("metadata") if isinstance(output.get("metadata"), dict) else {}
    output["metadata"] = {mime: {k: v for k, v in size.items() if k in ("width", "height") and isinstance(v, int)}
                          for mime, size in metadata.items() if mime in data and isinstance(size, dict)}
    return active


def sanitize_notebook(nb: NotebookNode) -> list[int]:
    """Make ``nb`` inert in place; the indices of cells whose content could have run in a browser."""
    active: list[int] = []
    nb.metadata.pop("widgets", None)  # embedded widget state makes nbconvert load widget code from a CDN
    for index, cell in enumerate(nb.cells):
        found = False
        tags = cell.metadata.get("tags")
        if tags is not None:
            cell.metadata["tags"] = [t for t in tags if isinstance(t, str) and _TAG.match(t)] \
                if isinstance(tags, list) else []
        if cell.cell_type in ("markdown", "raw"):
            source = _text(cell.source)
            found = is_active(source)
            cell.source = clean_markdown(source) if cell.cell_type == "markdown" else clean_html(source)
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                found |= _clean_output(output)
            cell.outputs = [o for o in cell.get("outputs", []) if o.get("data") != {}]
        if found:
            active.append(index)
    return active


class SanitizeTraineeHTML(NbGraderPreprocessor):
    """Remove active content from every cell and output (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        active = sanitize_notebook(nb)
        nb.metadata.pop(MARK, None)  # only this step writes it (a trainee's own value is not believed)
        if active:
            nb.metadata[MARK] = active
            self.log.warning("Removed HTML or JavaScript that could run in a browser from cell(s) %s",
                             ", ".join(str(i + 1) for i in active))
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict[str, Any], index: int) -> tuple[NotebookNode, Any]:
        return cell, resources
