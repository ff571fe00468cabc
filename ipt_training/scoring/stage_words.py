"""The dispute stage described in plain words, and stage words that belong to the plan rather than the stage.

The lexicon's stage cues are phrases ("stopped talking", "still arguing", "wants out"). Trainees describe the stage
with the same few ideas in many word orders, read here as frames of two words:

* **impasse**: talk that has stopped, a word of silence or refusal before a word of talking ("they stopped
  discussing it", "he refuses to discuss the sale", "they never mention the lunch", "neither of you has mentioned
  it", "you have given up trying to talk to her", "they went silent"), a dispute said to be stuck ("this stuck
  disagreement", "the conflict is stuck"), or the subject shut away ("the subject has been closed", "things have
  frozen between you", "it has been swept under the carpet");
* **renegotiation**: a conflict still going on, a word of persistence before a word of arguing or trying ("they
  keep arguing", "both keep raising it", "still trying to find a fair arrangement", "you are both still looking for
  an answer"), or not giving up ("neither of you has given up"). Looking for a way out is the two of them at it
  ("both", "together", "with her") or a way to agree; hope held by one of them ("you are still hoping he will sit
  down with you", "he has not given up hope") is no stage: renegotiation needs both still trying. So is one of them
  still trying, beside the other's decision to end ("he has decided to end the partnership while you are still
  trying to win him back"): the one who is being left still pursuing is how a dissolution looks from their side.
* **dissolution**: a decision to end ("she decided to end the marriage", "he wants to divorce", "how you want
  the partnership to end"), or the relationship cut off for good by one of them ("he has cut her off", "she broke off
  contact", "he cut her out of his life", "I am finished with you"). Cutting someone off that is not said to last is
  no stage: interrupting ("he cut her off and walked out", "whenever she raises it you cut her off"), a break for
  a while ("broken off contact for a week") or money ("her father cut him off without a penny").

Silence that comes *when* something happens ("when she is angry she goes quiet and he takes her silence as a yes")
is how one of them behaves in the dispute, its pattern of communication, not the stage it has reached.

In a plan, "renegotiate" is the work (reopening negotiation is the goal at an impasse too), not the stage: a
sentence of the plan that says "help them renegotiate their expectations" describes no stage.
"""

from __future__ import annotations

from ipt_training.domain import DisputeStage
from ipt_training.text.matcher import Match

Clauses = list[list[str]]

_TALK = ("talk", "speak", "spoke", "discuss", "mention", "raise", "raising", "communicat", "negotiat", "contact")
#: Talk that has stopped between the two ("stopped discussing it", "refuses to talk", "no longer speak"); a plain
#: "not" is left out ("she could not talk to him without a row" is a dispute still going on).
_SILENCING = frozenset({"stopped", "stop", "stops", "never", "refuse", "refuses", "refused", "refusing", "barely",
                        "hardly", "longer", "gave", "given"})
#: Nobody talking ("neither of you has mentioned it", "nobody raises it"), a few words before the talk.
_NOBODY = frozenset({"neither", "nobody", "none", "nor"})
_NOBODY_REACH = 4
#: "given up trying to talk": the giving up a few words before the talk
_GIVEN_UP_REACH = 5
_GAVE = frozenset({"gave", "given"})
#: The subject of the dispute shut away ("the subject has been closed", "things have frozen", "swept under the carpet")
_SHUT = frozenset({"frozen", "froze", "closed", "shelved", "buried", "swept", "carpet", "rug"})
_SUBJECT = frozenset({"subject", "topic", "issue", "matter", "it", "things", "everything", "relationship"})
_SHUT_REACH = 4
#: Not giving up ("neither of you has given up"): the dispute still being negotiated.
_NEGATIONS = frozenset({"not", "neither", "never", "nobody", "none", "t", "nt"})
#: What may follow "not given up": nothing, or what was not given up on ("on the marriage"); "he has not given up
#: drinking" is not the dispute.
_GIVEN_UP_ON = frozenset({"on", "yet", "either"})
#: Silence in a clause of when or whenever is a habit, how one of them behaves, not the stage.
_HABIT = frozenset({"when", "whenever", "if"})
_SILENT = frozenset({"silent", "silence", "quiet"})
_SILENT_VERBS = frozenset({"went", "gone", "go", "goes", "fell", "fallen", "falls", "became", "become", "remain",
                           "remains", "stayed", "stay"})
_CONFLICT = frozenset({"dispute", "disputes", "conflict", "conflicts", "disagreement", "disagreements", "argument",
                       "arguments", "row", "rows", "negotiation", "negotiations", "partnership", "marriage"})
_PERSIST = frozenset({"still", "keep", "keeps", "kept", "continue", "continues", "continuing", "persist", "persists"})
_ONGOING = ("argu", "fight", "row", "quarrel", "try", "trying", "raise", "raising", "negotiat", "talk", "discuss",
            "push", "bring")
