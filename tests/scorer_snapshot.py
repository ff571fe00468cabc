"""Print every development report, one JSON line each, for comparing two builds of the scorer (not a test file).

Run as ``python tests/scorer_snapshot.py REPO`` with the build to snapshot first on PYTHONPATH: the answers of
benchmarks/data (gold, sets B-V) and every library and set case's model formulation, under both rubrics, with the
reference revealed and not. The first line says which build ran and where it was imported from.
tests/test_compiled_build.py runs it for the pure and the compiled scorer and compares the output line by line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(repo: Path) -> None:
    sys.path.insert(0, str(repo / "benchmarks"))
    import scorer_agreement as sa

    import ipt_training
    from ipt_training.build_info import scorer_build
    from ipt_training.cases.library import CaseLibrary
    from ipt_training.scoring.formulation import score_formulation
    from ipt_training.scoring.report import FormulationAnswer

    print(f"scorer: {scorer_build()} from {Path(ipt_training.__file__).parent}")
    library = CaseLibrary.load()
    pairs = [(item["id"], item["answer"], library.get(item["case_id"]))
             for item in sa.load_answers(repo / "benchmarks" / "data" / "formulation_gold.yaml")]
    for folder in sorted((repo / "benchmarks" / "data").glob("formulation_dev_*")):
        cases, answers = sa.load_test_set(folder)
        pairs += [(item["id"], item["answer"], cases[item["case_id"]]) for item in answers]
        pairs += [(f"model:{cid}", {"text": case.reference.formulation}, case) for cid, case in sorted(cases.items())]
    pairs += [(f"model:{case.id}", {"text": case.reference.formulation}, case) for case in library
              if case.reference is not None]
    for key, answer, case in pairs:
        for rubric in ("supervision", "patient"):
            for reveal in (False, True):
                report = score_formulation(FormulationAnswer.from_dict(answer), case.reference, rubric=rubric,
                                           reveal=reveal, case=case)
                print(json.dumps({"k": f"{key}|{rubric}|{reveal}", "r": report.to_dict()}, sort_keys=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
