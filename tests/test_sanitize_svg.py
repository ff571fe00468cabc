"""SVG outputs on graded pages: shown as an inert image (``<img src="data:image/svg+xml;base64,...">``), not markup.

The end-to-end check (a matplotlib figure drawn in the grading kernel, a hostile SVG, both opened in chromium under
the feedback page's Content-Security-Policy) is in ``tests/test_attacks_autograde.py``.
"""

from __future__ import annotations

import base64
import copy
import io
import re

import nbformat
import pytest

from ipt_training.grading.trusted.sanitize import SVG_MAX_CHARS, clean_html, is_active, sanitize_notebook

HOSTILE = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/track.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href=\'http://example.org/a.svg#x\'/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://example.org/a.css";</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( https://example.org/p )"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="&#106;avascript:alert(1)"><text>x</text></a></svg>',
]


def _figure() -> str:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()
    axes.plot([1, 4, 8, 12, 16], [24, 21, 15, 11, 8], marker="o")
    axes.imshow([[0, 1], [1, 0]], extent=(1, 3, 8, 10))  # an embedded PNG: a data: reference inside the SVG
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    plt.close(figure)
    return buffer.getvalue()


def _notebook(svg: str, **data: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("plt.show()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/svg+xml": svg, "text/plain": "<Figure>",
                                                                 **data})]
    nb.cells = [cell]
    return nb


def _shown(nb: nbformat.NotebookNode) -> list[str]:
    html = nb.cells[0].outputs[0]["data"].get("text/html", "")
    return [base64.b64decode(m).decode() for m in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]


def test_a_matplotlib_figure_becomes_an_image_and_is_not_reported() -> None:
    svg = _figure()
    nb = _notebook(svg)
    assert sanitize_notebook(nb) == []
    data = nb.cells[0].outputs[0]["data"]
    assert "image/svg+xml" not in data and _shown(nb) == [svg]
    again = copy.deepcopy(nb)
    assert sanitize_notebook(again) == [] and again == nb  # feedback cleans the page again: nothing changes


@pytest.mark.parametrize("svg", HOSTILE)
def test_a_hostile_svg_is_shown_only_as_an_image_and_reported(svg: str) -> None:
    nb = _notebook(svg)
    assert sanitize_notebook(nb) == [0]
    assert _shown(nb) == [svg] and "image/svg+xml" not in nb.cells[0].outputs[0]["data"]


def test_an_oversized_svg_is_replaced_by_a_note() -> None:
    nb = _notebook("<svg>" + " " * SVG_MAX_CHARS + "</svg>")
    sanitize_notebook(nb)
    note = nb.cells[0].outputs[0]["data"]["text/html"]
    assert _shown(nb) == [] and "more than the 1,000,000 the grader shows" in note


def test_an_svg_beside_a_png_or_html_leaves_them_to_the_page() -> None:
    nb = _notebook(_figure(), **{"image/png": "iVBORw0KGgo="})
    sanitize_notebook(nb)
    assert set(nb.cells[0].outputs[0]["data"]) == {"image/png", "text/plain"}


@pytest.mark.parametrize("html", [
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="data:image/svg+xml;base64,PHN2Zz4=">x</a>',
    '<img src="data:text/html;base64,PHNjcmlwdD4=">',
    '<img src="da&#x09;ta:image/svg+xml,<svg onload=alert(1)>">',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
])
def test_data_urls_survive_only_as_base64_images(html: str) -> None:
    assert "data:" not in clean_html(html).lower()


def test_a_base64_image_in_markdown_or_html_is_kept_and_not_reported() -> None:
    image = '<img alt="x" src="data:image/png;base64,iVBORw0KGgo=">'
    assert clean_html(image) == image and not is_active(image)
    assert is_active('<img src="data:image/svg+xml;base64,PHN2Zz4=" onerror="alert(1)">')
