"""The course workflow: release, autograde (serial and parallel), demo cohorts and summaries."""
