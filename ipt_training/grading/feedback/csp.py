"""The Content-Security-Policy of every feedback page: nothing on it may run or load from anywhere.

A feedback page is opened from the trainee's disk or the course hub. The HTML cleaning
(:mod:`ipt_training.grading.trusted.sanitize`) already removes trainee scripts; the policy is the second line: if
anything slipped through, the browser still runs no script, loads no remote image, font or style, and submits no
form. Styles are inline only (the page's own ``<style>`` blocks), images are the page's own ``data:`` images (PNG
outputs, SVG figures shown as images). ``FeedbackStyle`` hands the policy to the page template
(``ipt_feedback.html.j2``), which puts it first in ``<head>``; the "feedback withheld" page carries it too.
"""

from __future__ import annotations

import html

#: ``<meta http-equiv>`` cannot carry ``frame-ancestors`` or ``sandbox``; everything else is shut.
POLICY = ("default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; img-src data:; "
          "font-src data:; base-uri 'none'; form-action 'none'")
#: The key under which the page template finds the policy's ``<meta>`` element in nbconvert's resources.
RESOURCE = "ipt_csp_meta"


def meta_tag(policy: str = POLICY) -> str:
    """The ``<meta http-equiv="Content-Security-Policy">`` element for ``policy``."""
    return f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">'
