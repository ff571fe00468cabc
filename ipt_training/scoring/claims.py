"""What an answer claims about the case, checked against its own choice of area.

A formulation makes claims: the area is X, the dispute is at stage S, the onset followed an event (or the problems
are long-standing), the goals and strategies are these. The claims of a consistent answer serve one focus. A
self-contradicting answer makes claims that belong to two formulations: it names a role transition and then plans
deficits work (review of past relationships, social-skills role play) on "long-standing social difficulties"; it
labels the area a transition and then argues a dispute, names its stage and plans its work; it asserts grief in the
text and ticks a transition. The rubric marks it at half of the better of the two readings.

Each claim is read with its place in the text. An area counts as a second reading only when the answer claims it
as its own (an assertion of the focus, the stage of its dispute, an account of the onset that only it fits) *and*
gives it a plan of its own, or when the chosen area's label stands bare beside an argument and plan for the other,
or when the whole plan serves the other area (two or more of its own goals and strategies, none of the chosen
area's: "PA: role transition. Goals: reduce isolation. Strategies: social skills role play, graded contact").
Mourning described as blocked or never done ("a clear picture of blocked mourning", "she never grieved") is the
grief reading of the case: beside another chosen area it is a second reading by itself, unless it is set in the past
or dismissed ("unresolved grief from childhood", "long ago", "a distractor").

A claim can also deny the chosen area's own premise against the case's facts: "no recent loss" beside a choice of
grief, in a case where someone has died, argues against the answer's own focus and is marked the same way. (Where
nobody died, "grief, though nobody died" is a wrong area argued, not a contradiction.) So does an event said to have
set the episode off beside a choice of interpersonal deficits, whose premise is that none did ("the trigger was
clearly the forced move"), or an event of another area the answer names ("so the depression is a reaction to the
promotion", "which is a role transition").

An answer that turns from one area to another (found by :mod:`areas`) holds two formulations when one of the two
makes a claim only it makes and the other has a plan of its own (:func:`claims_apart`). A label the text turns
from with nothing of its own is marked at half of the better reading on every criterion as well (the formulation
scorer's ``turned``; before round 9, on the area only), and the feedback quotes the two statements
(:func:`commitment_quotes`).

What is not a second reading: an area mentioned to reject it, reported, hedged or asked about; an area marked
secondary or to be handled within the focus; a plan for a later phase or a condition ("if the dispute comes to
the fore later, we would ..."); goals or strategies that serve several areas ("reconnect with friends").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import Match as Match_
from difflib import SequenceMatcher
from itertools import pairwise

from ipt_training.domain import AREA_LABELS, ProblemArea
from ipt_training.scoring.areas import AreaDecision, AreaReading, Reading, set_aside
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.scoring.plain_plan import CONCEPT_AREA, plan_sentences
from ipt_training.scoring.readings import plan_clauses, subordinate
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses, Match
from ipt_training.text.normalize import QUOTE
from ipt_training.text.words import AnswerWords

_NEGATORS = frozenset({"not", "no", "never", "nt", "t", "hardly", "without"})
#: A denial of a no-trigger statement ("it did not come out of nowhere").
_DENIED = frozenset({"not", "never", "nt", "t", "hardly", "didn", "doesn", "isn", "wasn"})

#: An account of the onset that only interpersonal deficits fits: the problems are long-standing, or nothing set
#: the episode off.
_LONG = frozenset({"long-standing", "longstanding", "lifelong", "life-long", "chronic", "chronically", "enduring"})
_PATTERN = frozenset({"isolation", "isolated", "loneliness", "lonely", "shyness", "shy", "social", "interpersonal",
                      "withdrawal", "avoidance"})
#: Friends are a pattern only as a difficulty ("long-standing difficulties making friends", not "his long-standing
#: friendships").
_FRIENDS = frozenset({"friends", "friendships", "relationships"})
_DIFFICULTY = frozenset({"difficulties", "difficulty", "trouble", "problems", "few", "no", "making", "lack"})
_ALWAYS_ALONE = frozenset({"isolated", "alone", "lonely", "loner", "shy", "withdrawn", "awkward", "friendless"})
_NO_TRIGGER = (" no trigger", " no clear trigger", " no obvious trigger", " no precipitant", " no life event",
               " no acute event", " out of nowhere", " from nowhere")
_ONSET_WORDS = feature(_LONG | frozenset({"always", "nothing", "nowhere", "trigger", "precipitant", "event", "acute"}))
#: What makes such a clause something other than the writer's own claim: a report, an impression, a contrast, a
#: definition of the area.
#: Words that make a claim someone else's, or an impression ("she says", "it seems", "would").
_REPORTED = frozenset({"says", "said", "say", "thinks", "feels", "felt", "believes", "calls", "describes", "reports",
                       "according", "seems", "seemed", "looks", "looked", "appears", "appeared", "would"})
_NOT_OWN = _REPORTED | frozenset({"but", "although", "though", "however", "whereas", "deficits", "deficit",
                                  "sensitivity", "need", "needs", "requires", "require", "unlike"})


@dataclass(frozen=True)
class Claim:
    """One claim the answer makes for an area: its kind ("focus", "stage", "onset": long-standing problems,
    "trigger": nothing set the episode off, "cause": an event of the area set the episode off, "mourning": mourning
    blocked or never done, "denial": no one has died, "plan"), clause and words."""

    area: ProblemArea
    kind: str
    clause: int
    words: str
    #: for a "cause": the words that tell the event ("her retirement")
    event: str = ""


@dataclass(frozen=True)
class Conflict:
    """The answer's chosen area and the claims it makes for another area."""

    chosen: ProblemArea
    #: the area the other claims belong to; None for a claim that only denies the chosen area's own premise
    other: ProblemArea | None
    claims: tuple[Claim, ...]

    def feedback(self, text: str = "") -> str:
        """A sentence that names the two claims that conflict, in plain clinical language (``text``: the answer,
        whose own spelling the quotes take when they can be found in it)."""
        if text:
            return replace(self, claims=tuple(replace(c, words=original_words(text, c.words),
                                                      event=original_words(text, c.event)) for c in self.claims)
                           ).feedback()
        chosen = _label(self.chosen)
        if self.other is None and self.claims[0].kind == "untriggered":
            said, denied = (next(c.words for c in self.claims if c.kind == k) for k in ("triggered", "untriggered"))
            return (f"The answer says the key event set the episode off ('{said}') and also that it did not "
                    f"('{denied}'): it argues against its own link between the event and the onset, so only the "
                    "better reading is marked, at half credit. Say once whether the event started the episode.")
        if self.other is None:
            quoted = ", ".join(f"'{c.words}'" for c in self.claims[:2])
            return (f"The answer chooses {chosen} but also says that no one has died ({quoted}), which the case "
                    "contradicts and which leaves grief without the death it rests on: the answer argues against its "
                    "own focus, so only the better reading is marked, at half credit.")
        other = _label(self.other)
        if not any(c.kind == "focus" for c in self.claims):
            return self._reasoning_feedback(chosen, other)
        sayings = self._sayings(other, ("focus", "onset", "trigger", "cause", "mourning", "stage", "plan"))
        return (f"The answer chooses {chosen} but also {' and '.join(sayings)}: two formulations of the case, so only "
                "the better one is marked, at half credit. Keep the area, the account of the onset and the plan to "
                "one focus.")

    def _sayings(self, other: str, kinds: tuple[str, ...]) -> list[str]:
        """What the claims of each of ``kinds`` say, with their words quoted."""
        sayings: list[str] = []
        for kind in kinds:
            words = [c.words for c in self.claims if c.kind == kind]
            words = [w for w in words if not any(w != longer and w in longer for longer in words)]
            if not words:
                continue
            quoted = ", ".join(f"'{w}'" for w in dict.fromkeys(words[:3]))
            sayings.append({"focus": f"names {other} as the focus ({quoted})",
                            "onset": f"describes the onset as {other} would ({quoted})",
                            "trigger": f"says nothing set the episode off ({quoted}), which only {other} fits",
                            "mourning": f"describes mourning that has not happened ({quoted}), which is {other}",
                            "cause": f"says an event of {other} set the episode off ({quoted})",
                            "stage": f"stages a dispute as its focus ({quoted})",
                            "plan": f"plans {other} work ({quoted})"}[kind])
        return sayings

    def _reasoning_feedback(self, chosen: str, other: str) -> str:
        """Claims for another area the answer never names: what each sentence says, and the area it reads as."""
        sentences: list[str] = []
        for c in self.claims:
            if c.kind == "cause":
                event = c.event or "an event"
                if event.split(" ")[0].lower() in _DETERMINERS:
                    event = event[:1].lower() + event[1:]  # "Her retirement ..." told mid-sentence
                sentences.append(
                    f"You also write that {event} set off the episode ('{c.words}'). That would make "
                    f"the focus {other}, not {chosen}. If you meant that it did not set it off, or came too long "
                    "before the onset, say so plainly.")
        sayings = self._sayings(other, ("onset", "trigger", "mourning", "stage", "plan"))
        if sayings:
            sentences.append(f"Your answer also {' and '.join(sayings)}.")
        return (f"{' '.join(sentences)} The answer is marked as two formulations, the better one at half credit: "
                "keep the reasoning to one focus.")


