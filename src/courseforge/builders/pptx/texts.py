"""Every text the decks, the facilitator guide and the handout write, in one place.

Each message has an id and an English text with ``{named}`` fields; a message that
depends on a count has ``:one`` and ``:other`` forms. Kept apart from the code that uses
them so the whole set can move into the course's language catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ...locale import Labels, labels_for
from ...model import Course

ENGLISH: dict[str, str] = {
    # slide titles and labels
    "agenda": "Agenda",
    "objectives": "Objectives",
    "objectives.lead": "By the end of this module you will be able to:",
    "summary": "Summary",
    "summary.lead.objectives": "In this module you learned to:",
    "summary.lead.topics": "In this module we covered:",
    "summary.next": "Next: {title}",
    "estimated": "Estimated time: {duration}",
    "module.of": "Module {number} of {total}",
    "course.modules:one": "{count} module",
    "course.modules:other": "{count} modules",
    "minutes:one": "{count} minute",
    "minutes:other": "{count} minutes",
    "hours": "{hours} h {minutes:02d} min",
    "questions:one": "{count} question",
    "questions:other": "{count} questions",
    "question.label": "Question {number} of {total}",
    "question.pool": "{label} · pool {pool}: {draw} of its {size} drawn per attempt",
    "quiz.draws": "Each attempt draws {draw} of these {total} questions.",
    "quiz.pools": "Each attempt draws from the pools marked on the questions; the others "
                  "are always asked.",
    "answer.label": "Answer {number} of {total}",
    "choose.all": "Choose all that apply.",
    "no.wrong.answer": "There is no wrong answer: choose what fits you best.",
    "match.items": "Match each of these",
    "match.targets": "to one of these",
    "match.call": "Call out your matches as number and letter, for example 2-B.",
    "answer.correct": "✓ {letter}. {text}",
    "answer.wrong": "✗ {letter}. {text}",
    "answer.item": "Item",
    "answer.matches": "Matches",
    "tally.title": "Self-assessment: your tally",
    "tally.question": "Question",
    "tally.lead": "Circle the letter you chose for each question, then add up each column "
                  "(a letter with points in brackets counts that many): the highest total is "
                  "the result your answers point to. If the two highest totals are within "
                  "{share} of all your points, it is too close to call: read both.",
    "tally.points": "{letter} ({points})",
    "outcome.guidance": "Next steps: {guidance}",
    "break": "Break",
    "break.back": "{minutes} minutes: back at {clock}",
    "closing": "Summary and questions",
    "closing.questions": "Questions?",
    "closing.evaluation": "Please fill in the course evaluation before you leave.",
    "closing.summary": "What we covered:",
    "agenda.start": "Start",
    "agenda.item": "Module",
    "agenda.minutes": "Minutes",
    "agenda.welcome": "Welcome and agenda",
    "agenda.close": "Summary, questions and evaluation",
    "cont": " (cont.)",
    "callout.tip": "Tip",
    "callout.warning": "Warning",
    "callout.example": "Example",
    "callout.key": "Key point",
    "callout.titled": "{kind}: {title}",
    # generated speaker notes
    "notes.timing": "Timing: about {time} ({start}–{end}).",
    "notes.timing.short": "Timing: under a minute ({start}).",
    "notes.continues": "Continues '{title}'.",
    "notes.title.full": "Title in full: {title}",
    "notes.subtitle.full": "Subtitle in full: {subtitle}",
    "notes.welcome.module": "Welcome the group to '{title}', module {number} of {total} of "
                            "'{course}'. Introduce yourself and explain that this module "
                            "takes about {time}.",
    "notes.welcome.audience": "It is written for: {audience}",
    "notes.ask.know": "Ask: \"What would you like to take away from this module?\"",
    "notes.ask.assessment": "Explain how the assessment works and answer questions about "
                            "it before anyone starts.",
    "notes.section": "Module {number} of {total}: '{title}', about {time}. Give the group a "
                     "moment to stand up or stretch before you start, then say what this "
                     "module is about.",
    "notes.agenda.module": "Walk through the agenda. Tell the group when you plan a break "
                           "and how questions are handled (any time, or at the end of each "
                           "topic).",
    "notes.objectives": "Read the objectives aloud.",
    "notes.objectives.check": "The quiz at the end of the module asks about them.",
    "notes.objectives.ask": "Ask: \"Which of these matters most for your own work?\" Note "
                            "the answers and come back to them in the summary.",
    "notes.slide.default": "Present '{title}' in your own words and check for questions "
                           "before moving on.",
    "notes.summary": "Recap each point in one sentence. Go back to the answers the group "
                     "gave on the objectives slide and check they are covered.",
    "notes.summary.ask": "Ask: \"What is one thing you will use in your work this week?\"",
    "notes.summary.next": "Then introduce the next module, '{title}'.",
    "notes.summary.last": "Thank the group and close the session.",
    "notes.quiz.practice": "Run this check live: show each question, let everyone decide on "
                           "an answer (show of hands, cards or a poll), then reveal the "
                           "answer slide and discuss the explanation.",
    "notes.quiz.hidden": "This quiz counts toward the score in the e-learning version, so "
                         "the slides show no answers. Let everyone answer on paper or in "
                         "their head; each question's notes hold its answer, and the "
                         "facilitator guide has the whole key.",
    "notes.quiz.nokey": "The slides show no answers: each question's notes hold its answer, "
                        "and the facilitator guide has the whole key.",
    "notes.quiz.preferences:one": "{count} question is about preferences and has no wrong "
                                  "answer.",
    "notes.quiz.preferences:other": "{count} questions are about preferences and have no "
                                    "wrong answer.",
    "notes.question.ask": "Read the question aloud and give the group time to think. Ask "
                          "for a show of hands for each option before revealing the answer.",
    "notes.question.answer": "Answer: {answer}",
    "notes.question.why": "Why: {explanation}",
    "notes.matching.ask": "Ask volunteers to call out one match each (number and letter) "
                          "and explain why; let the group correct them before you reveal "
                          "the answer.",
    "notes.preference.ask": "This question is about preferences: there is no wrong answer. "
                            "Ask two or three people which option they picked and why.",
    "notes.preference.points": "What each choice points to: {points}",
    "notes.answer": "Reveal the answer and ask someone who chose it to explain their "
                    "reasoning.",
    "notes.tally": "Hand out the tally (it is in the handout too). Everyone circles the "
                   "letter they chose for each question and adds up each column. Then show "
                   "the slide of each outcome and let people read the one they scored "
                   "highest; anyone whose two highest totals are too close to call reads both.",
    "notes.outcome": "Read the summary aloud; ask who scored highest here and what their "
                     "first step could be.",
    "notes.break": "Announce the time to be back. Leave the slide up during the break.",
    "notes.course.welcome": "Welcome the group to '{title}'. Introduce yourself, then "
                            "explain the plan: {modules} in about {time}.",
    "notes.course.ask": "Ask each participant for their name and what they hope to take "
                        "away.",
    "notes.course.agenda": "Walk through the modules, the start times and the breaks.",
    "notes.closing": "Summarise the course in a few sentences, take the last questions and "
                     "ask everyone to fill in the evaluation.",
    # facilitator guide and handout
    "guide.title": "Facilitator guide",
    "guide.handout": "Participant handout",
    "guide.agenda": "Agenda",
    "guide.objectives": "Objectives",
    "guide.materials": "Materials",
    "guide.materials.list": "Slides: {deck}. Handout: {handout}. Projector and flip chart.",
    "guide.materials.quiz": "Pens and paper for '{quiz}'.",
    "guide.slides": "Slide by slide",
    "guide.slide": "Slide {number}: {title}",
    "guide.questions": "Questions to ask",
    "guide.key": "Answer key: {title}",
    "guide.tally": "Self-assessment tally",
    "guide.pool": "{number} (pool {pool})",
    "guide.notes.space": "Your notes:",
    "guide.module": "Module {number}: {title}",
}


# the id of each message in the course's language catalogue (courseforge.locale); ENGLISH
# stays the text used outside a course (and the source of the English catalogue)
CATALOGUE = {
    "agenda": "deck.agenda", "objectives": "deck.objectives",
    "objectives.lead": "deck.objectives_intro", "summary": "deck.summary",
    "summary.lead.objectives": "deck.summary_learned",
    "summary.lead.topics": "deck.summary_covered", "summary.next": "deck.next_module",
    "module.of": "deck.module_number", "estimated": "deck.estimated_time",
    "minutes": "deck.duration", "questions": "deck.question_count",
    "question.label": "deck.question_number", "answer.label": "deck.answer_number",
    "match.items": "deck.match_these", "match.targets": "deck.to_one_of_these",
    "answer.item": "deck.match_item", "answer.matches": "deck.match_target",
    "no.wrong.answer": "deck.no_wrong_answer", "choose.all": "deck.choose_all",
    "callout.tip": "lesson.callout_tip", "callout.warning": "lesson.callout_warning",
    "callout.example": "lesson.callout_example", "callout.key": "lesson.callout_key",
}


def _catalogue_id(key: str) -> str:
    """The catalogue id of a message: ``deck.notes_timing``, ``guide.materials_list``."""
    family, _, rest = key.partition(".") if key.startswith("guide.") else ("deck", "", key)
    return f"{family}.{rest.replace('.', '_')}"


# every other message under its derived id
CATALOGUE.update({base: _catalogue_id(base) for base in
                  dict.fromkeys(key.partition(":")[0] for key in ENGLISH) if base not in CATALOGUE})
_LABELS: ContextVar[Labels | None] = ContextVar("deck_labels", default=None)


@contextmanager
def speaking(course: Course) -> Iterator[None]:
    """Within this block, messages are in the course's language where its catalogue has them."""
    token = _LABELS.set(labels_for(course))
    try:
        yield
    finally:
        _LABELS.reset(token)


