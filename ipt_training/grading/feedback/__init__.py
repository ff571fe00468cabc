"""What renders feedback for trainees: the graded answer shown beside its score, and a page that wraps text."""
