"""The items of a plan's list, each read with the verb that governs it.

A plan said in plain words often names its work once and lists what it applies to: "We'll talk about what the end
of the family home has been like, what you miss and what you don't miss, and work out together what a good weekend
could look like and who you want around you again", or "We will talk about: Kwabena and your years together; the
two days in hospital; ...". Each item is the verb's object ("talk about what you miss"), however many words away
the verb stands, and a reader that looks for the verb within a few words of its object misses every item after the
first. :func:`item_readings` gives each item as a short sentence of its own, the governing verb first, for the plain
plan frames to read:

* the topics of one sentence ("what ...", "how ...", "who ...", two or more of them) each with the verb before it;
* the clauses after a plan clause that stops at its verb or preposition ("we will talk about:", "we'll focus on")
  each with that verb, until a sentence about someone, a question or a new plan begins;
* a topic and its denial side by side ("what you miss and what you don't", "what you loved in him and what you
  didn't") read as the two sides of it, its good and its bad: a balanced review, of an old role or of the
  relationship with the dead.

The readings add credit for the work the plan names; they are never read for the area the plan serves (the votes
read the sentences as written).

A writer of English as a second language often plans in the present tense, without a helper verb ("we speak about
...", "I go over her old friendships"; contractions, "we'll talk about", reach the readers written out).
:func:`helper_dropped` finds such clauses, a writer ("we", "I") and a verb of the work right after, so that their
work is read as a plan's.
"""

from __future__ import annotations

from ipt_training.scoring.word_forms import stem
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses
from ipt_training.text.normalize import QUESTION

#: Words that open a topic of a plan's list ("what you miss", "how you might say it", "who you want around you").
TOPICS = frozenset({"what", "how", "who", "whom", "whether"})
#: Verbs that govern a list of topics or of clauses ("talk about", "look at", "work out", "think about").
GOVERNING = frozenset({"talk", "talking", "speak", "look", "looking", "work", "think", "explore", "discuss",
                       "spend", "focus", "find", "see", "understand", "consider", "help", "learn", "review",
                       "remember", "decide", "figure", "sort", "weigh", "notice", "tell", "say"})
#: How many words after the verb go with it ("talk about", "work out together").
_HEAD_WORDS = 3
#: Words a plan clause stops at when its objects follow in the clauses after it ("we will talk about:").
_DANGLING = frozenset({"about", "on", "at", "through", "over", "into"})
#: Who tells a story rather than lists an item ("she kept his door shut").
_SUBJECTS = frozenset({"he", "she", "they", "i", "it", "this", "there", "we", "you"})
_MOST_ITEMS = 5
_ITEM_WORDS = 30
_DENIAL = frozenset({"not", "never"})
#: A topic and its denial are its good and its bad side (see the module docstring).
BOTH_SIDES = ["good", "and", "bad"]


def _head(tokens: list[str], before: int) -> list[str]:
    """The governing verb last said before position ``before`` and the words after it up to ``before`` (at most
    :data:`_HEAD_WORDS`), or nothing."""
    for k in range(before - 1, -1, -1):
        if tokens[k] in GOVERNING and tokens[k + 1:k + 2] != ["like"]:  # (not "what it could look like")
            end = min(before, k + _HEAD_WORDS)
            topic = next((j for j in range(k + 1, end) if tokens[j] in TOPICS), end)
            return tokens[k:topic]  # (up to its first topic: "talk about", not "talk about what you")
    return []


def _denies(item: list[str], previous: list[str]) -> bool:
    """Whether ``item`` denies the topic before it ("what you do not miss" after "what you miss" or "what she
    misses"; "what you didn't" with the verb left out)."""
    for k, token in enumerate(item):
        if token in _DENIAL:
            after = item[k + 1] if k + 1 < len(item) else ""
            return not after or after in ("and", "or") or stem(after) in {stem(w) for w in previous[1:]}
    return False


def _topics(tokens: list[str]) -> list[list[str]]:
    """The topics of a sentence that lists two or more, each with its governing verb first."""
    starts = [k for k, token in enumerate(tokens) if token in TOPICS and k]
    if len(starts) < 2:
        return []
    readings = []
    previous: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(tokens)], strict=True):
        head = _head(tokens, start)
        item = tokens[start:end]
        if head:
            readings.append(head + item)
            if previous and previous[0] == item[0] and not _DENIAL.intersection(previous) and _denies(item, previous):
                readings.append(head + BOTH_SIDES + previous)
        previous = item
    return readings