def spoken() -> Labels | None:
    """The labels messages are said in here (None outside :func:`speaking`)."""
    return _LABELS.get()


def say(key: str, **values: object) -> str:
    """The text of message ``key`` with its fields filled."""
    labels = _LABELS.get()
    if labels is not None and labels.knows(CATALOGUE.get(key)):
        return labels.text(CATALOGUE[key], **values)
    return ENGLISH[key].format(**values)  # outside a course, or an id not catalogued yet


def say_count(key: str, count: int, **values: object) -> str:
    """The form of message ``key`` for ``count`` (singular or plural)."""
    labels = _LABELS.get()
    if labels is not None and labels.knows(CATALOGUE.get(key)):
        return labels.text(CATALOGUE[key], count=count, **values)
    form = "one" if count == 1 else "other"
    return ENGLISH[f"{key}:{form}"].format(count=count, **values)


def minutes(count: float) -> str:
    """A duration in whole minutes, at least one ('25 minutes'; '2 h 05 min' from 2 hours)."""
    whole = max(1, round(count))
    if whole >= 120:
        return say("hours", hours=whole // 60, minutes=whole % 60)
    return say_count("minutes", whole)


def clock(seconds: float) -> str:
    """A time into the session as h:mm ('0:05', '1:30')."""
    whole = round(seconds / 60)
    return f"{whole // 60}:{whole % 60:02d}"


def say_percent(value: float) -> str:
    """A percentage on 0..100 as the course's language writes it (one decimal where needed)."""
    decimals = 0 if float(value).is_integer() else 1
    labels = _LABELS.get()
    return labels.percent(value, decimals) if labels is not None else f"{value:.{decimals}f} %"