#: Still looking for a way out of the dispute ("you are both still looking for an answer"): said of both of them
#: or of a way to agree ("still looking for a compromise"); "way" or "answer" alone may be one person's search ("he
#: is still looking for a way to fill his days").
_SEEKING = frozenset({"looking", "searching", "seeking"})
_SOLUTION = frozenset({"answer", "solution", "way", "compromise", "agreement", "arrangement", "deal", "middle"})
_AGREEING = frozenset({"compromise", "agreement", "arrangement", "deal", "middle"})
_TOGETHER = frozenset({"both", "together", "each", "they", "we"})
_DECIDED = frozenset({"decided", "decides", "decision", "wants", "want", "wanted", "chose", "chosen", "determined"})
_ENDING = frozenset({"end", "divorce", "separate", "split"})
_REACH = 3
_END_REACH = 3
#: Cutting someone off ("cut her off", "broke off contact"): the relationship ended by one of them.
_SEVER = frozenset({"cut", "cuts", "cutting", "broke", "broken", "break", "breaks", "breaking"})
_PERSONS = frozenset({"her", "him", "them", "you", "me", "his", "sister", "brother", "mother", "father", "son",
                      "daughter", "wife", "husband", "partner", "friend", "parents"})


def _stage(clause: int, start: int, stage: DisputeStage) -> Match:
    return Match(f"stage:{stage.value}", clause, start, start, False, 1.0)


def _stage_at(tokens: list[str], k: int) -> DisputeStage | None:
    """The stage the frame ending at ``tokens[k]`` describes, if any."""
    token, before = tokens[k], tokens[max(0, k - _REACH):k]
    if token.startswith(_TALK):
        if not _SILENCING.isdisjoint(before) or not _NOBODY.isdisjoint(tokens[max(0, k - _NOBODY_REACH):k]) or (
                "up" in tokens[max(0, k - _GIVEN_UP_REACH):k] and not _GAVE.isdisjoint(tokens[max(0, k - 6):k])):
            return DisputeStage.IMPASSE
        return DisputeStage.RENEGOTIATION if not _PERSIST.isdisjoint(before) else None
    if token in _SILENT and not _SILENT_VERBS.isdisjoint(before):
        return None if _habit(tokens, k) else DisputeStage.IMPASSE
    if token == "stuck" and not _CONFLICT.isdisjoint(tokens[max(0, k - 2):k + 2]):
        return DisputeStage.IMPASSE
    if token in _SHUT and not _SUBJECT.isdisjoint(tokens[max(0, k - _SHUT_REACH):k]):
        return DisputeStage.IMPASSE
    if token == "up" and tokens[k - 1] in _GAVE and not _NEGATIONS.isdisjoint(tokens[max(0, k - 5):k - 1]) and (
            k + 1 == len(tokens) or tokens[k + 1] in _GIVEN_UP_ON):
        return DisputeStage.RENEGOTIATION
    if token in _SEEKING and not _PERSIST.isdisjoint(before) and not _SOLUTION.isdisjoint(tokens[k + 1:k + 5]) and (
            _jointly(tokens, k) or not _AGREEING.isdisjoint(tokens[k + 1:k + 5])):
        return DisputeStage.RENEGOTIATION
    if token.startswith(_ONGOING) and not _PERSIST.isdisjoint(before):
        return DisputeStage.RENEGOTIATION
    if token in _ENDING and not _DECIDED.isdisjoint(tokens[max(0, k - _END_REACH):k]):
        return DisputeStage.DISSOLUTION
    if token == "off" and not _SEVER.isdisjoint(tokens[max(0, k - 3):k]) and (
            not _PERSONS.isdisjoint(tokens[max(0, k - 2):k]) or "contact" in tokens[k + 1:k + 3]
            or (k + 1 < len(tokens) and tokens[k + 1] in _PERSONS)):
        # "she has cut him off", "cutting off his sister for good", "broke off contact"; not "he cut her off and
        # walked out" (interrupting)
        return DisputeStage.DISSOLUTION if _cut_for_good(tokens, k) else None
    if token == "out" and not _SEVER.isdisjoint(tokens[max(0, k - 3):k]) and tokens[k + 1:k + 2] == ["of"] and (
            not _PERSONS.isdisjoint(tokens[max(0, k - 2):k])) and "life" in tokens[k + 2:k + 5]:
        return None if _habit(tokens, k) else DisputeStage.DISSOLUTION  # "he cut her out of his life"
    if token == "with" and tokens[k - 1] == "finished" and not _PERSONS.isdisjoint(tokens[k + 1:k + 2]):
        return DisputeStage.DISSOLUTION  # "I am finished with you", "he is finished with her"
    return None


