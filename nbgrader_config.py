"""nbgrader configuration for the IPT course. The repository root is the course directory.

``nbgrader autograde`` / ``generate_feedback`` and ``ipt-course autograde`` all read this file, so both run
trainee notebooks in the grading sandbox and score grade cells outside the kernel (docs/reliability.md).
"""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    ClearOutput,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    OverwriteKernelspec,
    SaveAutoGrades,
)

# Fail closed: when the course's safeguards cannot load (nbgrader run from a Python without ipt_training, or a
# broken installation), stop nbgrader here. traitlets would otherwise log the error, skip this file and let
# nbgrader grade with its stock pipeline: no sandbox, no trusted scores, no key redaction (docs/reliability.md).
try:
    from ipt_training.grading.feedback.answers import ShowGradedAnswers
    from ipt_training.grading.feedback.style import FeedbackStyle
    from ipt_training.grading.feedback.titles import TEMPLATE_FILE, ReadableGradeCells, template_dirs
    from ipt_training.grading.sandbox.execute import SandboxedExecute
    from ipt_training.grading.sandbox.outputs import LimitOutputSize
    from ipt_training.grading.trusted.cell_ids import RestoreDeletedCells, SanitizeCellIds
    from ipt_training.grading.trusted.feedback_pages import FeedbackPagesOnly
    from ipt_training.grading.trusted.redact import RedactKeyText
    from ipt_training.grading.trusted.rescore import TrustedScores
    from ipt_training.grading.trusted.sanitize import SanitizeTraineeHTML
    from ipt_training.grading.trusted.submission_guard import GuardedNotebookExporter
    from ipt_training.runtime import quiet_known_noise
except Exception as error:  # any failure to load the safeguards refuses grading
    raise SystemExit(
        f"nbgrader will not run in this course: its grading safeguards could not be loaded ({error}). Without them "
        "trainee notebooks would run outside the grading sandbox and answer keys could reach feedback. Run nbgrader "
        "from the course's own Python environment (activate it, then `python -m nbgrader ...`), or use "
        "`ipt-course autograde` and `ipt-course feedback`."
    ) from None

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file
# nbgrader's known harmless warnings only (SQLAlchemy cascade SAWarning, checksums of restored test cells).
quiet_known_noise()

c.CourseDirectory.course_id = "ipt-course"
# Your own case folders, relative to this directory: every `ipt-course cases ...` command run in the course merges
# them with the packaged cases (docs/authoring-cases.md). Write the names out: the setting is read, not run.
# c.IPTCourse.case_dirs = ["cases"]
# The release keeps the answer template lines; the solution region becomes this marker.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# Deleted test cells are put back at autograde, so deleting a test never avoids it.
c.OverwriteCells.add_missing_cells = True

