"""Plain-language feedback sentences for each rubric criterion.

With ``reveal=False`` (assessment cases) a sentence may describe the trainee's own choices and the
general IPT rules, never the reference answer: no reference area, stage, evidence hint or model text.
"""

from __future__ import annotations

from ipt_training.cases.model import ReferenceFormulation
from ipt_training.domain import AREA_LABELS, DisputeStage, ProblemArea
from ipt_training.scoring.lexicon import GOALS, STRATEGIES, Concept

#: An area's item whose name holds a general technique's name ("practise social skills in role play" holds "role
#: play"): the item's id -> the technique's id and name, so feedback beside an answer that named the technique says
#: what it lacks for the item (worked out once from the lexicon).
_HELD: dict[str, tuple[str, str]] = {
    item.id: (technique.id, technique.label)
    for table in (GOALS, STRATEGIES) for item in table.values() if item.area is not None
    for technique in table.values() if technique.area is None and technique.label in item.label}

#: Why a chosen area might not fit: the rule a trainee should check, phrased for that choice.
AREA_CHECKS: dict[ProblemArea, str] = {
    ProblemArea.GRIEF: (
        "Grief is the focus only when a significant person has died and the episode is linked to that death; "
        "other losses (divorce, a job, health, a pet) are role transitions by course convention."
    ),
    ProblemArea.ROLE_DISPUTE: (
        "A role dispute needs a current conflict of non-reciprocal expectations with a specific person that began "
        "or worsened with the episode; conflict that follows from a life change may belong to a transition."
    ),
    ProblemArea.ROLE_TRANSITION: (
        "A role transition needs a change of life circumstances or role linked in time to the onset; a death is "
        "grief, and a conflict with one person that drives the episode is a dispute."
    ),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        "Interpersonal deficits is the focus of last resort: a long-standing lack of relationships with no death, "
        "dispute or life change to explain the onset. Withdrawal that began with the episode is a symptom."
    ),
}


LIST_FEEDBACK = ("The answer lists terms without sentences that tie them together, so no focus can be credited. "
                 "Say which event came before the onset, how they are linked in time, and which problem area "
                 "follows from that.")
PASTED_FEEDBACK = ("Much of the answer repeats the vignette word for word. The facts it restates count as evidence, "
                   "but a copy does not say which event set the episode off, so the link point of the evidence "
                   "points was not credited: say in your own words how the onset follows the event.")


HALF_LISTED_EVIDENCE_FEEDBACK = ("Facts listed without sentences or a chosen focus show that you read the case, not "
                                 "what they are evidence for, so they earn half a point at most of the evidence "
                                 "points.")
LISTED_EVIDENCE_FEEDBACK = ("In a list, evidence counts only where a fragment states a fact ('lives alone', 'father "
                            "died in February'); names and single words do not show what happened or why it matters.")


STEERING_FEEDBACK = ("Your plan points toward ending the relationship. In renegotiation or impasse the therapist helps "
                     "the patient choose, without steering toward staying or leaving.")
HURRIED_MOURNING_FEEDBACK = ("Mourning means going over the whole relationship, good and bad, and making room for "
                             "anger, guilt or relief before rebuilding; a plan to move on quickly or keep only happy "
                             "memories skips it.")


def _label(area: ProblemArea | None) -> str:
    return "no problem area" if area is None else AREA_LABELS[area].lower()


#: Which criteria a two-reading answer is halved on: every criterion of the supervision rubric; in a patient
#: letter, the formulation's own (the diagnosis and sick role, the contract and the invitation to agree keep theirs).
EVERY_CRITERION = "on every criterion"
FORMULATION_CRITERIA = "on the area, the evidence, the goals and the strategies"


def halved_on(patient_elements: bool) -> str:
    """The criteria a two-reading answer is halved on, as the feedback names them (``patient_elements``: the rubric
    also marks the diagnosis, sick role, contract and agreement, which are not halved)."""
    return FORMULATION_CRITERIA if patient_elements else EVERY_CRITERION


