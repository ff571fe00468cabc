"""Whether an answer that names no problem area says what it makes of the case, or only tells the case back.

A formulation in plain words makes claims of its own: it ties the depression to an event or a pattern ("her sleep
went two months after his death", "this comes from being alone so much"), says what the problem is ("he has not let
go of the bakery", "the two of them are stuck") or says what the work would be. A retelling reports the events,
the people and the symptoms one after another, each symptom dated by the calendar ("Since April she sleeps four
hours"), and leaves the reader to draw the conclusion. Read on sentence structure only: the words that make a clause
a claim (a causal or relative-time connective beside the mood, a negated verb of inner work, a word of being
stuck), never the facts of a case. The caller gives the plan sentences and the test for the mood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.specificity import MONTHS

Clauses = list[list[str]]

#: Connectives that explain: a clause about the mood with one of them gives its cause ("she is low because ...").
_EXPLAIN = frozenset({"because", "due", "stems", "stem", "caused", "causes", "triggered", "explains", "explain",
                      "explained", "driven", "reaction", "why"})
#: Two-word connectives that explain ("comes from", "has to do with", "grew out of", "brought on", "led to").
_EXPLAIN_PAIRS = frozenset({("comes", "from"), ("come", "from"), ("coming", "from"), ("to", "do"),
                            ("brought", "on"), ("set", "off"), ("led", "to"), ("leads", "to"), ("grew", "out"),
                            ("grown", "out"), ("tied", "to"), ("linked", "to"), ("related", "to"), ("is", "about"),
                            ("really", "about"), ("all", "about"), ("behind", "it"), ("behind", "this"),
                            ("behind", "her"), ("behind", "his")})
#: A clause that opens on the whole picture ("this is about ...", "it comes from ...", "what sits underneath ...")
#: explains the mood the answer speaks of without naming it again.
_PICTURE = frozenset({"this", "it", "that", "what", "all"})
#: Words that state the answer's own reading of what is wrong, wherever they stand ("what sits underneath is",
#: "the real problem is", "at the heart of it").
_READING_WORDS = frozenset({"underneath", "underlying", "beneath", "focus", "core", "central", "key"})
_READING_PAIRS = frozenset({("the", "problem"), ("real", "problem"), ("main", "problem"), ("the", "issue"),
                            ("real", "issue"), ("main", "issue"), ("the", "heart"), ("the", "root"),
                            ("what", "wrong"), ("rather", "than")})
#: The writer's own judgement ("I think", "it seems", "probably"): a retelling reports, a formulation judges.
_JUDGING = frozenset({"seems", "seem", "appears", "probably", "likely", "clearly", "obviously", "evidently"})
_JUDGING_PAIRS = frozenset({("i", "think"), ("i", "believe"), ("i", "suspect"), ("i", "sense"), ("my", "view"),
                            ("my", "impression"), ("i", "see")})
#: What an event did to the patient, said as its effect ("the move hit her hard", "the divorce took its toll").
_IMPACT = frozenset({"hit", "affected", "impact", "toll", "devastated", "shaken", "knocked", "crushed", "floored"})
#: Inner work said to be under way or failing ("she is still grieving", "he is struggling to adjust").
_WORK_UNDER_WAY = frozenset({"grieving", "mourning", "struggling", "adjusting", "adapting"})
#: Verbs that make the mood what something did ("the move left her low", "it has made him miserable").
_CAUSATIVE = frozenset({"made", "makes", "making", "left", "leaves", "leaving", "keeps", "keeping", "kept",
                        "pushed", "sent", "tipped", "dragged", "brought"})
#: Words of the mood in plain language, besides the clinical words and the case's symptoms the caller tests for.
_MOOD = frozenset({"low", "down", "sad", "sadness", "depressed", "depression", "miserable", "unhappy", "tearful",
                   "crying", "flat", "hopeless", "empty", "downhill", "worse", "unwell", "mood", "sank", "sunk",
                   "slumped", "crashed", "struggling"})
#: Connectives of relative time that tie the mood to what they are followed by ("since the divorce", "two months
#: after his death", "once he was stuck at home"); followed by a date they only date it ("since April").
_TIE = frozenset({"since", "after", "following", "once", "within", "when"})
#: Relative time said after the event ("her sleep went two months later"): the mood placed by what was told before.
_LATER = frozenset({"later", "afterwards", "afterward", "thereafter"})
#: Words skipped between a connective and what it is followed by ("since about May", "after roughly ...").
_HEDGES = frozenset({"about", "around", "roughly", "approximately", "nearly", "almost", "just", "only", "shortly",
                     "soon", "early", "late", "mid", "the", "last", "this", "of"})
#: What makes the object of a connective a date, not an event ("since the spring", "after Christmas", "since 2024").
_DATE_WORDS = frozenset({*MONTHS, "spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "year",
                         "years", "week", "weeks", "month", "months", "day", "days", "new", "jan", "feb", "mar",
                         "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "asked", "seen"})
#: Negations, and the verbs of inner work they deny when the answer says what the problem is ("she has not let
#: herself grieve", "he cannot let go", "has never adjusted"); denied facts ("has not appealed") are told, not read.
_NEGATIONS = frozenset({"not", "never", "unable", "cannot", "nor", "without"})
_INNER_WORK = frozenset({"grieve", "grieved", "grieving", "mourn", "mourned", "mourning", "cry", "cried", "feel",
                         "felt", "accept", "accepted", "adjust", "adjusted", "adapt", "adapted", "let", "face",
                         "faced", "settle", "settled", "forgive", "forgiven", "cope", "coped", "recover", "recovered",
                         "process", "processed", "allowed", "allow"})
_NEGATION_REACH = 4
#: Words of a relationship or a life that is stuck: the answer's reading of its state.
_STUCK = frozenset({"stuck", "frozen", "stalemate", "standoff", "stand-off", "deadlock", "deadlocked", "impasse",
                    "unresolved", "unmourned", "unfinished"})
#: What a change takes from someone, said as a loss of self ("lost his place", "took away her identity").
_LOSS = frozenset({"lost", "losing", "loss", "lose", "took", "taken", "gone"})
_SELF_THINGS = frozenset({"identity", "purpose", "place", "role", "standing", "status", "self", "meaning", "worth"})
_SELF_REACH = 4
#: What the patient misses of a former life ("he misses being the head of a household").
_MISSING = frozenset({"misses", "miss", "missing", "longs", "yearns"})
#: A pattern said to be as old as the patient ("she has always been alone", "never had friends"): the reading of a
#: long-standing isolation.
_ALWAYS = frozenset({"always", "lifelong", "life-long"})
_ISOLATION = frozenset({"alone", "lonely", "loner", "isolated", "isolation", "friendless", "shy", "withdrawn"})
#: ... or as the ties never had ("never had a friend", "has never been close to anyone").
_NEVER = frozenset({"never"})
_TIES = frozenset({"friends", "friend", "close", "anyone", "anybody", "relationship", "relationships"})
#: Words that make a plan sentence the answer's own plan (a modal, an aim, the therapy): "went back to work" or
#: "without a plan" in a retelling is a fact told, not work proposed.
_PLANNING = frozenset({"would", "will", "should", "could", "can", "shall", "need", "needs", "must", "aim", "aims",
                       "goal", "goals", "help", "helping", "therapy", "sessions", "session", "treatment", "focus",
                       "want", "wants", "let"})
#: The writer or the therapy as the subject of a plan sentence ("I'd give him room", "we'll talk", "we talk about
#: him"), or a plan said as an order ("Explore the marriage.").
_PROPOSER = frozenset({"i", "we", "lets"})
_ORDERS = frozenset({"explore", "work", "encourage", "help", "focus", "talk", "review", "address", "facilitate",
                     "support", "build", "reconnect", "mourn", "grieve", "clarify", "practise", "practice",
                     "rehearse", "identify", "discuss", "examine", "promote", "develop", "increase", "reduce"})


def _pairs(tokens: list[str]) -> set[tuple[str, str]]:
    return set(pairwise(tokens))


def _explains(tokens: list[str], mood: bool) -> bool:
    """A causal connective in a clause about the mood, or in one that speaks of the whole picture; a verb that makes
    the mood an event's effect ("the move left her low", "the silence keeps him down")."""
    if mood and not _CAUSATIVE.isdisjoint(tokens):
        return True
    if _EXPLAIN.isdisjoint(tokens) and _EXPLAIN_PAIRS.isdisjoint(_pairs(tokens)):
        return False
    return mood or tokens[0] in _PICTURE