# Before nbgrader copies or reads a submission: refuse links (nbgrader would copy what they point to), named pipes,
# sockets, device files and notebooks larger than the grader reads, with one plain error line (the same check as
# `ipt-course autograde`; this exporter reads every notebook and guards the copy, see trusted/submission_guard.py).
c.Autograde.exporter_class = GuardedNotebookExporter
# Before running: nbgrader's sanitizing steps, with SanitizeCellIds instead of DeduplicateIds (a cell copied in
# JupyterLab keeps its id: the first copy is graded, later copies and unknown ids become ordinary cells).
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    SanitizeCellIds,
    OverwriteKernelspec,
    RestoreDeletedCells,  # nbgrader's OverwriteCells; a test deleted with its answer cell is put back too
    CheckCellMetadata,
]
# Autograde: nbgrader's own pipeline with four of our steps. SandboxedExecute runs the notebook in the grading
# sandbox and survives a dying kernel; TrustedScores re-scores grade cells in this process from the answers the
# kernel recorded (nbgrader gives full marks to a grade cell with no output); LimitOutputSize caps huge outputs;
# SanitizeTraineeHTML makes trainee HTML and JavaScript inert (the formgrader renders this notebook); ShowGradedAnswers
# then puts the answers each grade scored under it, so the instructor in the formgrader reads what was graded.
c.Autograde.autograde_preprocessors = [
    SandboxedExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    TrustedScores,
    LimitOutputSize,
    LimitOutput,
    SanitizeTraineeHTML,
    ShowGradedAnswers,  # each grade shows the answers it scored (the formgrader reads this notebook); escaped text
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
# Per-cell time limit for trainee code during autograde (seconds).
c.Execute.timeout = 60
# Quieter kernels during autograde; history kept in memory only (nbgrader's default).
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
# A grading kernel has nothing to save: stop it at once when its notebook is done.
c.Execute.shutdown_kernel = "immediate"
# Limits of each grading kernel. The defaults below come from ipt_training.grading.sandbox.kernel, where environment
# variables (IPT_GRADING_MEMORY_MB, IPT_GRADING_CPU_SECONDS, IPT_GRADING_FILE_SIZE_MB, IPT_GRADING_ISOLATE,
# IPT_GRADING_SECCOMP) can change them per machine; a value set here wins over both.
# c.SandboxedKernelManager.memory_limit_mb = 2048
# c.SandboxedKernelManager.cpu_limit_seconds = 600
# c.SandboxedKernelManager.file_size_limit_mb = 256
# c.SandboxedKernelManager.isolate = "auto"  # "auto" | "userns" | "off"
# c.SandboxedKernelManager.use_bwrap = "auto"  # bubblewrap when grading as root: "auto" | "on" | "off"
# Budgets of one notebook (IPT_GRADING_NOTEBOOK_SECONDS, IPT_GRADING_DISK_MB): wall clock for the whole notebook,
# restarts included, and MiB of files it may leave in its folder.
# c.SandboxedExecute.notebook_time_limit = 120
# c.SandboxedExecute.disk_limit_mb = 50

# Feedback shows each test's output (the explanations) but not the hidden test source, and never key text.
# Each test cell also shows the answer the grader scored (variables or the builder's saved answer), and long
# lines wrap (FeedbackStyle adds the CSS). The feedback folder holds the pages only, nothing the notebook wrote.
# Each graded item is named as in the instructor's notebook ("Q1. Who developed IPT?") with its score; a test
# cell shows what was graded and the explanation, not its code, and no In/Out prompts (ReadableGradeCells and the
# ipt_feedback page template, which extends nbgrader's feedback page).
# SanitizeTraineeHTML first: feedback made from a notebook autograded before it existed is inert too.
c.GenerateFeedback.preprocessors = [SanitizeTraineeHTML, GetGrades, ClearHiddenTests, RedactKeyText, ShowGradedAnswers,
                                    ReadableGradeCells, FeedbackPagesOnly, CSSHTMLHeaderPreprocessor, FeedbackStyle]
# Set for GenerateFeedback's exporter only: the formgrader's HTMLExporter keeps its own template and prompts.
c.GenerateFeedback.HTMLExporter.template_file = TEMPLATE_FILE
c.GenerateFeedback.HTMLExporter.extra_template_basedirs = template_dirs()
c.GenerateFeedback.HTMLExporter.exclude_input_prompt = True
c.GenerateFeedback.HTMLExporter.exclude_output_prompt = True

# Collection (`nbgrader collect`, the formgrader's Collect button, `ipt-course collect`): submissions with links,
# named pipes, devices or too much data, or forged under another trainee's name, are refused; each submission is
# dated by the time the exchange saw it, not the time the trainee wrote in it (docs/deployment.md).
c.ExchangeFactory.collect = "ipt_training.grading.workflow.exchange.OwnerCheckedCollect"
# Feedback release (`nbgrader release_feedback`, the formgrader, `ipt-course feedback --release`): each page is named
# by the secret of the collected submission, so a notebook that deleted its own submission_secret.txt cannot stop the
# release for the trainees after it.
c.ExchangeFactory.release_feedback = "ipt_training.grading.workflow.exchange.CollectedSecretReleaseFeedback"

# A course hub keeps this machine's settings (the exchange folder, the PostgreSQL gradebook URL) in
# nbgrader_config_local.py beside this file; it is not in git (it may hold a database password). See
# docs/deployment.md. Nothing happens when the file does not exist.
load_subconfig("nbgrader_config_local.py")  # noqa: F821 - provided by traitlets when it loads this file
