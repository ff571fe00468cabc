"""Clinical vocabulary the formulation scorer recognises: areas, stages, goals and strategies.

Every concept follows ``shared/ipt-reference.md`` section 3. Cues are matcher phrases (see
:mod:`ipt_training.text.matcher`): words in order, ``*`` for a prefix, small gaps allowed.
A strong cue (weight 2) names the area outright; a weak cue (weight 1) is a paraphrase that also
appears in ordinary description, so it counts as a commitment only with a focus marker nearby.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_training.domain import DisputeStage, ProblemArea

STRONG = 2.0
WEAK = 1.0

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
        ("interpersonal deficit*", STRONG), ("interpersonal sensitiv*", STRONG), ("deficit*", STRONG),
        ("social isolation", STRONG), ("loneliness and social isolation", STRONG),
        ("interpersonal sensitivity", STRONG), ("long-standing isolation", WEAK), ("lifelong isolation", WEAK),
        ("chronic loneliness", WEAK), ("social skill* deficit*", STRONG),
    ],
}

STAGE_CUES: dict[DisputeStage, list[str]] = {
    DisputeStage.RENEGOTIATION: ["renegotiat*", "re-negotiat*", "still negotiat*", "actively negotiat*",
                                 "actively trying", "open conflict", "still arguing", "negotiation stage"],
    DisputeStage.IMPASSE: ["impass*", "stalemate", "cold war", "deadlock*", "stalled", "negotiation has stopped",
                           "stopped negotiat*", "stopped talking", "stuck", "silent standoff", "standoff"],
    DisputeStage.DISSOLUTION: ["dissolution", "dissolv*", "ending the relationship", "beyond repair",
                               "decided to leave", "decided to end", "separat* is final", "end the relationship"],
}

#: Words that mark a sentence as stating the chosen focus.
FOCUS_MARKERS: frozenset[str] = frozenset(
    {"focus", "primary", "main", "principal", "central", "core", "choose", "chose", "choice", "formulat*",
     "problem", "area", "work", "target", "best", "fits", "fit", "diagnos*", "frame", "framed", "treat"}
)
PRIMARY_MARKERS: frozenset[str] = frozenset({"primary", "main", "principal", "central", "core", "first", "mainly",
                                             "chiefly", "predominantly", "primarily"})
SECONDARY_MARKERS: frozenset[str] = frozenset({"secondary", "second", "additional", "additionally", "also",
                                               "within", "subsidiary", "minor", "alongside", "plus", "later"})


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
             "express grief", "let herself grieve", "let himself grieve", "allow* to grieve")),
    Concept("grief.reinvest", G, "re-establish interests and relationships that partly replace what was lost",
            ("re-establish interest*", "reestablish interest*", "new relationship*", "reconnect*", "re-engag*",
             "reengag*", "reinvest*", "rebuild* social", "rebuild* relationship*", "new interest*", "renew* interest*",
             "substitut* relationship*", "return to activit*", "replace what was lost", "rebuild* contact*",
             "re-establish relationship*", "reestablish relationship*", "involved with others")),
    Concept("dispute.identify", D, "identify the dispute and its stage",
            ("identify the dispute", "clarify the dispute", "understand the dispute", "name the dispute",
             "define the dispute")),
    Concept("dispute.plan", D, "choose a plan of action for the dispute",
            ("plan of action", "action plan", "decide what she wants", "decide what he wants", "decide what they want",
             "choose* a plan", "chose a plan", "options for the relationship", "decision about the relationship")),
    Concept("dispute.resolve", D, "change expectations or faulty communication to reach a satisfactory resolution",
            ("modify expectation*", "change* expectation*", "renegotiat* expectation*", "align* expectation*",
             "adjust* expectation*", "satisfactory resolution", "resolve the dispute", "resolv* the conflict",
             "improv* communication", "change communication", "better communication", "reciprocal expectation*",
             "resolution of the dispute", "negotiate", "reopen negotiat*", "re-open negotiat*", "reopen* the dispute",
             "reopen* discussion", "end* the relationship", "mourn the relationship", "mourn* the marriage")),
    Concept("transition.mourn_old", T, "mourn and accept the loss of the old role",
            ("mourn* the old role", "mourn* the loss of the old", "loss of the old role", "grieve the old role",
             "accept* the loss", "let go of the old", "mourn* what was lost", "mourn* the loss of",
             "mourn the old", "mourning the old", "acknowledge* the loss", "old role", "former role", "previous role",
             "what she lost", "what he lost", "what was lost", "loss of role")),
    Concept("transition.realistic_new", T, "see the new role realistically, including its possibilities",
            ("new role", "realistic view", "more realistic", "balanced view", "possibilities of the new",
             "opportunit* of the new", "new situation", "new life", "positive and negative aspects",
             "pros and cons of the new", "good and bad", "what the new", "accept* the new")),
    Concept("transition.mastery", T, "regain self-esteem through mastery of the new role",
            ("master*", "competen*", "self-esteem", "self esteem", "new skills", "skills needed",
             "confidence in the new",             "sense of control", "skill* for the new", "build* skills")),
    Concept("deficits.reduce_isolation", S, "reduce social isolation",
            ("reduce* isolation", "reduc* social isolation", "less isolated", "decrease* isolation",
             "reduce* loneliness", "reduc* her isolation", "reduc* his isolation", "tackle* isolation",
             "address* isolation", "overcome isolation")),
    Concept("deficits.new_relationships", S, "encourage forming new relationships",
            ("form new relationship*", "forming new relationship*", "new relationship*", "make friends",
             "new friend*", "build* relationship*", "develop* relationship*", "new connection*", "start relationship*",
             "initiate relationship*", "form* relationship*", "sustain* relationship*")),
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
            ("communication analys*",)),
    Concept("general.role_play", None, "role play",
            ("role play*", "role-play*", "roleplay*", "rehears*")),
    Concept("general.decision_analysis", None, "decision analysis",
            ("decision analys*",)),
    Concept("general.encourage_affect", None, "encouragement of affect",
            ("encourag* affect", "express* feeling*", "express* emotion*", "expression of feeling*",
             "expression of affect", "express* anger", "express* sadness", "encourag* expression")),
    Concept("grief.reconstruct", G, "reconstruct the relationship with the deceased, good and bad",
            ("reconstruct* the relationship", "relationship with the deceased", "review* the relationship",
             "explore* the relationship with", "positive and negative", "good and bad", "mixed feeling*",
             "ambivalen*", "balanced picture", "idealis*", "idealiz*")),
    Concept("grief.events_of_death", G, "go over the events before, during and after the death",
            ("events around the death", "events of the death", "circumstances of the death", "before during and after",
             "around the death", "time of the death", "the funeral", "the death in detail", "the last days")),
    Concept("grief.forbidden_feelings", G, "encourage 'forbidden' feelings (anger, relief, guilt)",
            ("guilt", "anger at", "forbidden feeling*", "relief", "angry at", "anger toward*", "anger towards")),
    Concept("dispute.stage", D, "establish the stage of the dispute", ("stage of the dispute", "determine the stage",
                                                                        "establish the stage", "assess the stage",
                                                                        "staging", "dispute stage")),
    Concept("dispute.expectations", D, "clarify each party's expectations",
            ("expectation*", "what each wants", "what each of them wants", "what she wants from",
             "what he wants from")),
    Concept("dispute.options", D, "explore options and resources for change",
            ("options", "resources for change", "alternatives", "possible solutions")),
    Concept("dispute.patterns", D, "examine how communication keeps the dispute going; parallels elsewhere",
            ("communication pattern*", "unspoken assumption*", "parallel* in other", "pattern* of communication",
             "how the dispute", "keeps the dispute", "similar pattern*")),
    Concept("transition.review_old_new", T, "review the good and bad of the old and the new role",
            ("old and new role*", "old role and the new", "good and bad", "positive and negative",
             "pros and cons", "balanced", "idealis*", "idealiz*", "review* the old", "evaluat* the old",
             "what was good")),
    Concept("transition.feelings_about_change", T, "express feelings about what was lost and the change itself",
            ("feelings about the change", "feelings about the loss", "feelings about the move",
             "feelings about losing", "feelings about leaving", "feelings about retire*", "feelings about the new",
             "feelings about what", "feelings about the diagnosis", "feelings about the divorce",
             "feelings about the separation", "feelings about")),
    Concept("transition.new_skills", T, "identify and practise skills for the new role",
            ("new skills", "skills for the new", "skills needed", "practis* skill*", "practic* skill*",
             "develop* skill*", "build* skill*", "learn* skill*")),
    Concept("transition.new_support", T, "build a new social support network",
            ("support network", "social support", "new support*", "new contact*", "new friend*", "new network",
             "new social", "build* support", "local activit*", "join* a", "support system", "new connections",
             "reconnect*")),
    Concept("deficits.past_relationships", S, "review past relationships for repeating patterns",
            ("past relationship*", "previous relationship*", "repeating pattern*", "recurrent pattern*",
             "relationship history", "pattern* in relationship*", "earlier relationship*")),
    Concept("deficits.therapeutic_relationship", S, "use the therapeutic relationship as a sample",
            ("therapeutic relationship", "relationship with the therapist", "therapist relationship",
             "in session relationship", "relationship in the room")),
    Concept("deficits.social_skills", S, "practise social skills in role play",
            ("social skill*", "conversation skill*", "interpersonal skill*", "practis* conversation*",
             "practic* conversation*")),
    Concept("deficits.graded_contact", S, "set graded steps toward contact",
            ("graded step*", "graded contact", "small step*", "gradual* contact", "graded exposure to social",
             "step by step", "gradual* step*", "graded task*", "one small")),
)


#: Patient-facing elements of a formulation (reference section 6), read only by the patient rubric.
PATIENT_CUES: dict[str, list[str]] = {
    "diagnosis": ["depression", "depressive", "major depress*", "depressive episode", "depressive disorder",
                  "postnatal depression", "postpartum depression", "diagnos*"],
    "sick_role": ["not your fault", "nobody fault", "no one fault", "not to blame", "not a weakness",
                  "not weakness", "not a sign of weakness", "not a failing", "not a failure", "not a personal failure",
                  "not a flaw", "treatable", "can be treated", "common illness", "medical illness", "an illness",
                  "real illness", "sick role", "part of the illness", "take things easier", "take it easier",
                  "things a bit easier", "ease off", "do a bit less", "do less", "sick leave", "while you recover",
                  "while you are recovering", "let others carry", "ask for help", "common and treatable"],
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


#: Words that tie an event to symptom onset in time.
TEMPORAL_LINK_CUES: tuple[str, ...] = (
    "after", "since", "following", "followed", "began", "begun", "started", "onset", "triggered", "trigger",
    "coincid*", "anniversar*", "weeks", "months", "soon", "shortly", "timeline", "preceded", "precipitat*",
    "when", "linked", "link*", "connected", "within", "around the time", "in the wake",
)
