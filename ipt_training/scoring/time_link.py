"""Whether an answer states the link in time between the key event and the onset, read sentence by sentence.

A link is said in many ways: "symptoms began two months after the move", "onset 3/12 post-move", "sx since
redundancy", "ever since the funeral you have felt low", "it all began when Markus stopped talking to him", "she
fell apart just as the family planned the anniversary mass". What they share is one statement that holds the
event, the onset and a word that ties them in time or cause. The statement may run over two sentences when the
second points back to the first ("It came on in January. In the months before that, Carmen had her stroke";
"They stopped speaking in May. His depression started in June after this").

Told side by side, they are no link: "Ama has been low since March. In January her son sent the children away"
tells two facts and leaves the reader to tie them, as does "He was diagnosed in March. Depression started in May".

The onset itself is said in clinical words ("onset", "symptoms", "sx", "the episode") or lay ones ("she became
sad", "he went downhill", "it has all caught up with him", "she fell apart", "it seems to have started").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ipt_training.cases.model import Case, ReferenceFormulation
from ipt_training.scoring.fragments import MONTH_NAMES
from ipt_training.scoring.per_case import per_case

Clauses = list[list[str]]

_ONSET_PREFIXES = ("onset", "symptom", "depress", "mood", "episode", "unwell", "ill", "low", "mdd", "mde", "sx",
                   "downhill", "sink", "sank", "sunk", "worse", "deteriorat", "slump", "spiral", "sleep", "appetite",
                   "waking", "tired", "energy", "insomn", "tearful", "hopeless", "anhedon", "numb", "exhaust",
                   "concentrat",
                   # lay words for falling ill ("she became sad", "he has been miserable", "it all caught up")
                   "sad", "miserable", "unhappy")
_ONSET_SUBJECTS = ("it", "this", "he", "she", "which", "they", "illness", "problems")
_ONSET_VERBS = ("began", "begun", "started", "start", "starts", "begins", "came", "developed", "set")
#: Lay phrases for the onset of an episode ("she fell apart", "it all caught up with him", "he crashed").
_ONSET_PHRASES = ("fell apart", "falling apart", "fall apart", "caught up with", "catch up with", "crashed",
                  "went down", "gone down", "go down", "broke down", "breaking down", "got worse", "became ill",
                  # said to the patient: "you have not been yourself", "you began to struggle", "lost interest"
                  "not been yourself", "not yourself", "not been himself", "not been herself", "struggling",
                  "began to struggle", "started to struggle", "lost interest", "stopped enjoying")
#: How someone feels when unwell, after a word of feeling ("you started to feel down", "felt like this since").
_FEELINGS = ("down", "flat", "bad", "awful", "terrible", "empty", "useless", "worthless", "numb", "this way",
             "like this", "so low", "so down", "so tired", "lost", "heavy", "grey", "gray", "yourself", "himself",
             "herself", "like yourself", "like himself", "like herself")
def _by_first_letter(alternatives: list[str]) -> str:
    """The alternatives (patterns that each open with a letter) as one alternation grouped by that letter: the
    engine skips a group on its first letter, where it would try every alternative at every space. The text matched
    is the same."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(first + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
                    for first, rests in groups.items())


_ONSET_RE = re.compile(" (?:" + _by_first_letter([
    *_ONSET_PREFIXES,
    *(f"{subject} (?:{'|'.join(_ONSET_VERBS)}) " for subject in _ONSET_SUBJECTS),
    # "it seems to have started", "it all began", "it really only started"
    "it (?:[a-z]+ ){1,3}(?:" + "|".join(_ONSET_VERBS[:7]) + ") ",
    *(f"{phrase} " for phrase in _ONSET_PHRASES),
    *(f"{feel} (?:[a-z]+ )?(?:{'|'.join(_FEELINGS)}) " for feel in ("feel", "feels", "feeling", "felt"))]) + ")")