def two_statements_feedback(first: str, second: str, *, denied: bool = False, scope: str = EVERY_CRITERION) -> str:
    """The two statements of a self-contradicting answer, quoted in its own words: two foci, or (``denied``) a focus
    and the sentence that denies it; ``scope``: the criteria halved (:func:`halved_on`)."""
    what = ("the answer argues against its own focus, so it" if denied
            else "two formulations of the case, so only the better one")
    return (f"It says '{first}' and then '{second}': {what} is marked at half credit {scope}. Keep the "
            "area, the account of the onset and the plan to one focus.")


#: Appended to the goals and strategies of an answer marked on the better of two readings.
TWO_READINGS_HALF = "Half credit: the answer gives two formulations, and only the better one is marked, at half."
#: The same, where half of the criterion's half point rounds down to none.
TWO_READINGS_NONE_LEFT = ("Half credit: the answer gives two formulations, and only the better one is marked, at "
                          "half; half of its 0.5 points rounds down to no credit here.")

def two_readings_evidence(scope: str = EVERY_CRITERION) -> str:
    """Appended to the evidence of an answer marked on the better of two readings (``scope``: :func:`halved_on`)."""
    return ("The answer gives two formulations of the case (it argues or plans for one focus and then for another, or "
            f"keeps both); only the better one is marked, at half credit, {scope}.")


def stage_conflict_feedback(stages: list[DisputeStage], *, advise: bool = True) -> str:
    """Why an answer that stages its dispute two ways earns half of its better reading (``advise``: with what to do
    instead, unless the stage feedback already says it)."""
    named = " in one place and as ".join(s.value for s in stages[:2])
    text = (f"The answer stages the dispute as {named} in another; only the better reading is marked, at half "
            "credit.")
    return f"{text} {NAME_ONE_STAGE}" if advise else text


#: What to do instead of asserting two stages (reference 3.2: planning for a possible change of stage is good).
NAME_ONE_STAGE = "Name the stage you judge the dispute to be in now; you may add what you would do if it changes."


#: The focus is offered, not imposed, and not left to the patient either (reference section 3.0, rule 3).
#: The trainee has no "reference section" to look up, so the sentence does not cite one.
PROPOSE_FOCUS = "Propose the focus you recommend and why, then ask for the patient's view."


#: The focus is right, but the answer names nothing of the patient's story that shows it.
UNSHOWN_FOCUS = ("This focus fits the case, but the answer does not show why from this patient's story: say "
                 "what did or did not happen before the onset, to whom, and when.")


#: After the reason a right focus fits the case, where the answer is not credited with giving that reason itself (a
#: keyword list that says "the focus is linked in time", a hedge, a copied vignette with the area named): what was
#: graded, not a judgement the evidence criterion might contradict where it misread the answer.
NOT_YET_SHOWN = "; your answer is not credited with showing this (see the evidence)."


def _areas_named(areas: frozenset[ProblemArea]) -> str:
    """The areas a stuffed answer names, in brackets, so that the trainee sees what was read as a list of areas (none
    said where fewer than three were read by name)."""
    listed = [_label(a).split(" (")[0] for a in ProblemArea if a in areas]
    return f" ({', '.join(listed[:-1])} and {listed[-1]})" if len(listed) >= 3 else ""


