/* One quiz form: its order per attempt, the learner's answers, submit, retry and print. */
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
    this.apply(st);
    var self = this;
    this.form.addEventListener("change", function () { self.changed(); });
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

  Controller.prototype.arrange = function (attempt) {
    var order = grading.arrange(this.id, this.quiz, attempt);
    var list = role(this.form, "questions");
    var self = this;
    order.questions.forEach(function (qid, index) {
      var li = self.item(qid);
      list.appendChild(li);
      li.setAttribute("data-number", String(index + 1));
      role(li, "number").textContent = labels.text("quiz.question_number",
        { number: index + 1, total: order.questions.length });
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
    this.markAboutYou(order.questions);
  };

  /* Questions about the learner, after the graded ones, make a part of their own. */
  Controller.prototype.markAboutYou = function (order) {
    var old = this.form.querySelector(".about-you");
    if (old) old.parentNode.removeChild(old);
    var self = this, kinds = order.map(function (qid) { return self.questions[qid].type; });
    var first = kinds.indexOf("preference");
    var graded = kinds.filter(function (k) { return k !== "preference"; }).length;
    if (first <= 0 || kinds.slice(first).some(function (k) { return k !== "preference"; })) return;
    if (!graded) return;
    var heading = document.createElement("li");
    heading.className = "about-you";
    var text = document.createElement("h2");
    text.textContent = labels.text("quiz.about_you");
    heading.appendChild(text);
    var at = this.item(order[first]);
    at.parentNode.insertBefore(heading, at);
  };

  /* "Answered 12 of 25" beside Submit, for a quiz that is scored. */
  Controller.prototype.count = function () {
    var box = role(this.form, "answered");
    if (!box) return;
    var total = this.quiz.questions.length;
    var missing = this.unanswered(this.read()).length;
    box.textContent = labels.text("quiz.answered_count", { count: total - missing, total: total });
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

  Controller.prototype.changed = function () {
    if (this.state.phase !== "a") return;
    this.state.responses = this.read();
    this.count();
    saveAll(false);
  };

  Controller.prototype.unanswered = function (responses) {
    var self = this;
    return this.quiz.questions.filter(function (q) {
      // a matching question with an item left on "Choose…" is not fully answered
      if (q.type === "matching") {
        var pairs = responses[q.id] || {};
        return q.items.some(function (item) { return !pairs[item.id]; });
      }
      return grading.normalise(q, responses[q.id]) === null;
    }).map(function (q) { return self.item(q.id); });
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
    var confirm = role(this.form, "confirm");
    if (missing.length && !anyway) {
      var numbers = missing.map(function (li) { return li.getAttribute("data-number"); });
      var text = labels.text("quiz.unanswered",
        { count: missing.length, numbers: labels.join(numbers) });
      role(confirm, "confirm-text").textContent = text;
      this.linkMissing(missing);
      confirm.hidden = false;
      this.say(text);
      // the safe choice first: two quick Enters must not spend an attempt
      confirm.querySelector("[data-action=cancel]").focus();
      return;
    }
    confirm.hidden = true;
    var at = Date.now();
    this.state.responses = responses;
    var result = grading.scoreQuiz(this.quiz, responses, shared.passing_score);
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
    role(this.form, "actions").hidden = locked;
  };

  Controller.prototype.meta = function () {
    var limit = this.quiz.settings.attempts, left = this.attemptsLeft();
    var target = quizzes.percent(shared.passing_score);
    var text = (limit > 0 ? labels.text("quiz.attempts_used", { used: this.state.count, limit: limit })
      : labels.text("quiz.attempts_unlimited")) + " " +
      (quizzes.counted(this.id) ? labels.text("quiz.passing_score", { percent: target })
        : labels.text("quiz.practice", { percent: target }));
    role(this.form, "meta").textContent = text;
  };

  Controller.prototype.showForm = function () {
    this.setLocked(false);
    this.count();
    this.meta();
    role(this.form, "result").hidden = true;
    var lis = this.form.querySelectorAll("[data-question]");
    for (var i = 0; i < lis.length; i++) {
      lis[i].classList.remove("is-correct", "is-incorrect");
      var chosen = lis[i].querySelectorAll(".is-chosen");
      for (var c = 0; c < chosen.length; c++) chosen[c].classList.remove("is-chosen");
      var right = lis[i].querySelectorAll(".is-right");
      for (var g = 0; g < right.length; g++) right[g].classList.remove("is-right");
      role(lis[i], "feedback").hidden = true;
      role(lis[i], "feedback").textContent = "";
      var marks = lis[i].querySelectorAll("[data-role=mark]");
      for (var m = 0; m < marks.length; m++) marks[m].textContent = "";
    }
  };


  /* Under the prompt, a link to each question it names: it moves focus to its first control. */
  Controller.prototype.linkMissing = function (missing) {
    var list = role(this.form, "confirm-links");
    list.textContent = "";
    missing.forEach(function (li) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + li.id;
      link.textContent = labels.text("quiz.go_to_question", { number: li.getAttribute("data-number") });
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
