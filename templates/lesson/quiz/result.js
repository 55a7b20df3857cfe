/* The result of a submission: score and verdict, what to review, the recommendation. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var shared = quizzes.shared;
  var outcomes = quizzes.outcomes;
  var Controller = quizzes.Controller;
  var el = quizzes.el;
  var html = quizzes.html;
  var role = quizzes.role;
  var plural = quizzes.plural;
  var number = quizzes.number;

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
    if (graded) {
      summary.appendChild(el("p", "score", "Score: " + number(result.percent) + "% (" +
        number(result.earned) + " of " + plural(result.total, "point") + ")"));
      summary.appendChild(el("p", "verdict " + (result.passed ? "passed" : "failed"),
        (result.passed ? "Passed" : "Not passed") + ": the passing score is " +
        number(shared.passing_score) + "%."));
      if (this.state.count > 1 && this.state.best !== result.percent) {
        summary.appendChild(el("p", "", "Your best score so far: " + number(this.state.best) +
          "%. The best attempt counts."));
      }
      if (review.length) {
        reviewBox.appendChild(el("p", "", "Review these objectives:"));
        var list = el("ul", "review");
        review.forEach(function (o) { list.appendChild(html("li", "", shared.objectives[o])); });
        reviewBox.appendChild(list);
      } else if (wrong.length) {
        reviewBox.appendChild(el("p", "", "Review: " + wrong.map(function (li) {
          return role(li, "number").textContent.replace(/ of \d+$/, "");
        }).join(", ") + "."));
      } else {
        summary.appendChild(el("p", "", "Every answer is correct."));
      }
    }
    var left = this.attemptsLeft();
    summary.appendChild(el("p", "attempts", left === Infinity ? "You may try again as often as you like."
      : left > 0 ? "You have " + plural(left, "attempt") + " left." : "You have no attempts left."));
    var rec = this.quiz.settings.recommend ?
      grading.recommend(this.quiz, responses, shared.outcomes) : null;
    if (this.quiz.settings.recommend) this.showRecommendation(role(box, "recommendation"), rec);
    box.querySelector("[data-action=retry]").hidden = !(left > 0);
    box.hidden = false;
    if (announce) {
      box.querySelector("h2").focus();
      this.say(graded ? "Score " + number(result.percent) + "%. " +
        (result.passed ? "Passed." : "Not passed.") +
        (rec ? " Recommended: " + outcomes[rec.outcome].title + "." : "")
        : rec ? "Recommended: " + outcomes[rec.outcome].title + "." : "Submitted.");
    }
  };

  Controller.prototype.showRecommendation = function (box, rec) {
    box.textContent = "";
    if (!rec) {
      box.appendChild(el("p", "", "No recommendation: none of your answers about yourself " +
        "pointed to an outcome."));
      return;
    }
    var outcome = outcomes[rec.outcome], self = this;
    box.appendChild(el("h3", "", "Recommended for you: " + outcome.title));
    if (outcome.summary) box.appendChild(html("p", "", outcome.summary));
    box.appendChild(el("h4", "", "Why"));
    var why = el("ul", "reasons");
    rec.reasons.forEach(function (reason) {
      var li = el("li");
      li.appendChild(el("span", "reason-question", self.questions[reason.question].description + " "));
      li.appendChild(html("strong", "", reason.text));
      why.appendChild(li);
    });
    box.appendChild(why);
    if (rec.runner_up) {
      // a tie is broken by the documented rule: the learner sees that it was one
      var level = shared.outcomes.filter(function (o) {
        return o.id !== rec.runner_up && rec.shares[o.id] === rec.shares[rec.runner_up];
      }).map(function (o) { return o.title; });
      box.appendChild(el("p", "runner-up", "Runner-up: " + outcomes[rec.runner_up].title +
        (level.length ? " (level with " + level.join(" and ") + ")" : "")));
    }
    var shares = el("ul", "shares");
    var percents = grading.wholePercents(rec.shares, shared.outcomes.map(function (o) {
      return o.id;
    }));
    shared.outcomes.forEach(function (o) {
      shares.appendChild(el("li", "", o.title + ": " + percents[o.id] + "%"));
    });
    box.appendChild(el("p", "", "How your answers split:"));
    box.appendChild(shares);
    if (outcome.guidance) {
      box.appendChild(el("h4", "", "Next steps"));
      box.appendChild(html("div", "guidance", outcome.guidance));
    }
    box.setAttribute("data-outcome", rec.outcome);
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
