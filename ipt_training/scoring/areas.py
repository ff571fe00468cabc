"""Which problem area an answer commits to, read from how each area is mentioned.

A mention of an area is not a choice. Each mention gets one reading, from its context in the clause:

* **rejected**: negated ("not grief", "I would NOT use grief", "rather than a dispute");
* **reported**: someone else's words ("he calls it a bereavement", "the referral says deficits") or inside
  double quotes;
* **hedged**: a possibility, not a choice ("could be grief", "grief comes to mind", "deficits?", "grief is the
  obvious candidate", "a dispute with Marat, or so it seems");
* **chosen**: an explicit choice ("I would formulate this as", "PA: RT", "the focus is grief", "I'd go with",
  "we will work on X as the problem area", "primary: ..."), marked primary or secondary where the answer says so;
* **asserted**: a plain statement ("this is a role transition", "we call this grief") or a heading that opens
  the answer or a sentence ("Grief. Her husband died ...");
* **mentioned**: anything else ("his grief", "the dispute with Sipho began later"), and an area weighed or compared
  ("I did think of a transition, but ...", "it is tempting to call this a dispute", "part of it rather than a
  separate dispute", "with the transition as background").

A decision kept in doubt is still the writer's last word ("my best guess is grief", "let's say grief for now",
"deficits, I suppose", "I'll settle on a dispute"), and a focus frame cut by brackets still names its area ("I'll
take role dispute (renegotiation) as the focus").

A plain-language name of an area ("this big change", "that loneliness", "a disagreement") counts only in a plan or
naming frame ("we will work on this big change", "we call this loneliness"), and then as a leaning: it is the
answer's focus when no area is named outright, never over one that is. With no area named, the area is inferred
(:func:`infer_from_events`) from the events the answer ties to the episode, the plan said as what we will do
together ("I'd suggest we spend our sessions on this quarrel with your sister"), the focus named in lay words ("I'd
treat the thinness of his relationships as the focus") and the dead named ("Vasile's death"); an event weighed and
set aside ("the promotion went well and isn't the issue") argues for nothing.

Paraphrases that are also goal or strategy wording ("mourning the old role", "conflict with") count only as
a choice in an explicit frame ("the main issue is the conflict with her husband") and never reject an area:
"he has not grieved" describes blocked mourning, it does not rule grief out.

The primary area is the first explicit choice (one marked primary first), else the first assertion. An answer
that lists three or more areas without settling on one is keyword stuffing; one that settles on nothing is
"no commitment" (no primary area), never the first area it happens to list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from itertools import pairwise, repeat
from operator import itemgetter

from ipt_training.domain import ProblemArea
from ipt_training.scoring.lexicon import (
    ATTRIBUTION_VERBS,
    BACK_REFERENCES,
    CAUSAL_WORDS,
    CHOICE_MARKERS,
    HEDGE_AFTER,
    HEDGE_BEFORE,
    LAY,
    LAY_FRAMES,
    LIKENESS_WORDS,
    PRIMARY_MARKERS,
    REJECTION_VERBS,
    REVERSAL_WORDS,
    SECONDARY_MARKERS,
    STRONG,
)
from ipt_training.scoring.open_choice import OPEN_CHOICE_WORDS, leaves_choice_open
from ipt_training.scoring.time_link import onset_said
from ipt_training.scoring.walk import ENDING_WORDS, NEXT_WORDS, Step, ends_at, next_step, undecided
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses, Match
from ipt_training.text.normalize import QUESTION, QUOTE
from ipt_training.text.words import AnswerWords

_WINDOW = 6
_LABEL_WORDS = 3
_NEGATORS = frozenset({"no", "not", "nobody", "none", "never", "nothing", "neither", "nor", "without", "unlikely",
                       "ruled", "excluded"})
#: "area:grief" or "event:grief" -> the area (an enum call per mention is slow on the hot path)
_AREA_OF: dict[str, ProblemArea] = {f"{kind}:{a.value}": a for a in ProblemArea for kind in ("area", "event")}
_OWN_SUBJECTS = frozenset({"i", "we", "ipt", "psychotherapy", "let", "lets"})
_POSSESSIVES = frozenset({"his", "her", "their", "your", "my", "our", "its"})
_COPULA = frozenset({"is", "are", "was", "be", "it", "this", "that", "as", "seems", "looks", "call", "called",
                     "calling", "clearly", "probably", "likely", "its", "thats", "think", "so"})


class Reading(IntEnum):
    """How one mention of an area reads, from weakest to strongest commitment."""

    REJECTED = -1
    MENTIONED = 0
    REPORTED = 1
    HEDGED = 2
    ASSERTED = 3
    CHOSEN = 4


#: The readings as plain names: an enum member looked up on the class costs a descriptor call on the hot path.
_REJECTED, _MENTIONED, _REPORTED, _HEDGED, _ASSERTED, _CHOSEN = (
    Reading.REJECTED, Reading.MENTIONED, Reading.REPORTED, Reading.HEDGED, Reading.ASSERTED, Reading.CHOSEN)


@dataclass
class AreaReading:
    """What the text says about each area: strongest reading, first position, markers, contrasts."""

    best: dict[ProblemArea, Reading] = field(default_factory=dict)
    first: dict[ProblemArea, tuple[int, int]] = field(default_factory=dict)
    rejected: set[ProblemArea] = field(default_factory=set)
    primary_marked: set[ProblemArea] = field(default_factory=set)
    secondary_marked: set[ProblemArea] = field(default_factory=set)
    reversed_to: set[ProblemArea] = field(default_factory=set)
    #: areas the answer turns to only in paraphrase ("the work really is mourning her")
    reversed_paraphrase: set[ProblemArea] = field(default_factory=set)
    listed: set[ProblemArea] = field(default_factory=set)
    #: (reading, position) of each area's strongest mention, for ordering choices
    order: dict[ProblemArea, tuple[int, int]] = field(default_factory=dict)
    #: areas asserted or chosen in a sentence of their own, not only as a heading ("Grief:")
    free_choice: set[ProblemArea] = field(default_factory=set)
    #: the answer puts the choice off ("before deciding", "keep them all open")
    deferred: bool = False
    #: clause of the answer's last explicit refusal to choose ("I can't choose a focus yet"), -1 if none
    refused_at: int = -1
    #: areas the answer leans towards while hedging ("I lean towards grief", "probably a role transition")
    leaning: set[ProblemArea] = field(default_factory=set)
    #: (position, area) of each lean the writer states in the first person ("I lean towards grief", "I'd probably
    #: start with grief", "I'll tentatively go with the dispute"): the writer's own ranking of the candidates
    writer_leans: list[tuple[tuple[int, int], ProblemArea]] = field(default_factory=list)
    #: areas claimed as the answer's focus: chosen, or said of the case ("this is a role dispute", "he is in a
    #: transition"), not only opening a line of a differential ("Grief - nobody died", "grief needs a death")
    claimed: set[ProblemArea] = field(default_factory=set)
    #: the area the answer opens with as its title or first statement ("Role dispute, dissolution stage. ...")
    label: ProblemArea | None = None
    #: the title is asked, not stated ("Role transition? He did move, but ...")
    label_asked: bool = False
    #: areas a sentence goes on to name the focus ("the dispute with Sameer, now in dissolution, is the focus")
    focused: set[ProblemArea] = field(default_factory=set)
    #: the answer announces its areas as a list of candidates ("Possible foci: (1) role transition ...; (2) ..."):
    #: the lines of the list name possibilities, not the focus
    candidates_listed: bool = False
    #: areas named only as the other half of a weighed pair ("between a role transition and a role dispute",
    #: "either grief or a transition"): weighed with the first, though read as a mention
    paired: set[ProblemArea] = field(default_factory=set)
    #: the answer says its areas weigh the same ("two problem areas seem equally important"): none is ranked first
    unranked: bool = False

    #: (position, area) of the writer's own decisions ("I'd go with transition", "On balance I'd choose grief",
    #: "So: role transition"), the end of a differential
    decisive: list[tuple[tuple[int, int], ProblemArea]] = field(default_factory=list)
    #: clause of each area's last rejection ("neither fits as well"); a rejection read without a place is late
    rejected_at: dict[ProblemArea, int] = field(default_factory=dict)
    #: (clause, word) of the mention each area's rejection was read from, where a mention was ("not grief"), so that
    #: feedback can quote the words that deny it
    rejected_word: dict[ProblemArea, tuple[int, int]] = field(default_factory=dict)
    #: areas placed inside another area's work after the other was named ("she really is grieving ... and this grief
    #: for the healthy self is the heart of the transition work"): a part of that focus, not a turn away from it
    within_other: set[ProblemArea] = field(default_factory=set)
    #: (clause, start) of each area's last assertion or choice ("PA: grief ... the real problem is a dispute ... Work
    #: on grief for her father": grief's last is the end)
    last: dict[ProblemArea, tuple[int, int]] = field(default_factory=dict)
    #: the steps of a walk through the areas ("I started with grief. I moved to a dispute. I ended at a transition")
    steps: list[Step] = field(default_factory=list)

    def at_least(self, level: Reading) -> list[ProblemArea]:
        """Areas read at ``level`` or stronger, in the order their strongest mention appears."""
        found = [a for a, r in self.best.items() if r >= level]
        return sorted(found, key=lambda a: self.order[a])


#: Words that rank one possibility above another ("the move is probably the bigger thing", "more likely a
#: transition", "I lean towards grief"): a choice, however tentative.
_RANKING = frozenset({"probably", "likely", "likelier", "bigger", "biggest", "main", "mainly", "more", "most",
                      "mostly", "primarily", "chiefly", "rather", "lean", "leaning", "better", "best", "stronger",
                      "strongest", "favour", "favor", "prefer", "first", "primary", "central", "key"})
#: Words that put the choice itself off ("before settling on a focus", "too soon to name a focus", "remains to be
#: decided", "I haven't decided which of the two").
_PUT_OFF = frozenset({"decide", "decided", "deciding", "decision", "undecided", "settle", "settled", "settling",
                      "choose", "choosing", "chosen", "choice", "soon", "yet", "later", "further", "premature"})


def possibilities_only(reading: AreaReading, words: AnswerWords) -> bool:
    """Whether the answer names two or more areas, each only as a possibility ("Amaru might be in a role transition
    ..., or he might have interpersonal deficits"), none more firmly and none ranked above the others
    (:data:`_RANKING`), and puts the choice off in words of choosing (:data:`_PUT_OFF`: "before settling on a
    focus", "too soon to name a focus"): the choice is left open, so the answer's reasoning does not choose for it.
    Two possibilities with no such words ("Maybe a role transition, maybe a role dispute ...") are left to the
    reasoning, at low confidence, for the instructor's review queue."""
    hedged = [a for a, r in reading.best.items() if r == _HEDGED and a not in reading.rejected]
    return (len(hedged) >= 2 and not reading.at_least(_ASSERTED) and not reading.claimed and not reading.decisive
            and not words.has_any(_RANKING) and (reading.candidates_listed or words.has_any(_PUT_OFF)))


def _quote_parity(prepared: Clauses, words: AnswerWords) -> list[int] | None:
    """Whether each clause starts inside double quotes (0 or 1); None when the answer quotes nothing."""
    if QUOTE not in words.vocabulary:
        return None
    parity, starts = 0, []
    for tokens in prepared:
        starts.append(parity)
        parity ^= tokens.count(QUOTE) & 1
    return starts


def _inside_quotes(tokens: list[str], start_parity: int, index: int) -> bool:
    return bool((start_parity + tokens[:index].count(QUOTE)) & 1)


_PREFIX_CACHE: dict[frozenset[str], tuple[str, ...]] = {}


def _reverses(tokens: list[str], start: int) -> bool:
    """A word of turning before the area ("actually a dispute", "the real issue is grief"), not "real" as the
    area's own adjective ("a real role change": a genuine change, named as a candidate), nor "rather than" right
    before it ("rather than a separate dispute")."""
    before = tokens[:start]
    if start and before[-1] == "real":
        before = before[:-1]
    if "than" in before and _after_than(before):
        return False  # "part of it rather than a separate dispute": compared, not turned to
    return _has(REVERSAL_WORDS, before)


def _has(words: frozenset[str], window: list[str]) -> bool:
    """Whether a word of ``words`` (``"formulat*"`` is a prefix) is in ``window``."""
    if not words.isdisjoint(window):
        return True
    prefixes = _PREFIX_CACHE.get(words)
    if prefixes is None:
        prefixes = _PREFIX_CACHE[words] = tuple(w[:-1] for w in words if w.endswith("*"))
    return bool(prefixes) and any(map(str.startswith, window, repeat(prefixes)))  # the loop runs in C


_NAMING_VERBS = frozenset({"call", "calls", "called", "name", "names", "named", "label", "labels", "labelled",
                           "labeled", "see", "sees"})
_THIRD_PARTIES = frozenset({"he", "she", "they", "patient", "pt", "gp", "doctor", "team", "family", "mother", "father",
                            "wife", "husband", "partner", "son", "daughter", "tutor", "referral", "nurse",
                            "psychiatrist", "physician", "colleague", "colleagues", "friends", "staff", "letter",
                            "people", "others", "someone", "some", "textbook", "textbooks", "books", "authors",
                            "literature", "writers", "clinicians", "therapists"})
#: The writer as the subject of a clause.
_WRITER = frozenset({"i", "we"})
#: Modal verbs between a subject and its verb ("some people would call this grief").
_MODALS = frozenset({"would", "might", "could", "may", "will", "can", "should"})


def _reported(before: list[str], earlier: list[str] | None = None, lead: list[str] | None = None) -> bool:
    """Someone else's words: an attribution verb before the mention whose subject is not the writer.

    Naming verbs ("call", "label") report only with a third party as subject ("he calls it a bereavement");
    "we call this", "this is called" and "I'd call it" are the writer's own naming. A clause that opens with a modal
    has its subject in the clauses before (``earlier``): "some textbooks (Stuart and Robertson) would call this grief"
    reports the textbooks, "I (like my supervisor) would call this grief" is the writer's. ``lead``: the words just
    before ``before``, where the subject of a verb at its start stands ("I would | say it is a mix of ...").
    """
    start = len(lead) if lead else 0
    before = [*lead, *before] if lead else before
    for k in range(start, len(before)):
        token = before[k]
        if token in ATTRIBUTION_VERBS:
            if not _WRITER.isdisjoint(before[k + 1:]):
                continue  # "Having thought again, I would call this grief": the writer's own clause follows
            subject = before[k - 1] if k else ""
            if subject == "us" and k >= 2 and before[k - 2] == "let":
                subject = "let"  # "let us call it grief": the writer's own ("let's", written out by the cleaning)
            elif subject in _MODALS and k >= 2:
                subject = before[k - 2]  # "some people would call this grief", "others might call it a dispute"
            elif subject in _MODALS and k == 1 and earlier and token in _NAMING_VERBS:
                # the nearest subject before: the writer's own ("I (like my supervisor) would call ...") or a third
                # party's ("some textbooks (Stuart and Robertson) would call ...")
                subject = next((t for t in reversed(earlier) if t in _OWN_SUBJECTS or t in _THIRD_PARTIES), "")
            if token in _NAMING_VERBS:
                # "his pastor calls it grief": a naming verb in the third person, or after a third party
                if subject in _THIRD_PARTIES or (token.endswith("s") and subject not in _OWN_SUBJECTS):
                    return True
            elif subject not in _OWN_SUBJECTS:
                return True
    return False


def _lay_choice(before: list[str]) -> bool:
    """A plain-language area name in a plan or naming frame: "I'd like us to work on this big change", "we call
    this loneliness", "working on that loneliness" (the frame verb at most four words before, then "on",
    "with", "this" or "that"), "this is a disagreement", "what you are going through is a big change"."""
    window = before[-4:]
    for k, token in enumerate(window):
        if token in LAY_FRAMES:
            rest = window[k + 1:]
            if not rest or rest[0] in {"on", "with", "this", "that", "it", "the", "your", "his", "her"}:
                return True
        # "this is a big change", "what you describe is loneliness", "it sounds like a disagreement"
        if token in _NAMING_COPULA and k and window[k - 1] in _NAMING_SUBJECTS:
            return True
    return False


_GOING_THROUGH = frozenset({"going", "gone", "been", "went", "go"})
_CLEFT_COPULA = frozenset({"is", "be"})


def _cleft_plan(tokens: list[str], start: int) -> bool:
    """A plain-language area name said to the patient as what they live through or as the plan, in a longer frame
    than :func:`_lay_choice` reads: "you are going through a big change", "what we will work on together is this
    change" (a "what ... work on ... is" sentence, the name at most three words after "is")."""
    before = tokens[:start]
    near = before[-4:]
    if "through" in near:
        k = len(before) - len(near) + near.index("through")
        if k and before[k - 1] in _GOING_THROUGH:
            return True
    if "what" not in before or not _has(LAY_FRAMES, before):
        return False
    what = before.index("what")
    frame = next((k for k in range(what + 1, len(before)) if before[k] in LAY_FRAMES), None)
    if frame is None:
        return False
    copula = next((k for k in range(len(before) - 1, frame, -1) if before[k] in _CLEFT_COPULA), None)
    return copula is not None and len(before) - copula <= 4


#: The copula of a cleft said after its subject ("this change is what we will work on") and how far after the name.
_CLEFT_AFTER_COPULA = frozenset({"is", "are", "was", "were"})
_CLEFT_AFTER_REACH = 4
_CLEFT_FRAME_REACH = 6
#: Words that make the rest of a "... is what" cleft the episode's cause ("is what brought you down", "are what
#: started all this", "is what keeps pulling you down").
_CLEFT_CAUSE = frozenset({"brought", "caused", "triggered", "started", "set", "behind", "down", "low", "depressed"})


def _cleft_after(tokens: list[str], end: int) -> str | None:
    """An area name as the subject of a cleft that makes it the plan ("plan": "that change is what I propose we work
    on together") or the cause ("cause": "the fights with your sister are what brought you down"): a copula at most
    :data:`_CLEFT_AFTER_REACH` words after the name, then "what", then a plan frame word or a word of the cause within
    :data:`_CLEFT_FRAME_REACH` words, with no denial between; None for anything else."""
    after = tokens[end + 1:end + 1 + _CLEFT_AFTER_REACH + _CLEFT_FRAME_REACH]
    for k, token in enumerate(after[:_CLEFT_AFTER_REACH]):
        if token in _CLEFT_AFTER_COPULA and after[k + 1:k + 2] == ["what"]:
            if not _NEGATORS.isdisjoint(after[:k]):
                return None
            rest = after[k + 2:k + 2 + _CLEFT_FRAME_REACH]
            if not LAY_FRAMES.isdisjoint(rest):
                return "plan"
            return None if _CLEFT_CAUSE.isdisjoint(rest) else "cause"
    return None


#: What a plain area name said as the cause of the episode is followed by: "this loneliness is at the heart of how
#: low you feel", "the arguments with Murat are behind it", "this change explains ...".
_CAUSE_PAIRS = frozenset({("heart", "of"), ("is", "why"), ("are", "why"), ("behind", "the"), ("behind", "it"),
                          ("behind", "how"), ("behind", "your"), ("root", "of"), ("cause", "of"), ("comes", "from")})
_CAUSE_VERBS = frozenset({"explains", "explain", "drives", "causes", "caused", "triggered"})
_DEFINITE = frozenset({"this", "that", "these", "those", "your", "the"})
_CAUSE_REACH = 6


def _lay_cause(tokens: list[str], start: int, end: int) -> bool:
    """A plain area name, said definitely ("this loneliness", "the arguments with Murat"), as the cause of the
    episode: the words after it make it the cause ("is at the heart of how low you feel", "explains"), with no
    "not" between."""
    if not start or tokens[start - 1] not in _DEFINITE:
        return False
    after = tokens[end + 1:end + 1 + _CAUSE_REACH]
    if "not" in after or "nt" in after:
        return False
    return not _CAUSE_VERBS.isdisjoint(after) or any((t, n) in _CAUSE_PAIRS for t, n in pairwise(after))


#: How far before a mention a hedge reaches: "one could frame this as a dispute" (five words back).
_HEDGE_REACH = 5
_NAMING_COPULA = frozenset({"is", "was", "been", "sounds", "seems", "looks"})
_NAMING_SUBJECTS = frozenset({"this", "it", "that", "describe", "describing", "through", "facing"})


def _classify(m: Match, tokens: list[str], previous: list[str] | None, quoted: bool,
              overlaps_concept: bool, side: bool = True, hedge_after: bool = True,
              earlier: list[str] | None = None) -> Reading:
    """How one mention reads (see the module docstring); ``side``: the clause has a word of a side remark (a
    refusal, a person's verb, a comparison, a later phase), so those readings are worth checking; ``earlier``: the
    words of the two clauses before, where the subject of a clause that opens with a modal stands."""
    strong = m.weight >= STRONG
    before = tokens[max(0, m.start - _WINDOW):m.start]
    after = tokens[m.end + 1:m.end + 4]
    if m.weight <= LAY:
        # (the caller passes a plain word only inside a naming or plan frame, and never negated)
        if quoted or overlaps_concept:
            return _MENTIONED
        return _HEDGED  # a plain name commits only when no area is named outright
    if (m.negated or _inverted_denial(tokens, m.start)) and not _claimed_after(tokens, m.end):
        if strong and _qualifier_denied(tokens, m.start, m.end):
            return _MENTIONED  # "not an open dispute any more", "not only grief", "the dispute is not resolved"
        # "she never grieved", "he has not mourned", "no time for grief": mourning blocked, which is the grief
        # reading, not a rejection
        return (_REJECTED if strong and tokens[m.start] not in _MOURNING_VERBS and not _no_chance_for(tokens, m.start)
                else _MENTIONED)
    if side and strong and (_refused_after(tokens, m.end, _AREA_OF[m.concept])
                            or not _REJECT_BEFORE.isdisjoint(before[-4:])
                            or _denied_belief(tokens[max(0, m.start - _BELIEF_REACH):m.start])):
        return _REJECTED  # "Deficits also no", "dispute - not really", "I reject the dispute", "I don't think it is"
    if quoted or _reported(before, earlier, tokens[max(0, m.start - _WINDOW - 2):max(0, m.start - _WINDOW)]):
        return _REPORTED
    if side:
        if after[:1] and after[0] in _AGENT_VERBS:
            return _MENTIONED  # a person's initial read as an area ("G wants her to ..."), not a choice
        if not _CRITERION_VERBS.isdisjoint(after[:2]):
            return _MENTIONED  # what the area would need: "deficits would need lifelong isolation"
        if (_after_than(before) or not LIKENESS_WORDS.isdisjoint(before[-4:]) or _later_phase(tokens, before)
                or _simile(before) or _follows_from(tokens, m.end)):
            # "more likely than a transition", "the later phase will look like a transition", "it's like a
            # bereavement", "the dispute with Nikos follows from the death"
            return _MENTIONED
    if strong and "as" in before and _compared(before):
        return _MENTIONED  # "mourn it, much as in a transition": a comparison, as "like a bereavement" is
    if side and _thought_of(before):
        return _MENTIONED  # "I did think of a transition, but ...", "it is tempting to call this a dispute": weighed
    if strong and (_earlier_view(tokens[max(0, m.start - _VIEW_REACH):m.start], after)
                   or _given_up(tokens, m.start, previous)):
        return _MENTIONED  # "I was going to call this deficits", "grief was my first guess": a view left behind
    if _first_look(tokens, before, m.start):
        return _HEDGED  # "At first this looks like grief, but ...": how the case appears, weighed, not a choice
    if strong and not overlaps_concept and _settles_on(tokens, m):
        return _ASSERTED  # "my best guess is grief", "let's say grief for now": a decision kept in doubt
    if _has(HEDGE_BEFORE, before[-_HEDGE_REACH:]) or _weighed_before(before) or (hedge_after and (
            _hedged_after(after) or _may_after(after) or (side and _candidate_after(tokens, m.end))
            or tokens[-2:] in _SEEMING_ENDS or _possible_after(tokens, m.end))):
        return _HEDGED  # (also "This is a role dispute with Marat, or so it seems", "... at first sight")
    opens_clause = m.start <= 1 or all(t in {"a", "an", "the", "so", "then", "and", "thus"} for t in before)
    # "The focus is: grief" marks the next clause; "several areas could fit: grief, ..." does not.
    # The marker is a label of its own ("PA:", "Primary focus:"), not the end of a sentence ("I checked each area").
    marker_before = (previous is not None and opens_clause and len(previous) <= _LABEL_WORDS
                     and _has(CHOICE_MARKERS, previous) and not _has(HEDGE_BEFORE, previous)
                     and _DOUBT.isdisjoint(previous))  # not "Hard to decide."
    if "i" in before[-4:] and not _SETTLE.isdisjoint(before[-4:]):
        return _CHOSEN if not overlaps_concept else _MENTIONED  # "I'll settle on a dispute"
    if after[:1] == ["as"] and after[1:2] and after[1] in _BACKGROUND:
        return _MENTIONED  # "with the transition as background": context for the focus, not a focus
    if (after[:1] in _KIND_OF_FOCUS and before[-1:] in _INDEFINITE and strong and not marker_before
            and not _has(CHOICE_MARKERS, before)):
        # "a deficits focus fits the history; a transition focus would be more hopeful": a kind of focus weighed
        # (the indefinite article), not the focus chosen ("the focus is deficits", "I'd choose a grief focus")
        return _HEDGED
    if strong and not overlaps_concept and "what" in tokens[m.end + 2:m.end + 2 + _CLEFT_AFTER_REACH]:
        cleft = _cleft_after(tokens, m.end)  # "this transition is what we will work on", "... what brought it on"
        if cleft is not None:
            return _CHOSEN if cleft == "plan" else _ASSERTED
    if (_has(CHOICE_MARKERS, before) and not _added_to_focus(before)) or _has(CHOICE_MARKERS, after[:2]) or (
            marker_before):
        return _CHOSEN if not overlaps_concept else _MENTIONED
    if not strong or overlaps_concept:
        return _MENTIONED
    if before and before[-1] in _POSSESSIVES:
        return _MENTIONED
    if opens_clause or _has(_COPULA, before[-5:]) or _had(before) or (
            not _FOCUS_NOUNS.isdisjoint(tokens) and _focus_after(tokens, m.end)):
        # ("... and at the same time a role transition, which I think is the main problem": named as the focus)
        return _ASSERTED
    if _decides(before, previous):
        return _ASSERTED  # "On balance, interpersonal deficits": the conclusion that opens the sentence names it
    return _MENTIONED


#: The area said as what the patient has, as a diagnosis is ("she has a role transition", in non-native English
#: "Valentina have role transition"): the verb right before the name, or before its article.
_HAVING = frozenset({"has", "have", "suffers", "suffer", "suffering", "from"})
#: Words that add what follows to what was said ("she also has ..."): one more thing, not the focus.
_BESIDES = frozenset({"also", "too", "additionally", "further"})


def _had(before: list[str]) -> bool:
    """The words before an area's name say the patient has it ("has a", "have", "suffers from a"), not the writer ("I
    have grief and a transition on my list"), nor as one more thing beside the focus ("she also has a dispute with her
    son, which is not the focus")."""
    at = len(before) - 1 if before and before[-1] in _HAVING else (
        len(before) - 2 if len(before) > 1 and before[-1] in {"a", "an"} and before[-2] in _HAVING else -1)
    if at >= 0 and before[at] == "from":  # "suffers from": the verb before it
        at = at - 1 if at and before[at - 1] in _HAVING else -1
    return at >= 0 and (at == 0 or (before[at - 1] not in _WRITER and before[at - 1] not in _BESIDES))



#: Verbs that open a question asked for yes or no ("Is this grief?", "Could it be a transition?").
_ASKING_VERBS = frozenset({"is", "are", "was", "could", "might", "may", "would", "should", "can", "does", "do",
                           "isnt", "shall", "will"})


def _polar_question(tokens: list[str]) -> bool:
    """A question asked for yes or no: its verb opens it ("Is this a role transition, or ...?"), not a question
    that takes the area as given ("Why is this a transition?")."""
    return tokens[0] in _ASKING_VERBS


_INVERTING = frozenset({"nor", "neither"})


def _inverted_denial(tokens: list[str], start: int) -> bool:
    """A clause that opens with "nor" or "neither" and inverts its verb ("Nor is this mainly a dispute", "neither
    is it really grief"): the negation stands further from the area than the matcher looks, with only a copula, a
    pronoun and words of degree or rank between."""
    return (start > 0 and tokens[0] in _INVERTING
            and all(t in _DENIAL_FILLERS or t in _PERSONS for t in tokens[1:start]))


#: Words that make what a case looks like its first appearance ("at first", "initially", "on the surface").
_FIRST_LOOK = frozenset({"first", "initially", "surface", "superficially"})


def _first_look(tokens: list[str], before: list[str], start: int) -> bool:
    """How the case looks at first: a verb of appearance just before the area ("looks like", "seems", "appears") in a
    clause that says it is the first look ("At first this looks like grief", "it looks like a dispute at first",
    "initially it seems a transition"). The writer weighs the appearance, and the choice that follows ("but I think
    the focus is ...") is the answer's one reading, not a second one. So is a thought the writer had at first ("At
    first I thought the main problem was grief", "I first wondered if wanting a baby is a life change")."""
    if _FIRST_LOOK.isdisjoint(tokens):
        return False
    if _APPEARING.isdisjoint(before[-4:]) and _EARLIER_THOUGHT.isdisjoint(tokens[:start]):
        return False
    if "first" in tokens:  # "at first", not "first he lost his job, and it looks like a transition"
        return any((t == "at" and n == "first") or (t == "first" and n in _EARLIER_THOUGHT)
                   for t, n in pairwise(tokens))
    return True


#: Nouns of a view the writer held before the one they settle on ("my working hypothesis was deficits", "grief was my
#: first guess"), after a word of earliness.
_VIEW_NOUNS = frozenset({"thought", "thoughts", "impression", "hypothesis", "guess", "instinct", "idea", "reading",
                         "formulation", "view", "hunch", "reaction", "assumption", "take", "sense", "choice", "answer"})
_EARLY_WORDS = frozenset({"first", "initial", "original", "working", "early", "earlier", "starting", "opening",
                          "previous", "provisional"})
#: Verbs of a belief, held before and given up in the pluperfect ("I had assumed this was grief").
_HELD_VERBS = frozenset({"thought", "assumed", "believed", "considered", "supposed", "expected", "taken", "seen",
                         "called", "put", "read", "formulated", "labelled", "labeled"})
_STARTING = frozenset({"started", "began", "start", "begin", "starting"})


def _earlier_view(before: list[str], after: list[str]) -> bool:
    """The area is named as a view the writer held before and is moving away from: a past intention ("I was going
    to call this deficits", "I would have said grief"), a belief in the pluperfect ("I had assumed this was grief"),
    a first or working view ("my working hypothesis was deficits", "deficits was my first guess") or where the
    reasoning started ("I started with grief", "grief was where I started")."""
    window = before[-_VIEW_REACH:]
    for k, t in enumerate(window):
        nxt = window[k + 1:k + 3]
        if k and window[k - 1] in _WRITERS and (
                (t in {"was", "were"} and nxt == ["going", "to"]) or (t == "would" and nxt[:1] == ["have"])
                or (t == "had" and not _HELD_VERBS.isdisjoint(nxt))):
            return True  # the writer's own earlier view ("she was going to retire, a transition" is the case's)
        if t in _EARLY_WORDS and not _VIEW_NOUNS.isdisjoint(nxt):
            return True
        if t in _STARTING and k and window[k - 1] in _FIRST_PERSON | {"reasoning", "thinking"}:
            return True
    if after[:1] in (["was"], ["is"]):
        rest = after[1:]
        return not _EARLY_WORDS.isdisjoint(rest) or (rest[:1] == ["where"] and rest[1:2] in (["i"], ["we"]))
    return False


_VIEW_REACH = 7
_WRITERS = frozenset({"i", "we"})
#: Words of a view held at first ("at first", "initially", "I first wrote", "my first guess").
_AT_FIRST = frozenset({"first", "initially", "originally"})
#: Words after which the clause has moved on from its earlier view ("at first grief, but now a dispute").
#: Past verbs of the writer's thinking or writing ("I first wrote", "at first I read this as", "I initially took").
_PAST_VIEW = frozenset({"thought", "read", "wrote", "written", "assumed", "believed", "considered", "supposed",
                        "took", "saw", "called", "put", "had", "guessed", "figured", "reckoned", "leaned", "went",
                        "wondered", "suspected", "felt", "labelled", "labeled", "framed", "formulated", "chose",
                        "picked", "started", "began"})
#: Words one of which every earlier view has ("at first", "initial", "started").
_EARLY_MARKS = _AT_FIRST | _STARTING | _EARLY_WORDS
_MOVED_ON = frozenset({"but", "now", "then", "so", "however", "actually", "instead", "later", "until", "changed",
                       "change", "switched", "switch", "still"})


def _given_up(tokens: list[str], start: int, previous: list[str] | None) -> bool:
    """The area is named in the writer's earlier view, a view given up: a clause that opens on where the writer
    started ("At first I read this as a dispute", "I first wrote impasse", "Initially I thought grief", "Started by
    asking whether it is grief"), or after a short label of that view ("First thought: transition"). The scan stops
    at a word that moves on ("at first grief, but now a dispute"; "I'm still with grief" keeps it)."""
    before = tokens[:start]
    if _EARLY_MARKS.isdisjoint(before) and (previous is None or _EARLY_MARKS.isdisjoint(previous)):
        return False
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _MOVED_ON:
            before = before[k + 1:]
            break
    if before[:1] and before[0] in _STARTING:  # "Started by asking whether ...", "Started with grief"
        return True
    pairs = list(pairwise(before))
    if ("my", "first") in pairs or ("first", "thought") in pairs:
        return True
    # the writer's past view: "I" and a past verb of thinking or writing ("At first I think this is grief" is a
    # belief held now, a second commitment)
    held = not _FIRST_PERSON.isdisjoint(before) and not _PAST_VIEW.isdisjoint(before)
    if ("at", "first") in pairs or any(a in _FIRST_PERSON and b in _AT_FIRST for a, b in pairs):
        return held  # "At first I read this as a dispute", "I first wrote impasse", "I initially thought"
    if before[:1] and before[0] in {"initially", "originally"}:
        return held
    # "First thought: transition", "Initial impression - grief": a label of the earlier view opens the clause
    return (len(before) <= 1 and previous is not None and 0 < len(previous) <= 3
            and any(a in _EARLY_WORDS | {"initially"} for a in previous)
            and (not _VIEW_NOUNS.isdisjoint(previous) or not _EARLIER_THOUGHT.isdisjoint(previous)))


#: Verbs of a belief held before ("At first I thought ...", "I initially assumed ...").
_EARLIER_THOUGHT = frozenset({"thought", "wondered", "believed", "assumed", "supposed", "suspected", "felt"})


_APPEARING = frozenset({"looks", "look", "looked", "seems", "seem", "seemed", "appears", "appear", "appeared",
                        "sounds", "sound", "sounded"})


#: Negations that can deny a word between them and the area rather than the area ("not an open dispute").
_QUALIFIED_NEGATORS = frozenset({"not", "never", "isnt"})  # ("no sign of grief" denies it: "no" is left alone)
#: Words between a negation and an area that leave the area itself denied: articles, prepositions and copulas
#: ("not in a dispute", "not a case of grief"), words of degree or truth ("not really a dispute", "not a real
#: grief"), of rank ("not primarily a transition"), classing nouns and the verbs that judge or name a focus ("we do not
#: call it grief", "does not look like a dispute", "I would not choose a transition").
_DENIAL_FILLERS = frozenset({
    "a", "an", "the", "any", "this", "that", "it", "its", "is", "was", "be", "been", "being", "in", "of", "about",
    "as", "at", "for", "to", "by", "from", "one", "because", "since", "after", "really", "truly", "actually",
    "genuinely", "even", "quite", "psychotherapy",
    "exactly", "so", "much", "very", "necessarily", "all", "clearly", "obviously", "entirely", "real", "true",
    "genuine", "proper", "actual", "clear", "primarily", "mainly", "mostly", "chiefly", "principally", "main",
    "primary", "central", "core", "key", "principal", "major", "case", "kind", "type", "form", "sort", "matter",
    "question", "instance", "example", "picture", "issue", "problem", "focus", "area", "role", "interpersonal",
    "ipt", "due", "caused", "driven", "related", "linked", "call", "called", "see", "consider", "fit", "fits",
    "suggest", "suggests", "mean", "means", "look", "looks", "like", "seem", "seems", "think", "believe", "say",
    "choose", "pick", "treat", "label", "name", "want", "need", "use", "go", "with", "frame", "formulate", "have",
    "has", "had", "do", "does", "did", "would", "will", "could", "should", "can", "describe", "regard", "view"})
#: Pronouns of a person: "she is not deficient in anything" says something of her, not of the area as a focus.
_PERSONS = frozenset({"she", "he", "they", "i", "you", "we"})
#: What a negated predicate of the area says when it denies the area as the focus ("grief is not the focus", "a
#: dispute is not supported", "is not going to be our focus"), not its course ("the dispute is not resolved").
_FOCUS_PREDICATES = frozenset({
    "focus", "area", "problem", "issue", "main", "primary", "answer", "target", "right", "correct", "relevant",
    "present", "there", "fitting", "applying", "indicated", "supported", "justified", "warranted", "suggested",
    "needed", "required", "involved", "considered", "chosen", "confirmed", "ruled", "excluded", "rejected",
    "convincing", "appropriate", "likely", "case", "priority", "central", "key", "what", "why", "it"})
#: A course of a dispute or loss said after a negation: the thing goes on, which affirms it.
_COURSE_WORDS = frozenset({"over", "done", "gone", "away"})
_ENDINGS = ("ing", "ed")


def _qualifier_denied(tokens: list[str], start: int, end: int) -> bool:
    """The negation of a mention denies something said of the area, not the area as the case's focus: a qualifier
    between the negation and the area ("not an open dispute any more", "not only grief", "not ordinary grief" - a
    word that is not an article, a word of degree, truth or rank, or a verb of judging; up to two words between), the
    area's course after it ("the dispute is not going to be resolved by saving the partnership", "grief is not
    resolved", "the dispute is not over"), or a trait of a person ("she is not deficient in anything")."""
    for k in range(start - 1, max(-1, start - 4), -1):
        if tokens[k] not in _QUALIFIED_NEGATORS:
            continue
        between = tokens[k + 1:start]
        if not between:
            # "she is not deficient in anything": the area word said of a person, with no article
            return k >= 2 and tokens[k - 2] in _PERSONS and tokens[k - 1] in {"is", "are", "was", "am", "were"}
        others = [t for t in between if t not in _DENIAL_FILLERS and t not in _QUALIFIED_NEGATORS]
        return len(between) <= 2 and len(others) == 1
    after = tokens[end + 1:]
    if len(after) < 3 or after[1] != "not" or after[0] not in {"is", "was", "are", "were", "will", "has", "had"}:
        return False
    predicate = after[2:]
    if not _FOCUS_PREDICATES.isdisjoint(predicate[:5]):
        return False  # "grief is not the focus", "the dispute is not going to be our focus"
    word = predicate[0]
    return word in _COURSE_WORDS or (word.endswith(_ENDINGS) and len(word) > 4)


_WITH = frozenset({"with", "alongside", "plus"})
_KIND_OF_FOCUS = (["focus"], ["area"])
_INDEFINITE = (["a"], ["an"])
#: Endings of a clause that make what it says an appearance: "..., or so it seems", "... at first sight".
_SEEMING_ENDS = (["it", "seems"], ["it", "appears"], ["first", "sight"], ["first", "glance"])
_BACKGROUND = frozenset({"background", "context", "backdrop"})
_GOING = frozenset({"go", "going", "went", "stay", "stick", "sticking"})
_FRAME_OPENERS = frozenset({"the", "my", "our"})
_FRAME_NOUNS = frozenset({"focus", "main", "primary", "problem", "area"})
_ASIDE_WORDS = 3


def _framed_next(prepared: Clauses, clause: int) -> bool:
    """The clause after an area (or after a short aside in brackets) opens with "as the focus" ("I'll take role
    dispute (renegotiation) as the focus"): the sentence the brackets cut continues, and names the area the focus."""
    for c in (clause + 1, clause + 2):
        if c >= len(prepared):
            return False
        tokens = prepared[c]
        if tokens[:1] == ["as"] and tokens[1:2] and tokens[1] in _FRAME_OPENERS and tokens[2:3] and (
                tokens[2] in _FRAME_NOUNS):
            return True
        if len(tokens) > _ASIDE_WORDS:
            return False
    return False


def _added_to_focus(before: list[str]) -> bool:
    """The area comes after "with" that follows the choice marker ("... as the focus, with the transition as
    background"): it is added to a focus named before it, not chosen by the marker."""
    if _WITH.isdisjoint(before):
        return False
    k = max(i for i, t in enumerate(before) if t in _WITH)
    return not _FOCUS_NOUNS.isdisjoint(before[:k]) and not _has(CHOICE_MARKERS, before[k + 1:]) and (
        before[k - 1] not in _GOING)  # not "I'd go with the dispute", "the main issue, going with grief"


#: Nouns that make the area named before them a possibility: "grief is the obvious candidate", "a dispute is one
#: option".
_CANDIDATE_NOUNS = frozenset({"candidate", "candidates", "option", "options", "possibility", "contender"})
_CANDIDATE_FILLERS = frozenset({"is", "was", "be", "the", "a", "an", "one", "obvious", "first", "likely", "natural",
                                "strongest", "main", "clear", "other", "another", "tempting"})
_CANDIDATE_REACH = 5


#: Words after a hedge that open a phrase of their own: the hedge is said of that phrase ("I'd go with role
#: transition, maybe with the Lukas conflict as a sub-theme"), not of the area before it.
_PHRASE_OPENERS = frozenset({"with", "alongside", "plus", "including"})


def _hedged_after(after: list[str]) -> bool:
    """A word of possibility right after the area ("grief comes to mind", "deficits unlikely"), not one that opens a
    phrase of its own ("role transition, maybe with the conflict as a sub-theme")."""
    return any(t in HEDGE_AFTER and after[k + 1:k + 2] not in ([w] for w in _PHRASE_OPENERS)
               for k, t in enumerate(after)) if not HEDGE_AFTER.isdisjoint(after) else False


_COPULAS_OF_POSSIBILITY = frozenset({"is", "seems", "remains", "looks"})
_POSSIBLE_PREDICATES = frozenset({"possible", "plausible", "conceivable", "arguable", "unlikely"})
_POSSIBLE_FILLERS = frozenset({"also", "too", "quite", "just", "equally", "certainly", "still", "perhaps"})
_POSSIBLE_REACH = 7


def _possible_after(tokens: list[str], end: int) -> bool:
    """The clause goes on to call the area possible ("grief for the brother is possible", "a transition is also
    arguable"): its predicate weighs it, beyond the few words read right after it."""
    after = tokens[end + 1:end + 1 + _POSSIBLE_REACH]
    if _POSSIBLE_PREDICATES.isdisjoint(after):
        return False
    for k, t in enumerate(after):
        if t in _COPULAS_OF_POSSIBILITY:
            rest = [w for w in after[k + 1:] if w not in _POSSIBLE_FILLERS]
            return rest[:1] != [] and rest[0] in _POSSIBLE_PREDICATES
    return False


def _candidate_after(tokens: list[str], end: int) -> bool:
    """The area is called a candidate after a copula and a few qualifiers ("grief is the obvious candidate", "a
    dispute with Clara is one option")."""
    after = tokens[end + 1:end + 1 + _CANDIDATE_REACH + 2]
    if _CANDIDATE_NOUNS.isdisjoint(after):
        return False
    if after[:1] == ["with"]:
        after = after[2:]  # "a dispute with Clara is the obvious candidate"
    k = next(i for i, t in enumerate(after) if t in _CANDIDATE_NOUNS)
    return all(t in _CANDIDATE_FILLERS for t in after[:k])


#: "I did think of a transition", "I wondered about grief", "we thought about a dispute": an area weighed.
_THINKING = frozenset({"think", "thought", "thinking", "wondered", "wondering", "weighed", "weighing"})
_THOUGHT_REACH = 4
_TEMPTED = frozenset({"tempting", "tempted"})
_WEIGHING = _THINKING | _TEMPTED


def _thought_of(before: list[str]) -> bool:
    """The writer says they thought of the area, or were tempted by it, which weighs it ("I did think of a role
    transition, but ...", "I wondered about grief", "it is tempting to call this a dispute"), unlike "I think this
    is grief", which asserts it."""
    if _WEIGHING.isdisjoint(before):
        return False
    if not _TEMPTED.isdisjoint(before):
        return True  # ("I'm tempted to see this as a transition": six words back)
    window = before[-_THOUGHT_REACH:]
    return not _THINKING.isdisjoint(window) and any(
        t in _THINKING and (_thought_of_object(window[k + 1:])
                            # "I thought this was grief": a belief held before, in the past tense on both verbs
                            or (t == "thought" and not _PAST_COPULAS.isdisjoint(window[k + 1:])))
        for k, t in enumerate(window))


_PAST_COPULAS = frozenset({"was", "were"})
#: Adverbs of when a thought came, between the verb and its object ("made me think first of deficits", "I thought
#: at first about grief", "I thought initially of a transition").
_THOUGHT_WHEN = frozenset({"first", "initially", "immediately", "briefly", "straight", "automatically", "at",
                           "originally", "also"})


def _thought_of_object(after: list[str]) -> bool:
    """The words after a verb of thinking open its object ("of", "about"), after adverbs of when it came."""
    k = 0
    while k < len(after) and after[k] in _THOUGHT_WHEN:
        k += 1
    return after[k:k + 1] in (["of"], ["about"])


_THAN_FILLERS = frozenset({"as", "a", "an", "the", "separate", "full", "true", "real", "proper", "second", "another"})


def _after_than(before: list[str]) -> bool:
    """The area is what the writer compares with ("more likely than a transition", "treated as part of it rather
    than as a separate dispute"): "than" just before it, or only articles and a qualifier between."""
    if "than" not in before[-4:]:
        return False
    k = len(before) - 1 - before[::-1].index("than")
    return all(t in _THAN_FILLERS for t in before[k + 1:])


#: Verbs of mourning: negated, they describe mourning not done, not an area ruled out.
_MOURNING_VERBS = feature(frozenset({"grieved", "mourned", "grieve", "mourn"}))
#: What a negation can deny the patient before an area's word: the time or the chance for it ("no time for grief",
#: "never had the chance to grieve", "no room for his own grief").
_CHANCES = frozenset({"time", "chance", "opportunity", "room", "space", "occasion", "moment"})
#: Words between the negation and the chance ("did not have the time", "never got a chance", "no real space").
_CHANCE_BEFORE = frozenset({"have", "had", "has", "get", "got", "given", "find", "found", "take", "took", "the", "a",
                            "any", "much", "enough", "real", "proper"})
_CHANCE_AFTER = _POSSESSIVES | {"own", "the", "a", "any"}


def _no_chance_for(tokens: list[str], start: int) -> bool:
    """The negation before the area's word denies the chance for it, not the area: "no time for grief", "he never
    had the chance to grieve", "there was no room for her own grief" - what the patient was denied, which is the
    blocked mourning of a grief reading (reference 3.1), not the writer rejecting the area."""
    for k in range(start - 1, max(-1, start - 8), -1):
        if tokens[k] not in _CHANCES:
            continue
        between = tokens[k + 1:start]
        if not between or between[0] not in {"for", "to"} or not _CHANCE_AFTER.issuperset(between[1:]):
            return False
        for j in range(k - 1, max(-1, k - 4), -1):
            if tokens[j] in {"no", "not", "never", "without", "nt"}:
                return True
            if tokens[j] not in _CHANCE_BEFORE:
                return False
        return False
    return False


def _may_after(after: list[str]) -> bool:
    """ "may" right after an area, or after "also": a possibility ("grief may also play a part"), not the month
    ("the move in May 2024")."""
    return "may" in after[:2] and (after[0] == "may" or after[0] in _AFTER_FILLERS) and not any(
        t[:1].isdigit() for t in after)


def _weighed_before(before: list[str]) -> bool:
    """ "either" just before the area ("it's either a role transition or ..."), or "may" with its verb ("there may
    also be a dispute"): a possibility."""
    return "either" in before[-3:] or _may_before(before[-_HEDGE_REACH:])


_MAY_GOES_ON = frozenset({"be", "also", "well", "have", "involve", "play"})


def _may_before(before: list[str]) -> bool:
    """The modal "may" before an area, with its verb or "also" after it: a possibility ("there may also be a dispute
    with Priya", "this may be grief"), not the month ("the move in May, a transition")."""
    return "may" in before and any(t == "may" and before[k + 1:k + 2] and before[k + 1] in _MAY_GOES_ON
                                   for k, t in enumerate(before))


#: Words right after an area that refuse it ("Deficits also no", "Dispute: not really", "grief - not the focus").
_REFUSED_NEXT = frozenset({"no", "nope", "x"})  # ("Grief x": a note's cross against the area)
_NOT_NEXT = frozenset({"really", "here", "relevant", "likely", "applicable", "indicated", "primary", "main", "so",
                       "convincing", "supported", "fitting", "central",
                       # a note drops the article: "grieved, not focus", "dispute - not main issue"
                       "focus", "issue", "problem", "key", "core", "driver"})
#: "not the focus", "not my choice" (but "a death is grief, not a transition" rejects the transition)
_NOT_THE = frozenset({"the", "a", "an", "my", "our"})
_NOT_THE_NEXT = frozenset({"focus", "main", "primary", "issue", "problem", "answer", "one", "case", "right", "best",
                           "key", "choice", "driver", "core", "central"})
_AFTER_FILLERS = frozenset({"also", "either", "too", "again", "then", "here", "as", "well", "probably", "clearly"})
#: Verbs before an area that reject it ("I reject the dispute", "argue against a dispute").
_REJECT_BEFORE = frozenset({"reject", "rejected", "rejecting", "rejects", "against", "discard", "discarded",
                            "dismiss", "dismissed"})
#: Verbs of a person: an area name right before one is a person's initial ("G wants her in a salaried job").
_AGENT_VERBS = frozenset({"wants", "wanted", "says", "said", "feels", "felt", "thinks", "thought", "told", "tells",
                          "asked", "asks", "lives", "lived", "went", "goes", "works", "worked", "left", "moved",
                          "cried", "refuses", "refused", "agreed", "agrees", "believes"})
#: Words after an area that state what it requires, in a differential ("grief would need a death", "deficits needs
#: lifelong isolation", "a dispute requires two parties").
_CRITERION_VERBS = frozenset({"would", "needs", "need", "requires", "require", "implies", "presupposes"})
#: A later phase or a resemblance in the future: "a transition will follow", "will look like a transition later".
_FUTURE_MODALS = frozenset({"will", "may", "might", "could"})
_LATER_WORDS = frozenset({"later", "eventually", "afterwards", "afterward", "follow", "follows", "future",
                          "subsequently"})
_RESEMBLE = frozenset({"look", "looks", "resemble", "resembles", "become", "becomes", "turn", "turns", "into"})


#: "X is the remaining area", "X is the only focus left": the clause claims X whatever negated list came before it
#: ("with no dispute and no change, deficits is the remaining area").
_CLAIM_NOUNS = frozenset({"remaining", "only", "focus", "answer", "choice", "best", "likeliest", "area", "main",
                          "primary"})


def _claimed_after(tokens: list[str], end: int) -> bool:
    """The words right after the area claim it: "is the remaining area", "remains the focus"."""
    after = tokens[end + 1:end + 4]
    return (len(after) == 3 and after[0] in {"is", "remains"} and after[1] in {"the", "my", "our"}
            and after[2] in _CLAIM_NOUNS)


def _refused_after(tokens: list[str], end: int, area: ProblemArea | None = None) -> bool:
    """The words right after an area refuse it: "Deficits also no", "transition: not really", "a dispute also does
    not fit", "grief, no death" (but "social isolation, no trigger" lists a fact of the deficits case: a "no" that
    determines a noun refuses the area only when the noun is what the area needs, or the evidence for it)."""
    k = end + 1
    while k < len(tokens) and tokens[k] in _AFTER_FILLERS:
        k += 1
    if k >= len(tokens):
        return False
    if tokens[k] in _REFUSED_NEXT:
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        return (following is None or following in _NO_GOES_ON or area is None
                or following in _AREA_NEEDS.get(area, frozenset()))
    if tokens[k] in _DOES and k + 1 < len(tokens) and tokens[k + 1] == "not":
        return k + 2 < len(tokens) and tokens[k + 2] in _FIT_VERBS
    if tokens[k] != "not":
        return False
    rest = tokens[k + 1:k + 3]
    return not rest or rest[0] in _NOT_NEXT or (rest[0] in _NOT_THE and len(rest) > 1 and rest[1] in _NOT_THE_NEXT)


#: What may follow a "no" that answers the area ("Deficits no, he had friends", "Grief no evidence"), not one that
#: determines a fact ("no trigger", "no change in years").
_NO_GOES_ON = frozenset({"he", "she", "they", "it", "i", "we", "this", "that", "there", "because", "since", "as",
                         "given", "and", "but", "so", "not", "really", "clear", "way", "evidence", "sign", "signs",
                         "support", "basis", "indication", "indications", "reason", "grounds", "case", "fit", "match",
                         "longer", "need"})
#: What each area needs, said after "no" to refuse it ("grief, no death", "dispute, no conflict").
_AREA_NEEDS: dict[ProblemArea, frozenset[str]] = {
    ProblemArea.GRIEF: frozenset({"death", "deaths", "died", "bereavement", "loss", "losses", "dead", "one"}),
    ProblemArea.ROLE_DISPUTE: frozenset({"dispute", "disputes", "conflict", "conflicts", "row", "rows", "argument",
                                         "arguments", "disagreement", "disagreements", "tension", "friction",
                                         "fight", "fights", "quarrel", "quarrels", "open", "active", "current"}),
    ProblemArea.ROLE_TRANSITION: frozenset({"change", "changes", "transition", "move", "event", "events", "new",
                                            "recent", "life"}),
    ProblemArea.INTERPERSONAL_DEFICITS: frozenset({"isolation", "deficit", "deficits", "lifelong", "history",
                                                   "pattern", "long-standing", "longstanding", "lack", "problems"}),
}
_DOES = frozenset({"does", "do", "did", "would", "will", "can", "could"})
#: "a dispute does not fit", "grief would not apply", "deficits does not explain the onset"
_FIT_VERBS = frozenset({"fit", "apply", "explain", "hold", "match", "suit"})
#: "I don't think it is a dispute", "I would not call this grief", "we do not see a transition here"
#: (and verbs of naming the focus: "we will not treat this as a dispute", "I would not frame it as grief")
_BELIEF_VERBS = frozenset({"think", "believe", "call", "see", "consider", "regard", "feel", "treat", "frame", "view",
                           "label", "count", "class", "classify", "formulate"})
#: "I don't see anything but grief", "not think it is other than a transition": the denial turns into a claim.
_EXCEPT_WORDS = frozenset({"but", "than", "other", "except", "only", "just"})


_BELIEF_REACH = 10


#: Words that start a conclusion ("he doesn't see anyone, so deficits"): a denial before one denies the premise,
#: not the area concluded; "not so much a dispute" keeps its denial.
_CONCLUDING = frozenset({"so", "therefore", "hence", "thus"})
_SO_DEGREE = frozenset({"much", "many", "far", "very", "sure", "simply"})


def _denied_belief(before: list[str]) -> bool:
    """A denied belief just before the area: "I don't think it is a dispute", "I wouldn't call it grief" (not one
    whose sentence has gone on to a conclusion: "he doesn't see anyone, so interpersonal deficits")."""
    for k in range(len(before) - 1):
        if before[k] in _REFUSING and before[k + 1] in _BELIEF_VERBS:
            rest = before[k + 2:]
            return _EXCEPT_WORDS.isdisjoint(rest) and not _concluded(rest)
    return False


def _concluded(words: list[str]) -> bool:
    """Whether ``words`` go on to a conclusion ("..., so", "therefore"), not "so much"."""
    return any(w in _CONCLUDING and (i + 1 == len(words) or words[i + 1] not in _SO_DEGREE)
               for i, w in enumerate(words))


#: How many clauses an answer's title must stand before another area is named: "Role dispute, dissolution stage.
#: Nikhil and Sameer ... Grief: ..." is a title; "grief (mother), transition (empty nest), ..." is a list.
_TITLE_GAP = 3


def _title(first_claim: tuple[int, ProblemArea], prepared: Clauses,
           mentions: list[tuple[int, ProblemArea, Reading]], reading: AreaReading) -> ProblemArea | None:
    """The area the answer opens with as its focus, before it names any other: its first clause, or the clause
    after a short label ("Formulation: role transition"), not after "Several areas could apply" or "Possible
    areas:"; the next area named at least a few clauses later (not a list)."""
    clause, area = first_claim
    if clause > 1 or area not in reading.best or reading.best[area] < _ASSERTED:
        return None
    if clause == 1:
        opener = prepared[0]
        if (len(opener) > _LABEL_WORDS or not _has(CHOICE_MARKERS, opener) or _has(HEDGE_BEFORE, opener)
                or "areas" in opener):
            return None
    elif clause != 0:
        return None
    for c, a, kind in mentions:  # in text order
        if c >= clause + _TITLE_GAP:
            break
        if a != area and (kind is not _MENTIONED or c == clause) and not (
                kind is _HEDGED and len(prepared[c]) >= _REASONED_HEDGE) and not (
                prepared[c][-1:] == [QUESTION] and c + 1 < len(prepared) and _answered_no(prepared[c + 1])):
            return None  # (a possibility weighed in a sentence, "One could argue for a dispute, given ...", or an
            # area asked and answered no, "Is this a transition? No: ...", is not a second item of a list)
    return area


#: How long a clause that weighs a possibility is, unlike a list item ("could be transition").
_REASONED_HEDGE = 7

_CASE_SUBJECTS = frozenset({"this", "it", "its", "thats", "he", "she", "they", "case", "picture", "presentation",
                            "problem", "patient", "pt", "episode", "depression", "we", "i"})
_CLAIM_VERBS = frozenset({"is", "was", "are", "seems", "looks", "its", "thats", "be", "been", "call", "called", "in",
                          "remains", "represents", "sounds"})


def _case_claim(before: list[str]) -> bool:
    """An area said of the case or the patient ("this is a role dispute", "he is in a transition", "I'd call it
    grief"), not of one event or as one line of a differential ("the move was a transition", "Grief: no death")."""
    near = before[-5:]
    return not _CASE_SUBJECTS.isdisjoint(near) and not _CLAIM_VERBS.isdisjoint(near)


#: A short opening that doubts rather than labels: "Hard to decide.", "Difficult to choose.", "Not sure."
_DOUBT = frozenset({"hard", "difficult", "tricky", "unsure", "not", "cannot", "undecided", "tough"})

#: Words that make a choice a label of the answer's focus ("PA:", "Problem area:", "the focus is", "I chose"),
#: unlike "fits" or "work on", which also appear in lists ("role transition work, communication analysis").
_STRONG_MARKERS = frozenset({"focus", "primary", "main", "principal", "formulat*", "choose", "chose", "chosen",
                             "choice", "decide*", "select*", "area"})


def _strong_choice(tokens: list[str], m: Match, previous: list[str] | None) -> bool:
    """A choice made with a label or a word of choosing next to the area, not a list item that happens to fit."""
    if _has(_STRONG_MARKERS, tokens[max(0, m.start - 4):m.start]) or _has(_STRONG_MARKERS, tokens[m.end + 1:m.end + 3]):
        return True
    return (previous is not None and m.start <= 1 and len(previous) <= _LABEL_WORDS
            and _has(_STRONG_MARKERS, previous) and not _has(HEDGE_BEFORE, previous) and "areas" not in previous
            and _DOUBT.isdisjoint(previous))


_FOCUS_NOUNS = frozenset({"focus", "main", "primary", "central", "core", "key", "area"})


def _focus_after(tokens: list[str], end: int) -> bool:
    """The clause goes on to name the area the focus ("the dispute with Sameer, now in dissolution, is the
    focus")."""
    after = tokens[end + 1:end + 11]
    for k, t in enumerate(after[:-2]):
        if t in {"is", "as", "was"} and after[k + 1] in {"the", "my", "our"} and after[k + 2] in _FOCUS_NOUNS:
            return True
    return False


#: Words between a choice marker and the area it names ("the focus is the transition", "I would formulate this as
#: a role transition", "PA = RT").
_FRAME_FILLERS = frozenset({"is", "was", "be", "remains", "will", "would", "should", "the", "a", "an", "this", "it",
                            "as", "here", "my", "our", "on"})


def _named_after(m: Match, area: ProblemArea, tokens: list[str],
                 area_starts: dict[int, list[tuple[int, ProblemArea]]]) -> bool:
    """Later in the same clause a choice marker frames another area ("this is partly grief, the focus is the
    transition"; "it looks like grief, I would formulate this as a role transition"). The clause splitter drops a
    leading "although" and does not split at its comma, so the concession and the choice meet in one clause: the
    area named first was weighed, the one the frame names is the choice."""
    later = [s for s, a in area_starts.get(m.clause, ()) if s > m.end and a is not area]
    if not later:
        return False
    for s in later:
        # the match may have taken the marker ("grief focus"); a frame stands within a few words of its area
        for p in range(s - 1, max(m.start, s - _FRAME_REACH), -1):
            token = tokens[p]
            if token in _FRAME_FILLERS:
                continue
            if token in _FRAME_MARKERS or token.startswith(_FRAME_PREFIXES):
                # not a conclusion or a turn ("deficits is the last resort, so I'd rather treat it as a transition"),
                # nor a second focus ("we call this grief, with a secondary focus on the dispute")
                between = tokens[m.end + 1:p]
                return (_CONCLUSION_WORDS.isdisjoint(between) and not _has(REVERSAL_WORDS, between)
                        and SECONDARY_MARKERS.isdisjoint(between))
            break
    return False


def _hedges_next(m: Match, area: ProblemArea, tokens: list[str],
                 area_starts: dict[int, list[tuple[int, ProblemArea]]]) -> bool:
    """The hedge right after an area opens the next area's phrase ("the focus is the transition, perhaps with a
    touch of grief"; "grief, possibly a transition"): it hedges that one, not this one."""
    later = [s for s, a in area_starts.get(m.clause, ()) if m.end < s <= m.end + 6 and a is not area]
    if not later:
        return False
    after = tokens[m.end + 1:min(later)]
    return _has(HEDGE_AFTER, after) or "may" in after


#: Choice markers that frame the area after them (not "fits", "work", "secondary": "grief fits, the work is ...").
_FRAME_MARKERS = frozenset({"focus", "area", "choose", "chose", "choice", "pick", "opt", "treat", "frame", "framed",
                            "framing", "target"})
_FRAME_PREFIXES = ("formulat", "select", "decide")
_FRAME_REACH = 8


#: A decision said with a doubt: "my (best) guess is grief", "let's say grief for now", "deficits, I suppose"; and
#: the writer settling on an area ("I'll settle on a dispute").
_GUESS = frozenset({"guess", "bet"})
_SUPPOSE = frozenset({"suppose", "guess", "reckon", "think", "say"})
_SETTLE = frozenset({"settle", "settled", "settling"})
_DOUBT_WORDS = _GUESS | _SUPPOSE


def _settles_on(tokens: list[str], m: Match) -> bool:
    """The writer settles on the area in words that keep a doubt ("my best guess is grief", "let's say grief",
    "deficits, I suppose")."""
    if _DOUBT_WORDS.isdisjoint(tokens):
        return False
    before = tokens[max(0, m.start - 5):m.start]
    if "my" in before and not _GUESS.isdisjoint(before):
        return True  # "my best guess is", "my bet would be"
    if before[-2:] in (["let", "say"], ["lets", "say"]) or (before[-3:-1] in (["let", "say"], ["lets", "say"])):
        return True
    if before[-3:] == ["let", "us", "say"] or before[-4:-1] == ["let", "us", "say"]:
        return True  # "let's", written out by the cleaning
    after = tokens[m.end + 1:m.end + 3]
    return len(after) == 2 and after[0] == "i" and after[1] in _SUPPOSE


#: Words of a hedge that leans one way ("I lean towards grief", "probably a transition", "most likely deficits").
_LEAN_WORDS = frozenset({"lean", "leaning", "leans", "inclined", "probably", "likely", "most", "more", "favour",
                         "favor", "prefer", "tentatively"})


def _leans(tokens: list[str], m: Match) -> bool:
    """A hedged mention that leans towards the area, not only names it as possible ("could be a dispute")."""
    near = tokens[max(0, m.start - _HEDGE_REACH):m.start]
    if not _LEAN_WORDS.isdisjoint(near):
        return "less" not in near and "unlikely" not in near
    # ranked after its copula: "the dispute is most likely the one to start with", "grief seems the more likely"
    after = tokens[m.end + 1:m.end + 1 + _LEAN_AFTER]
    return (after[:1] in (["is"], ["seems"], ["looks"]) and not _LEAN_WORDS.isdisjoint(after[1:])
            and "less" not in after and "unlikely" not in after and "not" not in after)


_LEAN_AFTER = 4


_EVIDENTIAL = frozenset({"looks", "look", "sounds", "sound", "seems", "seem"})


def _simile(before: list[str]) -> bool:
    """A comparison, not a naming: "it's like a bereavement", "feels like grief" (but "this looks like a role
    transition" names the area)."""
    tail = before[-3:]
    if "like" not in tail:
        return False
    k = len(before) - len(tail) + tail.index("like")
    return not (k and before[k - 1] in _EVIDENTIAL)


#: What may stand between "as" and the area in a comparison: a subject and its verb ("as one would with a
#: transition"), the preposition or conjunction of the comparison and an article or qualifier.
_AS_SUBJECTS = frozenset({"one", "we", "you", "they", "i", "he", "she", "it", "people", "patients", "someone"})
_AS_VERBS = frozenset({"would", "do", "does", "did", "might", "will", "can", "could", "usually", "often", "is",
                       "are", "were", "was"})
_AS_LINKS = frozenset({"in", "with", "if", "though"})
_AS_FILLERS = frozenset({"a", "an", "the", "any", "other", "ordinary", "usual", "typical", "classic", "normal",
                         "it", "this", "that", "were", "was", "is", "role"})
_AS_REACH = 7


def _compared(before: list[str]) -> bool:
    """The area is the standard of a comparison, not the focus named: "mourn it, much as in a transition", "as one
    would with a role transition", "as if it were grief" (but "we treat this as a transition" names it, and "as for
    the dispute" turns to it)."""
    tail = before[-_AS_REACH:]
    if "as" not in tail:
        return False
    k = len(tail) - 1 - tail[::-1].index("as")
    rest = tail[k + 1:]
    while rest and (rest[0] in _AS_SUBJECTS or rest[0] in _AS_VERBS):
        rest = rest[1:]
    return bool(rest) and rest[0] in _AS_LINKS and all(t in _AS_FILLERS for t in rest[1:])


def _later_phase(tokens: list[str], before: list[str]) -> bool:
    """An area said of a later phase, not of now: a modal with a word of later time in the clause, or a future
    resemblance just before the area ("will look like a transition"), outside the writer's choice frame."""
    if _FUTURE_MODALS.isdisjoint(tokens) or _has(CHOICE_MARKERS, before):
        return False
    return not _LATER_WORDS.isdisjoint(tokens) or not _RESEMBLE.isdisjoint(before[-4:])


_CLAUSE_START = itemgetter(1, 2)  # a match's (clause, start), read in C


def read_areas(matches: list[Match], concept_matches: list[Match], prepared: Clauses,
               words: AnswerWords | None = None) -> AreaReading:
    """Read every area mention in ``matches`` in its context (``concept_matches``: goal and strategy phrases;
    ``words``: the answer's table of words, made from ``prepared`` when not given)."""
    if words is None:
        words = AnswerWords(prepared)
    reading = AreaReading()
    parity = _quote_parity(prepared, words)
    concept_spans: set[tuple[int, int]] | None = None
    seen: set[tuple[int, int, str]] = set()
    committed: list[tuple[int, int, int, ProblemArea]] = []
    first_claim: tuple[int, ProblemArea] | None = None
    asked_areas: list[tuple[int, ProblemArea, bool]] = []
    side_of: dict[int, bool] = {}
    mentions: list[tuple[int, ProblemArea, Reading]] = []
    headings: list[tuple[int, ProblemArea]] = []
    questioned: list[ProblemArea] = []
    hedged_here: dict[int, ProblemArea] = {}  # the area a clause weighs as a possibility
    queried: list[tuple[int, ProblemArea]] = []  # lines of a note that only ask an area ("Jenny - dispute?")
    listing = _candidate_lines(prepared, words)  # the clauses of a list announced as candidates
    ordered = sorted((m for m in matches if m.concept.startswith("area:")), key=_CLAUSE_START)
    area_starts: dict[int, list[tuple[int, ProblemArea]]] = {}
    area_spans: dict[int, list[tuple[int, int]]] = {}  # (start, end) of the areas a clause names, in order
    for m in ordered:
        if m.weight >= STRONG and not m.negated:
            area_starts.setdefault(m.clause, []).append((m.start, _AREA_OF[m.concept]))
            area_spans.setdefault(m.clause, []).append((m.start, m.end))
    for m in ordered:
        area = _AREA_OF[m.concept]
        key = (m.clause, m.end, m.concept)  # the concept names the area (an enum's value is a slow look-up)
        if key in seen:
            continue
        seen.add(key)
        tokens = prepared[m.clause]
        if m.weight <= LAY and (m.negated or not (
                _lay_choice(tokens[max(0, m.start - _WINDOW):m.start]) or _cleft_plan(tokens, m.start)
                or _lay_cause(tokens, m.start, m.end) or _cleft_after(tokens, m.end) is not None)):
            continue  # a plain word ("change", "loneliness") outside a naming or plan frame says nothing
        quoted = parity is not None and _inside_quotes(tokens, parity[m.clause], m.start)
        overlaps = False
        if m.weight < STRONG:
            if concept_spans is None:
                concept_spans = {(c.clause, t) for c in concept_matches for t in range(c.start, c.end + 1)}
            overlaps = any((m.clause, t) in concept_spans for t in range(m.start, m.end + 1))
        previous = prepared[m.clause - 1] if m.clause else None
        side = side_of.get(m.clause)
        if side is None:
            side = side_of[m.clause] = not _SIDE_WORDS.isdisjoint(tokens)
        kind = _classify(m, tokens, previous, quoted, overlaps, side,
                         len(area_starts.get(m.clause, ())) < 2 or not _hedges_next(m, area, tokens, area_starts),
                         # a clause that opens with a modal ("(Stuart and Robertson) would call this grief")
                         [t for c in prepared[max(0, m.clause - 2):m.clause] for t in c]
                         if tokens[0] in _MODALS and m.start <= _WINDOW else None)
        if _MENTIONED <= kind < _CHOSEN and m.end == len(tokens) - 1 and m.weight >= STRONG and _framed_next(
                prepared, m.clause):
            kind = _CHOSEN  # "On balance I'll take role dispute (renegotiation) as the focus"
        if kind > _HEDGED and len(area_starts.get(m.clause, ())) > 1 and _named_after(m, area, tokens, area_starts):
            kind = _HEDGED  # "(Al)though this is partly grief, the focus is the transition": weighed, not chosen
        if kind is _ASSERTED and listing[0] <= m.clause < listing[2] and (
                m.start > listing[1] if m.clause == listing[0] else all(t in _ARTICLES for t in tokens[:m.start])):
            kind = _HEDGED  # "Possible foci: (1) role transition - ...; (2) role dispute with Eetu": a line of the list
            reading.candidates_listed = True
        position = (m.clause, m.start)
        asked = tokens[-1] == QUESTION
        heading = (m.start == 0 and m.end == len(tokens) - 1 - asked and m.clause + 1 < len(prepared))
        if kind > _HEDGED and hedged_here.get(m.clause) == area:
            # "this could be a role transition, since ... a change of role at work": the same area named again in
            # the clause that weighs it goes on with the possibility, it does not choose it
            kind = _HEDGED
        elif kind is _HEDGED and m.weight >= STRONG:
            hedged_here[m.clause] = area
        if asked and not heading and kind >= _HEDGED and _polar_question(tokens) and not (
                m.clause + 1 < len(prepared) and prepared[m.clause + 1][:1] in _YES):
            # "Is this a role transition after the move, or is it more about isolation?": asked, not answered;
            # between alternatives the area is one of them, alone it is a possibility ("Could this be grief?")
            if "or" in tokens[m.end + 1:]:
                kind = _MENTIONED
                reading.deferred = True  # (a choice the answer leaves as a question; a later decision still wins)
            else:
                kind = _HEDGED
        if (kind is _MENTIONED and m.weight >= STRONG and not overlaps and _joined_alternative(tokens, m.start)
                and _alternative_to(hedged_here, area_starts, m.clause, tokens[:m.start]) not in (None, area)):
            reading.paired.add(area)  # "between a role transition and a dispute", "could be grief or a transition"
        if heading and asked and kind > _HEDGED and not (
                m.clause + 1 < len(prepared) and prepared[m.clause + 1][:1] in _YES):
            queried.append((m.clause, area))
        reading.first.setdefault(area, position)
        mentions.append((m.clause, area, kind))
        if asked and m.clause + 1 < len(prepared) and _answered_no(prepared[m.clause + 1]):
            questioned.append(area)  # "Grief? No one has died." / "A dispute with him? Also not."
        elif heading and kind is not _CHOSEN:
            headings.append((m.clause, area))
            if asked:
                # "Grief? ... Deficits? He had close friends. Transition? Yes: the move." A question answered yes is
                # the answer's choice; the other questions are the areas it checked.
                asked_areas.append((m.clause, area, prepared[m.clause + 1][:1] in _YES))
        elif kind >= _ASSERTED:
            reading.free_choice.add(area)
        if kind is _REJECTED:
            reading.rejected.add(area)
            reading.rejected_at[area] = m.clause
            reading.rejected_word[area] = (m.clause, m.start)
            continue
        if (kind is _HEDGED or kind is _ASSERTED) and m.weight >= STRONG and _leans(tokens, m):
            reading.leaning.add(area)
            if not _FIRST_PERSON.isdisjoint(tokens[:m.start]):
                reading.writer_leans.append((position, area))
        if kind is _ASSERTED and m.weight >= STRONG and _settles_on(tokens, m):
            # "My best guess is grief", "Let's say grief for now", "Deficits, I suppose": the writer's own last word
            reading.leaning.add(area)
            reading.decisive.append(((m.clause, m.start), area))
        if kind is _MENTIONED and not m.negated and _has(REVERSAL_WORDS, tokens[:m.start]) and _reverses(
                tokens, m.start):
            reading.reversed_paraphrase.add(area)
        if m.weight >= STRONG and (kind >= _HEDGED or (kind is _MENTIONED and not overlaps and not (
                m.start and tokens[m.start - 1] in _POSSESSIVES) and not (side and _follows_from(tokens, m.end)))):
            reading.listed.add(area)  # not "his grief is blocked", "the dispute with Nikos follows from the death"
        if kind > reading.best.get(area, _REJECTED):
            reading.best[area] = kind
            reading.order[area] = position
        if kind >= _ASSERTED:
            before = tokens[max(0, m.start - _WINDOW):m.start]
            if (not _FOCUS_NOUNS.isdisjoint(tokens) and _focus_after(tokens, m.end)) or (
                    kind is _CHOSEN and _strong_choice(tokens, m, previous)):
                reading.claimed.add(area)
                reading.focused.add(area)
            elif kind is _CHOSEN or _case_claim(before):
                reading.claimed.add(area)
            reading.last[area] = position
            if first_claim is None:
                first_claim = (m.clause, area)
            if (_decides(before, previous) or _reconsidered(tokens[:m.start])) and not _alternatives(
                    m, tokens, area_spans.get(m.clause, [])):
                reading.decisive.append((position, area))
            if tokens[0] in NEXT_WORDS or not _STEP_WORDS.isdisjoint(before):
                changed, ended = _changes_to(before), ends_at(before)
                if changed or ended or next_step(tokens, m.start):
                    reading.steps.append(Step(position, area, changed, ended))
            committed.append((m.clause, m.start, m.end, area))
            if _has(REVERSAL_WORDS, tokens[:m.start]) and _reverses(tokens, m.start):
                reading.reversed_to.add(area)
    if queried:
        _queried_beside_label(reading, queried)
    if reading.focused:
        # "Although grief language fits ..., the formulation is a role transition": an area that only "fits" or
        # "works" before one named the focus with a label or a word of choosing was weighed, not chosen (after
        # it, "so the work should be on the dispute", it is a turn).
        label_at = min(reading.order[a] for a in reading.focused if a in reading.order)
        for area, kind in list(reading.best.items()):
            if (kind is _CHOSEN and area not in reading.focused and reading.order[area] < label_at
                    and area not in reading.primary_marked and area not in reading.secondary_marked):
                reading.best[area] = _HEDGED
                reading.claimed.discard(area)
    _assign_markers(committed, prepared, reading, words)
    _reject_by_reference(reading, prepared, mentions, words)
    _reject_headings(reading, prepared, headings, mentions)
    if first_claim is not None:
        reading.label = _title(first_claim, prepared, mentions, reading)
        reading.label_asked = reading.label is not None and prepared[first_claim[0]][-1:] == [QUESTION]
    if words.has_any(_DEFER_WORDS):
        # An answer that names no area, only its story in lay words, puts the choice off only in words of choosing
        # ("before deciding on a focus", "I cannot choose yet"), not "more information about her family".
        deferrals = _DEFERRALS if mentions else _CHOICE_DEFERRALS
        weighed = len([a for a in reading.best if a not in reading.rejected]) >= 2
        reading.deferred = reading.deferred or any(
            _defers(prepared[c], deferrals, weighed) for c in words.with_any(_DEFER_WORDS))
        refusals = [c for c in words.with_any(_CHOOSE_VERBS) if _refuses(prepared[c])]
        if refusals:
            reading.deferred, reading.refused_at = True, refusals[-1]
    if mentions and words.has_any(OPEN_CHOICE_WORDS):
        # The choice itself left open after the areas were weighed ("each of these could be the focus", "rather
        # than force a choice I would keep the formulation open"): a refusal to choose, in the sentence's structure.
        opened = [c for c in words.with_any(OPEN_CHOICE_WORDS) if leaves_choice_open(prepared[c])]
        if opened:
            reading.deferred = True
            if _CHOSEN not in reading.best.values():
                # (after a focus labelled or chosen, "PA: role transition ... Each of these could be the focus, but I
                # think the move is the one", the open words weigh; they do not take the label back)
                reading.refused_at = max(reading.refused_at, opened[-1])
    if mentions and words.has_any(_EVEN_WORDS):
        # (said beside an area: in its clause or the one before or after, "two areas seem equally important: ...")
        named = {c for c, _, _ in mentions}
        reading.unranked = any(_weighed_evenly(prepared[c]) and not named.isdisjoint((c - 1, c, c + 1))
                               for c in words.with_any(_EVEN_WORDS))
    if len(reading.steps) >= 2:
        # a walk through the areas decides only where it says it ended, and not if it goes on past that
        walked = undecided(reading.steps, [(c, a) for c, a, kind in mentions if kind >= _HEDGED])
        reading.decisive = [(p, a) for p, a in reading.decisive if p not in walked]
    _supersede(reading)
    if reading.reversed_to or reading.reversed_paraphrase:
        _placed_within(reading, prepared, ordered)
    for area in questioned:
        if area not in reading.free_choice:
            _drop(reading, area)
    if any(yes for _, _, yes in asked_areas):
        for clause, area, yes in asked_areas:
            if yes and area in reading.best:
                reading.decisive.append(((clause, 0), area))
                reading.claimed.add(area)
            elif area not in reading.free_choice:
                _drop(reading, area)
    elif asked_areas and questioned and reading.label is not None and reading.label not in {
            a for _, a, _ in asked_areas}:
        # "Interpersonal deficits. Is this a transition? No: ... Grief? Nobody has died. A dispute? Home is calm.":
        # under a title, in a walk-through that answers no, the areas asked and not answered yes are the ones checked
        for _, area, _ in asked_areas:
            if area not in reading.free_choice:
                _drop(reading, area)
    return reading


#: A clause that announces a list of candidates: a word of possibility and a plural noun for areas ("Possible foci:",
#: "Possible areas are ..."), or the word alone as a heading ("Differential:", "Options:").
_POSSIBILITY_HEADS = feature(frozenset({"possible", "possibilities", "options", "candidates", "differential", "might",
                                        "could"}))
_CANDIDATE_PLURALS = frozenset({"foci", "areas", "possibilities", "options", "candidates"})
_NO_LIST = (1 << 30, 0, -1)


def _candidate_lines(prepared: Clauses, words: AnswerWords) -> tuple[int, int, int]:
    """Where a list announced as candidates runs: (the clause that announces it, the place of its word of
    possibility there, the clause where the list ends). It is announced by a clause with a word of possibility and
    a plural noun for areas ("Possible foci:", "Possible areas are grief, a role transition (...)") and runs, from
    that word on, up to the first clause in the writer's own voice ("I would discuss these with him", "I'd go with
    the dispute"), where a choice could be made. An empty range when there is no such clause."""
    if not words.has_any(_POSSIBILITY_HEADS):
        return _NO_LIST
    for c in words.with_any(_POSSIBILITY_HEADS):
        tokens = prepared[c]
        if (_CANDIDATE_PLURALS.isdisjoint(tokens) and len(tokens) > 1) or not _FIRST_PERSON.isdisjoint(tokens):
            continue  # (a heading of its own announces the list too: "Differential:", "Options:")
        end = next((k for k in range(c + 1, len(prepared)) if not _FIRST_PERSON.isdisjoint(prepared[k])),
                   len(prepared))
        return c, next(k for k, t in enumerate(tokens) if t in _POSSIBILITY_HEADS), end
    return _NO_LIST


_ALTERNATIVE_JOINS = frozenset({"or", "and"})


def _joined_alternative(tokens: list[str], start: int) -> bool:
    """The area is joined by "or" or "and" to the one just weighed in its clause ("between a role transition and a
    role dispute", "either grief or a transition")."""
    k = start - 1
    if k >= 0 and tokens[k] in _ARTICLES:
        k -= 1
    return k >= 0 and tokens[k] in _ALTERNATIVE_JOINS


def _alternative_to(hedged_here: dict[int, ProblemArea], area_starts: dict[int, list[tuple[int, ProblemArea]]],
                    clause: int, before: list[str]) -> ProblemArea | None:
    """The area weighed as a possibility before an area named in ``clause`` (``before``: the words before it there):
    in the clause itself, or, where the clause opens with the joining word ("or a role dispute with her mother"),
    in the clause before a bracketed aside that names no area ("Either a role transition (the move and new school)
    or a role dispute": the aside is a clause of its own and does not part the two alternatives)."""
    here = hedged_here.get(clause)
    if here is not None or clause < 2 or clause - 1 in area_starts or not all(
            t in _ARTICLES or t in _ALTERNATIVE_JOINS for t in before):
        return here
    return hedged_here.get(clause - 2)


def undecided_pair(reading: AreaReading, prepared: Clauses,
                   words: AnswerWords) -> tuple[ProblemArea, ProblemArea] | None:
    """Two areas weighed as a pair of possibilities ("between X and Y", "either X or Y"), neither leant to nor
    decided, no other area named and no event ranked above the rest ("I'm finding it hard to decide between a role
    transition and a role dispute ... It might be both"; not "... I think the move is probably the bigger thing"),
    in text order; None otherwise."""
    named = [a for a in reading.best if a not in reading.rejected]
    if (len(named) != 2 or reading.decisive or reading.claimed or reading.paired.isdisjoint(named)
            or any(a in reading.leaning or not (reading.best[a] is _HEDGED or (
                reading.best[a] is _MENTIONED and a in reading.paired)) for a in named)):
        return None
    if words.has_any(_RANK_WORDS) and any(_ranks_first(prepared[c]) for c in words.with_any(_RANK_WORDS)):
        return None
    first, second = sorted(named, key=reading.first.__getitem__)
    return first, second


def _queried_beside_label(reading: AreaReading, queried: list[tuple[int, ProblemArea]]) -> None:
    """A note that states one area and asks another on a line of its own ("role transition / Jenny - dispute? /
    mourn old role"): the asked area is a query beside the note's focus, a possibility, not a second claim. (Asked
    beside two or more stated areas, "grief, transition, dispute?, deficits unlikely", it is one more item of a
    list, and keeps its reading.)"""
    asked = {a for c, a in queried if reading.order.get(a, (-1, 0))[0] == c}
    stated = [a for a, r in reading.best.items() if r >= _ASSERTED and a not in asked]
    if len(stated) != 1:
        return
    for area in asked:
        reading.best[area] = _HEDGED
        reading.claimed.discard(area)
        reading.free_choice.discard(area)
        reading.last.pop(area, None)


#: Words that weigh areas the same ("equally important", "of equal weight").
_EVEN_WORDS = feature(frozenset({"equally", "equal"}))
#: What is said to be equal: the areas' importance, weight or fit, not a fact of the case ("equal shares").
_EVEN_OF = frozenset({"important", "importance", "relevant", "weight", "weighty", "likely", "central", "strong",
                      "plausible", "valid", "prominent", "significant", "pressing", "good", "fitting", "fit",
                      "candidates", "possible", "footing", "priority", "measure"})


def _weighed_evenly(tokens: list[str]) -> bool:
    """The clause says areas weigh the same: "two problem areas seem equally important", "both are of equal weight"
    (not "equally" of a fact: "they split the savings equally")."""
    return any(t in _EVEN_WORDS and not _EVEN_OF.isdisjoint(tokens[k + 1:k + 3]) for k, t in enumerate(tokens))


#: Nouns of a focus's work: "the transition work", "the work is mourning Kwabena", "within the grief focus".
_WORK_NOUNS = frozenset({"work", "focus", "heart", "core", "centre", "center", "treatment"})
_WORK_REACH = 2


def _placed_within(reading: AreaReading, prepared: Clauses, ordered: list[Match]) -> None:
    """An area turned to ("really", "in fact") and then, in the same clause or the next, placed inside the work of an
    area named before it ("In fact she is now a widow, which is a huge role transition, but the work is mourning
    Kwabena"; "She really is grieving ... this grief for the healthy self is the heart of the transition work") is
    part of that focus, not a turn away from it (reference 3.0: the other may be addressed within the focus)."""
    mentions = [m for m in ordered if m.weight > LAY and not m.negated]
    for m in mentions:
        area = _AREA_OF[m.concept]
        if area not in reading.reversed_to and area not in reading.reversed_paraphrase:
            continue
        for other in mentions:
            if (other.clause < m.clause or other.clause > m.clause + 1
                    or (other.clause == m.clause and other.start <= m.end)):
                continue
            named = _AREA_OF[other.concept]
            if named is area or reading.first.get(named, (_LATE, 0)) >= (m.clause, m.start):
                continue
            tokens = prepared[other.clause]
            # the work noun before the area in its clause ("the focus of the work stays on mourning him") or just
            # after it ("the transition work")
            if not _WORK_NOUNS.isdisjoint(tokens[:other.end + _WORK_REACH + 1]):
                reading.within_other.add(area)
                reading.reversed_to.discard(area)
                reading.reversed_paraphrase.discard(area)
                break


def _supersede(reading: AreaReading) -> None:
    """A rejection followed by the final choice is one reading: an area said of the case but not claimed as its focus,
    then denied, with another area asserted after the denial and never denied ("What you feel is grief for the woman
    you were, but in IPT we don't call it grief, because nobody has died; we call it a role transition") is read as
    rejected, so the later area is the answer's focus and the answer does not contradict itself. (An area claimed
    as the focus or opening the answer as its title, then denied - "Role dispute, renegotiation stage: ... The
    problem area is not a dispute, though: this is a role transition" - is two readings, not superseded here.)"""
    for area in [a for a in reading.rejected if a in reading.best and a in reading.last]:
        at = reading.rejected_at.get(area, _LATE)
        if (area in reading.claimed or area in reading.primary_marked or area is reading.label or at == _LATE
                or reading.last[area][0] > at):
            continue
        if any(other is not area and other not in reading.rejected and other in reading.last
               and reading.last[other][0] >= at for other in reading.best):
            _drop(reading, area, at)


_FIRST_PERSON = frozenset({"i", "we", "id", "wed", "ill"})
_DECISION_VERBS = frozenset({"go", "choose", "chose", "pick", "opt", "settle", "decide", "formulate", "frame", "treat"})
#: Words before a conclusion word that still open the conclusion ("on balance", "in conclusion", "and so").
_CONCLUSION_OPENERS = frozenset({"on", "in", "and", "all", "my", "our", "the"})
_CONCLUSION_WORDS = frozenset({"so", "therefore", "thus", "hence", "overall", "ultimately", "finally", "balance",
                               "conclusion", "final"})


#: A verb of thinking said again ("having thought again", "looking at it twice", "thinking further"), or "on
#: reflection" / "on second thoughts": the writer reconsiders, and what it names then is its decision.
_RECONSIDERING = frozenset({"think", "thinking", "thought", "look", "looking", "looked", "reflect", "reflecting",
                            "reflected", "consider", "considering", "considered"})
_AGAIN = frozenset({"again", "twice", "further"})


def _reconsidered(before: list[str]) -> bool:
    """The clause reconsiders before it names the area ("Having thought again, I would call this a role dispute",
    "On reflection it is a transition")."""
    if ("on", "reflection") in pairwise(before) or ("second", "thought") in pairwise(before) or (
            "second", "thoughts") in pairwise(before):
        return True
    return not _AGAIN.isdisjoint(before) and any(
        t in _RECONSIDERING and not _AGAIN.isdisjoint(before[k + 1:k + 4]) for k, t in enumerate(before))


def _decides(before: list[str], previous: list[str] | None) -> bool:
    """The writer's own decision: a first-person choice verb just before the area ("I'd go with", "we chose"), or
    a conclusion that opens the sentence ("So: role transition", "On balance, grief")."""
    if not _FIRST_PERSON.isdisjoint(before) and not _DECISION_VERBS.isdisjoint(before):
        return True
    if _changes_to(before) or _keeps_to(before) or (not ENDING_WORDS.isdisjoint(before) and ends_at(before)):
        return True
    if before[:2] and not _CONCLUSION_WORDS.isdisjoint(before[:2]) and len(before) <= 3 and (
            before[0] in _CONCLUSION_WORDS or before[0] in _CONCLUSION_OPENERS):
        # "So: role transition", "On balance role transition", "And so a dispute" (not a fact and its arrow, "divorce
        # -> RT": one line of a note, which asserts the area without making it the end of a differential)
        return True
    # "On balance: role transition", "In conclusion: grief", "Final choice: grief"
    return (not before and previous is not None and 0 < len(previous) <= 2
            and not _CONCLUSION_WORDS.isdisjoint(previous))


#: Verbs of a change of mind that end on the new choice ("so I'd change it to grief", "I've switched to a
#: transition", "I'm changing to deficits").
_CHANGE_VERBS = frozenset({"change", "changed", "changing", "switch", "switched", "switching", "move", "moved",
                           "moving", "revise", "revised", "revising", "shift", "shifted"})
_CHANGE_REACH = 4
#: Words one of which a step of a walk has before its area (a verb of changing or of arriving).
_STEP_WORDS = _CHANGE_VERBS | ENDING_WORDS


def _changes_to(before: list[str]) -> bool:
    """The writer changes the choice to the area just after: a first-person verb of changing, then "to" (or "it
    to") just before the area ("so I'd change it to grief", "I've switched to a transition")."""
    tail = before[-_CHANGE_REACH - 2:]
    if "to" not in tail[-3:]:
        return False
    return any(t in _CHANGE_VERBS and not _FIRST_PERSON.isdisjoint(tail[max(0, k - 3):k])
               for k, t in enumerate(tail))


_KEEPING = frozenset({"stay", "staying", "stick", "sticking", "stuck", "stayed", "keep", "keeping"})
_NAMING = frozenset({"call", "calling", "label", "labelling", "labeling"})


def _keeps_to(before: list[str]) -> bool:
    """The writer's own last word in a verb of keeping or naming just before the area ("I'm staying with the
    impasse", "I'd call it impasse", "I'll stick with grief")."""
    tail = [t for t in before[-5:] if t not in {"a", "an", "the"}]
    if _FIRST_PERSON.isdisjoint(tail):
        return False
    if len(tail) >= 2 and tail[-2] in _KEEPING and tail[-1] == "with":
        return True
    return len(tail) >= 2 and tail[-2] in _NAMING and tail[-1] in {"it", "this", "that"}


#: The stages of a dispute, named alone as the final choice ("So dissolution.", "I'd call it impasse").
_STAGE_NAMES = frozenset({"impasse", "dissolution", "renegotiation"})


def stage_choice_matches(prepared: Clauses, matches: list[Match]) -> list[Match]:
    """A stage named as the writer's choice implies the dispute: a stage word that opens its clause as the
    conclusion ("So dissolution"), follows a decision ("I'd call it impasse", "I'm staying with the impasse") or a
    view given up ("I first wrote impasse"), read as a mention of the dispute. None when the answer names the
    dispute itself (its own mentions are read)."""
    if any(m.concept == "area:role_dispute" and m.weight >= STRONG for m in matches):
        return []
    found = []
    for c, tokens in enumerate(prepared):
        if _STAGE_NAMES.isdisjoint(tokens):
            continue
        previous = prepared[c - 1] if c else None
        for k, t in enumerate(tokens):
            if t not in _STAGE_NAMES or (k and tokens[k - 1] in {"not", "no", "never"}):
                continue
            # (not a stage in brackets alone, "staging it (impasse)": a note on the plan, not a choice)
            window = tokens[max(0, k - _WINDOW):k]
            if _decides(window, previous if k else None) or (k and _given_up(tokens, k, previous)):
                found.append(Match("area:role_dispute", c, k, k, False, STRONG))
    return found


#: Words that join the areas of a list ("a dispute, a transition or deficits"; commas are gone from the clause).
_LIST_JOINS = frozenset({"or", "and", "nor", "either", "a", "an", "the", "maybe", "perhaps", "possibly", "even"})
_LIST_GAP = 3


_OFFERING = frozenset({"or", "nor", "either"})


def _alternatives(m: Match, tokens: list[str], spans: list[tuple[int, int]]) -> bool:
    """The area opens a list of areas in its clause (``spans``: where the clause names areas), joined by nothing but
    list words, that offers them as alternatives: "so a role dispute, a role transition or interpersonal deficits"
    (three or more areas, or two joined by "or"). A conclusion word in front of a list concludes nothing: it is the
    list of possibilities still, not a decision for its first ("so a role dispute, with the transition as secondary"
    decides)."""
    end, joins, count = m.end, set(), 1
    for start, stop in spans:
        if start <= end:
            continue
        gap = tokens[end + 1:start]
        if len(gap) > _LIST_GAP or not _LIST_JOINS.issuperset(gap):
            break
        joins.update(gap)
        count, end = count + 1, stop
    return count >= 3 or (count == 2 and not _OFFERING.isdisjoint(joins))


_DEFER_WORDS = feature(frozenset({"deciding", "decide", "undecided", "open", "information", "early", "mind", "choosing",
                                  "choose", "commit", "pick", "settle", "premature"}))
#: Verbs of choosing a focus, and what may follow them in a refusal ("I can't choose a focus yet", "I cannot decide
#: between them"): anything else after the verb is an area or a reason ("I would not choose grief").
_CHOOSE_VERBS = feature(frozenset({"choose", "decide", "commit", "pick", "settle", "select"}))
_REFUSAL_OBJECTS = frozenset({"a", "an", "the", "one", "on", "to", "focus", "area", "problem", "yet", "now", "at",
                              "this", "point", "stage", "which", "any", "single", "just", "here", "until", "before",
                              "without", "for"})
_REFUSING = frozenset({"not", "unable", "cannot", "never"})
_REFUSAL_CONDITIONS = frozenset({"without", "until", "till", "unless", "before"})


def _refuses(tokens: list[str]) -> bool:
    """The writer refuses to choose: a negated verb of choosing with nothing chosen after it ("I don't think I can
    choose a focus yet", "I cannot decide between them", "we are unable to commit to one area"), not a rejection
    ("I would not choose grief")."""
    if _CHOOSE_VERBS.isdisjoint(tokens) or _REFUSING.isdisjoint(tokens) or _FIRST_PERSON.isdisjoint(tokens):
        return False
    for k, token in enumerate(tokens):
        if token in _CHOOSE_VERBS and not _REFUSING.isdisjoint(tokens[max(0, k - 4):k]):
            rest = tokens[k + 1:k + 4]
            if rest[:1] == ["between"] or all(t in _REFUSAL_OBJECTS for t in rest) or (
                    rest[:1] and rest[0] in _REFUSAL_CONDITIONS):
                # (a condition right after the verb puts the choice off: "I can't choose without seeing how she
                # responds", "we cannot decide until we have met his wife")
                return True  # not "I would not choose it", which rejects the area named before
    return False


def _defers(tokens: list[str], deferrals: tuple[str, ...], weighed: bool = False) -> bool:
    """The writer puts the choice off: "before deciding", "keep them all open", "more information before I
    decide", "too early to say", "undecided" (``deferrals``: the phrases that do); the choice left to the patient
    when it is the focus (see :func:`_focus_left`; ``weighed``: the answer names two areas or more and rejects
    neither, so a bare "and let him choose" leaves the choice between them)."""
    if _DEFER_WORDS.isdisjoint(tokens):
        return False
    text = " ".join(tokens)
    return any(phrase in text and (phrase not in _LEFT_TO_PATIENT or _focus_left(text, phrase, weighed))
               for phrase in deferrals)


#: The choice left to the patient ("let you decide"): a deferral only when what is left is the focus.
_LEFT_TO_PATIENT = ("let him choose", "let her choose", "let them choose", "let you choose", "let him decide",
                    "let her decide", "let them decide", "let you decide", "leave the choice")
#: Words after "let you decide" that make the focus what is left ("which to work on", "what we focus on").
_FOCUS_LEFT = frozenset({"which", "focus", "area", "areas", "problem", "problems", "work", "start"})
_LEFT_REACH = 6


def _focus_left(text: str, phrase: str, weighed: bool) -> bool:
    """What the patient is left to choose is the focus ("let you choose which to work on", "let her decide what we
    focus on", or a bare "let him choose" after weighing two areas), not an outcome ("let her decide whether to
    stay", "I won't push you; I will let you decide" beside one focus): the therapist does not steer a dispute's
    outcome (reference 3.2), and that is no deferral of the focus."""
    after = text[text.index(phrase) + len(phrase):].split()[:_LEFT_REACH]
    if not after:
        return weighed
    if after[0] in {"whether", "if"}:
        return False
    return not _FOCUS_LEFT.isdisjoint(after)


_DEFERRALS = ("before deciding", "before i decide", "before we decide", "decide later", "decide after",
              "keep them open", "keep them all open", "keep all of these open", "keep both open", "keep it open",
              "more information", "too early to", "undecided", "not yet decide", "can not decide",
              "keep both in mind", "keep them both in mind", "keep them in mind", "keep them all in mind",
              "before choosing", "leave the focus open", "leave it open",
              # the choice left to the patient, or said to come too soon ("let him choose which he wants to work
              # on", "it would be premature for me to pick")
              *_LEFT_TO_PATIENT, "premature to pick", "premature to choose", "premature to decide",
              "premature for me to")
#: The deferrals that speak of choosing itself, read in an answer that names no area.
_CHOICE_DEFERRALS = tuple(p for p in _DEFERRALS if any(w in p for w in ("decid", "choos", "focus", "premature")))

_NO_ANSWER = frozenset({"no", "not", "nope", "never", "nobody", "none", "neither", "reject", "rejected", "excluded"})


def _answered_no(tokens: list[str]) -> bool:
    """The clause after an area asked as a question answers it with no ("No, ...", "Not here", "Also not",
    "I'd reject it"; not "I'm not sure")."""
    return not _NO_ANSWER.isdisjoint(tokens[:3]) and _UNSURE.isdisjoint(tokens[:5])


#: "I'm not sure", "not completely certain": doubt, not a no.
_UNSURE = frozenset({"sure", "certain", "completely", "know", "100"})


_LATE = 1 << 30  # a rejection whose clause is not known: read as coming after any decision


def _drop(reading: AreaReading, area: ProblemArea, clause: int = _LATE) -> None:
    """Read ``area`` as rejected after all: a later sentence (``clause``) took back what its mentions seemed to
    say."""
    reading.rejected.add(area)
    reading.rejected_at[area] = max(clause, reading.rejected_at.get(area, -1))
    reading.best.pop(area, None)
    reading.order.pop(area, None)
    reading.listed.discard(area)
    reading.primary_marked.discard(area)
    reading.secondary_marked.discard(area)


_BACK_WINDOW = 4
_YES = (["yes"], ["yep"], ["definitely"], ["clearly"], ["exactly"])


def _reject_by_reference(reading: AreaReading, prepared: Clauses,
                         mentions: list[tuple[int, ProblemArea, Reading]], words: AnswerWords) -> None:
    """"Grief and a transition came to mind. I reject both." A clause that rejects without naming an area
    ("reject both", "rule them out", "neither fits") rejects the areas named, and not chosen, just before it."""
    if not mentions or not words.has_any(_REJECT_OR_CHOOSE):
        return  # (no area named: none to reject)
    # The clauses that point back with a verb of rejecting or choosing, and the bare refusals ("I wouldn't.").
    back = words.with_any(BACK_REFERENCES)
    pointing = set(back).intersection(words.with_any(_REJECTING_VERBS)) if back else set()
    pointing.update(c for c in words.with_any(_NOT) if _bare_refusal(prepared[c]))
    pointing.difference_update(clause for clause, _, _ in mentions)
    for c in sorted(pointing):
        tokens = prepared[c]
        if not _rejects_back(tokens):
            continue
        before = [(clause, area, kind) for clause, area, kind in mentions if c - _BACK_WINDOW <= clause < c]
        if not _SINGULAR_REFERENCES.isdisjoint(tokens) and _PLURAL_REFERENCES.isdisjoint(tokens):
            before = before[-1:]  # "I would not use it": the area named last
        for _, area, _ in before:
            if reading.best.get(area, Reading.MENTIONED) < Reading.CHOSEN:
                _drop(reading, area, c)


_SINGULAR_REFERENCES = frozenset({"it", "that", "this"})
_REJECT_OR_CHOOSE = REJECTION_VERBS | frozenset({"choose", "use", "pick", "take", "select", "treat", "go", "make",
                                                 "frame", "not"})
_PLURAL_REFERENCES = frozenset({"both", "them", "either", "neither", "these", "those"})
#: Verbs of choosing: negated and pointing back, they reject ("I would not choose it", "I wouldn't use that").
_CHOICE_VERBS = frozenset({"choose", "use", "pick", "take", "select", "treat", "go", "make", "frame"})
_REJECTING_VERBS = feature(REJECTION_VERBS | _CHOICE_VERBS)
_NOT = feature(frozenset({"not"}))
_REFUSALS = frozenset({"would", "will", "do", "should"})


_FIT_VERBS = frozenset({"fits", "fit", "applies", "apply"})


def _bare_refusal(tokens: list[str]) -> bool:
    """ "I wouldn't." / "We would not." as a sentence of its own, after naming an area."""
    return len(tokens) <= 4 and tokens[-1:] == ["not"] and not _REFUSALS.isdisjoint(tokens)


def _rejects_back(tokens: list[str]) -> bool:
    """The writer rejects what they named before: "I reject both", "we ruled them out", "both excluded",
    "neither fits", "I would not choose it" (not "neither will call first", nor "his father rejected them")."""
    if _bare_refusal(tokens):
        return True
    for k, token in enumerate(tokens):
        if token in _CHOICE_VERBS:
            before = tokens[max(0, k - 3):k]
            if ("not" in before or "never" in before) and not _someone_else(tokens[max(0, k - 5):k]):
                return True
            continue
        if token not in REJECTION_VERBS:
            continue
        if token in _FIT_VERBS:
            if k and tokens[k - 1] in {"neither", "none"}:
                return True
            continue
        if token in {"rule", "ruled"} and "out" not in tokens[k + 1:k + 4]:
            continue
        before = tokens[max(0, k - 3):k]
        if k == 0 or not {"i", "we", "both", "these", "those", "are", "were"}.isdisjoint(before):
            return True
    return False


def _someone_else(before: list[str]) -> bool:
    """A refusal whose subject is a person of the case, not the writer ("he would not take his tablets")."""
    return _FIRST_PERSON.isdisjoint(before) and not _PERSONS.isdisjoint(before)


_PERSONS = _THIRD_PARTIES | frozenset({"him", "them", "who"})


def _reject_headings(reading: AreaReading, prepared: Clauses, headings: list[tuple[int, ProblemArea]],
                     mentions: list[tuple[int, ProblemArea, Reading]]) -> None:
    """An answer that walks through the areas ("Grief: no one has died. Dispute: no conflict with anyone. ...
    So I choose deficits") rejects each area whose heading is followed by a negative finding, once it has settled
    on another area: chosen in a sentence of its own, named as the answer's title ("Role transition (the move).
    Grief: nobody has died. ..."), or the only heading whose finding is not negative. A finding is what follows
    a heading up to the next one: negative when it says no ("No one has died", "..., so no") or rejects the area
    ("it is not a dispute"). One heading is not a walk-through ("Primary: grief.")."""
    if len({area for _, area in headings}) < 2:
        return
    chosen = [a for a, r in reading.best.items() if r >= _ASSERTED and a in reading.free_choice
              and a not in reading.secondary_marked]
    # An explicit choice made in a sentence of its own, naming no other area ("Formulation: deficits, chosen after
    # checking the other three"), settles the walk-through: its other headings are the areas checked, whatever
    # their findings say.
    areas_in: dict[int, set[ProblemArea]] = {}
    for clause, area, _ in mentions:
        areas_in.setdefault(clause, set()).add(area)
    settled = {area for clause, area, kind in mentions
               if kind is _CHOSEN and areas_in[clause] == {area} and area in chosen}
    rejected_at = {(c, a) for c, a, kind in mentions if kind is _REJECTED}
    negative: dict[int, bool] = {}
    for clause, area in headings:
        # up to the next clause that names another area (the next heading, or a line like "deficits unlikely")
        stop = min(len(prepared), clause + 1 + _FINDING_CLAUSES)
        for c in range(clause + 1, stop):
            named = areas_in.get(c)
            if named is not None and (len(named) > 1 or area not in named):
                stop = c
                break
        negative[clause] = any(_says_no(prepared[c]) or (c, area) in rejected_at for c in range(clause + 1, stop))
    titled = {area for clause, area in headings if clause == 0 and not negative[clause]
              and prepared[clause][-1] != QUESTION}
    if not settled and not any(negative.values()):
        # Headings that rule nothing out ("Grief: the loss of his old life. Dispute: tension with Clara.") list the
        # areas as present: each is claimed, whatever the title says (an explicit choice "after checking the other
        # areas" settles them instead).
        reading.claimed.update(area for _, area in headings)
        return
    standing = {area for clause, area in headings if not negative[clause]}
    for clause, area in headings:
        if area in reading.free_choice or area in titled:
            continue
        others = {a for a in [*chosen, *titled] if a != area}
        if not others and len(standing - {area}) == 1 and negative[clause]:
            others = standing - {area}  # the one heading left standing is the answer's choice
        if not others:
            continue
        if not negative[clause] and not [a for a in settled if a != area]:
            continue
        _drop(reading, area)


#: How many clauses after a heading its finding may take ("Role dispute: Clara is supportive; he hides ... it is
#: not a dispute").
_FINDING_CLAUSES = 4


def _says_no(tokens: list[str]) -> bool:
    """A finding that says no: a negator among its first words ("No one has died", "never had a row") or at its
    end ("..., so no")."""
    return not _FINDING_NO.isdisjoint(tokens[:3]) or not _FINDING_NO.isdisjoint(tokens[-2:])


_FINDING_NO = _NEGATORS | {"rejected", "out"}


def _assign_markers(committed: list[tuple[int, int, int, ProblemArea]], prepared: Clauses,
                    reading: AreaReading, words: AnswerWords) -> None:
    """A primary/secondary marker names the area right after it ("secondary focus on the dispute", "Primary: grief"),
    else the one right before it ("motherhood as primary")."""
    by_clause: dict[int, list[tuple[int, int, ProblemArea]]] = {}
    for clause, start, end, area in committed:
        by_clause.setdefault(clause, []).append((start, end, area))
    # "Daughter leaving is a transition, but I think it's secondary": a short clause that names no area and calls
    # "it" secondary sets aside the area the clause before it named; it is a remark, not a second focus.
    # "Primary: grief; secondary: role dispute with Nikos" is a pair of labels: a bare "secondary" (or "secondary
    # area") followed by the area it labels names the next focus, it sets nothing aside.
    set_aside = set()
    remarks = set(words.with_any(_BACK_SECONDARY))  # the clauses that could call "it" secondary
    for c in by_clause if remarks else ():
        if c + 1 not in remarks:
            continue
        tokens = prepared[c + 1]
        labels_next = (c + 2 in by_clause and min(by_clause[c + 2])[0] <= 1
                       and _BACK_POINTERS.isdisjoint(tokens))
        if (len(tokens) <= _BACK_MARK_WORDS and not _BACK_SECONDARY.isdisjoint(tokens) and c + 1 not in by_clause
                and (len(tokens) <= 2 or not _BACK_POINTERS.isdisjoint(tokens)) and not labels_next):
            set_aside.add(max(by_clause[c])[2])
    for area in set_aside:
        if any(a not in set_aside for a in reading.best):
            _drop(reading, area)
            reading.rejected.discard(area)
            reading.rejected_at.pop(area, None)
    # Markers matter only in a clause with a mention, or just before one.
    added: set[ProblemArea] = set()  # areas whose clause's plan "also" adds to the focus
    marked = words.with_any(_RANK_MARKERS)
    for clause in sorted({*by_clause, *(c - 1 for c in by_clause if c > 0)}.intersection(marked)) if marked else ():
        tokens = prepared[clause]
        for p, token in enumerate(tokens):
            if token in SECONDARY_MARKERS:
                if _time_span(tokens, p):
                    continue  # "the symptoms followed within three months", "two weeks later": a date, not a rank
                if token in _ORDINALS and p + 1 < len(tokens) and tokens[p + 1] not in _RANKED and (
                        tokens[p - 1:p] == ["a"] or not any(s == p + 1 for s, _, _ in by_clause.get(clause, ()))):
                    # "a row over a second child", "her second job", "a second transition, back to work, is
                    # looming": a count, not a rank
                    continue
                target = reading.secondary_marked
            elif token in PRIMARY_MARKERS:
                if token == "first" and tokens[p - 1:p] == ["at"]:
                    continue  # "At first I thought this was grief": a time, not a rank
                target = reading.primary_marked
            else:
                continue
            here = by_clause.get(clause, [])
            after = [(s, a) for s, _, a in here if p < s <= p + _WINDOW]
            before = [(e, a) for _, e, a in here if p - _WINDOW <= e < p]
            if token == "within" and after and min(after)[0] <= p + 2:
                # "a transition ... which I would address within the grief work": the area right after "within" is
                # the focus that holds the work; the one named before it in the clause is the secondary (not
                # "within that work the role dispute")
                host = min(after)[1]
                held = [a for s, _, a in here if s < p and a is not host]
                if held:
                    target.add(held[-1])
                    continue
            if after:
                target.add(min(after)[1])
            elif before:
                target.add(max(before)[1])
            elif p >= len(tokens) - 3:
                following = [(s, a) for s, _, a in by_clause.get(clause + 1, []) if s <= 1]
                if following:
                    target.add(min(following)[1])
            elif token in _ADDING_WORDS and not any(e < p for _, e, _ in here):
                # "We will also clarify what he and Clara expect ... and work toward a resolution of the dispute":
                # "also" before the verb adds the whole of what its clause plans to a focus committed to before
                later = [(s, a) for s, _, a in here if s > p]
                if later and any(c < clause and a is not min(later)[1] for c, _, _, a in committed):
                    added.add(min(later)[1])
    if len(added) == 1:
        # (one area added so; "also" before every other area's work adds nothing: that is a list of foci)
        reading.secondary_marked |= added


#: Words that add what their clause says to what was said before ("we will also ...").
_ADDING_WORDS = frozenset({"also", "additionally"})
#: An ordinal ranks an area only before the area or a word for a focus ("second focus", "2nd: the dispute").
_ORDINALS = frozenset({"second", "2nd"})
_RANKED = frozenset({"focus", "area", "problem", "issue", "priority", "one", "line", "target", "theme", "pa", "is",
                     "would", "will", "could", "may", "might"})
_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "wk", "wks", "mo",
                         "mos", "yr", "yrs"})


