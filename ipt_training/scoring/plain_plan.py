"""Goals and strategies said in plain words, read from what a plan sentence is about.

A plan written without IPT labels ("I'd let him be sad and angry about losing the restaurant, then help him get
better at the caring") names the goals of its area by what it does to what: a feeling about a loss is mourning
the old role; getting better at the new role is mastery; building relationships, starting small, is forming new
relationships by graded steps; finding out what each of them wants is clarifying expectations. A *frame* is such a
pairing: one word of each of its word classes in the same plan sentence credits its concept. Frames are read only
in sentences that state a plan (a plan word: "help", "I'd", "we will", "goals"), only for the areas the answer
chose or the case is about. They add credit the lexicon missed; they never count towards keyword stuffing, since
they are the answer's own words for its plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import chain, pairwise, repeat
from operator import itemgetter
from typing import NamedTuple

from ipt_training.domain import ProblemArea
from ipt_training.scoring.lexicon import GOALS, STRATEGIES
from ipt_training.scoring.plan_items import WORK_AFTER_WRITER as _WORK_AFTER_WRITER
from ipt_training.scoring.plan_items import WRITERS as _WRITERS
from ipt_training.scoring.plan_items import helper_dropped, item_readings
from ipt_training.scoring.word_forms import stem
from ipt_training.text.features import feature
from ipt_training.text.matcher import Clauses, Match
from ipt_training.text.normalize import QUESTION
from ipt_training.text.words import AnswerWords


class Frame(NamedTuple):
    """A concept (``"goal:..."`` or ``"strategy:..."``) credited when a plan sentence has a word of each class, or,
    with ``twice``, two words of that class ("what he wants and what she wants")."""

    concept: str
    classes: tuple[frozenset[str], ...]
    twice: frozenset[str] = frozenset()
    #: whether the words say which area the plan serves (going back to the choir, finding people to lean on and
    #: settling on a plan are the work of any area: they credit the chosen area's concept and vote for none)
    votes: bool = True
    #: whether the classes' words must come in the frame's order ("change how they argue", not "talk about how you
    #: can change your routine")
    ordered: bool = False
    #: how many words apart the classes' words may lie
    reach: int = 6


_FEELINGS = frozenset({"sad", "sadness", "angry", "anger", "upset", "grieve", "grieving", "mourn", "mourning", "cry",
                       "crying", "tears", "sorrow", "feelings", "goodbye"})
_LOST = frozenset({"losing", "lost", "loss", "losses", "gone", "behind", "used", "former", "ended", "missing",
                   "misses", "miss", "gave", "given", "leaving", "took", "taken", "takes", "cost", "costs",
                   # what someone left or gave up ("be angry about what she left", "sad about giving up nursing"; a
                   # "left" must follow its subject: see _left_by_them)
                   "left", "giving up"})
_LEFT_BY = frozenset({"she", "he", "they", "you", "we", "i", "what"})
#: What the change brought, set against what it took ("what you have lost and what you have gained"): a review of
#: the old role and the new one, in the patient's words.
_GAINED = frozenset({"gained", "gain", "gains", "gaining", "brought", "brings", "won", "give", "gives", "offers",
                     "offer"})
#: Working on a loss ("work on the loss with him", "grief work", "work through her grief"): mourning, in the words of
#: the work rather than of the feeling. The loss serves a death and an old role alike, so the frame votes for neither
#: area; a loss of the body ("the weight loss", "hearing loss") is no loss mourned.
_WORK_ON = frozenset({"work"})  # (its other forms are read as it: "working through her grief")
_A_LOSS = frozenset({"loss", "losses", "grief", "bereavement"})
_BODILY = frozenset({"weight", "hearing", "sleep", "memory", "appetite", "blood", "hair", "vision", "sight"})
#: Staying with the patient through the feelings ("support him through his feelings", "stay with her through the
#: sadness"): encouragement of affect, a technique of any area.
_ACCOMPANY = frozenset({"support", "stay", "accompany", "hold", "guide", "walk", "see"})
_THROUGH = frozenset({"through"})
_AFFECTS = frozenset({"feelings", "feeling", "emotions", "grief", "sadness", "anger", "tears", "pain", "guilt",
                      "sorrow"})
#: Something to be good at ("find things you can be good at now", "something else to be good at"): mastery of the
#: new life, its task left open.
_THINGS = frozenset({"things", "thing", "something", "anything"})
_GOOD_AT = frozenset({"good", "competent", "capable", "skilled"})
_AT_ONLY = frozenset({"at"})
#: Mattering again ("small ways for him to matter again", "feel useful again"): the self-esteem mastery restores.
_MATTER = frozenset({"matter", "useful", "valued", "worthwhile"})
_AGAIN_ONLY = frozenset({"again"})
#: A new shape of life found or built ("build a new one", "find a new way of being Rosa's husband", "a new shape for
#: his days", "a meaningful place in the new household"): the new role seen as it can be.
_FIND_BUILD = frozenset({"find", "build", "create", "make", "shape", "develop", "discover"})
_NEW = frozenset({"new"})
_NEW_LIFE = frozenset({"one", "way", "place", "shape", "direction", "purpose", "routine", "chapter", "footing",
                       "rhythm", "normal", "identity"})
#: Going to a group ("encourage her to go to a senior citizens' group", "get him into a futsal league"): a new support
#: network, in the words of where it is found.
_GO_INTO = frozenset({"go", "join", "attend", "into", "try"})
_GROUPS = frozenset({"group", "club", "league", "society", "association", "centre", "center", "circle",
                     "choir", "congregation", "community"})
#: Accepting that the old role is over ("accept lose of old job", "accept that her old life is gone"): mourning it.
_ACCEPT = frozenset({"accept"})
_OLD_OVER = frozenset({"old", "former", "previous", "losing", "over", "gone", "behind", "end"})
#: Getting people around one ("get some support around you", "find people here you can lean on").
_GET = frozenset({"build", "building", "find", "finding", "get", "getting", "have", "make", "making", "form"})
#: What the new life may be, asked as the plan's question ("work out what a working week could look like for you
#: now", "what Winnipeg might still offer", "what this chapter can hold"): a realistic view of the new role. (Not
#: "what can be done": it votes for no area and credits only a transition the answer chose.)
_MAY = frozenset({"could", "can", "might", "may"})
#: How far "what" may stand from "could": the new life's name between them is a phrase of its own ("what a worthwhile
#: life and job with MS could look like").
_SUBJECT_REACH = 10
_SHAPE = frozenset({"look", "become", "offer", "hold", "still"})
#: ... or as whether something here may become the patient's ("see whether there might be something here, and
#: someone, that could become yours")
_WHAT_MAY_BE = frozenset({"what", "whether", "something"})
#: ... or as what the new life itself may be ("work out what your life here can be now", "what his role in the family
#: could be", "what can be his place now"): "be" says nothing of the new role unless the life or the place it is asked
#: of is named beside it ("what the problem might be", "what could be wrong" ask no such thing).
_WHAT_ONLY = frozenset({"what"})
_LIFE_OF = frozenset({"life", "lives", "days", "role", "roles", "place", "future", "chapter", "stage"})
_BE = frozenset({"be"})
_LIFE_MAY_BE = (Frame("goal:transition.realistic_new", (_WHAT_ONLY, _LIFE_OF, _MAY, _BE), votes=False, ordered=True,
                      reach=5),
                Frame("goal:transition.realistic_new", (_WHAT_ONLY, _MAY, _BE, _LIFE_OF), votes=False, ordered=True,
                      reach=3))
#: ... or as what a place or a life may give ("look at what Leeds can and cannot give her", "what this new life might
#: bring you"): what it may offer, unless it is given up, back or away ("what the family could give up").
_GIVE = frozenset({"give", "bring"})
_GIVEN_AWAY = frozenset({"up", "back", "away", "in", "out", "down", "about", "on"})
_MAY_GIVE = Frame("goal:transition.realistic_new", (_WHAT_MAY_BE, _MAY, _GIVE), votes=False, ordered=True,
                  reach=_SUBJECT_REACH)


def _given_away(tokens: list[str]) -> bool:
    """Whether every "give" or "bring" of ``tokens`` is given up, back or away ("what she could give up")."""
    return all(tokens[k + 1:k + 2] and tokens[k + 1] in _GIVEN_AWAY for k, t in enumerate(tokens) if t in _GIVE)


#: A look at something as it is ("look at the headship as it really is", "an honest picture of life with MS", "look
#: honestly at the new job"): seeing the new role realistically, in the patient's words; it credits only a transition
#: the answer chose (a look as it really is may be at a marriage or at a life with the dead).
_VIEW = frozenset({"look", "looking", "see", "seeing", "picture", "view"})
_AS_IT_IS = frozenset({"really", "actually", "truly", "honest", "honestly", "realistic", "realistically", "real",
                       "clearly"})
#: Learning what the new role needs ("pick up the skills he lacks", "work on the skills that would make you ...").
_LEARN = frozenset({"learn", "learning", "pick", "build", "develop", "developing", "practise", "practice",
                    "practising", "practicing", "work", "get", "gain"})
_SKILLS = frozenset({"skills", "skill", "know-how"})
#: Who a new network is made of, and what it is for ("find people here you can lean on").
#: ("get him to build one or two friendships here": friendships in the new place are its network too)
_SUPPORT = frozenset({"people", "friends", "friend", "friendships", "friendship", "support", "network", "company",
                      "someone", "others", "colleagues", "neighbours", "connections", "community"})
#: Taking up the means of learning the new role ("get her onto a management course", "take steps toward English and
#: his licence", "make a plan for the language and the licence"): its skills, in the words of how they are learnt.
_TAKE_UP = frozenset({"get", "getting", "onto", "take", "taking", "start", "starting", "join", "enrol", "enroll",
                      "attend", "book", "plan", "steps", "toward", "towards", "practise", "practice", "practising",
                      "learn", "learning", "improve", "improving", "find"})
_MEANS = frozenset({"course", "class", "classes", "training", "lessons", "licence", "license",
                    "licensing", "licensure", "qualification", "qualifications", "certificate", "certification",
                    "accreditation", "mentoring", "mentor", "language", "english"})
_CLAUSE_WORDS_NEW = frozenset({"new", "now", "next", "ahead", "future", "could", "can"})
_SEE = frozenset({"see", "imagine", "picture", "discover", "find", "explore", "notice"})
_GOOD = frozenset({"good", "worth", "possible", "offer", "offers", "like", "enjoy"})
_BETTER = frozenset({"better", "good", "confident", "capable", "competent", "easier", "skilled"})
_AT = frozenset({"at", "in"})
#: Mastery of a task "with" it, or "as" the one who does it ("surer with her care", "confident as a mother"): read for
#: the credit, not for the area votes (as "at" and "in" are).
_SURER = _BETTER | frozenset({"surer"})
_WITH_AS = frozenset({"with", "as"})
#: Being sure of oneself again ("feel surer of yourself", "confident in herself"): the self-esteem mastery brings
#: ("better in herself" is feeling well, not mastery).
_SURE_OF = frozenset({"sure", "surer", "confident", "capable", "competent"})
_SELF = frozenset({"yourself", "herself", "himself", "themselves"})
#: (read as the work's aim, not in a purpose clause, whose aims :func:`_purposed` reads: "we will meet so that you
#: can feel sure of yourself" states the aim of meeting, no goal)
_SURE_OF_SELF = Frame("goal:transition.mastery", (_SURE_OF, _SELF), votes=False, ordered=True, reach=3)
#: what mastery is of: a role or a task ("at the new job", "as a manager", "at caring"), not "better in herself"
_TASK = frozenset({"job", "jobs", "role", "roles", "work", "task", "tasks", "duties", "manager", "managing", "manage",
                   "caring", "carer", "care", "running", "house", "home", "post", "position", "team", "lead",
                   "leading", "parent", "parenting", "mother", "father", "mum", "dad", "student", "studies", "study",
                   "course", "business", "farm", "retirement", "skills", "new", "cooking", "budget", "budgets",
                   "teaching", "nursing", "shop", "school", "college", "university", "office", "ward"})
_BUILD = frozenset({"build", "building", "make", "making", "form", "forming", "start", "starting", "find", "finding",
                    "develop", "grow", "deepen", "begin", "know", "meet", "meeting", "closer"})
_PEOPLE = frozenset({"relationship", "relationships", "friend", "friends", "friendship", "friendships", "people",
                     "connections", "company", "someone", "somebody", "others"})
_MORE = frozenset({"more", "often", "regularly"})
#: Lessening the isolation, with any verb for it ("diminish the isolation", "break her isolation", "lower the
#: loneliness": a second-language writer's word, or a plain one, for "reduce").
_LESSEN = frozenset({"reduce", "reducing", "diminish", "diminishing", "decrease", "decreasing", "lessen",
                     "lessening", "lower", "lowering", "break", "breaking", "ease", "easing", "end", "ending"})
_ISOLATION = frozenset({"isolation", "loneliness", "solitude"})
_LESS = frozenset({"less", "fewer", "out"})
#: who graded contact is with: people or the contact itself, not the steps of an argument gone over in detail
_CONTACT = _PEOPLE | frozenset({"contact", "call", "calls", "phone", "visit", "visits", "meet", "meeting", "invite",
                                "coffee", "group", "club", "join", "social", "neighbour", "neighbours", "colleague",
                                "colleagues", "church", "choir", "team", "class", "classes", "outing", "outings",
                                "calling", "ring", "text", "brother", "sister", "cousin"})
#: Going back to people and pastimes after a loss ("then slowly back to the choir", "pick up her friendships again"):
#: re-investment, once mourning is under way.
_RETURN = frozenset({"again", "back", "return", "returning", "rejoin", "rejoining", "resume", "resuming", "pick",
                     "picking", "rebuild", "rebuilding"})
def _bodily_loss(tokens: list[str]) -> bool:
    """Whether every loss of ``tokens`` is one of the body or of a thing, not of a person or a role ("weight loss")."""
    return all(k and tokens[k - 1] in _BODILY for k, t in enumerate(tokens) if t in _A_LOSS)


#: "back" that looks back rather than goes back ("look back at the friendships he has had", "go back over the
#: years with her", "think back on"): a review of the past, not a return to it.
_LOOKING = frozenset({"look", "looks", "looking", "looked", "think", "thinking", "thought", "glance", "reflect",
                      "reflecting"})
_OVER = frozenset({"over", "at", "on", "through"})
_REINVEST = "goal:grief.reinvest"


def _only_looking_back(tokens: list[str]) -> bool:
    """Whether every word of going back in ``tokens`` is a "back" that looks back ("look back at", "back over")."""
    for k, token in enumerate(tokens):
        if token not in _RETURN:
            continue
        before = tokens[k - 1] if k else ""
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        if token != "back" or (before not in _LOOKING and after not in _OVER):
            return False
    return True


#: The people a patient goes back to after a change ("get you back in touch with people", "bring the choir and your
#: friends back in"): the new role's support network, in any area's words (it votes for none).
_BACK_AMONG = _SUPPORT | frozenset({"touch", "among", "friendships", "choir", "club", "team", "group", "contact",
                                    "contacts"})
#: The people the patient wants, asked as a topic of the plan ("who you want around you", "whom you want to see").
_WHO = frozenset({"who", "whom"})
_WANT_WHO = frozenset({"want", "wants", "need", "needs", "miss"})
_BACK_AMONG_FRAME = Frame("strategy:transition.new_support", (_RETURN, _BACK_AMONG), votes=False)
_PASTIMES = _CONTACT | frozenset({"friendships", "friendship", "interests", "hobbies", "activities", "life", "temple",
                                  "mosque", "sport", "swimming", "football", "cousins", "family", "relatives",
                                  "living", "enjoy", "enjoyed"})
#: Going over the death itself ("what happened on the day of the funeral", "the night of the crash": the case's own
#: words for how the death happened are read as "death", see :mod:`~ipt_training.scoring.case_plan_words`).
_WHEN = frozenset({"happened", "happen", "happening", "day", "night", "evening", "morning", "hours"})
#: (the death in the words of how it came: "go through the day she collapsed and the two days in hospital")
_THE_DEATH = frozenset({"death", "funeral", "died", "collapsed", "hospital", "accident", "crash"})
_ALONE = frozenset({"alone", "lonely", "isolated", "own", "house", "cut", "empty"})
#: A few people as the aim ("one or two people he can talk to", "a couple of friends", "at least one friend"):
#: relationships to be formed, counted.
_A_FEW = frozenset({"one", "two", "couple", "few", "least"})
#: ... to be gained ("to have", "find", "make"; not "she has one or two people at work she nods to", nor "she eats
#: with one or two colleagues")
_GAIN_SOME = frozenset({"have", "find", "make", "get", "meet", "build", "gain"})
_SMALL = frozenset({"small", "smaller", "little", "gradual", "gradually", "steps", "step", "slowly", "bit"})
_BEGIN = frozenset({"start", "starting", "first", "begin", "beginning", "next", "by"})
_TALK_OF = frozenset({"talk", "talking", "speak", "speaking", "remember", "remembering"})
#: word pairs (see :func:`_pairs`): talking *about* the person, not *to* him
_ABOUT_THEM = frozenset({"about him", "about her", "of him", "of her"})
#: Who the person is, named by kinship after a possessive ("talk about your brother"): read as "him" or "her".
_KIN = frozenset({"wife", "husband", "partner", "mother", "father", "mum", "dad", "mom", "brother", "sister", "son",
                  "daughter", "grandmother", "grandfather", "grandma", "grandpa", "aunt", "aunty", "auntie", "uncle",
                  "cousin", "friend", "niece", "nephew", "baby"})
_POSSESSIVES = frozenset({"your", "his", "her", "their", "my"})
#: Words of kinship (for other modules: the dead's kin word in a case's inventory).
KIN_WORDS = _KIN
#: Reaching an end to the dispute ("reach a resolution he can live with", "find a compromise"), and working on the
#: rift itself ("work on the rift with Nikos"): its resolution, in words the lexicon lacks.
_REACH_TO = frozenset({"reach", "reaching", "find", "finding", "achieve", "work", "come", "get"})
_RESOLUTION = frozenset({"resolution", "agreement", "compromise", "settlement", "solution", "arrangement"})
_MEND = frozenset({"mend", "mending", "repair", "repairing", "heal", "healing", "fix", "sort", "address", "tackle",
                   "work"})
#: Bringing a dispute at impasse back into the open ("bring the dispute back into the open"): the plan of action the
#: stage calls for.
_BRING = frozenset({"bring", "bringing", "get", "getting", "put"})
_INTO_OPEN = frozenset({"open"})
_RIFT = frozenset({"rift", "conflict", "dispute", "disagreement", "quarrel", "feud", "estrangement", "standoff"})
_ENDING = frozenset({"ending", "end", "leave", "leaving", "part", "parting", "separation", "exit"})
#: how the ending is to go: "in a way he can live with", "with dignity" ("well" and "live" alone are too common)
_BEARABLE = frozenset({"decent", "fair", "peaceful", "peacefully", "live with", "dignity", "calmly", "amicably",
                       "respectfully", "good terms"})
_WANTS = frozenset({"wants", "want", "expects", "expect", "needs", "need", "hopes"})
_EACH = frozenset({"each", "both", "everyone"})
_TALK = frozenset({"talk", "talks", "talking", "conversation", "conversations", "negotiate", "negotiating",
                   "negotiation", "negotiations", "deal",
                   "agreement", "compromise", "discuss", "discussion"})
_AGAIN = frozenset({"again", "going", "restart", "reopen", "back", "reach", "resume"})
#: Arguing in a better way ("help them argue better, not less"): changing faulty communication.
_ARGUE = frozenset({"argue", "arguing", "fight", "fighting", "disagree", "disagreeing", "quarrel", "quarrelling"})
_WAY = frozenset({"better", "differently", "calmly", "fairly", "calmer", "constructively"})
_EXCHANGE = frozenset({"conversation", "argument", "row", "exchange", "fight", "said", "says", "talk"})
_DETAIL = frozenset({"detail", "wrong", "exactly", "step"})
#: How an exchange goes wrong ("how your arguments go off the rails", "where it turns into a fight", "how the talks
#: break down"): communication analysis, in the words of the exchange.
_HOW_WHERE = frozenset({"how", "where", "when", "why"})
_EXCHANGES = frozenset({"argument", "arguments", "row", "rows", "fight", "fights", "talk", "talks", "conversation",
                        "conversations", "discussion", "quarrel", "quarrels", "exchange"})
_DERAIL = frozenset({"wrong", "rails", "derail", "derails", "escalate", "escalates", "spiral", "spirals", "sour",
                     "sours", "explode", "explodes", "turns", "turn", "break", "collapse", "collapses"})
#: How the two of them talk when they argue ("go over how the two of them talk in their arguments", "work on how they
#: argue", "analyse how the arguments go round"): communication analysis, in the words of the exchange (see
#: :func:`_talk_looked_at`: not how often they argue, nor how one of them feels about it).
_TALK_WAYS = _ARGUE | _EXCHANGES | frozenset({"argues", "argued", "fights", "speak", "speaking", "communicate",
                                              "communicating", "communication"})
#: How the arguments began is the dispute's history, not how the two of them talk ("how the arguments started").
_BEGAN = frozenset({"started", "began", "begun", "start", "begin", "starts", "begins", "arose"})
_HOW_MUCH = frozenset({"often", "much", "many", "long", "frequently", "bad", "badly"})
_NOT_TALK = frozenset({"feel", "feels", "felt", "feeling", "think", "thinks", "thought", "cope", "copes", "sleep",
                       "sleeps"})
_TALK_LOOK = Frame("strategy:general.communication_analysis", (frozenset({"how"}), _TALK_WAYS), ordered=True,
                   reach=5)
#: Connecting the patient with people ("connect her with other ward managers", "link him to a carers' group"): a new
#: network of support, whoever it is made of.
_CONNECT = frozenset({"connect", "connecting", "link", "linking", "introduce", "introducing"})
_CONNECT_SOMEONE = frozenset(f"{verb} {whom}" for verb in _CONNECT for whom in ("her", "him", "them", "you"))
_WITH_TO = frozenset({"with", "to", "up"})
_CONNECTED = Frame("strategy:transition.new_support", (_CONNECT_SOMEONE,), votes=False)
#: A new network told as the people themselves, set beside the patient, whatever verb (or none) brings them: people
#: "to lean on", "he can turn to", "to be with" (what they are for), or "some new friends around him", "his mates
#: back around him" (a word that brings or adds them, then the people, then beside whom). Not "snapping at the people
#: around him" or "the new job and the people around him" (the people already there), nor "he has no friends to turn
#: to" (see _no_company).
_COMPANIONS = _SUPPORT | frozenset({"mates", "family", "relatives"})
_LEAN_ON = frozenset({"lean on", "rely on", "depend on", "turn to", "talk to", "confide in", "be with"})
#: (not "having": the frames read it as "have", and a word of its own here would stop that)
_ADDING = frozenset({"some", "new", "more", "get", "getting", "have", "find", "finding", "bring", "bringing"})
_BESIDE = frozenset(f"{where} {whom}" for where in ("around", "round", "beside")
                    for whom in ("him", "her", "them", "you", "me"))
_COMPANY_FRAMES = (Frame("strategy:transition.new_support", (_COMPANIONS, _LEAN_ON), votes=False, ordered=True,
                         reach=3),
                   Frame("strategy:transition.new_support", (_ADDING, _COMPANIONS, _BESIDE), votes=False,
                         ordered=True, reach=4))
#: Words that say the people are lacking or lost, not brought ("no friends to turn to", "does not have people around
#: him", "lost some friends around him").
_LACKING = frozenset({"no", "not", "never", "without", "any", "lost", "losing", "lose", "miss", "misses", "missing",
                      "lacks", "lack"})
_DECIDE = frozenset({"decide", "figure", "choose", "work", "sort"})
_WHAT = frozenset({"what"})
#: Working out how to act ("work out how you could break the silence", "decide how to raise it with him"): the choice
#: of a course of action; not how something happens ("work out how the rows start").
_TO_ACT = frozenset({"to", "could", "can", "might", "would", "will"})
#: Settling on a course for the dispute ("settle on a plan", "agree a way forward"), in words the lexicon lacks.
_SETTLE = frozenset({"settle", "choose", "decide", "agree", "pick", "make", "draw"})
_PLAN_NOUN = frozenset({"plan", "course"})
_WANT_DO = frozenset({"want", "wants", "do", "does", "need", "needs", "asking", "ask"})

#: A balanced look at something, in any words: a good side and a hard side named together ("the good and the hard
#: parts", "what is hard and what is good", "the warm side and the difficult side"). For a death it is the
#: relationship with the person, good and bad; for a change, the good and bad of the old role and the new one. The
#: words serve both areas, so they vote for neither.
_UPSIDE = frozenset({"good", "best", "nice", "lovely", "warm", "happy", "positive", "enjoyable", "upside", "upsides",
                     "pros", "rewarding", "easy", "easier", "great", "gained", "gains", "fond"})
_DOWNSIDE = frozenset({"bad", "hard", "harder", "hardest", "difficult", "painful", "tough", "worse", "worst",
                       "negative", "downside", "downsides", "cons", "frustrating", "unhappy", "ugly", "sore"})
_JOINED = frozenset({"and", "or", "but", "versus", "vs"})
#: Learning the new role's tasks in plain words ("learn how to manage her medicines", "the practical side of caring").
_PRACTISE = frozenset({"learn", "learning"})
_HOW = frozenset({"how"})
_PRACTICAL = frozenset({"practical", "practicalities"})
#: What keeps a dispute going ("how the silence keeps the problem going", "what keeps the rows going"): its pattern.
_KEEPS = frozenset({"keeps", "keep", "keeping", "kept"})
_GOING = frozenset({"going", "alive"})
_HOW_WHAT = frozenset({"how", "what"})
#: The options, in plain words ("what choices you have", "the different ways forward", "other possibilities").
_CHOICES = frozenset({"choices", "possibilities"})
_OTHER = frozenset({"different", "other", "possible"})
_WAYS = frozenset({"routes", "paths", "solutions", "ways forward"})
#: Raising the dispute again (impasse: bring it back into the open, the plan of action), "raise it with him again".
_RAISE = frozenset({"raise", "raising", "broach", "broaching"})
#: Talking about how the change feels ("talk about how that feels", "say how you feel about it").
_FEEL = frozenset({"feel", "feels", "feeling", "feelings", "felt"})
#: Naming the dispute ("make the disagreement explicit", "put the conflict into words", "name the rift").
_EXPLICIT = frozenset({"explicit", "clear", "clearer", "name", "naming", "spell", "words", "understand"})
#: The quarrel itself, by any of its names ("understand what the fight is really about").
_QUARREL = _RIFT | frozenset({"fight", "fights", "argument", "arguments", "row", "rows", "quarrels"})
#: The next step in the dispute ("work out where you want to go from here", "choose your next step").
_NEXT_STEP = frozenset({"next step", "next steps", "from here", "go next"})
#: Talking without the fight ("find a way to talk without fighting"), or the relationship back on track with the
#: other ("get things back on track with Facundo"); "back on your feet", "cut back on the worrying" are no goal.
_WITHOUT = frozenset({"without"})
_ON_TRACK = frozenset({"on track"})
_BETWEEN = frozenset({"with", "between", "relationship", "marriage"})

#: Changing how the two communicate ("change how they argue", "improve the way they talk").
_CHANGE = frozenset({"change", "changing", "improve", "improving", "alter", "shift"})
_HOW_WAY = frozenset({"how", "way"})
_SPEAK = _ARGUE | frozenset({"talk", "talking", "speak", "speaking", "communicate", "communicating", "argue", "row"})
#: Coming to a decision about the dispute ("so that you can reach a decision together", "make a choice").
_DECISION = frozenset({"decision", "decisions", "choice"})

#: The ending frame ("leave her in a way he can live with"): dissolution work, steering in another stage.
_ENDING_FRAME = Frame("goal:dispute.resolve", (_ENDING, _BEARABLE))
#: Closing the relationship well, in the patient's words ("close this chapter properly", "end it properly and grieve
#: it"): dissolution work (reference 3.2: help the patient end it and mourn it), read only when the dispute is staged
#: as dissolution.
_CLOSE = frozenset({"close", "closing", "closed", "end", "ending", "finish", "finishing"})
_WELL = frozenset({"properly", "cleanly", "decently", "kindly", "gently"})
_GRIEVE_IT = frozenset({"grieve it", "mourn it", "grieve the relationship", "mourn the relationship", "grieve her",
                        "grieve him", "mourn her", "mourn him"})
_CLOSING_FRAME = Frame("goal:dispute.resolve", (_CLOSE, _WELL))
_GRIEVING_FRAME = Frame("goal:dispute.resolve", (_GRIEVE_IT,))
_DISSOLUTION_FRAMES = (_CLOSING_FRAME, _GRIEVING_FRAME)

#: The frames of wanting ("what you want and who you want in it", "work out what you want"): a dispute's only when
#: the wanting is between two people (see :func:`_own_wants`), else they vote for no area.
_WANTS_TWICE = Frame("strategy:dispute.expectations", (), twice=_WANTS)
_DECIDE_WANT = Frame("goal:dispute.plan", (_DECIDE, _WHAT, _WANT_DO))
_WANT_FRAMES = frozenset({_WANTS_TWICE, _DECIDE_WANT})
#: Who wants ("what you want", "what I want"): the patient, or the patient and the therapist.
_OWN_WANTERS = frozenset({"you", "i", "we"})
#: Words right after a want that make it wanting from or with someone ("what you want from him", "what you want for
#: the marriage", "what you want from each other"; not "what you want from your working days").
_PARTY_WORDS = frozenset({"him", "her", "them", "each", "both", "other", "marriage", "relationship", "together",
                          "us"})
_PARTY_REACH = 5
_WANT_ADVERBS = frozenset({"really", "still", "truly"})


def _own_wants(tokens: list[str]) -> bool:
    """Every want of the sentence is the patient's own, for no one else ("work out what you want this new chapter to
    look like and who you want in it"): the wanting of a transition or of any plan, not a dispute's expectations
    ("what you want and what Tom wants", "what you want from him")."""
    for k, t in enumerate(tokens):
        if t not in _WANTS:
            continue
        if not ((k >= 1 and tokens[k - 1] in _OWN_WANTERS)
                or (k >= 2 and tokens[k - 2] in _OWN_WANTERS and tokens[k - 1] in _WANT_ADVERBS)):
            return False  # "what Tom wants", "what they both want"
        if not _PARTY_WORDS.isdisjoint(tokens[k + 1:k + 1 + _PARTY_REACH]):
            return False  # "what you want from him"
    return True


#: A death felt ("let herself feel Silvia's death", "be sad about his dying"): mourning, in the words of the loss
#: itself rather than of what was lost.
_DEATH = frozenset({"death", "died", "dying"})
_FEEL_ANY = _FEEL | _FEELINGS
#: Letting the dead go ("so that she can let him go as he really was"; a name of the case's dead reads as "him").
_LET_GO = frozenset({"let him", "let her"})
_GO = frozenset({"go"})
#: The relationship with the dead told whole ("the marriage as it really was", "the whole story of their years"):
#: its reconstruction, good and bad.
_AS_IT_WAS = frozenset({"really", "whole", "honestly", "truly", "story", "detail", "picture", "fuller", "full",
                        "balanced"})
_BOND = frozenset({"marriage", "relationship", "friendship", "years", "partnership"})
#: The old friendships looked back on ("go back over the friendships he has had", "look back at how those contacts
#: ended"): past relationships reviewed for what repeats.
_LOOK_BACK = frozenset({"back over", "back at", "back on", "look back", "looking back", "history", "past", "earlier",
                        "previous"})
_TIES = frozenset({"friendships", "relationships", "contacts", "friendship", "friends", "attempts"})
#: The sessions themselves as the sample ("notice how he is with me", "use our own sessions"): the therapeutic
#: relationship, in the words of the room.
_USE_NOTICE = frozenset({"use", "using", "notice", "noticing", "watch", "see"})
_THE_ROOM = frozenset({"with me", "our own", "in the room", "between us"})
#: Contact begun in small steps ("starting small", "step by step", "bit by bit"), whoever it is with in the sentence.
_GRADUAL = frozenset({"starting small", "start small", "step by", "bit by", "little by", "small steps", "one step",
                      "small step"})
_WITH_SOMEONE = _CONTACT | frozenset({"conversations", "conversation", "lunch", "walk", "walking", "friend",
                                      "friends", "invitation", "invitations"})
#: Practising the hard parts of the new role ("practise the hard parts of the job", "learn the parts of dispatch he
#: dislikes"): the new role's skills.
_REHEARSE = frozenset({"practise", "practice", "practising", "practicing", "rehearse", "rehearsing", "learn",
                       "learning", "master", "mastering"})
_ROLE_PARTS = frozenset({"job", "jobs", "task", "tasks", "duties", "post", "position", "parts",
                         "demands"})

#: Crying or grieving for someone ("let her cry for him", "grieve for her"; a name of the case's dead reads as "him"):
#: mourning a person, in the words of the act (the person after the verb: "time for her to cry" is the patient's).
_WEEP = frozenset({"cry", "crying", "weep", "weeping", "grieve", "grieving", "mourn", "mourning"})
_FOR_THEM = frozenset({"for him", "for her"})

_CRY_FOR = Frame("goal:grief.mourn", (_WEEP, _FOR_THEM), ordered=True, reach=1)
#: Looking for people or a group ("look hard for people he could meet", "search for a club near the flat"): a new
#: network of support, in the words of the search.
_SEEK = frozenset({"look", "looking", "search", "searching", "seek", "seeking", "hunt"})
_FOR = frozenset({"for"})
_SOUGHT = _SUPPORT | _GROUPS
#: Something worth doing ("find something useful to do here", "something meaningful to do with his days"): a task
#: of the new life that restores the self-esteem mastery brings.
_WORTH_DOING = _MATTER | frozenset({"meaningful", "purposeful"})
_TO_DO = frozenset({"to do", "to be"})
#: A life built again ("help her build a life as a single woman", "rebuild his life here"): the new role seen as it
#: can be, in the words of the building (not "make her life easier").
_BUILD_AGAIN = frozenset({"build", "rebuild", "building", "rebuilding", "create"})
_LIFE = frozenset({"life"})

FRAMES: tuple[Frame, ...] = (
    Frame("goal:grief.mourn", (_FEEL_ANY, _DEATH)),
    _CRY_FOR,
    Frame("strategy:transition.new_support", (_SEEK, _FOR, _SOUGHT), votes=False, ordered=True, reach=3),
    Frame("goal:transition.mastery", (_THINGS, _WORTH_DOING, _TO_DO), votes=False, ordered=True, reach=2),
    Frame("goal:transition.realistic_new", (_BUILD_AGAIN, _LIFE), votes=False, ordered=True, reach=2),
    Frame("goal:grief.mourn", (_LET_GO, _GO), ordered=True),
    Frame("strategy:grief.reconstruct", (_AS_IT_WAS, _BOND)),
    Frame("strategy:deficits.past_relationships", (_LOOK_BACK, _TIES)),
    Frame("strategy:deficits.therapeutic_relationship", (_USE_NOTICE, _THE_ROOM), ordered=True),
    Frame("strategy:deficits.graded_contact", (_GRADUAL, _WITH_SOMEONE), reach=14),
    Frame("strategy:transition.new_skills", (_REHEARSE, _ROLE_PARTS), votes=False),
    Frame("goal:transition.mourn_old", (_FEELINGS, _LOST)),
    Frame("goal:transition.mourn_old", (_WORK_ON, _A_LOSS), reach=3),
    Frame("goal:grief.mourn", (_WORK_ON, _A_LOSS), reach=3),
    Frame("strategy:general.encourage_affect", (_ACCOMPANY, _THROUGH, _AFFECTS), ordered=True, reach=4),
    Frame("strategy:transition.feelings_about_change", (_FEELINGS, _LOST)),
    Frame("strategy:transition.review_old_new", (_LOST, _GAINED), reach=8),
    Frame("goal:transition.realistic_new", (_LOST, _GAINED), reach=8),
    Frame("strategy:transition.new_support", (_GET, _SUPPORT), votes=False),
    *_COMPANY_FRAMES,
    _BACK_AMONG_FRAME,
    Frame("strategy:transition.new_support", (_WHO, _WANT_WHO), votes=False, ordered=True, reach=2),
    Frame("strategy:transition.new_skills", (_LEARN, _SKILLS), votes=False),
    Frame("strategy:transition.new_skills", (_TAKE_UP, _MEANS), votes=False, ordered=True, reach=5),
    Frame("strategy:transition.feelings_about_change", (_TALK_OF, _LOST)),
    Frame("strategy:transition.feelings_about_change", (_TALK_OF, _FEEL), votes=False),
    Frame("strategy:transition.review_old_new", (_UPSIDE, _JOINED, _DOWNSIDE), votes=False),
    Frame("strategy:transition.new_skills", (_PRACTISE, _HOW), votes=False),
    Frame("strategy:transition.new_skills", (_LEARN, _PRACTICAL), votes=False),
    Frame("goal:grief.mourn", (_FEELINGS, _LOST)),
    Frame("goal:grief.mourn", (_TALK_OF, _ABOUT_THEM)),
    Frame("goal:grief.mourn", (_FEELINGS, _ABOUT_THEM)),
    Frame("strategy:grief.reconstruct", (_TALK_OF, _ABOUT_THEM)),
    Frame("strategy:grief.reconstruct", (_UPSIDE, _JOINED, _DOWNSIDE), votes=False),
    Frame("goal:grief.reinvest", (_RETURN, _PASTIMES), votes=False),
    Frame("strategy:grief.events_of_death", (_WHEN, _THE_DEATH), votes=False, ordered=True),
    Frame("goal:transition.realistic_new", (_SEE, _GOOD, _CLAUSE_WORDS_NEW)),
    Frame("goal:transition.realistic_new", (_WHAT_MAY_BE, _MAY, _SHAPE), votes=False, ordered=True,
          reach=_SUBJECT_REACH),
    *_LIFE_MAY_BE,
    _MAY_GIVE,
    Frame("goal:transition.realistic_new", (_VIEW, _AS_IT_IS), votes=False),
    Frame("goal:transition.realistic_new", (_FIND_BUILD, _NEW, _NEW_LIFE), votes=False, ordered=True, reach=3),
    Frame("goal:transition.mastery", (_THINGS, _GOOD_AT, _AT_ONLY), votes=False, ordered=True, reach=5),
    Frame("goal:transition.mastery", (_MATTER, _AGAIN_ONLY), votes=False, ordered=True, reach=2),
    Frame("strategy:transition.new_support", (_GO_INTO, _GROUPS), votes=False, ordered=True, reach=6),
    Frame("goal:transition.mourn_old", (_ACCEPT, _OLD_OVER), votes=False, ordered=True, reach=4),
    Frame("goal:transition.mastery", (_BETTER, _AT, _TASK)),
    Frame("goal:transition.mastery", (_SURER, _WITH_AS, _TASK), votes=False),
    _SURE_OF_SELF,
    Frame("goal:deficits.new_relationships", (_BUILD, _PEOPLE)),
    Frame("goal:deficits.new_relationships", (_GAIN_SOME, _A_FEW, _PEOPLE), ordered=True, reach=4),
    Frame("goal:deficits.reduce_isolation", (_LESS, _ALONE)),
    Frame("goal:deficits.reduce_isolation", (_LESSEN, _ISOLATION), votes=False, ordered=True, reach=3),
    Frame("goal:deficits.reduce_isolation", (_MORE, _PEOPLE)),
    Frame("strategy:deficits.graded_contact", (_SMALL, _BEGIN, _CONTACT)),
    Frame("strategy:dispute.expectations", (_WANTS, _EACH)),
    _WANTS_TWICE,
    Frame("goal:dispute.resolve", (_TALK, _AGAIN)),
    Frame("goal:dispute.resolve", (_ARGUE, _WAY)),
    Frame("goal:dispute.resolve", (_REACH_TO, _RESOLUTION)),
    Frame("goal:dispute.resolve", (_MEND, _RIFT)),
    Frame("goal:dispute.plan", (_BRING, _INTO_OPEN)),
    _ENDING_FRAME,
    _CLOSING_FRAME,
    _GRIEVING_FRAME,
    Frame("strategy:general.communication_analysis", (_EXCHANGE, _DETAIL)),
    Frame("strategy:general.communication_analysis", (_HOW_WHERE, _EXCHANGES, _DERAIL)),
    _TALK_LOOK,
    _CONNECTED,
    _DECIDE_WANT,
    Frame("goal:dispute.plan", (_SETTLE, _PLAN_NOUN), votes=False),
    Frame("goal:dispute.plan", (_REACH_TO, _DECISION)),
    Frame("strategy:dispute.patterns", (_HOW_WHAT, _KEEPS, _GOING)),
    Frame("strategy:dispute.options", (_CHOICES,)),
    Frame("strategy:dispute.options", (_OTHER, _WAYS)),
    Frame("goal:dispute.plan", (_RAISE, _AGAIN)),
    Frame("goal:dispute.identify", (_EXPLICIT, _QUARREL)),
    Frame("goal:dispute.plan", (_DECIDE, _NEXT_STEP)),
    Frame("goal:dispute.plan", (_DECIDE, _HOW, _TO_ACT), votes=False, ordered=True, reach=3),
    Frame("goal:dispute.resolve", (_TALK, _WITHOUT, _ARGUE)),
    Frame("goal:dispute.resolve", (_ON_TRACK, _BETWEEN)),
    Frame("goal:dispute.resolve", (_CHANGE, _HOW_WAY, _SPEAK), ordered=True),
)

#: Words that make a sentence a plan: the writer's intent, a heading, or "help".
PLAN_WORDS = feature(frozenset({
    "us", "suggest", "propose", "help", "helping", "would", "will", "should", "d", "ll", "want", "aim", "aims", "goal",
    "goals", "plan", "strategy", "strategies", "treatment", "let", "together", "going", "hope", "then", "work",
    "working", "focus",
}))
CONCEPT_AREA: dict[str, ProblemArea | None] = {
    **{f"goal:{k}": c.area for k, c in GOALS.items()}, **{f"strategy:{k}": c.area for k, c in STRATEGIES.items()}}
_EVERY_WORD = frozenset().union(*(c for f in FRAMES for c in (*f.classes, f.twice)))
#: Concepts whose frame is shared with a concept of another area ("sad about losing" is mourning a death or an old
#: role): they say nothing about which area the plan serves.
_SHARED = frozenset(f.concept for f in FRAMES for g in FRAMES if f.classes and f.classes == g.classes and f.votes
                    and g.votes and CONCEPT_AREA.get(f.concept) != CONCEPT_AREA.get(g.concept))


#: Headings of a plan's list, its items (short clauses that do not begin with a subject: "settle on a plan").
_HEADINGS = frozenset({"goal", "goals", "aim", "aims", "plan", "strategy", "strategies", "treatment", "work", "g", "s",
                       "tx"})
_SUBJECTS = frozenset({"he", "she", "they", "i", "it", "this", "there", "we", "you"})
_LIST_ITEMS = 5
_ITEM_WORDS = 14
#: An offer said to the patient is a plan too ("we can think about the choir", "we could look at ...").
_OFFERS = feature(frozenset({"can", "could", "might", "may", "shall"}))
_WE = feature(frozenset({"we"}))
#: A clause that goes on with the list of the one before ("..., and later to make contact again with Paula").
_GOING_ON = feature(frozenset({"and", "then", "later", "also", "after", "afterwards", "next", "once"}))


def plan_sentences(prepared: Clauses, words: AnswerWords | None = None) -> list[int]:
    """Clauses that state a plan (a plan word, or an offer: "we can ..."), the clause after a short heading
    ("Goals:", "Plan:"), and the clauses that go on with a plan's list ("and later ..."); ``words``: the answer's
    table of words, when the caller has it."""
    if words is None:
        words = AnswerWords(prepared)
    elif words.clauses is prepared and "plan_sentences" in words.derived:
        return list(words.derived["plan_sentences"])  # asked by several readers of one answer
    found = _plan_sentences(prepared, words)
    if words.clauses is prepared:
        words.derived["plan_sentences"] = tuple(found)
    return found


def plan_and_items(prepared: Clauses, words: AnswerWords | None = None) -> list[int]:
    """The plan sentences and the items of their lists, each its own sentence after the plan (see
    :func:`_list_items`): read for the work a plan names, not for the area it argues (an item list says what will be
    done, and the area was chosen by the sentences around it)."""
    planned = plan_sentences(prepared, words)
    if words is None:
        words = AnswerWords(prepared)
    items = set(planned)
    if words.has_any(_WORK_AFTER_WRITER):
        # "we talk about ...", "I go over ...": a plan said without its helper verb
        items.update(helper_dropped(prepared, words.with_any(_WRITERS)))
    for c in sorted(items):
        items.update(_list_items(prepared, c + 1))
    return sorted(items) if len(items) > len(planned) else planned


def _plan_sentences(prepared: Clauses, words: AnswerWords) -> list[int]:
    stating = words.with_any(PLAN_WORDS)
    if words.has_any(_SESSIONS) or words.has_any(_NEED):
        stating = sorted(set(stating).union(
            (c for c in words.with_any(_SESSIONS) if not _IN_SESSIONS.isdisjoint(_pairs(prepared[c]))),
            (c for c in words.with_any(_NEED) if not _NEEDS_TO.isdisjoint(_pairs(prepared[c])))))
    if words.has_any(_WE) and words.has_any(_OFFERS):
        offers = set(words.with_any(_WE)).intersection(words.with_any(_OFFERS))
        stating = sorted(offers.union(stating))
    found = []
    for c in stating:
        tokens = prepared[c]
        found.append(c)
        # "Goals: ..." or "we will work on that together: finding small ways to ...", or the topics it lists
        # ("we spend our sessions on the situation with Beatriz: what you each expect of the other, ...")
        following = prepared[c + 1] if c + 1 < len(prepared) else []
        if following and (len(tokens) <= 2 or following[0].endswith("ing") or following[0] == "to"
                          or (following[0] in _TOPICS and following[-1] != QUESTION)):
            found.append(c + 1)
        if len(tokens) <= 2 and not _HEADINGS.isdisjoint(tokens):
            # the items of a heading's list ("Goals: clarify the dispute; settle on a plan; reach a resolution")
            for k in range(c + 2, min(c + 1 + _LIST_ITEMS, len(prepared))):
                item = prepared[k]
                if not item or len(item) > _ITEM_WORDS or item[0] in _SUBJECTS or (
                        len(item) <= 2 and not _HEADINGS.isdisjoint(item)):
                    break  # a sentence about someone, or the next heading
                found.append(k)
    if found and words.has_any(_PLAN_VERBS):
        found += _plan_continued(prepared, found, words.with_any(_PLAN_VERBS))
    if found and words.has_any(_GOING_ON):
        planned = set(found)
        for c in words.with_any(_GOING_ON):
            if c - 1 in planned and prepared[c][0] in _GOING_ON:
                planned.add(c)  # the clauses run in text order, so a chain of them is followed
        found = list(planned)
    return sorted(set(found))


#: Verbs that open the next item of a plan's list after a break in the sentence ("I would help him put words to what
#: driving gave him (and whether he could go back), practise the hard parts of the job, and ..."): the work goes on.
_PLAN_VERBS = feature(frozenset({
    "practise", "practice", "rehearse", "learn", "look", "talk", "tell", "go", "find", "get", "build", "rebuild", "try",
    "use", "weigh", "explore", "review", "name", "bring", "make", "let", "take", "notice", "allow", "give", "start",
    "begin", "reconnect", "return", "think", "decide", "see", "spell", "grieve", "mourn", "work", "say", "feel", "face",
    "visit", "open", "sort", "clear", "plan", "meet", "join", "ask", "accept", "remember", "reach", "mend", "repair",
}))
#: Words of a clause that plans the sessions without a helper verb ("In our sessions he can be angry ...", "she needs
#: to let herself feel his death", "what she needs is room for ..."): a plan when one of them comes with a word of
#: the work's place or need.
_SESSIONS = feature(frozenset({"sessions", "therapy"}))
_IN_SESSIONS = frozenset({"our sessions", "the sessions", "these sessions", "in sessions", "in therapy"})
_NEEDS_TO = frozenset({"needs to", "need to", "needs is", "need is", "needs room", "need room", "needs time",
                       "need time"})
_NEED = feature(frozenset({"needs", "need"}))


#: The fewest words of a clause that a plan's list goes on after.
_PHRASE = 3


def _plan_continued(prepared: Clauses, found: list[int], candidates: list[int]) -> list[int]:
    """Clauses that go on with a plan clause's list after a break (a bracket, a colon): a clause that opens with a
    verb of the plan's work right after a plan clause, or after one short aside that follows it. ``candidates``:
    the clauses with such a verb, in text order."""
    planned = set(found)
    more = []
    for c in candidates:
        if not c or c in planned or prepared[c][0] not in _PLAN_VERBS:
            continue
        if len(prepared[c - 1]) < _PHRASE:
            continue  # a fragment cut off by an abbreviation ("at 4 a.m., notice ..."): no sentence goes on
        if c - 1 in planned or (c >= 2 and c - 2 in planned and len(prepared[c - 1]) <= _ITEM_WORDS):
            planned.add(c)
            more.append(c)
    return more


#: The items of a plan's list, each its own sentence after the plan ("What we'll work on: saying goodbye ...;
#: getting an honest picture of life with MS; staying connected with the coaches", "Here is what I suggest.
#: Making room to miss the shop. Looking at the carer's role as it actually is."): clauses that begin as the items of
#: a list do, with a gerund, "to", a verb of the plan's work (:data:`_PLAN_VERBS`, which also go on with a plan
#: sentence by themselves) or a topic word, not with a subject that tells the story. They are read for the work the
#: plan names, not for the area it argues (:func:`plan_and_items`).
_NOT_GERUNDS = frozenset({"nothing", "something", "everything", "anything", "during", "morning", "evening",
                          "thing", "king", "spring", "sing", "ring", "bring"})
_ITEM_OPENERS = frozenset({"and", "then", "also", "finally", "lastly", "later", "next", "first", "second", "third"})
_MAX_ITEM_WORDS = 30
_ASIDE_WORDS = 16


def _list_item(tokens: list[str]) -> bool:
    """Whether a clause begins as an item of a plan's list does (see :func:`_list_items`)."""
    k = 0
    while k < len(tokens) - 1 and tokens[k] in _ITEM_OPENERS:
        k += 1
    if not tokens or len(tokens) > _MAX_ITEM_WORDS:
        return False
    first = tokens[k]
    return (first in _PLAN_VERBS or first == "to" or (first in _TOPICS and tokens[-1] != QUESTION)
            or (first.endswith("ing") and len(first) > 4 and first not in _NOT_GERUNDS))


