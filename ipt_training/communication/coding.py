"""Score a trainee's coding of a dialogue against the reference codes.

A coding maps utterance numbers (1-based, as shown to trainees) to one or more taxonomy codes.

Scoring choices (documented in ``docs/communication-analysis.md``):

* **Points.** Each utterance earns credit in [0, 1]: one share per reference code found, half a share when the
  trainee chose a *related* code instead (e.g. mind-reading for an assumption that one has communicated), minus
  0.25 for each further code that does not fit. Points are ``max_points`` times the *weighted* mean credit:
  each of the patient's own utterances counts ``PATIENT_WEIGHT`` (2) times as much as one of the other
  person's, because communication analysis centres on what the patient said and can change (the other
  person's turns matter for understanding the exchange, but the patient rehearses and rewrites their own).
* **Cohen's kappa** uses one label per utterance: its *primary* code, the first listed. The reference lists its
  primary code first; for the trainee, lists and tuples keep their order and sets are ordered by the taxonomy,
  so pass a list when the order matters. A blank utterance gets the label ``"(none)"``.
* **Exact-match accuracy** is the share of utterances whose set of codes equals the reference set.
* ``reveal=False`` (assessment) feedback never names a reference code: it says which utterances to look at
  again and asks the check question of the code the trainee chose, and per-code statistics are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ipt_training.agreement import cohen_kappa
from ipt_training.communication.taxonomy import CODES, OK, PROBLEMS, are_related, code_definition, code_name
from ipt_training.communication.transcript import Dialogue

NONE_LABEL = "(none)"
NEAR_CREDIT = 0.5
#: Weight of each of the patient's utterances in the points, relative to the other person's (``OTHER_WEIGHT``).
PATIENT_WEIGHT = 2.0
OTHER_WEIGHT = 1.0
EXTRA_PENALTY = 0.25
GENERIC_CHECK = ("Ask whether the speaker says directly what they feel and want, whether tone and behaviour "
                 "match the words, and whether they stay in the conversation and check what the other meant.")
#: Codes that rest on tone or behaviour, which the patient's account of an utterance describes.
BEHAVIOUR_CODES = frozenset({"indirect_nonverbal", "mixed_message", "silence"})
OK_CHECK = ("You marked this as clear communication. " + GENERIC_CHECK)

CodingInput = Mapping[Any, Any]


@dataclass(frozen=True, slots=True)
class CodeStats:
    """Precision, recall and F1 of one code over the utterances (``None`` when undefined)."""

    code: str
    true_positives: int
    false_positives: int
    false_negatives: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class UtteranceFeedback:
    """How one utterance was coded. ``reference`` is empty when the key is not revealed."""

    number: int
    speaker: str
    status: str  # "correct" | "partial" | "wrong" | "blank"
    credit: float
    trainee: tuple[str, ...]
    reference: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class CodingResult:
    """The scored coding of one dialogue."""

    dialogue_id: str
    points: float
    max_points: float
    kappa: float
    accuracy: float
    primary_agreement: float
    utterances: tuple[UtteranceFeedback, ...]
    per_code: tuple[CodeStats, ...]
    revealed: bool
    notes: tuple[str, ...] = ()

    @property
    def to_review(self) -> tuple[UtteranceFeedback, ...]:
        """Utterances that were not fully right."""
        return tuple(u for u in self.utterances if u.status != "correct")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; per-code statistics appear only when the key is revealed."""
        data = {
            "dialogue_id": self.dialogue_id,
            "points": self.points,
            "max_points": self.max_points,
            "kappa": round(self.kappa, 3),
            "accuracy": round(self.accuracy, 3),
            "primary_agreement": round(self.primary_agreement, 3),
            "revealed": self.revealed,
            "utterances": [{**asdict(u), "trainee": list(u.trainee), "reference": list(u.reference)}
                           for u in self.utterances],
            "notes": list(self.notes),
        }
        if self.revealed:
            data["per_code"] = [asdict(c) for c in self.per_code]
        return data

    def as_text(self) -> str:
        """Plain-text report: score, agreement, then one line per utterance to review."""
        lines = [f"Score: {self.points:g} / {self.max_points:g}",
                 f"Exact matches: {self.accuracy:.0%} of utterances; kappa on primary codes: {self.kappa:.2f}"]
        lines += [f"- {u.message}" for u in self.to_review] or ["Every utterance matches the reference coding."]
        lines += list(self.notes)
        return "\n".join(lines)


