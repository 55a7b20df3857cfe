"""Answering the quiz forms of a lesson in Playwright, as a learner does with the mouse."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The minimal course's "roles" quiz (tests/roots/minimal/modules/roles/quiz.yml)
MINIMAL_CORRECT: dict[str, Any] = {
    "q-focus": "a", "q-both": ["a", "b"], "q-tf": "false",
    "q-match": {"code": "maker", "plan": "planner"}, "p-energy": "a", "p-day": "a"}
MINIMAL_WRONG: dict[str, Any] = {
    "q-focus": "b", "q-both": ["c"], "q-tf": "true",
    "q-match": {"code": "planner", "plan": "maker"}, "p-energy": "b", "p-day": "b"}


def control(root: Any, module: str, *parts: str) -> Any:
    """The element of a quiz part by its id (``quiz:<module>:<question>[:<option>]``)."""
    return root.locator(f'[id="{":".join(("quiz", module, *parts))}"]')


def answer(root: Any, module: str, responses: Mapping[str, Any]) -> None:
    """Choose the responses (grading's shapes: id, list of ids, item -> target)."""
    for question, response in responses.items():
        if isinstance(response, Mapping):
            for item, target in response.items():
                control(root, module, question, item).select_option(target)
        elif isinstance(response, list):
            for choice in response:
                control(root, module, question, choice).check()
        else:
            control(root, module, question, response).check()


def submit(root: Any, module: str) -> None:
    """Submit a quiz (confirming when questions are unanswered) and wait for the result."""
    form = control(root, module)
    form.get_by_role("button", name="Submit", exact=True).click()
    confirm = form.get_by_role("button", name="Submit anyway")
    result = form.locator("[data-role=result]")
    if not result.is_visible() and confirm.is_visible():
        confirm.click()
    result.wait_for()


def ready(frame: Any) -> None:
    """Wait until quiz.js has set up the forms (it runs after the runtime's first commit)."""
    frame.wait_for_function("() => window.courseforgeQuiz !== undefined")


def take(root: Any, frame: Any, module: str, responses: Mapping[str, Any]) -> None:
    """Go to a module's quiz page, answer and submit."""
    ready(frame)
    frame.evaluate("(id) => courseforge.go(id + '.quiz')", module)
    answer(root, module, responses)
    submit(root, module)