def _list_items(prepared: Clauses, start: int) -> list[int]:
    """The clauses from ``start`` on that make the list of the plan sentence before them (at most
    :data:`_LIST_ITEMS` items, each one a clause or two)."""
    items: list[int] = []
    k = start
    while k < len(prepared) and len(items) < 2 * _LIST_ITEMS:
        if _list_item(prepared[k]):
            items.append(k)
        elif not (items and len(prepared[k]) <= _ASIDE_WORDS and k + 1 < len(prepared)
                  and _list_item(prepared[k + 1])):
            break  # an aside between two items ("(that is not loving books more than your husband)") is passed over
        k += 1
    return items


#: Words that open a topic of the plan's list ("what you each expect", "how you might say it", "whether ...").
_TOPICS = frozenset({"what", "how", "whether", "who", "why"})
_REACH = 6
#: A plan concept weighs half an event: the plan confirms the area the events argue for, it rarely decides alone.
VOTE = 0.5


def _pairs(tokens: list[str]) -> list[str]:
    """Each word with the next one ("about him"), at the first word's position."""
    return [f"{a} {b}" for a, b in pairwise(tokens)]


def _present(tokens: list[str], frame: Frame, pairs: list[str]) -> bool:
    """Whether the sentence has a word of each class of ``frame`` within a few words of each other (or two words of
    its ``twice`` class): "make a few friends", not "making space ... your closest friend" twenty words apart.
    ``pairs`` are the sentence's word pairs (:func:`_pairs`)."""
    if frame.twice:
        return sum(t in frame.twice for t in tokens) >= 2
    if any(words.isdisjoint(tokens) and words.isdisjoint(pairs) for words in frame.classes):
        return False
    positions = [[k for k, t in enumerate(tokens) if t in words] or
                 [k for k, t in enumerate(pairs) if t in words] for words in frame.classes]
    if frame.ordered:
        return _in_order(positions, frame.reach)
    reach = frame.reach
    return any(all(any(abs(p - q) <= reach for q in others) for others in positions[1:]) for p in positions[0])


