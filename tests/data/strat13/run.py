"""Score strat13's invented answers for goals and strategies: python tests/data/strat13/run.py [batch1.yaml] [-v]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from score_plan import main

if __name__ == "__main__":
    main(Path(__file__).with_name("batch1.yaml"))
