/* "Check" under each graded question of a practice check (a quiz that does not count): that
   question graded alone, marked and given its feedback right there. A check tells the LMS
   nothing; only Submit records the attempt, as a practice quiz is recorded. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var labels = quizzes.labels;
  var el = quizzes.el;
  var role = quizzes.role;
  var Controller = quizzes.Controller;

  /* Adds a Check button before the feedback of each graded question, in a practice check. */
  Controller.prototype.addChecks = function () {
    this.checks = false;  // set once a question has its button: the meta line then says so
    if (quizzes.counted(this.id)) return;
    var self = this;
    this.quiz.questions.forEach(function (q) {
      if (q.type === "preference") return;  // no wrong answer to check
      self.checks = true;
      var li = self.item(q.id), box = role(li, "feedback");
      var button = el("button", "button button-secondary question-check", labels.text("quiz.check"));
      button.type = "button";
      button.setAttribute("data-action", "check");
      button.setAttribute("aria-describedby", li.id + ":number");  // "Question 2 of 5"
      button.addEventListener("click", function () { self.check(q.id); });
      box.parentNode.insertBefore(button, box);
    });
  };

  /* Grades one question with the shared rules and shows its verdict and feedback under it.
     The feedback is read out by the form's polite status while focus stays on Check, so the
     learner keeps their place: back to the options to try again, or on to the next question. */
  Controller.prototype.check = function (qid) {
    if (this.state.phase !== "a") return;
    var q = this.questions[qid], li = this.item(qid), response = this.read()[qid];
    this.clearQuestion(li);
    var box = role(li, "feedback");
    if (grading.normalise(q, response) === null) {
      box.appendChild(el("p", "question-verdict", labels.text("quiz.check_choose_first")));
      box.hidden = false;
    } else {
      this.showQuestion(q, grading.gradeQuestion(q, response), this.quiz.settings.reveal_answers);
      li.setAttribute("data-checked", "");
    }
    this.showChecked(li, box);
    var said = [];
    for (var i = 0; i < box.children.length; i++) said.push(box.children[i].textContent.trim());
    this.say(said.join(" "));
  };

  /* Feedback that ends below the window (or under the pager) scrolls up, as far as keeps the
     focused Check button in sight under the top bar. */
  Controller.prototype.showChecked = function (li, box) {
    var pager = document.querySelector(".pager");
    var bottom = pager && pager.offsetHeight ? pager.getBoundingClientRect().top : window.innerHeight;
    if (box.getBoundingClientRect().bottom <= bottom) return;
    var button = li.querySelector("[data-action=check]");
    if (button && button.scrollIntoView) button.scrollIntoView({ block: "start" });
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