def _following(prepared: Clauses, c: int) -> list[list[str]]:
    """The clauses after plan clause ``c`` that it stops short of ("we will talk about: ..."), with its verb."""
    tokens = prepared[c]
    if not tokens or tokens[-1] not in _DANGLING:
        return []
    head = _head(tokens, len(tokens))
    if not head:
        return []
    if head[-1] != tokens[-1]:
        head = [head[0], tokens[-1]]  # "spend our twelve sessions on": "spend on"
    readings = []
    for item in prepared[c + 1:c + 1 + _MOST_ITEMS]:
        if not item:
            continue  # (a semicolon between two items)
        if item[-1] == QUESTION or len(item) > _ITEM_WORDS or item[0] in _SUBJECTS:
            break
        readings.append(head + item)
        readings += _topics(head + item)
    return readings


#: Verbs whose second object follows "and" with a determiner of its own ("find a few things she can own at home and
#: some Tamil-speaking company"): the second object read with the verb ("find some company").
_GETTING = frozenset({"find", "get", "build", "make", "meet", "join", "have"})
_DETERMINERS = frozenset({"some", "a", "an", "other", "new", "more", "few"})
#: How far back from "and" the verb may stand, and how many words of the second object are read.
_VERB_REACH = 12
_OBJECT_WORDS = 6


def _second_objects(tokens: list[str]) -> list[list[str]]:
    """The objects after "and" that share the verb of the object before them, each with that verb first."""
    readings = []
    for k, token in enumerate(tokens):
        if token != "and" or k + 1 >= len(tokens) or tokens[k + 1] not in _DETERMINERS:
            continue
        verb = next((tokens[j] for j in range(k - 1, max(-1, k - 1 - _VERB_REACH), -1)
                     if tokens[j] in _GETTING or tokens[j] == "and"), "")
        if verb in _GETTING:  # (an "and" between them begins another item: "find X and then get Y and some Z")
            readings.append([verb, *tokens[k + 1:k + 1 + _OBJECT_WORDS]])
    return readings


def item_readings(prepared: Clauses, planned: list[int]) -> list[list[str]]:
    """The items of the plan clauses ``planned``, each read as a sentence with its governing verb first."""
    readings: list[list[str]] = []
    for c in planned:
        tokens = prepared[c]
        if "and" in tokens:
            readings += _second_objects(tokens)
        if len(tokens) > 1 and not TOPICS.isdisjoint(tokens):
            readings += _topics(tokens)
        if tokens and tokens[-1] in _DANGLING:
            readings += _following(prepared, c)
    return readings


#: Verbs of a plan's work that follow a writer who plans without a helper verb, as writers of English as a second
#: language often do ("we speak about what she miss", "I use the relation with me", "I go over ..."); not verbs of
#: opinion ("I think", "I see", "I feel"), which follow a writer with no helper left out.
WORK_AFTER_WRITER = frozenset({"talk", "speak", "discuss", "use", "look", "go", "work", "help", "get", "explore",
                               "review", "practise", "practice", "rehearse", "try", "focus", "spend", "start",
                               "begin", "build", "find", "let", "encourage", "ask", "bring", "take", "weigh",
                               "notice", "give", "sort", "figure", "aim", "want", "like"})
WRITERS = feature(frozenset({"we", "i"}))
_OPENERS = frozenset({"and", "then", "later", "also", "first", "next", "so", "now"})


def helper_dropped(prepared: Clauses, candidates: list[int]) -> list[int]:
    """The clauses of ``candidates`` that open (after "and", "then", ...) with a writer and a verb of the plan's work
    (see the module docstring)."""
    found = []
    for c in candidates:
        tokens = prepared[c]
        k = 0
        while k < len(tokens) - 2 and tokens[k] in _OPENERS:
            k += 1
        if len(tokens) > k + 1 and tokens[k] in WRITERS and tokens[k + 1] in WORK_AFTER_WRITER:
            found.append(c)
    return found
