"""The plan said in everyday words, read against the case's own model formulation.

Every case's reference holds a formulation said to the patient, and its plan names each goal and strategy the
case expects in this case's own words ("get clear on what you expect from Beatriz and what she may expect from
you", "weigh your options", "talk about what you miss from the school"). A trainee's letter to the same patient
says the same work in other words, but it keeps many of the rare ones: "what you each expect", "weigh up what you
could do", "what you miss about the school". So the model's plan is a key:

* once per case, each expected concept the model's plan names (found by the lexicon or by a plain-words frame,
  :mod:`~ipt_training.scoring.plain_plan`) is located in the model's plan sentences, and the words around it up to
  the next concept's phrase make its *item*; each content word is kept as its stem ("expects", "expected" and
  "expectations" are one word), and the case's names are left out (a name says who, not what the work is);
* each stem is weighted by how rare it is in the model formulations of the course's case library (computed once):
  "talk", "look" and "feel" say little about which item it is, "options", "miss" and "skills" a lot;
* an answer's plan sentence names an item's concept where, within a few words of each other, it has two or more
  of the item's stems, one of them at least a word of some weight, with enough weight together. The case's own
  facts in an item count ("what you miss about the school"): they say which item of this patient's plan it is.

Only plan sentences are read (a story told about the patient names no work), only for an answer that chose the
case's own area (the model's items are that area's plan: an answer arguing another area is read by its own words
alone), and what they credit never counts towards keyword stuffing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import NamedTuple

import yaml

from ipt_training.domain import ProblemArea
from ipt_training.scoring.evidence import STOP_WORDS
from ipt_training.scoring.item_context import common_in_library
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.scoring.plain_plan import plain_plan_concepts, plan_sentences
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.word_forms import stem
from ipt_training.text.matcher import Clauses, Match, is_negated
from ipt_training.text.normalize import clauses

#: Concepts the reading of the answer earns, not its plan (the onset linked, the stage named): no item.
_NOT_ITEMS = frozenset({"general.link_onset", "dispute.stage", "general.symptom_relief"})
#: An answer's words that name an item lie within this many words of each other.
_ANSWER_SPAN = 8
#: Stems an answer's words must share with an item, the weight they must reach together, and the weight one of
#: them at least must have alone (a rare word: "options", "miss", "skills", not "talk" or "help").
_MIN_SHARED = 2
#: Content words in a row that make a list of words, not a sentence (prose rarely has three: "practical caring skills").
_LIST_STRETCH = 4
_MIN_WEIGHT = 3.0
_MIN_RARE = 1.5
#: Words that say a plan is being made, not what it is: no weight however rare.
_PLAN_FRAME = frozenset({"suggest", "propose", "would", "like", "together", "sessions", "session", "weeks",
                         "weekly", "meet", "work", "also", "then", "later", "first", "next", "start", "perhaps",
                         "maybe", "here", "able", "ipt", "therapy", "call", "want", "things", "thing", "way",
                         "ways", "some", "more", "less", "much", "many", "really", "just", "still", "now",
                         "again", "each", "both", "other", "others", "one", "time", "times", "help", "two",
                         "three", "four", "six", "eight", "ten", "twelve", "fourteen", "sixteen", "twenty", "once",
                         "week"})
#: The words of the areas' names ("In IPT we call this a role transition" names the area, not an item of the plan).
_AREA_NAMES = frozenset({"role", "roles", "transition", "transitions", "dispute", "disputes", "grief", "interpersonal",
                         "deficit", "deficits", "sensitivity", "psychotherapy", "bereavement", "complicated",
                         "area", "focus", "problem", "depression", "illness"})


#: Words the evidence matcher skips that say what a plan's work is ("be closer to", "how you feel"): the rarity
#: weights judge them here.
_PLAN_CONTENT = frozenset({"feel", "feels", "felt", "close", "closer", "closest", "keep", "keeps", "kept"})
_STOP = (STOP_WORDS - _PLAN_CONTENT) | FUNCTION_WORDS


def _plain(word: str) -> bool:
    return word in _STOP or word in _PLAN_FRAME or word in _AREA_NAMES


@cache
def content_stem(word: str) -> str:
    """The stem of a content word, or "" for a word that says nothing of what the work is (a function word, a
    word of any plan: "the", "keeps", "sessions"), as a word or as its stem."""
    if len(word) < 3 or not word.isalpha() or _plain(word):
        return ""
    s = stem(word)
    return "" if _plain(s) or _plain(s + "e") else s


@cache
def _library_weights() -> tuple[dict[str, float], float]:
    """Each stem's weight, log(N / df) over the sentences of the library's model formulations (a stem in one
    sentence in a hundred weighs about 4.6, one in every other sentence about 0.7), and the weight of a stem the
    library never uses."""
    from ipt_training.cases.library import CaseLibrary

    counts: Counter[str] = Counter()
    documents = 0
    for case in CaseLibrary.load(keys_dir=False):
        if case.reference is None:
            continue
        for clause in clauses(case.reference.formulation):
            documents += 1
            counts.update(filter(None, map(content_stem, clause)))
    documents = max(documents, 1)
    return ({s: math.log(documents / n) for s, n in counts.items()}, math.log(documents))


class Item(NamedTuple):
    """An expected concept (``"goal:..."`` or ``"strategy:..."``) and the weighted stems of its item in the model's
    plan."""

    concept: str
    weights: dict[str, float]


class PlanKey(NamedTuple):
    """The items of a case's model plan, and the area they serve."""

    area: ProblemArea | None
    items: tuple[Item, ...]
    #: every stem of every item
    stems: frozenset[str] = frozenset()
    #: the stems of the words of the case's own story (its vignette and timeline), names left out
    facts: frozenset[str] = frozenset()
    #: the stems of the case's story, of its model letter and of the clinical vocabulary: the words an answer about
    #: this patient's plan may use beside an item's
    known: frozenset[str] = frozenset()