def area_feedback(primary: ProblemArea | None, secondary: ProblemArea | None, reference: ReferenceFormulation,
                  points: float, max_points: float, *, stuffing: bool, contradiction: bool, reveal: bool,
                  readings: tuple[ProblemArea, ...] = (), better_fits: bool = False, two_stages: bool = False,
                  deferred: bool = False, other_named: bool = True, inferred: bool = False,
                  halved: str | None = None, quoted: bool = False, tentative: bool = False,
                  evenly: str = "", unshown: bool = False, named_areas: frozenset[ProblemArea] = frozenset(),
                  shown: str = "stated") -> str:
    """The trainee's focus; ``better_fits``: the reading marked fits the case on its own, its credit halved only for
    a second reading; ``two_stages``: that second reading is a second stage of the same dispute; ``deferred``: the
    answer puts off or refuses the choice ("I can't choose a focus yet"); ``other_named``: the second reading is an
    area the answer names (not only reasoning that reads as it, which the claims' feedback quotes); ``inferred``:
    the answer names no area, and its focus is read from its reasoning; ``halved``: the criteria a two-reading answer
    is halved on (:func:`halved_on`), None when only the area is; ``quoted``: a sentence that quotes the two
    statements and says so follows, so this one does not repeat the rule; ``tentative``: the answer leans towards the
    area without choosing it, and its credit is halved for that (said after this text), not for the area; ``evenly``:
    it names two areas as equally important, "pair" when they are the case's two foci, "first" when only the first
    of them is marked; ``unshown``: the answer names nothing of this patient's story, so the feedback does not credit
    it with the case's reason for the focus; ``named_areas``: the areas the answer names by name, chosen or not (an
    inferred focus it names is not "not named"; with ``stuffing``, the areas said to be named); ``shown``: how the
    answer itself ties the onset to the focus, "stated", "implied" (by the dates it gives) or "" (not at all): the
    sentence on why a right focus fits says the case's reason as the answer's only where the answer gives it."""
    kept_both = ("earns half of the area credit." if halved is None else
                 "is marked at half credit." if quoted else f"is marked at half credit {halved}.")
    if primary is None and deferred:
        return ("The answer weighs possible areas but leaves the choice open. A formulation commits to one focus (two "
                "at most), the one most closely linked in time to the onset; say which you would work on now. "
                f"{PROPOSE_FOCUS}")
    if primary is None and stuffing:
        # (the areas are named, just not chosen: "no area could be read" would contradict the goals' feedback)
        return (f"The answer names three or more problem areas without committing to one{_areas_named(named_areas)}. "
                "Commit to one focus (two at most), the one most closely linked in time to the onset, and say clearly "
                "which is primary, e.g. 'The primary focus is ...'.")
    if primary is None:
        return ("No problem area could be read from the answer. Commit to one focus (two at most) and say "
                f"clearly which is primary, e.g. 'The primary focus is ...'. {PROPOSE_FOCUS}")
    if stuffing:
        return (f"The answer names three or more problem areas without committing to one{_areas_named(named_areas)}. "
                "IPT chooses one focus (two at most), the one most closely linked in time to the onset.")
    chosen = _label(primary) + (f", with {_label(secondary)} as secondary focus" if secondary else "")
    if inferred and primary in named_areas:
        # (the area is named, only not as the focus: "it is not so much deficits", "deficits?")
        parts = [f"Your answer names {_label(primary)} without choosing it as the focus; its reasoning reads as "
                 f"{chosen}."]
    elif inferred and named_areas:
        # (other areas are named, only to be set aside or weighed: "it is not so much deficits")
        parts = [f"Your answer names no area as its focus; its reasoning reads as {chosen}."]
    elif inferred:
        parts = [f"Your answer does not name an area; its reasoning reads as {chosen}."]
    else:
        parts = [f"You chose {chosen}."]
    if contradiction and len(readings) >= 2 and not other_named:
        if better_fits:
            other = _label(readings[1]).split(" (")[0]
            parts.append(f"The answer also reasons for {other}; the better of the two readings fits the "
                         f"case, but an answer that keeps two {kept_both}")
            return " ".join(parts)
    elif contradiction and len(readings) >= 2:
        parts = [f"The answer commits to {_label(readings[0])} in one place and to {_label(readings[1])} in "
                 "another; state the focus once and consistently."]
        if better_fits:
            parts.append("The better of the two fits the case." if quoted and halved is not None else
                         f"The better of the two fits the case, but an answer that keeps both open {kept_both}")
            return " ".join(parts)
    elif contradiction and two_stages:
        parts.append("The answer stages the dispute two ways, so the answer is marked at half (see the dispute "
                     "stage).")
    elif contradiction:
        parts.append("The answer also argues against its own choice; state the focus once and consistently.")
    if contradiction and better_fits and points < max_points:
        if not two_stages:
            parts.append("The focus itself fits the case." if quoted and halved is not None else
                         "The focus itself fits the case; its credit is halved because the answer keeps two readings "
                         "open." if halved is None else
                         f"The focus itself fits the case; the answer is marked at half credit {halved} because it "
                         "keeps two readings open.")
        if reveal:
            parts.append(f"The reference focus is {_label(reference.primary_area)}: {reference.rationale}")
        return " ".join(parts)
    if points >= max_points and unshown:
        # the right focus named, with nothing of this patient's story to show it: the case's reason is not the answer's
        parts.append(UNSHOWN_FOCUS)
    elif points >= max_points and primary is ProblemArea.INTERPERSONAL_DEFICITS:
        # Full credit for deficits means the key is deficits too: there is no acute event to tie the onset to.
        parts.append("This fits the case: no death, dispute or life change explains the onset, and the isolation "
                     "is long-standing" + ("." if shown == "stated" else NOT_YET_SHOWN))
    elif points >= max_points:
        parts.append("This fits the case: the focus is linked in time to the onset of the episode" + (
            "." if shown == "stated" else ", as the dates you give imply." if shown == "implied"
            else NOT_YET_SHOWN))
    elif tentative and points * 2 >= max_points:
        parts.append("The two foci you name are this case's two foci." if evenly == "pair" else
                     ("The first of the two foci you name" if evenly else "The focus you lean towards")
                     + " fits the case: it is linked in time to the onset of the episode.")
        return " ".join(parts)
    elif points > 0:
        parts.append("This is partly defensible, but another focus explains the onset better. "
                     "Compare the timing of each candidate event with the onset of symptoms.")
    elif inferred and primary is ProblemArea.GRIEF:
        parts.append("By course convention grief needs a death linked to the episode; other losses (divorce, a job, "
                     "health, a pet) are role transitions. Name the area you mean.")
    else:
        parts.append(AREA_CHECKS[primary])
    if reveal and points < max_points:
        ref = _label(reference.primary_area)
        if reference.secondary_area:
            ref += f" (secondary: {_label(reference.secondary_area)})"
        parts.append(f"The reference focus is {ref}: {reference.rationale}")
    return " ".join(parts)


