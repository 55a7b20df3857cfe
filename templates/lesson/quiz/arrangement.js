/* A quiz form's order per attempt: its questions and options, the numbers of its two parts
   (the graded list, "About you"), and the "Answered N of M" counter. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var labels = quizzes.labels;
  var role = quizzes.role;
  var Controller = quizzes.Controller;

  Controller.prototype.arrange = function (attempt) {
    var order = grading.arrange(this.id, this.quiz, attempt);
    var self = this;
    this.asked = order.questions;  // a drawn quiz asks some of its questions per attempt
    this.quiz.questions.forEach(function (q) {
      self.item(q.id).hidden = order.questions.indexOf(q.id) < 0;
    });
    order.questions.forEach(function (qid) {
      var li = self.item(qid);
      li.parentNode.appendChild(li);  // each question keeps to its own part
      var box = role(li, "options");
      order.options[qid].forEach(function (optionId) {
        if (self.questions[qid].type === "matching") {
          var selects = box.querySelectorAll("select");
          for (var s = 0; s < selects.length; s++) {
            selects[s].appendChild(selects[s].querySelector("[data-option='" + optionId + "']"));
          }
        } else {
          box.appendChild(box.querySelector("[data-option='" + optionId + "']"));
        }
      });
    });
    this.number(role(this.form, "questions"), "quiz.question_number", "");
    var aboutYou = role(this.form, "about-you-questions");
    if (aboutYou) {
      var asked = this.number(aboutYou, "quiz.about_you_number", "about-you");
      role(this.form, "about-you").hidden = asked === 0;
    }
  };

  /* Numbers the asked questions of one part from 1, in its own words; how many it asks. */
  Controller.prototype.number = function (list, message, part) {
    var lis = [], children = list.children;
    for (var i = 0; i < children.length; i++) {
      if (children[i].hasAttribute("data-question") && !children[i].hidden) lis.push(children[i]);
    }
    lis.forEach(function (li, index) {
      li.setAttribute("data-number", String(index + 1));
      if (part) li.setAttribute("data-part", part);
      var number = role(li, "number");
      number.id = li.id + ":number";
      number.textContent = labels.text(message, { number: index + 1, total: lis.length });
    });
    return lis.length;
  };

  /* "Answered 12 of 25" beside Submit, for a quiz that is scored: a self-assessment, with
     no graded question, has nothing to count. */
  Controller.prototype.count = function () {
    var box = role(this.form, "answered");
    if (!box) return;
    var self = this;
    var graded = this.asked.some(function (qid) { return self.questions[qid].type !== "preference"; });
    box.hidden = !graded;
    if (!graded) {
      box.textContent = "";
      return;
    }
    var total = this.asked.length;
    var missing = this.unanswered(this.read()).length;
    box.textContent = labels.text("quiz.answered_count", { count: total - missing, total: total });
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