EMPTY_KEY = PlanKey(None, ())


def build_key(text: str, find: Callable[[Clauses], tuple[Clauses, list[Match]]], *, area: ProblemArea,
              expected: Iterable[str], people: frozenset[str], dead: frozenset[str] = frozenset(),
              story: str = "", vocabulary: Iterable[str] = ()) -> PlanKey:
    """The items of the plan of a model formulation ``text`` for the ``expected`` goals and strategies
    (``"goal:..."``, ``"strategy:..."``) of a case about ``area``. ``find``: the case's matcher (clauses in,
    prepared clauses and the lexicon's matches out); ``people``: the case's names, lower case, left out of the
    items; ``story``: the case's vignette and timeline; ``vocabulary``: the words of the clinical vocabulary, which
    with the story's and the model letter's are the words a plan for this patient may use beside an item's.

    The model's plan sentences are cut at their commas, dashes and a second "what" ("look honestly at what you lost
    | and what the new situation could offer": two items, not one item of three concepts) into the items of its list
    ("to look honestly at what you have lost and what you are glad to be rid of, to let yourself feel the sadness and
    anger about the change, ..."); each piece that names an expected concept, by the lexicon or by a plain-words
    frame, is an item of that concept."""
    wanted = {c for c in expected if c.partition(":")[2] not in _NOT_ITEMS}
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    prepared, _ = find([[t for c in clauses(s) for t in c] for s in sentences])
    weights, unseen = _library_weights()
    described = {c: set(filter(None, map(content_stem, _label(c).lower().split()))) for c in wanted}
    stems: dict[str, dict[str, float]] = {}
    planning: set[int] = set()
    for k in _planning(sentences, prepared):
        if _PLANNERS.isdisjoint(prepared[k]) and not (k - 1 in planning and sentences[k - 1].rstrip()[-1:] in _LEADS):
            continue  # "you went back to work after three days" tells the story; "we will ..." plans
        # (the list a plan sentence opens with a colon goes on planning: "we will talk about Kwabena: who he was to
        # you, what happened around his death, ...")
        planning.add(k)
        pieces = [clause for p in _PIECE_END.split(sentences[k]) if (clause := [t for c in clauses(p) for t in c])]
        said, matches = find(pieces)
        previous: set[str] = set()
        for index, tokens in enumerate(said):
            content = {content_stem(w) for w in tokens if w not in people} - {""}
            named = {m.concept for m in matches if m.clause == index and not m.negated} & wanted
            named |= plain_plan_concepts([["we", "will", *tokens]], {area}, people=people, dead=dead) & wanted
            if not named:
                # a piece the lexicon has no phrase for: the concept whose description it shares the rarest words
                # with ("to let yourself feel the sadness about the change": feelings about the change), or, short,
                # the end of the item before it ("such as the guild")
                shared = {c: sum(weights.get(s, unseen) for s in content & words) for c, words in described.items()}
                best = max(shared.values(), default=0.0)
                named = {c for c, w in shared.items() if w >= _MIN_RARE and w == best}
                if not named and len(tokens) <= _TAIL_WORDS:
                    named = previous
            for concept in named:
                item = stems.setdefault(concept, {})
                for s in content:
                    item[s] = weights.get(s, unseen)
            previous = named
    told = frozenset({content_stem(w) for clause in clauses(story) for w in clause if w not in people} - {""})
    known = frozenset(filter(None, (*(content_stem(w) for clause in clauses(text) for w in clause),
                                    *map(content_stem, vocabulary))))
    return PlanKey(area, tuple(Item(c, w) for c, w in sorted(stems.items()) if w),
                   frozenset(s for w in stems.values() for s in w), told, told | known)