#: The pattern of :func:`onset_said`, for a reader that adds words of its own to it (one search per clause).
ONSET_PATTERN = _ONSET_RE.pattern


def onset_said(tokens: list[str]) -> bool:
    """The clause speaks of the episode's onset ("symptoms began", "onset", "it started", "low since", "she became
    sad", "it all caught up with him")."""
    return _ONSET_RE.search(f" {' '.join(tokens)} ") is not None


def onset_anywhere(prepared: Clauses) -> bool:
    """Whether any clause speaks of the onset (:func:`onset_said` of each), in one search: the clauses are joined
    by line breaks, which no part of the pattern matches, so no match runs from one clause into the next."""
    return _ONSET_RE.search("\n".join([f" {' '.join(tokens)} " for tokens in prepared])) is not None


#: Words that tie two things in time or cause beyond the lexicon's temporal cues ("the episode follows the loan",
#: "two months later", "just as", "set off", "brought on", "led to").
_RELATION_WORDS = frozenset({"follows", "later", "afterwards", "thereafter", "subsequently", "before", "caused",
                             "post", "until", "near", "close", "pp"})
_RELATION_PHRASES = (" set off ", " sets off ", " brought on ", " brought about ", " led to ", " leads to ",
                     " just as ", " as soon as ", " in response to ", " on the heels of ", " in the aftermath of ",
                     " and then ", " ever after ")
#: A word relating something to what was just said ("after this", "before that", "since then", "after which").
_POINTING = frozenset({"this", "that", "it", "then", "which", "these", "those"})
_POINTING_RELATIONS = frozenset({"after", "before", "since", "following", "from", "until", "by", "soon", "shortly",
                                 "follows", "followed", "preceded"})
#: Relations that may stand without an object, pointing back ("Soon after, you ...", "Within weeks, she ...").
_BARE_RELATIONS = frozenset({"after", "afterward"})
#: Words that make "after" stand alone ("soon after, you ..."), where "after you moved" has an object of its own.
_SOON = frozenset({"soon", "shortly", "long", "straight", "right", "just", "immediately"})
#: The subjects a sentence goes on with after such a relation.
_SUBJECTS = frozenset({"you", "he", "she", "they", "we", "i", "your", "his", "her", "their", "my", "our"})
#: Words that relate a sentence to the one before on their own ("two months later", "his symptoms followed in May").
_LATER = frozenset({"later", "afterwards", "thereafter", "subsequently", "followed", "ensued"})


_NUMBER_WORDS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "eleven", "twelve", "few", "couple", "several"})
_UNITS = frozenset({"day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "mth", "mths",
                    "year", "years", "yr", "yrs", "12", "52"})
#: Words after a span that relate it to something said before ("five weeks in", "two months later", "a year on").
_SPAN_RELATIONS = frozenset({"in", "into", "later", "after", "on", "before", "post", "since", "afterwards", "of",
                             "pp", "postpartum", "following"})


def _spans(tokens: list[str]) -> list[int]:
    """Positions of the unit of each span of time a clause relates to something ("two months after", "five weeks
    in", "3/12 post", "one year of the death"; not "a few years ago")."""
    return [k for k in range(1, len(tokens) - 1) if tokens[k] in _UNITS and tokens[k + 1] in _SPAN_RELATIONS
            and (tokens[k - 1] in _NUMBER_WORDS or (tokens[k - 1].isdigit() and len(tokens[k - 1]) <= 2)
                 or (k >= 2 and tokens[k - 1] == "of" and tokens[k - 2] in _NUMBER_WORDS))]


def related(tokens: list[str], temporal: Callable[[list[str]], bool]) -> bool:
    """Whether a clause holds a word that ties in time or cause (the lexicon's temporal cues, "follows", "later",
    "just as", "set off", "led to", or a span of time: "onset 8 weeks post-move", "near to one year of the
    death")."""
    if temporal(tokens) or not _RELATION_WORDS.isdisjoint(tokens) or _spans(tokens):
        return True
    text = f" {' '.join(tokens)} "
    return any(phrase in text for phrase in _RELATION_PHRASES)