def _time_span(tokens: list[str], p: int) -> bool:
    """The marker at ``p`` belongs to a span of time ("within three months", "within a year", "two weeks later"),
    not to a ranking of areas ("address within RT", "a dispute later in therapy")."""
    token = tokens[p]
    if token == "within":
        return not _TIME_UNITS.isdisjoint(tokens[p + 1:p + 4])
    if token == "later":
        return not _TIME_UNITS.isdisjoint(tokens[max(0, p - 2):p])
    return False


_BACK_MARK_WORDS = 6
_RANK_MARKERS = feature(PRIMARY_MARKERS | SECONDARY_MARKERS)
_BACK_SECONDARY = feature(frozenset({"secondary", "subsidiary", "minor"}))
_BACK_POINTERS = frozenset({"it", "its", "that", "this", "which"})


@dataclass
class AreaDecision:
    """The areas the scorer takes the answer to commit to, and what else it noticed."""

    primary: ProblemArea | None
    secondary: ProblemArea | None
    stuffing: bool
    contradiction: bool
    explicit: bool
    stuffed_areas: tuple[ProblemArea, ...] = ()
    #: in a self-contradiction, the other areas the answer argues for
    alternatives: tuple[ProblemArea, ...] = ()
    #: the answer leans towards the primary area but leaves the choice open ("probably ..., before deciding")
    tentative: bool = False
    #: the answer names two areas as equally important and ranks neither ("equally important ... work on both")
    unranked: bool = False
    #: the answer weighs two areas, chooses neither and goes on to plan the work ("hard to decide between a
    #: transition and a dispute ... for now I would help her adjust"): half of the better of the two
    undecided: bool = False