#: The marks that end a plan sentence whose list follows it ("talk about Kwabena: who he was to you, ...").
_LEADS = frozenset({":", ";"})


def _planning(sentences: list[str], prepared: Clauses) -> list[int]:
    """The model letter's plan sentences (:func:`plan_sentences`) and the sentences that go on with the list of a
    plan sentence ending in a colon or a semicolon."""
    found = set(plan_sentences(prepared))
    for k in range(1, len(sentences)):
        if k - 1 in found and sentences[k - 1].rstrip()[-1:] in _LEADS:
            found.add(k)
    return sorted(found)


def _label(concept: str) -> str:
    kind, _, cid = concept.partition(":")
    return (GOALS if kind == "goal" else STRATEGIES)[cid].label


#: Words of a sentence that plans the therapy with the patient, not one that tells the story.
_PLANNERS = frozenset({"we", "us", "our", "suggest", "propose", "lets"})
#: A piece of a plan's list this short, naming nothing, ends the item before it.
_TAIL_WORDS = 5
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
#: Where a piece of a plan's list ends: a comma, a dash, or before "and what" (a second object of one verb).
_PIECE_END = re.compile(r",|\s[-\u2013\u2014]\s|\s(?=and what )")


def key_concepts(key: PlanKey, prepared: Clauses, plan: Iterable[int], chosen: set[ProblemArea],
                 people: frozenset[str]) -> set[str]:
    """The expected goals and strategies (``"goal:..."``, ``"strategy:..."``) that the answer's ``plan`` clauses
    name in the words of the model's items, for an answer that chose the key's area."""
    if not key.items or key.area not in chosen:
        return set()
    found: set[str] = set()
    stems = key.stems
    for c in plan:
        tokens = prepared[c]
        if sum(map(stems.__contains__, map(content_stem, tokens))) < _MIN_SHARED:
            continue  # (most plan clauses: too few of the items' words, counted in C; names only take more away)
        shared = [(i, s) for i, t in enumerate(tokens) if t not in people and (s := content_stem(t)) in stems]
        if len(shared) < _MIN_SHARED:
            continue
        # A stretch of content words with no word between them ("we will work on glad rid honest guild reconnect")
        # is a list of words, not a sentence: its words name no item.
        listed = _listed(tokens)
        if listed:
            shared = [(i, s) for i, s in shared if i not in listed]
        # One phrase is one item of the plan: words that name an item credit one goal and one strategy at most
        # (the model's "talk about what you have lost" may serve three concepts; the answer's words name one).
        tokens = prepared[c]
        firing = []
        for item in key.items:
            if item.concept not in found:
                run, first, last = _named([(i, s) for i, s in shared if s in item.weights], item.weights)
                # words of talking alone say nothing of what is talked about ("help him speak German better at work
                # and talk about his boss" is not "talk about your father ... speak about him with Rania"); the work
                # refused ("I would not talk about what she has lost"), or other work in words neither the case, its
                # model letter nor IPT's vocabulary has ("his financial situation", "a sleep diary to look at
                # patterns in her waking"): no item of this patient's plan
                if (run and not run <= _SAYING and not _refused(tokens, first, last)
                        and not _elsewhere(key, tokens, first, last, run, item.weights, people)):
                    firing.append((-sum(item.weights[s] for s in run), item.concept, run))
        used: dict[str, set[str]] = {"goal": set(), "strategy": set()}
        for _, concept, run in sorted(firing):
            kind = concept.partition(":")[0]
            if not run <= used[kind]:
                used[kind] |= run
                found.add(concept)
    return found


#: A clause with this many words of the case's story, and this share of its content words among them, lists the story.
_LISTED_FACTS = 5
_LISTED_SHARE = 0.8


def story_listed(tokens: list[str], key: PlanKey, people: frozenset[str]) -> bool:
    """Whether a clause is the case's story listed word by word, not work planned: nearly all its content words
    (names left out) are words of the case's vignette and timeline, :data:`_LISTED_FACTS` or more ("we will talk
    about the wife, the divorce, the marriage, the children and the arrangements"; "... about wife, wanted, divorce,
    marriage, alone, decided"). Such a clause holds the words of several items of the plan side by side (and those
    of the plain-words frames) without saying any of the work."""
    return bool(story_clauses([tokens], key, people))


def story_clauses(read: Clauses, key: PlanKey, people: frozenset[str]) -> set[int]:
    """The clauses of ``read`` that list the case's story (see :func:`story_listed`), read in one loop: every clause
    of every answer is asked, and the stems are looked up in C (names left out only where there are any)."""
    found: set[int] = set()
    facts = key.facts
    if not facts:
        return found
    for index, tokens in enumerate(read):
        if len(tokens) < _LISTED_FACTS:
            continue
        content = set(map(content_stem, tokens if people.isdisjoint(tokens) else [t for t in tokens
                                                                                  if t not in people]))
        content.discard("")
        told = len(content & facts)
        if told >= _LISTED_FACTS and told >= _LISTED_SHARE * len(content):
            found.add(index)
    return found


