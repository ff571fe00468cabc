"""The shared text engine: clauses, abbreviations, typo repair and negation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_training.text.matcher import build_matcher
from ipt_training.text.normalize import _clauses_by_regex, _normalised, clauses

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


def test_clause_splitting_at_the_edges_of_words():
    """Contrastive words and dashes end a clause by the text's word boundaries, however the tokens are found."""
    assert clauses("grief but-then dispute") == [["grief"], ["then", "dispute"]]
    assert clauses("x_but y") == [["x", "but", "y"]]
    assert clauses("well-being -- fine") == [["well-being"], ["fine"]]
    assert clauses("a --b") == [["a", "b"]]
    assert clauses("late-onset grief but? no", quotes=True) == [["late-onset", "grief"], ["no"]]
    assert clauses('"grief" but dispute?', quotes=True) == [['"', "grief", '"'], ["dispute", "?"]]


def test_token_caches_belong_to_one_matcher(monkeypatch):
    """Each matcher repairs and indexes tokens toward its own cues: a word cached by one matcher never brings
    another matcher's cues, and emptying a full cache changes no match."""
    text = "the grief work after his death; no grief yet"
    long_cues = build_matcher({"area:grief": ["grief work"]})
    short_cues = build_matcher({"area:other": ["grief"], "event": ["death"]})
    first = [(m.concept, m.clause, m.start, m.end) for m in long_cues.find(text)]
    second = [(m.concept, m.clause, m.start, m.end) for m in short_cues.find(text)]
    assert first == [("area:grief", 0, 1, 2)]
    assert second == [("area:other", 0, 1, 1), ("event", 0, 5, 5), ("area:other", 1, 1, 1)]
    monkeypatch.setattr("ipt_training.text.matcher._TOKEN_CACHE_SIZE", 2)
    for _ in range(3):  # the caches overflow and are emptied between (and within) calls
        assert [(m.concept, m.clause, m.start, m.end) for m in long_cues.find(text)] == first
        assert [(m.concept, m.clause, m.start, m.end) for m in short_cues.find(text)] == second


#: Characters and words where the two ways of cutting clauses could part: punctuation, dashes, quotes, contrastive
#: words touching other characters, shorthand, typographic and accented characters, control characters.
_PIECES = st.sampled_from([*"abt howevrs -\"?.;:!()[]\n\t\r\x0b\x0c\x1c,/&'=>+0123456789",
                           "but", "however", "though", " but ", "-but", "but-", "but?", "? ", "rt", "r/o", "w/", "dont",
                           "\u2019", "\u00e9", "\u2014", "e.g.", "\n  x", "3/12", "x-ray", "rd-impasse", "--", " -- ",
                           " - ", "\n- ", " -\n", "->", "butter", "\u00a0", "\u201c", "\ufb01"])


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.lists(_PIECES, max_size=30).map("".join), st.text(max_size=40)), quotes=st.booleans())
def test_one_pass_clauses_cut_as_the_regular_expressions_do(text, quotes):
    """The one-pass splitter (a byte table, then whitespace) gives the clauses and tokens the regular expressions
    give, for any text (an underscore or a NUL always takes the regular expressions)."""
    assert clauses(text, quotes=quotes) == _clauses_by_regex(_normalised(text), quotes)


_ORDER_MATCHER = build_matcher({"grief": ["grief", "complicated bereave*", "the loss"],
                                "dispute": ["dispute", "the row*"],
                                "transition": ["role transition*", "the new role", "new role"]})
_ORDER_WORDS = st.sampled_from(["grief", "complicated", "bereavement", "the", "loss", "row", "rows", "role",
                                "transition", "new", "dispute", "not", "no", "or", "and", "is", "out", "ruled", ",",
                                ".", "rather", "than"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_ORDER_WORDS, max_size=40))
def test_matches_come_in_text_order(words):
    """Matches are listed by clause, then by the word they start at (spreading a negation over a list relies on
    it)."""
    matches = _ORDER_MATCHER.find(" ".join(words))
    positions = [(m.clause, m.start) for m in matches]
    assert positions == sorted(positions)
    for m in matches:
        assert m.start <= m.end


def test_names_with_letters_that_have_no_accent_to_strip_keep_their_letters() -> None:
    from ipt_training.text.normalize import to_ascii_lower

    assert to_ascii_lower("Đức, Søren, Łukasz, Strauß, Ærøskøbing, Þóra") == (
        "duc, soren, lukasz, strauss, aeroskobing, thora")
    assert to_ascii_lower("Zoë and José") == "zoe and jose"