#: A stage as an answer describes it in plain words.
_DESCRIBED = {DisputeStage.RENEGOTIATION: "still being negotiated", DisputeStage.IMPASSE: "stopped",
              DisputeStage.DISSOLUTION: "ending"}


def stage_feedback(stage: DisputeStage | None, reference: ReferenceFormulation, correct: bool, chose_dispute: bool,
                   *, reveal: bool, one_focus: bool = False, named: list[DisputeStage] | tuple[()] = (),
                   conflict: bool = False, unstaged_secondary: bool = False,
                   tied: tuple[DisputeStage, ...] = (), fits: bool = True, listed: bool = False) -> str:
    """The same sentences whatever the key: they describe the trainee's own framing, never the case. ``named``: the
    stages the answer names as the stage; ``conflict``: the answer speaks of a conflict it keeps within its focus;
    ``unstaged_secondary``: a secondary dispute named without a stage, which costs nothing; ``tied``: two stages
    the answer describes in plain words equally often (so it reads as neither); ``fits``: the one focus the answer
    keeps fits the case (only then is keeping it, with a conflict handled within it, praised). Without a dispute
    chosen, ``stage`` is a stage named by its name ("the dispute with her son is at impasse"): a relationship told in
    plain words ("his son has stopped speaking to him") stages nothing, and the caller passes None for it.
    ``listed``: the stage is a word of a list that chose the dispute ("role dispute, impasse, ..."): it names the stage,
    as the list's "role dispute" names the area, and is said as named, not as a staging argued."""
    if not chose_dispute and stage is not None:
        said = f"Your list names the stage {stage.value}" if listed else f"You staged a dispute as {stage.value}"
        return (f"{said} but did not name a role dispute as a focus (primary or secondary); a dispute stage is "
                "assessed only when a role dispute is chosen as a focus.")
    # (where the answer speaks of no conflict, a sentence about dispute stages is noise; a focus that does not fit
    # the case is not praised for being one, nor told that the case's conflict can be handled within it)
    if not chose_dispute and one_focus and fits:
        within = ("; a conflict can be handled within it. A dispute stage is assessed only when a role dispute is "
                  "chosen as a focus" if conflict else "")
        return f"You kept one focus, which IPT prefers{within}."
    if not chose_dispute:
        return ("A dispute stage is assessed only when a role dispute is chosen as a focus; this answer does not "
                "choose one." if conflict else "")
    if correct and stage is not None and listed:
        return f"Your list names the dispute's stage as {stage.value}, which fits the case."
    if correct and stage is not None:  # (a right stage is a stage named)
        return f"You staged the role dispute as {stage.value}, which fits the case."
    stages = ("renegotiation (both still actively trying), impasse (talking has stopped, resentment simmers) or "
              "dissolution (the relationship is ending)")
    # a stage named but wrong is checked against the case; a stage not named is asked for
    rule = (f"Check it against the case: a dispute is at {stages}." if stage is not None
            else f"Stage a dispute as {stages}.")
    if stage is None and not named and unstaged_secondary:
        said = ("You named the role dispute as a secondary focus without its stage; that costs nothing here, but the "
                "stage decides how the dispute is worked on.")
    elif stage is None and named:
        said = (f"You named the stage as {named[0].value} and as {named[1].value}." if len(named) > 1 else
                f"You mention {named[0].value} without naming it as the stage.")
        said += f" {NAME_ONE_STAGE}"
    elif stage is None and len(tied) >= 2:
        said = (f"Your answer describes the dispute both as {_DESCRIBED[tied[0]]} and as {_DESCRIBED[tied[1]]}. Say "
                "which it is now, and why.")
    else:
        said = ("No dispute stage was named." if stage is None else
                f"Your list names the dispute's stage as {stage.value}." if listed else
                f"You staged the role dispute as {stage.value}.")
    text = f"{said} {rule}"
    if reveal and reference.dispute_stage is not None:
        text += f" The reference stage is {reference.dispute_stage.value}."
    return text


