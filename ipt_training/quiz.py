"""Self-check quizzes for the lessons: questions as data, grading as plain functions, a small widget factory.

Every question follows ``shared/ipt-reference.md``; each carries an explanation that is shown once the question
has been answered, right or wrong; an unanswered question never shows its answer. ``quiz_widget`` imports
ipywidgets lazily, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_training.widgets.quiz import Quiz


#: Feedback for a question left blank: the answer and explanation appear only after an attempt.
NOT_ANSWERED = "Not answered yet: choose an option and press Check again to see the explanation."


@dataclass(frozen=True, slots=True)
class Question:
    """A single-choice question; ``answer`` is the index of the right option."""

    id: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str

    def __post_init__(self) -> None:
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"question {self.id!r}: answer index {self.answer} out of range")


def right_is_longest(question: Question) -> bool:
    """True when no option is longer than the right one (a tie counts): the cue a test-wise trainee uses."""
    return len(question.options[question.answer]) >= max(len(option) for option in question.options)


def longest_right_share(questions: Sequence[Question]) -> float:
    """Share of ``questions`` whose right answer is the (joint) longest option."""
    return sum(right_is_longest(q) for q in questions) / len(questions) if questions else 0.0


def answer_place(question: Question) -> str:
    """Where the right option is shown: ``"first"``, ``"last"`` or ``"middle"`` (any option in between).

    Options are shown in the order they are written, so a bank where the right answer is rarely last (or nearly
    always first) hands a test-wise trainee a cue; ``tests/test_quiz_position_cue.py`` keeps the places balanced.
    """
    if question.answer == 0:
        return "first"
    return "last" if question.answer == len(question.options) - 1 else "middle"


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: Question
    chosen: int | None

    @property
    def correct(self) -> bool:
        return self.chosen == self.question.answer

    @property
    def feedback(self) -> str:
        if self.chosen is None:
            return NOT_ANSWERED
        right = self.question.options[self.question.answer]
        if self.correct:
            return f"Right. {self.question.explanation}"
        return f"Not quite. The right answer is “{right}”. {self.question.explanation}"


@dataclass(frozen=True, slots=True)
class QuizResult:
    items: tuple[QuestionResult, ...]

    @property
    def score(self) -> int:
        return sum(item.correct for item in self.items)

    @property
    def max_score(self) -> int:
        return len(self.items)

    @property
    def answered(self) -> int:
        return sum(item.chosen is not None for item in self.items)


def grade_quiz(questions: Sequence[Question], chosen: Sequence[int | None]) -> QuizResult:
    """Grade the chosen option indices (``None`` for unanswered) against ``questions``."""
    if len(chosen) != len(questions):
        raise ValueError(f"{len(chosen)} answers for {len(questions)} questions")
    return QuizResult(tuple(QuestionResult(q, c) for q, c in zip(questions, chosen, strict=True)))


def quiz_widget(questions: Sequence[Question] | str) -> Quiz:
    """A radio-button quiz with a Check button; pass questions or a lesson key of :data:`QUIZZES`."""
    from ipt_training.widgets.quiz import build_quiz

    return build_quiz(QUIZZES[questions] if isinstance(questions, str) else questions)


Q = Question

QUIZZES: dict[str, tuple[Question, ...]] = {
    "what_is_ipt": (
        Q("founders", "Who developed IPT?",
          ("Gerald Klerman and Myrna Weissman, with colleagues", "Theodore Shapiro", "Aaron Beck", "Ellen Frank"), 0,
          "IPT was developed from about 1969-1970 by Klerman, Weissman and colleagues (Paykel, Rounsaville, "
          "Chevron and others). There is no founder called Shapiro; Beck developed cognitive therapy; Ellen Frank "
          "developed IPSRT, an adaptation for bipolar disorder."),
        Q("roots", "Which of these is NOT one of IPT's roots?",
          ("Sullivan's interpersonal school", "Meyer's psychobiology", "Bowlby's attachment theory",
           "Beck's cognitive model"), 3,
          "IPT grew from Sullivan, Meyer, Bowlby and life-events research. It was developed alongside cognitive "
          "therapy, not from it; the two were compared in the NIMH TDCRP."),
        Q("not_cbt", "Which statement about IPT is correct?",
          ("It is a form of CBT with formal homework",
           "It interprets transference and links current conflicts to their childhood origins",
           "It has no formal homework and does not target automatic thoughts",
           "It aims to change the patient's personality"), 2,
          "IPT is neither CBT-derived nor psychodynamic: no cognitive restructuring, no formal homework, no "
          "transference interpretation. Personality traits are acknowledged but are not a treatment target."),
        Q("four_areas", "How many problem areas does IPT for depression have?",
          ("Three", "Four", "Five, including pain", "Six, including personality change"), 1,
          "Exactly four: grief, role disputes, role transitions and interpersonal deficits. Neither 'pain' nor "
          "'personality change' is an IPT problem area."),
        Q("evidence", "Which is the fairest summary of the evidence for IPT in depression?",
          ("It is clearly superior to every other psychotherapy in meta-analyses, and nearly all of its randomized "
           "trials are free of any risk of bias",
           "It has never been tested in randomized trials",
           "It does better than control conditions in meta-analyses and about as well as other psychotherapies; "
           "many trials have some risk of bias"), 2,
          "Meta-analyses (Cuijpers and colleagues 2011, 2016) found IPT better than control conditions, with no "
          "significant difference from other psychotherapies; most studies had some risk of bias."),
    ),
    "initial_phase": (
        Q("sick_role", "What does giving the patient the sick role mean?",
          ("The patient is excused some obligations, is not blamed, and has the duty to work on recovery",
           "The patient is told to stop work and all other activity and to rest at home until fully recovered",
           "The therapist stays neutral about the diagnosis"), 0,
          "The sick role (after Talcott Parsons) frames depression as a treatable illness that is not the "
          "patient's fault, while keeping the duty to work on getting better."),
        Q("link_onset", "What must the chosen focus be linked to?",
          ("The patient's earliest childhood memories", "The onset or continuation of the current episode, in time",
           "The patient's personality traits"), 1,
          "The timeline links the start of symptoms to what happened in the patient's relationships. IPT works "
          "in the present."),
        Q("medication", "Which task belongs to the initial phase?",
          ("Identifying early warning signs for relapse", "Role-playing a talk with the partner",
           "Deciding whether medication is needed"), 2,
          "The initial phase always includes a decision about medication. Relapse planning belongs to "
          "termination; role play is middle-phase work."),
        Q("how_many", "How many problem areas should the formulation name?",
          ("One, at most two", "All four, to be safe", "None: the area is chosen in the middle phase"), 0,
          "Prefer one area, two at most. More than two means the focus is not yet clear."),
        Q("agreement", "Is a formulation complete if the patient has not agreed with it?",
          ("Yes, the therapist decides the focus", "No: the formulation is offered, and agreement is recorded"), 1,
          "Patient agreement is required; the therapist asks for the patient's view and adjusts the formulation."),
        Q("inner_circle", "In the closeness circle, who goes in the inner circle?",
          ("Everyone the patient sees every day", "The people closest to the patient",
           "People the patient is in conflict with"), 1,
          "The inner circle holds the closest, most intimate relationships; the middle circle close ones; the "
          "outer circle people who are important but less close."),
    ),
    "problem_areas": (
        Q("divorce", "A patient's depression began after his divorce. By course convention, which area fits?",
          ("Grief (complicated bereavement)", "Role transition", "Interpersonal deficits"), 1,
          "Here grief means the death of a significant person; other losses such as divorce, job loss or a new "
          "diagnosis are role transitions. Stuart & Robertson use a broader 'grief and loss' area, a variant."),
        Q("withdrawal", "Since her depression began three months ago, a woman has stopped seeing friends; before "
          "that she had a full social life. Is this interpersonal deficits?",
          ("Yes: she is isolated now, sees nobody, and so meets the definition of deficits",
           "No: withdrawal is a symptom; look for the event linked to the onset"), 1,
          "Deficits needs a long-standing lack of relationships and no death, dispute or life change. Withdrawal "
          "that started with the depression points to another area."),
        Q("last_resort", "When is interpersonal deficits chosen?",
          ("Whenever the patient is shy",
           "First, because it is the broadest area and covers every patient who has few close relationships now",
           "As a last resort: long-standing isolation and no death, dispute or transition can be found"), 2,
          "Look hard for hidden grief or transitions first. Deficits is the focus of last resort."),
        Q("which_area", "Which of these is an IPT problem area?",
          ("Pain", "Personality change through repeated negative experiences", "Role disputes",
           "Dream conflicts"), 2,
          "The four areas are grief, role disputes, role transitions and interpersonal deficits."),
        Q("overlap", "A new baby has strained a marriage and the arguments began after the birth. How do you "
          "choose?",
          ("Pick the area that best explains the episode and is most workable; the other can be addressed "
           "within it",
           "Always name both areas, and add deficits as a third so nothing is missed",
           "Pick interpersonal deficits"), 0,
          "Areas overlap: a transition often causes a dispute. Choose one (two at most) with the patient's "
          "agreement."),
    ),
    "communication_analysis": (
        Q("which_interaction", "Which interaction is best for communication analysis?",
          ("'We always fight about money'", "Last Tuesday's argument about the rent, reconstructed turn by turn",
           "A general description of the patient's relationship with her parents when she was a child"), 1,
          "Pick one specific, recent, emotionally important interaction and reconstruct it as close to word for "
          "word as possible."),
        Q("assumed_communicated", "'He knows I hate those dinners,' though she has never said so. Which problem is "
          "this?",
          ("Incorrect assumption that one has communicated", "Hostile communication", "Silence"), 0,
          "She believes a message was received that was never clearly sent."),
        Q("imagery", "Is imagery rescripting an IPT technique?",
          ("Yes: it is one of the core IPT techniques of the middle phase, used in grief work",
           "No: it comes from the CBT and schema-therapy traditions"), 1,
          "It is not in the IPT toolbox. IPT's techniques include exploration, encouragement of affect, "
          "clarification, communication analysis, decision analysis and role play."),
        Q("therapeutic_relationship", "In IPT, using the therapeutic relationship means:",
          ("Interpreting the transference: tracing the patient's feelings toward the therapist back to early "
           "relationships with parents",
           "Discussing the patient's feelings and behaviour toward the therapist as an "
           "example of their relationships elsewhere", "Becoming the patient's friend"), 1,
          "It is used mainly for deficits and disputes, and it is not transference interpretation."),
        Q("decision_analysis", "Decision analysis is:",
          ("Listing options for an interpersonal problem, weighing them, choosing one and planning it",
           "The therapist weighing the options and deciding for the patient",
           "A formal homework sheet of pros and cons, completed between sessions"), 0,
          "The patient generates and weighs the options; the therapist helps structure the choice."),
    ),
    "middle_phase": (
        Q("impasse", "A couple no longer discuss the disagreement; there is cold silence and resentment. Which "
          "stage?", ("Renegotiation", "Impasse", "Dissolution"), 1,
          "At impasse the therapist helps bring the dispute back into the open so that negotiation can restart, "
          "explaining that open conflict may increase for a while."),
        Q("outcome", "In a role dispute, should the therapist steer the patient toward staying or leaving?",
          ("Yes, toward staying: keeping the relationship together is the aim of dispute work, so the therapist "
           "encourages it",
           "Yes, toward leaving",
           "No: the patient decides; the therapist helps them "
           "choose a plan and change expectations or communication"), 2,
          "The therapist does not steer toward a particular outcome."),
        Q("grief_goals", "What are the goals for grief?",
          ("Help the patient mourn, then re-establish interests and relationships",
           "Help the patient forget the person quickly", "Resolve the patient's childhood conflicts"), 0,
          "Mourning comes first; rushing to 'moving on' before mourning has happened is a common mistake."),
        Q("transition_goals", "Which is a goal for a role transition?",
          ("Hold on to the idealised picture of the old role and avoid looking closely at the new one",
           "Mourn the old role and see the new one realistically, "
           "building mastery in it", "Change the patient's personality"), 1,
          "Help the patient mourn and accept the loss of the old role, see the new role realistically and regain "
          "self-esteem through mastery."),
        Q("interval_history", "How does a middle-phase session usually start?",
          ("With an interval history: 'How have things been since we last met?'",
           "With a homework review",
           "With a dream report"), 0,
          "The therapist then links any mood change to recent events."),
        Q("new_crisis", "A new crisis arises in session 8. What do you do?",
          ("Switch the focus to the new crisis straight away, without discussing it with the patient",
           "Ignore it",
           "Decide explicitly, with the patient, whether to change focus"), 2,
          "Keep the agreed focus; change it only by an explicit decision. Acute risk always takes priority."),
    ),
    "termination": (
        Q("when", "When is the ending raised?",
          ("In the last session", "Never; it is implied", "Explicitly, several sessions in advance"), 2,
          "Termination takes the last 2-4 sessions, and the ending is named explicitly well before the last one."),
        Q("sadness", "The patient feels sad about ending. What is this?",
          ("Always a relapse",
           "A sign that the treatment has failed and that the acute contract should be extended",
           "An expected reaction to be acknowledged and distinguished from depressive relapse"), 2,
          "The ending is treated as a role transition: sadness about ending is expected."),
        Q("credit", "Who gets the credit for improvement?",
          ("The patient", "The therapist", "The medication only"), 0,
          "Review the changes and what the patient did to achieve them, giving credit to the patient."),
        Q("non_response", "The response is incomplete. How is it framed?",
          ("As the patient's failure", "As a failure of the treatment, not the patient, with options discussed "
           "(medication, another therapy)",
           "As a reason to continue the same treatment indefinitely, without a new contract or a review of the "
           "options"), 1,
          "Options such as medication or another therapy are discussed."),
        Q("maintenance", "A patient has recurrent depression. What can be offered at the end of acute treatment?",
          ("Continuation or maintenance treatment (for example monthly IPT-M) as a new contract",
           "Nothing more",
           "The same acute contract, extended week by week without discussion"), 0,
          "In one trial, monthly maintenance IPT was as good as weekly or twice-monthly sessions for women who "
          "had remitted with IPT alone."),
    ),
}
