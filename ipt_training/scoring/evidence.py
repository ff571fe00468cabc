"""What to look for in an answer, derived from evidence written as a plain sentence.

An instructor writes ``text: "Her father died in March and she went back to work two days after the
funeral."`` instead of hand-written cues. The scorer turns the sentence into *terms*: its content words
(stemmed, so "arguments" finds "argued" through a small synonym table, "retirement" finds "retired" as a
prefix and "care" finds "caring"), the names of people (capitalised words, and the case's inventory names when the
case is known), and dates and numbers ("March", "2024", "two" = "2"). Common words, the patient's own name and the
words every formulation uses ("depression", "symptoms", "began") carry no weight.

A word's weight says how distinctive it is: words found in few of the packaged case vignettes ("redundant",
"dialysis", "mill") weigh 2, words found in most of them ("work", "friends") weigh 0.5, names weigh 2 and
dates or numbers 0.5. A term shared by several items of the case counts less for each. An answer cites the item
when one sentence of it (a clause and the next) holds two of the item's terms (dates aside), a name that belongs
to this item only, or most of the weight of a short item. A name counts beside a word of the item's own: a
distinctive one, or one no other item of the case has, however common ("after Odile died" cites the only item about
the death), but not a word of who someone is ("her mother Odile"); a death is also said by losing the person ("you
lost Silvia", "since she lost her wife"). The timeline-link item only has to name its event
(its dates and numbers are dropped), since the scorer separately checks that the event is tied in time to the
onset; it also borrows the words of the evidence item that describes the same event, and an answer that ties the
onset to that event by a word of the item's own ("two months after the savings went") has named the event, so it
cites the item too (``key_item``); so does a sentence that tells the key event by a word the link and the item share
and an event verb ("he had to give up the bakery"), not a fragment of a list ("Bakery."). Hand-written ``cues`` still
work, in addition to the sentence. The matcher's typo repair covers the derived terms, since they are cues.

Words in other forms find the term: irregular verbs ("left" / "leaving") and the verb of a noun ("driver" /
"driving", "migration" / "migrated"; :mod:`~ipt_training.scoring.word_forms`). An inventory entry names people only
by its proper names ("Mother (Sofia)" is Sofia); an entry for a group or a role ("the drivers", "her mother") gives
plain words, matched in all their forms. A kind of fact (:mod:`~ipt_training.scoring.gist`) that two items share
cites the one whose own words the answer's sentence also has. The key event told in a sentence as the timeline link
tells it (the link's name and a word of what happened: "it came on after Liesl died", where every item speaks of the
death; or one distinctive word: "following his promotion") cites the key item. Where the answer reads the case as
the case does (the reference focus chosen), a sentence told in prose, with a verb of an event, that holds one
distinctive word of an item's own (not a word of its clause about the onset: "after his mood fell") also cites it:
the rest of the fact is told in the answer's own words ("you have let your friends and your swimming go"), as
letters and plain prose tell it; a list, a fragment or an answer arguing another focus does not earn it.

A person is also named by what they are to the patient ("her dad died" for "Her father Yerlan died of a stroke";
:mod:`~ipt_training.scoring.relation_names`, built once per case from the inventory): the relation word stands for
the name beside a word the item alone says of that person ("the daughter's business" for "Wambui expects Grace to ...
store her clothing business"; not "his son rarely visits" for "has not visited the grave and changes the subject when
Thomas mentions her"), never alone ("his wife" is in many sentences of any answer).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import yaml

from ipt_training.scoring.gist import all_item_kinds, gist_cues, stated_kind
from ipt_training.scoring.readability import FUNCTION_WORDS
from ipt_training.scoring.time_link import onset_said
from ipt_training.scoring.word_forms import IRREGULAR_GROUPS, extra_forms, third_person
from ipt_training.text.matcher import Match
from ipt_training.text.normalize import clauses, to_ascii_lower

#: Words that say nothing about which piece of evidence a sentence is: function words, generic verbs and the
#: vocabulary every formulation shares.
_STOP_TEXT = """
a about above after again against all almost also although always am an and any are around as at away back be
because been before being below between both but by can could did do does doing done down during each either
else even ever every few for from further get gets getting go goes going gone got had has have having he her
here hers herself him himself his how however i if in into is it its itself just last least less let like made
make makes many may me might more most much must my myself near nearly never no none nor not nothing now
of off often on once one only or other others our out over own per quite rather really said same say says she
should since so some someone something still such than that the their them themselves then there these they this
those though through to too under until up upon us very was we well went were what when where whether which while
who whom whose why will with within without would yet you your yours also ago later earlier soon already first
next since again instead almost even told tell tells says say felt feel feels seem seems seemed became become
becomes come came comes take took taken put keep kept start started starts began begin begins begun
patient pt depression depressive depressed symptom symptoms mood low onset episode illness weeks week months
month days day years year time times ipt therapy formulation area focus case close closer closest people person
new old good bad big small long short lot lots way ways thing things part home life
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

