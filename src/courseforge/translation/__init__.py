"""Translation round trip: a course's texts out as XLIFF 1.2, translations back in as a course.

``export_course`` writes one unit per text (titles, slide text, notes, questions, choices,
feedback, explanations, objectives, outcomes) with stable ids and notes for the translator;
``import_translation`` writes the translated course folder and reports what is untranslated.
"""

from __future__ import annotations

from .exporting import ExportReport, export_course
from .importing import ImportReport, import_translation

__all__ = ["ExportReport", "ImportReport", "export_course", "import_translation"]
