"""nbgrader settings of a trainee's server on the course hub: which course, and where the exchange is.

The hub sets IPT_EXCHANGE_ROOT and IPT_COURSE_ID from its own configuration (deploy/jupyterhub_config.py).
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = os.environ.get("IPT_COURSE_ID", "ipt-course")
c.Exchange.root = os.environ.get("IPT_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