#: Words that mean the same thing for matching evidence (first word = canonical form).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # (the way someone died is the death: "Jesper drowned" is "the death of his friend")
    ("death", "died", "dies", "die", "dying", "dead", "deceased", "deaths", "killed", "passed", "passing", "drowned",
     "drowning", "drowns", "perished", "suicide"),
    # the kin words of a hurried note ("bro T. d. 8/24")
    ("brother", "bro", "brothers"),
    ("sister", "sis", "sisters"),
    ("accident", "accidents", "crash", "crashed", "collision", "mva", "rta", "rtc"),
    ("father", "dad", "daddy", "papa", "father"),
    ("mother", "mum", "mom", "mama", "mummy", "mother"),
    ("funeral", "burial", "buried", "funerals"),
    ("argue", "argued", "argues", "arguing", "argument", "arguments", "row", "rows", "fight", "fights", "fighting",
     "fought", "quarrel", "quarrels", "quarrelled", "conflict", "conflicts", "falling", "disagreement",
     "disagreements"),
    ("move", "moved", "moving", "moves", "relocation", "relocated", "relocate", "relocating", "migrated", "migration",
     "migrate", "migrating", "emigrated", "emigration", "emigrate", "immigrated", "immigration"),
    ("friend", "friends", "friendship", "friendships", "mate", "mates"),
    ("alone", "lonely", "loneliness", "isolated", "isolation"),
    ("child", "children", "kids", "kid"),
    ("baby", "infant", "newborn", "babies"),
    ("retire", "retired", "retirement", "retiring"),
    ("promotion", "promoted", "promote"),
    ("redundant", "redundancy", "laid", "layoff", "sacked", "fired"),
    ("divorce", "divorced", "separation", "separated", "separate", "split", "marriage ended", "marriage broke",
     "end of the marriage", "end of his marriage", "end of her marriage", "end of your marriage", "broke up",
     "break up", "breakup"),
    # Plain words for looking after someone ("you looked after her for seven years" is "he cared for Liesl")
    ("cared", "caring", "carer", "carers", "caregiver", "caregivers", "looked after", "look after", "looks after",
     "looking after", "nursed"),
    ("try", "tried", "tries", "trying", "attempt", "attempts", "attempted"),
    ("team", "teams", "crew", "crews", "squad"),
    ("colleague", "colleagues", "workmate", "workmates", "coworker", "coworkers", "co-worker", "co-workers"),
    ("wedding", "married", "marriage", "marry", "wed"),
    ("diagnosis", "diagnosed", "diagnoses"),
    ("job", "jobs", "work", "career", "employment"),
    ("silence", "silent", "speaking", "speak", "spoken", "talking", "contact", "quiet"),
    # Plain words for the same fact ("scared of embarrassing herself" is "fears saying something stupid").
    ("fear", "fears", "feared", "fearing", "scared", "afraid", "frightened", "terrified", "anxious", "worried",
     "worries", "nervous"),
    ("decline", "declines", "declined", "declining", "refuse", "refuses", "refused", "refusing", "avoid", "avoids",
     "avoided", "avoiding", "skips", "skipped"),
    ("embarrass", "embarrassed", "embarrassing", "embarrassment", "stupid", "foolish", "silly", "humiliate",
     "humiliated", "humiliating", "ashamed", "shame", "shamed", "shameful"),
    ("bully", "bullied", "bullying", "bullies", "teased", "teasing", "taunted", "mocked"),
    ("partner", "partners", "romantic", "romance", "boyfriend", "girlfriend", "dating"),
    ("outing", "outings", "drinks", "socials", "gatherings", "parties", "party"),
    ("worse", "worsened", "worsening", "downhill", "deteriorated", "deteriorating", "sinking", "sank", "slipping"),
    ("gradual", "gradually", "slowly", "crept", "creeping"),
    ("criticise", "criticises", "criticised", "criticising", "criticism", "critical", "criticize", "criticizes",
     "criticized", "criticizing", "nags", "nagging", "belittles"),
    ("cry", "cried", "crying", "cries", "tears", "tearful", "wept", "weep"),
    ("relief", "relieved"),
    ("angry", "anger", "angered", "furious", "fury", "rage", "annoyed", "annoyance", "irritated", "resentful",
     "resented", "resentment"),
    ("valued", "value", "values", "valuing", "appreciated", "appreciate", "appreciates", "appreciation",
     "recognised", "recognized", "recognition"),
    ("drink", "drinking", "drank", "drunk", "alcohol", "alcoholic", "drinker"),
    ("violent", "violence", "beat", "beaten", "beating", "abuse", "abused", "abusive"),
    ("flat", "apartment"),
    ("sell", "sold", "selling", "sells", "sale", "sales"),
    ("phone", "phoned", "phones", "phoning", "call", "called", "calls", "calling", "rang", "ring", "rings",
     "ringing"),
    ("birth", "born", "births", "childbirth", "new baby", "had a baby", "having a baby", "baby came",
     "baby arrived", "has a baby", "have a baby", "had the baby", "has the baby", "after the baby", "since the baby"),
)
_SYNONYMS: dict[str, str] = {word: group[0] for group in SYNONYM_GROUPS for word in group}
# The third person of a group's verbs ("retires", "promotes", "marries"), where the group does not list it: the same
# word, as a timeline writes it ("Retires as principal") where the link says "after she retired".
_SYNONYMS.update({third_person(word): canonical for word, canonical in list(_SYNONYMS.items())
                  if " " not in word and third_person(word) not in _SYNONYMS})