def _reads(tokens: list[str]) -> bool:
    """The answer's own reading of what is wrong ("what sits underneath is ...", "the real problem is ...", "I
    think ...", "the loss hit him hard")."""
    if not (_READING_WORDS.isdisjoint(tokens) and _JUDGING.isdisjoint(tokens) and _IMPACT.isdisjoint(tokens)
            and _WORK_UNDER_WAY.isdisjoint(tokens)):
        return True
    pairs = _pairs(tokens)
    return not _READING_PAIRS.isdisjoint(pairs) or not _JUDGING_PAIRS.isdisjoint(pairs)


def _dated(tokens: list[str], start: int) -> bool:
    """Whether what follows a connective at ``start`` is a date ("since about May", "after 2024") or, after "when",
    a circumstance ("when asked", "when speaking of Eetu"), not an event."""
    for token in tokens[start + 1:]:
        if token in _HEDGES:
            continue
        if tokens[start] == "when" and token.endswith("ing"):
            return True
        return token in _DATE_WORDS or token[:1].isdigit()
    return True  # nothing follows: the connective ties the mood to nothing


def _tied(tokens: list[str]) -> bool:
    """The mood tied in time to an event or to what was told before it, not dated by the calendar."""
    if not _LATER.isdisjoint(tokens):
        return True
    return any(token in _TIE and not _dated(tokens, i) for i, token in enumerate(tokens))