def points_back(tokens: list[str]) -> bool:
    """Whether a clause relates what it says to what was said before it ("after this", "before that", "since
    then", "two months later", "This was two months after ...")."""
    if not _LATER.isdisjoint(tokens):
        return True
    if _spans(tokens):
        return True  # "Symptoms from February, about five weeks in"; "his brother died one year before"
    for k in range(len(tokens) - 1):
        if tokens[k] in _POINTING_RELATIONS and tokens[k + 1] in _POINTING:
            return True
        # a relation with no object of its own, the sentence going on with its subject: "Not long after, you
        # started to feel low", "Soon after, his sleep went", "Within weeks, she was crying every day"
        if tokens[k] in _BARE_RELATIONS and k and tokens[k - 1] in _SOON and tokens[k + 1] in _SUBJECTS:
            return True
        if tokens[k] == "within" and tokens[k + 1] in _UNITS and tokens[k + 2:k + 3] and tokens[k + 2] in _SUBJECTS:
            return True
    # ... or closing the clause: "It began in April, so soon after", "The low mood came in July, right after"
    if len(tokens) >= 2 and tokens[-1] in _BARE_RELATIONS and tokens[-2] in _SOON:
        return True
    # "This was two months after the diagnosis", "That is when it began"
    return bool(tokens) and tokens[0] in _POINTING and not _POINTING_RELATIONS.isdisjoint(tokens[1:6])


#: Words that open a note's entry for the onset ("Sx 3/25", "Onset 06/25", "Symptoms 4/25").
_ONSET_HEADS = frozenset({"onset", "sx", "symptoms", "symptom", "mood", "low", "depression", "mdd", "mde", "episode"})
_VERBS = frozenset({"is", "was", "were", "are", "be", "been", "has", "had", "have", "began", "begun", "begin",
                    "start", "started", "starts", "came", "become", "became", "developed", "felt", "feel", "feels"})
_ENTRY_WORDS = 6


def onset_entry(tokens: list[str]) -> bool:
    """Whether a clause is a note's dated entry for the onset, without a verb ("Sx 3/25", "Onset June, 12/52
    pp"): set beside the entry for the event, it states the sequence as a note states it."""
    return (0 < len(tokens) <= _ENTRY_WORDS and tokens[0] in _ONSET_HEADS and _VERBS.isdisjoint(tokens)
            and _dated(tokens[1:]))


def _dated(tokens: list[str]) -> bool:
    return any(t.isdigit() or t in _MONTHS for t in tokens)


_MONTHS = MONTH_NAMES | {"spring", "summer", "autumn", "winter"}