#: The same word in another form (irregular verbs): matched as one term, like a synonym.
_SYNONYM_HEADS = frozenset(group[0] for group in SYNONYM_GROUPS)
_GROUPS: dict[str, tuple[str, ...]] = {group[0]: group for group in (*IRREGULAR_GROUPS, *SYNONYM_GROUPS)}
_FORMS: dict[str, str] = {word: group[0] for group in IRREGULAR_GROUPS for word in group if word not in _SYNONYMS}

_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
            "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
            "forty": "40", "fifty": "50", "couple": "2"}
_MONTHS = {"january": "jan", "february": "feb", "march": "mar", "april": "apr", "june": "jun", "july": "jul",
           "august": "aug", "september": "sep", "october": "oct", "november": "nov", "december": "dec"}
_MONTH_ABBREVIATIONS = {short: full for full, short in _MONTHS.items()}
_SUFFIXES = ("ments", "ment", "ings", "ing", "edly", "ies", "ed", "es", "s")
_CAPITALISED_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})")
_NAME_WEIGHT = 2.0
_RARE_WEIGHT = 2.0
_COMMON_WEIGHT = 0.5
_DATE_WEIGHT = 0.5
_CITE_WEIGHT = 2.0
_SHORT_ITEM_SHARE = 0.6
#: A clause this long is a sentence: one distinctive word of the key event's item there names the event ("she is
#: depressed since she had to leave the bakery"); in a fragment of a list it does not ("Bakery.").
_SENTENCE_WORDS = 5
#: A clause this long states something, as a note's entry does ("Eulogy w/o tears"); a list's item is a word or two.
_NOTE_WORDS = 3
#: Words of a plan, not a fact: a note's goals and strategies ("Goals: mourn old role; carer skills") tell nothing of
#: what happened.
_PLAN_WORDS = frozenset({"goal", "goals", "plan", "strategy", "strategies", "strat", "strats", "aim", "aims", "help",
                         "encourage", "explore", "build", "develop", "mourn", "mourning", "facilitate", "reinvest",
                         "skills", "support", "supports", "role", "play", "analysis", "sessions", "sess"})
#: Share of function words ("the", "of", "you") below which a clause is a list of words, not prose (a plain sentence of
#: a fact has a third or more; the case's words listed one after another a tenth).
PROSE_SHARE = 0.2
#: Verbs that tell an event happened ("she had a baby", "he became a carer", "since he started his leave"): beside a
#: word of the key event they name it ("the savings matter to her" does not).
_EVENT_VERBS = frozenset({
    "became", "become", "becomes", "becoming", "started", "starts", "starting", "began", "begun", "had", "has",
    "gave", "given", "lost", "left", "leaving", "moved", "took", "taken", "got", "went", "came", "come", "changed",
    "arrived", "retired", "joined", "quit", "sold", "ended", "stopped", "happened", "since", "after", "when", "because",
    "due", "following", "new"})
_DATED = ("number:", "month:")


@cache
def _vignette_frequency() -> tuple[int, Counter[str]]:
    """In how many packaged case vignettes each word (stem) occurs: the background for distinctiveness."""
    from ipt_training.cases.library import packaged_cases_dir

    counts: Counter[str] = Counter()
    files = sorted(packaged_cases_dir().rglob("*.yaml"))
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        text = data.get("vignette", "") if isinstance(data, dict) else ""
        counts.update({_stem(w) for clause in clauses(str(text)) for w in clause})
    return max(1, len(files)), counts


def _distinctiveness(word: str) -> float:
    total, counts = _vignette_frequency()
    share = counts.get(_stem(word), 0) / total
    if share <= 0.1:
        return _RARE_WEIGHT
    return _COMMON_WEIGHT if share > 0.4 else 1.0


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            # "notes" and "noted" are "note", not "not": a stem that is a common word keeps the e
            return word[:-1] if stem in STOP_WORDS and suffix in ("es", "ed") else stem
    return word


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: a canonical key, the matcher phrases that find it, and its weight."""

    key: str
    cues: tuple[str, ...]
    weight: float
    dated: bool = False


def _term(word: str, names: frozenset[str]) -> Term | None:
    if word in STOP_WORDS or (len(word) < 3 and not word.isdigit()):
        return None
    if word in names:
        return Term(f"name:{word}", (word,), _NAME_WEIGHT)
    if word.isdigit() or word in _NUMBERS:
        digit = _NUMBERS.get(word, word)
        forms = (digit, *(w for w, d in _NUMBERS.items() if d == digit))
        return Term(f"number:{digit}", tuple(dict.fromkeys(forms)), _DATE_WEIGHT, dated=True)
    month = _MONTHS.get(word) or (word if word in _MONTH_ABBREVIATIONS else None)
    if month is not None:
        return Term(f"month:{month}", (_MONTH_ABBREVIATIONS[month], month), _DATE_WEIGHT, dated=True)
    canonical = _SYNONYMS.get(word) or _FORMS.get(word)
    if canonical is not None:
        return Term(f"word:{canonical}", tuple(dict.fromkeys(_GROUPS[canonical])), _distinctiveness(word))
    stem = _stem(word)
    cue = f"{stem}*" if len(stem) >= 4 or stem != word else word
    if stem == word and word.endswith("e") and len(word) >= 4:
        # "care" is "caring", "leave" is "leaving": the -ing form drops the e the prefix keeps
        return Term(f"word:{stem}", (cue, f"{word[:-1]}ing"), _distinctiveness(word))
    # "driver" is also "driving", "migration" "migrated": forms the prefix misses
    return Term(f"word:{stem}", (cue, *extra_forms(stem)), _distinctiveness(word))


def proper_names(entry: str) -> set[str]:
    """The proper names of an inventory entry, lower-cased: "Pastor Daniel Mensah" -> pastor, daniel, mensah, and
    "Mother (Sofia)" -> sofia. An entry that describes a group or a role ("the drivers", "Work team", "her mother",
    "colleagues at the archive") names nobody: its words are the case's plain words, matched in all their forms."""
    found: set[str] = set()
    for part in re.split(r"[(),;/]", entry):
        words = part.split()
        if not words or not all(w[:1].isupper() for w in words if w[:1].isalpha() and w.lower() not in _JOINERS):
            continue
        for word in (w for ws in words for w in ws.split("-")):
            lowered = to_ascii_lower(word)
            if len(lowered) > 2 and lowered not in STOP_WORDS and lowered not in _JOINERS and lowered not in _KIN_WORDS:
                found.add(lowered)
    return found


