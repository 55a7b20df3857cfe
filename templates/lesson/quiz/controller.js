/* One quiz form: the learner's answers, submit, retry and print. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var labels = quizzes.labels;
  var shared = quizzes.shared;
  var freshState = quizzes.freshState;
  var saveAll = quizzes.saveAll;
  var role = quizzes.role;
  var MAX_COUNT = quizzes.MAX_COUNT;

  function Controller(module, form) {
    this.id = module.id;
    this.title = module.title;
    this.quiz = module.quiz;
    this.form = form;
    this.questions = {};
    var self = this;
    this.quiz.questions.forEach(function (q) { self.questions[q.id] = q; });
    this.state = freshState();
    this.shownAt = Date.now();
    this.firstFocus = {};
  }

  Controller.prototype.attemptsLeft = function () {
    var limit = this.quiz.settings.attempts;
    return limit > 0 ? Math.max(0, limit - this.state.count) : Infinity;
  };

  Controller.prototype.item = function (qid) {
    return document.getElementById("quiz:" + this.id + ":" + qid);
  };

  Controller.prototype.start = function (st) {
    this.addChecks();
    this.apply(st);
    var self = this;
    this.form.addEventListener("change", function (event) { self.changed(event); });
    this.form.addEventListener("focusin", function (event) {
      var li = event.target.closest && event.target.closest("[data-question]");
      if (li && self.firstFocus[li.getAttribute("data-question")] === undefined) {
        self.firstFocus[li.getAttribute("data-question")] = Date.now();
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit(false);
    });
    this.form.querySelector("[data-action=confirm]").addEventListener("click", function () {
      self.submit(true);
    });
    this.form.querySelector("[data-action=cancel]").addEventListener("click", function () {
      self.cancelConfirm();
    });
    this.form.querySelector("[data-action=retry]").addEventListener("click", function () {
      self.retry();
    });
    var print = this.form.querySelector("[data-action=print]");
    if (print) print.addEventListener("click", function () { self.print(); });
  };

  /* Shows a saved state: the attempt's order, its answers, and the form or the result. */
  Controller.prototype.apply = function (st) {
    this.state = st;
    if (st.phase === "a" && this.attemptsLeft() === 0) st.phase = "r";
    this.arrange(st.phase === "a" ? st.count + 1 : Math.max(1, st.count));
    this.fill(st.responses);
    this.showForm(); // clears what an earlier result marked
    if (st.phase === "r") this.showResult(false);
  };

  Controller.prototype.fill = function (responses) {
    var self = this;
    this.quiz.questions.forEach(function (q) {
      var li = self.item(q.id), response = responses[q.id];
      var inputs = li.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i++) {
        var value = inputs[i].value;
        inputs[i].checked = q.type === "multiple" ? !!response && response.indexOf(value) >= 0
          : response === value;
      }
      q.items.forEach(function (item) {
        var select = document.getElementById("quiz:" + self.id + ":" + q.id + ":" + item.id);
        select.value = response && response[item.id] ? response[item.id] : "";
      });
    });
  };

  Controller.prototype.read = function () {
    var responses = {}, self = this;
    this.quiz.questions.forEach(function (q) {
      var li = self.item(q.id);
      if (q.type === "matching") {
        var pairs = {};
        q.items.forEach(function (item) {
          var select = document.getElementById("quiz:" + self.id + ":" + q.id + ":" + item.id);
          if (select.value) pairs[item.id] = select.value;
        });
        responses[q.id] = pairs;
      } else {
        var checked = li.querySelectorAll("input:checked"), values = [];
        for (var i = 0; i < checked.length; i++) values.push(checked[i].value);
        responses[q.id] = q.type === "multiple" ? values : values[0];
      }
    });
    return responses;
  };

  Controller.prototype.changed = function (event) {
    if (this.state.phase !== "a") return;
    var li = event && event.target.closest && event.target.closest("[data-checked]");
    if (li) this.clearQuestion(li); // a changed answer is no longer the one checked
    this.state.responses = this.read();
    this.count();
    saveAll(false);
  };

  Controller.prototype.unanswered = function (responses) {
    var self = this;
    return this.quiz.questions.filter(function (q) {
      if (self.asked.indexOf(q.id) < 0) return false;  // not in this attempt's draw
      // a matching question with an item left on "Choose…" is not fully answered
      if (q.type === "matching") {
        var pairs = responses[q.id] || {};
        return q.items.some(function (item) { return !pairs[item.id]; });
      }
      return grading.normalise(q, responses[q.id]) === null;
    }).map(function (q) { return self.item(q.id); }).sort(function (a, b) {
      // as the learner sees them: the graded part first, each part by its numbers
      return (a.hasAttribute("data-part") - b.hasAttribute("data-part")) ||
        (a.getAttribute("data-number") - b.getAttribute("data-number"));
    });
  };

  Controller.prototype.say = function (text) {
    var status = role(this.form, "status");
    status.textContent = "";
    // a fresh text node is announced even when the words repeat
    setTimeout(function () { status.textContent = text; }, 50);
  };

  Controller.prototype.submit = function (anyway) {
    if (this.state.phase !== "a") return;
    var responses = this.read();
    var missing = this.unanswered(responses);
    if (missing.length && !anyway) {
      this.askFirst(missing);
      return;
    }
    role(this.form, "confirm").hidden = true;
    var at = Date.now();
    this.state.responses = responses;
    var result = grading.scoreQuiz(this.quiz, responses, shared.passing_score, this.asked);
    this.state.best = this.state.count > 0 ? Math.max(this.state.best, result.percent)
      : result.percent;
    this.state.count = Math.min(this.state.count + 1, MAX_COUNT);
    this.state.phase = "r";
    this.record(result, responses, at);
    quizzes.reportCourse();
    saveAll(true);
    this.showResult(true);
  };


  Controller.prototype.setLocked = function (locked) {
    var controls = this.form.querySelectorAll("input, select");
    for (var i = 0; i < controls.length; i++) controls[i].disabled = locked;
    var checks = this.form.querySelectorAll("[data-action=check]");
    for (var c = 0; c < checks.length; c++) checks[c].hidden = locked;
    role(this.form, "actions").hidden = locked;
  };

  Controller.prototype.meta = function () {
    var limit = this.quiz.settings.attempts, left = this.attemptsLeft();
    var target = quizzes.percent(shared.passing_score);
    var text = (limit > 0 ? labels.text("quiz.attempts_used", { used: this.state.count, limit: limit })
      : labels.text("quiz.attempts_unlimited")) + " " +
      (quizzes.counted(this.id) ? labels.text("quiz.passing_score", { percent: target })
        : labels.text("quiz.practice", { percent: target }) +
          (this.checks ? " " + labels.text("quiz.practice_check") : ""));
    role(this.form, "meta").textContent = text;
  };

  Controller.prototype.showForm = function () {
    this.setLocked(false);
    this.count();
    this.meta();
    role(this.form, "result").hidden = true;
    var lis = this.form.querySelectorAll("[data-question]");
    for (var i = 0; i < lis.length; i++) this.clearQuestion(lis[i]);
  };

  /* A question without marks or feedback, as before a submission or a check. */
  Controller.prototype.clearQuestion = function (li) {
    li.classList.remove("is-correct", "is-incorrect");
    li.removeAttribute("data-checked");
    var marked = li.querySelectorAll(".is-chosen, .is-right");
    for (var c = 0; c < marked.length; c++) marked[c].classList.remove("is-chosen", "is-right");
    var box = role(li, "feedback");
    box.hidden = true;
    box.textContent = "";
    var marks = li.querySelectorAll("[data-role=mark]");
    for (var m = 0; m < marks.length; m++) marks[m].textContent = "";
  };

  Controller.prototype.retry = function () {
    if (this.attemptsLeft() <= 0) return;
    this.state.phase = "a";
    this.state.responses = {};
    this.firstFocus = {};
    this.shownAt = Date.now();
    this.arrange(this.state.count + 1);
    this.fill({});
    this.showForm();
    saveAll(false);
    var first = this.form.querySelector("[data-question] input, [data-question] select");
    if (first) first.focus();
    this.say(labels.text("quiz.attempt_started", { number: this.state.count + 1 }));
  };

  Controller.prototype.print = function () {
    var root = document.documentElement, page = this.form.closest("section.page");
    root.classList.add("print-result");
    page.classList.add("print-target");
    window.addEventListener("afterprint", function done() {
      root.classList.remove("print-result");
      page.classList.remove("print-target");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  };


  quizzes.Controller = Controller;
})(window.courseforgeLesson = window.courseforgeLesson || {});