def _groups(ids: list[int]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for clause, sentence in enumerate(ids):
        groups.setdefault(sentence, []).append(clause)
    return groups


#: How many sentences on a sentence pointing back may find the event: the next one only (tried with two, letting a
#: short aside come between, round 7: it fitted one studied answer and over-credited an unseen one).
_POINT_REACH = 1


def stated_link(prepared: Clauses, event_clauses: set[int], sentences: Callable[[], list[int] | None],
                temporal: Callable[[list[str]], bool], onset: Callable[[list[str]], bool] = onset_said,
                anywhere: Callable[[Clauses], bool] = onset_anywhere) -> bool | None:
    """Whether one sentence holds the key event (a clause of ``event_clauses``), the onset and a word tying them,
    or two sentences do where one points back to the other. ``sentences`` gives the sentence of each clause
    (:func:`~ipt_training.scoring.sentence_map.sentence_ids`), asked only when no single clause states the link
    and some clause speaks of the onset; ``None`` when it cannot tell the sentences apart. ``onset`` tells whether a
    clause speaks of the onset (:func:`onset_said`, or with the case's own words for its symptoms), ``anywhere``
    whether any clause does (:func:`onset_anywhere`)."""
    if any(onset(prepared[c]) and related(prepared[c], temporal) for c in event_clauses):
        return True  # the usual link: one clause ("symptoms began two months after the promotion")
    if not event_clauses or not anywhere(prepared):
        return False  # no onset said anywhere (a note's entry for it opens with an onset word): nothing to tie
    ids = sentences()
    if ids is None:
        return None
    groups = _groups(ids)
    order = sorted(groups)
    onsets: dict[int, bool] = {}  # each sentence read once for the onset

    def onset_in(sentence: int) -> bool:
        found = onsets.get(sentence)
        if found is None:
            found = onsets[sentence] = any(onset(prepared[c]) for c in groups[sentence])
        return found

    def pointing(sentence: int) -> bool:
        return any(points_back(prepared[c]) for c in groups[sentence])

    entries = {ids[c] for c, tokens in enumerate(prepared) if onset_entry(tokens)}
    for sentence in sorted({ids[c] for c in event_clauses}):
        if entries & {sentence - 1, sentence, sentence + 1} and any(_dated(prepared[c]) for c in groups[sentence]):
            return True  # a note's dated entries: "Trigger 2/25: loaned savings to cousin. Symptoms 4/25."
        if onset_in(sentence) and any(related(prepared[c], temporal) for c in groups[sentence]):
            return True
        position = order.index(sentence)
        after = order[position + 1:position + 1 + _POINT_REACH]
        before = order[position - 1] if position else None
        # the onset in the next sentence, said of what came before ("His depression started in June after this"),
        # or in the sentence before, this one pointing back to it ("It came on in January. In the months before
        # that, Carmen had her stroke")
        if any(onset_in(later) and pointing(later) for later in after) or (
                before is not None and onset_in(before) and pointing(sentence)):
            return True
    return False


@per_case
def link_words(reference: ReferenceFormulation, case: Case | None = None) -> str:
    """The reference's timeline link as words (its sentence and its hand-written cues), lower-cased."""
    return " ".join([reference.timeline_link.text, *map(str, reference.timeline_link.cues)]).lower()


def anniversary_clauses(prepared: Clauses, link: str) -> set[int]:
    """Clauses that name an anniversary, when the case's link is an anniversary reaction (``link``: the words of
    the reference's timeline link): "close to the first anniversary" names the key event as well as "his death"."""
    if "anniversar" not in link:
        return set()
    return {c for c, tokens in enumerate(prepared) if any("anniversar" in t for t in tokens) or _year_on(tokens)}


#: The first year said without the word ("just before the one-year mark", "as the first year came round", "the
#: first-year memorial").
_YEAR_WORDS = frozenset({"one-year", "first-year", "1-year"})
_YEAR_COMING = frozenset({"came", "come", "comes", "coming", "round", "around", "approached", "approaching",
                          "approaches", "neared", "nearing", "mark", "marked"})


def _year_on(tokens: list[str]) -> bool:
    """Whether a clause names the first year since the event in other words than "anniversary"."""
    return not _YEAR_WORDS.isdisjoint(tokens) or any(
        w == "year" and k > 0 and tokens[k - 1] in ("first", "one") and not _YEAR_COMING.isdisjoint(tokens[k + 1:k + 3])
        for k, w in enumerate(tokens))


#: Words that say a pattern is old ("long-standing isolation", "always been a loner", "all his life", "since
#: school", "a long history of being alone", "never had a close friend").
_LONG = frozenset({"long-standing", "longstanding", "lifelong", "life-long", "long-term", "longterm", "always",
                   "chronic", "lifetime"})
_LONG_PAIRS = frozenset({("long", "history"), ("all", "his"), ("all", "her"), ("all", "my"), ("all", "their"),
                         ("since", "school"), ("since", "childhood"), ("since", "adolescence"), ("since", "his"),
                         ("since", "her"), ("never", "had"), ("for", "years"), ("for", "decades"),
                         ("many", "years"), ("whole", "life"), ("school", "years"),
                         # "goes back to childhood"
                         ("to", "childhood"), ("from", "childhood")})
#: Pairs old only in a frame: "since he was a child", "as a boy" (not "since she had a child", a transition); "for as
#: long as he can remember" (not "for as long as your mother has worked days", a change).
_CHILD = frozenset({"child", "boy", "girl", "kid", "teenager"})
_WAS = frozenset({"was", "were", "as"})
_REMEMBER = frozenset({"remember", "remembers", "recall", "recalls", "known", "knows"})
#: What such a pattern must be of: the patient's relationships, not a habit or an illness.
_RELATIONSHIP_PREFIXES = ("isolat", "alone", "loner", "friend", "relationship", "lonel", "partner", "social",
                          "contact", "people", "acquaint", "withdrawn", "shy")
_NEGATORS = frozenset({"not", "no", "isn't", "wasn't", "hardly", "rather"})


def long_standing(tokens: list[str]) -> bool:
    """Whether a clause says the patient's isolation or lack of relationships is old ("long-standing isolation",
    "he has always been a loner", "very few relationships all his life", "never had a partner"): for a deficits
    focus, the statement that stands for the link in time (no recent event; the problems are long-standing)."""
    if not any(t.startswith(_RELATIONSHIP_PREFIXES) for t in tokens):
        return False
    for k, token in enumerate(tokens):
        pair = (token, tokens[k + 1]) if k + 1 < len(tokens) else None
        if (token in _LONG or pair in _LONG_PAIRS or _framed_old(tokens, k)) and _NEGATORS.isdisjoint(
                tokens[max(0, k - 3):k]):
            return _isolated(tokens)
    return False


def _framed_old(tokens: list[str], k: int) -> bool:
    """Whether ``tokens[k]`` opens an old time in its frame: "(since he) was a child", "(for) as long as he can
    remember"."""
    if tokens[k] == "a" and tokens[k + 1:k + 2] and tokens[k + 1] in _CHILD:
        return k > 0 and tokens[k - 1] in _WAS
    return tokens[k] == "as" and tokens[k + 1:k + 3] == ["long", "as"] and not _REMEMBER.isdisjoint(tokens[k + 3:k + 8])


#: Words of being without others, and words of having few or none.
_ISOLATION_PREFIXES = ("isolat", "alone", "loner", "lonel", "withdraw", "shy", "distan", "solitar", "reclus")
_LACK = frozenset({"no", "never", "few", "without", "nobody", "lack", "lacks", "lacked", "lacking", "any", "none",
                   "avoid", "avoids", "avoided", "little", "hardly", "lost"})
_NOT_ALONE = frozenset({"rarely", "seldom", "never", "not", "hardly"})


def _isolated(tokens: list[str]) -> bool:
    """Whether the clause says the patient is without others ("alone for years", "never had a close friend", "very
    few relationships"), not that he had them ("for years he had friends from gaming and was rarely alone")."""
    for k, token in enumerate(tokens):
        if token.startswith(_ISOLATION_PREFIXES):
            if _NOT_ALONE.isdisjoint(tokens[max(0, k - 2):k]):
                return True
        elif token.startswith(_RELATIONSHIP_PREFIXES) and not _LACK.isdisjoint(tokens[max(0, k - 4):k]):
            return True
    return False


_BEFORE = frozenset({"before", "predates", "predate", "predated", "preceded", "precedes", "recent"})


def old_before_onset(tokens: list[str]) -> bool:
    """Whether a clause sets the old pattern against the episode ("lifelong, and the low mood started well before
    the move", "isolated long before he became depressed"): the long-standing statement as a link in time."""
    return onset_said(tokens) or not _BEFORE.isdisjoint(tokens)