def names_in(text: str) -> set[str]:
    """Capitalised words inside sentences (people and places), lower-cased."""
    return {to_ascii_lower(m) for m in _CAPITALISED_RE.findall(text)} - STOP_WORDS - set(_MONTHS)


def sentence_terms(text: str, names: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset(),
                   *, event_only: bool = False) -> list[Term]:
    """The terms of one evidence sentence; ``event_only`` drops dates and numbers (timeline links)."""
    all_names = names | frozenset(names_in(text))
    terms: dict[str, Term] = {}
    for clause in clauses(text):
        for k, word in enumerate(clause):
            if word in skip:
                continue
            term = _term(word, all_names)
            if term is not None and not (event_only and term.dated):
                if not term.key.startswith(_NOT_OWN) and not _NEGATORS.isdisjoint(clause[max(0, k - 3):k]):
                    term = _with_un(term)
                terms.setdefault(term.key, term)
        if _took_own_life(clause):
            # "took his own life" is a death ("her mentor died", "after he killed himself")
            death = _term("death", frozenset())
            if death is not None:
                terms.setdefault(death.key, death)
    return list(terms.values())


_TOOK = frozenset({"took", "take", "takes", "taken", "taking", "ended", "end", "ends"})
#: Words that deny the word after them in an evidence sentence ("has not been signed", "without sending it").
_NEGATORS = frozenset({"not", "never", "without", "no"})


def _with_un(term: Term) -> Term:
    """A term the sentence denies, also found by its negative prefix: "The sale has not been signed" is "the contract
    is still unsigned", "drafted a complaint without sending it" is "an unsent complaint". Only the sentence's own
    word is read so, never an other word of its synonym group ("unhappy" is not "not glad")."""
    forms = [c for c in term.cues if c[:1].isalpha() and " " not in c and not c.startswith("un")]
    if not forms or term.key[5:] in _SYNONYM_HEADS:
        return term
    return Term(term.key, (*term.cues, *(f"un{c}" for c in forms)), term.weight, term.dated)


def _took_own_life(clause: list[str]) -> bool:
    """The idiom of a suicide, "took his own life", "ended her own life" (its words say nothing else)."""
    return any(w == "life" and clause[k - 1:k] == ["own"] and not _TOOK.isdisjoint(clause[max(0, k - 4):k - 1])
               for k, w in enumerate(clause))


