/* courseforge quizzes: order, grade and record the quiz forms of a lesson. No framework.
 *
 * The forms are rendered on the server (quiz.html.j2); the quiz data (author texts already
 * rendered to safe HTML) is in the page's JSON data block under "quiz". Grading, scores,
 * recommendations and shuffling come from grading.js (window.courseforgeGrading), the same
 * rules as courseforge/grading.py; tracking goes through the runtime's tracker
 * (window.courseforge.tracker), which speaks SCORM 1.2, 2004 or localStorage.
 *
 * Saved state (tracker.saveState("q1", TEXT)): one entry per quiz of the lesson, in module
 * order, joined by "|"; an untouched quiz is "". An entry is
 *   COUNT PHASE [BEST] CODE.CODE...
 * COUNT: submitted attempts in decimal (capped at 9999); PHASE: "a" answering, "r" showing
 * the result; BEST: the best percent x 100 in three base64url characters (after a first
 * submission); one CODE per question in declared order, "" when unanswered:
 *   single, true-false, preference  the chosen choice's index, base64url
 *   multiple                        a bitset of the choices, 6 per character
 *   matching                        per item, the index + 1 of its target (0: none), in the
 *                                   fewest base64url characters that hold the target count
 * courseforge/builders/suspend_data.py computes the worst-case length of this text.
 */
