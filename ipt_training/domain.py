"""The IPT domain: problem areas, dispute stages, phases and their tasks, techniques.

Everything here follows the course's clinical reference (``shared/ipt-reference.md``):
individual IPT for major depression in adults as set out by Klerman, Weissman and colleagues.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ProblemArea(str, Enum):
    """The four IPT problem areas. There are exactly four."""

    GRIEF = "grief"
    ROLE_DISPUTE = "role_dispute"
    ROLE_TRANSITION = "role_transition"
    INTERPERSONAL_DEFICITS = "interpersonal_deficits"

    @property
    def label(self) -> str:
        return AREA_LABELS[self]


AREA_LABELS: dict[ProblemArea, str] = {
    ProblemArea.GRIEF: "Grief (complicated bereavement)",
    ProblemArea.ROLE_DISPUTE: "Role dispute",
    ProblemArea.ROLE_TRANSITION: "Role transition",
    ProblemArea.INTERPERSONAL_DEFICITS: "Interpersonal deficits (interpersonal sensitivity)",
}

AREA_DEFINITIONS: dict[ProblemArea, str] = {
    ProblemArea.GRIEF: (
        "Depression connected with the death of a significant person, where mourning is blocked or stuck. "
        "By course convention other losses (divorce, job, health, a pet) are role transitions."
    ),
    ProblemArea.ROLE_DISPUTE: (
        "The patient and a significant other have non-reciprocal expectations about their relationship, "
        "and the disagreement is linked to the episode."
    ),
    ProblemArea.ROLE_TRANSITION: (
        "Difficulty adapting to a change in life circumstances or social role (wanted or unwanted) "
        "that is linked to the episode."
    ),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        "A long-standing pattern of social isolation or difficulty forming and keeping relationships, "
        "with no death, dispute or life change to focus on: the focus of last resort."
    ),
}


class DisputeStage(str, Enum):
    """Stages of a role dispute; each calls for a different therapist strategy."""

    RENEGOTIATION = "renegotiation"
    IMPASSE = "impasse"
    DISSOLUTION = "dissolution"


DISPUTE_STAGE_DEFINITIONS: dict[DisputeStage, str] = {
    DisputeStage.RENEGOTIATION: (
        "Both parties know they disagree and are still actively trying to change things, often with heated "
        "arguments. Strategy: calm the exchange and improve communication so that negotiation works."
    ),
    DisputeStage.IMPASSE: (
        "Negotiation has stopped; resentment continues under the surface (cold silence, no discussion). "
        "Strategy: reopen the disagreement so that renegotiation becomes possible, even if this raises conflict; "
        "explain to the patient that things may get worse for a while, and with a partner ask privately about "
        "violence or threats before reopening it."
    ),
    DisputeStage.DISSOLUTION: (
        "The relationship is judged beyond repair, or one party has decided to end it. "
        "Strategy: help the patient end it and mourn it; the work then resembles a role transition."
    ),
}


class Phase(str, Enum):
    """The three phases of acute individual IPT."""

    INITIAL = "initial"
    MIDDLE = "middle"
    TERMINATION = "termination"


PHASE_SESSIONS: dict[Phase, str] = {
    Phase.INITIAL: "about sessions 1-3",
    Phase.MIDDLE: "from about session 4 until termination work starts",
    Phase.TERMINATION: "the last 2-4 sessions",
}


@dataclass(frozen=True, slots=True)
class PhaseTask:
    """One therapist task and the phase it belongs to."""

    id: str
    phase: Phase
    description: str
    why: str


PHASE_TASKS: tuple[PhaseTask, ...] = (
    PhaseTask("review_symptoms", Phase.INITIAL, "Review depressive symptoms, often with a rating scale",
              "The diagnosis comes first: IPT is diagnosis-focused."),
    PhaseTask("give_diagnosis", Phase.INITIAL, "Give the diagnosis and explain depression as a treatable illness",
              "Psychoeducation within a medical model is part of the initial phase."),
    PhaseTask("sick_role", Phase.INITIAL, "Assign the sick role",
              "The sick role is given at the start so the patient is not blamed while recovering."),
    PhaseTask("assess_risk", Phase.INITIAL, "Make the first full suicide-risk assessment",
              "The first full risk assessment is made at the start; risk is then reviewed in every phase, "
              "whenever the patient worsens."),
    PhaseTask("medication_decision", Phase.INITIAL, "Consider whether medication is needed",
              "The initial phase always includes a decision about medication."),
    PhaseTask("inventory", Phase.INITIAL, "Take the interpersonal inventory",
              "The inventory supplies the evidence for choosing the problem area."),
    PhaseTask("link_onset", Phase.INITIAL, "Link the onset of the episode to interpersonal events",
              "The focus must be linked in time to the onset of the episode."),
    PhaseTask("choose_area", Phase.INITIAL, "Identify one (at most two) problem areas",
              "The focus is chosen before the middle-phase work begins."),
    PhaseTask("formulation", Phase.INITIAL, "Present the interpersonal formulation and get agreement",
              "The formulation closes the initial phase and needs the patient's agreement."),
    PhaseTask("contract", Phase.INITIAL, "Set the treatment contract",
              "Number and frequency of sessions, focus and goals are agreed at the start."),
    PhaseTask("interval_history", Phase.MIDDLE, "Open each session with an interval history",
              "Middle-phase sessions start by linking mood changes to recent events."),
    PhaseTask("area_strategies", Phase.MIDDLE, "Work on the goals and strategies of the chosen problem area",
              "This is the core work of the middle phase."),
    PhaseTask("communication_analysis", Phase.MIDDLE, "Use communication analysis and role play",
              "The techniques are used mainly in the middle phase to work on the focus."),
    PhaseTask("monitor_symptoms", Phase.MIDDLE, "Monitor symptoms regularly",
              "Symptoms are tracked throughout the middle phase."),
    PhaseTask("keep_focus", Phase.MIDDLE, "Keep the agreed focus; decide explicitly whether a new crisis changes it",
              "Focus is maintained in the middle phase; changes are made openly."),
    PhaseTask("name_ending", Phase.TERMINATION, "Name the ending explicitly, several sessions in advance",
              "Termination work starts in the last 2-4 sessions."),
    PhaseTask("ending_as_transition", Phase.TERMINATION,
              "Acknowledge sadness about ending and distinguish it from relapse",
              "The ending is treated as a role transition."),
    PhaseTask("credit_patient", Phase.TERMINATION, "Review gains and give credit to the patient",
              "Termination reviews change and credits the patient for it."),
    PhaseTask("relapse_plan", Phase.TERMINATION, "Identify early warning signs and plan for future stressors",
              "Relapse prevention belongs to termination."),
    PhaseTask("maintenance_offer", Phase.TERMINATION,
              "Offer continuation or maintenance treatment for recurrent depression",
              "Maintenance is offered as a new contract at the end of acute treatment."),
)


@dataclass(frozen=True, slots=True)
class Technique:
    """A technique of the IPT toolbox, with illustrative wording written for this course."""

    id: str
    name: str
    definition: str
    example: str


TECHNIQUES: tuple[Technique, ...] = (
    Technique("interval_history", "Opening question / interval history",
              "Each middle-phase session opens by asking about mood and events since last time, then links the two.",
              "How have things been since we last met?"),
    Technique("nondirective_exploration", "Non-directive exploration",
              "Open, supportive questions that let the patient bring material and extend a topic.",
              "Tell me more about what the evenings are like now."),
    Technique("direct_elicitation", "Direct elicitation",
              "Specific questions to gather needed information, for example for the inventory.",
              "How often do you speak to your cousin, and what do you talk about?"),
    Technique("encouragement_of_affect", "Encouragement of affect",
              "Helping the patient recognise, express, accept and use feelings about relationships.",
              "You sound hurt when you describe that. It makes sense to feel hurt when you are left out."),
    Technique("clarification", "Clarification",
              "Restating or pointing out contradictions so the patient hears what they said.",
              "You say you don't mind, yet you clenched your hands. Which is closer to how you feel?"),
    Technique("communication_analysis", "Communication analysis",
              "Detailed reconstruction of one specific, emotionally important interaction to find where "
              "communication went wrong.",
              "Let's go through Sunday's phone call. What exactly did you say first?"),
    Technique("decision_analysis", "Decision analysis",
              "Listing options for an interpersonal problem, weighing them, choosing one and planning it.",
              "What could you do about your brother's request? Let's list every option, even unlikely ones."),
    Technique("role_play", "Role play",
              "Therapist and patient rehearse a coming conversation to practise wording, tone and timing.",
              "Let's practise. I'll be your landlord; tell me what you need."),
    Technique("therapeutic_relationship", "Use of the therapeutic relationship",
              "Discussing the patient's feelings and behaviour toward the therapist as an example of their "
              "relationships elsewhere; not transference interpretation.",
              "You checked twice whether I was annoyed with you. Does that happen with other people too?"),
    Technique("behaviour_change", "Behaviour change (directive) techniques",
              "Education, advice, suggestion, modelling, and help with limited practical problems, used with care.",
              "Many people find it helps to tell one friend what happened. Who could you call this week?"),
    Technique("adjunctive", "Adjunctive techniques",
              "Setting and keeping the treatment contract: timing, missed sessions, reminders of the time limit.",
              "We have five sessions left. Let's keep working on the changes at home."),
)

NOT_IPT_TECHNIQUES: tuple[str, ...] = (
    "Cognitive restructuring of automatic thoughts (CBT)",
    "Formal homework assignments",
    "Imagery rescripting or guided imagery",
    "Transference interpretation",
    "Dream analysis",
    "Exploring childhood to find the cause of the depression",
)