@dataclass(frozen=True)
class DerivedEvidence:
    """Derived terms of every evidence item of one reference, ready to be matched."""

    items: dict[str, dict[str, float]]
    #: matcher concept -> phrases, to add to the scorer's one matcher (concept names start with ``term:``)
    cues: dict[str, list[str]]
    timeline_id: str
    #: item id -> the words no other item of the case has ("died" in the only item about the death), which count as
    #: the item's own beside a name however common they are in vignettes ("after Adjoa died")
    own: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the evidence item that states the key event (the one the timeline link names by its own words, "the loan"),
    #: or "" when no item does
    key_item: str = ""
    #: item id -> {a kind of fact it shares with other items: the words that tell it from them}: "you have been
    #: alone most of your life" cites the item of the kind that says "alone", not the one that says "one friend"
    shared: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    #: the words by which the timeline link and the key item both name the key event, and no other item has ("the
    #: bakery", "the promotion"): one of them in a sentence names the event, and cites the key item
    key_words: frozenset[str] = frozenset()
    #: item id -> the case's other words for the item (:mod:`~ipt_training.scoring.item_context`: "music" where the
    #: item says "orchestra"), which back up a distinctive word of the item's own in a sentence
    extra: dict[str, frozenset[str]] = field(default_factory=dict)
    #: item id -> the distinctive words of the item's own outside its clauses about the onset ("his mood fell" tells
    #: when, not what happened): one of them in a sentence told in prose tells the item
    telling: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the words, names among them, by which the timeline link itself tells the key event and its item has too
    #: ("after Liesl's death": Liesl, death): the name and one word of what happened in a sentence tell the event,
    #: however many items share the word
    key_event: frozenset[str] = frozenset()
    #: item id -> {a name of the item: the words of the item's clause that holds it} ("Wambui expects Grace to ...
    #: store her clothing business": business), which a relation word for the person needs beside it ("the daughter's
    #: business"; not "his son rarely visits" for "has not visited the grave and ... when Thomas mentions her")
    beside: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def key_event_named(self, matches: list[Match], clauses_: set[int]) -> bool:
        """Whether ``clauses_`` (those the answer ties to the onset) name the key event by a word of its item's
        own ("two months after the loan")."""
        words = self.own.get(self.key_item, frozenset())
        return bool(words) and any(m.clause in clauses_ and m.concept[5:] in words for m in matches
                                   if m.concept.startswith("term:"))

    def timeline_clauses(self, matches: list[Match]) -> set[int]:
        """Clauses that name the timeline link's event."""
        keys = self.items.get(self.timeline_id, {})
        return {m.clause for m in matches if m.concept.startswith("term:") and m.concept[5:] in keys}

    def cited(self, matches: list[Match], prepared: list[list[str]] | None = None,
              by_context: set[str] | None = None) -> set[str]:
        """Ids of the items (the timeline link included) whose terms one sentence of the answer covers
        (``prepared``: the answer's clauses, to tell a kind of fact denied right before its phrase). ``by_context``
        receives the items a sentence states only with the case's other words for them (:attr:`extra`: a distinctive
        word of the item's own beside one of them) or tells in its own words around one distinctive word of the item's
        own ("you have let your friends and your swimming go": swimming), which the caller counts where the answer
        reads the case as the case does."""
        by_clause: dict[int, set[str]] = {}
        named: dict[int, set[str]] = {}  # the names said as names, not by a relation word ("her dad")
        for m in matches:
            if m.concept.startswith("term:"):
                before = prepared[m.clause][max(0, m.start - 2):m.start] if prepared and m.negated else None
                key = stated_kind(m.concept[5:], m.negated, before)
                if key is not None and key.startswith(_ALIAS):
                    key = f"name:{key[len(_ALIAS):]}"
                elif key is not None and key.startswith("name:"):
                    named.setdefault(m.clause, set()).add(key)
                if key is not None:
                    by_clause.setdefault(m.clause, set()).add(key)
        if not by_clause:
            return set()
        windows = [by_clause.get(c, set()) | by_clause.get(c + 1, set()) for c in sorted(by_clause)]
        said = [named.get(c, set()) | named.get(c + 1, set()) for c in sorted(by_clause)]
        heads = [by_clause[c] for c in sorted(by_clause)]
        # clauses that are sentences, not fragments of a list: there one word of the key event's own names it
        sentences = {c for c in by_clause if prepared and len(prepared[c]) >= _SENTENCE_WORDS
                     and not _EVENT_VERBS.isdisjoint(prepared[c])}
        keyed = [c in sentences for c in sorted(by_clause)]
        # clauses that state something: sentences, and a note's entries before its plan ("Eulogy w/o tears, back at
        # work next day"; not "S: go over the eulogy"): there one distinctive word of an item's own tells it where the
        # answer reads the case as the case does
        plan_from = _plan_start(prepared) if prepared is not None and by_context is not None else 0
        stating = [c in sentences or (prepared is not None and c < plan_from and len(prepared[c]) >= _NOTE_WORDS
                                      and sum(t in FUNCTION_WORDS for t in prepared[c]) < PROSE_SHARE * len(prepared[c])
                                      and _PLAN_WORDS.isdisjoint(prepared[c]))
                   for c in sorted(by_clause)]
        # windows told in prose, not a fragment of a list or the case's words listed in one sentence: there the case's
        # other words for an item back up its own
        told = [prepared is not None and len(prepared[c]) >= _SENTENCE_WORDS
                and sum(t in FUNCTION_WORDS for t in prepared[c]) >= PROSE_SHARE * len(prepared[c])
                for c in sorted(by_clause)]
        found: set[str] = set()
        for item_id, weights in self.items.items():
            total = sum(weights.values())
            if not total:
                continue
            own = self.own.get(item_id, frozenset())
            shared = self.shared.get(item_id, {})
            extra = self.extra.get(item_id, frozenset()) if by_context is not None else frozenset()
            beside = self.beside.get(item_id, {})
            for window, head, sentence, long, states, names in zip(windows, heads, keyed, told, stating, said,
                                                                   strict=True):
                hit = [k for k in weights if k in window]
                # a person said by a relation word counts beside a word the item says of that person
                hit = [k for k in hit if not k.startswith("name:") or k in names
                       or not beside.get(k, frozenset()).isdisjoint(window)]
                score = sum(weights[k] for k in hit)
                if item_id == self.timeline_id:
                    if hit:
                        found.add(item_id)
                        break
                # Two words of the item (a date says when, not what happened; a person's name counts beside a word
                # of the item's own, not beside a word many items share: "Moses ... money")
                elif (_item_words(hit, weights, own) >= 2 or score >= _SHORT_ITEM_SHARE * total
                      # (a name alone, not a relation word alone: "his wife" is in many sentences of any answer)
                      or any((k in names or k.startswith("gist:")) and weights[k] >= _CITE_WEIGHT for k in hit)
                      or any(kind in window and not words.isdisjoint(window) for kind, words in shared.items())
                      or (sentence and item_id == self.key_item and (not self.key_words.isdisjoint(hit)
                                                                     or _tells_key_event(self.key_event, window)))):
                    found.add(item_id)
                    break
                elif by_context is not None and (
                        (long and not extra.isdisjoint(window)
                         and any((weights[k] >= 1.0 or k in own) and not k.startswith(_NOT_OWN) for k in hit))
                        # (the word in the clause that tells the event, not in the clause after it)
                        or (states and not self.telling.get(item_id, frozenset()).isdisjoint(head))):
                    by_context.add(item_id)
        if by_context is not None:
            by_context -= found
        return found


