"""Checks and item graders that notebook cells call; re-run outside the kernel with the instructor keys."""
