"""nbgrader configuration for the IPT course. The repository root is the course directory."""

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "ipt-course"
# The release keeps the answer template lines; the solution region becomes this marker.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# Deleted test cells are put back at autograde, so deleting a test never avoids it.
c.OverwriteCells.add_missing_cells = True
# Per-cell time limit for trainee code during autograde (seconds).
c.Execute.timeout = 60
# Feedback shows each test's output (the explanations) but not the hidden test source.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
# Quieter kernels during autograde; history kept in memory only (nbgrader's default).
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