#: The headings that open a note's plan ("Goals:", "Strategies:", "S:", "Tx:"), each read as a clause of its own.
_PLAN_HEADS = frozenset({"goal", "goals", "plan", "plans", "strategy", "strategies", "strat", "strats", "s", "aim",
                         "aims", "tx", "treatment", "interventions", "techniques"})


def _plan_start(prepared: list[list[str]]) -> int:
    """The first clause of the answer's plan, opened by a heading ("Goals:", "S:"), or the number of clauses: what a
    note says after it is what it will do, not what happened."""
    return next((c for c, tokens in enumerate(prepared) if 0 < len(tokens) <= 2 and tokens[0] in _PLAN_HEADS),
                len(prepared))


def _tells_key_event(event: frozenset[str], window: set[str]) -> bool:
    """Whether a sentence's terms tell the key event as the link tells it: the name the link gives (if any) and a
    word of what happened ("It came on after Liesl died": Liesl and the death; "following his promotion"), not a
    name alone."""
    names = {k for k in event if k.startswith("name:")}
    return names <= window and not (event - names).isdisjoint(window)


#: A clause this long with fewer function words than this share is words listed, not a sentence (a note's clause has
#: a fifth or more: "No mourning, organised funeral, back at work d2, no tears"; the vignette's words listed a tenth).
_LISTING_WORDS = 15
_LISTING_SHARE = 0.12


def listing(tokens: list[str]) -> bool:
    """Whether a long clause is words listed one after another rather than a sentence."""
    return len(tokens) >= _LISTING_WORDS and sum(t in FUNCTION_WORDS for t in tokens) < _LISTING_SHARE * len(tokens)


def _item_words(hit: list[str], weights: dict[str, float], own: frozenset[str] = frozenset()) -> int:
    """How many of the words hit count towards citing the item: no dates, and names only beside a word of the item's
    own (full weight, or a word no other item of the case has, "after Adjoa died", but not a word of who someone is,
    "her mother Adjoa"), not beside words many items share. Words that most vignettes have ("family", "friends")
    count as one however many there are: together they say nothing of this patient."""
    words = [k for k in hit if not k.startswith(_DATED)]
    names = sum(k.startswith("name:") for k in words)
    if not any((weights[k] >= 1.0 or k in own) and not k.startswith(_NOT_OWN) for k in hit):
        return len(words) - names if names else min(len(words), 1)
    return len(words)


#: Words that say who someone is, not what happened ("her mother Odile"): beside a name they do not make a fact.
_WHO_KEYS = frozenset(f"word:{w}" for w in (
    "father", "mother", "brother", "sister", "son", "daughter", "wife", "husband", "partner", "aunt", "uncle", "friend",
    "cousin", "grandmother", "grandfather", "grandson", "granddaughter", "niece", "nephew", "child", "baby", "parent",
    "boss", "manager", "colleague", "neighbour", "younger", "older", "elder"))
_DEATH = "word:death"
#: The people whose loss ("she lost her mother") says that they died.
_BEREAVED_OF = frozenset({"father", "dad", "mother", "mum", "mom", "brother", "sister", "son", "daughter", "wife",
                          "husband", "partner", "aunt", "uncle", "twin", "grandmother", "grandfather", "grandma",
                          "grandpa", "cousin", "baby", "child", "fiance", "fiancee", "papa", "mama", "daddy",
                          "mummy", "granny", "nan", "nana"})
#: Rites that say a death ("we buried your dad", "the burial of Georges").
_RITE_VERBS = ("buried", "burying", "bury", "burial of", "funeral of", "cremated")
#: Words of kinship and address that start an inventory entry without being a name ("Mother (Sofia)", "Mama Otieno").
_KIN_WORDS = frozenset({*(k[5:] for k in _WHO_KEYS), *_BEREAVED_OF, "mama", "papa", "mummy", "daddy", "grandma",
                        "grandpa", "granny", "parents", "aunty", "auntie"})
#: Words that join two names in one entry ("Nikos and Eirini", "Jana & Milan").
_JOINERS = frozenset({"and", "&", "of", "de", "van", "von", "da", "di", "le", "la", "el", "al", "bin", "ben"})
#: The matcher concept (after ``term:``) of a person named by their relation to the patient ("her dad").
_ALIAS = "alias:"
#: Keys that are never a word of the item's own: names and dates.
_NOT_OWN = ("name:", *_DATED)


