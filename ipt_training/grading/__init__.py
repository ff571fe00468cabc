"""Grading helpers for the nbgrader course: answer keys, item graders, release and autograde workflow."""
