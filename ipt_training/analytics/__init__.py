"""Instructor analytics: gradebook tables, item statistics, calibration, plots, LMS export and reports."""
