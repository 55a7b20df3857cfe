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


  Controller.prototype.record = function (result, responses, at) {
    var self = this;
    result.questions.forEach(function (r) {
      var q = self.questions[r.id];
      var started = self.firstFocus[r.id] !== undefined ? self.firstFocus[r.id] : self.shownAt;
      tracker.recordInteraction({
        id: self.id + "-" + q.id, type: INTERACTION_TYPES[q.type],
        response: pattern(q, r.response),
        correct: q.type === "preference" ? [] : [pattern(q, grading.correctResponse(q))],
        result: r.correct === null ? "neutral" : r.correct ? "correct" : "incorrect",
        weighting: r.points, latency: Math.max(0, at - Math.min(started, at)) / 1000,
        description: q.description
      });
    });
    if (shared.record !== this.id) return;
    var rec = grading.recommend(this.quiz, responses, shared.outcomes);
    if (!rec) return;
    var title = outcomes[rec.outcome].title;
    tracker.recordInteraction({ id: "recommendation", type: "likert", response: rec.outcome,
                                result: "neutral",
                                description: quizzes.labels.text("lms.recommended", { outcome: title }) });
    shared.outcomes.forEach(function (o) {
      tracker.setObjective(o.id, { scaled: Math.round(rec.shares[o.id] * 10000) / 10000,
                                   success: o.id === rec.outcome ? "passed" : "unknown",
                                   completion: "completed", description: o.title });
    });
    tracker.setComment(quizzes.labels.text("lms.recommended", { outcome: title }));
  };

  quizzes.reportCourse = reportCourse;
})(window.courseforgeLesson = window.courseforgeLesson || {});
