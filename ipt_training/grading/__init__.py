"""Grading for the nbgrader course, in four packages, one per job and trust boundary.

* :mod:`~ipt_training.grading.workflow`: the instructor's course workflow (release, autograde, parallel
  autograde, demo cohorts, summaries); runs in the grading process.
* :mod:`~ipt_training.grading.sandbox`: running trainee code: the kernel manager, the sandbox launcher, the
  execute step and output caps. Everything a kernel does is controlled by the trainee.
* :mod:`~ipt_training.grading.trusted`: what the grading process decides outside the kernel, from the
  instructor's keys: re-scoring, the keys, reading recorded answers, diagnosis, key-leak checks, redaction.
* :mod:`~ipt_training.grading.graders`: the checks and item graders called by notebook cells (in the kernel
  they only record answers; the trusted re-scoring calls them again with the keys).
"""