#: What "her" may own ("talk about her feelings", "about her job"): a possessive, not the person talked about.
_HERS = _AFFECTS | frozenset({"feelings", "emotions", "mood", "sleep", "life", "own", "job", "work", "fears",
                              "worries", "thoughts", "symptoms", "depression"})


def _her_own(tokens: list[str]) -> bool:
    """Whether every "about her" or "of her" of ``tokens`` is followed by a thing of hers ("about her feelings")."""
    return all(tokens[k + 2:k + 3] and tokens[k + 2] in _HERS for k in range(len(tokens) - 1)
               if tokens[k] in ("about", "of") and tokens[k + 1] == "her") and "him" not in tokens


def _connected(tokens: list[str]) -> bool:
    """Whether a "connect her" of ``tokens`` goes on to someone ("connect her with", "link him to", "... up with")."""
    return any(f"{tokens[k]} {tokens[k + 1]}" in _CONNECT_SOMEONE and tokens[k + 2] in _WITH_TO
               for k in range(len(tokens) - 2))


def _no_company(tokens: list[str], frame: Frame) -> bool:
    """Whether ``frame`` (a company frame) reads only people already there ("the people around him") or lacking (a
    word of lack or loss within three words before them): without those, the sentence no longer has it ("people to
    talk to beyond the family" keeps its people)."""
    kept = [("" if t in _COMPANIONS and (tokens[k - 1:k] == ["the"] or not _LACKING.isdisjoint(tokens[max(0, k - 3):k]))
             else t) for k, t in enumerate(tokens)]
    return kept != tokens and not _present(kept, frame, _pairs(kept))


