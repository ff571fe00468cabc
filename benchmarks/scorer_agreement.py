"""Agreement of the formulation scorer with expert scores on every answer set there is.

Run: python benchmarks/scorer_agreement.py [--gold FILE] [--test DIR] [--text-only] [--by-kind] [--verbose] [--pooled]
     [--split study|check] [--no-speed]

Sets, each printed when it exists:

* development set ``benchmarks/data/formulation_gold.yaml``: answers to the library's practice cases, the set the
  scorer was first tuned on;
* development set B ``benchmarks/data/formulation_dev_b/``: 138 answers to 12 cases not in the library, written
  and marked by independent examiners. It was the held-out test set of the previous round of issue 11, run and
  reported once (problem-area kappa 0.772, Spearman 0.813, MAE 1.39), and has been used for development since;
  its figures are no longer a measure of generalization;
* development set C ``benchmarks/data/formulation_dev_c/``: a further examiner's set in the same format, used as a
  check of generalization before its misses are studied;
* development set D ``benchmarks/data/formulation_dev_d/``: 132 answers to 12 further cases (h-01..h-12), written
  and marked by two examiners who never saw the scorer or the other sets. It was the held-out test set of round 2
  of issue 11, kept outside the repository while the scorer changed and run once at commit 4cb9738: problem-area
  kappa 0.812, Spearman 0.816, MAE 1.27 (the scorer at the start of that round: 0.774 / 0.772 / 1.56); from round 3
  on it is development data and a new held-out set is needed;
* development set E ``benchmarks/data/formulation_dev_e/``: 132 answers to 12 further cases (t-01..t-12) by two
  examiners who never saw the scorer or the other sets, each answer also marked blind by a second examiner
  (``second-marks-*.yaml``). It was the held-out test set of round 3, kept outside the repository while the scorer
  changed and run once at commit d1bb82e: kappa 0.884, Spearman 0.839, MAE 1.11 (the scorer at the start of that
  round, 0bc4e05: 0.874 / 0.831 / 1.16); from round 4 on it is development data;
* development set F ``benchmarks/data/formulation_dev_f/``: 132 answers to 12 further cases (u-01..u-12) by two
  examiners who never saw the scorer or the other sets, each answer also marked blind by a second examiner. It was
  the held-out test set of round 4, kept outside the repository while the scorer changed and run once at commit
  67c420b: kappa 0.913, Spearman 0.891, MAE 1.01 (the scorer at the start of that round, ea045c7: 0.835 / 0.812 /
  1.31); from round 5 on it is development data;
* development set G ``benchmarks/data/formulation_dev_g/``: 132 answers to 12 further cases (v-01..v-12) by two
  examiners who never saw the scorer or the other sets, each answer also marked blind by a second examiner. It was
  the held-out test set of round 5, kept outside the repository while the scorer changed and run once at commit
  1730ebe: kappa 0.864, Spearman 0.867, MAE 1.01 (the scorer at the start of that round, bd3a9da: 0.854 / 0.849 /
  1.01); from round 6 on it is development data;
* development set H ``benchmarks/data/formulation_dev_h/``: 132 answers to 12 further cases (w-01..w-12) by two
  examiners who never saw the scorer or the other sets, each answer also marked blind by a second examiner. It was
  the held-out test set of round 7, kept outside the repository while the scorer changed and run once at commit
  1a050a3: kappa 0.879, Spearman 0.895, MAE 0.81 (the scorer at the start of that round, 19f7804: 0.859 / 0.870 /
  0.92); from round 8 on it is development data;
* development set I ``benchmarks/data/formulation_dev_i/``: 132 answers to 12 further cases (y-01..y-12) by two
  examiners who never saw the scorer or the other sets, written in round 8 as development material, weighted toward
  the kinds the scorer under-credits on unseen cases (24 patient-facing, 24 plain prose, 16 excellent answers);
  never a held-out set;
* development set J ``benchmarks/data/formulation_dev_j/``: 132 answers to 12 further cases (x-01..x-12) by two
  examiners who never saw the scorer or the other sets, each answer also marked blind by a second examiner. It was
  the held-out test set of round 8, kept outside the repository while the scorer changed and run once at commit
  4f7eb3b: kappa 0.913, Spearman 0.808, MAE 1.03 (the scorer at the start of that round, 11313d1: 0.874 / 0.786 /
  1.14); from round 9 on it is development data;
* development sets K ``benchmarks/data/formulation_dev_k/`` (z-01..z-12) and L ``benchmarks/data/formulation_dev_l/``
  (k-01..k-12): 132 answers each to 12 further cases, each set by two examiners who never saw the scorer or the
  other sets, every answer also marked blind by a second examiner. They were the two held-out test sets of round 9,
  kept outside the repository while the scorer changed and run once at the end of that round (figures in the
  README); from round 10 on they are development data;
* development sets M ``benchmarks/data/formulation_dev_m/`` (m-01..m-12) and N ``benchmarks/data/formulation_dev_n/``
  (n-01..n-12): the same for round 10 (run at its start on 409fd44 and at its end on 00fdd1b); from round 11 on they are
  development data;
* development sets O ``benchmarks/data/formulation_dev_o/`` (q-01..q-12) and P ``benchmarks/data/formulation_dev_p/``
  (r-01..r-12): the two held-out test sets of round 11, by four examiners who never saw the scorer, with blind second
  marks; nobody ran either until every engineer had finished, then the lead ran both with the scorers of the start
  (b91bba3) and of the end (6091b42). In dispute cases their ``evidence_timeline`` already holds the stage point
  (``dispute_stage`` is null and ``stage_named`` records the stage the answer named); from round 12 on they are
  development data;
* development sets Q ``benchmarks/data/formulation_dev_q/`` (s-01..s-12) and R ``benchmarks/data/formulation_dev_r/``
  (j-01..j-12): the two held-out test sets of round 12, by four further examiners with blind second marks, in the
  same format as O and P; the lead ran both with the scorers of the start (d4b18ac) and of the end (2050674) and
  read them only after six of the round's eight scorer engineers had finished; from round 13 on they are
  development data;
* development sets S ``benchmarks/data/formulation_dev_s/`` (f-01..f-12) and T ``benchmarks/data/formulation_dev_t/``
  (l-01..l-12): the two held-out test sets of round 13, by four further examiners with blind second marks, in the
  same format; the lead ran both with the scorers of the start (d07f2c8) and of the end of the round and read them
  only after the round's scorer engineers had finished; from round 14 on they are development data;
* development sets U ``benchmarks/data/formulation_dev_u/`` (g-01..g-12) and V ``benchmarks/data/formulation_dev_v/``
  (e-01..e-12): the two held-out test sets of round 14, by four further examiners with blind second marks, in the
  same format; the lead ran both with the scorers of the start (e28ce22) and of the end (f00ed7b) and read them only
  after the round's scorer engineers had finished; from round 15 on they are development data;
* development sets W ``benchmarks/data/formulation_dev_w/`` (b-01..b-12) and X ``benchmarks/data/formulation_dev_x/``
  (c-01..c-12): the two held-out test sets of round 15, by four further examiners with blind second marks, in the
  same format; the lead ran both with the scorers of the start (66a11b9) and of the end (315e368) and read them only
  after the round's scorer engineers had finished; from round 16 on they are development data;
* ``--split study|check`` keeps, in sets D-X, only the cases with an odd number (``study``: the half a
  scorer engineer may read) or an even number (``check``: the half read only as figures, to see whether a change
  carries over to cases nobody studied), and prints those sets' answers together as well;
* held-out test set ``--test DIR`` (default ``benchmarks/data/formulation_heldout/``): run once at the end by the
  lead; nobody who changes the scorer sees it.

Where a folder set holds ``second-marks-*.yaml`` (a list of ``id`` and ``expert``), the agreement of the two
examiners with each other is printed as well: the ceiling the scorer can be expected to reach on that set.

A folder set is ``DIR/cases/*.yaml`` (practice cases that are not in the library, loaded with the case loader) and
``DIR/answers-*.yaml`` (answers in the gold file's format). ``--text-only`` adds the development set again with
every hand-written evidence cue dropped and the plain sentences of ``benchmarks/data/evidence_text_dev.yaml`` as
evidence, to check that scoring from sentences does not collapse.

Printed per set: Cohen's kappa on the problem area ("none" is a category: no commitment or keyword stuffing),
Spearman's rho and MAE on totals (0-10), MAE per criterion, and mean (auto - expert) per answer kind
(``--by-kind``: also per criterion and kind). Then throughput (answers per second of CPU time on one core) and
import time. Targets (issue 11), held-out test set: kappa >= 0.85, Spearman >= 0.85, MAE <= 1.0, no kind biased by
more than 1 point.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from ipt_training.agreement import cohen_kappa, mean_absolute_error, spearman
from ipt_training.build_info import scorer_build
from ipt_training.cases.library import CaseLibrary
from ipt_training.cases.loader import load_case_file
from ipt_training.cases.model import Case
from ipt_training.scoring.formulation import score_formulation
from ipt_training.scoring.report import FormulationAnswer, FormulationReport

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CRITERIA = ("problem_area", "evidence_timeline", "goals", "strategies")


@dataclass
class Scored:
    item: dict
    case: Case
    answer: FormulationAnswer
    report: FormulationReport


def load_answers(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(items, list):
        raise SystemExit(f"{path}: expected a list of answers like benchmarks/data/formulation_gold.yaml")
    return items


def load_test_set(folder: Path) -> tuple[dict[str, Case], list[dict]]:
    """Cases (``cases/*.yaml``) and answers (``answers-*.yaml``) of a set kept in a folder."""
    cases = {}
    for path in sorted((folder / "cases").glob("*.yaml")):
        case = load_case_file(path)
        cases[case.id] = case
    answers = [item for path in sorted(folder.glob("answers-*.yaml")) for item in load_answers(path)]
    return cases, answers


def text_only(case: Case, sentences: dict[str, str]) -> Case:
    """``case`` with every evidence cue dropped and the plain sentences as evidence."""
    ref = case.reference
    evidence = [item.model_copy(update={"cues": [], "text": sentences[item.id]}) for item in ref.key_evidence]
    link = ref.timeline_link.model_copy(update={"cues": [], "text": sentences[ref.timeline_link.id]})
    return case.model_copy(update={"reference": ref.model_copy(update={"key_evidence": evidence,
                                                                        "timeline_link": link})})


def auto_area(report: FormulationReport) -> str:
    if report.detected_primary is None or "keyword_stuffing" in report.flags:
        return "none"
    return report.detected_primary.value


def expert_points(expert: dict, criterion: str) -> float | None:
    """The expert's points on one of the scorer's criteria (the dispute stage is part of the evidence one)."""
    if criterion == "evidence_timeline":
        if expert.get("evidence_timeline") is None:
            return None
        return float(expert["evidence_timeline"]) + float(expert.get("dispute_stage") or 0)
    value = expert.get(criterion)
    return None if value is None else float(value)


def score_all(items: list[dict], cases: dict[str, Case]) -> list[Scored]:
    scored = []
    for item in items:
        case = cases.get(item["case_id"])
        if case is None or case.reference is None:
            raise SystemExit(f"answer {item.get('id')}: no case {item['case_id']!r} with a reference")
        answer = FormulationAnswer.from_dict(item["answer"])
        scored.append(Scored(item, case, answer, score_formulation(answer, case.reference, case=case)))
    return scored


def report_set(name: str, scored: list[Scored], verbose: bool, by_kind: bool = False) -> None:
    expert_areas = [str(s.item["expert"]["area"]) for s in scored]
    auto_areas = [auto_area(s.report) for s in scored]
    expert_totals = [float(s.item["expert"]["total"]) for s in scored]
    auto_totals = [s.report.total for s in scored]
    errors: dict[str, list[float]] = defaultdict(list)
    bias: dict[str, list[float]] = defaultdict(list)
    for s, expert_total, auto_total in zip(scored, expert_totals, auto_totals, strict=True):
        bias[str(s.item.get("kind", "?"))].append(auto_total - expert_total)
        for criterion in CRITERIA:
            expected = expert_points(s.item["expert"], criterion)
            if expected is not None:
                errors[criterion].append(abs(s.report.criterion(criterion).points - expected))
        if verbose and (abs(auto_total - expert_total) >= 1.5 or auto_area(s.report) != s.item["expert"]["area"]):
            print(f"  {s.item.get('id')} {s.item['case_id']} {s.item.get('kind')}: expert {expert_total:g} "
                  f"({s.item['expert']['area']}) auto {auto_total:g} ({auto_area(s.report)}) "
                  + " ".join(f"{c}={s.report.criterion(c).points:g}/{expert_points(s.item['expert'], c)}"
                             for c in CRITERIA) + f" flags={list(s.report.flags)}")
    cases = {s.item["case_id"] for s in scored}
    kinds = {k: len(v) for k, v in bias.items()}
    print(f"{name}: {len(scored)} answers over {len(cases)} cases; kinds: {kinds}")
    print(f"  problem area: Cohen's kappa = {cohen_kappa(expert_areas, auto_areas):.3f} "
          "('none' = no commitment or stuffing; target >= 0.85)")
    print(f"  totals: Spearman rho = {spearman(expert_totals, auto_totals):.3f} (target >= 0.85), "
          f"MAE = {mean_absolute_error(expert_totals, auto_totals):.2f} of 10 (target <= 1.0)")
    print("  MAE per criterion: " + ", ".join(f"{c} {sum(v) / len(v):.2f}" for c, v in errors.items() if v)
          + " (evidence_timeline includes the dispute stage)")
    print("  mean (auto - expert) per kind: "
          + ", ".join(f"{k} {sum(v) / len(v):+.2f}" for k, v in sorted(bias.items()))
          + " (target: within +-1)")
    if by_kind:
        print_kind_bias(scored)


def print_kind_bias(scored: list[Scored]) -> None:
    """Mean (auto - expert) per criterion for each answer kind: which part of the rubric a kind loses."""
    table: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for s in scored:
        for criterion in CRITERIA:
            expected = expert_points(s.item["expert"], criterion)
            if expected is not None:
                table[str(s.item.get("kind", "?"))][criterion].append(s.report.criterion(criterion).points - expected)
    for kind, rows in sorted(table.items()):
        print(f"    {kind:<20}" + " ".join(f"{c[:8]} {sum(v) / len(v):+.2f}" for c, v in rows.items()))


def second_marks(folder: Path) -> dict[str, dict]:
    """A second examiner's blind marks of a folder set's answers, by answer id (empty when there are none)."""
    return {item["id"]: item["expert"] for path in sorted(folder.glob("second-marks-*.yaml"))
            for item in load_answers(path)}


def report_examiners(answers: list[dict], second: dict[str, dict]) -> None:
    """How far two examiners agree on the same answers: the ceiling for the scorer on that set."""
    both = [(item["expert"], second[item["id"]]) for item in answers if item["id"] in second]
    first_totals = [float(a["total"]) for a, _ in both]
    second_totals = [float(b["total"]) for _, b in both]
    print(f"  two examiners, blind second marking of {len(both)} answers: Cohen's kappa = "
          f"{cohen_kappa([str(a['area']) for a, _ in both], [str(b['area']) for _, b in both]):.3f}, "
          f"Spearman rho = {spearman(first_totals, second_totals):.3f}, "
          f"MAE = {mean_absolute_error(first_totals, second_totals):.2f} of 10")


def throughput(scored: list[Scored]) -> None:
    """Answers per second of this process's CPU time (one thread), matchers built once as in a grading run."""
    items = [(s.answer, s.case.reference, s.case) for s in scored]
    repeats = max(1, 20000 // len(items))
    words = sum(len(answer.text.split()) for answer, _, _ in items) / len(items)
    start = time.process_time()
    for _ in range(repeats):
        for answer, reference, case in items:
            score_formulation(answer, reference, case=case)
    elapsed = time.process_time() - start
    print(f"Throughput: {repeats * len(items) / elapsed:,.0f} answers/s on one core, CPU time "
          f"(development answers, {words:.0f} words on average; target >= 5,000); scorer: {scorer_build()}")


def import_time(module: str = "ipt_training") -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return min(runs)


def in_split(case_id: str, split: str) -> bool:
    """Whether a case of sets D-X belongs to the half ``split`` names (odd numbers: study, even: check)."""
    odd = int(case_id.rsplit("-", 1)[1]) % 2 == 1
    return odd if split == "study" else not odd


FOLDER_SETS = (("Development set B (held-out test set of the previous round)", "formulation_dev_b"),
               ("Development set C", "formulation_dev_c"),
               ("Development set D (held-out test set of round 2, run once)", "formulation_dev_d"),
               ("Development set E (held-out test set of round 3, run once)", "formulation_dev_e"),
               ("Development set F (held-out test set of round 4, run once)", "formulation_dev_f"),
               ("Development set G (held-out test set of round 5, run once)", "formulation_dev_g"),
               ("Development set H (held-out test set of round 7, run once)", "formulation_dev_h"),
               ("Development set I (written for development in round 8)", "formulation_dev_i"),
               ("Development set J (held-out test set of round 8, run once)", "formulation_dev_j"),
               ("Development set K (first held-out test set of round 9, run once)", "formulation_dev_k"),
               ("Development set L (second held-out test set of round 9, run once)", "formulation_dev_l"),
               ("Development set M (first held-out test set of round 10, run once)", "formulation_dev_m"),
               ("Development set N (second held-out test set of round 10, run once)", "formulation_dev_n"),
               ("Development set O (first held-out test set of round 11, run once)", "formulation_dev_o"),
               ("Development set P (second held-out test set of round 11, run once)", "formulation_dev_p"),
               ("Development set Q (first held-out test set of round 12, run once)", "formulation_dev_q"),
               ("Development set R (second held-out test set of round 12, run once)", "formulation_dev_r"),
               ("Development set S (first held-out test set of round 13, run once)", "formulation_dev_s"),
               ("Development set T (second held-out test set of round 13, run once)", "formulation_dev_t"),
               ("Development set U (first held-out test set of round 14, run once)", "formulation_dev_u"),
               ("Development set V (second held-out test set of round 14, run once)", "formulation_dev_v"),
               ("Development set W (first held-out test set of round 15, run once)", "formulation_dev_w"),
               ("Development set X (second held-out test set of round 15, run once)", "formulation_dev_x"))

#: The sets split into a study and a check half by --split: D onward (every set after B and C).
SPLIT_SETS = frozenset(folder for _, folder in FOLDER_SETS[2:])

#: The sets --pooled reports together: those marked under the briefs of rounds 2-10, and those of rounds 11-15,
#: whose examiners all had one marking brief (it credits a list's words and gives full strategy credit at about
#: half of the key's strategies; the earlier examiners marked lists and plans lower).
POOLS = (("Sets D-N together (examiners of rounds 2-10)", frozenset(f"formulation_dev_{s}" for s in "defghijklmn")),
         ("Sets O-X together (examiners of rounds 11-15, one marking brief)",
          frozenset(f"formulation_dev_{s}" for s in "opqrstuvwx")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DATA / "formulation_gold.yaml", help="development set")
    parser.add_argument("--test", type=Path, default=DATA / "formulation_heldout", help="held-out test set folder")
    parser.add_argument("--text-only", action="store_true",
                        help="also score the development set with plain-sentence evidence and no cues")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput and import-time figures")
    parser.add_argument("--by-kind", action="store_true", help="mean (auto - expert) per criterion and answer kind")
    parser.add_argument("--verbose", action="store_true", help="print every large disagreement")
    parser.add_argument("--pooled", action="store_true",
                        help="also report sets D-N and O-X pooled, per kind and criterion (bias of many examiners)")
    parser.add_argument("--split", choices=("study", "check"),
                        help="sets D-X: only odd-numbered cases (study) or even-numbered ones (check)")
    args = parser.parse_args()
    library = CaseLibrary.load()
    dev = score_all(load_answers(args.gold), library.cases)
    report_set("Development set", dev, args.verbose, args.by_kind)
    if args.text_only:
        sentences = yaml.safe_load((DATA / "evidence_text_dev.yaml").read_text(encoding="utf-8"))
        cases = {cid: text_only(library.get(cid), texts) for cid, texts in sentences.items()}
        report_set("Development set, evidence from plain sentences only",
                   score_all(load_answers(args.gold), cases), args.verbose, args.by_kind)
    split_scored: list[Scored] = []
    pooled: dict[str, list[Scored]] = defaultdict(list)
    for name, folder in (*((n, DATA / f) for n, f in FOLDER_SETS), ("Held-out test set", args.test)):
        if not folder.is_dir():
            print(f"{name}: {folder} not found, skipped")
            continue
        set_cases, set_answers = load_test_set(folder)
        halved = bool(args.split) and folder.name in SPLIT_SETS
        if halved:
            set_answers = [item for item in set_answers if in_split(item["case_id"], args.split)]
            name = f"{name}, {args.split} half"
        scored = score_all(set_answers, {**library.cases, **set_cases})
        report_set(name, scored, args.verbose, args.by_kind)
        if halved:
            split_scored += scored
        for pool_name, folders in POOLS:
            if folder.name in folders:
                pooled[pool_name] += scored
        second = second_marks(folder)
        if second:
            report_examiners(set_answers, second)
    if split_scored:
        report_set(f"Sets D-X together, {args.split} half", split_scored, False, args.by_kind)
    if args.pooled:
        for pool_name, _ in POOLS:
            if pooled[pool_name]:
                half = f", {args.split} half" if args.split else ""
                report_set(pool_name + half, pooled[pool_name], False, by_kind=True)
    if not args.no_speed:
        throughput(dev)
        print(f"import ipt_training: {import_time() * 1000:.1f} ms (best of 5; target < 300 ms)")
        print(f"import ipt_training.scoring.formulation: "
              f"{import_time('ipt_training.scoring.formulation') * 1000:.0f} ms")


if __name__ == "__main__":
    main()
