"""Make the autograded notebook inert: no trainee HTML or JavaScript may run in the instructor's or a trainee's browser.

The formgrader renders ``autograded/<trainee>/...ipynb`` with nbconvert on the instructor's Jupyter origin, and
the feedback pages are made from the same notebook. nbconvert passes markdown cells' HTML, markdown links
(``javascript:``), ``text/html`` and ``image/svg+xml`` outputs and ``application/javascript`` outputs through
to the page, where they would run with the instructor's session. :class:`SanitizeTraineeHTML` runs at the end of
autograde (and again at the start of feedback): markdown and raw cells are rendered and cleaned with bleach
(safe tags, ``http``/``https``/``mailto`` links only), HTML outputs are cleaned, and every other kind of output
but plain text, LaTeX, JSON and PNG/JPEG/GIF images is dropped, as are embedded widget states. An SVG output (a
matplotlib figure) is shown as an image, ``<img src="data:image/svg+xml;base64,...">``: a browser runs no script
and loads nothing for an SVG shown as an image, so the figure is seen and its markup is inert. Cells whose
content could have run are listed in ``metadata.ipt_active_content`` for the diagnosis.
"""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser
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
#: ``data:`` only as an ``<img>``'s base64 PNG/JPEG/GIF/SVG image (:func:`_attribute_allowed`).
PROTOCOLS = frozenset({"http", "https", "mailto", "attachment", "data"})
SVG = "image/svg+xml"
#: Largest SVG output shown as an image, in characters (a matplotlib figure is 20-200 KB; base64 adds a third).
SVG_MAX_CHARS = 1_000_000
MARK = "ipt_active_content"
#: What could run in a browser: script-like tags, event handlers in a tag, script URLs.
_ACTIVE_TAG = re.compile(r"<\s*/?\s*(script|iframe|object|embed|link|meta|base|form|svg|math|frame|frameset|"
                         r"applet|input|button|textarea|select|template)\b|<[^>]*\son[a-z]+\s*=", re.I)
_ACTIVE_URL = re.compile(r"(javascript|vbscript|data:text/html|data:image/svg)", re.I)
_SCRIPT_OUTPUTS = ("javascript", "ecmascript", "image/svg", "text/html")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.I | re.S)
_BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]*$")
_TAG = re.compile(r"^[\w.-]{1,64}$")
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|svg\+xml);base64,[a-z0-9+/=]*$")  # lower-cased
_DATA_IMAGE_SRC = re.compile(r"""\bsrc\s*=\s*(["']?)data:image/(?:png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=\s]*\1""",
                             re.I)
#: What in an SVG could run or load something if the SVG were put in the page itself (shown as an image, nothing
#: runs): scripts, event handlers, script URLs, embedded HTML, links or styles that point outside the file.
_SVG_ACTIVE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|javascript:|@import|"
                         r"\bhref\s*=\s*[\"']?\s*(?![\s\"'#]|data:image/)|"
                         r"url\(\s*[\"']?\s*(?![\s\"'#]|data:image/)", re.I)


def is_active(text: str) -> bool:
    """Whether HTML or markdown holds something a browser could run (entities and spaces in URLs see through)."""
    plain = _DATA_IMAGE_SRC.sub('src=""', html.unescape(html.unescape(text)))  # an image made inert on purpose
    return bool(_ACTIVE_TAG.search(plain) or _ACTIVE_URL.search(re.sub(r"[\x00-\x20]+", "", plain)))