def _left_by_them(tokens: list[str], pairs: list[str]) -> bool:
    """Whether the sentence's loss is more than a bare "left": another word of loss, or "left" after its subject
    ("what she left", "the life they left"), not "left the ceremony to Thao" nor "left alone"."""
    return not _LOST.isdisjoint(pairs) or any(t in _LOST and (t != "left" or (k and tokens[k - 1] in _LEFT_BY))
                                              for k, t in enumerate(tokens))


_MUST = frozenset({"need", "needs"})


#: Words that point back to what the sentence before told ("be sad about it", "how he feels about all that").
_POINTING = frozenset({"it", "that", "this", "all"})
#: The feelings and talk whose object may point back: "sad about it", "talk about all that".
_ABOUT_FEELING = _FEELINGS | _FEEL | _TALK_OF


def _loss_pointed_back(tokens: list[str], before: list[str]) -> list[str] | None:
    """``tokens`` with "it" (or "that", "this", "all that") after a feeling's "about" read as the loss the sentence
    before told ("he misses his old life ... he needs room to be upset about it": upset about losing it), when the
    sentence before tells one (a word of loss, "left" after its subject); None when nothing points back to a loss."""
    if _LOST.isdisjoint(before) or not _left_by_them(before, []):
        return None
    for k, t in enumerate(tokens[:-1]):
        if (t == "about" and tokens[k + 1] in _POINTING and not _ABOUT_FEELING.isdisjoint(tokens[max(0, k - 4):k])
                and tokens[k + 2:k + 3] != ["is"]):
            return [*tokens[:k + 1], "losing", *tokens[k + 2:]]
    return None