#: How each stage looks, for the plan's hint to establish it (reference 3.2).
STAGE_LOOKS = {
    DisputeStage.RENEGOTIATION: "both still actively trying to change things",
    DisputeStage.IMPASSE: "talking has stopped and resentment simmers",
    DisputeStage.DISSOLUTION: "the relationship is judged beyond repair, or one of them has decided to end it",
}

#: The key's strategy "establish the stage of the dispute", said as the assessment it is.
ESTABLISH_STAGE = "establish the stage of the dispute from what each of them is doing about the disagreement now"


def establish_stage_hint(named: DisputeStage, key: DisputeStage | None, *, right: bool, reveal: bool,
                         fact: str = "", described: bool = False) -> str:
    """The plan's hint to establish the stage of the dispute, for an answer that staged it (``named``). The stage is
    assessed from what each of them is doing now, never confirmed with the patient as the therapist's label: a wrong
    stage confirmed backs the patient's own misreading (a marriage "in a rough patch" that the other has ended) or
    steers toward an outcome (reference 3.2). Wrong, with the key shown: the stage the case's facts show (``fact``:
    the case's sentence that shows it, if any); with the key hidden, only that the named stage is to be re-checked.
    ``described``: the answer describes the stage in plain words rather than naming it."""
    said = "described" if described else "named"
    if right:
        return (f"{ESTABLISH_STAGE} (the {named.value} stage you {said} fits the case: say how you would assess it "
                "with the patient)")
    if reveal and key is not None:
        shown = f": {fact.rstrip('.')}" if fact else ""
        return (f"{ESTABLISH_STAGE}; the case's facts show {key.value} ({STAGE_LOOKS[key]}{shown}), not the "
                f"{named.value} you {said}, and the plan follows that stage")
    return (f"{ESTABLISH_STAGE}, and re-check the {named.value} stage you {said} against the case before planning "
            "for it")


#: The key's "link symptom onset to the interpersonal event" in a deficits case, which has no event (reference 3.4).
DEFICITS_LINK = ("show that no death, dispute or life change explains the onset, and relate it to the long-standing "
                 "pattern of isolation")


#: The evidence advice beside a deficits focus marked wrong: the isolation may have begun with the episode.
WRONG_DEFICITS_LINK = ("Look at what happened in the months before the onset: where a death, dispute or life change "
                       "came before it, that event, not the isolation, is the focus.")


#: Said where the key event and the onset are each dated but not tied (half the link's point).
IMPLIED_LINK_FEEDBACK = ("You dated the key event and the onset, which implies the link; say how they are tied "
                         "(e.g. 'the symptoms began two months after ...') for the full point.")


