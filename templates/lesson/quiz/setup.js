/* courseforge quizzes: order, grade and record the quiz forms of a lesson. No framework.
 *
 * The forms are rendered on the server (quiz.html.j2); the quiz data (author texts already
 * rendered to safe HTML) is in the page's JSON data block under "quiz". Grading, scores,
 * recommendations and shuffling come from grading.js (window.courseforgeGrading), the same
 * rules as courseforge/grading.py; tracking goes through the runtime's tracker
 * (window.courseforge.tracker), which speaks SCORM 1.2, 2004 or localStorage.
 *
 * Saved state (tracker.saveState("q1", TEXT)): one entry per quiz of the lesson, in module
 * order, joined by "|"; an untouched quiz is "". An entry is
 *   COUNT PHASE [BEST] CODE.CODE...
 * COUNT: submitted attempts in decimal (capped at 9999); PHASE: "a" answering, "r" showing
 * the result; BEST: the best percent x 100 in three base64url characters (after a first
 * submission); one CODE per question in declared order, "" when unanswered:
 *   single, true-false, preference  the chosen choice's index, base64url
 *   multiple                        a bitset of the choices, 6 per character
 *   matching                        per item, the index + 1 of its target (0: none), in the
 *                                   fewest base64url characters that hold the target count
 * courseforge/lms/suspend_data.py computes the worst-case length of this text.
 *
 * The builder joins the files of lesson/quiz/ into quiz.js in a fixed order:
 *   setup.js        the quiz data and what every part shares (lesson.quizzes)
 *   state-codes.js  the compact saved state above, and how two saved copies merge
 *   dom.js          small DOM helpers
 *   controller.js   one quiz form: answers, submit, retry
 *   arrangement.js  the order per attempt, each part's numbers, the answered counter
 *   confirm.js      the unanswered prompt, by part, with its links
 *   recording.js    what the LMS is told: interactions, score, objectives
 *   feedback.js     each question's feedback after a submission
 *   check.js        Check per question in a practice check
 *   result.js       the result: score, review, recommendation
 *   result-next.js  what a result leads to
 *   start.js        a controller per quiz form; window.courseforgeQuiz
 */
(function (lesson) {
  "use strict";

  var cf = window.courseforge;
  var grading = window.courseforgeGrading;
  var data = lesson.data;
  if (!cf || !grading || !data || !data.quiz) return;

  var shared = data.quiz;
  var course = { modules: shared.modules };
  var counting = grading.countingQuizzes(course);
  var outcomes = {};
  shared.outcomes.forEach(function (o) { outcomes[o.id] = o; });
  var controllers = [];

  lesson.quizzes = {
    cf: cf,
    labels: lesson.labels, // every text shown, in the course's language
    percent: function (value) { return lesson.labels.percent(value, 2); },
    grading: grading,
    tracker: cf.tracker,
    shared: shared,
    course: course,
    counting: counting, // the quizzes that count towards the course score
    outcomes: outcomes, // by id
    controllers: controllers, // one per quiz form, in module order
    STATE_KEY: "q1",
    MAX_COUNT: 9999,
    INTERACTION_TYPES: { single: "choice", multiple: "choice", "true-false": "true-false",
                         matching: "matching", preference: "likert" },
    counted: function (moduleId) {
      return counting.some(function (entry) { return entry[0] === moduleId; });
    },
    byModule: function (id) {
      for (var i = 0; i < controllers.length; i++) if (controllers[i].id === id) return controllers[i];
      return null;
    }
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