def _mood_tied(tokens: list[str], mood: Callable[[list[str]], bool]) -> bool:
    """The mood, said before a connective of relative time, tied by it to an event ("... began in November, two
    months after he arrived")."""
    for i, token in enumerate(tokens):
        if (token in _TIE and not _dated(tokens, i)) or token in _LATER:
            before = tokens[:i]
            if before and (not _MOOD.isdisjoint(before) or mood(before)):
                return True
    return False


def _problem_said(tokens: list[str]) -> bool:
    """What the problem is, in the answer's words: inner work denied, a state of being stuck, a loss of self, a
    lifelong isolation."""
    if not _STUCK.isdisjoint(tokens):
        return True
    for i, token in enumerate(tokens):
        if token in _NEGATIONS and not _INNER_WORK.isdisjoint(tokens[i + 1:i + 1 + _NEGATION_REACH]):
            return True
        if token in _LOSS and not _SELF_THINGS.isdisjoint(tokens[i + 1:i + 1 + _SELF_REACH]):
            return True
    if not _MISSING.isdisjoint(tokens):
        return True
    if not _NEVER.isdisjoint(tokens) and not _TIES.isdisjoint(tokens):
        return True
    return not _ALWAYS.isdisjoint(tokens) and not _ISOLATION.isdisjoint(tokens)


#: Words that say nothing of the case: the answer's own anaphors for all it has told ("because of all this", "since
#: then", "we will talk about it"), degree words and the most general verbs of the work. A claim made only of these,
#: the claim's own marker and the mood ("I think he is low", "the main problem is his mood", "he is stuck") names
#: nothing it is a claim about.
_EMPTY = frozenset({"all", "everything", "things", "thing", "stuff", "situation", "story", "events", "happened",
                    "lot", "much", "hard", "really", "very", "quite", "just", "too", "now", "still", "bit", "way",
                    "talk", "look", "work", "discuss", "explore", "think", "deal", "help", "get", "make", "see",
                    "go", "feel", "cope", "going", "life", "problem", "problems", "issue", "issues",
                    "mood", "state", "person", "patient", "client", "mind", "head", "herself", "himself",
                    "themselves", "one", "some", "more", "less", "good", "bad", "well", "lately", "recently",
                    "been", "being", "am", "got", "gets", "seems", "seemed", "appear", "appears", "anxious",
                    "has", "had", "having", "time", "times", "clear", "clearly", "obvious"})
