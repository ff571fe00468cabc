"""How a case reads in a notebook: the HTML view wraps at word boundaries and never shows the reference."""

from __future__ import annotations

import re
from html import unescape

from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.render import case_as_html, case_as_text, show_case


def _visible_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_notebook_view_keeps_every_vignette_sentence_whole_and_leaves_wrapping_to_the_browser() -> None:
    """A hard-wrapped text block in JupyterLab's output area (which breaks long lines anywhere) split words."""
    for case in CaseLibrary.load(keys_dir=False):
        html = case_as_html(case.without_reference())
        assert "<pre" not in html and "\n" not in html, case.id
        assert " ".join(case.vignette.split()) in _visible_text(html), case.id


def test_the_notebook_view_shows_timeline_and_inventory_but_no_reference() -> None:
    library = CaseLibrary.load(keys_dir=False)
    case = next(c for c in library if c.timeline and c.inventory and c.reference is not None)
    text = _visible_text(case_as_html(case.without_reference()))
    assert case.timeline[0].event in text and case.inventory[0].name in text
    assert case.reference.rationale not in text and "Reference focus" not in text


def test_show_case_prints_plain_text_outside_a_notebook(capsys) -> None:
    show_case("a-01")
    out = capsys.readouterr().out
    case = CaseLibrary.load(keys_dir=False).get("a-01")
    assert out.strip() == case_as_text(case.without_reference()).strip()
    assert "<" not in out


def test_the_instructor_text_view_shows_the_whole_key() -> None:
    """`cases show ID --reference` is where an instructor reads the answer key: every part the scorer marks against
    (alternatives, each evidence item, the link, goals and strategies with their meaning) and the model formulation."""
    library = CaseLibrary.load()
    for case in library:
        ref = case.reference
        if ref is None:
            continue
        text = " ".join(case_as_text(case).split())
        hidden = " ".join(case_as_text(case.without_reference()).split())
        words = " ".join(ref.formulation.split())
        assert words in text and words not in hidden, case.id
        for item in [*ref.key_evidence, ref.timeline_link]:
            shown = " ".join((item.text or item.hint).split())
            assert f"{item.id}: {shown}" in text or f"({item.id}): {shown}" in text, (case.id, item.id)
        assert "Key evidence:" in text and "Key evidence:" not in hidden, case.id
        for concept in [*ref.goals, *ref.strategies]:
            assert concept in text and concept not in hidden, (case.id, concept)
        for alt in ref.acceptable_alternatives:
            assert f"Also accepted: {alt.area.value}" in text, case.id
