"""Adaptive practice: a local record of every practice attempt, a learner model and a case recommender.

* :mod:`.record` keeps attempts in a SQLite file in the trainee's Jupyter data directory (no server).
* :mod:`.skills` turns a scored attempt into skill observations (problem area, rubric criterion, trap).
* :mod:`.learner` estimates mastery per skill with Bayesian Knowledge Tracing.
* :mod:`.review` schedules spaced review of traps a trainee fell into (FSRS scheduler).
* :mod:`.recommend` picks the next unseen case aimed at the weakest skill.
"""
