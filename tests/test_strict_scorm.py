"""The strict SCORM checker itself: it refuses what each version's data model refuses."""

from __future__ import annotations

from typing import Any

import pytest

from browser.strict_scorm import assert_strict, sent, violations


def calls(version: str, *pairs: tuple[str, str]) -> list[dict[str, Any]]:
    """Harness records of SetValue calls (all answered "true", as scorm-again does)."""
    method = "LMSSetValue" if version == "1.2" else "SetValue"
    return [{"method": method, "args": [name, value], "result": "true"} for name, value in pairs]


GOOD = {
    "1.2": [("cmi.core.score.min", "0"), ("cmi.core.score.max", "100"),
            ("cmi.core.score.raw", "33.33"), ("cmi.core.lesson_status", "failed"),
            ("cmi.core.exit", "suspend"), ("cmi.core.session_time", "0000:01:02.50"),
            ("cmi.interactions.0.id", "roles-q-tf"), ("cmi.interactions.0.type", "true-false"),
            ("cmi.interactions.0.correct_responses.0.pattern", "f"),
            ("cmi.interactions.0.student_response", "t"), ("cmi.interactions.0.result", "wrong"),
            ("cmi.interactions.0.weighting", "1"), ("cmi.interactions.0.latency", "00:00:03.20"),
            ("cmi.interactions.0.time", "23:59:01"), ("cmi.objectives.0.id", "maker"),
            ("cmi.objectives.0.status", "passed"), ("cmi.suspend_data", "x" * 4096)],
    "2004": [("cmi.score.scaled", "0.3333"), ("cmi.score.raw", "33.33"),
             ("cmi.score.min", "0"), ("cmi.score.max", "100"),
             ("cmi.completion_status", "completed"), ("cmi.success_status", "failed"),
             ("cmi.progress_measure", "1"), ("cmi.session_time", "PT0H1M2.5S"),
             ("cmi.interactions.0.id", "roles-q-both"), ("cmi.interactions.0.type", "choice"),
             ("cmi.interactions.0.correct_responses.0.pattern", "a[,]b"),
             ("cmi.interactions.0.learner_response", "c"),
             ("cmi.interactions.0.result", "incorrect"),
             ("cmi.interactions.0.timestamp", "2026-12-01T08:36:20.12Z"),
             ("cmi.interactions.0.latency", "PT3.2S"), ("cmi.objectives.0.id", "maker"),
             ("cmi.objectives.0.score.scaled", "-1"), ("cmi.exit", "suspend")],
}
BAD = {  # (element, value) a strict LMS refuses, after GOOD's interaction 0 was set up
    "1.2": [("cmi.interactions.0.result", "incorrect"), ("cmi.core.score.raw", "1e-7"),
            ("cmi.core.score.raw", "101"), ("cmi.core.score.raw", "NaN"),
            ("cmi.core.session_time", "00:00:00.700"), ("cmi.core.session_time", "PT1S"),
            ("cmi.core.lesson_status", "not attempted"), ("cmi.success_status", "passed"),
            ("cmi.core.exit", "normal"), ("cmi.interactions.0.id", "roles q"),
            ("cmi.interactions.0.student_response", "true"),
            ("cmi.interactions.0.time", "24:00:00"), ("cmi.suspend_data", "x" * 4097),
            ("cmi.interactions.0.latency", "PT1S")],
    "2004": [("cmi.interactions.0.result", "wrong"), ("cmi.score.scaled", "1.5"),
             ("cmi.score.scaled", "3.333e-1"), ("cmi.score.scaled", ".5"),
             ("cmi.progress_measure", "-0.1"), ("cmi.session_time", "00:00:01.00"),
             ("cmi.session_time", "PT"), ("cmi.session_time", "PT1.123S"),
             ("cmi.completion_status", "passed"), ("cmi.core.lesson_status", "passed"),
             ("cmi.exit", "timeout"), ("cmi.interactions.0.learner_response", "a b"),
             ("cmi.interactions.0.learner_response", "a[,]a"),
             ("cmi.interactions.0.timestamp", "2026-12-01 08:36"),
             ("cmi.interactions.0.timestamp", "2040-01-01"),
             ("cmi.objectives.0.description", "x" * 251)],
}


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_what_each_version_allows_passes(version) -> None:
    assert violations(calls(version, *GOOD[version]), version) == []
    assert_strict(calls(version, *GOOD[version]), version)