def decide_areas(chosen_primary: ProblemArea | None, chosen_secondary: ProblemArea | None,
                 reading: AreaReading) -> AreaDecision:
    """Primary and secondary area, stuffing and self-contradiction, from structured choices and the reading."""
    chosen = reading.at_least(Reading.CHOSEN)
    asserted = reading.at_least(Reading.ASSERTED)
    primary: ProblemArea | None
    if chosen_primary is not None:
        primary, secondary = chosen_primary, chosen_secondary
        own = {primary, secondary} - {None}
        others = [a for a in asserted if a not in own and a not in reading.secondary_marked]
        turned = [a for a in others if a in reading.primary_marked or a in reading.reversed_to
                  or reading.best.get(a) is Reading.CHOSEN]
        turned += [a for a in reading.reversed_paraphrase if a not in own and a not in turned]
        if reading.decisive and (decided := max(reading.decisive)[1]) not in own and decided not in turned:
            turned.append(decided)  # the text's own final decision ("So: dispute") is not the area in the field
        if not turned and reading.label is not None and _turned_from_title(reading, primary):
            turned = [reading.label]
        contradiction = bool(turned) or (primary in reading.rejected and (
            reading.best.get(primary, Reading.MENTIONED) < Reading.ASSERTED or bool(others))
            and not _decided_after_rejection(reading, primary))
        if contradiction and not turned:
            turned = others
        # The area ticked in the field is the answer's label: the text's other areas are a list only where the
        # text claims them too ("this is also a dispute") or names them as candidates outside a differential.
        # (lines of a list announced as candidates, "Differential: grief (...), role dispute (...)", are a
        # differential beside the field's choice)
        extra = [a for a in reading.listed if a not in own and a not in reading.secondary_marked
                 and (a in reading.claimed or (reading.best.get(a, _MENTIONED) is _HEDGED
                                               and not reading.candidates_listed))]
        stuffing = len(own | reading.listed) >= 3 and len(extra) >= 2
        return AreaDecision(primary, secondary, stuffing, contradiction, True, tuple(extra) if stuffing else (),
                            tuple(turned))
    if reading.refused_at >= 0 and reading.refused_at > max((p[0] for p, _ in reading.decisive), default=-1):
        # "It looks like a dispute ... perhaps a transition ... I can't choose a focus yet": the refusal is the
        # answer's last word on the focus, whatever its sentences asserted before (a decision after it wins).
        return AreaDecision(None, None, False, False, False)
    explicit = bool([a for a in chosen if a not in reading.secondary_marked])
    primary = None
    for candidates in (chosen, asserted):
        marked = [a for a in candidates if a in reading.primary_marked and a not in reading.secondary_marked]
        unmarked = [a for a in candidates if a not in reading.secondary_marked]
        if marked or unmarked:
            primary = (marked or unmarked)[0]
            break
    if primary is None and asserted:
        # The only focus the answer commits to is marked secondary ("PA: RT ... address within RT"): it is
        # still the answer's focus, since there is nothing for it to be secondary to.
        primary = asserted[0]
        explicit = bool(chosen)
    tentative = False
    weighed_out = primary is not None and not explicit and _leant_past(reading, primary)
    if weighed_out:
        # "Two candidates: the promotion, which is a role transition, and Ricky's death ... I lean towards grief,
        # probably": the area stated first was one candidate; the writer's own later lean ranks the other first
        primary = weighed_out
    # A choice made only with a weak marker ("the conflict with Maja fits a dispute") in an answer that puts the
    # decision off ("before choosing a focus") is one line of the differential it defers.
    if reading.deferred and not [a for a in chosen if a in reading.focused or a in reading.primary_marked]:
        primary = None  # "I would want more information before deciding": an open question, not a choice
        # "Probably a role transition ... both need exploring before deciding": it leans one way but leaves the
        # choice open, which earns part of the area's credit.
        leaning = [a for a in reading.at_least(_HEDGED) if a in reading.leaning and a not in reading.rejected]
        if len(leaning) == 1:
            primary, tentative = leaning[0], True
    elif primary is None:
        # A hedged answer ("Perhaps a role transition?", "I'm leaning towards deficits") that leans towards one
        # area only, and rejects or merely reports the others, commits to it tentatively.
        hedged = [a for a in reading.at_least(Reading.HEDGED) if a not in reading.rejected]
        leaning = [a for a in hedged if a in reading.leaning]
        if len(hedged) == 1:
            primary = hedged[0]
        elif len(leaning) == 1:
            # "I lean towards grief ... the row could be a dispute": the area it leans to, over the possibilities
            primary = leaning[0]
    if (reading.unranked and primary is not None and not tentative and not reading.decisive
            and not [a for a in chosen if a in reading.primary_marked or a in reading.focused]):
        # "Two problem areas seem equally important: ... I would work on both": the answer refuses to rank the areas
        # it names, so the first is a focus it leans to, not one it chose
        tentative = unranked = True
    else:
        unranked = False
    rest = [a for a in asserted if a != primary]
    titled = primary is not None and (primary is reading.label or bool(chosen))
    secondary_pick = [a for a in rest if a in reading.secondary_marked] or ([] if weighed_out else [
        a for a in rest if a not in reading.reversed_to and (a in reading.claimed or not titled)])
    secondary = secondary_pick[0] if secondary_pick else None
    distinct = {a for a in asserted if a not in reading.secondary_marked}
    if primary is not None:
        distinct.add(primary)
    turned = [a for a in distinct if a != primary] if len(distinct) >= 2 and reading.reversed_to & distinct else []
    turned += [a for a in reading.reversed_paraphrase if a != primary and a not in turned]
    contradiction = primary is not None and (
        bool(turned) or (primary in reading.rejected and primary not in reading.primary_marked
                         and not _decided_after_rejection(reading, primary)))
    if contradiction and secondary in turned:
        secondary = None
    if reading.decisive and not contradiction:
        # A differential that ends in the writer's own decision: the decision is the focus, and the areas weighed
        # before it are not a second focus unless the answer says so.
        primary = max(reading.decisive)[1]
        marked = [a for a in asserted if a != primary and a in reading.secondary_marked]
        secondary = marked[0] if marked else None
        explicit = True
    # A differential that weighs possibilities ("could be a transition, or even grief, but I'd go with a
    # dispute") is not stuffing: areas only considered do not count once one is explicitly chosen.
    # An answer that opens with its focus, or names it explicitly, discusses the other areas it names: they count
    # as its choices only where it claims them too ("this is also a dispute"), not as lines of a differential.
    labelled = primary is not None and (primary is reading.label or any(a is primary for _, a in reading.decisive)
                                        or primary in reading.focused or (
        (explicit or primary in reading.claimed)
        and all(reading.order[primary][0] < reading.first[a][0] for a in reading.listed if a != primary)))
    # An area the answer weighs and rules out ("Nobody has died, so it isn't grief") is not one it lists as a focus.
    listed = [a for a in reading.listed
              if not (explicit and a != primary and reading.best.get(a, Reading.MENTIONED) <= Reading.HEDGED)
              and not (labelled and a != primary and a not in reading.claimed)
              and not (a != primary and a in reading.rejected and a not in reading.claimed)]
    listed_unsettled = [a for a in listed if a not in reading.secondary_marked]
    # (a differential that leans towards one of the areas it names, "I would probably start with the dispute", has
    # ranked them: a hedge, marked as one, not a list of names)
    stuffing = len(listed) >= 3 and (primary is None or not explicit or len(listed_unsettled) >= 3) and not tentative
    if stuffing and len(listed) < 4 and primary is not None and primary in reading.leaning:
        # "Three areas are possible ... I'd probably begin with the dispute": it ranks what it names, weakly
        stuffing, tentative = False, True
    stuffing = stuffing or len(listed) == 4
    if stuffing:
        return AreaDecision(None, None, True, False, explicit,
                            tuple(sorted(reading.listed, key=reading.first.__getitem__)))
    if unranked and secondary is None:
        # the other area weighed the same is the second of the two foci it names
        others = [a for a in reading.best if a != primary and a not in reading.rejected]
        secondary = others[0] if len(others) == 1 else None
    if (tentative and not unranked) or primary is None:
        secondary = None  # nothing to be secondary to
    return AreaDecision(primary, secondary, False, contradiction, explicit, (), tuple(turned), tentative=tentative,
                        unranked=unranked and secondary is not None)


