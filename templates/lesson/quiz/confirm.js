/* Submit with questions unanswered: the prompt that names them, by part, with a link to each. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var labels = quizzes.labels;
  var role = quizzes.role;
  var el = quizzes.el;
  var Controller = quizzes.Controller;

  function numbers(lis) {
    return labels.join(lis.map(function (li) { return li.getAttribute("data-number"); }));
  }

  function aboutYou(li) { return li.getAttribute("data-part") === "about-you"; }

  /* "5 questions unanswered: questions 2 and 3; About you: questions 1, 2 and 3." */
  function promptText(missing) {
    var graded = missing.filter(function (li) { return !aboutYou(li); });
    var about = missing.filter(aboutYou);
    if (!about.length) {
      return labels.text("quiz.unanswered", { count: graded.length, numbers: numbers(graded) });
    }
    if (!graded.length) {
      return labels.text("quiz.unanswered_about_you", { count: about.length, numbers: numbers(about) });
    }
    return labels.text("quiz.unanswered_parts", { count: missing.length,
      graded: labels.text("quiz.question_numbers", { count: graded.length, numbers: numbers(graded) }),
      about: labels.text("quiz.question_numbers", { count: about.length, numbers: numbers(about) }) });
  }

  /* Asks before spending an attempt on an incomplete form. */
  Controller.prototype.askFirst = function (missing) {
    var confirm = role(this.form, "confirm"), text = promptText(missing);
    role(confirm, "confirm-text").textContent = text;
    this.linkMissing(missing);
    confirm.hidden = false;
    this.say(text);
    // the safe choice first: two quick Enters must not spend an attempt
    confirm.querySelector("[data-action=cancel]").focus();
  };

  /* Under the prompt, a link to each question it names: it moves focus to its first control. */
  Controller.prototype.linkMissing = function (missing) {
    var list = role(this.form, "confirm-links");
    list.textContent = "";
    missing.forEach(function (li) {
      var item = el("li");
      var link = el("a", "", labels.text(aboutYou(li) ? "quiz.go_to_about_you" : "quiz.go_to_question",
        { number: li.getAttribute("data-number") }));
      link.href = "#" + li.id;
      link.addEventListener("click", function (event) {
        event.preventDefault(); // the page's own fragment stays, so no history entry or page change
        var control = li.querySelector("input, select");
        if (control) control.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
  };

  Controller.prototype.cancelConfirm = function () {
    role(this.form, "confirm").hidden = true;
    var missing = this.unanswered(this.read());
    var target = missing.length ? missing[0].querySelector("input, select") :
      this.form.querySelector("[data-action=submit]");
    target.focus();
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