def _label(area: ProblemArea) -> str:
    return AREA_LABELS[area].split(" (")[0].lower()


def original_words(text: str, words: str) -> str:
    """``words`` (a quote made of an answer's normalised tokens) as the answer spells them, capitals and
    punctuation kept; the tokens themselves when they cannot be found in ``text``."""
    if not words:
        return words
    pattern = r"\W+".join(re.escape(w) for w in words.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    if found is not None:
        return found.group(0)
    return _aligned(text, words.split()) or words


#: Words of the answer that a quote's tokens may skip or stand for ("IPT" read as "interpersonal psychotherapy",
#: "isn't deficient" as "is not deficit"), between two runs of words they share.
_ALIGN_GAP = 3
_ALIGN_ENDS = 6


def _aligned(text: str, tokens: list[str]) -> str | None:
    """The stretch of ``text`` that a quote made of normalised ``tokens`` comes from, spelled as the answer spells
    it: the longest run of words the two share, joined to the runs next to it where few words lie between, and
    widened over the tokens the normaliser rewrote at either end ("in IPT we don't call it grief" for "in
    interpersonal psychotherapy we do not call it grief"); None when they share no run of two words."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    original = [text[a:b].lower() for a, b in spans]
    blocks = [b for b in SequenceMatcher(None, original, tokens, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    anchor = max(range(len(blocks)), key=lambda k: blocks[k].size)
    if blocks[anchor].size < 2 and len(tokens) > 1:
        return None
    first = last = anchor
    while first > 0 and _near(blocks[first - 1], blocks[first]):
        first -= 1
    while last + 1 < len(blocks) and _near(blocks[last], blocks[last + 1]):
        last += 1
    # widened by as many words as the quote has tokens before its first shared run and after its last
    start = blocks[first].a - min(blocks[first].b, _ALIGN_ENDS)
    end = blocks[last].a + blocks[last].size - 1 + min(len(tokens) - blocks[last].b - blocks[last].size, _ALIGN_ENDS)
    start, end = max(0, start), min(len(spans) - 1, end)
    return text[spans[start][0]:spans[end][1]]


def _near(left: Match_, right: Match_) -> bool:
    """Two shared runs with at most a few words between them, in the answer and in the quote."""
    return (0 <= right.a - (left.a + left.size) <= _ALIGN_GAP and 0 <= right.b - (left.b + left.size) <= _ALIGN_GAP)


_QUOTE_WORDS = 10
_CAUSE_QUOTE_WORDS = 25
#: Words before an event that belong to its name ("her retirement", "the move").
_DETERMINERS = frozenset({"her", "his", "your", "their", "the", "my", "our", "this", "that"})


def _quote(tokens: list[str], start: int, end: int) -> str:
    """The words of a claim: its clause when short, else the phrase with a few words before and after it."""
    if len(tokens) <= _QUOTE_WORDS:
        return " ".join(tokens)
    return " ".join(tokens[max(0, start - 4):end + 3])


#: A statement of a focus quoted whole up to this many words; a longer clause is cut where a reason or a new clause
#: begins ("On reflection it is a role transition", not "reflection it is a role transition, because nobody").
_STATEMENT_WORDS = 16
_STATEMENT_BREAKS = frozenset({"because", "since", "as", "so", "which", "who", "where", "while", "and", "but",
                               "although", "though", "when"})
_STATEMENT_BEFORE = 8
_STATEMENT_AFTER = 5


def _statement(tokens: list[str], start: int, end: int) -> str:
    """The words of a statement of a focus: its clause when short, else from the start of its phrase (up to
    eight words back, not past a word that starts a reason or a new clause) to a few words after it, or to the
    clause's end when that is near."""
    if len(tokens) <= _STATEMENT_WORDS:
        return " ".join(tokens)
    left = start
    while left > 0 and start - left < _STATEMENT_BEFORE and tokens[left - 1] not in _STATEMENT_BREAKS:
        left -= 1
    right = end
    while right + 1 < len(tokens) and right - end < _STATEMENT_AFTER and tokens[right + 1] not in _STATEMENT_BREAKS:
        right += 1
    if len(tokens) - 1 - right <= 2 and _STATEMENT_BREAKS.isdisjoint(tokens[right + 1:]):
        right = len(tokens) - 1
    return " ".join(tokens[left:right + 1])


def commitment_quotes(reading: AreaReading, areas: tuple[ProblemArea, ...], prepared: Clauses,
                      text: str, at: dict[ProblemArea, tuple[int, int]] | None = None) -> tuple[str, str] | None:
    """The answer's own words where it commits to the first two of ``areas`` (its two readings), or, with one area,
    where it asserts it and where it then denies it, in the order it says them and spelled as it spells them ("This
    is a role transition", "the real focus is grief for his father"); None when either statement has no place in
    the text (an area ticked in a field only); ``at``: where an area is committed to in lay words (the clause and
    word of "the real problem is ..."), when the answer's turn is said so."""
    at = at or {}
    places = [p for a in areas[:2] if (p := at.get(a) or reading.order.get(a) or reading.first.get(a)) is not None]
    if len(areas) == 1 and areas[0] in reading.rejected_at:
        clause = reading.rejected_at[areas[0]]
        # (the denying mention's own words, where the rejection was read from one; else the clause from its start)
        places.append(found if (found := reading.rejected_word.get(areas[0])) and found[0] == clause else (clause, 0))
    if len(places) < 2 or places[0][0] == places[1][0]:
        return None
    first, second = (" ".join(original_words(text, _statement(prepared[clause], start, start + 1)).split())
                     for clause, start in sorted(places))
    return first, second





def onset_claims(prepared: Clauses, words: AnswerWords | None = None) -> list[Claim]:
    """Clauses where the writer says the problems are long-standing or that nothing set the episode off
    ("long-standing social difficulties", "he has always been a loner", "the depression came out of nowhere");
    ``words``: the answer's table of words, when the caller has it."""
    found = []
    for c in (words or AnswerWords(prepared)).with_any(_ONSET_WORDS):
        tokens = prepared[c]
        if (not _NOT_OWN.isdisjoint(tokens) or subordinate(prepared, c)
                or QUOTE in tokens):
            continue  # someone else's words, an impression, a condition, a quotation
        phrase = ""
        for k, token in enumerate(tokens):
            window = tokens[max(0, k - 3):k + 4]
            if token in _LONG and (not _PATTERN.isdisjoint(window) or (
                    not _FRIENDS.isdisjoint(window) and not _DIFFICULTY.isdisjoint(window))) and _NEGATORS.isdisjoint(
                    tokens[max(0, k - 2):k]):
                phrase = _quote(tokens, k, k)
                break
            if token == "always" and not _ALWAYS_ALONE.isdisjoint(tokens[k + 1:k + 5]) and _NEGATORS.isdisjoint(
                    tokens[max(0, k - 2):k + 5]):
                phrase = _quote(tokens, k, k + 2)
                break
        kind = "onset"
        if not phrase and ("nothing" in tokens or "no" in tokens or "nowhere" in tokens) and _DENIED.isdisjoint(
                tokens):
            text = f" {' '.join(tokens)} "
            hit = next((p for p in _NO_TRIGGER if p in text), None)
            if hit is not None:
                phrase = _quote(tokens, 0, len(tokens)) if len(tokens) <= _QUOTE_WORDS else hit.strip()
                kind = "trigger"
        if phrase:
            found.append(Claim(ProblemArea.INTERPERSONAL_DEFICITS, kind, c, phrase))
    return found


#: An account of the case that only grief fits: mourning described as blocked, put off or never done ("a clear picture
#: of blocked mourning", "this looks like unresolved grief", "she never grieved"), unless set in the past or dismissed.
_MOURNING = feature(frozenset({"mourning", "grief", "grieving", "grieved", "mourned"}))
_BLOCKED = frozenset({"blocked", "unresolved", "delayed", "stuck", "avoided", "frozen", "arrested", "absent",
                      "inhibited", "postponed"})
_NEVER_DONE = frozenset({"grieved", "mourned"})
_ROLE_LOSS = frozenset({"role", "roles", "job", "work", "career", "life", "identity", "team", "home", "country",
                        "marriage", "health", "position", "status", "former", "mill", "business", "retirement"})
_DISMISSED = frozenset({"ago", "distractor", "background", "unrelated", "past", "earlier", "childhood", "old",
                        "says", "said", "thinks", "calls", "according", "but", "although", "though", "might", "could",
                        "maybe", "perhaps", "possibly", "if", "whether", "rather"})


def mourning_claims(prepared: Clauses, words: AnswerWords | None = None) -> list[Claim]:
    """Clauses where the writer describes mourning as blocked or never done."""
    found = []
    for c in (words or AnswerWords(prepared)).with_any(_MOURNING):
        tokens = prepared[c]
        if not _DISMISSED.isdisjoint(tokens) or QUOTE in tokens:
            continue
        following = prepared[c + 1] if c + 1 < len(prepared) else []
        if not _DISMISSED.isdisjoint(following[:4]):
            continue
        for k, token in enumerate(tokens):
            before = tokens[max(0, k - 2):k]
            if not _ROLE_LOSS.isdisjoint(tokens[k + 1:k + 6]):
                continue  # mourning of an old role, a job, a life: the transition's own work
            if token in _MOURNING and (not _BLOCKED.isdisjoint(before) or (
                    token in _NEVER_DONE and ("never" in before or "hasnt" in before))):
                found.append(Claim(ProblemArea.GRIEF, "mourning", c, _quote(tokens, k - 1, k)))
                break
    return found


#: A denial that anyone has died: in a case with a death, it contradicts both the case and a choice of grief.
_NO_DEATH = (" nobody died ", " no one died ", " noone died ", " nobody has died ", " no one has died ",
             " nobody close has died ", " no one close has died ", " nobody close died ", " no one close died ",
             " no bereavement ", " no recent loss ", " no recent death ", " no recent bereavement ")
_DEATH_DENIERS = feature(frozenset({"no", "nobody", "noone"}))


def death_denials(prepared: Clauses, words: AnswerWords | None = None) -> list[Claim]:
    """Clauses where the writer says no one has died ("nobody died", "no recent loss")."""
    found = []
    for c in (words or AnswerWords(prepared)).with_any(_DEATH_DENIERS):
        tokens = prepared[c]
        if (not _NOT_OWN.isdisjoint(tokens) or subordinate(prepared, c)
                or QUOTE in tokens):
            continue
        text = f" {' '.join(tokens)} "
        hit = next((p for p in _NO_DEATH if p in text), None)
        if hit is not None:
            phrase = " ".join(tokens) if len(tokens) <= _QUOTE_WORDS else hit.strip()
            found.append(Claim(ProblemArea.GRIEF, "denial", c, phrase))
    return found


#: Words that say an event set the episode off ("the move triggered it", "what caused it", "set off", "brought on").
_CAUSING = ("trigger", "caus", "precipitat", "sparked")
_CAUSING_PAIRS = (("set", "off"), ("brought", "on"), ("led", "to"))
_ONSET_DENIERS = frozenset({"not", "no", "never", "nor", "hardly", "unlikely", "doubt", "nt", "t"})
_COINCIDENCE = frozenset({"coincidence", "coincidental", "unrelated", "unconnected"})


def _causal_at(tokens: list[str]) -> list[int]:
    """Where a clause says something set the episode off."""
    found = [k for k, t in enumerate(tokens) if t.startswith(_CAUSING)]
    found += [k for k, pair in enumerate(pairwise(tokens)) if pair in _CAUSING_PAIRS]
    return found


def _denied_cause(tokens: list[str]) -> bool:
    """ "The move is not what triggered it", "I doubt it caused the episode", "a coincidence"."""
    if not _COINCIDENCE.isdisjoint(tokens):
        return True
    return any(not _ONSET_DENIERS.isdisjoint(tokens[max(0, k - 4):k]) for k in _causal_at(tokens))


#: What the cause of the episode is said of: "the trigger for this episode", "the depression is a reaction to".
_EPISODE = frozenset({"episode", "depression", "depressed", "depressive", "mood", "symptoms", "onset", "illness"})
#: Words that make a clause someone else's account or an impression, not the writer's claim.
_CAUSE_WORDS = frozenset({"trigger", "triggered", "triggers", "caused", "cause", "causes", "reaction",
                          "precipitated", "precipitant", "sparked"})


def cause_possible(decision: AreaDecision, reading: AreaReading, words: AnswerWords) -> bool:
    """Whether :func:`cause_claims` can find anything: an area chosen, words of a cause and of the episode, and
    either interpersonal deficits chosen or a second area named (the answer's events are read only then)."""
    return (decision.primary is not None and not decision.stuffing and not decision.contradiction
            and (decision.primary is ProblemArea.INTERPERSONAL_DEFICITS or len(reading.best) >= 2)
            and words.has_any(_CAUSE_WORDS) and words.has_any(_EPISODE))


#: Words that make a cause a possibility weighed, not a claim ("may have been the first trigger", "could be seen as
#: the trigger", "perhaps"); "may" only before a verb ("in May 2024" is a date).
_HEDGES = frozenset({"might", "could", "perhaps", "possibly", "maybe", "unlikely"})
_MAY_VERBS = frozenset({"have", "be", "well", "also", "partly", "explain"})
#: Words that put an event too far before the onset to set it off ("six years too early", "too distant").
_TOO_FAR = frozenset({"early", "long", "distant", "far", "old", "remote", "soon"})
#: How many months before the onset an event may set the episode off (the weeks and months before it, reference
#: 3.0.1): a year named in the clause that ended longer ago than this tells an old event.
_ONSET_WINDOW = 12


def _weighed(tokens: list[str]) -> bool:
    """The clause weighs a cause or puts the event too far back ("may have been the first trigger", "came six years
    too early to have triggered this episode")."""
    if not _HEDGES.isdisjoint(tokens) or ("too" in tokens and not _TOO_FAR.isdisjoint(tokens)):
        return True
    return any(t == "may" and tokens[k + 1:k + 2] and tokens[k + 1] in _MAY_VERBS for k, t in enumerate(tokens))


def _long_before(tokens: list[str], onset: int | None) -> bool:
    """The clause dates its event by a year that ended more than the onset window before the onset ("her
    retirement in 2018", with the onset in January 2025)."""
    if onset is None:
        return False
    return any(len(t) == 4 and t.isdigit() and (int(t) + 1) * 12 <= onset - _ONSET_WINDOW for t in tokens)


def cause_claims(prepared: Clauses, events: list[Match], chosen: ProblemArea,
                 named: set[ProblemArea], onset: int | None = None) -> list[Claim]:
    """Clauses where the writer says an event of another area than the one chosen set the episode off ("the trigger
    for this episode was clearly the forced move", "so the depression is a reaction to the promotion"): with
    interpersonal deficits chosen, any event does, since deficits rest on there being none; with another area
    chosen, an event of an area the answer also names ("which is a role transition"). ``events``: the answer's
    event matches; ``named``: the areas the answer names and does not reject; ``onset``: the case's month of onset
    (:func:`~ipt_training.scoring.specificity.month_index`), when known. A cause weighed ("may have been", "could
    be seen as") or an event put too far before the onset ("six years too early", an event of 2018 for an onset in
    2025) is no claim: only the weeks and months before the onset set an episode off (reference 3.0.1)."""
    found: list[Claim] = []
    seen: set[int] = set()
    for m in events:
        if m.negated or not m.concept.startswith("event:") or m.clause in seen:
            continue
        area = ProblemArea(m.concept[6:])
        if area is chosen or (chosen is not ProblemArea.INTERPERSONAL_DEFICITS and area not in named):
            continue
        if area is ProblemArea.INTERPERSONAL_DEFICITS:
            continue  # a lifelong pattern is no event
        tokens = prepared[m.clause]
        if _CAUSE_WORDS.isdisjoint(tokens) or _EPISODE.isdisjoint(tokens):
            continue
        if (not _REPORTED.isdisjoint(tokens) or subordinate(prepared, m.clause) or QUOTE in tokens
                or _denied_cause(tokens) or set_aside(tokens) or "than" in tokens or _weighed(tokens)
                or _long_before(tokens, onset)):
            continue  # someone else's account, a possibility, a denial, an event set aside, compared or too old
        if not _causal_at(tokens) and not any(t == "reaction" and tokens[k + 1:k + 2] == ["to"]
                                              for k, t in enumerate(tokens)):
            continue
        seen.add(m.clause)
        # (the whole clause: a cut quote hides what the sentence says of the event)
        start = m.start - 1 if m.start and tokens[m.start - 1] in _DETERMINERS else m.start
        found.append(Claim(area, "cause", m.clause, " ".join(tokens[:_CAUSE_QUOTE_WORDS]),
                           " ".join(tokens[start:m.end + 1])))
    return found


def link_contradictions(prepared: Clauses, event_clauses: set[int], chosen: ProblemArea) -> list[Claim]:
    """The key event said to have set the episode off in one sentence ("The move set off the depression") and not to
    have in another ("The move is not what triggered it"), both about the key event (``event_clauses``: the
    clauses that name it). Empty when the answer only affirms or only denies, or weighs the link in a condition or
    a question."""
    if all(_ONSET_DENIERS.isdisjoint(prepared[c]) and _COINCIDENCE.isdisjoint(prepared[c]) for c in event_clauses):
        return []  # no sentence about the event denies anything (most answers)
    denied, said = [], []
    for c in sorted(event_clauses):
        tokens = prepared[c]
        if subordinate(prepared, c) or QUOTE in tokens or (not _causal_at(tokens) and _COINCIDENCE.isdisjoint(tokens)):
            continue
        if _denied_cause(tokens):
            denied.append(Claim(chosen, "untriggered", c, _quote(tokens, 0, len(tokens))))
        elif _ONSET_DENIERS.isdisjoint(tokens) and _NOT_OWN.isdisjoint(tokens):
            said.append(Claim(chosen, "triggered", c, _quote(tokens, 0, len(tokens))))
    return [*denied, *said] if denied and said else []


#: Words before "to do with" that deny a relation ("it has nothing to do with the move").
_NO_RELATION = frozenset({"nothing", "little", "not", "nt", "never"})


def relation_denied(tokens: list[str]) -> bool:
    """The clause denies that the episode is tied to what it names: a cause denied ("the move is not what
    triggered it", "a coincidence") or a relation denied ("the depression has nothing to do with the move"), said of
    the episode."""
    if _EPISODE.isdisjoint(tokens):
        return False
    if _denied_cause(tokens):
        return True
    return any(tokens[k:k + 3] == ["to", "do", "with"] and not _NO_RELATION.isdisjoint(tokens[max(0, k - 3):k])
               for k, t in enumerate(tokens) if t == "to")


#: How near the words that deny a cause or a relation stand to what they are said of: the episode, or "it"/"this".
_DENIAL_REACH = 5
_EPISODE_PRONOUNS = frozenset({"it", "this"})


def _said_of_episode(tokens: list[str]) -> bool:
    """Whether the clause's denied cause or relation is said of the episode, near it ("the move did not cause the
    depression", "the depression has nothing to do with the move", "the move is not what triggered it"), and not
    of a symptom far from it ("the stomach pain with no physical cause ... are signs of depression")."""
    at = _causal_at(tokens) + [k for k, t in enumerate(tokens) if t in _COINCIDENCE]
    at += [k for k in range(len(tokens)) if tokens[k:k + 3] == ["to", "do", "with"]]
    return any(not (_EPISODE | _EPISODE_PRONOUNS).isdisjoint(tokens[max(0, k - _DENIAL_REACH):k + _DENIAL_REACH + 1])
               for k in at)


def own_link_denied(prepared: Clauses, event_clauses: set[int], chosen: ProblemArea, event_area: ProblemArea | None,
                    linked: Callable[[Clauses, set[int]], bool]) -> list[Claim]:
    """The answer ties the key event to the onset and, in another sentence, says the event has nothing to do with
    the episode, while choosing the area the event belongs to ("Role transition: ... the early waking began two
    months after the move. The depression has nothing to do with the move, though"): it argues against its own
    focus. ``event_clauses``: the clauses that name the key event; ``event_area``: the area the key event argues
    for; ``linked``: whether the answer (its clauses, the denials left out) states the link in the given clauses.
    Empty otherwise, and for an event of another area set aside (a tempting event is no contradiction)."""
    if event_area is not chosen or len(event_clauses) < 2:
        return []
    denied = [c for c in sorted(event_clauses) if relation_denied(prepared[c]) and _said_of_episode(prepared[c])
              and not subordinate(prepared, c) and QUOTE not in prepared[c]]
    kept = event_clauses - set(denied)
    if not denied or not kept or not linked([[] if c in denied else t for c, t in enumerate(prepared)], kept):
        return []
    said = min(kept)
    return [Claim(chosen, "untriggered", denied[0], _quote(prepared[denied[0]], 0, len(prepared[denied[0]]))),
            Claim(chosen, "triggered", said, _quote(prepared[said], 0, len(prepared[said])))]


def _plan_read(plan: list[Match], prepared: Clauses, words: AnswerWords) -> list[tuple[frozenset, str, Claim]]:
    """:func:`_plan_findings` in the clauses that plan: those with a goal or strategy phrase and the clause after
    each, and the plan sentences."""
    stated = plan_clauses(plan, prepared)
    return _plan_findings(plan, {*stated, *(c + 1 for c in stated), *plan_sentences(prepared, words)}, prepared)


def _plan_findings(plan: list[Match], clauses: set[int], prepared: Clauses) -> list[tuple[frozenset, str, Claim]]:
    """Each goal or strategy phrase of the plan sentences (overlapping matches: the longest wins), with the areas it
    can serve and the concept it names."""
    spans: dict[tuple[int, int, int], set[str]] = {}
    for m in plan:
        if not m.negated and m.clause in clauses:
            spans.setdefault((m.clause, m.start, m.end), set()).add(m.concept)
    found = []
    for (clause, start, end), concepts in sorted(spans.items()):
        if any(c == clause and s <= start and end <= e and (s, e) != (start, end) for c, s, e in spans):
            continue  # part of a longer phrase ("mourn" inside "mourn the old role")
        areas = frozenset(_area_of(concept) for concept in concepts)
        words = " ".join(prepared[clause][start:end + 1])  # the goal or strategy phrase itself
        for concept in sorted(concepts):
            area = _area_of(concept)
            if area is not None and len(areas) == 1:
                found.append((areas, concept, Claim(area, "plan", clause, words)))
            else:
                found.append((areas, concept, Claim(ProblemArea.GRIEF, "shared", clause, words)))
    return found


def _area_of(concept: str) -> ProblemArea | None:
    kind, _, cid = concept.partition(":")
    table = GOALS if kind == "goal" else STRATEGIES
    item = table.get(cid)
    return None if item is None else item.area


def _plan_only_candidate(chosen: ProblemArea, excluded: set, plan: list[Match]) -> bool:
    """Cheap test before the plan is read: the chosen area has no goal or strategy phrase, and another area two."""
    counts: dict[ProblemArea, set[str]] = {}
    for m in plan:
        if m.negated:
            continue
        area = CONCEPT_AREA.get(m.concept)
        if area is chosen:
            return False
        if area is not None and area not in excluded:
            counts.setdefault(area, set()).add(m.concept)
    return any(len(found) >= 2 for found in counts.values())


def claims_apart(decision: AreaDecision, plan: list[Match], stages: list[Match], prepared: Clauses,
                 words: AnswerWords | None = None) -> bool:
    """An answer that turns from one area to another (``decision.contradiction``) holds two formulations when one
    of its areas has a claim only it makes (the stage of its dispute, a long-standing account of the onset, mourning
    never done) and another has a plan of its own: "PA: role dispute with Paula, dissolution ... On reflection this
    is a transition ... goals are mourning the old caring role". (A label turned from with nothing of its own,
    "Problem area: transition ... so the work really is mourning her", is not found here: the formulation scorer
    halves it on every criterion all the same.)

    ``stages``: the matches that name the dispute's stage as the stage; ``plan``: goal and strategy matches."""
    areas = {a for a in (decision.primary, *decision.alternatives) if a is not None}
    if not decision.contradiction or decision.stuffing or len(areas) < 2:
        return False
    if words is None:
        words = AnswerWords(prepared)
    claimed: set[ProblemArea] = set()
    if ProblemArea.ROLE_DISPUTE in areas and any(not subordinate(prepared, m.clause) for m in stages):
        claimed.add(ProblemArea.ROLE_DISPUTE)
    if words.has_any(_CASE_WORDS):
        if ProblemArea.INTERPERSONAL_DEFICITS in areas and onset_claims(prepared, words):
            claimed.add(ProblemArea.INTERPERSONAL_DEFICITS)
        if ProblemArea.GRIEF in areas and mourning_claims(prepared, words):
            claimed.add(ProblemArea.GRIEF)
    if not claimed:
        return False
    own_plans = {claim.area for _, _, claim in _plan_read(plan, prepared, words)
                 if claim.kind == "plan" and claim.area in areas and not subordinate(prepared, claim.clause)}
    return any(b is not a for a in claimed for b in own_plans)


def _settled_at(reading: AreaReading, chosen: ProblemArea) -> tuple[int, int] | None:
    """Where the writer's own last decision or first-person lean names the chosen area ("On balance I'd go with
    grief", "I lean towards grief, probably"), when it is the writer's last word on the focus; None otherwise."""
    said = [p for p, a in (*reading.decisive, *reading.writer_leans) if a is chosen]
    last = max((p for p, _ in (*reading.decisive, *reading.writer_leans)), default=None)
    return max(said) if said and last == max(said) else None


#: Any word that an account of the onset or of mourning needs: answers with none skip both readers.
_CASE_WORDS = _ONSET_WORDS | _MOURNING


def read_conflict(decision: AreaDecision, reading: AreaReading, plan: list[Match], stages: list[Match],
                  prepared: Clauses, *, marked_secondary: ProblemArea | None = None,
                  bereaved: bool = False, words: AnswerWords | None = None,
                  events: list[Match] | None = None, onset: int | None = None) -> Conflict | None:
    """The claims of the answer that belong to another area than the one it chose, when they make a second
    formulation (see the module docstring); None for a consistent answer.

    ``plan``: goal and strategy matches; ``stages``: the matches that name the dispute's stage as the stage (not
    inside a condition); ``marked_secondary``: a secondary area the answer ticked; ``bereaved``: the case's own
    facts include a death (then "nobody died" beside a choice of grief argues against the choice); ``words``: the
    answer's table of words (made from ``prepared`` when not given); ``events``: the answer's event matches, read
    for an event of another area said to have set the episode off (see :func:`cause_claims`, with the case's month
    of ``onset``).
    """
    chosen = decision.primary
    if chosen is None or decision.stuffing or decision.contradiction:
        return None
    if words is None:
        words = AnswerWords(prepared)
    if bereaved and chosen is ProblemArea.GRIEF:
        denials = death_denials(prepared, words)
        if denials:
            return Conflict(chosen, None, tuple(denials))
    excluded = {chosen, marked_secondary, *reading.rejected, *reading.secondary_marked}
    claims: list[Claim] = []
    settled = _settled_at(reading, chosen)
    for area in reading.at_least(Reading.ASSERTED):
        clause = reading.order[area][0]
        if settled is not None and reading.order[area] < settled and area not in reading.focused and (
                area not in reading.primary_marked and area is not reading.label):
            continue  # a line of the differential the writer's own decision or lean closes, not a second focus
        if area not in excluded and area in reading.free_choice and not subordinate(prepared, clause):
            start = reading.order[area][1]
            claims.append(Claim(area, "focus", clause, _quote(prepared[clause], start, start + 1)))
    if chosen is not ProblemArea.ROLE_DISPUTE and ProblemArea.ROLE_DISPUTE not in excluded:
        claims += [Claim(ProblemArea.ROLE_DISPUTE, "stage", m.clause, _quote(prepared[m.clause], m.start, m.end))
                   for m in stages if not subordinate(prepared, m.clause)]
    deficits = chosen is not ProblemArea.INTERPERSONAL_DEFICITS and ProblemArea.INTERPERSONAL_DEFICITS not in excluded
    grief = chosen is not ProblemArea.GRIEF and ProblemArea.GRIEF not in excluded
    if (deficits or grief) and words.has_any(_CASE_WORDS):
        claims += (onset_claims(prepared, words) if deficits else []) + (
            mourning_claims(prepared, words) if grief else [])
    if events:
        named = {a for a in reading.best if a not in excluded}
        claims += [c for c in cause_claims(prepared, events, chosen, named, onset) if c.area not in excluded]
    if not claims and not _plan_only_candidate(chosen, excluded, plan):
        return None
    # Plan sentences, the clause after each (a list of strategies after "we should work on ...:") and the clause
    # after a heading ("Strategies:").
    findings = _plan_read(plan, prepared, words)
    # The chosen area has a plan when any phrase can serve it (an ambiguous phrase counts for the choice).
    chosen_plan = any(chosen in areas for areas, _, _ in findings)
    commit = (reading.order.get(chosen) or (len(prepared), 0))[0]
    # The label's own plan: a phrase of the chosen area's alone, or one said with or after the label; an ambiguous
    # phrase in the argument before it ("I'd do communication analysis of their fights. PA: role transition") is
    # the argument's, whether or not the reader found its plan sentence.
    label_plan = any(chosen in areas and (len(areas) == 1 or claim.clause >= commit) for areas, _, claim in findings)
    # A plan that serves only another area (two or more of its goals and strategies, none of the chosen area's) is a
    # claim for that area in itself.
    others = [*dict.fromkeys(c.area for c in claims)]
    if not chosen_plan:
        others += [a for a in dict.fromkeys(claim.area for _, _, claim in findings if claim.kind == "plan")
                   if a not in excluded and a not in others]
    for other in others:
        own = [c for c in claims if c.area == other]
        other_plan = {concept: claim for areas, concept, claim in findings
                      if claim.kind == "plan" and claim.area == other and not subordinate(prepared, claim.clause)}
        onset = any(c.kind == "onset" for c in own)
        # "Nothing set the episode off" denies the event every other area is built on: a second reading by itself.
        # An event of another area said to have set the episode off is that area's account of the onset.
        trigger = any(c.kind in ("trigger", "mourning", "cause") for c in own)
        # The chosen label stands bare after an argument for the other area: no plan of its own, every claim of the
        # other area and some plan before it ("... so this is the renegotiation stage; I'd do communication
        # analysis of their fights. PA: role transition").
        bare = not label_plan and all(c.clause < commit for c in own) and any(
            m.clause < commit and not m.negated for m in plan)
        if not own and len(other_plan) < 2:
            continue
        if trigger or (onset and other_plan) or len(other_plan) >= 2 or (other_plan and not chosen_plan) or (
                bare and not onset):
            return Conflict(chosen, other, (*own, *other_plan.values()))
    return None
