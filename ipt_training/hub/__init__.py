"""What the course hub's root process does for the course, kept to the minimum and away from trainees' paths.

The hub (``deploy/jupyterhub_config.py``) runs as root. ``lessons`` copies the lessons into a trainee's home *as the
trainee* (root never opens a path a trainee controls); ``exchange_folder`` creates the course's folder in nbgrader's
exchange for the instructor at setup and recognises one another account created first.
"""
