"""Decided in the grading process, never in the kernel: keys, re-scoring, diagnosis, key-leak checks."""
