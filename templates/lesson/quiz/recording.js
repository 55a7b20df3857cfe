/* What the LMS is told of a submission: interactions, the course score, objectives. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var tracker = quizzes.tracker;
  var shared = quizzes.shared;
  var course = quizzes.course;
  var counting = quizzes.counting;
  var outcomes = quizzes.outcomes;
  var byModule = quizzes.byModule;
  var Controller = quizzes.Controller;
  var INTERACTION_TYPES = quizzes.INTERACTION_TYPES;

  function pattern(question, response) {
    if (response === null || response === undefined) return undefined;
    if (question.type === "multiple") return response.join("[,]");
    if (question.type === "matching") {
      return question.items.filter(function (item) { return response[item.id] !== undefined; })
        .map(function (item) { return item.id + "[.]" + response[item.id]; }).join("[,]");
    }
    return response;
  }

  function reportCourse() {
    var percents = {}, all = true;
    counting.forEach(function (entry) {
      var c = byModule(entry[0]);
      if (c && c.state.count > 0) {
        percents[entry[0]] = c.state.best;
        tracker.settle(entry[0]);
      } else all = false;
    });
    // a partial score would read as a failure in an LMS that judges by mastery score
    if (!all || !counting.length) return false;
    var score = grading.courseScore(course, percents);
    tracker.setScore(score, 0, 100, score / 100);
    tracker.setSuccess(score >= shared.passing_score ? "passed" : "failed");
    return true;
  }


  /* How this quiz's answers are journaled: every answer for the quizzes that count and the
     one that recommends; a practice quiz as the LMS preset says (full, summary or none). */
  function journal(moduleId) {
    // cmi5 sends each answer once, as a statement: no CMI grows with them
    if (quizzes.counted(moduleId) || shared.record === moduleId) return "full";
    if (lesson.data.standard === "cmi5") return "full";
    return lesson.data.practice || "full";
  }

  /* The plain text of rendered HTML, for LMS reports. */
  function plain(html) {
    var box = document.createElement("div");
    box.innerHTML = html;
    return (box.textContent || "").replace(/\s+/g, " ").trim().slice(0, 250);
  }

  /* Every lesson objective the quizzes assess, scored from the latest submitted attempt of
     each quiz this session knows (a quiz in a new attempt adds nothing until submitted). */
  function reportObjectives() {
    var totals = {}; // objective id -> {earned, possible, quizzes assessing, quizzes known}
    quizzes.controllers.forEach(function (c) {
      var known = c.state.count > 0 && c.state.phase === "r";
      var scored = known ? grading.scoreQuiz(c.quiz, c.state.responses, shared.passing_score)
        : null;
      var seen = {};
      c.quiz.questions.forEach(function (q, i) {
        (q.objectives || []).forEach(function (id) {
          var t = totals[id] = totals[id] || { earned: 0, possible: 0, quizzes: 0, known: 0 };
          if (!seen[id]) { seen[id] = true; t.quizzes++; if (known) t.known++; }
          if (!known || q.type === "preference") return;
          t.earned += scored.questions[i].earned;
          t.possible += scored.questions[i].points;
        });
      });
    });
    Object.keys(totals).forEach(function (id) {
      var t = totals[id];
      if (!t.known || !t.possible) return;
      var scaled = Math.round(t.earned / t.possible * 10000) / 10000;
      tracker.setObjective(id, {
        scaled: scaled, success: scaled * 100 >= shared.passing_score ? "passed" : "failed",
        completion: t.known === t.quizzes ? "completed" : "incomplete",
        description: plain(shared.objectives[id] || id), lesson: true });
    });
  }

  Controller.prototype.record = function (result, responses, at) {
    var self = this;
    var mode = journal(this.id);
    var first = this.state.count === 1; // reports need a question's text once per attempt
    if (mode === "summary") {
      tracker.recordInteraction({
        id: this.id, type: "numeric", response: String(result.percent),
        result: result.passed ? "correct" : "incorrect", weighting: 0, first: first,
        description: quizzes.labels.text("lms.practice_check", { title: plain(this.title) }) });
    }
    result.questions.forEach(function (r) {
      if (mode !== "full") return;
      var q = self.questions[r.id];
      var started = self.firstFocus[r.id] !== undefined ? self.firstFocus[r.id] : self.shownAt;
      tracker.recordInteraction({
        id: self.id + "-" + q.id, type: INTERACTION_TYPES[q.type],
        response: pattern(q, r.response),
        correct: q.type === "preference" ? [] : [pattern(q, grading.correctResponse(q))],
        result: r.correct === null ? "neutral" : r.correct ? "correct" : "incorrect",
        weighting: r.points, latency: Math.max(0, at - Math.min(started, at)) / 1000,
        description: q.description, first: first, objectives: (q.objectives || []).slice(0, 10)
      });
    });
    reportObjectives();
    if (shared.record !== this.id) return;
    var rec = quizzes.recommendation(this.quiz, responses);
    if (!rec) return;
    // too close to call: the likert response keeps the rule's pick, but no outcome is passed
    var clear = !rec.close_call;
    tracker.recordInteraction({ id: "recommendation", type: "likert", response: rec.outcome,
                                result: "neutral", description: verdictText(rec),
                                first: first,
                                closeCall: clear ? null : [rec.outcome, rec.runner_up] });
    shared.outcomes.forEach(function (o) {
      tracker.setObjective(o.id, { scaled: Math.round(rec.shares[o.id] * 10000) / 10000,
                                   success: clear && o.id === rec.outcome ? "passed" : "unknown",
                                   completion: "completed", description: o.title });
    });
    tracker.setComment(verdictText(rec));
  };

  /* The recommendation of an attempt, too close to call by the course's margin. */
  function recommendation(quiz, responses) {
    return grading.recommend(quiz, responses, shared.outcomes, shared.close_call_margin);
  }

  /* "Recommended: X", or "Too close to call: X and Y" (the learner comment and the result). */
  function verdictText(rec) {
    if (rec.close_call && rec.runner_up) {
      return quizzes.labels.text("quiz.close_call", {
        first: outcomes[rec.outcome].title, second: outcomes[rec.runner_up].title });
    }
    return quizzes.labels.text("lms.recommended", { outcome: outcomes[rec.outcome].title });
  }

  quizzes.reportCourse = reportCourse;
  quizzes.recommendation = recommendation;
  quizzes.verdictText = verdictText;
})(window.courseforgeLesson = window.courseforgeLesson || {});
