"""After an attempt: the trainee's own work side by side with the model answer, and feedback on the inventory
and the timeline. Shown only for practice cases, and only once the trainee has made an attempt."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from rapidfuzz import fuzz

from ipt_training.cases.model import Case, Closeness, EventKind, TimelineEvent
from ipt_training.domain import ProblemArea
from ipt_training.scoring.report import FormulationReport
from ipt_training.text.matcher import build_matcher
from ipt_training.widgets.render import MARK_MISSING, MARK_RIGHT, MARK_WRONG, html_table, paragraph

RING_WORDS = {Closeness.INNER: "inner circle", Closeness.MIDDLE: "middle circle", Closeness.OUTER: "outer circle"}
_COLUMN = ("flex:1;min-width:18em;border:1px solid #ccc;padding:6px 10px;white-space:pre-wrap;overflow-wrap:anywhere;"
           "line-height:1.5")
#: The trainee's column: a very long answer scrolls inside it (it used to push the model answer's evidence table
#: screens down); it takes keyboard focus so that it scrolls without a mouse. The model answer is never cut.
_LEFT_COLUMN = f"{_COLUMN};max-height:30em;overflow-y:auto"


def side_by_side_html(left_title: str, left: str, right_title: str, right: str) -> str:
    """Two text columns that wrap on a narrow screen; the left one (the trainee's text) scrolls when very long."""
    return (f'<div style="display:flex;flex-wrap:wrap;gap:8px">'
            f'<div style="{_LEFT_COLUMN}" tabindex="0"><b>{escape(left_title)}</b><br>'
            f'{escape(left.strip()) or "<i>(empty)</i>"}</div>'
            f'<div style="{_COLUMN}"><b>{escape(right_title)}</b><br>{escape(right.strip())}</div></div>')


def evidence_rows(case: Case, report: FormulationReport) -> list[list[str]]:
    """Each key piece of evidence, then the timeline link: cited or missed by the trainee, with what it is (the
    same items the evidence criterion counts, so the table and the criterion's feedback agree). An item authored
    only as a question is shown as that question (see :func:`evidence_header`)."""
    assert case.reference is not None
    cited = set(getattr(report, "evidence_cited", ()) or ())
    items = [(item, item.text or item.hint) for item in case.reference.key_evidence]
    link = case.reference.timeline_link
    if link.id and (link.text or link.hint):
        items.append((link, f"Timeline link: {link.text or link.hint}"))
    rows = []
    for item, words in items:
        mark = MARK_RIGHT.split()[0] + " you cited it" if item.id in cited else MARK_WRONG.split()[0] + " missed"
        rows.append([mark, words])
    return rows


def evidence_header(case: Case) -> str:
    """The evidence column's header: it says so when some items are the question the evidence answers."""
    assert case.reference is not None
    items = [*case.reference.key_evidence, case.reference.timeline_link]
    return "Evidence" if all(i.text for i in items if i.text or i.hint) else "Evidence, or the question it answers"


def formulation_comparison_html(case: Case, text: str, report: FormulationReport) -> str:
    """The trainee's formulation next to the model formulation, and the evidence cited and missed."""
    assert case.reference is not None
    reference = case.reference
    return (paragraph("Compare your formulation with the model formulation written for this case.")
            + side_by_side_html("Your formulation", text, "Model formulation", reference.formulation)
            + html_table("Key evidence in this case", ["In your answer", evidence_header(case)],
                         evidence_rows(case, report),
                         nowrap=(0,))
            + paragraph(f"Why this focus: {reference.rationale}"))


def inventory_feedback_rows(case: Case, placements: Mapping[str, Closeness | str | None]) -> list[list[str]]:
    """Per person: where the trainee placed them against where the case places them."""
    rows = []
    for person in case.inventory:
        given = placements.get(person.name)
        ring = Closeness(given) if given else None
        if ring is None:
            rows.append([person.name, MARK_MISSING, f"The case puts {person.name} in the "
                                                   f"{RING_WORDS[person.closeness]}."])
        elif ring is person.closeness:
            rows.append([person.name, MARK_RIGHT, f"{RING_WORDS[ring].capitalize()}, as in the case."])
        else:
            # the contact alone ("weekly", "daily at work") reads as a reason only when it says what it is
            why = person.recent_change or f"contact: {person.contact}"
            rows.append([person.name, MARK_WRONG, f"You chose the {RING_WORDS[ring]}; the case puts "
                                                  f"{person.name} in the {RING_WORDS[person.closeness]} "
                                                  f"({why})."])
    return rows


def inventory_feedback_html(case: Case, placements: Mapping[str, Closeness | str | None]) -> str:
    rows = inventory_feedback_rows(case, placements)
    right = sum(r[1] == MARK_RIGHT for r in rows)
    return paragraph(f"{right} of {len(rows)} people placed as in the case.") + html_table(
        "Your closeness circle against the case", ["Person", "Result", "Feedback"], rows, nowrap=(1,))


#: How far before the onset an event can be and still count as linked to it ("weeks and months before").
LINK_WINDOW_MONTHS = 6


def _months_before(date: str, onset: str) -> int:
    year, month = (int(x) for x in date[:7].split("-"))
    onset_year, onset_month = (int(x) for x in onset[:7].split("-"))
    return (onset_year - year) * 12 + onset_month - month


def life_events(case: Case) -> list[TimelineEvent]:
    """Timeline events that are not symptoms, in date order (the candidates for the event linked to onset)."""
    return sorted((e for e in case.timeline if e.kind is not EventKind.SYMPTOM), key=lambda e: e.date)


def linked_events(case: Case) -> list[TimelineEvent]:
    """Life events the reference links to the onset: those its timeline-link cues describe (at or before the
    onset), else the one its link sentence describes best. Empty when the reference is interpersonal deficits,
    where the point is that no event explains the onset."""
    if case.reference is None or case.reference.primary_area is ProblemArea.INTERPERSONAL_DEFICITS:
        return []
    link = case.reference.timeline_link
    events = [e for e in life_events(case) if e.date <= case.symptom_onset] or life_events(case)
    if not events:
        return []
    if link.cues:
        matcher = build_matcher({"link": list(link.cues)})
        hits = [e for e in events if any(not m.negated for m in matcher.find(e.event))]
        recent = [e for e in hits if _months_before(e.date, case.symptom_onset) <= LINK_WINDOW_MONTHS]
        if recent or hits:
            return recent or hits
    target = link.text or link.hint
    return [max(events, key=lambda e: (fuzz.token_set_ratio(e.event, target), e.date))]


def onset_event_feedback(case: Case, chosen: TimelineEvent | None, *, none_chosen: bool = False) -> str:
    """Feedback on the event the trainee linked to the onset (``none_chosen``: "no event explains it")."""
    if case.reference is None:
        return paragraph("This case has no reference link to compare with.")
    targets = linked_events(case)
    if chosen is None and not none_chosen:
        return paragraph("Choose the event you would link to the onset, then press Check.")
    if not targets:
        if none_chosen:
            return paragraph(f"{MARK_RIGHT}. A careful search finds no death, dispute or change before the onset "
                             f"({case.symptom_onset}); that absence is itself the finding.")
        return paragraph(f"{MARK_WRONG}. {chosen.event} ({chosen.date}) is too distant or too minor to explain "
                         f"the onset ({case.symptom_onset}); in this case no interpersonal event does.")
    described = "; ".join(f"{e.event} ({e.date})" for e in targets)
    if none_chosen:
        return paragraph(f"{MARK_WRONG}. Look again: the case links the onset ({case.symptom_onset}) to: {described}.")
    if chosen in targets:
        return paragraph(f"{MARK_RIGHT}. {chosen.event} ({chosen.date}) is linked in time to the onset "
                         f"({case.symptom_onset}).")
    after = " It came after the onset, so it cannot have set the episode off." if chosen.date > case.symptom_onset \
        else ""
    return paragraph(f"{MARK_WRONG}. The case links the onset ({case.symptom_onset}) to: {described}.{after}")