def _leant_past(reading: AreaReading, stated: ProblemArea) -> ProblemArea | None:
    """The one other area the writer leans to in the first person after ``stated`` was only stated, not chosen or
    claimed as the focus ("The redundancy is a clear role transition. ... I'll tentatively go with the dispute"):
    the candidates were weighed and the lean ranks that one first. None when the stated area is the answer's
    focus, marked primary, or leant to as well, or when the writer leans to more than one other area."""
    if (stated in reading.claimed or stated in reading.focused or stated in reading.primary_marked
            or reading.decisive):
        return None
    at = reading.order[stated]
    later = {a for p, a in reading.writer_leans if p > at}
    if stated in later or len(later) != 1:
        return None
    (area,) = later
    if area in reading.rejected or area in reading.secondary_marked:
        return None
    return area


def _decided_after_rejection(reading: AreaReading, area: ProblemArea) -> bool:
    """The writer's last decision is ``area`` and comes after every rejection of it ("... an empty-nest transition,
    or a dispute; neither fits as well. Final answer: role transition"): a differential that set a variant aside and
    then settled, marked for its final choice, not an answer that takes its choice back."""
    if not reading.decisive:
        return False
    (clause, _), decided = max(reading.decisive)
    return decided is area and clause > reading.rejected_at.get(area, _LATE)


