"""Item graders called by the hidden tests of the nbgrader assignments.

Each grader takes the trainee's answer values, prints per-criterion feedback that explains without
quoting the key, and returns the points earned (nbgrader records a grade cell's numeric last value).
A grader never raises on a bad answer: a missing, malformed or garbage answer earns 0 with a clear
message, so one broken answer cannot cost the trainee the rest of the notebook.

Every grader first publishes the answer values it reads (:mod:`ipt_training.grading.trusted.answers`). Inside the
grading sandbox, where no key is readable, it stops there: the grading process scores the recorded answers
after the notebook has run (:mod:`ipt_training.grading.trusted.rescore`). Heavy imports (keys, scorer) are made only
when scoring, so the hidden tests, which re-import this module in every grade cell, stay cheap.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ipt_training.grading.trusted.answers import in_grading_sandbox, is_blank, record_answers

Namespace = Mapping[str, Any]
NO_KEY = ("This answer could not be scored: the instructor's answer key for it was not found. Your instructor "
          "will review it.")
log = logging.getLogger(__name__)


def one_line(text: str) -> str:
    """``text`` with every line break (any that ``str.splitlines`` knows) folded into a space."""
    return " ".join(text.splitlines())


def finish(points: float, max_points: float, lines: list[str], title: str) -> float:
    """Print the title with the points, then one ``  - `` line per feedback line; return the points.

    A feedback line may echo an answer (a name, a value): its line breaks are folded, so an answer cannot print
    lines of its own (a title naming another case, a criterion with full marks) where the report reads them.
    """
    points = max(0.0, min(float(max_points), round(points * 2) / 2))
    print(f"{title}: {points:g} / {max_points:g}")
    for line in lines:
        print(f"  - {one_line(line)}")
    return points


#: Starts a feedback line that sends the answer to the instructor's review (the diagnosis reports it).
REVIEW_MARK = "Flagged for your instructor's review: "


def flag_for_review(reason: str) -> str:
    """A feedback line that flags the answer for review; :func:`finish` prints it with the others."""
    return f"{REVIEW_MARK}{reason}."


def missing_answer(names: Sequence[str], title: str, max_points: float) -> float:
    """Zero points with a message for answer variables that do not exist: their answer cell stopped with an error
    (a SyntaxError leaves every variable of the cell undefined) or was deleted or renamed."""
    return finish(0, max_points, [f"{undefined_variables(names)}. Did the answer cell stop with an error (shown "
                                   "under the cell), or was it deleted or renamed? Fix the cell and run it again, "
                                   "or restore it from the released notebook and fill it in."], title)


def undefined_variables(names: Sequence[str]) -> str:
    """"The answer variable `x` is not defined" / "The answer variables `x`, `y` are not defined"."""
    quoted = ", ".join(f"`{name}`" for name in names)
    return f"The answer variable {quoted} is not defined" if len(names) == 1 else \
        f"The answer variables {quoted} are not defined"


def recorded_for_later(namespace: Namespace, names: list[str], title: str) -> bool:
    """Publish the answers a grader reads; True (and say so) when the grading process will score them."""
    record_answers(namespace, names)
    if not in_grading_sandbox():
        return False
    print(f"{title}: answer recorded; it is scored after the notebook has run.")
    return True


@dataclass(frozen=True)
class Ready:
    """What a grader needs once the preamble has passed: the answer values (by name, in order) and the key."""

    values: dict[str, Any]
    key: Any

    @property
    def answer(self) -> Any:
        """The first (for most graders the only) answer value."""
        return next(iter(self.values.values()))


def answer_and_key(namespace: Namespace, names: str | Sequence[str], title: str, points: float,
                   key: Callable[[], Any]) -> Ready | float:
    """The preamble every grader shares: publish the answers (and stop with 0 inside the grading sandbox, where
    they are scored later), 0 with a message when an answer variable is not defined, then look the key up
    (``key()``; 0 with a plain message when it is not found). Returns the answers and the key, or the early score.
    """
    names = [names] if isinstance(names, str) else list(names)
    if recorded_for_later(namespace, names, title):
        return 0.0
    missing = [n for n in names if n not in namespace]
    if missing:
        return missing_answer(missing, title, points)
    try:
        found = key()
    except LookupError as exc:  # KeysNotFoundError, or a key file without this item
        log.warning("%s: %s", title, exc)
        return finish(0, points, [NO_KEY], title)
    return Ready({n: namespace[n] for n in names}, found)


def question_title(name: str) -> str:
    """The title of a question item in its feedback: "Question 3" for the answer variable ``q3``."""
    number = re.fullmatch(r"q(\d+)", name)
    return f"Question {number.group(1)}" if number else f"Question {name}"


def _norm_choice(value: Any) -> str:
    return str(value).strip().lower().rstrip(")").lstrip("(")


def _as_set(value: Any) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        parts = value.replace(";", ",").split(",") if ("," in value or ";" in value) else list(value.replace(" ", ""))
        return {_norm_choice(p) for p in parts if p.strip()}
    if isinstance(value, Iterable):
        return {_norm_choice(v) for v in value}
    return None


def _item_key(assignment: str, item_id: str) -> dict[str, Any]:
    from ipt_training.grading.trusted.keys import item_key

    return item_key(assignment, item_id)


def grade_choice(assignment: str, item_id: str, namespace: Namespace, name: str, points: float) -> float:
    """Single- or multiple-choice item with explained partial credit for multiple choice."""
    title = question_title(name)
    ready = answer_and_key(namespace, name, title, points, lambda: _item_key(assignment, item_id))
    if not isinstance(ready, Ready):
        return ready
    answer, key = ready.answer, ready.key
    explanations: Mapping[str, str] = key.get("explanations", {})
    if key["type"] == "single":
        chosen = None if answer is None else _norm_choice(answer)
        if chosen is None or chosen not in key["options"]:
            return finish(0, points, [f"Answer with one option letter from {', '.join(key['options'])}."], title)
        if chosen == key["correct"]:
            return finish(points, points, [key.get("why", "Correct.")], title)
        return finish(0, points, [explanations.get(chosen, "This option is not correct."), key.get("hint", "")],
                       title)
    chosen_set = _as_set(answer)
    options = set(key["options"])
    if not chosen_set or not chosen_set <= options:
        return finish(0, points, [f"Answer with a list of option letters from {', '.join(sorted(options))}."], title)
    correct = set(key["correct"])
    right, wrong = chosen_set & correct, chosen_set - correct
    missed = correct - chosen_set
    raw = (len(right) - len(wrong)) / len(correct)
    lines = [f"{len(right)} of {len(correct)} correct options chosen; {len(wrong)} incorrect option(s) chosen."]
    lines += [f"({w}) {explanations.get(w, 'is not correct.')}" for w in sorted(wrong)]
    if missed:
        lines.append(key.get("hint", "Some correct options were missed."))
    return finish(points * max(0.0, raw), points, lines, title)


def grade_mapping(assignment: str, item_id: str, namespace: Namespace, name: str, points: float) -> float:
    """Match-each-item question (e.g. task -> phase), one share of the points per correct pair."""
    title = question_title(name)
    ready = answer_and_key(namespace, name, title, points, lambda: _item_key(assignment, item_id))
    if not isinstance(ready, Ready):
        return ready
    answer, key = ready.answer, ready.key
    correct: Mapping[str, str] = key["correct"]
    if not isinstance(answer, Mapping):
        return finish(0, points, ["Answer with a dictionary that maps each item to its choice."], title)
    # An entry left empty is not answered: its explanation (which names the right choice) is not shown.
    given = {str(k).strip(): _norm_choice(v) for k, v in answer.items() if not is_blank(v)}
    hits = [k for k, v in correct.items() if given.get(k) == v]
    lines = [f"{len(hits)} of {len(correct)} matched correctly."]
    why: Mapping[str, str] = key.get("why", {})
    lines += [f"{k}: {why.get(k, 'check this one again.')}" for k in correct if k not in hits and k in given]
    unanswered = [k for k in correct if k not in given]
    if unanswered:
        lines.append(f"Not answered: {', '.join(unanswered)}.")
    return finish(points * len(hits) / len(correct), points, lines, title)


def _contradictions(concepts: Mapping[str, Mapping[str, Any]], answer: str) -> dict[str, str]:
    """``{concept: quoted phrases}`` for concepts whose ``contradicted_by`` phrases the answer states (not negated).

    A contradiction is judged as a whole phrase per clause: "rather than staying in bed doing nothing" negates
    both "staying in bed" and "doing nothing", although the negator is only near the first of them.
    """
    from ipt_training.text.matcher import build_matcher

    cues = {cid: c["contradicted_by"] for cid, c in concepts.items() if c.get("contradicted_by")}
    if not cues:
        return {}
    matcher = build_matcher(cues)
    prepared, matches = matcher.find_prepared(answer)
    negated_clauses = {(m.concept, m.clause) for m in matches if m.negated}
    found: dict[str, list[str]] = {}
    for m in matches:
        phrase = " ".join(prepared[m.clause][m.start:m.end + 1])
        if (m.concept, m.clause) not in negated_clauses and phrase not in found.get(m.concept, []):
            found.setdefault(m.concept, []).append(phrase)
    return {concept: ", ".join(f'"{p}"' for p in phrases) for concept, phrases in found.items()}


#: Fewer words than this (unless the key sets ``min_words``) name the concepts rather than explain them.
MIN_EXPLAINED_WORDS = 12
#: The share of the points a list of terms earns at most.
LIST_SHARE = 0.5
LISTED = ("Listed as terms, the ideas are named rather than explained, so they earn half the points at most: say in "
          "sentences what the therapist tells the patient, and why.")
_FRAGMENT_BREAKS = re.compile(r"[;,\n|/•·]+|(?<=\w)[.!?]+(?:\s|$)|\s[-–—]\s")


def is_term_list(answer: str, min_words: int = MIN_EXPLAINED_WORDS) -> bool:
    """Whether a free-text answer names terms instead of explaining: fewer than ``min_words`` words, three or
    more fragments (between commas, semicolons, line breaks, slashes, bullets or sentence ends) of at most three
    words each ("medical; not to blame; permission; duty"), or words with no sentence in them however many there
    are: hardly any function words ("illness medical treatable blame excused duty recovery ...") or words in an
    order no sentence has (as the formulation scorer reads them: :func:`ipt_training.scoring.readability.read_style`).
    """
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", answer)
    if len(words) < min_words:
        return True
    fragments = [f for f in _FRAGMENT_BREAKS.split(answer) if re.search(r"[^\W_]", f)]
    if len(fragments) >= 3 and all(len(re.findall(r"[^\W_]+", f)) <= 3 for f in fragments):
        return True
    from ipt_training.scoring.readability import read_style
    from ipt_training.text.normalize import clauses

    style = read_style(answer, clauses(answer))
    return style.scrambled or (style.list_like and not style.not_english)


def grade_concepts(assignment: str, item_id: str, namespace: Namespace, name: str, points: float) -> float:
    """Short free-text answer scored by the clinical concepts it states (negation-aware).

    A concept may list ``contradicted_by`` phrases: stating one (e.g. "doing nothing" against the duty to work at
    recovery) withholds that concept's credit, with the key's ``contradiction`` as the explanation, and costs a
    point of the maximum, so an answer that contradicts a concept cannot earn full marks from the others.
    """
    from ipt_training.text.matcher import build_matcher

    title = question_title(name)
    ready = answer_and_key(namespace, name, title, points, lambda: _item_key(assignment, item_id))
    if not isinstance(ready, Ready):
        return ready
    answer, key = ready.answer, ready.key
    from ipt_training.grading.graders.checks import without_placeholder

    if not isinstance(answer, str) or not without_placeholder(answer).strip():  # blank or the template's text
        return finish(0, points, ["Write your answer as text in the answer cell."], title)
    concepts: Mapping[str, Mapping[str, Any]] = key["concepts"]
    matcher = build_matcher({cid: c["cues"] for cid, c in concepts.items()})
    contradicted = _contradictions(concepts, answer)
    stated = {m.concept for m in matcher.find(answer) if not m.negated} - set(contradicted)
    need = key.get("need", len(concepts))
    listed = is_term_list(answer, int(key.get("min_words", MIN_EXPLAINED_WORDS)))
    lines = [f"Covered: {concepts[c]['label']}." for c in concepts if c in stated]
    lines += [f"Not credited: {concepts[c]['label']}. You wrote {contradicted[c]}, but "
              f"{concepts[c].get('contradiction', 'that contradicts it')}." for c in concepts if c in contradicted]
    lines += [f"Missing: {concepts[c]['label']}." for c in concepts if c not in stated and c not in contradicted]
    # A contradiction also caps the score below full marks, even when enough other concepts are stated.
    earned = min(len(stated), need - len(contradicted))
    share = max(0.0, min(1.0, earned / need))
    if listed and share > LIST_SHARE:  # terms named, not explained: a token of the points, and a look by a person
        share = LIST_SHARE
        lines += [LISTED, flag_for_review("a list of terms rather than an explanation")]
    return finish(points * share, points, lines, title)


def _formulation_key(case_id: str) -> tuple[Any, Any]:
    """The reference formulation of an assessment case and the case as graded (its facts)."""
    from ipt_training.grading.trusted.keys import case_reference, graded_case

    return case_reference(case_id), graded_case(case_id)


def grade_formulation(case_id: str, namespace: Namespace, suffix: str, points: float = 10) -> float:
    """A formulation for an assessment case (answer variables ``primary_area_<suffix>`` etc.), scored per criterion."""
    from ipt_training.scoring.formulation import score_formulation

    title = f"Formulation for case {case_id}"
    from ipt_training import saved_answers

    names = [f"{field}_{suffix}" for field in saved_answers.FIELDS]
    ready = answer_and_key(namespace, names, title, points, lambda: _formulation_key(case_id))
    if not isinstance(ready, Ready):
        return ready
    from ipt_training.scoring.report import FormulationAnswer

    # Values left as None come from the builder widget's saved answers (ipt_answers.json), if any.
    values, _ = saved_answers.graded_values(ready.values)
    primary_area, secondary_area, dispute_stage, text = (values[n] for n in names)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    answer = FormulationAnswer.from_dict({"text": text, "primary_area": primary_area,
                                          "secondary_area": secondary_area, "dispute_stage": dispute_stage})
    notes: list[str] = []
    for name, value, parsed in (("primary_area", primary_area, answer.primary_area),
                                ("secondary_area", secondary_area, answer.secondary_area),
                                ("dispute_stage", dispute_stage, answer.dispute_stage)):
        if value not in (None, "") and parsed is None:
            shown = str(value) if len(str(value)) <= 80 else f"{str(value)[:80]}…"
            # The value comes after a colon: a note never reads as a criterion line ("Goals (2/2): ...").
            notes.append(f"Not a recognised value, so it was ignored: {name.replace('_', ' ')} “{shown}”.")
    reference, case = ready.key
    report = score_formulation(answer, reference, reveal=False, case=case)
    lines = notes + [f"{c.label} ({c.points:g}/{c.max_points:g}): {c.feedback}" for c in report.criteria]
    return finish(points * report.total / report.max_total, points, lines, title)
