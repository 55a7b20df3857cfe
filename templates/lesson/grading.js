/* courseforge grading: the rules of courseforge/grading/ (docs/grading.md), on the course
 * JSON data. No DOM access: window.courseforgeGrading in a browser, module.exports in Node.
 * Sums run in the same order as in Python so that both give the same doubles. */
(function (root) {
  "use strict";

  var REASONS = 3;

  function isText(value) { return typeof value === "string" && value !== ""; }

  function normalise(question, response) {
    if (question.type === "multiple") {
      if (!Array.isArray(response)) return null;
      var ids = response.filter(isText).filter(function (id, i, all) {
        return all.indexOf(id) === i;
      }).sort();
      return ids.length ? ids : null;
    }
    if (question.type === "matching") {
      if (!response || typeof response !== "object" || Array.isArray(response)) return null;
      var pairs = {}, any = false;
      question.items.forEach(function (item) {
        if (Object.prototype.hasOwnProperty.call(response, item.id) && isText(response[item.id])) {
          pairs[item.id] = response[item.id];
          any = true;
        }
      });
      return any ? pairs : null;
    }
    return isText(response) ? response : null;
  }

  function gradeQuestion(question, response) {
    var answer = normalise(question, response), correct, feedback;
    if (question.type === "matching") {
      var given = answer || {};
      correct = question.items.every(function (item) { return given[item.id] === item.match; });
      feedback = [correct ? question.feedback_correct : question.feedback_incorrect];
      if (!correct) {
        question.items.forEach(function (item) {
          if (given[item.id] !== item.match) feedback.push(item.feedback);
        });
      }
    } else {
      var chosen = question.type === "multiple" ? (answer || []) : [answer];
      feedback = question.choices.filter(function (c) { return chosen.indexOf(c.id) >= 0; })
        .map(function (c) { return c.feedback; });
      var right = question.choices.filter(function (c) { return c.correct; })
        .map(function (c) { return c.id; });
      if (question.type === "preference") correct = null;
      else if (question.type === "multiple") {
        correct = answer !== null && answer.length === right.length &&
          right.every(function (id) { return answer.indexOf(id) >= 0; });
      } else correct = answer !== null && right.indexOf(answer) >= 0;
    }
    var points = question.type === "preference" ? 0 : question.points;
    return {
      id: question.id, type: question.type, correct: correct,
      earned: correct ? points : 0, points: points, response: answer,
      feedback: feedback.filter(isText), explanation: question.explanation
    };
  }

  function correctResponse(question) {
    if (question.type === "preference") return null;
    if (question.type === "matching") {
      var pairs = {};
      question.items.forEach(function (item) { pairs[item.id] = item.match; });
      return pairs;
    }
    var ids = question.choices.filter(function (c) { return c.correct; })
      .map(function (c) { return c.id; });
    return question.type === "multiple" ? ids.sort() : ids[0];
  }

  function percentOf(earned, total) {
    if (total <= 0) return 100;
    return Math.floor(10000 * earned / total + 0.5) / 100;
  }

  function scoreQuiz(quiz, responses, passingScore, asked) {
    responses = responses || {};
    var results = quiz.questions.filter(function (q) {
      return !asked || asked.indexOf(q.id) >= 0;
    }).map(function (q) {
      return gradeQuestion(q, own(responses, q.id));
    });
    var earned = 0, total = 0;
    results.forEach(function (r) { earned += r.earned; total += r.points; });
    var percent = percentOf(earned, total);
    return { percent: percent, passed: percent >= passingScore, earned: earned, total: total,
             questions: results };
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function finalModule(course) {
    var withQuiz = course.modules.filter(function (m) { return m.quiz; });
    var recommending = withQuiz.filter(function (m) { return m.quiz.settings.recommend; });
    var candidates = recommending.length ? recommending : withQuiz;
    return candidates.length ? candidates[candidates.length - 1] : null;
  }

  function countingQuizzes(course) {
    var counted = course.modules.filter(function (m) {
      return m.quiz && m.quiz.settings.counts && m.quiz.settings.weight > 0;
    }).map(function (m) { return [m.id, m.quiz.settings.weight]; });
    if (counted.length) return counted;
    var last = finalModule(course);
    return last ? [[last.id, 1]] : [];
  }

  function courseScore(course, percents) {
    var counted = countingQuizzes(course);
    if (!counted.length) return null;
    var weighted = 0, weights = 0;
    counted.forEach(function (entry) {
      var percent = own(percents || {}, entry[0]);
      weighted += entry[1] * (percent === undefined ? 0 : percent);
      weights += entry[1];
    });
    return Math.floor(100 * weighted / weights + 0.5) / 100;
  }

  function recommend(quiz, responses, outcomes, margin) {
    responses = responses || {};
    var declared = outcomes.map(function (o) { return o.id; });
    var totals = {}, backers = {}, chosen = [];
    declared.forEach(function (id) { totals[id] = 0; backers[id] = 0; });
    quiz.questions.forEach(function (q) {
      if (q.type !== "preference") return;
      var response = own(responses, q.id);
      var choice = q.choices.filter(function (c) { return c.id === response; })[0];
      if (choice) chosen.push([q.id, choice]);
    });
    chosen.forEach(function (entry) {
      Object.keys(entry[1].weights).forEach(function (outcome) {
        var weight = entry[1].weights[outcome];
        if (own(totals, outcome) !== undefined && weight > 0) {
          totals[outcome] += weight;
          backers[outcome] += 1;
        }
      });
    });
    var grand = 0;
    declared.forEach(function (id) { grand += totals[id]; });
    if (!(grand > 0)) return null;
    var ranked = declared.map(function (id, i) { return i; }).sort(function (a, b) {
      var x = declared[a], y = declared[b];
      return (totals[y] - totals[x]) || (backers[y] - backers[x]) || (a - b);
    });
    var best = declared[ranked[0]], shares = {};
    declared.forEach(function (id) { shares[id] = totals[id] / grand; });
    var reasons = [];
    chosen.forEach(function (entry) {
      var weight = own(entry[1].weights, best);
      if (weight > 0) {
        reasons.push({ question: entry[0], choice: entry[1].id, text: entry[1].text,
                       weight: weight });
      }
    });
    reasons.sort(function (a, b) { return b.weight - a.weight; });
    /* too close to call: the runner-up within margin of all the weight (grading's close_call) */
    var close = ranked.length > 1 &&
      totals[best] - totals[declared[ranked[1]]] <= (margin || 0) * grand;
    return { outcome: best, runner_up: ranked.length > 1 ? declared[ranked[1]] : null,
             shares: shares, reasons: reasons.slice(0, REASONS), close_call: close };
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    }
    return value;
  }

  function mulberry32(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      t = ((t + (Math.imul(t ^ (t >>> 7), t | 61) >>> 0)) >>> 0 ^ t) >>> 0;
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  function shuffled(items, seed) {
    var result = items.slice(), next = mulberry32(fnv1a(seed));
    for (var i = result.length - 1; i > 0; i--) {
      var j = next() % (i + 1), keep = result[i];
      result[i] = result[j];
      result[j] = keep;
    }
    return result;
  }

  /* The ids of the questions an attempt asks, in quiz order (grading's drawn). */
  function drawn(moduleId, quiz, attempt) {
    var ids = quiz.questions.map(function (q) { return q.id; });
    var pools = quiz.pools || [], chosen = Object.create(null);
    if (pools.length) {
      var pooled = Object.create(null);
      pools.forEach(function (pool) {
        pool.questions.forEach(function (id) { pooled[id] = true; });
      });
      ids.forEach(function (id) { if (!pooled[id]) chosen[id] = true; });
      pools.forEach(function (pool) {
        var seed = moduleId + ":" + attempt + ":draw:" + pool.id;
        shuffled(pool.questions, seed).slice(0, Math.max(pool.draw, 0)).forEach(function (id) {
          chosen[id] = true;
        });
      });
    } else if (quiz.draw > 0) {
      shuffled(ids, moduleId + ":" + attempt + ":draw:").slice(0, quiz.draw)
        .forEach(function (id) { chosen[id] = true; });
    } else return ids;
    return ids.filter(function (id) { return chosen[id] === true; });
  }

  function arrange(moduleId, quiz, attempt) {
    var questions = drawn(moduleId, quiz, attempt);
    if (quiz.settings.shuffle_questions) questions = shuffled(questions, moduleId + ":" + attempt);
    var options = {};
    quiz.questions.forEach(function (q) {
      var ids = (q.targets.length ? q.targets : q.choices).map(function (o) { return o.id; });
      if (quiz.settings.shuffle_choices && q.type !== "true-false") {
        ids = shuffled(ids, moduleId + ":" + attempt + ":" + q.id);
      }
      options[q.id] = ids;
    });
    return { questions: questions, options: options };
  }

  /* Shares as whole percents adding up to 100, as grading's whole_percents. */
  function wholePercents(shares, ids) {
    var raw = ids.map(function (id) { return shares[id] * 100; });
    var whole = raw.map(Math.floor);
    var left = 100 - whole.reduce(function (a, b) { return a + b; }, 0);
    var order = raw.map(function (_, i) { return i; }).sort(function (a, b) {
      return (raw[b] - whole[b]) - (raw[a] - whole[a]) || a - b;
    });
    order.slice(0, Math.max(0, left)).forEach(function (i) { whole[i] += 1; });
    var out = {};
    ids.forEach(function (id, i) { out[id] = whole[i]; });
    return out;
  }

  var api = {
    normalise: normalise, gradeQuestion: gradeQuestion, correctResponse: correctResponse,
    percentOf: percentOf,
    scoreQuiz: scoreQuiz, finalModule: finalModule, countingQuizzes: countingQuizzes,
    courseScore: courseScore, recommend: recommend, fnv1a: fnv1a, mulberry32: mulberry32,
    shuffled: shuffled, drawn: drawn, arrange: arrange, wholePercents: wholePercents
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.courseforgeGrading = api;
})(typeof window !== "undefined" ? window : this);
