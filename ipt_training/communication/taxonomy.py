"""The communication problems that communication analysis looks for, and the better ways to replace them.

Follows ``shared/ipt-reference.md`` section 4. Items 1-5 are the classic list of the original manuals,
recalled and paraphrased (exact wording unverified); items 6-10 are common teaching extensions, not part
of that list, and are labelled ``classic=False``. Examples were written for this course.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Code for an utterance with no communication problem.
OK = "ok"
OK_NAME = "No problem (clear communication)"
OK_DEFINITION = (
    "The speaker says what they mean, feel or want directly, stays in the conversation, or checks what the "
    "other person meant. Painful content is not a problem in itself: saying in the first person how a loss "
    "feels ('I miss my job; I feel lost at home') is clear communication, even without a request."
)
#: Trainee-facing provenance notes.
CLASSIC_NOTE = "Classic list of the original IPT manuals (paraphrased; exact wording unverified)."
EXTENSION_NOTE = "Teaching extension: not part of the classic IPT list."


@dataclass(frozen=True, slots=True)
class CommunicationProblem:
    """One kind of communication failure.

    ``check`` is a question about the utterance that helps a trainee test this code without revealing any
    reference answer; ``related`` lists codes close enough that confusing them earns half credit.
    """

    id: str
    number: int
    name: str
    definition: str
    cues: tuple[str, ...]
    example: str
    classic: bool
    better_ways: tuple[str, ...]
    check: str
    related: tuple[str, ...] = ()

    @property
    def provenance(self) -> str:
        return CLASSIC_NOTE if self.classic else EXTENSION_NOTE


@dataclass(frozen=True, slots=True)
class BetterWay:
    """A way of communicating that repairs one or more problems."""

    id: str
    name: str
    definition: str
    example: str


BETTER_WAYS: dict[str, BetterWay] = {
    w.id: w
    for w in (
        BetterWay("explicit_request", "Explicit request",
                  "Say in words what you want the other person to do, instead of hinting or hoping they guess.",
                  "Could you take the children to school on Mondays?"),
        BetterWay("naming_feeling", "Naming a feeling",
                  "Put the feeling into words, as your own experience ('I feel hurt'), rather than acting it out "
                  "or turning it into an accusation.",
                  "I felt lonely when you went out again on Saturday."),
        BetterWay("checking_understanding", "Checking understanding",
                  "Ask what the other person meant, or say back what you heard, before acting on your guess.",
                  "When you said you were tired, did you mean tired of going out, or tired of me?"),
        BetterWay("staying_in_conversation", "Staying in the conversation",
                  "Keep talking, or say when you can come back to it, instead of leaving, changing the subject "
                  "or going silent.",
                  "I'm too upset to talk well right now. Can we sit down after dinner?"),
        BetterWay("specific_request", "Specific request",
                  "Turn a general grievance into one concrete, doable request (who, what, when).",
                  "Could you do the shopping on Thursday evenings?"),
        BetterWay("consistent_message", "Consistent message",
                  "Make words, tone and behaviour say the same thing; if you are upset, say so.",
                  "It's not fine, actually. I'm disappointed, and I'd like to talk about it."),
        BetterWay("asserting_need", "Asserting a need",
                  "State your own need or limit, and say no when you mean no, without over-apologising.",
                  "I can't take on another weekend shift this month. I need the rest."),
    )
}

PROBLEMS: dict[str, CommunicationProblem] = {
    p.id: p
    for p in (
        CommunicationProblem(
            "indirect_nonverbal", 1, "Ambiguous, indirect non-verbal communication",
            "Feelings are shown through behaviour (sulking, sighing, slamming doors, withdrawing) instead of "
            "raising the issue in words.",
            ("sighing, sulking or slamming instead of speaking", "withdrawal or coldness meant as a message",
             "the feeling is acted out, never said"),
            "Ayesha bangs the pans while washing up and answers in single words, hoping her husband will "
            "notice she is hurt.",
            True, ("naming_feeling", "explicit_request"),
            "Is the message carried by behaviour rather than words here, and would the other person have to "
            "guess what it means?",
            ("mixed_message", "silence"),
        ),
        CommunicationProblem(
            "indirect_verbal", 2, "Unnecessarily indirect verbal communication",
            "Hints, sarcasm or vague remarks are used when a direct statement is needed.",
            ("sarcasm", "hints ('must be nice...')", "vague remarks that leave the real request unstated"),
            "\"Some of us don't get lie-ins,\" meaning \"I'd like you to get up with the baby on Sunday.\"",
            True, ("explicit_request",),
            "Is a request or feeling left unstated here, hidden in a hint or sarcasm, or is it said outright?",
            ("global_complaint", "mixed_message"),
        ),
        CommunicationProblem(
            "assumed_communicated", 3, "Incorrect assumption that one has communicated",
            "The speaker believes the other person has received a message that was never clearly sent.",
            ("'I told you' when it was never said", "'you know how I feel' about something never discussed"),
            "\"You knew I didn't want to host Christmas,\" although she had only sighed when it was mentioned.",
            True, ("explicit_request",),
            "Had the speaker actually said this before, clearly, or do they only believe they had?",
            ("mind_reading",),
        ),
        CommunicationProblem(
            "assumed_understood", 4, "Incorrect assumption that one has understood",
            "The speaker acts on an unchecked guess about what the other person meant.",
            ("reacting to a guessed meaning", "taking words at face value despite contrary signs",
             "no question to check what was meant"),
            "He hears \"I need some space this weekend\" as \"she is leaving me\" and starts packing, "
            "without asking what she meant.",
            True, ("checking_understanding",),
            "Does the speaker act on a guess about what the other person meant, or do they check it first?",
            (),
        ),
        CommunicationProblem(
            "silence", 5, "Silence: closing off communication",
            "Refusing to discuss, changing the subject, leaving, or stonewalling.",
            ("'there's no point talking'", "changing the subject", "walking out, hanging up, not answering"),
            "\"I'm not discussing this,\" and he puts his headphones on.",
            True, ("staying_in_conversation",),
            "Does the speaker close the conversation down here, or keep it open?",
            ("indirect_nonverbal",),
        ),
        CommunicationProblem(
            "mind_reading", 6, "Expecting needs to be known without being stated",
            "Believing that someone who cares should know what you need without being told "
            "('mind-reading'); close to the assumption that one has communicated.",
            ("'if you cared you would know'", "'I shouldn't have to ask'"),
            "\"A real friend would have seen I needed a lift to the clinic.\"",
            False, ("explicit_request", "asserting_need"),
            "Does the speaker expect the other person to know a need that has not been put into words?",
            ("assumed_communicated",),
        ),
        CommunicationProblem(
            "hostile", 7, "Hostile or aggressive communication",
            "An open attack on the other person: insults, name-calling, contempt, threats, or sweeping "
            "accusations ('you always', 'you never') that provoke defence, not change.",
            ("insults or name-calling", "'you always' / 'you never'", "threats", "contempt"),
            "\"You're pathetic. You've never once thought about anyone but yourself.\"",
            False, ("naming_feeling", "specific_request"),
            "Is this an open attack on the person (insult, threat, 'always/never'), or a reproach only hinted at, "
            "or a statement about a specific behaviour?",
            ("global_complaint",),
        ),
        CommunicationProblem(
            "global_complaint", 8, "Global complaint instead of a specific request",
            "A grievance is stated in general terms without saying what would help: the specific request is "
            "missing.",
            ("'you don't support me'", "'nobody cares'", "a complaint with no request attached"),
            "\"You don't support me,\" instead of \"Could you collect Sam on Thursdays?\"",
            False, ("specific_request",),
            "Does the utterance say what would help, or only that something is wrong in general?",
            ("hostile", "indirect_verbal"),
        ),
        CommunicationProblem(
            "mixed_message", 9, "Mixed messages",
            "Words and tone or behaviour contradict each other.",
            ("'it's fine' said in tears", "agreement in words, refusal in behaviour"),
            "\"Go, have a good time,\" said with a tight voice while turning away.",
            False, ("consistent_message",),
            "Do the words match the tone and behaviour described, or do they pull in different directions?",
            ("indirect_nonverbal", "indirect_verbal"),
        ),
        CommunicationProblem(
            "over_accommodation", 10, "Failure to assert needs / excessive accommodation",
            "Giving in, over-apologising or agreeing to avoid conflict, then feeling resentful.",
            ("agreeing against one's wishes", "'whatever you want'", "repeated apologies"),
            "He agrees to drive his sister's family to the airport at 4 a.m. for the third time this year, "
            "then lies awake furious.",
            False, ("asserting_need",),
            "Does the speaker say what they themselves want or can manage, or go along with the other person "
            "to keep the peace?",
            (),
        ),
    )
}

#: Every valid code, in taxonomy order, ``ok`` last.
CODES: tuple[str, ...] = (*PROBLEMS, OK)


def is_code(code: str) -> bool:
    return code in PROBLEMS or code == OK


def code_name(code: str) -> str:
    """Human name of a code (``ok`` included)."""
    return OK_NAME if code == OK else PROBLEMS[code].name


def code_definition(code: str) -> str:
    return OK_DEFINITION if code == OK else PROBLEMS[code].definition


def code_label(code: str) -> str:
    """Numbered label for menus: ``'7. Hostile or aggressive communication (extension)'``."""
    if code == OK:
        return OK_NAME
    problem = PROBLEMS[code]
    suffix = "" if problem.classic else " (extension)"
    return f"{problem.number}. {problem.name}{suffix}"


def are_related(a: str, b: str) -> bool:
    """Whether two codes are close enough to confuse (symmetric)."""
    return (a in PROBLEMS and b in PROBLEMS[a].related) or (b in PROBLEMS and a in PROBLEMS[b].related)
