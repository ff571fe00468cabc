"""The shared text engine: clauses, abbreviations, typo repair and negation."""

from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import clauses

MATCHER = build_matcher(
    {"grief": ["grief", "complicated bereave*"], "transition": ["role transition*", "life change*"]}
)


def found(text: str) -> dict[str, bool]:
    """concept -> negated? (last match wins)"""
    return {m.concept: m.negated for m in MATCHER.find(text)}


def test_contrastive_words_end_a_clause():
    expected = [["not", "grief"], ["a", "transition"], ["a", "dispute"]]
    assert clauses("Not grief, but a transition; a dispute") == expected


def test_contractions_and_accents_are_normalised():
    assert clauses("It isn't Zoë's grief") == [["it", "is", "not", "zoe", "grief"]]


def test_negated_mention_is_marked():
    assert found("This is not grief but a role transition") == {"grief": True, "transition": False}


def test_rather_than_negates_what_follows_only():
    assert found("a life change rather than grief") == {"transition": False, "grief": True}


def test_i_would_rather_is_not_a_negation():
    assert found("I would rather frame it as a role transition") == {"transition": False}


def test_post_negation():
    assert found("Grief is ruled out.") == {"grief": True}


def test_typos_are_repaired_toward_cue_words():
    assert found("complicated bereavment after her fathers death") == {"grief": False}
    assert found("role transtion") == {"transition": False}


def test_unrelated_words_are_not_repaired_into_cues():
    assert found("the tradition of Sunday lunch") == {}


def test_abbreviations_expand():
    assert found("RT after retirement") == {"transition": False}


def test_gaps_allowed_between_cue_words():
    assert found("a role and life transition") == {"transition": False}
    assert found("role is something we discussed at great length before any transition") == {}


def test_negation_covers_a_list_of_items():
    matcher = build_matcher({"grief": ["grief"], "dispute": ["dispute"], "deficits": ["deficits"],
                             "transition": ["transition"]})
    negated = {m.concept: m.negated for m in matcher.find("A transition, so this is not grief, a dispute or deficits.")}
    assert negated == {"transition": False, "grief": True, "dispute": True, "deficits": True}