def evidence_feedback(hit: int, total: int, linked: bool, missed_hints: list[str], timeline_hint: str,
                      *, reveal: bool, deficits_key: bool = False, deficits_chosen: bool = False,
                      full: bool = False, no_choice: bool = False, implied: bool = False,
                      chosen_fits: bool = True) -> str:
    """Evidence and timeline link. Deficits has no acute event: its link is that none explains the onset. The
    link sentence follows the key only once the answer has made that link itself; advice follows the answer's
    own choice, so it gives nothing of the key away. An answer that chose no area, with the key hidden, is told
    both kinds of link, the same on every case. With ``full`` (every evidence point earned) there is no advice to
    re-read. ``implied``: the answer dated the event and the onset without tying them, which
    :data:`IMPLIED_LINK_FEEDBACK` (added by the caller) says; advice to find an event, or to reconsider a focus
    that has none, would be false beside it. Once the link is made, the advice to re-read asks for the rest of the
    evidence, not for the event or the absence of one the answer has already shown. ``chosen_fits``: the area the
    answer chose fits the case; a deficits focus that does not (its area marked wrong already) is not asked to show
    that no event came before the onset, which would send the trainee to argue the case's facts away, but to look
    for the event."""
    parts = [f"You cited {hit} of {total} key pieces of case evidence."]
    if implied and not linked:
        pass  # (the caller's sentence on the implied link is the advice)
    elif linked and deficits_key:
        parts.append("You showed that no interpersonal event explains the onset of the episode.")
    elif linked:
        parts.append("You tied the onset of the episode in time to the key interpersonal event.")
    elif deficits_chosen and not chosen_fits and not deficits_key:
        parts.append(WRONG_DEFICITS_LINK)
    elif (deficits_chosen and (deficits_key or not reveal)) or (reveal and deficits_key):
        # (with the key shown and the key deficits, "link the onset to the event" would send the trainee looking
        # for an event the case does not have)
        # (with the key shown, not where an event did come before the onset: that would coach the trap)
        parts.append("Show that no death, dispute or life change came before the onset and that the isolation "
                     "predates the episode.")
    elif no_choice and not reveal:
        parts.append("Link the onset in time to the interpersonal event that came before it (e.g. 'symptoms began "
                     "two months after ...'), or, if none did, show that the problems are long-standing.")
    elif not reveal:
        # (the key hidden, the answer's focus needs an event: the advice may not say there is one, on a deficits
        # case there is none, and the same sentence on every case gives nothing of the key away)
        parts.append("Link the onset in time to the interpersonal event your focus rests on (e.g. 'symptoms began "
                     "two months after ...'); if no such event came before the onset, reconsider the focus.")
    else:
        parts.append("Link the onset in time to the interpersonal event (e.g. 'symptoms began two months after ...').")
    if hit < total and not full:
        if reveal and missed_hints:
            parts.append("Look again at: " + " ".join(missed_hints))
        elif deficits_chosen and not chosen_fits and not deficits_key:
            parts.append("Re-read the timeline and the interpersonal inventory for what happened before the onset.")
        elif deficits_chosen and linked:
            parts.append("Re-read the inventory for more evidence that the isolation is long-standing.")
        elif deficits_chosen:
            parts.append("Re-read the inventory for evidence that the isolation is long-standing and that no death, "
                         "dispute or change came before the onset.")
        elif linked or implied:
            parts.append("Re-read the timeline and the interpersonal inventory for more of the evidence behind your "
                         "focus.")
        else:
            parts.append("Re-read the timeline and the interpersonal inventory for what happened before the onset.")
    if reveal and not linked:
        parts.append(timeline_hint)
    return " ".join(parts)


def _points(value: float) -> str:
    return f"{value:g} point" + ("" if value == 1 else "s")


def evidence_parts(items: float, link: float, stage: float, staged: bool) -> str:
    """What each part of the evidence criterion earned (``staged``: the criterion has a stage part), for an answer
    whose points come from the link or the stage as well as from the items it cites."""
    parts = [f"{items:g} for the evidence cited", f"{link:g} for the timeline link"]
    if staged:
        parts.append(f"{stage:g} for the dispute stage")
    total = items + link + stage
    return f"The {_points(total)} here {'is' if total == 1 else 'are'} {', '.join(parts[:-1])} and {parts[-1]}."


#: The label of the word "homework" alone (lexicon ``NON_IPT_TECHNIQUES``): a task, not a method of another therapy.
FORMAL_HOMEWORK = "formal homework"