_HAVERS = frozenset({"she", "he", "they", "you", "we"})


def _what_was_had(tokens: list[str]) -> list[str] | None:
    """``tokens`` with "what she had" read as what she lost ("let her mourn what she had", "grieve what you had
    there"); None when no "what ... had" is a thing once had ("what he had to do", "what she had said")."""
    for k, t in enumerate(tokens):
        if (t == "had" and k >= 2 and tokens[k - 1] in _HAVERS and tokens[k - 2] == "what"
                and not (tokens[k + 1:k + 2] and (tokens[k + 1] == "to" or tokens[k + 1].endswith(("ed", "en"))))):
            return [*tokens[:k], "lost", *tokens[k + 1:]]
    return None


def _only_must(tokens: list[str]) -> bool:
    """Whether every word of wanting in ``tokens`` is a "need to" ("they both need to calm down")."""
    return all(t in _MUST and tokens[k + 1:k + 2] == ["to"] for k, t in enumerate(tokens) if t in _WANTS)


def _talk_looked_at(tokens: list[str]) -> bool:
    """Whether a "how" opens the way they talk or argue ("how the two of them talk in their arguments"), not how
    often or how much ("how often they argue"), how one of them feels or thinks about it, or how it began."""
    for k, t in enumerate(tokens[:-1]):
        if t != "how" or tokens[k + 1] in _HOW_MUCH:
            continue
        window = tokens[k + 1:k + 1 + _TALK_LOOK.reach]
        end = next((j for j, w in enumerate(window) if w in _TALK_WAYS), None)
        after = tokens[k + end + 2:k + end + 3] if end is not None else []
        if end is not None and _NOT_TALK.isdisjoint(window[:end]) and _BEGAN.isdisjoint(after):
            return True
    return False


