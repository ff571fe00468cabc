"""Score a trainee's rewrite of a problem utterance against a five-criterion rubric.

Criteria (2 points each, scaled to ``max_points``):

1. ``problem_fixed``: the original problem is gone (two checks per problem, e.g. for a global complaint: a
   request is made, and it is specific).
2. ``explicit_request``: the need is stated directly ("Could you...", "I need...", "I can't take this on");
   a wish ("it would be nice if...") earns 1 point.
3. ``no_blame``: no insults, threats, sarcasm or "you always / you never"; a lone generalisation costs 1 point,
   anything harsher 2. Only a substantive answer (one that requests, names a feeling, invites or checks) earns
   these points, so an empty or garbage answer cannot score on blame it never had a chance to show.
4. ``feeling_named``: a feeling in the first person ("I feel hurt", "I was scared"). Negated feelings do not
   count: "I'm not angry" names no feeling, so "I'm not angry, I'm hurt" counts for the hurt only. "I don't
   feel heard/supported/valued" does count: it names the feeling of being unheard. "I feel like you never..."
   is a thought dressed as a feeling and earns 1 point.
5. ``invitation``: an invitation to respond: a question that is not an accusation ("Could we talk tonight?"),
   or "what do you think", "let me know", "tell me".

A rewrite that is (nearly) a copy of the original scores 0 on every criterion. All phrase matching goes
through the shared :mod:`ipt_training.text.matcher` (typo-tolerant, negation-aware).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ipt_training.communication.taxonomy import OK, PROBLEMS, code_name
from ipt_training.communication.transcript import Dialogue
from ipt_training.scoring.report import CriterionResult, ScoredCriteria
from ipt_training.text.matcher import Match, PhraseMatcher, build_matcher
from ipt_training.text.normalize import clauses, sentences, to_ascii_lower

CRITERION_POINTS = 2.0
#: Before each criterion's feedback when the rewrite names nothing of its conversation (flag ``generic``).
GENERIC_NOTE = ("Half the points at most: the rewrite says only how one speaks (a feeling, a need, a question) "
                "and nothing of this moment, so it could be said in any conversation; say what it is about.")
COPY_SIMILARITY = 85.0
_SELF = frozenset({"i", "me", "my", "myself"})
_FEEL = frozenset({"feel", "feels", "feeling", "felt"})

CUES: dict[str, list[str]] = {
    "request": [
        "i need", "i would like", "i would love", "i want", "could you", "would you", "can you", "will you",
        "please", "i am asking", "i ask", "can we", "could we", "shall we", "let us", "it would help",
        "would help me", "would mean a lot", "i would appreciate", "i would be grateful", "do you mind",
        "could i", "can i", "may i", "is it ok if i", "would it be ok if i",
        "i would prefer", "i prefer", "i would rather", "how about", "i am going to need", "i really need",
    ],
    "refusal": [
        "i can not", "i will not be able", "not able to", "i am not going to be able", "say no", "not this time",
        "no thank", "i would rather not", "i do not want to", "i have to decline", "too much for me",
        "i am at capacity", "i am already full", "i can not take", "will not manage", "i will not manage",
    ],
    "soft_request": ["it would be nice", "i wish", "maybe you could", "if you could", "it would be good", "i hope"],
    "feeling": [
        "hurt*", "sad", "sadness", "lonely", "loneliness", "feel* alone", "felt alone", "so alone", "am alone",
        "scared", "afraid", "frightened", "worried", "anxious", "nervous", "angry", "anger", "furious", "upset",
        "frustrat*", "disappointed", "overwhelmed", "exhausted", "ashamed", "embarrassed", "guilty", "jealous",
        "unhappy", "miserable", "hopeless", "helpless", "stressed", "invisible", "unimportant", "unappreciated",
        "unsupported", "unheard", "unwanted", "rejected", "left out", "let down", "taken for granted", "resentful",
        "confused", "torn", "feel* low", "feel* down", "felt low", "felt down", "unbearable", "depressed",
        "heartbroken", "relieved", "grateful", "glad", "happy", "feel* lost", "felt lost", "useless",
        "like a burden", "a burden", "panicky", "desperate", "hurting", "miss him", "miss her", "miss you",
        "miss them", "grieving", "irritated", "annoyed", "am nobody", "drained", "worn out", "out of my depth",
        "feel* stuck", "felt stuck", "isolated", "shut out", "pushed aside", "sidelined", "humiliated", "stupid",
        "foolish", "feel* small", "felt small", "like a failure", "judged", "trapped",
    ],
    "feeling_state": ["feel* heard", "feel* listened", "feel* supported", "feel* valued", "feel* appreciated",
                      "feel* important", "feel* cared", "feel* close", "feel* welcome", "feel* wanted"],
    "feeling_implied": ["it hurt*", "that hurt*", "this hurt*", "it is painful", "it was painful", "breaks my heart",
                        "it is hard for me", "it was hard for me"],
    "state": ["tired", "stretched", "overloaded", "swamped", "run down", "not coping", "at my limit"],
    "thought_feeling": ["feel like you", "feel that you", "feel as if", "felt like you", "felt that you",
                        "feel you", "feel like nobody", "feel like no one"],
    "invitation": [
        "what do you think", "how do you feel", "how does that sound", "how do you see", "what about you",
        "your side", "your view", "tell me", "let me know", "i would like to hear", "i want to hear",
        "can we talk", "could we talk", "talk about", "does that work", "would that work", "is that ok",
        "would that be ok", "what would work", "works for you", "are you free", "when would suit", "when can we",
        "what do you need", "can we find", "work it out", "work out", "figure out", "together", "hear your",
        "what would you", "would you be willing", "would you be open",
    ],
    "check": [
        "did you mean", "do you mean", "what did you mean", "what do you mean", "are you saying", "is that what you",
        "am i right", "not sure what you", "when you said", "it sounded like", "i heard", "i wondered",
        "i was wondering", "did i understand", "let me check", "want to check", "wanted to check",
        "wanted to ask", "want to ask", "is it that", "are you asking", "did you want", "do you really",
        "do you actually", "misunderstood", "misread", "got it wrong", "i assumed", "i am assuming", "is that right",
        "just checking", "i am not sure if you", "i was not sure if you",
    ],
    "stay": [
        "can we talk", "could we talk", "want to talk", "like to talk", "let talk", "talk about", "talk later",
        "come back to", "later tonight", "i am listening", "i am here", "give me a minute", "few minutes",
        "sit down", "talk it through", "talk this through", "keep talking", "talk when", "talk tonight",
        "talk tomorrow", "talk after", "tell you about", "tell you more", "i want to tell", "i need to tell",
    ],
    "specific": [
        "monday*", "tuesday*", "wednesday*", "thursday*", "friday*", "saturday*", "sunday*", "tonight", "tomorrow",
        "this week", "next week", "weekend*", "every", "once a", "twice", "morning*", "evening*", "night*",
        "minute*", "hour*", "o clock", "today", "this month", "next month", "a week", "a day", "feed", "dinner",
        "lunch", "breakfast", "call me", "come round", "come over", "visit", "one of", "take the", "do the",
        "pick up", "collect", "drive", "help me with", "join", "deadline", "extend", "extension", "move the",
        "hand over", "reassign", "instead of", "until", "by the",
    ],
    "insult": ["idiot*", "stupid", "useless", "pathetic", "selfish", "lazy", "ridiculous", "worthless", "disgusting",
               "clueless", "incompetent", "heartless", "cruel", "liar", "jerk", "moron*", "hopeless", "unbelievable",
               "impossible", "childish", "immature", "a joke"],
    "blame_hard": [
        "hate you", "shut up", "your fault", "what is wrong with you", "grow up", "sick of you", "fed up with you",
        "or else", "i will leave you", "done with you", "just like your", "typical", "as usual", "thanks a lot",
        "must be nice", "oh great", "obviously you", "of course you", "lucky you", "some of us", "good for you",
        "how nice for", "you do not care", "you never care", "you are so", "you are just", "you made me",
        "you make me", "if you were ever", "if you ever", "you would know if", "if you cared", "if you loved",
        "who cared", "bitch", "bastard", "damn", "hell", "crap", "shit*", "fuck*",
    ],
    "blame_soft": ["you always", "you never", "you constantly", "every time you", "you keep", "you do not even",
                   "you never even", "you only ever", "you just do not"],
    "shutdown": ["forget it", "never mind", "no point", "whatever", "i am done", "leave me alone",
                 "not talking about", "do not want to talk", "end of discussion", "drop it", "going to bed",
                 "i do not care", "not discussing", "nothing to talk about", "have fun"],
    "dismissive": ["it is fine", "i am fine", "that is fine", "it does not matter", "no problem", "never mind",
                   "do not worry about me", "nothing is wrong", "it is nothing", "no big deal", "whatever you want",
                   "whatever you think", "i do not mind", "do not worry", "all good", "not a problem",
                   "it is okay", "it is ok", "no worries"],
    "over_apology": ["whatever you want", "whatever you think", "of course i will", "if that is ok with you",
                     "i am so sorry", "really sorry", "sorry sorry", "i do not mind", "no problem at all"],
    "unsaid": ["have not told you", "never told you", "should have said", "should have told", "did not say",
               "did not tell", "i never said", "want you to know", "want to tell you", "need to tell you",
               "have not said", "have not really said", "did not make it clear", "did not mention", "never mentioned",
               "have not mentioned", "i realise i", "i realize i", "let you know"],
    "claims_told": ["i told you", "you know i", "you know how i", "you knew", "you should know", "like i said",
                    "i already said", "as i said", "you know that", "you know what i"],
    "expects_known": ["should know", "should have known", "should have seen", "if you cared", "if you loved",
                      "have to ask", "have to spell", "by now", "who cared", "a real friend", "a real daughter",
                      "a real son", "a real husband", "a real wife", "a real partner", "a real sister",
                      "a real brother", "without me saying", "without being told", "would have known", "ought to know"],
    "sarcasm": ["must be nice", "thanks a lot", "oh great", "as usual", "typical", "lucky you", "some of us",
                "good for you", "how nice for", "just great", "just wonderful", "like a baby", "yeah right",
                "sure you", "wonderful"],
    # Ordinary words close to cue words: listed so that typo repair leaves them alone (matches are ignored).
    "_known_words": ["lovely", "cared", "waited", "careful", "carefully", "scarred", "heated", "sadly", "angle",
                     "hurry", "harder", "feeding", "weekly", "nightly", "lonelier", "worries", "requests",
                     "supportive", "listening", "hearing", "several", "seven", "eleven", "every", "afford",
                     "wanted", "waiting", "talked", "taking", "asking", "reading", "meaning", "heading"],
}


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    return build_matcher(CUES, max_gap=1)


@dataclass(frozen=True, slots=True)
class Features:
    """What the rubric needs to know about a rewrite."""

    words: int
    request: bool
    soft_request: bool
    feeling: bool
    state: bool
    thought_feeling: bool
    invitation: bool
    check: bool
    stay: bool
    specific: bool
    blame_hard: bool
    blame_soft: bool
    shutdown: bool
    dismissive: bool
    over_apology: bool
    unsaid: bool
    claims_told: bool
    expects_known: bool
    sarcasm: bool

    @property
    def substantive(self) -> bool:
        """Says something to the other person: a request, a feeling, an invitation or a check."""
        return self.words >= 3 and (self.request or self.soft_request or self.feeling or self.invitation
                                    or self.check or self.stay or self.unsaid)


def _first_person(tokens: list[str], match: Match) -> bool:
    """A feeling word owned by the speaker: 'I'/'me' shortly before it, with no 'you' in between."""
    window = tokens[max(0, match.start - 4):match.start]
    if any(t in _FEEL for t in tokens[:match.start]) and "you" not in window[-2:]:
        return True
    for k in range(len(window) - 1, -1, -1):
        if window[k] == "you":
            return False
        if window[k] in _SELF:
            return True
    return False


def _aimed_at_other(tokens: list[str], match: Match) -> bool:
    """An insult word aimed at the listener: 'you'/'your' shortly before it ("you're so selfish")."""
    return any(t in {"you", "your", "yours"} for t in tokens[max(0, match.start - 3):match.start])


def _questions(text: str) -> list[str]:
    return [s for s in sentences(text) if s.rstrip().endswith("?")]


def _open_question(question: str) -> bool:
    """A question that invites an answer rather than accusing ('Why do you never...?')."""
    lowered = to_ascii_lower(question)
    if re.match(r"\s*why\b", lowered) and re.search(r"\byou\b", lowered):
        return False
    found = {m.concept for m in _matcher().find(question) if not m.negated}
    return not found & {"blame_hard", "blame_soft", "sarcasm", "shutdown", "claims_told", "expects_known"}


def _spoken_clauses(text: str) -> list[list[str]]:
    """Clauses for speech: the shared splitter, plus commas ("I'm not angry, I'm hurt" is two clauses)."""
    return [clause for part in text.split(",") for clause in clauses(part)]


def extract_features(text: str) -> Features:
    """Run the shared matcher over ``text`` and summarise what it found."""
    tokenized = _spoken_clauses(text)
    matches = _matcher().find(tokenized)
    live: set[str] = set()
    any_polarity: set[str] = set()
    feeling = False
    for m in matches:
        any_polarity.add(m.concept)
        if not m.negated:
            live.add(m.concept)
            if m.concept == "feeling" and _first_person(tokenized[m.clause], m):
                feeling = True
            if m.concept == "insult" and _aimed_at_other(tokenized[m.clause], m):
                live.add("blame_hard")
    lowered = to_ascii_lower(text)
    sorry_count = len(re.findall(r"\bsorry\b", lowered))
    questions = _questions(text)
    return Features(
        words=sum(len(c) for c in tokenized),
        request="request" in live or "refusal" in any_polarity,
        soft_request="soft_request" in live,
        feeling=feeling or "feeling_state" in any_polarity or "feeling_implied" in live,
        state="state" in live,
        thought_feeling="thought_feeling" in any_polarity,
        invitation="invitation" in live or any(_open_question(q) for q in questions),
        check="check" in any_polarity,
        stay="stay" in live,
        specific="specific" in live or bool(re.search(r"\d", text)),
        blame_hard="blame_hard" in live,
        blame_soft="blame_soft" in any_polarity,
        shutdown="shutdown" in live,
        dismissive="dismissive" in live,
        over_apology="over_apology" in live or sorry_count >= 2,
        unsaid="unsaid" in any_polarity,
        claims_told="claims_told" in live,
        expects_known="expects_known" in any_polarity,
        sarcasm="sarcasm" in live,
    )


@dataclass(frozen=True, slots=True)
class _Check:
    met: str
    unmet: str


_FIX_CHECKS: dict[str, tuple[tuple[_Check, Any], ...]] = {
    "indirect_nonverbal": (
        (_Check("the message is now in words", "put the message into words (a feeling or a request)"),
         lambda f: f.feeling or f.request),
        (_Check("no sulking signals or sarcasm", "drop the sarcasm or shutting-down remarks"),
         lambda f: not (f.sarcasm or f.shutdown)),
    ),
    "indirect_verbal": (
        (_Check("the request is said outright", "say the request outright instead of hinting"), lambda f: f.request),
        (_Check("no hints or sarcasm", "drop the sarcasm or hint"), lambda f: not (f.sarcasm or f.blame_hard)),
    ),
    "assumed_communicated": (
        (_Check("the message is actually sent", "actually send the message: say what you need, as if for the "
                "first time"), lambda f: f.request or f.unsaid),
        (_Check("no claim that it was said before", "drop 'I told you' / 'you know': it was never said"),
         lambda f: not f.claims_told),
    ),
    "assumed_understood": (
        (_Check("the guess is checked with a question", "check what the other person meant before acting on "
                "your guess"), lambda f: f.check or (f.invitation and not f.blame_hard)),
        (_Check("no reaction to the unchecked guess", "do not react to the guess as if it were true"),
         lambda f: not (f.blame_hard or f.blame_soft or f.shutdown)),
    ),
    "silence": (
        (_Check("the conversation stays open", "stay with the issue, or say when you can come back to it; a "
                "question on another topic is still changing the subject"),
         lambda f: f.stay or (f.invitation and (f.feeling or f.request))),
        (_Check("no shutting down", "drop the words that close the conversation"), lambda f: not f.shutdown),
    ),
    "mind_reading": (
        (_Check("the need is stated", "state the need itself; the other person cannot know it otherwise"),
         lambda f: f.request or f.unsaid),
        (_Check("no expectation to be read", "drop 'you should know' / 'if you cared'"),
         lambda f: not f.expects_known),
    ),
    "hostile": (
        (_Check("no attack on the person", "remove the insult, threat or 'always/never'"),
         lambda f: not (f.blame_hard or f.blame_soft)),
        (_Check("the point is made with a feeling or request", "say what you feel or what you want instead"),
         lambda f: f.feeling or f.request),
    ),
    "global_complaint": (
        (_Check("there is a request", "turn the complaint into a request"), lambda f: f.request),
        (_Check("the request is specific", "make the request concrete: what, when, how often"),
         lambda f: f.request and f.specific),
    ),
    "mixed_message": (
        (_Check("the real feeling is said", "say the feeling your tone was carrying"), lambda f: f.feeling),
        (_Check("no words that contradict it", "drop 'it's fine' / 'don't worry' if it is not fine"),
         lambda f: not f.dismissive),
    ),
    "over_accommodation": (
        (_Check("your own need or limit is stated", "state your own need or limit (it is fine to say no)"),
         lambda f: f.request),
        (_Check("no giving in or over-apologising", "drop 'whatever you want' and the extra apologies"),
         lambda f: not (f.over_apology or f.dismissive)),
    ),
}


@dataclass(frozen=True, slots=True)
class RewriteResult(ScoredCriteria):
    """The scored rewrite: per-criterion results, flags, and what the scorer detected."""

    rewrite: str
    problems: tuple[str, ...]
    criteria: tuple[CriterionResult, ...]
    flags: tuple[str, ...]
    features: Features

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "total": self.total,
            "max_total": self.max_total,
            "problems": list(self.problems),
            "criteria": [asdict(c) for c in self.criteria],
            "flags": list(self.flags),
            "features": asdict(self.features),
        }

    def as_text(self) -> str:
        lines = [f"Total: {self.total:g} / {self.max_total:g}"]
        lines += [f"- {c.label}: {c.points:g}/{c.max_points:g}. {c.feedback}" for c in self.criteria]
        return "\n".join(lines)


def _fix(problems: Sequence[str], f: Features, reveal: bool = True) -> tuple[float, str]:
    if not f.substantive:
        return 0.0, "The rewrite does not yet say anything to the other person (no feeling, request or question)."
    scores, notes = [], []
    for number, code in enumerate(problems, start=1):
        checks = _FIX_CHECKS.get(code)
        if checks is None:
            continue
        met = [check.met for check, test in checks if test(f)]
        unmet = [check.unmet for check, test in checks if not test(f)]
        scores.append(len(met) / len(checks))
        if reveal:
            name = code_name(code)
            notes.append(f"{name}: fixed ({'; '.join(met)})." if not unmet
                         else f"{name}: not yet fixed; {'; '.join(unmet)}.")
        else:  # assessment: say what to change, never which reference code the utterance has
            label = "The original problem" if len(problems) == 1 else f"Problem {number} of the original"
            notes.append(f"{label}: fixed." if not unmet else f"{label}: not yet fixed; {'; '.join(unmet)}.")
    if not scores:
        return CRITERION_POINTS, "The original had no listed problem to fix."
    return round(CRITERION_POINTS * sum(scores) / len(scores) * 2) / 2, " ".join(notes)


def _request(f: Features) -> tuple[float, str]:
    if f.request:
        return CRITERION_POINTS, "The need is stated directly."
    if f.soft_request:
        return 1.0, "A wish ('it would be nice if...') is a start; turn it into a direct request ('Could you...?')."
    return 0.0, "No direct request or statement of need: say what you want ('Could you...', 'I need...')."


def _blame(f: Features) -> tuple[float, str]:
    if not f.substantive:
        return 0.0, "Nothing is said to the other person yet, so there is no credit for avoiding blame."
    if f.blame_hard or f.sarcasm:
        return 0.0, "Remove the insult, threat or sarcasm: it invites defence, not change."
    if f.blame_soft:
        return 1.0, "'You always / you never' is a sweeping criticism; describe one specific occasion instead."
    return CRITERION_POINTS, "No new blame, insults or sarcasm."


def _feeling(f: Features) -> tuple[float, str]:
    if f.feeling:
        return CRITERION_POINTS, "A feeling is named in the first person."
    if f.thought_feeling:
        return 1.0, "'I feel like you...' states a thought about the other person; name the feeling itself."
    if f.state:
        return 1.0, "'Tired' or 'stretched' describes a state; say the feeling underneath it (worried, lonely, hurt)."
    return 0.0, "Name your own feeling ('I feel hurt', 'I was worried'); a denied feeling ('I'm not angry') " \
                "does not count."


def _invitation(f: Features) -> tuple[float, str]:
    if f.invitation or f.check:
        return CRITERION_POINTS, "The other person is invited to respond."
    return 0.0, "Invite a response: ask a genuine question ('What do you think?', 'Could we talk tonight?')."


_LABELS = {
    "problem_fixed": "Original problem fixed",
    "explicit_request": "Need stated directly",
    "no_blame": "No new blame",
    "feeling_named": "Feeling named",
    "invitation": "Invitation to respond",
}


def _normalise_problems(problems: str | Iterable[str]) -> tuple[str, ...]:
    items = [problems] if isinstance(problems, str) else list(problems)
    unknown = [p for p in items if p not in PROBLEMS and p != OK]
    if unknown:
        raise ValueError(f"unknown problem codes: {unknown}")
    return tuple(p for p in items if p != OK)


def score_rewrite(rewrite: str, original: str, problems: str | Iterable[str], *,
                  max_points: float = 10.0, reveal: bool = True, generic: bool = False) -> RewriteResult:
    """Score ``rewrite`` of ``original`` (whose communication problems are ``problems``) out of ``max_points``.

    ``reveal=False`` (assessment) keeps the names of the reference problem codes out of the feedback.
    ``generic=True`` (the rewrite says nothing but the rubric's words, see :mod:`~ipt_training.communication.
    situation`) flags it ``generic`` and earns half of ``max_points`` at most (each criterion scaled alike).
    """
    codes = _normalise_problems(problems)
    text = rewrite if isinstance(rewrite, str) else ""
    features = extract_features(text)
    flags: list[str] = []
    copied = bool(text.strip()) and fuzz.ratio(to_ascii_lower(text).strip(), to_ascii_lower(original).strip()) \
        >= COPY_SIMILARITY
    if not text.strip():
        flags.append("empty")
    elif copied:
        flags.append("copied_original")
    elif features.words < 3:
        flags.append("too_short")
    elif generic:
        flags.append("generic")
    scale = max_points / (CRITERION_POINTS * len(_LABELS))
    results = {
        "problem_fixed": _fix(codes, features, reveal),
        "explicit_request": _request(features),
        "no_blame": _blame(features),
        "feeling_named": _feeling(features),
        "invitation": _invitation(features),
    }
    raw = sum(points for points, _ in results.values())
    cap = min(1.0, CRITERION_POINTS * len(_LABELS) / 2 / raw) if raw else 1.0  # generic: half the points at most
    criteria = []
    for name, (points, feedback) in results.items():
        if flags == ["generic"]:
            points, feedback = points * cap, f"{GENERIC_NOTE} {feedback}"
        elif flags:
            points = 0.0
            feedback = {"empty": "No rewrite was given.",
                        "copied_original": "The rewrite repeats the original; change how it is said.",
                        "too_short": "The rewrite is too short to say what you feel or need."}[flags[0]]
        criteria.append(CriterionResult(name, _LABELS[name], round(points * scale, 2),
                                        round(CRITERION_POINTS * scale, 2), feedback))
    return RewriteResult(text, codes, tuple(criteria), tuple(flags), features)


def score_utterance_rewrite(dialogue: Dialogue, number: int, rewrite: str, *,
                            max_points: float = 10.0, reveal: bool = True) -> RewriteResult:
    """Score a rewrite of utterance ``number`` of ``dialogue``, using its reference codes as the problems.

    Use ``reveal=False`` when grading an assessment, so the feedback does not name the utterance's codes. A rewrite
    that says nothing but the rubric's words (:func:`~ipt_training.communication.situation.is_generic`) could
    be said in any conversation: it earns half the points at most.
    """
    from ipt_training.communication.situation import is_generic

    utterance = dialogue.utterance(number)
    if not utterance.codes:
        raise ValueError(f"utterance {number} of {dialogue.id!r} has no reference codes here (key not available)")
    text = rewrite if isinstance(rewrite, str) else ""
    return score_rewrite(rewrite, utterance.text, utterance.codes, max_points=max_points, reveal=reveal,
                         generic=is_generic(text, dialogue))
