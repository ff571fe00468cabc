"""What kind of fact an evidence sentence states, so that an answer saying the same in other words cites it.

An instructor's evidence sentence names the case's own particulars ("She has not opened the boxes of his things
and has not visited his widow Zanele"); a trainee often states the same fact in the plain words of its kind ("she
avoids everything that reminds her of him"). The kinds of fact that IPT formulations cite again and again are few:
avoiding reminders, mourning put off (no tears, straight back to work), mixed or forbidden feelings, feeling
incompetent in a new role, a good life before the episode, no death, nothing that happened or changed before the
onset (said to the patient: "we looked for something that set it off and did not find anything"), a dispute still
being negotiated or at a standstill, and the vignette cues of each area in the reference (section 3): long-standing
isolation and fear of rejection, repeated arguments, wanting different things, missing the old role; and the events
a case sets aside (long past, a person not close, a change after the onset). Each kind has a short list of the plain
phrases that state it; mourning put off is also said by any negated word of mourning ("you never got to grieve him",
"there was no room to cry").

The kinds of an evidence item are read from its own sentence with the same phrases (a phrase negated in the
sentence, "he is not angry with her", is not the item's kind). An answer's sentence that states a kind cites the
item of that kind when it is the only item of the case with it, and when the sentence is about this patient (near a
fact of the case, or said of someone in an answer that states facts of the case: "they keep having the same row");
a phrase denied right before it ("she does not avoid") states nothing. A kind shared by two items of a case cites
the one whose own words the sentence also has.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from ipt_training.text.matcher import PhraseMatcher, build_matcher
from ipt_training.text.normalize import clauses

#: kind -> plain phrases (matcher cues: words in order within a clause, ``*`` a prefix).
GIST_CUES: dict[str, tuple[str, ...]] = {
    "avoids": ("avoid*", "stays away", "stay away", "keeps away", "kept away", "not open*", "never open*",
               "unopened", "changes the subject", "change the subject", "not visit*", "never visit*",
               "not been to", "can not face", "not face", "shut away", "keeps it shut", "keeps it closed",
               "arm length", "not return*", "never return*", "not gone back", "not been back", "never went back",
               "never been back", "not go near", "won't go near", "will not go near", "hard to say her name",
               "hard to say his name"),
    "no_mourning": ("not cry*", "never cried", "no tears", "without crying", "without a tear", "not cried",
                    "not grieve*", "never grieved", "not mourn*", "never mourned", "had to be strong",
                    "be the strong one", "being strong", "kept busy", "keeps busy", "straight back to work",
                    "back at work", "back to work", "went back to work", "held everybody together",
                    "held everyone together", "hold everyone together", "hold the family together",
                    "missed the funeral", "not go to the funeral", "not at the funeral", "no funeral"),
    "mixed_feelings": ("angry", "anger", "guilt*", "blame*", "resent*", "furious", "frustrat*", "irritat*",
                       "relief", "relieved", "mixed feelings", "ambivalen*"),
    "incompetent": ("useless", "incompetent", "out of his depth", "out of her depth", "out of their depth",
                    "failing", "a failure", "bad at", "not good at", "no good at", "struggl*", "not coping",
                    "can not cope", "stupid", "inadequate", "not up to", "bad manager",
                    "bad father", "bad mother", "not competent", "clumsy", "feels slow", "felt slow", "slow at",
                    "mistake*", "error*", "get it wrong", "getting it wrong", "gets it wrong", "out of place"),
    "well_before": ("sociable", "outgoing", "many friends", "plenty of friends", "lots of friends",
                    "never depressed", "never been depressed", "no previous", "no prior", "no history",
                    "fine before", "well before", "full social life", "good network", "popular", "went well",
                    "going well", "went fine", "got on well", "worked well", "was all right", "were all right"),
    "no_death": ("nobody died", "no one died", "nobody has died", "no one has died", "nobody close",
                 "no death", "not a death", "no bereavement"),
    "no_event": ("nothing happened", "nothing has happened", "nothing had happened", "nothing changed",
                 "nothing has changed", "nothing had changed", "no change", "no changes", "no life event*",
                 "no recent event*", "no trigger*", "no precipitant*", "no obvious trigger*", "not find anything",
                 "not found anything", "nothing set it off", "nothing triggered it", "nothing that set it off",
                 "out of the blue"),
    # The vignette cues of the reference (ipt-reference.md section 3) for each area, in plain words: deficits
    # ("lives alone with little contact for years; few or no close friends; fear of rejection"), disputes
    # ("repeated arguments about the same issue"), transitions ("missing old colleagues or routines").
    "isolated": ("lives alone", "lived alone", "living alone", "live alone", "eats alone", "ate alone", "eating alone",
                 "sits alone", "sat alone", "been alone", "always alone", "feels alone", "felt alone", "alone for",
                 "alone since", "alone all", "alone most", "lonely all", "lonely for", "lonely since", "always lonely",
                 "always been lonely", "lifelong loneliness", "lifelong isolation", "long-standing loneliness",
                 "long-standing isolation", "loner", "solitary", "by himself", "by herself", "by yourself",
                 "on his own", "on her own", "on your own", "keeps to himself", "keeps to herself",
                 "kept to himself", "kept to herself", "keep to yourself", "no friend*", "no close friend*",
                 "no real friend*", "few friends", "one friend", "only friend", "hardly any friends",
                 "never had a friend", "never had a close", "never had a partner", "never had a relationship",
                 "never had anyone", "anyone close",
                 "never had a girlfriend", "never had a boyfriend", "no partner", "no relationship*",
                 "no close relationship*", "few relationships", "hardly any relationships", "nobody to talk to",
                 "no one to talk to", "few people to talk to", "nobody really close", "no one really close",
                 "edge of things"),
    "fears_rejection": ("reject*", "judg*", "boring", "bore people", "dull", "odd", "strange", "weird",
                        "nothing to say", "wrong thing", "laugh at him", "laugh at her", "laughed at him",
                        "laughed at her", "being laughed at", "fool of", "not like him", "not like her",
                        "not want him", "not want her"),
    "repeated": ("times a week", "times a day", "every day", "every night", "every evening", "every weekend",
                 "most nights", "most days", "nightly", "daily", "constantly", "all the time", "many times",
                 "several times", "again and again", "over and over", "same issue", "same thing",
                 "same argument", "same row", "same fight", "almost every"),
    "misses": ("miss", "misses", "missing his", "missing her", "missing the", "misses his", "misses her",
               "who she is", "who he is", "who i am", "who you are", "used to be",
               # the old role as the self it was ("football was who he was", "it was who you were")
               "who she was", "who he was", "who i was", "who you were"),
    "different_wants": ("different things", "want different", "wants different", "different ideas",
                        "different plans", "different views", "see it differently", "sees it differently"),
    # Events a case sets aside, in plain words: long past ("the divorce was years ago"), a person not close ("she
    # hardly knew her"), a change that came after the onset ("he was already low when the new boss came").
    "long_ago": ("years ago", "long ago", "long time ago", "years earlier", "years before", "too far back",
                 "too long ago", "long past", "all right for years", "fine for years", "well for years",
                 "years afterwards", "years after it"),
    "not_close": ("hardly knew", "barely knew", "hardly know", "barely know", "acquaintance", "not close",
                  "only greeted", "distant relative"),
    "after_onset": ("already low", "already depressed", "already begun", "already started", "already had",
                    "already down", "after her mood", "after his mood", "after the onset", "after onset",
                    "after her symptoms", "after his symptoms", "after the symptoms", "after the depression",
                    "came later", "only later", "started before", "began before", "low before", "low long before",
                    # a change told as following the onset ("the row followed the onset", "post-onset", "after you
                    # were already unwell")
                    "followed the onset", "post onset", "already unwell", "already ill", "already struggling",
                    "already sinking", "already sick", "already suffering", "after he was already",
                    "after she was already", "after you were already", "consequence", "not the cause",
                    "not the trigger"),
    "still_talking": ("still talk*", "still trying", "still try", "still negotiat*", "still speak*",
                      "still phone", "still in contact", "still call*", "both want to", "still want to"),
    "standstill": ("stopped talking", "not speaking", "not talking", "no longer speak*", "no longer talk*",
                   "cold war", "silence", "given up", "gave up", "stalemate", "not spoken", "not spoke",
                   "fell out", "falling out", "fallen out", "estrange*", "never made up", "never put right",
                   "unresolved", "left hanging", "on bad terms"),
}


#: kind -> words that state the kind when the sentence negates them: "you never got to mourn him", "there was no
#: room to grieve", "nobody saw her cry" say that the mourning was put off, in whatever words the negation comes.
#: (Verb forms only: "mourning is not the focus" speaks of the area, not of the patient.)
NEGATED_CUES: dict[str, tuple[str, ...]] = {
    "no_mourning": ("griev*", "mourn", "mourned", "mourns", "cry", "cried", "cries", "tear", "tears", "wept", "weep",
                    "chance to griev*", "chance to mourn", "time to griev*", "time to mourn", "time to cry",
                    "room to griev*", "room to mourn", "space to griev*", "space to mourn", "able to griev*",
                    "able to mourn", "able to cry", "allowed to griev*", "allowed to mourn", "allowed to cry",
                    "let herself cry", "let himself cry", "let yourself cry", "let herself griev*",
                    "let himself griev*", "let yourself griev*", "let herself be sad", "let himself be sad",
                    "let yourself be sad",
                    # the loss not let in, in the patient's terms: "he has never let himself feel it", "you never
                    # had time to be sad for him"
                    "let herself feel", "let himself feel", "let yourself feel", "time to be sad",
                    "chance to be sad", "room to be sad", "allowed to be sad"),
}
#: The concept prefixes of a kind's phrases and of its negated words, in the scorer's one matcher.
GIST, NEGATED = "gist:", "negated:"


@cache
def _matcher() -> PhraseMatcher:
    return build_matcher({**{f"{GIST}{kind}": list(cues) for kind, cues in GIST_CUES.items()},
                          **{f"{NEGATED}{kind}": list(cues) for kind, cues in NEGATED_CUES.items()}})


#: Words that deny a kind's phrase right before it ("she does not avoid", "he never avoided").
_DENIALS = frozenset({"not", "never", "no", "nor", "hardly"})


def stated_kind(concept: str, negated: bool, before: list[str] | None = None) -> str | None:
    """The kind a matched phrase states (``concept`` without ``term:``), or ``None``: a kind's phrase states it
    when not negated ("he is not angry" does not), a negated word only under negation. In an answer (``before``: the
    two words before the phrase) only a denial right before the phrase counts: "it is not because you are a bad
    father" and "not deficits: he had plenty of friends" still state what the patient feels and had."""
    if concept.startswith(GIST):
        denied = negated if before is None else negated and not _DENIALS.isdisjoint(before)
        return None if denied else concept
    if concept.startswith(NEGATED):
        return GIST + concept[len(NEGATED):] if negated else None
    return concept