def _in_order(positions: list[list[int]], reach: int = _REACH) -> bool:
    """Whether a word of each class comes after one of the class before, each within ``reach`` words of the last."""
    ends = positions[0]
    for later in positions[1:]:
        ends = [q for q in later if any(0 < q - p <= reach for p in ends)]
        if not ends:
            return False
    return True


#: Mourning frames: a plan that idealises the lost person or hurries past the loss does not mourn (reference 3.1).
MOURNING = frozenset({"goal:grief.mourn", "goal:transition.mourn_old", "strategy:transition.feelings_about_change"})
_HURRY = frozenset({"saint", "quickly", "forget", "forgetting", "idealise", "idealize"})
_HURRY_PAIRS = frozenset({"move on", "moving on", "less sad", "stop crying", "get over", "getting over", "over it",
                          "stop grieving", "stop being"})
#: one word of each hurrying phrase, to skip answers that have none
_HURRY_WORDS = _HURRY | {"move", "moving", "less", "stop", "over", "only"}
_ONLY_GOOD = frozenset({"happy", "good", "positive", "nice", "best"})


def _person_named(tokens: list[str], people: frozenset[str], dead: frozenset[str] = frozenset()) -> list[str]:
    """``tokens`` with a name of the case, or a possessive before a kin word, read as "him" ("talk about Marek",
    "talk about your brother": talk about him). Where the case names its dead (``dead``), the other people named
    are the living ones the patient can go back to ("back towards Radu and Oana": back to friends), and a kin word
    the dead are not is not read as them ("talk about his son" where the wife died)."""
    named = [("him" if t in people and (not dead or t in dead) else "friends" if t in people else t) for t in tokens]
    for k in range(len(named) - 1):
        if named[k] in _POSSESSIVES and named[k + 1] in _KIN and (not dead or named[k + 1] in dead):
            named[k] = "him"  # (a kin word the dead are not, where the case names them, is one of the living)
    return named


def _hurried(tokens: list[str], pairs: list[str]) -> bool:
    """The sentence idealises the lost person or hurries past the loss ("only the happy times", "the saint he was",
    "move on quickly", "be less sad")."""
    if not _HURRY.isdisjoint(tokens) or not _HURRY_PAIRS.isdisjoint(pairs):
        return True
    return any(t == "only" and not _ONLY_GOOD.isdisjoint(tokens[k + 1:k + 4]) for k, t in enumerate(tokens))


#: The aim a plan's purpose clause states ("... so that you can find your feet as a supervisor", "so that you and
#: Min-ji can share the flat again", "so that you have a friend or two"): each goal needs a word of every class of
#: its entry in the words after "so that", "so you", "so the two of you".
_PURPOSE_NEXT = frozenset({"that", "you", "we", "the", "your", "both", "he", "she", "they"})
_AGREE = frozenset({"agree", "share", "sort", "settle", "peace", "patch", "compromise", "reconcile", "mend", "live"})
_PARTY = frozenset({"both", "two", "each", "her", "him", "them", "other", "together"})
_SURE = frozenset({"sure", "confident", "confidence", "ease", "comfortable", "feet", "capable", "competent", "skilled",
                   "master", "mastery"})
_TERMS = frozenset({"terms", "accept", "accepting", "goodbye"})
_COMPANY = frozenset({"friend", "friends", "friendship", "friendships", "people", "someone", "company", "companion",
                      "relationship", "relationships"})
_HAVE = frozenset({"have", "make", "find", "spend", "meet", "build", "share", "enjoy"})
_LONELY = frozenset({"alone", "lonely", "isolated", "cut"})
_FEWER = frozenset({"less", "fewer", "longer"})
_PURPOSES: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("goal:dispute.resolve", (_AGREE, _PARTY)),
    ("goal:transition.mastery", (_SURE,)),
    ("goal:transition.mourn_old", (_TERMS,)),
    ("goal:grief.mourn", (_TERMS,)),
    ("goal:deficits.new_relationships", (_COMPANY, _HAVE)),
    ("goal:deficits.reduce_isolation", (_LONELY, _FEWER)),
)


#: The verbs of the work a purpose clause can be the aim of ("we will talk about what you miss from driving, so you
#: can ..."): a plan's verbs, not meeting or coming to sessions.
_WORK_VERBS = _PLAN_VERBS - frozenset({"meet", "go", "get", "take", "give", "start", "begin", "make", "see"})


def _purpose_start(tokens: list[str]) -> int | None:
    """Where the purpose clause of a sentence begins ("... so that you can ..."), if it has one."""
    return next((k + 1 for k, t in enumerate(tokens[:-1]) if t == "so" and tokens[k + 1] in _PURPOSE_NEXT), None)


def _purposed(tokens: list[str], areas: set[ProblemArea], people: frozenset[str]) -> set[str]:
    """The goals of ``areas`` that the purpose clause of a plan sentence states (see :data:`_PURPOSES`); a name of
    the case in it is the other party ("so that you and Min-ji can share the flat again")."""
    start = _purpose_start(tokens)
    if start is None or _WORK_VERBS.isdisjoint(tokens[:start - 1]):
        return set()  # (an aim is the aim of the work the sentence plans: "we will meet for twelve weeks so that
        # you can feel more at ease" plans meetings, and its aim is no goal of any area)
    aim = set(tokens[start:])
    if people and not people.isdisjoint(aim):
        aim.add("other")
    return {concept for concept, classes in _PURPOSES if CONCEPT_AREA[concept] in areas
            and all(not c.isdisjoint(aim) for c in classes)}