def _with_acronyms(text: str, terms: list[Term], acronyms: frozenset[str]) -> list[Term]:
    """``terms`` with the case's own abbreviations of their words: where the case writes "MS" and the sentence
    "multiple sclerosis", the term of "multiple" is also found by "ms" (the two words said in one), so "the MS
    diagnosis" tells the item as "the multiple sclerosis diagnosis" does."""
    extra: dict[str, list[str]] = {}
    for clause in clauses(text):
        for k in range(len(clause)):
            for n in range(_ACRONYM_WORDS[0], _ACRONYM_WORDS[1] + 1):
                run = clause[k:k + n]
                initials = "".join(w[0] for w in run)
                if len(run) == n and initials in acronyms and all(w.isalpha() for w in run):
                    term = _term(run[0], frozenset())
                    if term is not None:
                        extra.setdefault(term.key, []).append(initials)
    if not extra:
        return terms
    return [Term(t.key, (*t.cues, *extra[t.key]), t.weight, t.dated) if t.key in extra else t for t in terms]


#: An abbreviation stands for two to four words ("MS", "ICU", "COPD").
_ACRONYM_WORDS = (2, 4)
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,4}\b")


def case_acronyms(texts: Iterable[str]) -> frozenset[str]:
    """The abbreviations a case writes in capitals ("MS", "ICU"), lower-cased."""
    return frozenset(m.lower() for text in texts for m in _ACRONYM_RE.findall(text))


def derive_evidence(texts: dict[str, str], timeline_id: str, *, names: Iterable[str] = (),
                    skip: Iterable[str] = (), link_event: Iterable[str] = (),
                    acronyms: frozenset[str] = frozenset(),
                    relations: dict[str, tuple[str, ...]] | None = None) -> DerivedEvidence:
    """Terms for each item from its sentence (``texts``: item id -> sentence); items without text are skipped.

    ``link_event``: the case timeline's descriptions of the key event, whose distinctive words the timeline link
    borrows (the link may call it "the loan" where the timeline says "lends the savings"). ``acronyms``: the case's
    own abbreviations (:func:`case_acronyms`), which find the words they stand for.
    """
    # A name found inside any item's sentence is a name in every item ("Darius borrowed..." opens a sentence)
    known_names = frozenset({n for name in names for n in proper_names(name)}
                            | {n for text in texts.values() for n in names_in(text)})
    skip_words = frozenset(to_ascii_lower(w) for word in skip for w in word.split())
    per_item = {item_id: sentence_terms(text, known_names, skip_words, event_only=item_id == timeline_id)
                for item_id, text in texts.items() if text.strip()}
    if acronyms:
        per_item = {item_id: _with_acronyms(texts[item_id], terms, acronyms) for item_id, terms in per_item.items()}
    link = per_item.get(timeline_id)
    key_item = ""
    told: set[str] = set()
    link_keys: set[str] = set()
    if link is not None:
        keys = {t.key for t in link}
        link_keys = set(keys)
        told = {t.key for text in (texts[timeline_id], *link_event)
                for t in sentence_terms(text, known_names, skip_words, event_only=True)
                if t.key.startswith("word:") and t.weight > _COMMON_WEIGHT}
        ties = {item_id: len(told & {t.key for t in terms}) for item_id, terms in per_item.items()
                if item_id != timeline_id}
        best = max(ties.values(), default=0)
        if best and list(ties.values()).count(best) == 1:
            key_item = next(i for i, n in ties.items() if n == best)
        for text in link_event:
            borrowed = [t for t in sentence_terms(text, known_names, skip_words, event_only=True)
                        if t.key not in keys and t.weight > _COMMON_WEIGHT and not t.key.startswith("name:")]
            link += borrowed
            keys.update(t.key for t in borrowed)
        # The link's event is usually described in full by one of the evidence items: borrow its words
        # ("two months after the redundancy" also finds "after the mill closed").
        for item_id, terms in per_item.items():
            if item_id != timeline_id and keys & {t.key for t in terms if not t.dated}:
                link += [t for t in terms if not t.dated and t.key not in keys and t.weight > _COMMON_WEIGHT]
                keys = {t.key for t in link}
    frequency = Counter(t.key for item_id, terms in per_item.items() if item_id != timeline_id for t in terms)
    items = {item_id: {t.key: t.weight / max(1, frequency[t.key]) for t in terms}
             for item_id, terms in per_item.items()}
    own = {item_id: frozenset(t.key for t in terms if frequency[t.key] == 1 and t.key.startswith("word:")
                              and t.key not in _WHO_KEYS)
           for item_id, terms in per_item.items() if item_id != timeline_id}
    cues: dict[str, list[str]] = {}
    for terms in per_item.values():
        for t in terms:
            cues.setdefault(f"term:{t.key}", list(t.cues))
    for person, called in (relations or {}).items():
        # "his wife" is Lan where the items name her: the person's name, found by what she is to the patient
        for name in proper_names(person):
            if f"term:name:{name}" in cues:
                cues.setdefault(f"term:{_ALIAS}{name}", []).extend(called)
    death = cues.get(f"term:{_DEATH}")
    if death is not None:
        # A death said in lay words, as people say it to the bereaved: "you lost Silvia", "since she lost her wife".
        people = sorted({t.key[5:] for terms in per_item.values() if any(t.key == _DEATH for t in terms)
                         for t in terms if t.key.startswith("name:")} | _BEREAVED_OF)
        death += [f"{verb} {who}" for who in [*people, "him"] for verb in ("lost", "losing", "loss of")]
        # ... and by its rites: "since we buried your dad", "since your papa's funeral", "the burial of Georges"
        death += [f"{verb} {who}" for who in [*people, "him", "her"] for verb in _RITE_VERBS]
        death += [f"{who} {rite}" for who in people for rite in ("funeral", "burial")]
    # The kind of fact an item states ("avoids reminders"), when no other item states one of that kind: an answer
    # stating that kind of fact in its own words cites the item.
    every = all_item_kinds(texts, skip=timeline_id)
    holders = Counter(kind for kinds in every.values() for kind in kinds)
    shared: dict[str, dict[str, frozenset[str]]] = {}
    for item_id, kinds in every.items():
        alone = frozenset(k for k in kinds if holders[k] == 1)
        items[item_id].update({f"gist:{kind}": _CITE_WEIGHT for kind in alone})
        cues.update(gist_cues(kinds))
        # A kind two items share cites the one whose own words the answer's sentence also has.
        words = {t.key for t in per_item[item_id] if not t.dated}
        shared[item_id] = {f"gist:{kind}": frozenset(words - {t.key for other, terms in per_item.items()
                                                              if other != item_id and kind in every.get(other, ())
                                                              for t in terms})
                           for kind in kinds - alone}
    key_words = own.get(key_item, frozenset()) & told
    # (a word most vignettes have, "died", tells the event beside the name of who died; alone it does not)
    weights = {t.key: t.weight for t in link or ()}
    event = {k for k in link_keys if k in items.get(key_item, {}) and k not in _WHO_KEYS and not k.startswith(_DATED)}
    named = any(k.startswith("name:") for k in event)
    key_event = frozenset(k for k in event if named or weights[k] > _COMMON_WEIGHT)
    # the distinctive words of an item's own that tell what happened, not when the mood fell: one of them in a sentence
    # told in prose names the fact ("you have let your friends and your swimming go")
    timing = {item_id: {t.key for clause in clauses(texts[item_id]) if onset_said(clause)
                        for t in sentence_terms(" ".join(clause), known_names, skip_words)}
              for item_id in own}
    telling = {item_id: frozenset(k for k in words if items[item_id].get(k, 0.0) >= _RARE_WEIGHT
                                  and k not in timing[item_id])
               for item_id, words in own.items()}
    beside = _said_of_people(texts, timeline_id, known_names, skip_words) if relations else {}
    return DerivedEvidence(items, cues, timeline_id, own, key_item, {i: k for i, k in shared.items() if k}, key_words,
                           telling=telling, key_event=key_event, beside=beside)


