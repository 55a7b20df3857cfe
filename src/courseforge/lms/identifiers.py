"""Response identifiers that survive strict SCORM 2004 LMSs.

Moodle's SCORM 2004 run-time takes only ``[A-Za-z0-9_.]`` in the short identifiers of
``learner_response`` and ``correct_responses.n.pattern`` (choice, matching, likert,
sequencing) and refuses anything else with error 406. Course ids are
``[A-Za-z][A-Za-z0-9_-]*``: they never hold a dot, so writing each ``-`` as ``.`` is a
one-to-one mapping (reversible, no two ids meet) that keeps the id readable in LMS
reports: ``project-manager`` is sent as ``project.manager``. SCORM 1.2 and cmi5 take the
hyphen and receive the ids unchanged. The lesson runtime applies the same mapping
(``templates/lesson``'s SCORM adapter); this module is its reference for checks and tests.
"""

from __future__ import annotations

import re

MOODLE_SHORT_IDENTIFIER = re.compile(r"^[\w.]{1,250}$", re.ASCII)


def short_identifier(course_id: str) -> str:
    """The identifier a SCORM 2004 response or pattern carries for a course id."""
    return course_id.replace("-", ".")


def course_identifier(short: str) -> str:
    """The course id a SCORM 2004 response identifier stands for (the inverse)."""
    return short.replace(".", "-")
