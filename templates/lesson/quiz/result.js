/* The result of a submission: score and verdict, what to review, the recommendation. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var labels = quizzes.labels;
  var percent = quizzes.percent;
  var shared = quizzes.shared;
  var outcomes = quizzes.outcomes;
  var Controller = quizzes.Controller;
  var el = quizzes.el;
  var html = quizzes.html;
  var role = quizzes.role;

  Controller.prototype.showResult = function (announce) {
    var responses = this.state.responses;
    var result = grading.scoreQuiz(this.quiz, responses, shared.passing_score);
    this.setLocked(true);
    this.meta();
    var self = this, reveal = this.quiz.settings.reveal_answers, review = [], wrong = [];
    var order = Object.keys(shared.objectives);
    result.questions.forEach(function (r) {
      self.showQuestion(self.questions[r.id], r, reveal);
      if (r.correct === false) {
        wrong.push(self.item(r.id));
        self.questions[r.id].objectives.forEach(function (o) {
          if (review.indexOf(o) < 0 && shared.objectives[o] !== undefined) review.push(o);
        });
      }
    });
    review.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    var box = role(this.form, "result");
    var summary = role(box, "summary"), reviewBox = role(box, "review");
    summary.textContent = "";
    reviewBox.textContent = "";
    var graded = result.total > 0;
    var counting = quizzes.counted(this.id);
    if (graded) {
      // the badge: a whole percentage, never rounded up to a pass
      var badge = el("p", "score-badge " + (result.passed ? "passed" : counting ? "failed" : "practice"),
        labels.percent(Math.floor(result.percent), 0));
      badge.setAttribute("aria-hidden", "true"); // the score line below says it in full
      summary.appendChild(badge);
      summary.appendChild(el("p", "score", labels.text("quiz.score", { percent: percent(result.percent),
        earned: result.earned, points: labels.text("quiz.points", { count: result.total }) })));
      // a practice check below its target is no failure: it says so without the red
      summary.appendChild(el("p", "verdict " + (result.passed ? "passed" : counting ? "failed" : "practice"),
        labels.text(result.passed ? "quiz.passed" : counting ? "quiz.failed" : "quiz.practice_below",
          { percent: percent(shared.passing_score) })));
      if (this.state.count > 1 && this.state.best !== result.percent) {
        summary.appendChild(el("p", "", labels.text("quiz.best_so_far",
          { percent: percent(this.state.best) })));
      }
      if (review.length) {
        reviewBox.appendChild(el("p", "", labels.text("quiz.review_objectives")));
        var list = el("ul", "review");
        review.forEach(function (o) { list.appendChild(html("li", "", shared.objectives[o])); });
        reviewBox.appendChild(list);
      } else if (wrong.length) {
        reviewBox.appendChild(el("p", "", labels.text("quiz.review_questions", { count: wrong.length,
          numbers: labels.join(wrong.map(function (li) { return li.getAttribute("data-number"); })) })));
      } else {
        summary.appendChild(el("p", "", labels.text("quiz.all_correct")));
      }
    }
    var left = this.attemptsLeft();
    summary.appendChild(el("p", "attempts", left === Infinity ? labels.text("quiz.attempts_any")
      : left > 0 ? labels.text("quiz.attempts_left", { count: left })
        : labels.text("quiz.no_attempts_left")));
    var rec = this.quiz.settings.recommend ?
      grading.recommend(this.quiz, responses, shared.outcomes) : null;
    if (this.quiz.settings.recommend) this.showRecommendation(role(box, "recommendation"), rec);
    box.querySelector("[data-action=retry]").hidden = !(left > 0);
    box.hidden = false;
    if (announce) {
      box.querySelector("h2").focus();
      var said = rec ? labels.text("quiz.announce_recommended", { outcome: outcomes[rec.outcome].title })
        : "";
      this.say(graded ? labels.text("quiz.announce_score", { percent: percent(result.percent) }) + " " +
        labels.text(result.passed ? "quiz.announce_passed" : "quiz.announce_failed") +
        (said ? " " + said : "") : said || labels.text("quiz.announce_submitted"));
    }
  };

  Controller.prototype.showRecommendation = function (box, rec) {
    box.textContent = "";
    if (!rec) {
      box.appendChild(el("p", "", labels.text("quiz.no_recommendation")));
      return;
    }
    var outcome = outcomes[rec.outcome], self = this;
    box.appendChild(el("h3", "", labels.text("quiz.recommended_for_you", { outcome: outcome.title })));
    if (outcome.summary) box.appendChild(html("p", "", outcome.summary));
    box.appendChild(el("h4", "", labels.text("quiz.why")));
    var why = el("ul", "reasons");
    rec.reasons.forEach(function (reason) {
      var li = el("li");
      li.appendChild(el("span", "reason-question", self.questions[reason.question].description + " "));
      li.appendChild(html("strong", "", reason.text));
      why.appendChild(li);
    });
    box.appendChild(why);
    // a runner-up none of the answers pointed to is no runner-up
    if (rec.runner_up && rec.shares[rec.runner_up] > 0) {
      // a tie is broken by the documented rule: the learner sees that it was one
      var level = shared.outcomes.filter(function (o) {
        return o.id !== rec.runner_up && rec.shares[o.id] === rec.shares[rec.runner_up];
      }).map(function (o) { return o.title; });
      box.appendChild(el("p", "runner-up", level.length
        ? labels.text("quiz.runner_up_level", { outcome: outcomes[rec.runner_up].title,
                                                 others: labels.join(level) })
        : labels.text("quiz.runner_up", { outcome: outcomes[rec.runner_up].title })));
    }
    var shares = el("ul", "shares");
    var percents = grading.wholePercents(rec.shares, shared.outcomes.map(function (o) {
      return o.id;
    }));
    shared.outcomes.forEach(function (o) {
      // the number in text, the bar beside it for the eye
      var item = el("li", "", labels.text("quiz.share",
        { outcome: o.title, percent: labels.percent(percents[o.id], 0) }));
      var bar = el("span", "share-bar");
      bar.setAttribute("aria-hidden", "true");
      bar.appendChild(el("span", "share-fill")).style.inlineSize = percents[o.id] + "%";
      item.appendChild(bar);
      shares.appendChild(item);
    });
    box.appendChild(el("p", "", labels.text("quiz.shares_heading")));
    box.appendChild(shares);
    if (outcome.guidance) {
      box.appendChild(el("h4", "", labels.text("quiz.next_steps")));
      box.appendChild(html("div", "guidance", outcome.guidance));
    }
    box.setAttribute("data-outcome", rec.outcome);
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
