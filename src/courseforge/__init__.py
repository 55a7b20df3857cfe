"""courseforge: slide decks, SCORM lessons and graded quizzes from one plain-text course."""

__version__ = "0.1.0"