def _turned_from_title(reading: AreaReading, chosen: ProblemArea) -> bool:
    """The text opens with another area as its title, argues it, and then names the area chosen in the field as
    the focus ("Role transition: the move in August, her mood fell in October ... but I think the focus should be
    deficits", deficits ticked): it turned from its own title."""
    title = reading.label
    return (title is not None and title is not chosen and chosen in reading.focused and not reading.label_asked
            and title not in reading.rejected and title not in reading.secondary_marked
            and chosen not in reading.secondary_marked
            and reading.order.get(title, (0, 0)) < reading.order.get(chosen, (0, 0)))


_GRIEF_WEIGHT = 1.5
#: Words that put an event in the settled past: it does not explain the present episode.
_SETTLED = frozenset({"properly", "resolved", "settled"})
#: A count of days, weeks or months before "ago" dates a recent event ("two months ago"), as does a year or two ("a
#: year ago"); "long ago", "many years ago", "twenty years ago" tell an old one.
_COUNTS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "few", "couple", "several", "some", "last", "only", "just"})
_RECENT_YEARS = frozenset({"a", "an", "one", "two", "couple", "last", "only", "just", "1", "2"})
_SHORT_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months"})


def _settled(tokens: list[str]) -> bool:
    """The clause tells the event as settled: "grieved it properly", "long ago", "many years ago"; an event dated
    a few months or years ago ("since you lost her two months ago") is not settled."""
    if not _SETTLED.isdisjoint(tokens):
        return True
    for k, token in enumerate(tokens):
        if token == "ago":
            unit = tokens[k - 1] if k else ""
            count = tokens[k - 2] if k > 1 else ""
            recent = (count in _COUNTS or count.isdigit()) if unit in _SHORT_UNITS else (
                unit in {"year", "years"} and count in _RECENT_YEARS)
            if not recent:
                return True
    return False


