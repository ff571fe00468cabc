"""Small, widget-free HTML and PNG helpers shared by the practice widgets."""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ipt_training.cases.model import Case

#: Text marks used next to colour so that right/wrong never depends on colour alone.
MARK_RIGHT = "✓ correct"
MARK_WRONG = "✗ not quite"
MARK_MISSING = "– not answered yet"
#: Widget HTML inherits a 28px line height from ipywidgets (made for one-line labels), so wrapped prose looks
#: double-spaced; text blocks set a reading line height of their own.
TEXT_STYLE = "line-height:1.5"


#: ipywidgets gives each radio option a fixed one-line height, so a long option wrapped over the next one. Radio
#: groups with the class below wrap their options on as many lines as they need (the style element travels with
#: the widget's HTML, so it works wherever the widget is shown).
WRAPPING_RADIO_CLASS = "ipt-wrapping-options"
WRAPPING_RADIO_STYLE = (
    f"<style>.{WRAPPING_RADIO_CLASS} .widget-radio-box label{{display:flex;align-items:flex-start;height:auto;"
    f"line-height:1.4;white-space:normal;margin:2px 0 6px 0}}"
    f".{WRAPPING_RADIO_CLASS} .widget-radio-box input{{order:-1;float:none;flex-shrink:0;margin-top:0.2em}}</style>"
)


def _cell_style(column: int, nowrap: Sequence[int]) -> str:
    # JupyterLab right-aligns table cells in rendered HTML; prose reads from the left.
    return "text-align:left;vertical-align:top;padding:4px 8px" + (";white-space:nowrap" if column in nowrap else "")


def html_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]], nowrap: Sequence[int] = ()) -> str:
    """An accessible HTML table (caption, column headers); every cell is escaped, left-aligned, and the columns
    in ``nowrap`` (short marks such as "✓ correct") are kept on one line."""
    head = "".join(f'<th scope="col" style="text-align:left;padding:4px 8px">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_cell_style(i, nowrap)}">{escape(str(c))}</td>' for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return (
        '<table class="ipt-feedback" style="border-collapse:collapse;line-height:1.4">'
        f'<caption style="text-align:left;font-weight:bold;padding:4px 0">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``"1 practice case"``, ``"3 practice cases"``: a count with its noun in the right number."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def status_region(inner_html: str) -> str:
    """Wrap feedback in a polite live region so screen readers announce it when it changes."""
    return f'<div role="status" aria-live="polite" style="{TEXT_STYLE}">{inner_html}</div>'


def paragraph(text: str) -> str:
    """One escaped paragraph."""
    return f'<p style="{TEXT_STYLE}">{escape(text)}</p>'


def figure_png(fig: Figure, dpi: int = 100) -> bytes:
    """Render a matplotlib figure to PNG bytes (for an ``ipywidgets.Image``)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def vignette_html(case: Case) -> str:
    """The trainee-facing part of a case: patient, setting and vignette (never the reference)."""
    patient = case.patient
    paragraphs = "".join(paragraph(p) for p in case.vignette.strip().split("\n\n"))
    return (f'<div style="{TEXT_STYLE}"><h4>{escape(case.title)}</h4>'
            f"<p><b>{escape(patient.name)}</b>, {patient.age}, {escape(patient.gender)}; "
            f"{escape(patient.background)}. <i>{escape(case.setting)}</i></p>{paragraphs}</div>")