def plain_plan_concepts(prepared: Clauses, areas: set[ProblemArea], *, ending: bool = True,
                        words: AnswerWords | None = None, voting: bool = False,
                        people: frozenset[str] = frozenset(), dead: frozenset[str] = frozenset(),
                        own: dict[str, str] | None = None) -> set[str]:
    """Goals and strategies (``"goal:..."``, ``"strategy:..."``) that plain-language plan sentences name, for
    concepts of ``areas`` and general ones. Without ``ending`` (the dispute is not staged as dissolution), a plan to
    end the relationship is not its resolution; a sentence that idealises or hurries past a loss mourns nothing.
    With ``voting``, only the frames whose words say which area the plan serves. ``people``: the case's names
    (lower case); a name, or a kin word after a possessive, is the person the plan talks about ("talk about
    Marek", "talk about your brother"); ``dead``: the words of the names of the case's dead, where it names them
    (the other people named are the living, whom the patient goes back to); ``own``: the case's own words for what
    the frames' common words name (its pastimes: "activities"; how its death happened: "death"; see
    :mod:`~ipt_training.scoring.case_plan_words`)."""
    found: set[str] = set()
    if not areas:
        return found
    anchored = _frames_anchored(frozenset(areas))
    if words is None:
        words = AnswerWords(prepared)
    # Other forms of the frames' words are the same words ("what each of you was hoping for": hopes)
    variants = _variants(words)
    table = words.clauses
    planned = (plan_sentences if voting else plan_and_items)(prepared, words)
    sentences: Iterable[tuple[int, list[str]]] = ((c, prepared[c]) for c in planned)
    if not voting and (items := item_readings(prepared, [c for c in planned if not refused(prepared[c])])):
        # each item of a plan's list with the verb that governs it ("talk about ... what you miss"), as a sentence
        # of its own (numbered -1: no clause of the answer); never read for the votes
        sentences = chain(sentences, ((-1, item) for item in items))
    retold = bool(dead) and ProblemArea.GRIEF in areas and not voting
    for c, tokens in sentences:
        if refused(tokens):
            continue  # "I would not talk about what she has lost": the work named is the work refused
        if retold and _RECONSTRUCT not in found and not _RETELL.isdisjoint(tokens) and (
                not dead.isdisjoint(tokens) or not _WAS.isdisjoint(tokens)) and _dead_retold(tokens, dead):
            found.add(_RECONSTRUCT)  # "explore his relationship with Fatma", "talk about who Yolande was to her"
        if voting and (cut := denied_tail(tokens)) is not None:
            tokens = tokens[:cut]  # "I'd see the withdrawal as part of that, not as a problem with making friends"
        if not voting and c >= 0 and "so" in tokens:
            found |= _purposed(tokens, areas, people)  # "... so that you can feel sure of yourself at the desk"
        if own and not own.keys().isdisjoint(tokens):
            tokens = [own.get(t, t) for t in tokens]  # "take the fiddle down again": "take the activities ..."
            if variants and not variants.keys().isdisjoint(tokens):
                tokens = [variants.get(t, t) for t in tokens]
        elif variants and not variants.keys().isdisjoint(tokens):
            tokens = [variants.get(t, t) for t in tokens]
        elif (c >= len(table) or _EVERY_WORD.isdisjoint(table[c])) if c >= 0 else _EVERY_WORD.isdisjoint(tokens):
            continue  # no word of any frame
        if (people and not people.isdisjoint(tokens)) or not _KIN.isdisjoint(tokens):
            tokens = _person_named(tokens, people, dead)
        if "had" in tokens and (had := _what_was_had(tokens)) is not None:
            tokens = had  # "let her mourn what she had": what she lost
        if c > 0 and "about" in tokens and (back := _loss_pointed_back(tokens, prepared[c - 1])) is not None:
            tokens = back  # "he needs room to be upset about it", after "he misses his old life": upset about losing
        # Word pairs only where one can count ("about him", "move on"): the others read no pair.
        pairs = _pairs(tokens) if not _PAIR_FIRSTS.isdisjoint(tokens) else []
        # The word classes the sentence has a word (or word pair) of: a frame needs one of each of its classes.
        have = set(chain.from_iterable(map(_CLASSES_OF.get, chain(tokens, pairs), repeat(()))))
        hurried = None
        # (only the frames anchored at a class the sentence has can have all of theirs)
        for frame, needs in chain.from_iterable(map(anchored.get, have, repeat(()))):
            if not needs <= have or frame.concept in found or (not ending and (
                    frame is _ENDING_FRAME or frame in _DISSOLUTION_FRAMES)) or (
                    voting and not frame.votes) or not _present(tokens, frame, pairs) or (
                    voting and frame in _WANT_FRAMES and _own_wants(tokens)):
                continue  # a word class missing (most frames of most sentences), or not this reading's frame
            if (frame.concept == _REINVEST or frame is _BACK_AMONG_FRAME) and _only_looking_back(tokens):
                continue  # "look back at the friendships he has had" reviews them; it goes back to nothing
            if frame.classes[-1:] == (_A_LOSS,) and _bodily_loss(tokens):
                continue  # "work on the weight loss with the GP" mourns nothing
            if frame is _SURE_OF_SELF and _purpose_start(tokens) is not None:
                continue
            if frame is _MAY_GIVE and _given_away(tokens):
                continue  # "what the family could give up" asks what is lost, not what the new life offers
            if frame is _TALK_LOOK and not _talk_looked_at(tokens):
                continue
            if _ABOUT_THEM in frame.classes and _her_own(tokens):
                continue  # "talk about her feelings": the patient's own, not a person she talks about
            if frame is _CONNECTED and not _connected(tokens):
                continue  # "connect her mood to the move" links the onset; it connects her with nobody
            if frame in _COMPANY_FRAMES and _no_company(tokens, frame):
                continue  # "he has no friends to turn to" says what he lacks; it brings him nobody
            if _LOST in frame.classes and not _left_by_them(tokens, pairs):
                continue
            if frame.classes[:1] == (_WANTS,) and _only_must(tokens):
                continue  # "they both need to calm down" says what they must do, not what each expects
            if frame.concept in MOURNING:
                if hurried is None:
                    hurried = _hurried(tokens, pairs)
                if hurried:
                    continue
            found.add(frame.concept)
    if found and not voting and _every_area_planned(prepared, words):
        return set()  # the work of every area in plain words: a plan for none of them
    return found


#: The plan's verbs of going over someone's story ("explore", "talk", "go over", "look at", "tell"): with the dead
#: named after them, the relationship with the dead reconstructed (:func:`_dead_retold`).
_RETELL = frozenset({"explore", "exploring", "talk", "talking", "speak", "speaking", "discuss", "discussing", "review",
                     "reviewing", "tell", "telling", "go", "going", "look", "looking", "remember", "remembering",
                     "understand", "understanding", "story", "analyse", "analyze", "reconstruct", "reconstructing"})
_TIE = frozenset({"relationship", "relationships", "relation", "relations", "bond", "marriage", "friendship"})
_WHO_WHAT = frozenset({"who", "what"})
_WAS = frozenset({"was", "were"})
_WAS_NEXT = frozenset({"to", "like", "for", "as", "and", "in", "really"})
_PRONOUNS = frozenset({"he", "she"})
_ARTICLES = frozenset({"the", "his", "her", "your", "their", "my"})
_RETELL_REACH = 8
_RECONSTRUCT = "strategy:grief.reconstruct"


def _dead_retold(tokens: list[str], dead: frozenset[str]) -> bool:
    """Whether a plan sentence goes over the relationship with one of the case's dead (``dead``: the words of their
    names and of what they were to the patient), named after a verb of the plan: the tie to them ("explore his
    relationship with Fatma", "explore rel'ship w/ Fatma", "talk through the relationship with her brother", "talk
    about relation with grand-mother"), the person talked about ("talk about the wife"), or who they were
    ("talking about who Yolande was to her", "what Ricky was like", "who he was to him"). The living named there
    are not the dead ("explore his relationship with his daughter Elif": no reconstruction); what someone was
    doing is no portrait ("what he was doing that night")."""
    n = len(tokens)
    for k, verb in enumerate(tokens):
        if verb not in _RETELL:
            continue
        for j in range(k + 1, min(n, k + 1 + _RETELL_REACH)):
            word = tokens[j]
            if word in _TIE and "with" in tokens[j + 1:j + 3] and not dead.isdisjoint(tokens[j + 2:j + 6]):
                return True
            if word == "about" and j + 1 < n and (tokens[j + 1] in dead or (
                    tokens[j + 1] in _ARTICLES and j + 2 < n and tokens[j + 2] in dead)):
                return True
            if (word in _WHO_WHAT and j + 2 < n and (tokens[j + 1] in dead or tokens[j + 1] in _PRONOUNS)
                    and tokens[j + 2] in _WAS and (j + 3 == n or tokens[j + 3] in _WAS_NEXT)):
                return True
    return False


#: Word pairs that open what a clause sets aside ("..., not as a problem with making friends", "rather than a
#: dispute", "instead of a new circle"): what follows them names no work the plan serves.
_DENYING_PAIRS = frozenset({("not", "as"), ("rather", "than"), ("instead", "of"), ("not", "because")})


def denied_tail(tokens: list[str]) -> int | None:
    """Where the part of a clause it sets aside begins (after at least one word of its own), if it has one."""
    if _DENYING_FIRST.isdisjoint(tokens):
        return None
    return next((k for k in range(1, len(tokens) - 1) if (tokens[k], tokens[k + 1]) in _DENYING_PAIRS), None)


_DENYING_FIRST = frozenset(first for first, _ in _DENYING_PAIRS)


#: A helper verb and "not" before the verb of a plan refuse the work it names ("I would not talk about what she has
#: lost", "we won't look at the past"; "we will not only talk ..." adds to it, and "we will not rush" names no work).
_REFUSING = frozenset({"would", "will", "should", "shall", "do", "does", "can", "could", "must", "rather", "shouldnt",
                       "wont", "wouldnt", "dont"})
_REFUSED_WORK = frozenset({"talk", "look", "explore", "discuss", "focus", "go", "dwell", "revisit", "dig", "work",
                           "spend", "review", "mourn", "grieve"})


def refused(tokens: list[str]) -> bool:
    """Whether a clause refuses the work of a plan: a helper verb, "not" or "never", and a verb of the plan's work
    right after ("I would not talk about what she has lost")."""
    if "not" not in tokens and "never" not in tokens:
        return False
    return any(t in ("not", "never") and 0 < i < len(tokens) - 1 and tokens[i - 1] in _REFUSING
               and tokens[i + 1] in _REFUSED_WORK for i, t in enumerate(tokens))


def _variants(words: AnswerWords) -> dict[str, str]:
    """The answer's words that are other forms of the frames' words, each with the form the frames list (worked out
    once per answer and kept in its table of ``words``: its readers share it; nothing is kept from one answer to the
    next)."""
    found = words.variants
    if found is None:
        vocabulary = words.vocabulary
        forms = map(_form_of, vocabulary)  # (in C: a word with no other form has "", which the filter drops)
        found = words.variants = dict(filter(itemgetter(1), zip(vocabulary, forms, strict=True)))
    return found


@cache
def _form_of(word: str) -> str:
    """The form the frames list for a word that is another form of one of their words ("hoping": "hopes"), else ""
    (a word of the frames, or of a word pair, stays as it is). Kept per word, as :func:`stem` is."""
    if word in _CLASSES_OF or word in _PAIR_WORDS:
        return ""
    return _FORMS.get(stem(word), "")


#: Words that make what follows a contingency ("if it later moves to dissolution", "should it", "in case").
CONTINGENT = frozenset({"if", "unless", "case", "ever", "whether"})
#: "later" alone may tell what happened ("later it moved to dissolution"); with a modal or a present verb it plans
_CONTINGENT_PAIRS = frozenset({"should it", "should they", "should the", "may move", "might move", "could move",
                               "moves to", "move to", "may become", "might become", "turns out", "were to",
                               "may later", "might later", "could later", "later moves", "later becomes",
                               "later turns", "eventually moves", "eventually becomes", "may reach", "might reach",
                               "may turn", "might turn", "may end", "might end", "may go", "might go"})


def contingent(tokens: list[str], end: int) -> bool:
    """Whether the words before position ``end`` of a clause make it a contingency, not an assertion."""
    before = tokens[:end]
    return not CONTINGENT.isdisjoint(before) or not _CONTINGENT_PAIRS.isdisjoint(_pairs(before))


