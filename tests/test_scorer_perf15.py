"""Round 15's speed-ups read what they read before (issue 11, throughput).

* The words of an answer that tell one of the case's events are found through the case's table of words (each word's
  key worked out once, the first time the case meets it): every clause is keyed exactly as :meth:`CaseEvents.key`
  keys its words one by one, in order, with the words that have no key left out, also after the table is emptied.
* A per-case table asked for a case it was asked for before, after another, gives what it built for that case, and
  still builds anew for an equal case that is another object.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_training.cases.library import CaseLibrary
from ipt_training.scoring import case_events as events_module
from ipt_training.scoring.case_events import CaseEvents, case_event_matches, case_events
from ipt_training.scoring.evidence import STOP_WORDS
from ipt_training.scoring.per_case import per_case

_LIBRARY = CaseLibrary.load()
#: a library case whose timeline has events of two kinds (macular degeneration; a stop to driving)
_CASE = _LIBRARY.get("a-01")
_EVENTS = case_events(_CASE.reference, _CASE)


def _one_by_one(told: CaseEvents, tokens: list[str]) -> list[tuple[int, str]]:
    """The keyed words of a clause as the reading before round 15 found them: each word asked on its own."""
    return [(k, key) for k, token in enumerate(tokens) if (key := told.key(token)) is not None]


def _words() -> list[str]:
    forms = sorted(_EVENTS.forms)[:12]
    prefixed = [f"{prefix}s" for prefix, _ in _EVENTS.prefixes[:6]] + [prefix for prefix, _ in _EVENTS.prefixes[:6]]
    return [*forms, *prefixed, *sorted(STOP_WORDS)[:6], "the", "she", "was", "zzz", "macula", "stopping", "degen"]


def test_the_case_has_words_to_key() -> None:
    assert _EVENTS.events and _EVENTS.forms and _EVENTS.prefixes  # (else the tests below would test nothing)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_words()), max_size=14))
def test_a_clause_is_keyed_as_its_words_are_one_by_one(tokens: list[str]) -> None:
    told = case_events(_CASE.reference, _CASE)
    assert told.keyed(tokens) == _one_by_one(told, tokens)
    assert told.keyed(tokens) == _one_by_one(told, tokens)  # (the second time from the table)


def test_a_word_of_the_event_is_keyed_and_others_are_not() -> None:
    word, key = next(iter(_EVENTS.forms.items()))
    assert _EVENTS.keyed(["she", word, "last", "year"]) == [(1, key)]
    prefix, key = _EVENTS.prefixes[0]
    assert _EVENTS.keyed([f"{prefix}s", "zzz"]) == [(0, key)]
    assert _EVENTS.keyed(["she", "zzz", "was", "fine"]) == []
    assert _EVENTS.keyed([]) == []


def test_a_stop_word_has_no_key_even_where_a_form_is_spelt_so() -> None:
    stop = sorted(STOP_WORDS)[0]
    told = CaseEvents(_EVENTS.events, {stop: "word:stop", "drive": "word:drive"})
    assert told.keyed([stop, "drive"]) == [(1, "word:drive")]


def test_the_table_emptied_when_full_keys_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_module, "_KNOWN_SIZE", 2)
    told = CaseEvents(_EVENTS.events, dict(_EVENTS.forms), _EVENTS.prefixes, _EVENTS.starts)
    words = _words()
    for start in range(0, len(words), 3):
        tokens = words[start:start + 5]
        assert told.keyed(tokens) == _one_by_one(told, tokens)
        assert len(told.known) <= 2 + 5  # (emptied before it takes the words of a clause when past 2)


def test_event_matches_of_a_told_event_and_of_none() -> None:
    # two words of the degeneration event in one clause tell it; one word, or none, tells nothing
    keys = {key for event in _EVENTS.events for key in event.keys}
    words = [w for w, key in _EVENTS.forms.items() if key in keys]
    by_key: dict[str, str] = {}
    for w in words:
        by_key.setdefault(_EVENTS.forms[w], w)
    event = next(e for e in _EVENTS.events if len([k for k in e.keys if k in by_key]) >= 2)
    first, second = [by_key[k] for k in sorted(event.keys) if k in by_key][:2]
    told = case_event_matches([["her", first, "and", "the", second]], _EVENTS)
    assert [(m.concept, m.clause) for m in told] == [(f"event:{event.area.value}", 0)]
    assert case_event_matches([["her", first, "was", "fine"]], _EVENTS) == []
    assert case_event_matches([["nothing", "of", "the", "case"]], _EVENTS) == []


def test_a_per_case_table_gives_each_case_its_own_after_another() -> None:
    built: list[str] = []

    @per_case
    def table(reference: object, case: object = None) -> str:
        built.append(str(case))
        return f"table of {case}"

    one, other = _LIBRARY.get("a-01"), _LIBRARY.get("a-02")
    first = table(one.reference, one)
    assert table(other.reference, other) == "table of " + str(other)
    assert table(one.reference, one) is first  # asked again after another case: the one built, not a new one
    assert len(built) == 2
    copy = one.model_copy()
    assert table(copy.reference, copy) == first and len(built) == 3  # an equal case that is another object