def _named(hits: list[tuple[int, str]], weights: dict[str, float]) -> tuple[frozenset[str], int, int]:
    """The stems of the first run of the hits, within :data:`_ANSWER_SPAN` words, that has two distinct stems or
    more, a rare one among them, and enough weight (empty when there is none), and the positions of its first and
    last word."""
    for k, (first, _) in enumerate(hits):
        run = [(i, s) for i, s in hits[k:] if i - first <= _ANSWER_SPAN]
        near = frozenset(s for _, s in run)
        if (len(near) >= _MIN_SHARED and max(weights[s] for s in near) >= _MIN_RARE
                and sum(weights[s] for s in near) >= _MIN_WEIGHT):
            return near, first, run[-1][0]
    return frozenset(), 0, 0


#: ... and where at most this many of the course's own files (its cases, dialogues, scripts and quizzes) use it and
#: few of the library's case texts: a word the course uses more is everyday language ("sides", "hidden", "think"),
#: not another topic.
_FOREIGN_TEXTS = 9


@cache
def _course_texts() -> Counter[str]:
    """How many of the course's packaged texts (case, dialogue, script and quiz files) use each stem."""
    from ipt_training.cases.library import packaged_cases_dir

    counts: Counter[str] = Counter()
    for path in packaged_cases_dir().parent.rglob("*.yaml"):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        counts.update({s for text in _strings(data) for clause in clauses(text) for w in clause
                       if (s := content_stem(w))})
    return counts


def _strings(data: object) -> Iterator[str]:
    """Every string in a loaded YAML document."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _refused(tokens: list[str], first: int, last: int) -> bool:
    """Whether the item's words ``tokens[first:last+1]`` are negated ("I would not talk about what she has lost"), not
    added to ("we will not only talk about what she has lost but also ...")."""
    before = tokens[max(0, first - 4):first]
    return is_negated(tokens, first, last) and not any(
        t == "not" and before[k + 1:k + 2] in (["only"], ["just"]) for k, t in enumerate(before))


#: Verbs of talking, looking and thinking: what an item is about is their object, not the verb.
_SAYING = frozenset(filter(None, map(content_stem, ("talk", "talking", "speak", "speaking", "say", "tell", "discuss",
                                                    "look", "looking", "see", "think", "explore", "go"))))
#: The words of an answer's phrase around an item's words: this many before its first and after its last.
_PHRASE_BEFORE = 3
_PHRASE_AFTER = 6
#: A word of the phrase that neither the case, its model letter nor the clinical vocabulary has weighs against the
#: item where it is at least this rare in the library's model formulations ("mortgage", "transference", "diary"; not
#: "better", "help").
_FOREIGN_RARE = 4.0


def _elsewhere(key: PlanKey, tokens: list[str], first: int, last: int, run: frozenset[str],
               weights: dict[str, float], people: frozenset[str]) -> bool:
    """Whether the phrase around an item's words in an answer (:data:`_PHRASE_BEFORE` words before the first,
    :data:`_PHRASE_AFTER` after the last) is more about other work than about the item: the rare words in it that
    neither the case's story, its model letter nor the clinical vocabulary has, and few of the course's texts
    (another topic: "financial", "mortgage", "tutor", "diary"; not "think", "avoid"), outweigh the item's words it
    shares."""
    library, unseen = _library_weights()
    foreign = 0.0
    for t in tokens[max(0, first - _PHRASE_BEFORE):last + _PHRASE_AFTER + 1]:
        if t in people or not (s := content_stem(t)) or s in key.known:
            continue
        weight = library.get(s, unseen)
        if (weight >= _FOREIGN_RARE and _course_texts().get(s, 0) <= _FOREIGN_TEXTS
                and not common_in_library((f"{s}*",))):
            foreign += weight
    return foreign > sum(weights[s] for s in run)


def _listed(tokens: list[str]) -> set[int]:
    """The positions of the words in stretches of :data:`_LIST_STRETCH` or more content words in a row."""
    listed: set[int] = set()
    start = 0
    for k in range(len(tokens) + 1):
        if k == len(tokens) or not content_stem(tokens[k]):
            if k - start >= _LIST_STRETCH:
                listed.update(range(start, k))
            start = k + 1
    return listed


def concept_area(concept: str) -> ProblemArea | None:
    kind, _, cid = concept.partition(":")
    return (GOALS if kind == "goal" else STRATEGIES)[cid].area