#: Words by which a sentence speaks of the patient or someone of theirs ("they keep having the same fight").
_PERSONS = frozenset({"he", "she", "they", "you", "him", "her", "them", "his", "hers", "their", "your", "yourself",
                      "himself", "herself", "themselves"})


def said_of_someone(concept: str, clause: list[str]) -> bool:
    """Whether a matched kind of fact (``concept``: ``term:gist:...`` or ``term:negated:...``) is said of a person in
    its clause: in an answer about this patient it is a fact of the case, however far from a name or a date."""
    return concept.startswith(("term:gist:", "term:negated:")) and not _PERSONS.isdisjoint(clause)


def kinds_of(text: str) -> frozenset[str]:
    """The kinds of fact a sentence states (phrases negated in it do not count, negated words do)."""
    found = (stated_kind(m.concept, m.negated) for m in _matcher().find(clauses(text)))
    return frozenset(kind[len(GIST):] for kind in found if kind is not None)


def all_item_kinds(texts: dict[str, str], skip: str = "") -> dict[str, frozenset[str]]:
    """Item id -> every kind of fact the item states (``skip``: an item left out, the timeline link)."""
    found = {item_id: kinds_of(text) for item_id, text in texts.items() if item_id != skip and text.strip()}
    return {item_id: kinds for item_id, kinds in found.items() if kinds}


def item_kinds(texts: dict[str, str], skip: str = "") -> dict[str, frozenset[str]]:
    """Item id -> the kinds of fact only that item states among ``texts`` (``skip``: an item left out, the
    timeline link)."""
    found = all_item_kinds(texts, skip)
    shared = Counter(kind for kinds in found.values() for kind in kinds)
    return {item_id: frozenset(k for k in kinds if shared[k] == 1) for item_id, kinds in found.items()
            if any(shared[k] == 1 for k in kinds)}


def gist_cues(kinds: frozenset[str]) -> dict[str, list[str]]:
    """The matcher cues of some kinds, as concepts ``term:gist:<kind>`` and ``term:negated:<kind>`` (matched with
    the evidence terms; see :func:`stated_kind`)."""
    cues = {f"term:{GIST}{kind}": list(GIST_CUES[kind]) for kind in sorted(kinds)}
    cues.update({f"term:{NEGATED}{kind}": list(NEGATED_CUES[kind]) for kind in sorted(kinds) if kind in NEGATED_CUES})
    return cues