def non_ipt_feedback(labels: list[str]) -> str:
    """Techniques of other therapies named in the plan: not IPT strategies, no credit (reference sections 1 and 4)."""
    if labels == [FORMAL_HOMEWORK]:
        return ("IPT sets no formal homework: a task between sessions is agreed with the patient, and what earns "
                "credit is the IPT work it carries (communication analysis, role play, decision analysis, "
                "encouragement of affect).")
    named = labels[0] if len(labels) == 1 else f"{'; '.join(labels[:-1])}; and {labels[-1]}"
    named = named[0].upper() + named[1:]
    what = ("a technique of CBT or another therapy, not an IPT strategy; it earns" if len(labels) == 1 else
            "techniques of CBT or other therapies, not IPT strategies; they earn")
    return (f"{named}: {what} no credit here. IPT works through the patient's relationships (communication "
            "analysis, role play, decision analysis, encouragement of affect) and sets no formal homework.")


def concept_feedback(kind: str, hit: int, need: int, expected: list[str], found: set[str],
                     table: dict[str, Concept], chosen: ProblemArea | None, penalised: bool, *, reveal: bool,
                     stuffing_phrases: dict[ProblemArea, list[str]] | None = None,
                     inconsistent: list[str] | None = None, area_full: bool = True, mixed: bool = True,
                     halved: bool = False, inconsistent_words: dict[str, str] | None = None) -> str:
    """Goals or strategies found against those the case needs. Without the key (``reveal=False``), the next step
    follows the trainee's own focus, unless the focus itself earned partial or no credit (``area_full=False``).
    ``penalised`` with ``mixed``: the plan draws on several areas; without it, the plan is a list of labels.
    ``halved``: the criterion is halved for another reason (two formulations), so nothing here is praised.
    ``inconsistent_words``: the answer's own words for each item of another area, quoted beside the item's name so
    that the trainee sees which of their phrases was read so."""
    if penalised and not mixed:
        return (f"Your {kind} name {min(hit, need)} of the {need} needed for full credit on this case, as single words "
                f"in a list: say what you would do with this patient, in a sentence, for the {kind} to earn their "
                "credit.")
    if penalised and len({table[c].area for c in found if c in table} - {None}) < 2:
        # the answer lists areas without choosing one, but its own goals or strategies are not a mix
        return (f"The answer names several problem areas without choosing one, so its {kind} earn at most a token "
                f"of their credit: choose a focus and state the {kind} that follow from it.")
    if penalised:
        text = (f"The {kind} mix several problem areas. Name the {kind} of your chosen focus only; listing every "
                "possibility earns a token of credit at most.")
        quoted_areas = {area: phrases for area, phrases in (stuffing_phrases or {}).items() if phrases}
        quoted = "; ".join(f"{_label(area)}: " + ", ".join(f"'{p}'" for p in phrases[:3])
                           for area, phrases in quoted_areas.items())
        if len(quoted_areas) >= 2:
            text += f" Phrases from different areas: {quoted}."
        elif quoted_areas and chosen is not None and chosen not in quoted_areas:
            text += f" Phrases of an area other than your focus ({_label(chosen)}): {quoted}."
        elif quoted_areas:
            text += f" The phrases behind this: {quoted}."
        return text
    before = " before the halving explained below" if halved else ""
    parts = [f"Your {kind} cover {min(hit, need)} of the {need} needed for full credit on this case{before}."]
    if inconsistent:
        words = inconsistent_words or {}
        labels = "; ".join(f"{table[c].label}: '{words[c]}'" if c in words else table[c].label for c in inconsistent)
        parts.append(f"Some {kind} belong to another problem area than the one you chose ({labels}), so they earn "
                     "half credit: a plan earns full credit when it follows from one consistent formulation of the "
                     "case.")
    # the reference's items the answer leaves out, named only with the key
    missing = [table[c].label for c in expected if c not in found] if reveal else []
    if hit >= need:
        if chosen is None:
            parts.append(f"Name the focus these {kind} serve: without a chosen area they are not yet a plan.")
        elif not inconsistent and not halved:
            parts.append(f"The {kind} fit the focus.")
        if missing:  # full credit need not be every item: say what the plan still leaves out
            parts.append(f"Of the {len(expected)} {kind} in the reference, still missing: " + "; ".join(missing) + ".")
    elif reveal:
        # (the items listed are those the answer lacks; how many of them full credit still needs is said, so the
        # count above and the list do not read as contradicting each other)
        more = need - min(hit, need)
        parts.append(f"Consider (full credit needs {more} more; not yet in your answer): " + "; ".join(missing) + "."
                     if hit and len(missing) > more else "Consider: " + "; ".join(missing) + ".")
    elif chosen is not None:
        own_items = [c for c in table.values() if c.area == chosen and c.id not in found][:3]
        own = [c.label for c in own_items]
        if not area_full and not own:
            # (beside the sentence on goals of another area, "the goals you wrote fit" would contradict it)
            which = f"Your other {kind}" if inconsistent else f"The {kind} you wrote"
            parts.append(f"{which} fit the area you chose; the marks missing here follow from the "
                         "choice of focus (see Problem area).")
        elif not area_full:
            parts.append("Check the focus first: the goals and strategies should follow from the area most closely "
                         "linked in time to the onset.")
        elif own:
            # (an item whose name holds a technique the answer named, "practise social skills in role play" beside
            # "role play", says what the technique still lacks, not that the answer left it out)
            own = [f"{c.label} (you named {_HELD[c.id][1]}: say what it would practise)"
                   if c.id in _HELD and _HELD[c.id][0] in found else c.label for c in own_items]
            parts.append(f"For {_label(chosen)}, the {kind} usually include: " + "; ".join(own) + ".")
    else:
        parts.append(f"State concrete {kind} for the focus you choose.")
    return " ".join(parts)