(function () {
  "use strict";

  var cf = window.courseforge;
  var grading = window.courseforgeGrading;
  var data = JSON.parse(document.getElementById("courseforge-data").textContent);
  if (!cf || !grading || !data.quiz) return;

  var tracker = cf.tracker;
  var shared = data.quiz;
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var STATE_KEY = "q1";
  var MAX_COUNT = 9999;
  var COMMIT_DELAY_MS = 2000; // answers are saved at once, committed when typing pauses
  var INTERACTION_TYPES = { single: "choice", multiple: "choice", "true-false": "true-false",
                            matching: "matching", preference: "likert" };
  var course = { modules: shared.modules };
  var counting = grading.countingQuizzes(course);
  var outcomes = {};
  shared.outcomes.forEach(function (o) { outcomes[o.id] = o; });
  var controllers = [];
  var commitTimer = null;

  /* ---------- compact state ---------- */

  function digits(count) {
    var width = 1;
    for (var limit = 64; count >= limit; limit *= 64) width++;
    return width;
  }

  function toB64(value, width) {
    var out = "";
    do {
      out = B64.charAt(value % 64) + out;
      value = Math.floor(value / 64);
    } while (value > 0 || out.length < (width || 1));
    return out;
  }

  function fromB64(text) {
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = B64.indexOf(text.charAt(i));
      if (digit < 0) return NaN;
      value = value * 64 + digit;
    }
    return value;
  }

  function ids(list) { return list.map(function (o) { return o.id; }); }

  function encodeResponse(question, response) {
    var answer = grading.normalise(question, response);
    if (answer === null) return "";
    var choices = ids(question.choices);
    if (question.type === "multiple") {
      var out = "";
      for (var i = 0; i < choices.length; i += 6) {
        var v = 0;
        for (var b = 0; b < 6; b++) if (answer.indexOf(choices[i + b]) >= 0) v |= 1 << b;
        out += B64.charAt(v);
      }
      return out;
    }
    if (question.type === "matching") {
      var targets = ids(question.targets), width = digits(targets.length);
      return question.items.map(function (item) {
        return toB64(answer[item.id] === undefined ? 0 : targets.indexOf(answer[item.id]) + 1,
          width);
      }).join("");
    }
    return toB64(choices.indexOf(answer));
  }

  function decodeResponse(question, code) {
    if (code === "") return undefined;
    var choices = ids(question.choices);
    if (question.type === "multiple") {
      if (code.length !== Math.ceil(choices.length / 6)) throw new Error("bad code");
      var chosen = [];
      choices.forEach(function (id, i) {
        if (B64.indexOf(code.charAt(Math.floor(i / 6))) & (1 << (i % 6))) chosen.push(id);
      });
      return chosen;
    }
    if (question.type === "matching") {
      var targets = ids(question.targets), width = digits(targets.length), pairs = {};
      if (code.length !== width * question.items.length) throw new Error("bad code");
      question.items.forEach(function (item, i) {
        var index = fromB64(code.substr(i * width, width));
        if (!(index <= targets.length)) throw new Error("bad code");
        if (index > 0) pairs[item.id] = targets[index - 1];
      });
      return pairs;
    }
    var at = fromB64(code);
    if (!(at < choices.length)) throw new Error("bad code");
    return choices[at];
  }

  function encodeQuiz(quiz, st) {
    var codes = quiz.questions.map(function (q) { return encodeResponse(q, st.responses[q.id]); });
    if (st.count === 0 && st.phase === "a" && codes.join("") === "") return "";
    var best = st.count > 0 ? toB64(Math.round(st.best * 100), 3) : "";
    return Math.min(st.count, MAX_COUNT) + st.phase + best + codes.join(".");
  }

  function freshState() { return { count: 0, phase: "a", best: 0, responses: {} }; }

  function decodeQuiz(quiz, text) {
    var head = /^(\d+)([ar])/.exec(text || "");
    if (!head) return freshState();
    try {
      var st = { count: parseInt(head[1], 10), phase: head[2], best: 0, responses: {} };
      var rest = text.slice(head[0].length);
      if (st.count > 0) {
        st.best = fromB64(rest.slice(0, 3)) / 100;
        rest = rest.slice(3);
        if (!(st.best <= 100)) throw new Error("bad best");
      } else if (st.phase === "r") throw new Error("no attempt");
      var codes = rest.split(".");
      if (codes.length !== quiz.questions.length) throw new Error("changed quiz");
      quiz.questions.forEach(function (q, i) {
        var response = decodeResponse(q, codes[i]);
        if (response !== undefined) st.responses[q.id] = response;
      });
      return st;
    } catch (e) {
      return freshState(); // a changed course or damaged data: start this quiz afresh
    }
  }

  function saveAll(commitNow) {
    tracker.saveState(STATE_KEY, controllers.map(function (c) {
      return encodeQuiz(c.quiz, c.state);
    }).join("|"));
    if (commitTimer) { clearTimeout(commitTimer); commitTimer = null; }
    if (commitNow) tracker.commit();
    else commitTimer = setTimeout(function () { commitTimer = null; tracker.commit(); },
      COMMIT_DELAY_MS);
  }

  /* ---------- small DOM helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function html(tag, className, markup) {
    // markup is the builder's rendered, escaped Markdown from the data block
    var node = el(tag, className);
    node.innerHTML = markup;
    return node;
  }

  function role(root, name) { return root.querySelector("[data-role=" + name + "]"); }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function number(value) { return String(Math.round(value * 100) / 100); }

  /* ---------- LMS recording ---------- */

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

  function counted(moduleId) {
    return counting.some(function (entry) { return entry[0] === moduleId; });
  }

  function byModule(id) {
    for (var i = 0; i < controllers.length; i++) if (controllers[i].id === id) return controllers[i];
    return null;
  }

  /* ---------- one quiz ---------- */

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
      role(li, "number").textContent = "Question " + (index + 1) + " of " + order.questions.length;
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
    saveAll(false);
  };

  Controller.prototype.unanswered = function (responses) {
    var self = this;
    return this.quiz.questions.filter(function (q) {
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
      var numbers = missing.map(function (li) {
        return role(li, "number").textContent.replace(/^Question /, "").replace(/ of \d+$/, "");
      });
      var text = plural(missing.length, "question") + " unanswered (" +
        (missing.length === 1 ? "question " : "questions ") + numbers.join(", ") +
        ") — submit anyway?";
      role(confirm, "confirm-text").textContent = text;
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
    reportCourse();
    saveAll(true);
    this.showResult(true);
  };

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
                                result: "neutral", description: "Recommended: " + title });
    shared.outcomes.forEach(function (o) {
      tracker.setObjective(o.id, { scaled: Math.round(rec.shares[o.id] * 10000) / 10000,
                                   success: o.id === rec.outcome ? "passed" : "unknown",
                                   completion: "completed", description: o.title });
    });
    tracker.setComment("Recommended: " + title);
  };

  Controller.prototype.setLocked = function (locked) {
    var controls = this.form.querySelectorAll("input, select");
    for (var i = 0; i < controls.length; i++) controls[i].disabled = locked;
    role(this.form, "actions").hidden = locked;
  };

  Controller.prototype.meta = function () {
    var limit = this.quiz.settings.attempts, left = this.attemptsLeft();
    var text = limit > 0 ? "Attempts: " + this.state.count + " of " + limit + " used, " +
      left + " left." : "Unlimited attempts.";
    text += counted(this.id) ? " Passing score: " + number(shared.passing_score) + "%."
      : " Practice: not part of your course score. Target: " + number(shared.passing_score) + "%.";
    role(this.form, "meta").textContent = text;
  };

  Controller.prototype.showForm = function () {
    this.setLocked(false);
    this.meta();
    role(this.form, "result").hidden = true;
    var lis = this.form.querySelectorAll("[data-question]");
    for (var i = 0; i < lis.length; i++) {
      lis[i].classList.remove("is-correct", "is-incorrect");
      var chosen = lis[i].querySelectorAll(".is-chosen");
      for (var c = 0; c < chosen.length; c++) chosen[c].classList.remove("is-chosen");
      role(lis[i], "feedback").hidden = true;
      role(lis[i], "feedback").textContent = "";
      var marks = lis[i].querySelectorAll("[data-role=mark]");
      for (var m = 0; m < marks.length; m++) marks[m].textContent = "";
    }
  };

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

  Controller.prototype.showQuestion = function (q, r, reveal) {
    var li = this.item(q.id), box = role(li, "feedback");
    var graded = r.correct !== null;
    li.classList.toggle("is-correct", r.correct === true);
    li.classList.toggle("is-incorrect", r.correct === false);
    box.textContent = "";
    box.appendChild(el("p", "question-verdict", !graded ? "Your answer is noted." :
      (r.correct ? "Correct" : "Incorrect") + ": " + number(r.earned) + " of " +
      plural(r.points, "point") + "."));
    var chosen = this.markChosen(q, li, r);
    if (chosen) {
      // one feedback per chosen choice, in declared order: each named after its choice
      chosen.forEach(function (choice) {
        var note = el("div", "feedback");
        note.appendChild(el("strong", "", "You chose “" + textOf(choice.text) + "”: "));
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
      role(option, "mark").textContent = "your answer";
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
        mark.textContent = ok ? "✓ correct" : "✗ correct answer: " + textOf(target.text);
        if (!ok) wrongItems.push(item);
      });
      return wrongItems;
    }
    var rightIds = q.type === "multiple" ? right : [right];
    var names = [];
    q.choices.forEach(function (choice) {
      var mark = li.querySelector("[data-option='" + choice.id + "'] [data-role=mark]");
      if (rightIds.indexOf(choice.id) >= 0) {
        mark.textContent = mark.textContent ? "your answer · ✓ correct" : "✓ correct answer";
        names.push(textOf(choice.text));
      }
    });
    if (!r.correct) box.appendChild(el("p", "correct-answer", "Correct answer: " +
      names.join("; ")));
    return names;
  };

  function textOf(markup) {
    var node = document.createElement("div");
    node.innerHTML = markup;
    return node.textContent;
  }

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
    this.say("Attempt " + (this.state.count + 1) + " started.");
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

  /* ---------- start ---------- */

  /* Two saved states of every quiz as one: per quiz, the one with more attempts (``preferred``
     on a tie), keeping the best score of both. The runtime uses it when progress kept in
     this browser meets the LMS's. */
  function mergeStates(preferred, other) {
    var mine = String(preferred).split("|"), theirs = String(other).split("|");
    if (mine.length !== shared.modules.length || theirs.length !== mine.length) return preferred;
    return shared.modules.map(function (module, i) {
      if (!module.quiz) return mine[i];
      var a = decodeQuiz(module.quiz, mine[i]), b = decodeQuiz(module.quiz, theirs[i]);
      var chosen = b.count > a.count ? b : a;
      chosen.best = Math.max(a.best, b.best);
      return encodeQuiz(module.quiz, chosen);
    }).join("|");
  }
  tracker.mergeState(STATE_KEY, mergeStates);

  /* The saved state of the quiz of module ``index`` (fresh when none, or the course changed). */
  function savedState(quiz, index) {
    var saved = String(tracker.getState(STATE_KEY) || "").split("|");
    return decodeQuiz(quiz, saved.length === shared.modules.length ? saved[index] : "");
  }

  shared.modules.forEach(function (module, index) {
    var form = document.getElementById("quiz:" + module.id);
    if (!form) return;
    var controller = new Controller(module, form);
    controller.index = index;
    controllers.push(controller);
    controller.start(savedState(module.quiz, index));
  });
  cf.onPage(function (pageId) {
    controllers.forEach(function (c) {
      if (pageId === c.id + ".quiz" && c.state.phase === "a") c.shownAt = Date.now();
    });
  });
  // results of earlier sessions: the LMS hears them again, from the same real submissions
  if (reportCourse() || controllers.some(function (c) { return c.state.count > 0; })) {
    tracker.commit();
  }
  // an LMS that answered late: show what it held, merged with what was done meanwhile
  cf.onRestore(function () {
    controllers.forEach(function (c) {
      var st = savedState(c.quiz, c.index);
      if (encodeQuiz(c.quiz, st) !== encodeQuiz(c.quiz, c.state)) c.apply(st);
    });
    reportCourse();
    tracker.commit();
  });

  window.courseforgeQuiz = {
    encodeQuiz: function (moduleId, st) {
      return encodeQuiz(byModule(moduleId).quiz, st);
    },
    decodeQuiz: function (moduleId, text) { return decodeQuiz(byModule(moduleId).quiz, text); }
  };
})();