_MARKERS = (_EXPLAIN | _READING_WORDS | _JUDGING | _IMPACT | _WORK_UNDER_WAY | _CAUSATIVE | _MOOD | _TIE | _LATER
            | _NEGATIONS | _STUCK | _PLANNING | _PROPOSER | _HEDGES
            | {word for pair in _EXPLAIN_PAIRS | _READING_PAIRS | _JUDGING_PAIRS for word in pair})


#: A past verb of the writer's thinking just after "I" or "we" ("I first thought of grief", "we had assumed"): a view
#: the writer held, not work proposed.
_PAST_VIEW = frozenset({"thought", "wondered", "assumed", "believed", "supposed", "suspected", "considered", "guessed",
                        "was", "were", "had", "did", "felt"})


def _proposes(tokens: list[str]) -> bool:
    """The writer or the therapy as the subject of a plan sentence, not of a view held before."""
    return tokens[0] in _PROPOSER and _PAST_VIEW.isdisjoint(tokens[1:3])


def _says_of(tokens: list[str], mood: Callable[[list[str]], bool], name: frozenset[str]) -> bool:
    """Whether a clause names something it is a claim about (an event, a person, a relationship, a kind of inner
    work), besides function words, the claim's marker, the mood and the case's symptoms, the patient and the
    answer's anaphors for all it has told."""
    return any(token not in FUNCTION_WORDS and token not in _MARKERS and token not in _EMPTY and token not in name
               and not mood([token]) for token in tokens)


def own_claims(prepared: Clauses, mood: Callable[[list[str]], bool], planned: list[int],
               name: frozenset[str] = frozenset()) -> list[int]:
    """The clauses in which the answer says what it makes of the case: the mood explained or tied in time to an
    event, what the problem is, or the work it plans (``planned``: its plan sentences, kept where a word of planning
    or the writer as subject says the work is proposed). ``mood``: whether a clause
    speaks of the depression or of the case's symptoms. None in a retelling."""
    dated = {c for c, tokens in enumerate(prepared) if any(_date_at(tokens, k) for k in range(len(tokens)))}
    claims = {c for c in planned if prepared[c] and (_proposes(prepared[c]) or prepared[c][0] in _ORDERS
                                                     or (c not in dated and not _PLANNING.isdisjoint(prepared[c])))
              and _says_of(prepared[c], mood, name)}
    for c, tokens in enumerate(prepared):
        if not tokens or c in claims:
            continue
        told = not _MOOD.isdisjoint(tokens) or mood(tokens)
        # (a clause dated by the calendar reports: a word of judgement over it is no reading, and it ties the mood
        # to an event only where the mood comes before the tie: "her symptoms began in November, two months after
        # he arrived", not "in 2025-07 the GP refers him after he mentions guilt")
        read = (_reads(tokens) or (told and _tied(tokens))) if c not in dated else _mood_tied(tokens, mood)
        if (read or _problem_said(tokens) or _explains(tokens, told)) and _says_of(tokens, mood, name):
            claims.add(c)
    return sorted(claims)


#: Month words that are also ordinary words are dates only after a word of time ("in May", "since March").
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_BEFORE_DATE = frozenset({"in", "since", "by", "from", "until", "early", "late", "mid", "end", "of", "after", "before",
                          "on", "during", "last", "this"})
#: The fewest dated clauses of a story told in the order of its events.
SEQUENCE_DATES = 2


def _date_at(tokens: list[str], k: int) -> bool:
    token = tokens[k]
    if token in _AMBIGUOUS_MONTHS:
        return k > 0 and tokens[k - 1] in _BEFORE_DATE
    if token in _DATE_MONTHS:
        return True
    digits = token.replace("/", "")
    return (digits.isdigit() and ("/" in token or (len(token) == 4 and token[:2] in {"19", "20"}))) or bool(
        _ISO_DATE.fullmatch(token))


#: A date as a timeline writes it ("2025-03", "2025-03-14").
_ISO_DATE = re.compile(r"(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?")
_DATE_MONTHS = frozenset({*MONTHS, "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def told_in_sequence(prepared: Clauses) -> bool:
    """Whether the answer dates the case's events by the calendar, as a story told in order does ("In January ...
    By March ... In April ..."): two clauses or more with a month, a year or a date."""
    dated = sum(1 for tokens in prepared if any(_date_at(tokens, k) for k in range(len(tokens))))
    return dated >= SEQUENCE_DATES
