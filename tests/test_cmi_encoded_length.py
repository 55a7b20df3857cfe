"""The CMI budget: each value counted as encodeURIComponent writes it, any course estimated."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseforge.lms.cmi_budget import encoded


@given(st.text(st.characters(codec="utf-8")))
def test_the_length_is_that_of_the_percent_encoded_text(text: str) -> None:
    assert encoded(text) == len(quote(text, safe="-_.!~*'()"))


def test_a_lone_surrogate_fails_as_the_encoder_does() -> None:
    # encodeURIComponent throws a URIError on a lone surrogate: no length to count
    with pytest.raises(UnicodeEncodeError):
        encoded("\ud800")
    assert encoded("\ud83d\ude00".encode("utf-16", "surrogatepass").decode("utf-16")) == 12


def test_a_recommending_quiz_without_outcomes_is_estimated_without_failing() -> None:
    # validation reports the missing outcomes; the estimate must not end check first
    from dataclasses import replace

    from conftest import ROOTS
    from courseforge.lms.cmi_budget import cmi_estimate
    from courseforge.loading.course_loader import load_course

    course, _ = load_course(ROOTS / "minimal")
    assert course is not None and any(m.quiz and m.quiz.settings.recommend for m in course.modules)
    assert cmi_estimate(replace(course, outcomes=()), "scorm2004", "full") > 0
