"""The other forms of an evidence word, so that a fact told with another part of speech still finds it.

An evidence sentence says "The drivers no longer invite him", a trainee writes "he lost the driving and his
colleagues stopped inviting him"; the sentence says "she left her job", the answer "since leaving her job". The
evidence terms match by prefix ("invit*"), which finds the regular endings but not a noun made from a verb
("driver" / "driving", "migration" / "migrated", "worry" / "worried") nor an irregular verb ("left" / "leave",
"drove" / "drive"). :func:`extra_forms` gives the forms a prefix misses, as exact matcher words, and
:data:`IRREGULAR_GROUPS` the irregular verbs, whose forms are one term. Only forms of the same word are added, never
a word of another meaning: "numb" is not "number", "bet" not "better".
"""

from __future__ import annotations

from functools import cache

#: Irregular verbs whose forms a prefix does not join (first word = canonical form). Verbs already in the evidence
#: synonym table ("died", "sold", "fought") are left to it.
IRREGULAR_GROUPS: tuple[tuple[str, ...], ...] = (
    ("leave", "left", "leaving", "leaves"),
    ("lose", "lost", "losing", "loses"),
    ("drive", "drove", "driven", "driving", "drives"),
    ("fall", "fell", "fallen", "falling", "falls"),
    ("give", "gave", "given", "giving", "gives"),
    ("break", "broke", "broken", "breaking", "breaks"),
    ("write", "wrote", "written", "writing", "writes"),
    ("meet", "met", "meeting", "meets"),
    ("send", "sent", "sending", "sends"),
    ("buy", "bought", "buying", "buys"),
    ("pay", "paid", "paying", "pays"),
    ("win", "won", "winning", "wins"),
    ("hide", "hid", "hidden", "hiding", "hides"),
    ("run", "ran", "running", "runs"),
    ("spend", "spent", "spending", "spends"),
    ("build", "built", "building", "builds"),
    ("teach", "taught", "teaching", "teaches"),
    ("bring", "brought", "bringing", "brings"),
    ("find", "found", "finding", "finds"),
    ("hold", "held", "holding", "holds"),
    ("eat", "ate", "eaten", "eating", "eats"),
    ("swim", "swam", "swum", "swimming", "swims"),
    ("sing", "sang", "sung", "singing", "sings"),
    ("hang", "hung", "hanging", "hangs"),
    ("quit", "quits", "quitting"),
    ("shut", "shuts", "shutting"),
    ("throw", "threw", "thrown", "throwing", "throws"),
    ("forget", "forgot", "forgotten", "forgetting", "forgets"),
    ("forgive", "forgave", "forgiven", "forgiving", "forgives"),
)

#: Words ending in -er that are no agent of a verb ("number" is not one who numbs).
_NOT_AGENTS = frozenset({
    "number", "brother", "sister", "mother", "father", "daughter", "after", "other", "never", "ever", "over",
    "under", "water", "paper", "power", "letter", "better", "matter", "summer", "winter", "dinner", "order",
    "corner", "member", "september", "october", "november", "december", "together", "whether", "either",
    "neither", "rather", "later", "weather", "silver", "finger", "danger", "anger", "hunger", "border", "career",
    "cancer", "fever", "shelter", "chapter", "master", "monster", "soldier", "partner", "wonder", "tower",
    "flower", "shower", "river", "cover", "proper", "temper", "sober", "clever", "bitter", "offer", "suffer",
    "consider", "remember", "gather", "bother", "differ", "enter", "answer", "deliver", "discover", "recover",
    "register", "whisper", "murder", "wander", "transfer", "prefer", "refer", "alter", "filter", "scatter",
    "cluster", "poster", "lover", "sugar", "honour", "favour", "colour", "labour", "neighbour", "behaviour",
    "floor", "door", "mirror", "error", "terror", "horror", "anchor", "major", "minor", "junior", "senior",
    "doctor", "actor", "tractor", "motor", "sector", "factor", "mayor", "tutor", "vendor", "corridor", "liver",
    "cider", "tiger", "wafer", "timer", "poker", "super", "outer", "inner", "upper", "elder", "older", "younger",
})
_VOWELS = frozenset("aeiou")


def extra_forms(word: str) -> tuple[str, ...]:
    """Exact forms of ``word`` that its prefix cue misses: the verb of an agent noun ("driver": drive, driving,
    drove is irregular), the verb of an -ation or -ction noun ("migration": migrate, migrated; "rejection":
    reject, rejected) and the -ied/-ies forms of a word ending in a consonant and -y ("worry": worried; "try":
    tried)."""
    root = ""
    if word.endswith(("er", "or")) and word not in _NOT_AGENTS:
        root = word[:-2]
        if len(root) < 3 or root[-1] == root[-2]:  # "runner", "letter": too short or doubled, left alone
            return ()
        if len(root) == 3:  # "carer": care, caring (not "car")
            return (f"{root}e", f"{root}es", f"{root}ed", f"{root}ing")
    elif word.endswith("ation") and len(word) - 5 >= 4:
        root = word[:-5]
        return (root, f"{root}e", f"{root}ed", f"{root}es", f"{root}ing", f"{root}s", f"{root}ate", f"{root}ated",
                f"{root}ates", f"{root}ating")
    elif word.endswith(("ction", "ption", "ssion")) and len(word) - 3 >= 4:
        root = word[:-3]
    elif word.endswith("y") and len(word) >= 3 and word[-2] not in _VOWELS:
        root = word[:-1]
        return (f"{root}ied", f"{root}ies")
    if not root:
        return ()
    return (root, f"{root}e", f"{root}es", f"{root}ed", f"{root}ing", f"{root}s")


_STEM_ENDINGS = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s")
_IRREGULAR = {form: group[0] for group in IRREGULAR_GROUPS for form in group}


@cache
def stem(word: str) -> str:
    """One form for the forms of a word, to compare words whatever their ending: the irregular verb's first form,
    without a common ending, a final "e" or a doubled last letter ("hoping", "hoped", "hopes", "hope" -> "hop";
    "expects", "expectations" -> "expect"; "missing", "misses" -> "miss"; "left" -> "leav"). Not a dictionary form,
    only a key: two words with one stem are forms of one word (a stem keeps three letters at least)."""
    word = _IRREGULAR.get(word, word)
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                break  # "miss", "focus", "analysis" are no plurals
            word = word[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "sl":
        word = word[:-1]
    return word


def third_person(verb: str) -> str:
    """The third person singular of a regular verb: "retire" -> "retires", "marry" -> "marries", "wish" -> "wishes",
    "sell" -> "sells"."""
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        return f"{verb[:-1]}ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return f"{verb}es"
    return f"{verb}s"