def ending_clauses(prepared: Clauses, matches: list[Match], words: AnswerWords | None = None) -> set[int]:
    """Plan sentences that point toward ending the relationship, not as a contingency: the ending frame ("leave her
    in a way he can live with") or a resolution phrase that ends it ("end the marriage")."""
    if words is None:
        words = AnswerWords(prepared)
    if not words.has_any(_STEER_OR_ENDING):
        return set()
    plans = set(plan_sentences(prepared, words))
    found = {m.clause for m in matches if m.clause in plans and not m.negated and m.concept == "goal:dispute.resolve"
             and not _ENDING.isdisjoint(prepared[m.clause][m.start:m.end + 1])}
    found.update(c for c in plans - found if _steers(prepared[c]))
    return {c for c in found if not contingent(prepared[c], len(prepared[c]))}


_STEER = frozenset({"end", "ending", "leave", "leaving", "separate", "separating", "divorce", "divorcing"})
_STEER_OR_ENDING = _STEER | _ENDING
_LEAVE_NOUN = frozenset({"maternity", "paternity", "parental", "sick", "annual", "study", "on", "of", "the", "a"})
_ENDED = frozenset({"relationship", "marriage", "partnership", "friendship", "partner", "wife",
                    "husband"})
_DENIED = frozenset({"not", "no", "never", "t", "nt", "neither", "nor", "without", "rather"})
_NOT_ENDED = frozenset({"to", "alone", "be", "out"})  # "leave him to decide", "leave her alone"


def _steers(tokens: list[str]) -> bool:
    """An ending said of the relationship ("leave her", "end it", "end the marriage"), or the ending frame."""
    if _STEER.isdisjoint(tokens):
        return False
    for k, t in enumerate(tokens):
        if t in _STEER:
            after = tokens[k + 1:k + 4]
            if after[:1] == ["of"] or not _DENIED.isdisjoint(tokens[max(0, k - 4):k]) or (
                    k and tokens[k - 1] in _LEAVE_NOUN):
                continue  # "by the end of her sessions", "she does not want to leave the marriage", "on leave"
            if _NOT_ENDED.isdisjoint(after[:2]) and (after[:1] in (["her"], ["him"], ["them"])
                                                     or not _ENDED.isdisjoint(after) or (
                    t.startswith("end") and after[:1] == ["it"]) or t.startswith("divorc")):
                return True
    return _present(tokens, _ENDING_FRAME, _pairs(tokens))


_ABOUT_LOSS = feature(_FEELINGS | _LOST | _TALK_OF | frozenset({"memories", "memory", "times", "him", "her", "death"}))


def hurried_clauses(prepared: Clauses, words: AnswerWords | None = None) -> set[int]:
    """Plan sentences about the loss that idealise the lost person or hurry past the loss."""
    if words is None:
        words = AnswerWords(prepared)
    if not words.has_any(_HURRY_WORDS) or not _hurry_possible(words.vocabulary):
        return set()
    about_loss = words.with_any(_ABOUT_LOSS)
    return {c for c in set(plan_sentences(prepared, words)).intersection(about_loss)
            if _hurried(prepared[c], _pairs(prepared[c]))}


#: The words of each hurrying pair ("move on": "move", "on"), both in a sentence that says it.
_HURRY_PAIR_WORDS = tuple(tuple(pair.split()) for pair in sorted(_HURRY_PAIRS))


def _hurry_possible(vocabulary: frozenset[str]) -> bool:
    """Whether an answer of ``vocabulary`` has what :func:`_hurried` looks for anywhere: a hurrying word, both
    words of a hurrying pair, or "only" and a word of the good times."""
    return (not _HURRY.isdisjoint(vocabulary) or ("only" in vocabulary and not _ONLY_GOOD.isdisjoint(vocabulary))
            or any(first in vocabulary and second in vocabulary for first, second in _HURRY_PAIR_WORDS))


@cache
def _frames_for(areas: frozenset[ProblemArea]) -> tuple[tuple[Frame, frozenset[int]], ...]:
    """The frames of ``areas`` and general ones, each with the word classes it needs (see :data:`_CLASSES_OF`)."""
    return tuple((f, frozenset(_CLASS_IDS[c] for c in (*f.classes, f.twice) if c)) for f in FRAMES
                 if CONCEPT_AREA.get(f.concept) is None or CONCEPT_AREA[f.concept] in areas)


@cache
def _frames_anchored(areas: frozenset[ProblemArea]) -> dict[int, tuple[tuple[Frame, frozenset[int]], ...]]:
    """:func:`_frames_for` by one class each frame needs (its lowest-numbered): a sentence without that class has
    not all of the frame's classes, so its frames are not looked at."""
    anchored: dict[int, list[tuple[Frame, frozenset[int]]]] = {}
    for frame, needs in _frames_for(areas):
        anchored.setdefault(min(needs), []).append((frame, needs))
    return {anchor: tuple(frames) for anchor, frames in anchored.items()}


#: Each word class of the frames numbered, and each word (or word pair) -> the classes it belongs to, so a sentence's
#: classes are found in one pass and a frame missing one is skipped before its positions are looked at.
_CLASS_IDS: dict[frozenset[str], int] = {}
for _frame in FRAMES:
    for _words in (*_frame.classes, _frame.twice):
        if _words:
            _CLASS_IDS.setdefault(_words, len(_CLASS_IDS))
#: The first words of the word pairs that frames and hurrying phrases read.
_PAIR_FIRSTS = frozenset(w.split()[0] for words in (*_CLASS_IDS, _HURRY_PAIRS) for w in words if " " in w)
_CLASSES_OF: dict[str, tuple[int, ...]] = {}
for _words, _id in _CLASS_IDS.items():
    for _word in _words:
        _CLASSES_OF[_word] = (*_CLASSES_OF.get(_word, ()), _id)
#: The stem of each single word of the frames -> that word (the first in alphabetical order where several share
#: it): a form the frames do not list ("hoping", "expectations", "rehearsing") is read as the form they do. A word of
#: a word pair stays as it is ("live with" is no "living with").
_PAIR_WORDS = frozenset(p for words in (*_CLASS_IDS, _HURRY_PAIRS) for w in words if " " in w for p in w.split())
_FORMS: dict[str, str] = {}
for _word in sorted(w for w in _CLASSES_OF if " " not in w and len(w) > 3):
    _FORMS.setdefault(stem(_word), _word)


#: A plan whose plain words name the work of this many areas ("be sad about what you lost", "find out what each of
#: you wants", "make new friends, starting small", "get better at the new role") is a plan for every area, so for
#: none, as a list of three areas' labels is keyword stuffing: its plain frames credit nothing. (Frames whose words
#: serve two areas, and frames that say nothing of the area, count for none.)
EVERY_AREA = 3


def _every_area_planned(prepared: Clauses, words: AnswerWords) -> bool:
    """Whether the plain plan sentences name work of :data:`EVERY_AREA` areas or more (area-specific frames only);
    kept in ``words``. Most answers lack the words for the frames of that many areas at all, and are not read."""
    if words.clauses is prepared and "plain_areas" in words.derived:
        return bool(words.derived["plain_areas"][0])
    every = False
    # (the frames read a word's other forms as the word)
    if _areas_possible(words.vocabulary, frozenset(_variants(words).values())):
        concepts = _voting_concepts(prepared, words) - _SHARED
        every = len({area for c in concepts if (area := CONCEPT_AREA.get(c)) is not None}) >= EVERY_AREA
    if words.clauses is prepared:
        words.derived["plain_areas"] = (int(every),)
    return every


def _witness(words: frozenset[str]) -> frozenset[str]:
    """The tokens of which a plan sentence holds one when it has a word or word pair of ``words``: the word, a pair's
    first word, and where that may be "him", a possessive (which a kin word after it reads as "him")."""
    found = {w.split()[0] for w in words}
    return frozenset(found | _POSSESSIVES if "him" in found else found)


def _areas_possible(vocabulary: frozenset[str], forms: frozenset[str]) -> bool:
    """Whether an answer of ``vocabulary`` (with ``forms``: the frames' words its other forms stand for) has a
    witness of each class of some voting frame (:data:`_AREA_WITNESSES`) in :data:`EVERY_AREA` areas or more; the
    areas with fewest frames are looked at first, and the look stops once the count is reached or can no longer
    be."""
    possible, left = 0, len(_AREA_WITNESSES)
    for frames in _AREA_WITNESSES:
        left -= 1
        for frame in frames:
            for witness in frame:
                if witness.isdisjoint(vocabulary) and witness.isdisjoint(forms):
                    break
            else:
                possible += 1
                break
        if possible >= EVERY_AREA:
            return True
        if possible + left < EVERY_AREA:
            return False
    return False


#: For each area, the voting frames of its own (not shared with another area) as the witnesses of their classes
#: (:func:`_witness`): an answer whose words miss a witness of each class of every such frame of an area cannot name
#: that area's work in plain words (the voting reading reads no people's names). The areas with fewest frames first.
_AREA_WITNESSES = tuple(sorted((
    tuple(tuple(_witness(c) for c in (*f.classes, f.twice) if c) for f in FRAMES
          if f.votes and f.concept not in _SHARED and CONCEPT_AREA.get(f.concept) is area)
    for area in ProblemArea), key=len))


def _voting_concepts(prepared: Clauses, words: AnswerWords | None) -> set[str]:
    """The concepts the plain plan sentences name with every area's voting frames, read once per answer for the
    votes, the mourning and the every-area reading (kept in ``words``; never changed by its readers)."""
    if words is not None and words.clauses is prepared:
        found = words.found.get("voting")
        if found is None:
            found = words.found["voting"] = plain_plan_concepts(prepared, set(ProblemArea), words=words, voting=True)
        return found
    return plain_plan_concepts(prepared, set(ProblemArea), words=words, voting=True)


def plain_plan_votes(prepared: Clauses, words: AnswerWords | None = None) -> dict[ProblemArea, float]:
    """One vote per area-specific concept that plain plan sentences name; concepts whose words serve two areas give
    none."""
    votes: dict[ProblemArea, float] = {}
    for concept in _voting_concepts(prepared, words) - _SHARED:
        area = CONCEPT_AREA.get(concept)
        if area is not None:
            votes[area] = votes.get(area, 0.0) + VOTE
    return votes


def mourning_planned(prepared: Clauses, words: AnswerWords | None = None) -> bool:
    """The plan mourns in plain words that serve a death and an old role alike ("let you say how sad you are about
    it", "talk about what you have lost"): which of the two it is, the answer's events say."""
    return not (_voting_concepts(prepared, words) & _SHARED).isdisjoint(MOURNING)


def person_mourned(prepared: Clauses, words: AnswerWords) -> bool:
    """A plan sentence mourns a person ("she needs to be able to cry for him", "let her grieve for her sister"): in an
    answer that tells a death, the plan mourns the dead, not a way of life."""
    if not words.has_any(_WEEP):
        return False
    for c in plan_sentences(prepared, words):
        tokens = prepared[c]
        if not _WEEP.isdisjoint(tokens) and not refused(tokens) and _present(tokens, _CRY_FOR, _pairs(tokens)):
            return True
    return False
