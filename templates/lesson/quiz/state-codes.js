/* The quizzes' compact saved state (format in setup.js) and how two saved copies merge. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var grading = quizzes.grading;
  var tracker = quizzes.tracker;
  var shared = quizzes.shared;
  var controllers = quizzes.controllers;
  var B64 = lesson.B64;
  var STATE_KEY = quizzes.STATE_KEY;
  var MAX_COUNT = quizzes.MAX_COUNT;
  var COMMIT_DELAY_MS = 2000; // answers are saved at once, committed when typing pauses;
  var commitTimer = null;

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

  /* The saved state of the quiz of module ``index`` (fresh when none, or the course changed). */
  function savedState(quiz, index) {
    var saved = String(tracker.getState(STATE_KEY) || "").split("|");
    return decodeQuiz(quiz, saved.length === shared.modules.length ? saved[index] : "");
  }

  quizzes.freshState = freshState;
  quizzes.encodeQuiz = encodeQuiz;
  quizzes.decodeQuiz = decodeQuiz;
  quizzes.saveAll = saveAll;
  quizzes.mergeStates = mergeStates;
  quizzes.savedState = savedState;
})(window.courseforgeLesson = window.courseforgeLesson || {});