_PLAN_WEIGHT = 3.0
#: Words of a focus frame whose object names the focus ("treat ... as the focus", "focus on ...", "the focus is ...").
_FOCUS_FRAME = feature(frozenset({"focus", "focused", "focusing", "treat", "treating", "target", "targeting"}))
_FOCUS_WORDS = _FOCUS_FRAME | frozenset({
    # the writer's own naming of the focus: "I'd frame this as an unresolved loss of her father"
    "frame", "framing", "formulate"})
#: A plan said as what the writer and the patient will do: "I'd suggest we spend twelve sessions on this quarrel",
#: "I'd like us to talk about him", "we will look at the change", "we could go through the arguments".
_WE = frozenset({"we", "us", "lets", "i"})
_INTENT = frozenset({"suggest", "propose", "like", "want", "will", "would", "shall", "plan", "going", "can", "could",
                     "lets", "let", "need", "should", "ll"})
_PLAN_VERBS = frozenset({"spend", "spending", "talk", "talking", "look", "looking", "go", "going", "concentrate",
                         "sessions", "time", "explore", "exploring"})
_PLAN_PARTICLES = frozenset({"on", "about", "through", "over", "at"})
_PARTICLE_REACH = 6


def _plans(tokens: list[str]) -> bool:
    """A sentence that states the plan: "I would focus on ...", "we will work on ...", "I'd frame this as ...", or
    what we will do together ("I'd suggest we spend our sessions on this quarrel", "I'd like us to talk about
    him")."""
    if not _FOCUS_WORDS.isdisjoint(tokens):
        return True
    if any(t in {"work", "working"} and tokens[k + 1:k + 2] == ["on"] for k, t in enumerate(tokens)):
        return True
    if _WE.isdisjoint(tokens) or _INTENT.isdisjoint(tokens) or _PLAN_VERBS.isdisjoint(tokens):
        return False
    return any(t in _PLAN_VERBS and not _PLAN_PARTICLES.isdisjoint(tokens[k + 1:k + 1 + _PARTICLE_REACH])
               for k, t in enumerate(tokens))


#: Verbs of seeking or making: what follows them in a plan is sought, not what happened ("find a few people", "make
#: friends", "build a new life").
_SEEKING = frozenset({"find", "finding", "make", "making", "meet", "meeting", "build", "building", "form", "forming",
                      "get", "getting", "gain", "gaining", "start", "starting"})
_SEEK_REACH = 3


def _sought(tokens: list[str], start: int) -> bool:
    """The event words at ``start`` are the object of a verb of seeking a few words before them ("find a few people
    here you could spend time with", "make friends"): the plan's aim, not an event it tells."""
    return not _SEEKING.isdisjoint(tokens[max(0, start - _SEEK_REACH):start])


#: An event ranked above the others in plain words: "the move is probably the bigger thing", "the real issue is the
#: fight with Paula", "what matters most is her father's death".
_RANK_WORDS = feature(frozenset({"bigger", "biggest", "main", "real", "key", "central", "greater", "larger"}))
_RANK_NOUNS = frozenset({"thing", "issue", "problem", "factor", "story", "cause", "driver", "reason", "part"})


def _ranks_first(tokens: list[str]) -> bool:
    """The clause ranks what it tells above the rest ("I think the move is probably the bigger thing"), not
    negated ("not the main thing")."""
    if _RANK_WORDS.isdisjoint(tokens):
        return False
    return any(t in _RANK_WORDS and tokens[k + 1:k + 2] and tokens[k + 1] in _RANK_NOUNS
               and _NEGATORS.isdisjoint(tokens[max(0, k - 3):k]) for k, t in enumerate(tokens))


#: The writer's own account of the case opened in lay words: "what is going on is that ...", "what is happening
#: here is ...", "what has happened is ...".
_ACCOUNT_OPENERS = frozenset({"going", "happening", "happened"})
_ACCOUNT_REACH = 5


def _accounts(tokens: list[str]) -> bool:
    """The clause opens with the writer's account of what the case is ("what is going on is that Helene and Baptiste
    want different things from the flat"): "what" first, then a verb of happening and "is" within a few words (not a
    question: "what is going on?" ends on no such "is")."""
    if not tokens or tokens[0] != "what" or _ACCOUNT_OPENERS.isdisjoint(tokens[1:4]):
        return False
    at = next(k for k in range(1, 4) if tokens[k] in _ACCOUNT_OPENERS)
    return "is" in tokens[at + 1:at + 1 + _ACCOUNT_REACH] and _NEGATORS.isdisjoint(tokens[:at + _ACCOUNT_REACH])


#: Lay words that tell which area an object of a focus frame is: "the thinness of his relationships", "this quarrel
#: with your sister", "the change in your life", "the loss of your father".
_LAY_AREA_WORDS: dict[str, ProblemArea] = {
    **dict.fromkeys(("relationships", "friendships", "friends", "connections", "loneliness", "lonely", "isolation",
                     "isolated", "alone", "social", "closeness", "company"), ProblemArea.INTERPERSONAL_DEFICITS),
    **dict.fromkeys(("quarrel", "quarrels", "argument", "arguments", "arguing", "fight", "fights", "fighting",
                     "conflict", "disagreement", "disagreements", "row", "rows", "rift", "tension", "feud",
                     "estrangement"), ProblemArea.ROLE_DISPUTE),
    **dict.fromkeys(("change", "changes", "move", "adjusting", "adapting", "adjustment", "transition", "retirement",
                     "diagnosis", "illness"), ProblemArea.ROLE_TRANSITION),
    **dict.fromkeys(("death", "grief", "grieving", "mourning", "bereavement"), ProblemArea.GRIEF),
}
_OBJECT_END = frozenset({"as", "because", "since", "so", "which", "who", "while"})
#: Words of a loss that is grief only when what is lost is one of the case's dead ("the loss of your father", not
#: "the loss of your job": other losses are role transitions by course convention).
_LOSS_WORDS = frozenset({"loss", "losing", "lost"})
#: Words that make loneliness in a focus phrase what a loss left ("how lonely the house is without him").
_LOSS_MARKS = frozenset({"without", "gone", "since", "after"}) | _LOSS_WORDS
_LOSS_REACH = 4


#: Isolation said in everyday words: "nobody close", "so few people", "hardly anyone", "cut off from people".
_NOBODY = frozenset({"nobody", "noone"})
_SCARCE = frozenset({"few", "hardly", "no", "barely", "scarcely"})
_ANYONE = frozenset({"people", "anyone", "anybody", "one", "friends", "company"})


def _few_people(found: list[str]) -> bool:
    """Whether a phrase says the patient has few or no people ("having nobody close", "so few people to talk to",
    "hardly anyone", "being so cut off from people"): the everyday name of a life with few relationships."""
    if not _NOBODY.isdisjoint(found):
        return True
    return any((t in _SCARCE and not _ANYONE.isdisjoint(found[k + 1:k + 3]))
               or (t == "cut" and found[k + 1:k + 3] == ["off", "from"]) for k, t in enumerate(found))


def _object_areas(found: list[str], dead: frozenset[str]) -> set[ProblemArea]:
    """The areas the lay words of a focus phrase name: a loss is grief when its object is one of the case's dead
    (``dead``: the words of their names and kin); loneliness beside a death, a loss or one of the dead ("how lonely
    the house is without him") is what the loss left, not a lifelong pattern."""
    areas = {_LAY_AREA_WORDS[t] for t in found if t in _LAY_AREA_WORDS}
    if _few_people(found):
        areas.add(ProblemArea.INTERPERSONAL_DEFICITS)
    for k, t in enumerate(found):
        if t in _LOSS_WORDS and not dead.isdisjoint(found[k + 1:k + 1 + _LOSS_REACH]):
            areas.add(ProblemArea.GRIEF)
    if ProblemArea.INTERPERSONAL_DEFICITS in areas and not (
            _DEATH_WORDS.isdisjoint(found) and _LOSS_MARKS.isdisjoint(found) and dead.isdisjoint(found)):
        areas.discard(ProblemArea.INTERPERSONAL_DEFICITS)
    return areas


