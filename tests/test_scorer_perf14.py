"""Round 14's speed-ups read what they read before (issue 11, throughput).

* Positive contractions ("we'll", "she'd gone") are found by a pattern that opens with the apostrophe and looks back
  at the letter before it from after it: it must write out every contraction the look-behind form did, and nothing
  else.
* The pointer to text elsewhere ("see above", "as discussed in the previous cell") is looked for clause by clause only
  when the answer has a pointer word and a place (or a closing verb of saying) at all.
* A per-case table asked for the case it was asked for last answers without making a key, and still builds anew for
  another case, or for an equal case that is another object.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_training.scoring.normalize import clean_answer
from ipt_training.scoring.per_case import per_case
from ipt_training.text import normalize
from ipt_training.text.normalize import clauses

#: The pattern as it was written before round 14: the letter before the apostrophe looked at first.
_LOOK_BEHIND_FIRST = re.compile(r"(?<=[a-z])'(ll|ve|re|m|d)(?![a-z])"
                                r"(?:(\s+(?:already|never|just|not|always|ever|also|only|recently|long)\b)?\s+([a-z]+))?")

_PIECES = ["i", "we", "she", "they", "'", "'ll", "'d", "'ve", "'re", "'m", "'s", "1'd", "_'d", "a'dd", "gone",
           "moved", "proceed", "go", "already", "never", "long", " ", "  ", "\n", ".", "'d'", "ed", "been"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_the_apostrophe_first_pattern_writes_out_what_the_look_behind_did(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalize._POSITIVE_RE.sub(normalize._positive, text) == _LOOK_BEHIND_FIRST.sub(normalize._positive, text)


def test_contractions_are_still_written_out() -> None:
    assert clauses("She'd already moved and I'd go; we'll see, they're late, I'm here, you've won") == [
        ["she", "had", "already", "moved", "and", "i", "would", "go"],
        ["we", "will", "see", "they", "are", "late", "i", "am", "here", "you", "have", "won"]]


def test_an_apostrophe_after_no_letter_is_no_contraction() -> None:
    # "'d" after a digit or at the start is no contraction: left to the plain rule, which drops it
    assert normalize._POSITIVE_RE.search("in '90 we said 1'd and 'll") is None
    assert normalize._POSITIVE_RE.search("o'clock") is None  # no contraction ending after the apostrophe


def test_a_pointer_is_found_with_its_place() -> None:
    assert clean_answer("See above.").pointer == "see above"
    assert clean_answer("Grief, as discussed in the previous cell.").pointer == "as discussed in the previous cell"
    assert clean_answer("Role dispute, as discussed.").pointer == "as discussed"


def test_pointer_words_without_a_place_point_nowhere() -> None:
    # a pointer word with no place or closing verb of saying anywhere in the answer: the gate before the walk
    assert clean_answer("Same as his father, he sees it as a loss; see how he copes with the new job.").pointer == ""
    # a place with no pointer word: nothing either
    assert clean_answer("Above all, the earlier cell phone calls to his sister stopped.").pointer == ""


def test_a_per_case_table_is_built_once_per_case_and_object() -> None:
    built: list[tuple[object, object]] = []

    @per_case
    def table(reference: object, case: object = None) -> int:
        built.append((reference, case))
        return len(built)

    first, second = object(), object()
    assert table(first) == table(first) == 1  # asked again: the last one, not built again
    assert table(second) == 2
    assert table(first) == 1  # back to the first: from the cache, not built again
    assert table(first, second) == 3  # another case with the same reference: another table
    assert table(first) == 1
    assert len(built) == 3
    equal = [1]
    assert table(equal) == 4 and table([1]) == 5  # an equal object that is another one is another case