def _clean_code(raw: object) -> str:
    return str(raw).strip().lower().replace("-", "_").replace(" ", "_")


def _codes_of(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [c for c in (_clean_code(p) for p in value.split(",")) if c]
    if isinstance(value, (set, frozenset)):
        order = {c: i for i, c in enumerate(CODES)}
        return sorted((_clean_code(v) for v in value), key=lambda c: (order.get(c, len(order)), c))
    if isinstance(value, Iterable):
        return [c for c in (_clean_code(v) for v in value) if c]
    return [_clean_code(value)]


def normalise_coding(coding: CodingInput, n_utterances: int) -> tuple[dict[int, tuple[str, ...]], list[str]]:
    """Turn loose input (``{"3": "hostile, global_complaint"}``, sets, lists) into ``{number: codes}`` plus notes.

    Unknown codes and out-of-range numbers are dropped and reported in the notes; duplicates are removed. An
    utterance whose only entries were unknown codes maps to ``()`` (scored as wrong); blank entries are left out.
    """
    result: dict[int, tuple[str, ...]] = {}
    notes: list[str] = []
    for key, value in coding.items():
        try:
            number = int(str(key).strip())
        except ValueError:
            notes.append(f"Ignored {key!r}: utterances are numbered 1-{n_utterances}.")
            continue
        if not 1 <= number <= n_utterances:
            notes.append(f"Ignored utterance {number}: this dialogue has utterances 1-{n_utterances}.")
            continue
        entries = _codes_of(value)
        if not entries:
            continue
        codes: list[str] = []
        for code in entries:
            if code not in CODES:
                notes.append(f"Utterance {number}: {code!r} is not a code in the taxonomy; ignored.")
            elif code not in codes:
                codes.append(code)
        result[number] = tuple(codes)
    return result, notes


def _credit(trainee: tuple[str, ...], reference: tuple[str, ...]) -> tuple[float, list[tuple[str, str]]]:
    """Credit for one utterance and the (trainee code, reference code) near-miss pairs used."""
    missing = [r for r in reference if r not in trainee]
    extra = [t for t in trainee if t not in reference]
    near: list[tuple[str, str]] = []
    for r in missing:
        partner = next((t for t in extra if are_related(t, r) and t not in {p for p, _ in near}), None)
        if partner is not None:
            near.append((partner, r))
    exact = len(reference) - len(missing)
    unmatched_extra = len(extra) - len(near)
    credit = (exact + NEAR_CREDIT * len(near)) / len(reference) - EXTRA_PENALTY * unmatched_extra
    return max(0.0, min(1.0, credit)), near


def _status(trainee: tuple[str, ...], reference: tuple[str, ...], credit: float, answered: bool) -> str:
    if not trainee:
        return "wrong" if answered else "blank"
    if set(trainee) == set(reference):
        return "correct"
    return "partial" if credit > 0 else "wrong"


def _names(codes: Iterable[str]) -> str:
    return ", ".join(f"'{code_name(c)}'" for c in codes)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _revealed_message(head: str, trainee: tuple[str, ...], reference: tuple[str, ...],
                      near: list[tuple[str, str]], account: str | None) -> str:
    """Practice feedback: what was right, what was missed and why, never contradicting itself.

    The patient's account of the moment (tone, behaviour, what was meant) is quoted only as evidence for the
    reference codes, and never when the reference is clear communication, so it cannot seem to support a code
    that was just called a misfit. A blank utterance does not reveal its code.
    """
    if set(trainee) == set(reference):
        return f"{head}: correct ({_names(reference)})."
    if not trainee:
        return f"{head}: not coded yet. Choose a code and press Check again to see the explanation."
    parts = [head + ":"]
    near_refs = {r for _, r in near}
    near_trainee = {t for t, _ in near}
    for t, r in near:
        parts.append(f"you chose '{code_name(t)}', which is close, but the reference is '{code_name(r)}': "
                     f"{code_definition(r)}")
    for r in reference:
        if r not in trainee and r not in near_refs:
            parts.append(f"the reference code is '{code_name(r)}'. {_sentence(code_definition(r))}")
    for t in trainee:
        if t not in reference and t not in near_trainee:
            parts.append(f"'{code_name(t)}' does not fit here; that code means: {_sentence(code_definition(t))}")
    if account and reference != (OK,):
        misfits = [t for t in trainee if t in BEHAVIOUR_CODES and t not in reference and t not in near_trainee]
        quoted = account.strip().rstrip(".")
        if misfits:
            parts.append(f"What was reported about this moment ({quoted}) is part of the picture, but it does not "
                         f"make this {_names(misfits)}: the reference reads it as {_names(reference)}.")
        else:
            parts.append(f"The patient's account ({quoted}) supports {_names(reference)}.")
    # the first part follows the colon; every later one starts a sentence of its own
    return " ".join(parts[:2] + [p[:1].upper() + p[1:] for p in parts[2:]])


def _hint(code: str) -> str:
    return OK_CHECK if code == OK else f"You chose '{code_name(code)}'. {PROBLEMS[code].check}"


def _hidden_message(head: str, status: str, trainee: tuple[str, ...], reference: tuple[str, ...]) -> str:
    """Feedback that never names a reference code: the trainee's own codes plus generic guidance."""
    if status == "correct":
        return f"{head}: matches the key."
    if status == "blank":
        return f"{head}: not coded. {GENERIC_CHECK}"
    hints = " ".join(_hint(t) for t in trainee)
    if status == "partial":
        more = " Check whether more than one problem is present." if len(reference) > len(trainee) else ""
        return f"{head}: partly right; look again. {hints}{more}"
    return f"{head}: look again. {hints}"


def _per_code(numbers: list[int], trainee: dict[int, tuple[str, ...]],
              reference: dict[int, tuple[str, ...]]) -> tuple[CodeStats, ...]:
    stats = []
    for code in CODES:
        tp = sum(code in trainee.get(n, ()) and code in reference[n] for n in numbers)
        fp = sum(code in trainee.get(n, ()) and code not in reference[n] for n in numbers)
        fn = sum(code not in trainee.get(n, ()) and code in reference[n] for n in numbers)
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        f1 = 2 * tp / (2 * tp + fp + fn)
        stats.append(CodeStats(code, tp, fp, fn, precision, recall, f1))
    return tuple(stats)


def score_coding(dialogue: Dialogue, coding: CodingInput, *, reveal: bool = True, max_points: float = 10.0,
                 numbers: Iterable[int] | None = None) -> CodingResult:
    """Score ``coding`` (``{utterance number: code or codes}``) against ``dialogue``'s reference codes.

    ``numbers`` restricts scoring to some utterances (default: all). Raises ``ValueError`` when the dialogue
    has no reference codes (an assessment dialogue without its instructor key).
    """
    reference = dialogue.reference_codes()
    scored = sorted(set(numbers)) if numbers is not None else sorted(reference)
    if not scored or any(n not in reference for n in scored):
        raise ValueError(f"numbers must be a non-empty subset of 1-{len(reference)}")
    trainee, notes = normalise_coding(coding, len(reference))
    feedback: list[UtteranceFeedback] = []
    for n in scored:
        given, ref = trainee.get(n, ()), reference[n]
        credit, near = _credit(given, ref)
        status = _status(given, ref, credit, answered=n in trainee)
        utterance = dialogue.utterance(n)
        head = f"Utterance {n} ({dialogue.speaker(utterance.speaker).name})"
        message = (_revealed_message(head, given, ref, near, utterance.nonverbal) if reveal
                   else _hidden_message(head, status, given, ref))
        feedback.append(UtteranceFeedback(n, utterance.speaker, status, round(credit, 3), given,
                                          ref if reveal else (), message))
    primaries_ref = [reference[n][0] for n in scored]
    primaries_trainee = [trainee[n][0] if trainee.get(n) else NONE_LABEL for n in scored]
    weights = [PATIENT_WEIGHT if dialogue.speaker(f.speaker).is_patient else OTHER_WEIGHT for f in feedback]
    mean_credit = sum(w * f.credit for w, f in zip(weights, feedback, strict=True)) / sum(weights)
    return CodingResult(
        dialogue_id=dialogue.id,
        points=round(max_points * mean_credit, 2),
        max_points=max_points,
        kappa=cohen_kappa(primaries_ref, primaries_trainee),
        accuracy=sum(f.status == "correct" for f in feedback) / len(feedback),
        primary_agreement=sum(a == b for a, b in zip(primaries_ref, primaries_trainee, strict=True)) / len(scored),
        utterances=tuple(feedback),
        per_code=_per_code(scored, trainee, reference) if reveal else (),
        revealed=reveal,
        notes=tuple(notes),
    )