def _focus_named(tokens: list[str], dead: frozenset[str] = frozenset()) -> ProblemArea | None:
    """The area the object of a focus frame names in lay words, when its words name one area only: "I'd treat the
    thinness of his relationships as the focus" (deficits), "we will focus on the quarrel with Paula" (dispute);
    None when the object names none, or words of two areas ("the conflict since the move"). ``dead``: the words of
    the names and kin of the case's dead (see :func:`_object_areas`)."""
    start = next((k for k, t in enumerate(tokens) if t in _FOCUS_FRAME), None)
    if start is None or not _NEGATORS.isdisjoint(tokens[max(0, start - 3):start]):
        return None
    if tokens[start] in {"focus", "focused", "focusing"} and tokens[start + 1:start + 2] == ["is"]:
        found = tokens[start + 2:]  # "the focus is the thinness of his relationships"
    elif tokens[start] in {"treat", "treating", "target", "targeting"}:
        found = tokens[start + 1:]  # "treat X as the focus"
    elif tokens[start + 1:start + 2] == ["on"]:
        found = tokens[start + 2:]  # "focus on X"
    elif tokens[start + 1:start + 3] in (["as"], []) or tokens[max(0, start - 2):start] == ["is", "the"]:
        found = tokens[:start]  # "X is the focus", "X is the focus for me"
    else:
        found = []
    end = next((k for k, t in enumerate(found) if t in _OBJECT_END), len(found))
    areas = _object_areas(found[:end], dead)
    return areas.pop() if len(areas) == 1 else None


def settled_later(prepared: Clauses, words: AnswerWords, after: int,
                  dead: frozenset[str] = frozenset()) -> ProblemArea | None:
    """The one area the writer's own lay statements name after clause ``after`` ("... a dispute crossed my mind.
    But ... On reflection the move itself is the focus for me"): the focus, the problem or the cause said in lay
    words (:func:`_focus_named`, :func:`problem_named`, :func:`cause_named`); None when they name none or several.
    A hedged area followed by such a statement is weighed, and the statement settles the choice."""
    found: set[ProblemArea] = set()
    for first, reader in ((_FOCUS_FRAME, _focus_named), (_PROBLEM_NOUNS, problem_named),
                          (_SAID_CAUSE_FIRST, cause_named)):
        for c in words.with_any(first):
            if c > after and prepared[c][-1:] != [QUESTION]:
                named = reader(prepared[c], dead)
                if named is not None:
                    found.add(named)
    return found.pop() if len(found) == 1 else None


#: Word pairs that say what the episode comes from, the object after them ("is about", "comes from", "reaction to",
#: "because of", "heart of it is", "brought on by"), or before them ("the change brought it on").
_SAID_CAUSE_PAIRS = frozenset({("is", "about"), ("really", "about"), ("all", "about"), ("mostly", "about"),
                          ("largely", "about"), ("comes", "from"), ("come", "from"), ("stems", "from"),
                          ("reaction", "to"), ("response", "to"), ("because", "of"), ("due", "to"), ("down", "to"),
                          ("heart", "of"), ("on", "by"), ("brought", "on"), ("brought", "this"), ("brought", "it"),
                          ("set", "off"), ("root", "of"), ("is", "what"), ("are", "what"), ("was", "what")})
_SAID_CAUSE_FIRST = feature(frozenset(first for first, _ in _SAID_CAUSE_PAIRS))
#: "the heart of it is X", "what brought this on is X": the object comes after the copula
_COPULA_OBJECT = frozenset({"heart", "root", "brought", "set"})
#: Denials before a cause cleft ("I don't think the move is what brought this on").
_CLEFT_DENIALS = frozenset({"not", "nt", "never", "neither", "nor", "without", "unlikely", "doubt"})
#: Words after which the subject of a cause cleft begins ("I think | being so alone is what ...").
_CLEFT_OPENERS = frozenset({"think", "believe", "that", "and", "but", "so", "suspect", "feel", "sense"})
_SAID_CAUSE_REACH = 12
#: Words of the episode itself: what a letter's symptoms come from is the illness, not a life change.
_THE_EPISODE = frozenset({"illness", "depression", "depressive", "episode", "symptoms", "disorder"})


def cause_named(tokens: list[str], dead: frozenset[str] = frozenset()) -> ProblemArea | None:
    """The area that the cause a clause gives in lay words names, when they name one area only ("what brought this
    on is the huge change in your life": the transition; "it is all about the rows with Sian": the dispute; "your
    reaction to losing the work you loved": the transition); None when the clause gives no cause, denies it ("it is
    not about the job"), or names words of two areas. ``dead``: the words of the names and kin of the case's dead."""
    for k in range(len(tokens) - 1):
        if (tokens[k], tokens[k + 1]) not in _SAID_CAUSE_PAIRS or not (
                _CLEFT_DENIALS if tokens[k + 1] == "what" else _NEGATORS).isdisjoint(tokens[:k]):
            continue  # (a denial anywhere before: "I do not think the loneliness is at the heart of it"; in a cleft,
            # "nobody" and "no one" are its subject: "having nobody close is what brought this on")
        rest = tokens[k + 2:k + 2 + _SAID_CAUSE_REACH]
        if tokens[k + 1] == "what":
            # "being so cut off from people is what keeps pulling you down": a cleft whose subject is the cause
            if _CLEFT_CAUSE.isdisjoint(rest[:_CLEFT_FRAME_REACH]) and not _done_to_patient(rest):
                continue
            found = tokens[max(0, k - _SAID_CAUSE_REACH):k]
            found = found[next((j + 1 for j in range(len(found) - 1, -1, -1) if found[j] in _CLEFT_OPENERS), 0):]
        elif tokens[k] in _COPULA_OBJECT:
            # "the heart of it is X", "what brought this on is X"; else "X brought it on" names it before
            copula = next((j for j, t in enumerate(rest) if t in {"is", "was"}), None)
            found = rest[copula + 1:] if copula is not None else tokens[max(0, k - _SAID_CAUSE_REACH):k]
        else:
            found = rest
        end = next((j for j, t in enumerate(found) if t in _OBJECT_END), len(found))
        if tokens[k + 1] == "what":
            end = len(found)
        if not _THE_EPISODE.isdisjoint(found[:end]):
            continue  # "the sleep and the tiredness come from the illness": the depression, the sick role's words
        area = _one_object_area(found[:end], dead)
        if area is not None:
            return area
    return None


#: Words a cleft's verb may open with before the verb itself ("is what has flattened him", "is what is driving this").
_CLEFT_HELPERS = frozenset({"has", "have", "had", "is", "was", "been", "really", "finally", "slowly", "s"})
#: Who or what the cleft's verb acts on: the patient, or the episode ("what is driving this").
_DONE_TO = frozenset({"him", "her", "you", "them", "this"})
#: Verbs of a cleft's rest that say what keeps the patient well ("what keeps him going", "what held her together").
_SUSTAINING = frozenset({"going", "alive", "together", "sane", "afloat", "up", "happy"})


def _done_to_patient(rest: list[str]) -> bool:
    """The rest of a "... is what" cleft says something was done to the patient or drives the episode: a verb that
    tells what happened (a past or a progressive form: "has flattened him", "is driving this", "knocked him flat")
    with the patient or the episode as its object; not what someone does ("is what he needs"), nor what sustains
    ("is what keeps him going")."""
    k = 0
    while k < len(rest) and rest[k] in _CLEFT_HELPERS:
        k += 1
    if k >= len(rest) or not rest[k].endswith(("ed", "ing", "en")) or rest[k] in _SUSTAINING:
        return False
    return not _DONE_TO.isdisjoint(rest[k + 1:k + 3]) and _SUSTAINING.isdisjoint(rest[k + 1:k + 4])


def _one_object_area(phrase: list[str], dead: frozenset[str]) -> ProblemArea | None:
    """The one area the lay words of a focus phrase name (a lost role, when they name none, is the transition);
    None when they name none or several. ``dead``: as :func:`_object_areas`'s."""
    areas = _object_areas(phrase, dead)
    if not areas and _lost_role(phrase):
        return ProblemArea.ROLE_TRANSITION
    return areas.pop() if len(areas) == 1 else None


#: Nouns of the problem a lay statement of the focus names: "the problem is the change in his life".
_PROBLEM_NOUNS = feature(frozenset({"problem", "issue", "trouble", "difficulty"}))
_PROBLEM_REACH = 4


def problem_named(tokens: list[str], dead: frozenset[str] = frozenset()) -> ProblemArea | None:
    """The area that the problem a clause states in lay words names, when they name one area only ("the main problem
    is the change in his life": the transition; "his problem is being so alone": deficits; "problem of Dwayne is the
    change of his life"); None when the statement is denied ("the problem is not the move", "not the problem") or
    hedged by having no "is" close after the noun ("the problem may be ..."). ``dead``: as :func:`cause_named`'s."""
    for k, t in enumerate(tokens):
        if t not in _PROBLEM_NOUNS or not _NEGATORS.isdisjoint(tokens[max(0, k - 3):k]):
            continue
        copula = next((j for j in range(k + 1, min(len(tokens), k + 1 + _PROBLEM_REACH))
                       if tokens[j] in {"is", "was"}), None)
        if copula is None:
            continue
        found = tokens[copula + 1:copula + 1 + _SAID_CAUSE_REACH]
        if found[:1] and found[0] in _NEGATORS | {"that"}:
            continue  # "the problem is not the move"; "the problem is that ..." tells a fact, read elsewhere
        end = next((j for j, w in enumerate(found) if w in _OBJECT_END), len(found))
        area = _one_object_area(found[:end], dead)
        if area is not None:
            return area
    return None


_ALONE_WORDS = frozenset({"alone", "lonely", "isolated", "isolation", "loner", "friendless", "withdrawn"})
_FRIEND_WORDS = frozenset({"friends", "friend", "friendships", "relationships", "partner"})
_FEW = frozenset({"no", "few", "never", "any"})
_LIFELONG_WORDS = feature(frozenset({"always", "lifelong", "years", "childhood", "school", "teens", "adult", "whole",
                                     "never", "decades", "remember", "long"}))


def _on_own(tokens: list[str]) -> bool:
    """ "on her own", "on your own"."""
    return any(t == "own" and k > 1 and tokens[k - 2] == "on" for k, t in enumerate(tokens))


#: How far before a word of being alone a "never" denies it ("he has never had to live on his own").
_NEVER_REACH = 5


#: Words that date what a clause tells as recent: "the loneliness is new", "she has only lately been alone".
_NEW_WORDS = frozenset({"new", "recent", "recently", "lately"})


def _new_isolation(tokens: list[str]) -> bool:
    """Isolation said to be new ("she was the social one, so the loneliness is new"), not denied to be ("the
    loneliness is not new"): what a change did, not the lifelong pattern of deficits."""
    return not _NEW_WORDS.isdisjoint(tokens) and any(
        t in _NEW_WORDS and (k == 0 or tokens[k - 1] not in _NEGATORS) for k, t in enumerate(tokens))


def _never_alone(tokens: list[str]) -> bool:
    """Being alone denied ("he has never lived alone", "never had to live on his own"): no isolation told."""
    return any(t == "never" and (not _ALONE_WORDS.isdisjoint(tokens[k + 1:k + 1 + _NEVER_REACH])
                                 or _on_own(tokens[k:k + 2 + _NEVER_REACH]))
               for k, t in enumerate(tokens))


#: Connectives that put the effect first: what stands before them is explained ("the rows with Lukas come from his
#: not letting go", "he keeps ringing the shop because he cannot let go"), what follows them explains.
_EFFECT_FIRST = frozenset({"because", "stems", "stem"})
_EFFECT_FIRST_PAIRS = frozenset({("comes", "from"), ("come", "from"), ("coming", "from"), ("due", "to"),
                                 ("down", "to"), ("belongs", "to"), ("belong", "to")})
#: What stands before "part of" after one of these is placed inside another story ("I'd treat the quarrels as part
#: of the same upheaval", "the rows are just part of it"); "a big part of the problem is the fight" is not.
_PLACED_IN = frozenset({"as", "is", "are", "was", "were", "just", "only", "all", "simply", "merely"})


#: Words of a judgement before the connective: "the diagnosis is probably the bigger thing, because ..." gives the
#: reason for the answer's choice, not the cause of the event.
_JUDGED = frozenset({"probably", "bigger", "biggest", "main", "real", "focus", "problem", "issue", "think", "key",
                     "central", "heart", "root", "more", "most", "matters"})


def _effect_before(tokens: list[str]) -> int | None:
    """Where a clause's first effect-first connective stands, if it has one (events before it are explained, or placed
    inside another story: "treat the quarrels as part of the same upheaval"); none when what stands before it is a
    judgement of the answer's own."""
    for k, t in enumerate(tokens):
        if t in _EFFECT_FIRST or (k + 1 < len(tokens) and ((t, tokens[k + 1]) in _EFFECT_FIRST_PAIRS or (
                t == "part" and tokens[k + 1] == "of" and k and tokens[k - 1] in _PLACED_IN))):
            return None if not _JUDGED.isdisjoint(tokens[:k]) else k
    return None


#: People other than the patient whose view an answer reports ("your daughter thinks you were always a loner").
_OTHER_PEOPLE = _THIRD_PARTIES - {"he", "she", "they", "patient", "pt"}
_VIEW_VERBS = frozenset({"says", "said", "thinks", "thought", "believes", "claims", "insists", "wonders", "calls",
                         "feels"})


def _others_view(tokens: list[str]) -> bool:
    """The clause reports another person's view ("your daughter thinks ...", "the family says ..."), not the
    writer's."""
    return any(t in _VIEW_VERBS and not _OTHER_PEOPLE.isdisjoint(tokens[max(0, k - 2):k]) for k, t in enumerate(tokens))


#: Verbs of having, making and keeping relationships ("never been able to make or keep close friends").
_KEEPING_FRIENDS = frozenset({"make", "keep", "have", "had", "made", "kept", "hold", "find", "found"})
_NEVER_ABLE = frozenset({"never", "not", "cannot", "unable", "nt"})
_KEPT_REACH = 9


def _kept_from(before: list[str]) -> bool:
    """The words before a word of friendship deny that the patient makes or keeps any ("she has never been able to
    make or keep close friends", "he cannot keep friends"): a denial, then a verb of having, making or keeping."""
    return any(t in _NEVER_ABLE and not _KEEPING_FRIENDS.isdisjoint(before[k + 1:]) for k, t in enumerate(before))


def _lifelong_isolation(tokens: list[str]) -> bool:
    """A clause that tells a long-standing pattern of isolation: a word of isolation ("alone", "no close friends")
    and a word of lifelong time ("always", "since school", "for years", "all her adult life"), not one that dates the
    isolation from an event ("alone since he died")."""
    if _LIFELONG_WORDS.isdisjoint(tokens):
        return False
    isolated = not _ALONE_WORDS.isdisjoint(tokens) or _on_own(tokens) or any(
        t in _FRIEND_WORDS and k and ((tokens[k - 1] in _FEW | {"close"} and (tokens[k - 1] != "close" or (
            k > 1 and tokens[k - 2] in _FEW))) or _kept_from(tokens[max(0, k - _KEPT_REACH):k]))
        for k, t in enumerate(tokens))
    if not isolated or _others_view(tokens) or _never_alone(tokens):
        # (another person's view is not the writer's argument: "your daughter thinks you were always ..."; nor is
        # being alone denied: "he has never lived alone")
        return False
    return not ({"died", "death", "widowed", "move", "moved", "divorce"} & set(tokens))


#: Words that attribute the episode to something in plain language ("comes from", "has a lot to do with", "tied
#: to", "feed each other"), besides the causal words of the lexicon.
_ATTRIBUTING = feature(frozenset({"comes", "come", "coming", "tied", "feed", "feeds", "behind", "do", "down"}))
_ATTRIBUTION_PAIRS = frozenset({("comes", "from"), ("come", "from"), ("coming", "from"), ("tied", "to"),
                                ("to", "do"), ("feed", "each"), ("feeds", "the"), ("feeds", "into"),
                                ("feed", "into"), ("down", "to"), ("behind", "the"), ("behind", "it")})
_CONSEQUENCE_PAIRS = frozenset({("grew", "out"), ("grown", "out"), ("came", "after"), ("came", "later"),
                                ("came", "afterwards"), ("came", "afterward"),
                                ("result", "of"), ("consequence", "of"), ("followed", "from"), ("secondary", "to")})
_CONSEQUENCE_FIRST = feature(frozenset(first for first, _ in _CONSEQUENCE_PAIRS))
_LOST = frozenset({"lost", "losing", "loss", "lose"})
_ROLE_THINGS = frozenset({"job", "work", "role", "team", "mates", "career", "place", "identity", "independence",
                          "country", "home", "colleagues", "status", "routine", "purpose", "health", "way"})
_DEATH_WORDS = frozenset({"died", "death", "dead", "funeral", "grave", "widow", "widowed", "passed"})


def _attributes(tokens: list[str]) -> bool:
    """A clause that attributes the episode in plain words ("a lot of it comes from being on your own")."""
    if _ATTRIBUTING.isdisjoint(tokens):
        return False
    return any((t, tokens[k + 1]) in _ATTRIBUTION_PAIRS for k, t in enumerate(tokens[:-1]))


_BLOCKING = frozenset({"not", "never", "nt", "unable", "cannot", "no"})
#: What a role transition mourns ("you have not grieved the life you left", "the job she lost"): not a death.
_OLD_LIFE = _ROLE_THINGS | {"life", "old", "former", "past", "loss", "losing", "marriage", "dream", "dreams"}
_REPORTING = frozenset({"says", "said", "thinks", "feels", "believes", "claims", "insists"})


#: Words of a mourning done ("you grieved him well", "you have mourned her") and of peace made with a loss.
_MOURNED_WORDS = frozenset({"grieved", "mourned"})
_PEACE = frozenset({("made", "peace"), ("make", "peace"), ("at", "peace"), ("said", "goodbye"), ("come", "terms")})
#: Words that point back to what the clause before told ("... but you have made your peace with it").
_BACK = frozenset({"it", "him", "her", "that", "this", "them"})


def _mourning_done(tokens: list[str]) -> bool:
    """The clause says a loss was mourned ("you grieved him well", "you have mourned her"), not that it was not
    ("you never grieved him": :func:`_blocked_mourning`), or that peace was made with it ("made your peace with
    it")."""
    for k, token in enumerate(tokens):
        if token in _MOURNED_WORDS and _BLOCKING.isdisjoint(tokens[max(0, k - 6):k]):
            return True
    return any((a, b) in _PEACE or (a, c) in _PEACE for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))


_NOT_CLOSE_REACH = 2
_NOT_SO = frozenset({"not", "never", "nt", "t", "hardly"})


_PEACE_REACH = 8


def _peace_before(before: list[str]) -> bool:
    """The words just before a death say peace was made with it ("he seems to have made his peace with his
    brother's death", "she has come to terms with her father's death"), not that it was not ("he has not come to
    terms with her death", "never made peace with")."""
    window = before[-_PEACE_REACH:]
    return any(((a, b) in _PEACE or (a, c) in _PEACE) and _BLOCKING.isdisjoint(window[max(0, k - 4):k])
               for k, (a, b, c) in enumerate(zip(window, window[1:], window[2:], strict=False)))


def _not_close(after: list[str]) -> bool:
    """The words after a death say the dead was not close to the patient ("the cousin who died in Tonga was not
    close"): a death the writer weighs and sets aside."""
    return any(t == "close" and not _NOT_SO.isdisjoint(after[max(0, k - _NOT_CLOSE_REACH):k])
               for k, t in enumerate(after))


def _dismissed_next(prepared: Clauses, clause: int, told: dict[int, set[ProblemArea]]) -> bool:
    """The clause after an event's clause sets it aside, pointing back to it and telling no event of its own
    ("Samuel's death was hard, | but you have made your peace with it", "... | and it is not what set this off"):
    the writer weighs the event and dismisses it, as in one clause."""
    after = prepared[clause + 1] if clause + 1 < len(prepared) else []
    if not after or clause + 1 in told or _BACK.isdisjoint(after):
        return False
    return set_aside(after) or _mourning_done(after)


def _blocked_mourning(tokens: list[str]) -> bool:
    """The writer says mourning has not been done: a verb of mourning with a word of blocking shortly before it
    ("you have not yet had the chance to grieve for your brother", "he never mourned her"), not mourning of a role
    or a way of life ("she has not grieved the job she lost"), nor someone else's account ("she says she never
    grieved")."""
    if not _REPORTING.isdisjoint(tokens):
        return False
    for k, token in enumerate(tokens):
        if token in _MOURNING_VERBS and not _BLOCKING.isdisjoint(tokens[max(0, k - 6):k]):
            blocked_at = max(j for j in range(max(0, k - 6), k) if tokens[j] in _BLOCKING)
            # "there is no change of role to mourn": the role stands between the denial and the verb, and what
            # is denied is that anything was lost, not that mourning was done
            return _OLD_LIFE.isdisjoint(tokens[k + 1:k + 5]) and _CHANGE_OF_LIFE.isdisjoint(tokens[blocked_at + 1:k])
    return False


#: What a change of life is called before a mourning verb it denies ("no change of role to mourn").
_CHANGE_OF_LIFE = _OLD_LIFE | frozenset({"change", "changes"})


#: What an event set aside is said not to be: "the move is not the issue", "not what this is about", "the exam is
#: better read as a casualty of his concentration than as a cause", "her daughter leaving didn't knock her down".
_RELEVANCE = frozenset({"issue", "problem", "cause", "trigger", "reason", "driver", "about", "focus", "explanation",
                        "knock", "knocked", "affect", "affected", "bother", "bothered", "upset", "explain", "explains",
                        "brought", "caused", "triggered", "matter", "point", "set"})
