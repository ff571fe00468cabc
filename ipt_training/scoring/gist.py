"""What kind of fact an evidence sentence states, so that an answer saying the same in other words cites it.

An instructor's evidence sentence names the case's own particulars ("She has not opened the boxes of his things
and has not visited his widow Zanele"); a trainee often states the same fact in the plain words of its kind ("she
avoids everything that reminds her of him"). The kinds of fact that IPT formulations cite again and again are few:
avoiding reminders, mourning put off (no tears, straight back to work), mixed or forbidden feelings, feeling
incompetent in a new role, a good life before the episode, no death, nothing that happened or changed before the
onset (said to the patient: "we looked for something that set it off and did not find anything"), a dispute still
being negotiated or at a standstill. Each kind has a short list of the plain phrases that state it.

The kinds of an evidence item are read from its own sentence with the same phrases (a phrase negated in the
sentence, "he is not angry with her", is not the item's kind). An answer's sentence that states a kind cites the
item of that kind when it is the only item of the case with it, and when the sentence is about this patient (the
scorer counts evidence only near a fact of the case). A kind shared by two items of a case needs their own words.
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
               "arm length"),
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
                    "bad father", "bad mother", "not competent"),
    "well_before": ("sociable", "outgoing", "many friends", "plenty of friends", "lots of friends",
                    "never depressed", "never been depressed", "no previous", "no prior", "no history",
                    "fine before", "well before", "full social life", "good network", "popular"),
    "no_death": ("nobody died", "no one died", "nobody has died", "no one has died", "nobody close",
                 "no death", "not a death", "no bereavement"),
    "no_event": ("nothing happened", "nothing has happened", "nothing had happened", "nothing changed",
                 "nothing has changed", "nothing had changed", "no change", "no changes", "no life event*",
                 "no recent event*", "no trigger*", "no precipitant*", "no obvious trigger*", "not find anything",
                 "not found anything", "nothing set it off", "nothing triggered it", "nothing that set it off",
                 "out of the blue"),
    "still_talking": ("still talk*", "still trying", "still try", "still negotiat*", "still speak*",
                      "still phone", "still in contact", "still call*", "both want to", "still want to"),
    "standstill": ("stopped talking", "not speaking", "not talking", "no longer speak*", "no longer talk*",
                   "cold war", "silence", "given up", "gave up", "stalemate"),
}


@cache
def _matcher() -> PhraseMatcher:
    return build_matcher({f"gist:{kind}": list(cues) for kind, cues in GIST_CUES.items()})


def kinds_of(text: str) -> frozenset[str]:
    """The kinds of fact a sentence states (phrases negated in it do not count)."""
    return frozenset(m.concept[5:] for m in _matcher().find(clauses(text)) if not m.negated)


def item_kinds(texts: dict[str, str], skip: str = "") -> dict[str, frozenset[str]]:
    """Item id -> the kinds of fact only that item states among ``texts`` (``skip``: an item left out, the
    timeline link)."""
    found = {item_id: kinds_of(text) for item_id, text in texts.items() if item_id != skip and text.strip()}
    shared = Counter(kind for kinds in found.values() for kind in kinds)
    return {item_id: frozenset(k for k in kinds if shared[k] == 1) for item_id, kinds in found.items() if kinds}


def gist_cues(kinds: frozenset[str]) -> dict[str, list[str]]:
    """The matcher cues of some kinds, as concepts ``term:gist:<kind>`` (matched with the evidence terms)."""
    return {f"term:gist:{kind}": list(GIST_CUES[kind]) for kind in sorted(kinds)}