@pytest.mark.parametrize("version,element,value",
                         [(v, e, x) for v, pairs in BAD.items() for e, x in pairs])
def test_each_value_a_strict_lms_refuses_is_named(version, element, value) -> None:
    problems = violations(calls(version, *GOOD[version], (element, value)), version)
    assert len(problems) == 1 and problems[0].startswith(f"{element} = {value!r}: "), problems
    with pytest.raises(AssertionError, match="a strict LMS refuses"):
        assert_strict(calls(version, *GOOD[version], (element, value)), version)


def test_2004_interaction_fields_follow_the_id_and_the_type() -> None:
    early = calls("2004", ("cmi.interactions.0.result", "correct"),
                  ("cmi.interactions.0.id", "q"),
                  ("cmi.interactions.0.learner_response", "a"),
                  ("cmi.interactions.0.type", "choice"))
    assert [p.split(": ", 1)[1] for p in violations(early, "2004")] == [
        "sent before the interaction's id", "sent before the interaction's type"]


def test_responses_follow_their_interactions_type() -> None:
    pairs = [("cmi.interactions.1.id", "m"), ("cmi.interactions.1.type", "matching")]
    assert violations(calls("2004", *pairs, ("cmi.interactions.1.learner_response",
                                             "code[.]maker[,]plan[.]planner")), "2004") == []
    assert violations(calls("2004", *pairs, ("cmi.interactions.1.learner_response",
                                             "code.maker")), "2004") != []
    assert violations(calls("1.2", *pairs, ("cmi.interactions.1.student_response",
                                            "code.maker,plan.planner")), "1.2") == []
    assert violations(calls("1.2", *pairs, ("cmi.interactions.1.student_response",
                                            "code[.]maker")), "1.2") != []


def test_sent_lists_an_elements_values_in_order() -> None:
    record = calls("2004", ("cmi.score.raw", "25"), ("cmi.exit", "suspend"),
                   ("cmi.score.raw", "75"))
    record.append({"method": "GetValue", "args": ["cmi.score.raw"], "result": "75"})
    assert sent(record, "2004", "cmi.score.raw") == ["25", "75"]
    assert sent(record, "1.2", "cmi.score.raw") == []


def test_the_moodle_rule_refuses_hyphens_in_2004_responses_only() -> None:
    from browser.strict_scorm import moodle_violations

    hyphen = calls("2004", ("cmi.interactions.0.id", "final-q1"),
                   ("cmi.interactions.0.type", "matching"),
                   ("cmi.interactions.0.correct_responses.0.pattern", "item.a[.]role-b"),
                   ("cmi.interactions.1.id", "recommendation"),
                   ("cmi.interactions.1.type", "likert"),
                   ("cmi.interactions.1.learner_response", "project-manager"))
    problems = moodle_violations(hyphen, "2004")
    assert len(problems) == 2 and "error 406" in problems[0]
    dotted = calls("2004", ("cmi.interactions.0.id", "final-q1"),
                   ("cmi.interactions.0.type", "likert"),
                   ("cmi.interactions.0.learner_response", "project.manager"),
                   ("cmi.interactions.1.id", "final-q2"),
                   ("cmi.interactions.1.type", "true-false"),
                   ("cmi.interactions.1.learner_response", "true"))
    assert moodle_violations(dotted, "2004") == []
    assert moodle_violations(calls("1.2", ("cmi.interactions.0.type", "likert"),
                                   ("cmi.interactions.0.student_response", "a-b")), "1.2") == []


def test_moodle_serialises_every_element_it_holds() -> None:
    from browser.strict_scorm import assert_moodle_safe, moodle_body, moodle_cmi

    held = {"cmi.interactions.0.id": "x"}
    cmi = moodle_cmi(calls("2004", ("cmi.location", "a b")), "2004", held)
    assert cmi == {"cmi.interactions.0.id": "x", "cmi.location": "a b"}
    assert moodle_body(cmi) - moodle_body({}) == len("&cmi__interactions__0__id=x") + \
        len("&cmi__location=a%20b")
    with pytest.raises(AssertionError, match="Terminate would send"):
        assert_moodle_safe(calls("2004", ("cmi.suspend_data", "{" * 30000)), "2004")