def clean_html(html: str) -> str:
    """HTML with only safe tags, attributes, styles and link schemes; anything else is shown as text."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    html = _STYLE_BLOCK.sub("", html)  # pandas' <style scoped> tables: the CSS would show as text
    return bleach.clean(html, tags=TAGS, attributes=_attribute_allowed, protocols=PROTOCOLS, strip=False,
                        strip_comments=True, css_sanitizer=CSSSanitizer())


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    """An attribute of :data:`ATTRIBUTES`; a ``data:`` URL only as an ``<img>``'s base64 image (normalised as bleach
    does before it checks the scheme: entities decoded, spaces, controls and other characters dropped)."""
    if name not in ATTRIBUTES["*"] and name not in ATTRIBUTES.get(tag, ()):
        return False
    if name not in ("href", "src"):
        return True
    url = re.sub(r"[`\x00-\x20\x7f-\xa0\s]+", "", html.unescape(value))
    url = re.sub(r"[^\x00-\x7f]", "", url).lower()
    if not url.startswith("data:"):
        return True
    return tag == "img" and name == "src" and bool(_DATA_IMAGE.match(url))


def svg_is_active(svg: str) -> bool:
    """Whether an SVG holds a script, event handler, embedded HTML or a reference to anything outside itself."""
    return bool(_SVG_ACTIVE.search(html.unescape(svg)))


def svg_as_image(svg: str) -> str:
    """An ``<img>`` showing ``svg`` (within :data:`SVG_MAX_CHARS`), or a plain note that the figure is too large."""
    if len(svg) > SVG_MAX_CHARS:
        return (f"<p>[an SVG figure of {len(svg):,} characters, more than the {SVG_MAX_CHARS:,} the grader shows; "
                "not shown]</p>")
    encoded = base64.b64encode(svg.encode("utf-8", "replace")).decode("ascii")
    # Attributes in bleach's order, so cleaning the page again (feedback) leaves the element as it is.
    return f'<img alt="figure (SVG image)" class="ipt-svg-figure" src="data:image/svg+xml;base64,{encoded}">'


def markdown_html(source: str, attachments: Any = None) -> str:
    """Markdown rendered as nbconvert renders it, with the cell's attachments (pasted images) embedded as ``data:``
    images. An image whose attachment is missing or damaged shows nothing (nbconvert itself stops the whole export
    on it: a trainee who pasted a screenshot was not graded); anything else that cannot be rendered is shown as
    escaped text."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    class _Renderer(IPythonRenderer):
        def _embed_image_or_attachment(self, src: str) -> str:
            try:
                return str(super()._embed_image_or_attachment(src))
            except Exception:  # the trainee's attachment: missing or not what Jupyter writes
                return ""

    try:
        renderer = _Renderer(escape=False, attachments=attachments if isinstance(attachments, dict) else {})
        return str(MarkdownWithMath(renderer=renderer).render(source))
    except Exception:  # markdown the renderer cannot take is shown as text
        return f"<pre>{html.escape(source)}</pre>\n"


def clean_markdown(source: str, attachments: Any = None) -> str:
    """A markdown cell as cleaned HTML (markdown links are rendered first, so ``javascript:`` links go too)."""
    return clean_html(markdown_html(source, attachments))


def inert_markdown(source: str, attachments: Any = None) -> str:
    """Markdown as cleaned HTML that stays clean when it is rendered as markdown again.

    The formgrader (nbconvert) renders a markdown cell's stored text as markdown once more, and bleach's escaping can
    turn raw HTML back into markdown: ``<script>`` escaped no longer starts a raw-HTML block, so a
    ``[link](javascript:...)`` inside it became a live link on the instructor's page. The cleaned text is rendered
    and cleaned again until its rendering holds nothing bleach would remove; text that does not settle is shown
    escaped, as preformatted text.
    """
    text = clean_markdown(source, attachments)
    for _ in range(4):
        rendered = markdown_html(text)
        if not unsafe_html(rendered):
            return text
        text = clean_html(rendered)
    return f"<pre>{html.escape(source)}</pre>\n"


class _UnsafeFinder(HTMLParser):
    """Tags, attributes and link schemes that :func:`clean_html` would not let through."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append(tag)
        for name, value in attrs:
            if not _attribute_allowed(tag, name, value or "") or (name in ("href", "src")
                                                                 and not _scheme_allowed(value or "")):
                self.found.append(f"{tag} {name}")


def unsafe_html(text: str) -> list[str]:
    """What in ``text`` (HTML) bleach's policy here would remove: tags, attributes, link schemes."""
    finder = _UnsafeFinder()
    finder.feed(text)
    finder.close()
    return finder.found


def _scheme_allowed(value: str) -> bool:
    """A URL without a scheme (relative) or with one of :data:`PROTOCOLS` (normalised as bleach does)."""
    url = re.sub(r"[`\x00-\x20\x7f-\xa0\s]+", "", html.unescape(value))
    url = re.sub(r"[^\x00-\x7f]", "", url).lower()
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", url)
    return scheme is None or scheme[1] in PROTOCOLS


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
        if key == SVG:  # shown as an image, unless the output has HTML or a PNG the page shows instead
            svg = _text(data.pop(key))
            active |= svg_is_active(svg)
            if "text/html" not in data and "image/png" not in data:
                data["text/html"] = svg_as_image(svg)
        elif key in CLEANED_OUTPUTS:
            text = _text(data[key])
            active |= is_active(text)
            data[key] = clean_html(text) if key == "text/html" else inert_markdown(text)
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
            cell.source = (inert_markdown(source, cell.get("attachments")) if cell.cell_type == "markdown"
                           else clean_html(source))
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