def sick_role_feedback(diagnosis: bool, sick_role: bool, illness: bool = False) -> str:
    """The diagnosis (with the medical model: common, treatable, not the patient's fault) and the sick role (some
    obligations eased while recovering, and the duty to work at getting better)."""
    if diagnosis:
        named = ("You name the diagnosis as a common, treatable illness that is not the patient's fault" if illness
                 else "You name the diagnosis")
    else:
        named = "Name the diagnosis for the patient (for example major depression)"
    if sick_role:
        return (f"{named}, and you give the sick role: some obligations can be eased while recovering, and the "
                "patient's main task is to work at getting better.")
    return (f"{named}. Give the sick role: it is reasonable to do a bit less while recovering, and the patient's main "
            "task is to work with you on getting better.")


LISTED_SICK_ROLE = ("Listed as terms, they are named rather than explained to the patient, so they earn a token: "
                    "say in a sentence what the illness is and what the sick role allows and asks of them.")


def contract_feedback(contract: bool) -> str:
    if contract:
        return "You state the time-limited contract (how many sessions or weeks)."
    return "State the time-limited contract: how many sessions or weeks, and how often."


def agreement_feedback(agreement: bool) -> str:
    if agreement:
        return "You ask for the patient's view, so the formulation is offered, not imposed."
    return "Ask for the patient's view and agreement (for example 'Does that fit how you see it?')."


#: What each dispute stage calls for (reference 3.2).
STAGE_WORK = {
    DisputeStage.RENEGOTIATION: "calming the exchange and improving communication so that negotiation works",
    DisputeStage.IMPASSE: "bringing the dispute back into the open so that negotiation can restart",
    DisputeStage.DISSOLUTION: "helping the patient end the relationship and mourn it",
}


def wrong_stage_plan_feedback(named: DisputeStage, key: DisputeStage) -> str:
    """A dispute plan made for the wrong stage, none of it the key's (shown with the key only)."""
    return (f"Your plan follows the {named.value} stage you named ({STAGE_WORK[named]}); at {key.value}, the stage "
            f"of this case, the work is {STAGE_WORK[key]}, not bringing the two back to negotiation.")


def off_stage_feedback(kind: str, named: DisputeStage, key: DisputeStage, *, reveal: bool) -> str:
    """The dispute plan of an answer that staged the dispute wrongly: the plan follows the stage (reference 3.2)."""
    text = (f"The dispute {kind} follow the {named.value} stage you named ({STAGE_WORK[named]}), so they earn half "
            "credit: the plan of a dispute depends on its stage.")
    if reveal:
        text += f" At {key.value}, the work is {STAGE_WORK[key]}."
    return text