#: Cutting off that lasts: said in the perfect ("she has cut him off"), since a time, or of all contact or for good.
_PERFECT = frozenset({"has", "have", "had", "since"})
_LASTING = frozenset({"contact", "completely", "altogether", "entirely", "good", "ever", "all"})
#: Cutting off for a while ("for a week to calm down") or of money ("without a penny"): not the relationship's end.
_PASSING = frozenset({"week", "weeks", "day", "days", "while", "until", "till", "calm", "temporarily", "moment",
                      "penny", "money", "financially", "allowance", "inheritance", "mid", "sentence",
                      "short"})
_HABIT_WORDS = frozenset({"sometimes", "often", "always", "usually", "whenever", "when"})


def _cut_for_good(tokens: list[str], k: int) -> bool:
    """Whether the cutting off ending at ``tokens[k]`` ("off") is said to last: not in a clause of when or a habit,
    not for a while nor of money, and in the perfect, since a time, of all contact, or with the person after it ("a
    few weeks after he cut off his sister": severed; "he cut her off" may be an interruption)."""
    after = tokens[k + 1:k + 6]
    if not _HABIT_WORDS.isdisjoint(tokens[:k]) or not _PASSING.isdisjoint(after):
        return False
    return not _PERFECT.isdisjoint(tokens[:k]) or not _LASTING.isdisjoint(after) or (
        bool(after) and after[0] in _PERSONS)


def _jointly(tokens: list[str], k: int) -> bool:
    """Whether the search at ``tokens[k]`` is the two of them at it ("you are both still looking", "looking for a
    way together", "looking for an answer with her")."""
    if not _TOGETHER.isdisjoint(tokens[max(0, k - 4):k + 8]):
        return True
    return any(tokens[j] == "with" and tokens[j + 1] in _PERSONS for j in range(k + 1, min(len(tokens) - 1, k + 8)))


_TRIGGERS = _SILENCING | _NOBODY | _SILENT_VERBS | _PERSIST | _DECIDED | _SHUT | _SEVER | {"stuck", "finished"}


def _habit(tokens: list[str], k: int) -> bool:
    """Whether the word at ``k`` is said of a habit: a clause of when or whenever before it."""
    return not _HABIT.isdisjoint(tokens[:k])


def habitual_silence(tokens: list[str], start: int) -> bool:
    """Whether a stage phrase at ``start`` is silence in a clause of when ("when she is angry she goes silent"):
    how one of them behaves, not the stage."""
    return tokens[start] in _SILENT and _habit(tokens, start)


def hope_held(tokens: list[str], end: int) -> bool:
    """Whether a stage phrase whose last word is at ``end`` ("not given up") is hope held by one of them ("you have
    not given up hope that he will sit down with you"): no stage, renegotiation needs both still trying."""
    return tokens[end + 1:end + 2] in (["hope"], ["hoping"])


def described_stages(prepared: Clauses) -> list[Match]:
    """The stages a sentence describes in the frames above, one match per clause and stage."""
    found: list[Match] = []
    for c, tokens in enumerate(prepared):
        if _TRIGGERS.isdisjoint(tokens):
            continue  # most clauses: no word that opens a frame
        seen: set[DisputeStage] = set()
        for k in range(1, len(tokens)):
            stage = _stage_at(tokens, k)
            if stage is not None and stage not in seen:
                seen.add(stage)
                found.append(_stage(c, k, stage))
    return found


_PLAN_VERBS = ("renegotiate", "re-negotiate", "renegotiating", "re-negotiating")
#: The stage named by its name ("renegotiation", "renegotiating"): a staging, not a description.
_STAGE_NAMES = ("renegotiat", "re-negotiat")


def plan_work(matches: list[Match], prepared: Clauses, plan: set[int]) -> list[Match]:
    """``matches`` without the renegotiation the plan sets out to do ("Goals: renegotiate the partnership")."""
    return [m for m in matches if not (m.clause in plan and m.concept == "stage:renegotiation"
                                       and prepared[m.clause][m.start].startswith(_PLAN_VERBS))]


def pursued_alone(matches: list[Match], prepared: Clauses) -> list[Match]:
    """``matches`` without the renegotiation described of one of them only (no "both", "they", "together" or "with
    her" about it) in a clause that tells, or is next to one that tells, a decision to end: "he has decided to end the
    partnership while part of you is still trying to bring him back" is one side ending and the other not accepting
    it, a dissolution, not a second stage. A stage named by its name ("still in renegotiation") stays."""
    ending = {m.clause for m in matches if m.concept == "stage:dissolution" and not m.negated}
    if not ending:
        return matches
    return [m for m in matches if not (
        m.concept == "stage:renegotiation" and not m.negated
        and not ending.isdisjoint(range(m.clause - 1, m.clause + 2))
        and not prepared[m.clause][m.start].startswith(_STAGE_NAMES)
        and not _jointly(prepared[m.clause], m.start))]
