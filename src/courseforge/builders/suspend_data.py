"""How long the runtime's suspend_data can get, checked against SCORM 1.2's limit.

The runtime (templates/lesson/runtime.js) stores ``{"v":1,"n":PAGES,"p":"SEEN"}``, SEEN
holding 6 pages per character. Strict LMSs cut or refuse longer data, which breaks resume.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..errors import Diagnostic, warning
from ..model import Course, Module

SCORM12_SUSPEND_LIMIT = 4096


def page_count(modules: Sequence[Module]) -> int:
    """Pages of a lesson over these modules: the start page, each slide, each quiz."""
    return 1 + sum(len(m.lesson.slides) + (m.quiz is not None) for m in modules)


def suspend_data_length(pages: int, sections: int = 0) -> int:
    """The runtime's suspend_data length for a lesson of ``pages`` pages.

    ``sections`` is the length of the JSON object extensions save with the tracker's
    saveState (0 when none do).
    """
    record = f'{{"v":1,"n":{pages},"p":"{"A" * math.ceil(pages / 6)}"}}'
    return len(record) + (len(',"x":') + sections if sections else 0)


def suspend_data_budget(course: Course) -> int:
    """The worst-case suspend_data length of any package built from this course."""
    return suspend_data_length(page_count(course.modules))


def suspend_data_warnings(course: Course) -> list[Diagnostic]:
    """A warning when the course could overflow SCORM 1.2's suspend_data."""
    budget = suspend_data_budget(course)
    if budget <= SCORM12_SUSPEND_LIMIT:
        return []
    return [warning(course.source.path, course.source.line,
                    f"the lesson state may need {budget} characters of suspend_data, more than "
                    f"the {SCORM12_SUSPEND_LIMIT} SCORM 1.2 allows; split the course",
                    "scorm.suspend-data")]
