"""Round 13's speed-ups read what they read before (issue 11, throughput).

* The onset in the case's own words (onset_words.py) is three patterns, each run where it can match, instead of one
  alternation of all three: it must find the onset wherever the one alternation did, and nowhere else.
* The case's events (case_events.py) and the timeline's own words (every_event.py) look a word's prefix up only
  after one ``str.startswith`` over all of the case's prefixes: the keys found are those of the walk over them.
"""

from __future__ import annotations

import re

import pytest

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring import onset_words as ow
from ipt_training.scoring.case_events import CaseEvents, case_events
from ipt_training.scoring.every_event import timeline_words
from ipt_training.scoring.evidence import STOP_WORDS
from ipt_training.text.normalize import clauses


@pytest.fixture(scope="module")
def library() -> CaseLibrary:
    return CaseLibrary.load()


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (a ``|`` inside a group or a class belongs to them)."""
    parts, depth, current, k = [], 0, "", 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            current, k = current + pattern[k:k + 2], k + 2
            continue
        if ch == "[":
            end = pattern.index("]", k + 2)
            current, k = current + pattern[k:end + 1], end + 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
        k += 1
    return [*parts, current]


def test_every_form_of_sleep_and_weight_holds_a_word_of_the_gate():
    alternatives = _top_alternatives(ow._SLEPT) + _top_alternatives(ow._WEIGHT)
    assert len(alternatives) == 4
    for alternative in alternatives:
        # the words outside any group that can be left out: each alternative's literal core
        assert any(word in re.sub(r"\(\?:[^()]*\)\?", "", alternative) for word in ow._SYMPTOM_WORDS), alternative


def _joined(words: ow.OnsetWords) -> re.Pattern[str]:
    """The one alternation the three patterns were before round 13."""
    parts = [words.said.pattern, words.symptom.pattern, *([words.month.pattern] if words.month else [])]
    return re.compile("|".join(parts), re.MULTILINE)


_CLAUSES = [
    "she has hardly slept since the funeral", "sipho has hardly slept", "he slept in the spare room",
    "you have slept badly since may", "she has lost a lot of weight", "she carried the weight of the funeral",
    "weight loss since march", "it came on in april", "the rows started in april", "the heaviness started in april",
    "in may it began", "may i say it began", "since september it started", "the low mood began in sept",
    "nothing about any of this", "he has never slept well and has been oversleeping", "symptoms began in june",
]


def test_the_three_patterns_find_the_onset_where_the_one_alternation_did(library):
    checked = found = 0
    for case in library:
        words = ow.onset_words(case.reference, case)
        joined = _joined(words)
        texts = [f" {' '.join(tokens)} " for text in (case.reference.formulation, case.vignette, *_CLAUSES)
                 for tokens in clauses(text)]
        for text in [*texts, "\n".join(texts[:6]), "\n".join(texts[-8:])]:
            told = words.search(text)
            assert told == (joined.search(text) is not None), (case.id, text)
            checked += 1
            found += told
    # both kinds of clause were read: onsets told and clauses that tell none
    assert found > 50
    assert checked - found > 50


def test_sleep_and_weight_and_the_month_are_read_only_in_their_sense(library):
    case = library.get("p-12")  # Sipho is one of the case's others: his sleep is no symptom of the patient's
    words = ow.onset_words(case.reference, case)
    assert ow.onset_told(clauses("since then you have hardly slept")[0], words)
    assert ow.onset_told(clauses("she has lost weight")[0], words)
    assert not ow.onset_told(clauses("sipho has hardly slept")[0], words)
    assert not ow.onset_told(clauses("she carried the weight of it all")[0], words)
    assert not ow.onset_told(clauses("she slept in the spare room")[0], words)


def _walked_key(told: CaseEvents, token: str) -> str | None:
    """A word's key as round 12 found it: every prefix tried in turn."""
    if token in STOP_WORDS:
        return None
    return told.forms.get(token) or next((k for prefix, k in told.prefixes if token.startswith(prefix)), None)


def test_an_events_words_find_the_keys_the_walk_over_the_prefixes_found(library):
    keyed = 0
    for case in library:
        told = case_events(case.reference, case)
        timeline = timeline_words(case.reference, case)
        tokens = [t for text in (case.vignette, case.reference.formulation) for c in clauses(text) for t in c]
        assert told.keyed(tokens) == [(k, key) for k, t in enumerate(tokens)
                                      if (key := _walked_key(told, t)) is not None]
        assert [told.key(t) for t in tokens] == [_walked_key(told, t) for t in tokens]
        keyed += len(told.keyed(tokens))
        for c in clauses(case.vignette):
            walked = {timeline.forms.get(t) or next((k for p, k in timeline.prefixes if t.startswith(p)), None)
                      for t in c if t not in STOP_WORDS}
            assert timeline.told(c) == {e for e, own in enumerate(timeline.events) if not own.isdisjoint(walked)}
    assert keyed > 100  # the case's words were found by their keys, not only passed over


def test_a_word_with_no_prefix_of_the_case_has_no_key():
    told = CaseEvents((), {"funeral": "word:funeral"}, (("resign", "word:resign"),), ("resign",))
    assert told.key("resigned") == "word:resign"
    assert told.key("funeral") == "word:funeral"
    assert told.key("design") is None
    assert told.keyed(["she", "resigned", "after", "the", "funeral", "design"]) == [
        (1, "word:resign"), (4, "word:funeral")]
