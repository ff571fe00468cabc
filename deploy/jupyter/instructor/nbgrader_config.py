"""nbgrader settings of an instructor's server on the course hub: the course, the exchange, the course folder.

The hub sets IPT_EXCHANGE_ROOT, IPT_COURSE_ID and IPT_COURSE_DIR from deploy/jupyterhub_config.py. The gradebook
URL lives in the course folder's nbgrader_config_local.py (it may hold a password; see docs/deployment.md).
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = os.environ.get("IPT_COURSE_ID", "ipt-course")
c.Exchange.root = os.environ.get("IPT_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
if os.environ.get("IPT_COURSE_DIR"):
    c.CourseDirectory.root = os.environ["IPT_COURSE_DIR"]
# Safe collection: refuses a submission written by another account than the trainee it names (nbgrader only
# warns) or holding links, pipes, devices or too much data; dates submissions by the exchange's time.
c.ExchangeFactory.collect = "ipt_training.grading.workflow.exchange.OwnerCheckedCollect"
# Feedback release (`nbgrader release_feedback`, the formgrader, `ipt-course feedback --release`): each page is named
# by the secret of the collected submission, so a notebook that deleted its own submission_secret.txt cannot stop the
# release for the trainees after it.
c.ExchangeFactory.release_feedback = "ipt_training.grading.workflow.exchange.CollectedSecretReleaseFeedback"