_NOT_RELEVANT = frozenset({"not", "nt", "never", "hardly", "than"})
_BELIEVING = frozenset({"think", "believe", "see", "feel"})
_RELEVANCE_REACH = 4
#: An event told as going well: "the move went well", "the new office is fine", "she has settled in well".
_WENT_WELL = frozenset({("went", "well"), ("going", "well"), ("gone", "well"), ("goes", "well"), ("is", "fine"),
                        ("was", "fine"), ("are", "fine"), ("coped", "well"), ("copes", "well"), ("adjusted", "well"),
                        ("settled", "well"), ("fine", "actually"), ("turned", "out")})
_GOOD_WORDS = frozenset({"well", "fine", "out"})
_WELL_REACH = 5


def set_aside(tokens: list[str], end: int | None = None) -> bool:
    """The writer weighs an event and sets it aside: it is said not to be the issue or the cause ("the promotion
    went well and isn't the issue", "is not what this is about", "a casualty of his concentration rather than a
    cause", "didn't knock him down") or to have gone well ("the move went well", "the new office is fine"; with
    ``end``, the event's last word, just after it: not "the move is the bigger thing, since she was fine in
    Brazil")."""
    if not _GOOD_WORDS.isdisjoint(tokens):
        window = tokens if end is None else tokens[end + 1:end + 1 + _WELL_REACH]
        if any(pair in _WENT_WELL and (k == 0 or window[k - 1] not in _NOT_RELEVANT)
               for k, pair in enumerate(pairwise(window))):
            return True
    if _NOT_RELEVANT.isdisjoint(tokens):
        return False
    if tokens[-2:] == ["not", "it"] and len(tokens) > 3 and tokens[-3] in _BE_NOW and tokens[-4] in _BACK_SUBJECTS:
        return True  # "retiring was a happy change, so that is not it": the writer's own "that isn't it"
    if end is not None and tokens[end + 1:end + 2] and tokens[end + 1] in _BE_NOW and tokens[end + 2:end + 4] == [
            "not", "it"]:
        return True  # "Carmela's death is not it; he has cried for her": the event itself said not to be it
    if _RELEVANCE.isdisjoint(tokens):
        return False
    return any(t in _NOT_RELEVANT and (not _RELEVANCE.isdisjoint(tokens[k + 1:k + 1 + _RELEVANCE_REACH]) or (
        # a belief denied about the cause: "I do not think his death is what set this off"
        tokens[k + 1:k + 2] and tokens[k + 1] in _BELIEVING and not _RELEVANCE.isdisjoint(tokens[k + 2:])))
               for k, t in enumerate(tokens))


#: "that is not it", "this was not it" (never "the problem is not it", nor a tag question's "is not it").
_BE_NOW = frozenset({"is", "was"})
_BACK_SUBJECTS = frozenset({"that", "this"})
_AFTER = feature(frozenset({"after"}))
#: How far after "after" the onset is said ("after your mood had already dropped").
_LATER_REACH = 7
#: Words that open a clause pointing back to what the clause before told ("but that was after ...").
_BACK_OPENERS = frozenset({"that", "this", "it", "which"})


#: The words of a span that opens a clause before "after" ("two months after", "about a year after", "soon after").
_SPAN_WORDS = _COUNTS | _SHORT_UNITS | frozenset({"about", "around", "roughly", "almost", "nearly", "soon", "shortly",
                                                  "of", "year", "years", "barely", "within"})


def _later_than_onset(tokens: list[str]) -> bool:
    """A clause that dates something after the onset ("the move came long after your mood dropped", "that was after
    this all began"): the onset said after "after", and not before it ("it began after the move" dates the onset)."""
    for k, token in enumerate(tokens):
        if token == "after" and not onset_said(tokens[:k]):
            if k and _SPAN_WORDS.issuperset(tokens[:k]) and not onset_said(tokens[k + 1:k + 4]):
                continue  # "two months after landing in Miami she was sleeping in class": the event, then the onset
            rest = [t for t in tokens[k + 1:k + 1 + _LATER_REACH] if t != "all"]
            if onset_said(rest):
                return True
    return False


def _consequence(tokens: list[str]) -> bool:
    """A clause that calls something a consequence ("the rows grew out of it", "came after")."""
    return any((t, tokens[k + 1]) in _CONSEQUENCE_PAIRS for k, t in enumerate(tokens[:-1]))


#: Words after an area that make it part of another story: "the dispute with Nikos follows from the death",
#: "his grief for the friendship is part of ending it", "the strain with Clara grew out of the move".
_FOLLOWS = frozenset({("follow", "from"), ("follows", "from"), ("followed", "from"), ("flow", "from"),
                      ("flows", "from"), ("part", "of"), ("belongs", "to"), ("belong", "to"), ("grew", "out"),
                      ("grown", "out"), ("result", "of"), ("consequence", "of"), ("secondary", "to")})
_FOLLOW_WORDS = frozenset(first for first, _ in _FOLLOWS)

#: Every word that can start a side-remark reading in :func:`_classify` (a clause with none skips those checks).
_SIDE_WORDS = (_REFUSED_NEXT | {"not", "than", "like"} | _REJECT_BEFORE | _AGENT_VERBS | _CRITERION_VERBS
               | _FUTURE_MODALS | _FOLLOW_WORDS | LIKENESS_WORDS | _WEIGHING | _CANDIDATE_NOUNS)


#: How far after the area its "follows from" may stand: "the dispute with Nikos follows from the death" (not "Grief,
#: with the conflict with Kian treated as part of it", where the conflict is part of the grief), unless the area is
#: one of several said to follow ("the dispute with Nikos and the transition to living alone both follow from").
_FOLLOW_REACH = 6
_COORDINATION = frozenset({"and", "both"})


def _follows_from(tokens: list[str], end: int) -> bool:
    """The clause goes on to make the area a consequence or part of something else."""
    rest = tokens[end + 1:]
    if _FOLLOW_WORDS.isdisjoint(rest):
        return False
    if len(rest) > _FOLLOW_REACH:
        near = rest[:_FOLLOW_REACH]
        if _FOLLOW_WORDS.isdisjoint(near) and _COORDINATION.isdisjoint(rest):
            return False  # "Grief, with the conflict with Kian treated as part of it": the conflict is the part
        if _COORDINATION.isdisjoint(rest):
            rest = near
    return any((t, rest[k + 1]) in _FOLLOWS for k, t in enumerate(rest[:-1]))


def _lost_role(tokens: list[str]) -> bool:
    """A loss of a role or a way of life told in plain words ("you lost your job, your mates and your place"; "she
    can't be a logger any more", "he is no longer the one who runs the shop"), not a death."""
    if not _DEATH_WORDS.isdisjoint(tokens):
        return False
    return (not _LOST.isdisjoint(tokens) and not _ROLE_THINGS.isdisjoint(tokens)) or _role_ended(tokens)


#: "any more", "no longer": what someone was, said to have ended.
_ENDED_PAIRS = frozenset({("any", "more"), ("no", "longer")})
_ENDED_FIRST = frozenset({"any", "no", "anymore"})
_BEING = frozenset({"be", "is", "was", "am", "are"})
_ARTICLES = frozenset({"a", "an", "the"})
_ROLE_REACH = 3


def _role_ended(tokens: list[str]) -> bool:
    """Who the patient was, said to have ended: a form of "be" with an article shortly after it ("be a logger", "is
    no longer the one") in a clause that says "any more", "anymore" or "no longer"."""
    if _ENDED_FIRST.isdisjoint(tokens) or not ("anymore" in tokens or any(
            pair in _ENDED_PAIRS for pair in pairwise(tokens))):
        return False
    return any(t in _BEING and not _ARTICLES.isdisjoint(tokens[k + 1:k + 1 + _ROLE_REACH])
               for k, t in enumerate(tokens))


#: Words of losing, missing or mourning a person: "since you lost Lai-ying", "the loss of Tomas", "how much you miss
#: Ana", "you have been grieving Lai-ying".
_PERSON_LOST = _LOST | frozenset({"miss", "misses", "missed", "missing", "grieving", "mourning", "grieve", "mourn",
                                  "grieves", "mourns", "buried", "bury", "burying"})  # (the rite: "we buried your dad")
#: What may stand between the word of loss and the name: "the loss of your dear Ana".
_NAME_FILLERS = frozenset({"of", "your", "his", "her", "their", "my", "dear", "beloved", "own", "the"})
_FILLER_REACH = 3


#: A death said by its rites, right after the name ("your papa's funeral").
_RITES = frozenset({"funeral", "burial"})


def lost_person_matches(prepared: Clauses, words: AnswerWords, the_dead: frozenset[str]) -> list[Match]:
    """A death told in lay words as the loss of a person the case names as dead ("since you lost Lai-ying", "the
    loss of Tomas", "you miss Ana so much", "you are still grieving Ana", "the loss of her father"), or by the name
    and a word of death ("Vasile's death", "Yerlan dies in March"), read as a grief event: a name of the dead right
    after a word of losing, missing or mourning (skipping "of", "your", "dear"), or a word of death at most two
    words after it. ``the_dead``: the words of the names of the case's dead, and of what they were to the patient
    ("father")."""
    found: list[Match] = []
    for c in words.with_any(the_dead):
        tokens = prepared[c]
        for k, token in enumerate(tokens):
            if token not in the_dead:
                continue
            j = k - 1
            while j >= 0 and k - j <= _FILLER_REACH and tokens[j] in _NAME_FILLERS:
                j -= 1
            lost = j >= 0 and k - j <= _FILLER_REACH + 1 and tokens[j] in _PERSON_LOST
            if lost and (j == 0 or tokens[j - 1] not in _NEGATORS):
                found.append(Match("event:grief", c, j, k, False, 1.0))
                break
            # "Vasile's death", "her father died", "Yerlan dies March 2025", "Iancu's suicide"
            died = next((d for d in range(k + 1, min(len(tokens), k + 1 + _DEATH_REACH)) if tokens[d] in _DIED_OR_RITE),
                        None)
            if died is not None and _NEGATORS.isdisjoint(tokens[max(0, k - 2):died]):
                found.append(Match("event:grief", c, k, died, False, 1.0))
                break
    return found


#: Words that tell a death right after the name of the dead ("Vasile's death", "her father died").
_DIED = frozenset({"death", "died", "dies", "dying", "suicide", "passing", "passed"})
_DIED_OR_RITE = _DIED | _RITES
_DEATH_REACH = 3


#: Verbs that tell a change of who someone is with "from ... to ..." ("he has gone from being the man who fixes
#: everything to someone who is handed soup", "she went from captain to benchwarmer").
_BECOMING = frozenset({"gone", "went", "going", "goes", "changed", "moved", "moving"})
_FROM = feature(frozenset({"from"}))
#: How far after "from" the "to" of the new role may stand.
_CHANGE_REACH = 16
#: Words of a change between people rather than of a role ("from being friends to fighting").
_QUARREL_WORDS = frozenset(w for w, a in _LAY_AREA_WORDS.items() if a is ProblemArea.ROLE_DISPUTE)


def role_changed(tokens: list[str]) -> bool:
    """A change of who the patient is, told in plain words: a verb of becoming, "from" what they were, and "to" what
    they are now ("he has gone from being the man who fixes everything on the street to someone who is handed
    soup"), with no death in the clause ("from wife to widow" is a bereavement) and no quarrel ("from friends to
    fighting")."""
    if not _DEATH_WORDS.isdisjoint(tokens) or not _QUARREL_WORDS.isdisjoint(tokens):
        return False
    for k, token in enumerate(tokens):
        if token == "from" and k and tokens[k - 1] in _BECOMING and "to" in tokens[k + 2:k + 2 + _CHANGE_REACH]:
            return True
    return False


#: Words of mourning or missing what one had, said of someone ("he is grieving that old life", "she misses the life
#: she had"): not the plan's or a list's "mourn the old role".
_MOURNING_FORMS = feature(frozenset({"grieving", "grieves", "mourning", "mourns", "missing", "misses"}))
#: Who mourns, just before the word (or before "is", "still"): the patient told of.
_MOURNERS = frozenset({"he", "she", "they", "you"})
_MOURNER_REACH = 3
#: What is mourned when it is a way of life ("that old life", "the man he used to be", "her former self").
_A_LIFE = frozenset({"life", "old", "former", "role", "self", "used"})
_LIFE_REACH = 4
#: Words that make the life mourned one shared with a person ("the life they had together", "his life with her").
_SHARED_LIFE = frozenset({"together", "with"})


def old_life_mourned(tokens: list[str], dead: frozenset[str] = frozenset()) -> bool:
    """The writer says the patient mourns or misses a way of life ("I think he's grieving that old life", "he is
    mourning the man he used to be", "she misses her old life"): the transition told in plain words; not a life
    shared with someone ("the life they had together"), one told with a death or one of the case's dead, nor a
    plan's or a list's "mourn the old role" (the mourner is told just before the word)."""
    if not _DEATH_WORDS.isdisjoint(tokens) or not dead.isdisjoint(tokens):
        return False
    for k, token in enumerate(tokens):
        if (token in _MOURNING_FORMS and _REPORTING.isdisjoint(tokens[:k])
                and not _MOURNERS.isdisjoint(tokens[max(0, k - _MOURNER_REACH):k])):
            after = tokens[k + 1:k + 1 + _LIFE_REACH]
            if not _A_LIFE.isdisjoint(after) and _SHARED_LIFE.isdisjoint(tokens[k + 1:k + 1 + 2 * _LIFE_REACH]):
                return True
    return False


def infer_from_events(matches: list[Match], prepared: Clauses,
                      plan_votes: dict[ProblemArea, float] | None = None,
                      words: AnswerWords | None = None, dead: frozenset[str] = frozenset()) -> ProblemArea | None:
    """The area an answer argues for in plain language, from the events it ties to the episode.

    Only clauses that explain (a causal or temporal word: "is about", "after", "because", "triggered") count,
    with the clause before and after, and the sentence that states the plan ("I would focus on helping her adjust
    to ...", three times); negated events ("nobody died") count for nothing, and a lifelong pattern
    counts wherever it is described once the answer says no event explains the episode. The area whose events
    lead clearly is the answer's focus; a tie is no commitment. A death weighs more, since by convention a
    death that explains the episode makes it grief. ``words``: the answer's table of words (made from ``prepared``
    when not given); ``dead``: the words of the names and kin of the case's dead (a focus on "the loss of" one of
    them is grief).
    """
    if words is None:
        words = AnswerWords(prepared)
    explaining = {*words.with_any(CAUSAL_WORDS), *(i for i in words.with_any(_ATTRIBUTING) if _attributes(prepared[i]))}
    near = {i + d for i in explaining for d in (-1, 0, 1)}
    # An event the answer calls a consequence ("the rows with Sian grew out of it") does not explain the episode.
    consequences = {i for i in words.with_any(_CONSEQUENCE_FIRST) if _consequence(prepared[i])}
    # An event dated after the onset ("the move came long after your mood dropped", "you moved in June, but that
    # was after this began") did not set it off: the clause, and the one before that it points back to.
    for i in words.with_any(_AFTER):
        if _later_than_onset(prepared[i]):
            consequences.add(i)
            if i and not _BACK_OPENERS.isdisjoint(prepared[i][:2]):
                consequences.add(i - 1)
    # Interpersonal deficits have no event to explain the episode: an answer that says it found none ("nothing
    # happened", or the events of two other areas denied: "nobody died, no row") argues from a lifelong pattern,
    # wherever it describes it.
    denied = {_AREA_OF[m.concept] for m in matches if m.negated and m.concept.startswith("event:")}
    no_event = any(m.concept == "absence" and not m.negated for m in matches) or len(
        denied - {ProblemArea.INTERPERSONAL_DEFICITS}) >= 2
    # The plan says what the answer will work on ("help her mourn him", "work out what each of them wants"): each
    # goal or strategy specific to an area, stated in a plan sentence, is a vote for it.
    weights: dict[ProblemArea, float] = dict(plan_votes or {})
    # A lifelong pattern told in plain words ("she has always been on her own", "isolated since school") is the
    # deficits argument itself, wherever it is told.
    lifelong = sum(1 for i in words.with_any(_LIFELONG_WORDS) if _lifelong_isolation(prepared[i]))
    # The answer's own account in plain words: "a lot of it comes from being on your own so much", "being so alone
    # has a lot to do with how low you feel", "when the mill closed you lost your mates and your place".
    # Isolation dated from a death or a loss ("since you lost Lai-ying you have been lonely") is what the loss did,
    # not a lifelong pattern.
    areas_told: dict[int, set[ProblemArea]] = {}  # each clause -> the areas of the events it tells (not denied)
    for m in matches:
        if m.concept.startswith("event:") and not m.negated:
            areas_told.setdefault(m.clause, set()).add(_AREA_OF[m.concept])
    dated_from_loss = {c for c, told in areas_told.items() if ProblemArea.GRIEF in told}
    # Isolation told in one clause with an event of another area ("the divorce left him alone in a flat") is what
    # that event did, as isolation dated from a death is.
    dated_from_event = {c for c, told in areas_told.items() if told - {ProblemArea.INTERPERSONAL_DEFICITS}}
    for i in explaining:
        tokens = prepared[i]
        # Isolation told with a lost role in one clause ("she lost her place among the nurses when ..., and she eats
        # alone") is what the lost role did: the lost role is what the clause argues.
        lost = i not in dated_from_loss and _lost_role(tokens)
        if not lost and i not in consequences and (
                not _ALONE_WORDS.isdisjoint(tokens) or _on_own(tokens)) and not _never_alone(tokens):
            if i not in dated_from_event and _DEATH_WORDS.isdisjoint(tokens) and not _new_isolation(tokens):
                lifelong += 1
        elif lost:
            # (a death told as the loss of a person, "since you lost Lai-ying you stay home", is no lost role)
            weights[ProblemArea.ROLE_TRANSITION] = weights.get(ProblemArea.ROLE_TRANSITION, 0.0) + 1.0
    if lifelong:
        weights[ProblemArea.INTERPERSONAL_DEFICITS] = weights.get(ProblemArea.INTERPERSONAL_DEFICITS, 0.0) + lifelong
    # A change of who the patient is, told in plain words ("he has gone from being the man who fixes everything to
    # someone who is handed soup"), is the transition argument itself, wherever it is told (as a lifelong pattern
    # is the deficits one); once, however often it is told.
    if words.has_any(_FROM) and any(role_changed(prepared[i]) for i in words.with_any(_FROM)):
        weights[ProblemArea.ROLE_TRANSITION] = weights.get(ProblemArea.ROLE_TRANSITION, 0.0) + 1.0
    # ... as is the old life said to be mourned or missed ("I think he's grieving that old life").
    if words.has_any(_MOURNING_FORMS) and any(old_life_mourned(prepared[i], dead)
                                              for i in words.with_any(_MOURNING_FORMS)):
        weights[ProblemArea.ROLE_TRANSITION] = weights.get(ProblemArea.ROLE_TRANSITION, 0.0) + 1.0
    # Mourning not done, told in the writer's own plain words ("you have not yet had the chance to grieve for your
    # brother"), is the grief argument itself, as a patient-facing formulation names the area.
    blocked = sum(1 for i in words.with_any(_MOURNING_VERBS) if _blocked_mourning(prepared[i]))
    if blocked:
        weights[ProblemArea.GRIEF] = weights.get(ProblemArea.GRIEF, 0.0) + _GRIEF_WEIGHT * blocked
    # The focus said in lay words ("I'd treat the thinness of his relationships as the focus", "we will focus on
    # this quarrel with your sister"): what the focus frame names is a vote for its area, as an event told as the
    # cause is; it settles what the plan and the events leave open and never outweighs them ("we focus on your
    # friendships" beside a plan and a story of the lost job is still the transition).
    for i in words.with_any(_FOCUS_FRAME):
        named = _focus_named(prepared[i], dead)
        if named is not None:
            weights[named] = weights.get(named, 0.0) + 1.0
    # The problem said in lay words ("the main problem is the change in his life", non-native "problem of Dwayne is
    # the change of his life"), in the same way.
    for i in words.with_any(_PROBLEM_NOUNS):
        named = None if i in consequences else problem_named(prepared[i], dead)
        if named is not None:
            weights[named] = weights.get(named, 0.0) + 1.0
    # The cause said in lay words, in the same way ("what brought this on is the huge change in your life", "this is
    # really about the arguments with Wanjiru", "your reaction to losing the work you loved").
    for i in words.with_any(_SAID_CAUSE_FIRST):
        named = None if i in consequences else cause_named(prepared[i], dead)
        if named is not None:
            weights[named] = weights.get(named, 0.0) + 1.0
    counted: set[tuple[int, ProblemArea]] = set()
    # A plan sentence that names events of two areas or more lists everything ("we will spend our sessions on the new
    # manager, the death of her father and the arguments with Marat"): it chooses none of them (``areas_told``).
    for m in matches:
        if not m.concept.startswith("event:") or m.negated:
            continue
        if (_settled(prepared[m.clause]) or m.clause in consequences or set_aside(prepared[m.clause], m.end)
                or _sought(prepared[m.clause], m.start) or _dismissed_next(prepared, m.clause, told=areas_told)
                or (_AREA_OF[m.concept] is ProblemArea.GRIEF and (_mourning_done(prepared[m.clause][m.end + 1:])
                                                                   or _not_close(prepared[m.clause][m.end + 1:])
                                                                   or _peace_before(prepared[m.clause][:m.start])))):
            # "her mother's death was long ago and she grieved it properly", "the promotion went well and is not
            # the issue": not what explains the episode; nor what the plan sets out to find ("find a few people
            # here you could spend time with" is an aim, not the deficits told)
            continue
        effect_at = _effect_before(prepared[m.clause])
        if effect_at is not None and m.end < effect_at:
            # the event is what the clause explains, not what explains the episode ("the rows over the till come
            # from the same place", "losing the job came because he could not function")
            continue
        area = _AREA_OF[m.concept]
        if (m.clause, area) in counted:
            continue  # one event told once: "moved to" and "moved to Perth in" are the same move
        counted.add((m.clause, area))
        # The plan's own sentence says what the answer will work on ("I would focus on helping her adjust
        # to ..."): its events count, and outweigh the story told before it.
        plan = len(areas_told[m.clause]) == 1 and (_plans(prepared[m.clause]) or _ranks_first(prepared[m.clause])
                                                    or _accounts(prepared[m.clause]))
        if plan or m.clause in near or (no_event and area is ProblemArea.INTERPERSONAL_DEFICITS):
            weight = _GRIEF_WEIGHT if area is ProblemArea.GRIEF else 1.0
            weights[area] = weights.get(area, 0.0) + weight * (_PLAN_WEIGHT if plan else 1.0)
    if not weights:
        return None
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
