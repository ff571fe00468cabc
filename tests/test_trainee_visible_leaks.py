"""Nothing a trainee sees around assessment material names or hints at the reference problem area or stage.

Scanned: the case and dialogue files shipped with the package (file names, ids, titles, and no trap tags on
assessment cases), the released notebooks (file names, headings, the ids they pass to the display helpers and the
titles those ids show, any stored output), and the labels of every widget built for assessment material
(descriptions, tooltips, placeholders, button labels, headings and captions). Vignettes and dialogue contexts are
case content and may of course mention a death or an argument; answer menus list every area for every case and
are not hints. A label that is the same for every assessment case (``Dispute stage``) is generic, not a hint.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
import yaml

from ipt_training.cases.library import CaseLibrary, packaged_cases_dir
from ipt_training.cases.model import Case, CaseSet
from ipt_training.cases.render import case_as_text
from ipt_training.communication.library import DialogueLibrary, packaged_dialogues_dir
from ipt_training.communication.render import dialogue_as_text
from ipt_training.widgets.formulation import assignment_builder, formulation_builder
from ipt_training.widgets.render import vignette_html
from ipt_training.widgets.tagger import tagger_widget

REPO = Path(__file__).resolve().parents[1]
RELEASE = REPO / "release"

#: Area and stage words and their close forms; letters may not directly precede them ("role_transition" counts).
HINT = re.compile(
    r"(?<![a-z])(?:griev|grief|bereav|death|mourn|disput|conflict|transition|deficit|isolat|renegotiat|impasse|"
    r"dissol|(?:dead|die|died|dies|dying)(?![a-z]))",
    re.IGNORECASE,
)
#: Helpers a released notebook calls with a case or dialogue id (and, for the builder, an answer key).
DISPLAY_HELPERS = {"show_case", "show_dialogue", "assignment_builder", "load_dialogue", "tagger_widget"}
HEADING = re.compile(r"<(h[1-6]|caption|th)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def hints(text: str) -> list[str]:
    return [m.group(0) for m in HINT.finditer(text)]


def test_the_hint_pattern_catches_ids_titles_and_close_forms() -> None:
    caught = ["a-transition-01", "da-grief-02", "p_dispute", "role_transition", "Midsummer: the death of Anneli",
              "Bereaved", "He died", "Conflicts at work", "ISOLATED", "Renegotiating", "dissolution"]
    assert all(hints(text) for text in caught), [t for t in caught if not hints(t)]
    assert not hints("a-02") and not hints("Diet and exercise") and not hints("Studied abroad") and not hints("")


# -- package data --------------------------------------------------------------------------------------------------

def _data_files() -> list[Path]:
    return sorted([*packaged_cases_dir().rglob("*.yaml"), *packaged_dialogues_dir().rglob("*.yaml")])


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_shipped_file_name_id_and_title_are_neutral(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for shown in (path.relative_to(path.parents[2]).as_posix(), str(data["id"]), str(data["title"])):
        assert not hints(shown), f"{path.name}: {shown!r} names {hints(shown)}"


def test_shipped_assessment_cases_carry_no_trap_tags() -> None:
    """Trap tags ("delayed-grief", "conflict-with-deceased") name the answer; they live in the instructor keys."""
    for path in sorted((packaged_cases_dir() / "assessment").glob("*.yaml")):
        assert "traps" not in yaml.safe_load(path.read_text(encoding="utf-8")), path.name
    library = CaseLibrary.load(keys_dir=REPO / "source" / "keys")
    assert any(case.traps for case in library.by_set(CaseSet.ASSESSMENT)), "keys should carry the trap tags"


@pytest.fixture(scope="module")
def trainee_cases() -> list[Case]:
    return CaseLibrary.load(keys_dir=False).by_set(CaseSet.ASSESSMENT)


def test_assessment_case_titles_say_nothing_but_who_the_patient_is(trainee_cases: list[Case]) -> None:
    """A descriptive title ("No time to cry", "Leaving the farm") hints without naming an area: use the name."""
    assert trainee_cases
    for case in trainee_cases:
        assert case.title == case.patient.name, f"{case.id}: title {case.title!r}"


# -- released notebooks --------------------------------------------------------------------------------------------

def _released() -> list[Path]:
    return sorted(RELEASE.rglob("*.ipynb"))


def _helper_arguments(source: str) -> Iterator[str]:
    """String arguments passed to the display helpers in one code cell."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in DISPLAY_HELPERS:
                yield from (a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))


