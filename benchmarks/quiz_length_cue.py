"""How much a test-wise trainee gains by always choosing the longest option in the self-check quizzes.

Run: python benchmarks/quiz_length_cue.py

Prints, per bank, how often the right answer is the (joint) longest option, how often it is the shortest, and the
score of the "always pick the longest" strategy against blind guessing, and where the right option stands (first,
middle or last place); then the same for the best line of each scripted session (``tests/test_script_option_order.py``).
``tests/test_quiz_length_cue.py`` fails when a bank's longest-is-right share goes above 40%,
``tests/test_quiz_position_cue.py`` when one place holds too many or too few right answers.
"""

from __future__ import annotations

from collections import Counter

from ipt_training.quiz import answer_place, longest_right_share
from ipt_training.quizbank import all_banks
from ipt_training.session_script import load_script, scripts_dir


def _places(questions) -> str:
    """Right answers in the first, middle and last place, as counts."""
    places = Counter(answer_place(q) for q in questions)
    return "/".join(str(places[p]) for p in ("first", "middle", "last"))


def main() -> None:
    banks = all_banks()
    print(f"{'bank':34s} {'questions':>9s} {'longest right':>13s} {'shortest right':>14s} {'chance':>7s} "
          f"{'first/middle/last':>18s}")
    everything = []
    for name, questions in banks.items():
        everything += questions
        shortest = sum(len(q.options[q.answer]) <= min(map(len, q.options)) for q in questions) / len(questions)
        chance = sum(1 / len(q.options) for q in questions) / len(questions)
        print(f"{name:34s} {len(questions):9d} {longest_right_share(questions):13.0%} {shortest:14.0%} {chance:7.0%} "
              f"{_places(questions):>18s}")
    chance = sum(1 / len(q.options) for q in everything) / len(everything)
    print(f"{'all banks':34s} {len(everything):9d} {longest_right_share(everything):13.0%} {'':14s} {chance:7.0%} "
          f"{_places(everything):>18s}")
    print()
    print(f"{'scripted session':34s} {'decisions':>9s} {'best longest':>13s}")
    for path in sorted(scripts_dir().glob("*.yaml")):
        script = load_script(path.stem)
        longest = sum(len(d.best.text) >= max(len(o.text) for o in d.options) for d in script.decisions)
        print(f"{script.id:34s} {len(script.decisions):9d} {longest / len(script.decisions):13.0%}")


if __name__ == "__main__":
    main()
