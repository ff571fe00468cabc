"""Clinical vocabulary the formulation scorer recognises: areas, stages, goals and strategies.

Every concept follows ``shared/ipt-reference.md`` section 3. Cues are matcher phrases (see
:mod:`ipt_training.text.matcher`): words in order, ``*`` for a prefix, small gaps allowed.
A strong cue (weight 2) names the area outright; a weak cue (weight 1) is a paraphrase that also
appears in ordinary description, so it counts as a commitment only with a focus marker nearby.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.domain import DisputeStage, ProblemArea
from ipt_training.text.features import feature

STRONG = 2.0
WEAK = 1.0
#: A plain-language name of an area, as said to a patient ("this big change", "that loneliness", "a disagreement"):
#: a commitment only in a naming or plan frame ("we call this ...", "work on ...", see :data:`LAY_FRAMES`).
LAY = 0.5

AREA_CUES: dict[ProblemArea, list[tuple[str, float]]] = {
    ProblemArea.GRIEF: [
        ("grief", STRONG), ("complicated bereave*", STRONG), ("bereave*", STRONG), ("grief focus", STRONG),
        ("unresolved grie*", STRONG), ("delayed grie*", STRONG), ("complicated grie*", STRONG),
        ("abnormal grie*", STRONG), ("pathological mourn*", STRONG), ("mourning", WEAK), ("grieving", WEAK),
        ("griev*", WEAK),
    ],
    ProblemArea.ROLE_DISPUTE: [
        ("role dispute*", STRONG), ("interpersonal dispute*", STRONG), ("role conflict*", STRONG),
        ("interpersonal conflict*", STRONG), ("marital conflict*", STRONG), ("marital dispute*", STRONG),
        ("relationship conflict*", STRONG), ("role disput*", STRONG), ("dispute*", STRONG),
        ("non-reciprocal expectation*", STRONG), ("nonreciprocal expectation*", STRONG),
        ("non reciprocal expectation*", STRONG),
        ("conflict with", WEAK), ("family conflict*", WEAK), ("couple conflict*", WEAK), ("marital", WEAK),
    ],
    ProblemArea.ROLE_TRANSITION: [
        ("role transition*", STRONG), ("life transition*", STRONG), ("transition*", STRONG),
        ("life change*", STRONG), ("role change*", STRONG), ("change of role*", STRONG), ("change in role*", STRONG),
        ("life event transition*", STRONG),
    ],
    ProblemArea.INTERPERSONAL_DEFICITS: [
        ("interpersonal deficit*", STRONG), ("interpersonal deficienc*", STRONG), ("interpersonal sensitiv*", STRONG),
        ("deficit*", STRONG),
        ("social isolation", STRONG), ("loneliness and social isolation", STRONG),
        ("interpersonal sensitivity", STRONG), ("long-standing isolation", WEAK), ("lifelong isolation", WEAK),
        ("chronic loneliness", WEAK), ("social skill* deficit*", STRONG),
    ],
}
#: Plain-language names of the areas (the WHO group manual's "life changes", "disputes", "loneliness and social
#: isolation"; reference section 2), as a formulation said to the patient names them.
LAY_AREA_CUES: dict[ProblemArea, list[str]] = {
    ProblemArea.GRIEF: ["death of"],
    ProblemArea.ROLE_DISPUTE: ["disagreement*", "conflict", "conflicts", "fights", "arguments", "rows",
                               "falling-out", "falling out", "standoff"],
    ProblemArea.ROLE_TRANSITION: ["change", "changes", "upheaval", "new chapter", "adjustment", "adjusting",
                                  "new life"],
    ProblemArea.INTERPERSONAL_DEFICITS: ["loneliness", "isolation", "being alone", "being lonely",
                                         "close relationships", "closeness"],
}
for _area, _phrases in LAY_AREA_CUES.items():
    AREA_CUES[_area] += [(phrase, LAY) for phrase in _phrases]
#: Words that make a plain-language area name the answer's focus: a plan ("work on", "focus on", "help with",
#: "tackle") or the writer's own naming ("we call this", "this is what we call").
LAY_FRAMES: frozenset[str] = frozenset({"work", "working", "focus", "focusing", "concentrate", "tackle", "tackling",
                                        "call", "called", "name", "address", "addressing"})

STAGE_CUES: dict[DisputeStage, list[str]] = {
    DisputeStage.RENEGOTIATION: ["renegotiat*", "re-negotiat*", "still negotiat*", "actively negotiat*",
                                 "actively trying", "still arguing", "negotiation stage", "still trying",
                                 "keep trying", "still talk*", "still negotiat*", "still at it", "not given up",
                                 "trying to fix", "trying to sort", "still fighting", "still fight*",
                                 "neither has given up", "still want* to", "both still"],
    DisputeStage.IMPASSE: ["impass*", "stalemate", "cold war", "deadlock*", "stalled", "negotiation has stopped",
                           "stopped negotiat*", "stopped talking", "silent standoff", "standoff", "no longer talk*",
                           "not speaking", "stopped speaking", "silence", "talking has stopped", "not talking",
                           "no longer speak*", "given up talking", "gone quiet", "no contact", "barely talk*",
                           "barely speak*", "hardly talk*", "hardly speak*",
                           # the reference's own description (3.2): resentment goes on under the surface
                           "gone underground", "under the surface", "smoulder*"],
    DisputeStage.DISSOLUTION: ["dissolution", "dissolv*", "ending the relationship", "beyond repair",
                               "decided to leave", "decided to end", "separat* is final", "end the relationship",
                               "really over", "is over", "made up his mind", "made up her mind", "has decided",
                               "wants out", "ended it"],
}

#: Words that make a mention of an area an explicit choice ("the focus is", "PA:", "I'd go with", "formulate as").
CHOICE_MARKERS: frozenset[str] = frozenset(
    {"focus", "focused", "focusing", "primary", "main", "principal", "central", "core", "choose", "chose", "chosen",
     "choice", "formulat*", "area", "target", "treat", "frame", "framed", "framing", "pick", "opt", "go", "going",
     "fits", "fit", "best", "issue", "work", "secondary", "second", "select*", "decide*"}
)
#: Kept for callers that imported the old name.
FOCUS_MARKERS = CHOICE_MARKERS
PRIMARY_MARKERS: frozenset[str] = frozenset({"primary", "main", "principal", "central", "core", "first", "mainly",
                                             "chiefly", "predominantly", "primarily"})
SECONDARY_MARKERS: frozenset[str] = frozenset({"secondary", "second", "2nd", "additional", "additionally", "also",
                                               "within", "subsidiary", "minor", "alongside", "plus", "later"})
#: Words before an area that make it a possibility, not a choice ("could be grief").
HEDGE_BEFORE: frozenset[str] = frozenset({"could", "possible", "possibly", "maybe", "might", "perhaps", "consider",
                                          "considered", "considering", "differential", "unlikely", "whether",
                                          "leaning", "lean", "inclined", "tentatively", "guess", "arguments", "torn",
                                          "possibilities", "options", "between"})
#: Words right after an area that make it a possibility ("grief comes to mind", "deficits unlikely", "a dispute
#: focus could be added").
HEDGE_AFTER: frozenset[str] = frozenset({"mind", "possible", "possibly", "maybe", "unlikely", "considered",
                                         "perhaps", "tempting", "candidate", "candidates", "could", "might",
                                         "sorts"})
#: Verbs that reject what was just mentioned ("I reject both", "rule them out", "neither fits").
REJECTION_VERBS: frozenset[str] = frozenset({"reject", "rejected", "rejecting", "exclude", "excluded", "discard",
                                             "discarded", "ruled", "rule", "fits", "fit", "applies", "apply"})
#: Words that point back to areas named before ("both", "them", "either").
BACK_REFERENCES: frozenset[str] = feature(frozenset({
    "both", "them", "either", "neither", "these", "those", "it", "that", "this",
}))
#: Verbs that put a label in someone else's mouth ("he calls it a bereavement", "the referral says deficits").
ATTRIBUTION_VERBS: frozenset[str] = frozenset(
    {"says", "said", "say", "calls", "called", "call", "describes", "described", "describe", "feels", "felt",
     "thinks", "thought", "believes", "believed", "suspects", "suspected", "reports", "reported", "mentions",
     "mentioned", "claims", "claimed", "told", "tells", "refers", "referred", "referral", "according", "labels",
     "labelled", "labeled", "sees", "views", "wonders", "names", "named", "insists", "complains"}
)
#: Words that turn an answer round to another area ("but really it is grief", "I'd rather treat it as").
REVERSAL_WORDS: frozenset[str] = frozenset({"really", "actually", "honestly", "rather", "instead", "truly", "fact",
                                            "real", "reflection"})


@dataclass(frozen=True, slots=True)
class Concept:
    """A goal or strategy a formulation can name."""

    id: str
    area: ProblemArea | None  # None: general IPT concept, fits any area
    label: str
    cues: tuple[str, ...]


def _concepts(*items: Concept) -> dict[str, Concept]:
    return {c.id: c for c in items}


G, D, T, S = (ProblemArea.GRIEF, ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION,
              ProblemArea.INTERPERSONAL_DEFICITS)

GOALS: dict[str, Concept] = _concepts(
    Concept("grief.mourn", G, "help the patient mourn",
            ("mourn*", "grieve", "grieving process", "grief process", "process* the loss", "process* the death",
             "work through the loss", "work through the grief", "come to terms with the death", "facilitat* mourn*",
             "express grief", "let herself grieve", "let himself grieve", "allow* to grieve", "what lost",
             "room for grief", "room for your grief", "grief room", "let the sadness", "let sadness",
             "say goodbye", "time to grieve", "room to grieve", "space to grieve")),
    Concept("grief.reinvest", G, "re-establish interests and relationships that partly replace what was lost",
            ("re-establish interest*", "reestablish interest*", "new relationship*", "reconnect*", "re-engag*",
             "reengag*", "reinvest*", "rebuild* social", "rebuild* relationship*", "new interest*", "renew* interest*",
             "substitut* relationship*", "return to", "replace what was lost", "rebuild* contact*",
             "re-establish relationship*", "reestablish relationship*", "involved with others", "back in touch",
             "get* back to", "go* back to", "back into", "rejoin*", "resum*")),
    Concept("dispute.identify", D, "identify the dispute and its stage",
            ("identify the dispute", "clarify the dispute", "understand the dispute", "name the dispute",
             "define the dispute")),
    Concept("dispute.plan", D, "choose a plan of action for the dispute",
            ("plan of action", "action plan", "decide what she wants", "decide what he wants", "decide what they want",
             "choose* a plan", "chose a plan", "options for the relationship", "decision about the relationship",
             "plan the", "plan how", "plan what", "agree a plan", "plan for", "what you want now",
             "make a decision", "decide together")),
    Concept("dispute.resolve", D, "change expectations or faulty communication to reach a satisfactory resolution",
            ("modify expectation*", "change* expectation*", "renegotiat* expectation*", "align* expectation*",
             "adjust* expectation*", "satisfactory resolution", "resolve the dispute", "resolv* the conflict",
             "improv* communication", "change communication", "better communication", "reciprocal expectation*",
             "resolution of the dispute", "negotiate", "reopen negotiat*", "re-open negotiat*", "reopen* the dispute",
             "reopen* discussion", "end* the relationship", "mourn the relationship", "mourn* the marriage",
             "reopen* things", "into the open", "open up the conflict", "reopen* the conflict", "fair deal",
             "fair arrangement", "sort it out", "sort things out", "talk again", "talking again",
             "way* forward", "come to an agreement", "ways of saying",
             "how to ask", "ask for what", "end the partnership", "end the marriage", "end the friendship",
             "resolv*")),
    Concept("transition.mourn_old", T, "mourn and accept the loss of the old role",
            ("mourn* the old role", "mourn* old role", "mourn* old life", "griev* old role",
             "mourn* the loss of the old", "loss of the old role", "grieve the old role",
             "accept* the loss", "let go of the old", "mourn* what was lost", "mourn* the loss of",
             "mourn the old", "mourning the old", "acknowledge* the loss", "old role", "former role", "previous role",
             "what she lost", "what he lost", "what was lost", "loss of role", "what lost", "what miss*",
             "old life", "the life had", "mourn*", "griev*", "left behind", "miss about", "make peace with",
             "let go of", "come to terms with", "coming to terms with")),
    Concept("transition.realistic_new", T, "see the new role realistically, including its possibilities",
            ("new role", "realistic view", "more realistic", "realistic*", "balanced view", "possibilities of the new",
             "opportunit* of the new", "new situation", "new life", "positive and negative aspects",
             "pros and cons of the new", "what the new", "accept* the new", "could offer", "can offer",
             "has to offer", "offers", "still possible", "can hold", "could hold", "what comes next",
             "new stage", "still open", "could still", "can still", "what could be", "what is good about",
             "good about the new", "life here could", "possibilit*")),
    Concept("transition.mastery", T, "regain self-esteem through mastery of the new role",
            ("master*", "competen*", "self-esteem", "self esteem", "new skills", "skills needed",
             "confidence in the new", "sense of control", "skill* for the new", "build* skills", "skills you need",
             "confiden*", "capable")),
    Concept("deficits.reduce_isolation", S, "reduce social isolation",
            ("reduce* isolation", "reduc* social isolation", "less isolated", "decrease* isolation",
             "reduce* loneliness", "reduc* her isolation", "reduc* his isolation", "tackle* isolation",
             "less isolation", "less loneliness", "fewer isolated", "less alone",
             "address* isolation", "overcome isolation", "less alone", "less lonely")),
    Concept("deficits.new_relationships", S, "encourage forming new relationships",
            ("form new relationship*", "forming new relationship*", "new relationship*", "make friends",
             "new friend*", "build* relationship*", "develop* relationship*",
             "new relations", "one friendship", "a friendship", "new friendship*", "new connection*",
             "start relationship*",
             "initiate relationship*", "form* relationship*", "sustain* relationship*", "keep friend*",
             "make* friend*")),
    Concept("general.symptom_relief", None, "relieve depressive symptoms",
            ("reduc* depressive symptoms", "relieve* symptoms", "symptom relief", "reduc* symptoms",
             "improv* mood", "remission", "relieve the depression", "reduc* depression")),
)

STRATEGIES: dict[str, Concept] = _concepts(
    Concept("general.link_onset", None, "link symptom onset to the interpersonal event",
            ("link* onset", "link* symptom*", "link* mood", "link* the depression", "connect* mood", "connect* onset",
             "connect* symptom*", "link* his mood", "link* her mood", "link* the onset", "onset to the",
             "relate* mood")),
    Concept("general.communication_analysis", None, "communication analysis",
            ("communication analys*", "step by step", "where wrong", "off track", "break* down", "recent argument*",
             "specific conversation*", "specific interaction*", "go over conversation*", "go through argument*",
             "go over talks", "go over argument*", "go through conversation*")),
    Concept("general.role_play", None, "role play",
            ("role play*", "role-play*", "roleplay*", "rehears*", "practis*", "practic*")),
    Concept("general.decision_analysis", None, "decision analysis",
            ("decision analys*", "whether to", "weigh* the options", "weigh* up")),
    Concept("general.encourage_affect", None, "encouragement of affect",
            ("encourag* affect", "express* feeling*", "express* emotion*", "expression of feeling*",
             "expression of affect", "express* anger", "express* sadness", "encourag* expression", "feel* about",
             "your feelings", "the feelings", "hard feelings", "about his feelings", "about her feelings",
             "about their feelings", "sadness", "cry", "express* sad*",
             "express* grief")),
    Concept("grief.reconstruct", G, "reconstruct the relationship with the deceased, good and bad",
            ("reconstruct* the relationship", "reconstruct* relationship*", "reconstruct* marriage",
             "relationship with the deceased", "difficult between", "hard between",
             "review* the relationship",
             "explore* the relationship with", "positive and negative", "good and bad", "mixed feeling*",
             "ambivalen*", "balanced picture", "idealis*", "idealiz*", "good times", "hard ones",
             "good and the difficult", "good and the hard", "good and the bad",
             "life together", "meant to you", "your relationship", "relationship with her", "relationship with him",
             "what she meant", "what he meant", "the difficult", "what she was like", "what he was like",
             "hard parts", "hard times")),
    Concept("grief.events_of_death", G, "go over the events before, during and after the death",
            ("events around the death", "events of the death", "circumstances of the death",
             "circumstances of his death", "circumstances of her death", "circumstances of their death",
             "before during and after",
             "around death", "time of the death", "the funeral", "the death in detail", "the last days",
             "what happened when died", "what happened around death", "last weeks", "illness and death", "when died",
             "how died", "events of death", "events around death", "day died", "last day",
             "what happened on the day", "the day of the death")),
    Concept("grief.forbidden_feelings", G, "encourage 'forbidden' feelings (anger, relief, guilt)",
            ("guilt", "anger at", "forbidden feeling*", "forbidden affect", "relief", "angry at", "angry with",
             "anger with", "anger toward*",
             "anger towards",
             "any anger", "the anger", "guilty")),
    Concept("dispute.stage", D, "establish the stage of the dispute", ("stage of the dispute", "determine* the stage",
                                                                        "establish* the stage", "assess* the stage",
                                                                        "staging", "dispute stage", "confirm* stage",
                                                                        "check* the stage", "clarify the stage",
                                                                        "determine* stage", "assess* stage")),
    Concept("dispute.expectations", D, "clarify each party's expectations",
            ("expectation*", "what each wants", "what each of them wants", "what she wants from",
             "what he wants from", "what each expect*", "each expect*", "what expect*")),
    Concept("dispute.options", D, "explore options and resources for change",
            ("options", "resources for change", "alternatives", "possible solutions")),
    Concept("dispute.patterns", D, "examine how communication keeps the dispute going; parallels elsewhere",
            ("communication pattern*", "unspoken assumption*", "parallel* in other", "pattern* of communication",
             "how the dispute", "keeps the dispute", "similar pattern*")),
    Concept("transition.review_old_new", T, "review the good and bad of the old and the new role",
            ("old and new role*", "old role and the new", "good and bad", "positive and negative",
             "pros and cons", "balanced", "idealis*", "idealiz*", "review* the old", "evaluat* the old",
             "what was good", "what was hard", "what it lacks", "look* honestly", "honest look", "old vs new",
             "old new", "old versus new", "hard about", "hard in the old")),
    Concept("transition.feelings_about_change", T, "express feelings about what was lost and the change itself",
            ("feelings about the change", "feelings about the loss", "feelings about the move",
             "feelings about losing", "feelings about leaving", "feelings about retire*", "feelings about the new",
             "feelings about what", "feelings about the diagnosis", "feelings about the divorce",
             "feelings about the separation", "feelings about", "feel* about", "talk* about what lost",
             "feelings re", "feelings abt",
             "talk* about the loss", "talk* about the change",
             "talk* about what miss*", "affect re", "affect about")),
    Concept("transition.new_skills", T, "identify and practise skills for the new role",
            ("new skills", "skills for the new", "skills needed", "practis* skill*", "practic* skill*",
             "develop* skill*", "build* skill*", "learn* skill*", "skills you need")),
    Concept("transition.new_support", T, "build a new social support network",
            ("support network", "social support*", "support group*", "new support*", "new contact*", "new friend*",
             "new network", "new social", "build* support", "local activit*", "join* a", "support system",
             "new connections", "reconnect*", "some contacts", "contacts here", "find support", "new people",
             "get* back to", "go* back to", "back in touch", "back in contact", "build* social life", "rejoin*",
             "back into", "return to", "people around", "rebuild* support*", "rebuild* network", "re-engag*",
             "reengag*")),
    Concept("deficits.past_relationships", S, "review past relationships for repeating patterns",
            ("past relationship*", "previous relationship*", "repeating pattern*", "recurrent pattern*",
             "relationship history", "pattern* in relationship*", "earlier relationship*", "past friendship*",
             "previous friendship*", "earlier friendship*", "for patterns", "that pattern")),
    Concept("deficits.therapeutic_relationship", None, "use the therapeutic relationship as a sample",
            ("therapeutic relationship", "relationship with the therapist", "therapist relationship",
             "in session relationship", "relationship in the room", "relat* to me", "with me here",
             "between us", "we get on", "feel with me", "relationship with me", "between you and me",
             "between him and me", "between her and me", "relationship between us")),
    Concept("deficits.social_skills", S, "practise social skills in role play",
            ("social skill*", "conversation skill*", "interpersonal skill*", "practis* conversation*",
             "practic* conversation*", "practis*", "practic*", "rehears*")),
    Concept("deficits.graded_contact", S, "set graded steps toward contact",
            ("graded step*", "graded contact", "small step*", "little step*", "gradual* contact", "gradual* step*",
             "one small",
             "graded social", "graded re-contact", "step toward*", "steps toward*", "manageable step*")),
)

#: Techniques of other therapies that trainees put in an IPT plan (reference sections 1 and 4: IPT "does not target
#: automatic thoughts and has no formal homework", "no cognitive restructuring"; imagery rescripting is not in its
#: toolbox). They are read like the concepts above, earn no credit, and take the IPT cue words inside their phrases
#: with them ("balanced" in "balanced thoughts", "weigh up" in "weigh up the evidence for the thought", "small steps" in
#: "an activity schedule in small steps"); the feedback says plainly that they are not IPT strategies.
NON_IPT_TECHNIQUES: dict[str, Concept] = _concepts(
    Concept("cbt.thought_records", None, "thought records",
            ("thought record*", "thought diar*", "thought log*", "thought monitoring", "automatic thought*",
             "dysfunctional thought*", "hot thought*", "record* his thoughts", "record* her thoughts",
             "record* your thoughts", "record* their thoughts")),
    Concept("cbt.cognitive_restructuring", None, "cognitive restructuring (challenging thoughts)",
            ("cognitive restructur*", "cognitive reframing", "cognitive challeng*", "restructur* thought*",
             "restructur* belief*", "restructur* thinking", "challeng* thought*", "challeng* negative*",
             "challeng* belief*", "challeng* unhelpful*", "challeng* the thought*", "challeng* his thought*",
             "challeng* her thought*", "challeng* your thought*", "challeng* assumption*", "evidence for and against",
             "evidence for the thought", "evidence against the thought", "weigh* up the evidence",
             "weigh* the evidence", "examin* the evidence", "balanced thought*", "alternative thought*",
             "balanced alternative*", "cognitive distortion*", "thinking error*", "thinking trap*", "core belief*",
             "socratic*", "reframe* thought*", "reframe* negative*", "reframing thought*", "coping statement*",
             "rehears* coping statement*", "practis* coping statement*", "practic* coping statement*",
             "unhelpful thought*", "unhelpful thinking", "negative thinking")),
    Concept("cbt.behavioural_activation", None, "behavioural activation (activity scheduling)",
            ("behavioural activation", "behavioral activation", "behaviour activation", "behavior activation",
             "activity schedul*", "schedul* activit*", "schedul* pleasant*", "pleasant activit*", "pleasant event*",
             "activity diar*", "activity monitor*", "activity log*", "activity chart*", "mastery and pleasure",
             "pleasure and mastery", "activity schedul* small step*", "activation small step*")),
    Concept("cbt.graded_exposure", None, "graded exposure or graded tasks",
            ("graded exposure", "gradual exposure", "exposure hierarch*", "exposure therap*", "exposure exercise*",
             "exposure task*", "in vivo exposure", "fear hierarch*", "graded task*", "graded activit*",
             "behavioural experiment*", "behavioral experiment*", "systematic desensiti*",
             "task* broken down step by step", "task* step by step")),
    Concept("cbt.homework", None, "homework worksheets",
            ("worksheet*", "work sheet*", "workbook*")),
    # the word alone: IPT sets no formal homework, but a task between sessions agreed with the patient is part of the
    # work (reference section 7), so what the task is, not the word, decides (concepts._cuts)
    Concept("other.homework", None, "formal homework", ("homework",)),
    Concept("other.imagery", None, "imagery rescripting",
            ("imagery rescript*", "guided imagery", "image rescript*", "rescripting")),
)


#: Patient-facing elements of a formulation (reference section 6), read only by the patient rubric.
PATIENT_CUES: dict[str, list[str]] = {
    "diagnosis": ["depression", "depressive", "major depress*", "depressive episode", "depressive disorder",
                  "postnatal depression", "postpartum depression", "diagnos*"],
    # The medical model: the depression is a common, treatable illness and not the patient's fault. It frames the
    # diagnosis; on its own it is not yet the sick role.
    "illness": ["not your fault", "nobody fault", "no one fault", "not to blame", "not a weakness",
                "not weakness", "not a sign of weakness", "not a failing", "not a failure", "not a personal failure",
                "not a flaw", "treatable", "can be treated", "common illness", "medical illness", "an illness",
                "real illness", "part of the illness", "common and treatable", "do not blame yourself",
                "not blame yourself", "nothing to be ashamed", "not to blame yourself"],
    # The sick role (reference glossary): some obligations are eased while recovering, and the patient's task is
    # to work at getting better.
    "sick_role": ["sick role", "take things easier", "take it easier", "take it a bit easier", "things a bit easier",
                  "ease off", "do a bit less", "do a little less", "do less", "do only what you must",
                  "sick leave", "let others carry", "ask for help", "ask less of yourself", "help more", "do more",
                  "help a little more", "more help", "less is expected", "your part is", "work on getting better",
                  "work at getting better", "work on getting well",
                  "work at getting well", "focus on getting better", "work on your recovery",
                  "working on your recovery", "work with me on getting better", "work on it with me",
                  "easier on yourself", "less of yourself", "expect less of yourself", "focus on getting well",
                  "getting better a priority", "getting well a priority", "recovery a priority",
                  "getting better is part of", "getting well is part of"],
    "agreement": ["does that fit", "does this fit", "do you agree", "would you agree", "your view",
                  "how you see it", "does that sound", "does this sound", "does that make sense",
                  "what do you think"],
}


def concepts_by_area(concepts: dict[str, Concept]) -> dict[ProblemArea | None, list[Concept]]:
    """Group concepts by the area they belong to (``None`` for general ones)."""
    grouped: dict[ProblemArea | None, list[Concept]] = {}
    for concept in concepts.values():
        grouped.setdefault(concept.area, []).append(concept)
    return grouped


#: Events and states that point to an area when an answer reasons in plain language without naming one
#: ("his depression is about losing the job that defined him and not yet settling into retirement").
EVENT_CUES: dict[ProblemArea, list[str]] = {
    ProblemArea.GRIEF: ["died", "death of", "passed away", "widow*", "bereaved", "funeral", "his death", "her death",
                        "their death", "lost his wife", "lost her husband", "lost his mother", "lost her mother",
                        "lost his father", "lost her father", "lost his son", "lost her son", "lost his daughter",
                        "lost her daughter", "not yet mourned", "never mourned", "never grieved", "unmourned",
                        "lost him", "losing him", "since he died", "since she died", "after he died",
                        "after she died"],
    ProblemArea.ROLE_TRANSITION: ["retire*", "retirement", "relocat*", "emigrat*", "migrat*", "moving to",
                                  "moved to", "the move", "losing the job", "losing his job", "losing her job",
                                  "lost his job", "lost her job", "job loss", "redundan*", "laid off", "promot*",
                                  "new job", "new role", "new post", "new position", "graduat*", "divorce*",
                                  "separation", "becoming a mother",
                                  "becoming a father", "becoming a parent", "new baby", "birth of", "diagnos* with",
                                  "settling into", "adjusting to", "adapting to", "adjust* to", "identity",
                                  "empty nest", "left home", "who he was", "who she was", "defined him",
                                  "defined her", "was born", "were born", "gave birth", "had a baby", "had the baby",
                                  "left job", "gave up job", "new school", "new country", "new city", "started school",
                                  "moved here", "moved country", "upside down", "diagnosis", "gave up",
                                  "came to live", "moved in", "move into", "moving into",
                                  "life changed", "old self", "old life", "surgery", "amputat*", "injur*",
                                  "disabilit*"],
    ProblemArea.ROLE_DISPUTE: ["argu*", "fight*", "rows", "disagree*", "resent*", "stopped speaking",
                               "stopped talking", "falling out", "fell out", "at odds", "tension with",
                               "conflict with", "conflict between", "clash*", "expectations of each other",
                               "what each expects",
                               "broken promise", "broke their agreement", "cold war", "standoff",
                               "different things", "want* different", "shouting", "fallen out", "betray*",
                               "quarrel*", "row with", "blames", "blamed", "different directions", "mediation",
                               "want* out", "on bad terms",
                               # agreement denied is disagreement ("a father and son who cannot agree on ...")
                               "not agree*", "never agree*", "no agreement", "not see eye to eye"],
    ProblemArea.INTERPERSONAL_DEFICITS: ["never had a close friend", "never had friends", "never had close",
                                         "always been alone", "always been lonely", "always been isolated",
                                         "lifelong", "life-long", "long-standing", "longstanding",
                                         "since childhood", "few relationships", "no close relationships",
                                         "all his life", "all her life", "most of his life", "most of her life",
                                         "all your life", "most of your life", "few people", "no one close",
                                         "nobody close", "no close friend*", "never a close", "never close",
                                         "never had a friend", "lonely for", "alone for", "isolated for", "loner",
                                         "hard to make friends", "hard to make and keep", "make and keep",
                                         "keep friends", "always been shy", "always shy"],
}
#: Words that make a clause an explanation ("is about", "because of", "triggered by", "after").
CAUSAL_WORDS: frozenset[str] = feature(frozenset({
    "about", "because", "due", "triggered", "trigger", "after", "since", "following", "reaction", "stems",
    "linked", "related", "caused", "cause", "when", "began", "started", "explains", "explained", "driven",
}))

#: Statements that nothing happened before the onset: the timeline link of an interpersonal-deficits formulation.
ABSENCE_OF_EVENT_CUES: tuple[str, ...] = (
    "found none", "found nothing", "found no", "did not find", "could not find", "no trigger*", "no event*",
    "no life event*", "nothing changed", "nothing happened", "no precipitant*", "out of nowhere", "no loss",
    "no death* no", "nothing to link", "no acute", "no recent change*", "no change*", "nothing precede*",
    "nothing in the months", "shows nothing", "crept up", "came from nowhere", "no clear trigger",
    "do not find", "have not found", "not found any", "nothing set", "nothing that set",
    "nothing new", "no new event*", "nothing recent", "find no", "nobody died", "no one died", "nobody has died",
    "no one has died", "nothing in his life changed", "nothing in her life changed", "nothing in their life changed",
)

#: Words that tie an event to symptom onset in time.
TEMPORAL_LINK_CUES: tuple[str, ...] = (
    "after", "since", "following", "followed", "began", "begun", "started", "onset", "triggered", "trigger",
    "coincid*", "anniversar*", "weeks", "months", "soon", "shortly", "timeline", "preceded", "precipitat*",
    "when", "linked", "link*", "connected", "within", "around the time", "in the wake", "from",
)


#: Everyday English words that typo repair would otherwise take for a misspelt cue word ("should" -> "shout",
#: "mother" -> "other", "carer" -> "career", "morning" -> "mourning"): correctly spelt, they stay as they are.
COMMON_WORDS: frozenset[str] = frozenset({
    "should", "would", "could", "shall", "might", "mother", "mothers", "father", "brother", "sister", "others",
    "identity", "walking", "taking", "making", "crying", "nights", "lights", "morning", "mornings", "loving",
    "closing", "calling", "letter", "letters", "chance", "chances", "charge", "bought", "brought", "result",
    "carer", "carers", "caring", "convention", "professional", "contract", "relied", "staying", "leading",
    "shared", "sharing", "assets", "drifted", "mattered", "sociable", "relatives", "relative", "parent", "spoke",
    "drove", "involve", "involves", "option", "difficulty", "clarity", "balance", "thing", "month",
    "healthy", "accent", "choosing", "failing", "leaves", "closed", "round", "worse", "built", "agreed", "loner",
    "sessions", "session", "sunday", "sundays", "family", "families", "solution", "situations", "revolved",
    "revolve", "revolves", "believe",
})


#: A resemblance said of the work ("the work will then resemble a role transition", reference 3.2): a comparison inside
#: a plan, never a second focus.
LIKENESS_WORDS = frozenset({"resemble", "resembles", "resembled", "resembling", "similar", "akin", "comparable"})


def reader_words() -> frozenset[str]:
    """The words the scorer reads around cues (markers, hedges, attribution and rejection verbs): typo repair must
    leave them as they are."""
    words = (CHOICE_MARKERS | PRIMARY_MARKERS | SECONDARY_MARKERS | HEDGE_BEFORE | HEDGE_AFTER | ATTRIBUTION_VERBS
             | REVERSAL_WORDS | REJECTION_VERBS | BACK_REFERENCES | CAUSAL_WORDS | COMMON_WORDS | LIKENESS_WORDS)
    return frozenset(w for w in words if not w.endswith("*"))


_TO_SECOND_PERSON = {"he": "you", "she": "you", "his": "your", "her": "your", "him": "you", "himself": "yourself",
                     "herself": "yourself", "they": "you", "their": "your", "themselves": "yourself"}


def second_person(cue: str) -> str | None:
    """The cue as said to the patient ("decide what she wants" -> "decide what you want*"), or None when it has no
    third-person word. A formulation said to the patient speaks of "you" and "your" where a note says "she".
    The verb after a subject pronoun loses its third-person ending ("wants" -> "want*")."""
    words = cue.split()
    if not any(w in _TO_SECOND_PERSON for w in words):
        return None
    out = []
    for k, word in enumerate(words):
        previous = words[k - 1] if k else ""
        if previous in {"he", "she"} and word.endswith("s") and not word.endswith(("ss", "*")) and len(word) > 3:
            word = word[:-1] + "*"
        out.append(_TO_SECOND_PERSON.get(word, word))
    return " ".join(out)
