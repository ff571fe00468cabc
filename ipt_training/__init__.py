"""ipt_training: case library, formulation scorer, grading helpers, widgets and analytics for the IPT course.

Importing the package is cheap; heavy dependencies (pandas, ipywidgets, matplotlib, nbgrader) load
only in the modules that need them.
"""

__version__ = "0.1.0"