def _output_text(output: dict) -> str:
    data = output.get("data", {})
    return str(output.get("text", "")) + "".join(str(v) for k, v in data.items() if k.startswith("text/"))


def test_release_exists() -> None:
    assert len(_released()) >= 4


@pytest.mark.parametrize("path", _released(), ids=lambda p: p.parent.name)
def test_released_notebook_shows_no_hint(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    cases = {c.id: c for c in CaseLibrary.load(keys_dir=False)}
    dialogues = DialogueLibrary.load(keys_dir=False).dialogues
    shown: list[str] = [p.relative_to(RELEASE).as_posix() for p in path.parent.rglob("*")]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            shown += [line for line in cell.source.splitlines() if line.lstrip().startswith("#")]
            continue
        for argument in _helper_arguments(cell.source):
            shown.append(argument)
            if argument in cases:
                shown.append(case_as_text(cases[argument]).splitlines()[0])
            if argument in dialogues:
                shown.append(dialogue_as_text(argument).splitlines()[0])
        shown += [_output_text(output) for output in cell.get("outputs", [])]
    leaks = {text: hints(text) for text in shown if hints(text)}
    assert not leaks, f"{path.name}: {leaks}"


def test_released_notebooks_show_assessment_material() -> None:
    """Guards the scan above against passing because it found nothing to scan."""
    arguments = {a for p in _released() for c in nbformat.read(p, as_version=4).cells if c.cell_type == "code"
                 for a in _helper_arguments(c.source)}
    assert {"a-01", "a-02", "da-01"} <= arguments


# -- widget labels -------------------------------------------------------------------------------------------------

def labels(widget: widgets.Widget) -> set[str]:
    """Every label a widget tree shows (not the answer menus' options, not vignette or dialogue text)."""
    found: set[str] = set()
    for name in ("description", "tooltip", "placeholder"):
        value = getattr(widget, name, None)
        if isinstance(value, str) and value:
            found.add(value)
    if isinstance(widget, widgets.HTML):
        found.update(re.sub(r"<[^>]+>", "", m.group(2)) for m in HEADING.finditer(widget.value))
    for title in getattr(widget, "titles", ()) or ():
        found.add(str(title))
    for child in getattr(widget, "children", ()):
        found |= labels(child)
    return found


def _case_specific(per_item: dict[str, set[str]]) -> dict[str, set[str]]:
    generic = set.intersection(*per_item.values())
    return {key: shown - generic for key, shown in per_item.items()}


def test_assessment_builders_label_nothing_case_specific_with_a_hint(trainee_cases: list[Case], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    per_case = {}
    for case in trainee_cases:
        shown = labels(assignment_builder(case.id, "a").widget) | labels(formulation_builder(case, reveal=False).widget)
        shown.add(re.sub(r"<[^>]+>", "", vignette_html(case).split("</h4>")[0]))
        per_case[case.id] = shown
    specific = _case_specific(per_case)
    assert any(specific.values()), "the scan should see at least the case titles"
    leaks = {case_id: [s for s in shown if hints(s)] for case_id, shown in specific.items()}
    assert not any(leaks.values()), leaks


def test_assessment_taggers_label_nothing_dialogue_specific_with_a_hint() -> None:
    library = DialogueLibrary.load(keys_dir=False)
    per_dialogue = {d.id: labels(tagger_widget(d, reveal=False).widget)
                    for d in library.dialogues.values() if d.id.startswith("da-")}
    assert len(per_dialogue) >= 3
    specific = _case_specific(per_dialogue)
    assert all(library.dialogues[key].title in shown for key, shown in specific.items())
    leaks = {key: [s for s in shown if hints(s)] for key, shown in specific.items()}
    assert not any(leaks.values()), leaks
