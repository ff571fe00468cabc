"""Score prose16's own plain-prose answers and letters: python tests/data/prose15/run.py [answers.yaml] [-v]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from score_marked import main

if __name__ == "__main__":
    main(Path(__file__).with_name("answers-a.yaml"))