#: Where what an evidence sentence says of one person ends: a full stop or semicolon, or a clause of its own
#: ("... has not visited the grave and changes the subject | when Thomas mentions her").
_PART_END = re.compile(r"[.;:!?]|\b(?:when|while|whereas|although|though|because|if|until|unless)\b")


def _beside_names(text: str, names: frozenset[str], skip: frozenset[str]) -> dict[str, set[str]]:
    """Each name of an evidence sentence -> the words of the part of the sentence that holds it (:data:`_PART_END`),
    dates, names and words of who someone is ("her father Yerlan") aside."""
    beside: dict[str, set[str]] = {}
    for part in _PART_END.split(text):
        keys = {t.key for t in sentence_terms(part, names, skip)}
        words = {k for k in keys if not k.startswith(_NOT_OWN) and k not in _WHO_KEYS}
        for name in (k for k in keys if k.startswith("name:")):
            beside.setdefault(name, set()).update(words)
    return beside


def _said_of_people(texts: dict[str, str], timeline_id: str, names: frozenset[str],
                    skip: frozenset[str]) -> dict[str, dict[str, frozenset[str]]]:
    """Item id -> {a name of the item: what the item alone says beside it}: the words of :func:`_beside_names` that
    no other evidence item says beside the same name ("Ricky died" is the item of his death, not the one of the anger
    that he "had started drinking again ... speak badly of the dead")."""
    per_item = {item_id: _beside_names(text, names, skip) for item_id, text in texts.items()
                if text.strip() and item_id != timeline_id}
    holders = Counter((name, word) for said in per_item.values() for name, words in said.items() for word in words)
    return {item_id: {name: frozenset(w for w in words if holders[name, w] == 1) for name, words in said.items()}
            for item_id, said in per_item.items()}


def event_words(text: str, names: Iterable[str] = ()) -> dict[str, tuple[str, ...]]:
    """The words that tell what happened in an event's description (``"Daughter Deniz born ...; he starts unpaid
    leave"``): key -> the forms that find it, as for evidence terms, without names, kin words, dates and the words
    most vignettes share (``names``: the case's people, whose names say who, not what happened)."""
    known = frozenset({n for name in names for n in proper_names(name)} | names_in(text))
    return {t.key: t.cues for t in sentence_terms(text, known) if t.key.startswith("word:") and not t.dated
            and t.key not in _WHO_KEYS and t.weight > _COMMON_WEIGHT}
