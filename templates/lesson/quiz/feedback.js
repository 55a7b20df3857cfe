/* Each question's feedback after a submission: verdict, chosen choices, the right answer. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var labels = quizzes.labels;
  var Controller = quizzes.Controller;
  var el = quizzes.el;
  var html = quizzes.html;
  var role = quizzes.role;
  var textOf = quizzes.textOf;

  Controller.prototype.showQuestion = function (q, r, reveal) {
    var li = this.item(q.id), box = role(li, "feedback");
    var graded = r.correct !== null;
    li.classList.toggle("is-correct", r.correct === true);
    li.classList.toggle("is-incorrect", r.correct === false);
    box.textContent = "";
    var points = labels.text("quiz.points", { count: r.points });
    box.appendChild(el("p", "question-verdict", !graded ? labels.text("quiz.answer_noted") :
      labels.text(r.correct ? "quiz.verdict_correct" : "quiz.verdict_incorrect",
        { earned: r.earned, points: points })));
    var chosen = this.markChosen(q, li, r);
    if (chosen) {
      // one feedback per chosen choice, in declared order: each named after its choice
      chosen.forEach(function (choice) {
        var note = el("div", "feedback");
        note.appendChild(el("strong", "", labels.text("quiz.you_chose", { choice: textOf(choice.text) }) + " "));
        note.appendChild(html("span", "", choice.feedback));
        box.appendChild(note);
      });
    } else {
      r.feedback.forEach(function (text) { box.appendChild(html("div", "feedback", text)); });
    }
    if (graded && reveal) this.revealAnswer(q, li, r, box);
    // without revealed answers, the explanation of a wrong answer would give it away while
    // attempts remain
    if (r.explanation && (reveal || r.correct !== false || this.attemptsLeft() === 0)) {
      box.appendChild(html("div", "explanation", r.explanation));
    }
    box.hidden = false;
  };

  /* Marks the options the learner chose ("your answer"); the chosen choices that carry
     feedback, in declared order (null for matching, whose feedback is not per choice). */
  Controller.prototype.markChosen = function (q, li, r) {
    if (q.type === "matching") return null;
    var picked = r.response === null || r.response === undefined ? [] :
      q.type === "multiple" ? r.response : [r.response];
    var withFeedback = [];
    q.choices.forEach(function (choice) {
      if (picked.indexOf(choice.id) < 0) return;
      var option = li.querySelector("[data-option='" + choice.id + "']");
      option.classList.add("is-chosen");
      role(option, "mark").textContent = labels.text("quiz.mark_your_answer");
      if (choice.feedback) withFeedback.push(choice);
    });
    return withFeedback;
  };

  Controller.prototype.revealAnswer = function (q, li, r, box) {
    var right = grading.correctResponse(q);
    if (q.type === "matching") {
      var wrongItems = [];
      q.items.forEach(function (item) {
        var target = q.targets.filter(function (t) { return t.id === item.match; })[0];
        var mark = li.querySelector("[data-item='" + item.id + "'] [data-role=mark]");
        var ok = r.response && r.response[item.id] === item.match;
        mark.textContent = ok ? labels.text("quiz.mark_correct")
          : labels.text("quiz.mark_item_wrong", { answer: textOf(target.text) });
        if (!ok) wrongItems.push(item);
      });
      return wrongItems;
    }
    var rightIds = q.type === "multiple" ? right : [right];
    var names = [];
    q.choices.forEach(function (choice) {
      var mark = li.querySelector("[data-option='" + choice.id + "'] [data-role=mark]");
      if (rightIds.indexOf(choice.id) >= 0) {
        mark.parentNode.classList.add("is-right");
        mark.textContent = labels.text(mark.textContent ? "quiz.mark_your_answer_correct"
          : "quiz.mark_correct_answer");
        names.push(textOf(choice.text));
      }
    });
    if (!r.correct) box.appendChild(el("p", "correct-answer", labels.text("quiz.correct_answer",
      { answer: names.join("; ") })));
    return names;
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
