/* What the SCORM store sends: the state as SCORM 1.2 or 2004 data model elements. */
(function (lesson) {
  "use strict";

  var state = lesson.state;
  var pageIds = lesson.pageIds;
  var suspendData = lesson.suspendData;
  var seenCount = lesson.seenCount;
  var pad = lesson.pad;
  var timespan12 = lesson.timespan12;
  var duration2004 = lesson.duration2004;
  var ScormStore = lesson.ScormStore;

  /* Every element and value of the state, in the order they are set. */
  ScormStore.prototype.values = function (elapsedMs) {
    var n = this.names;
    var v = [];
    var score = state.score;
    if (this.standard === "scorm12") {
      if (score) {
        // 1.2 compares raw with the mastery score, a percentage
        v.push(["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"],
          ["cmi.core.score.raw", String(Math.round(score.scaled * 10000) / 100)]);
      }
      v.push(["cmi.core.lesson_status", state.success || state.completion]);
    } else {
      if (score) {
        v.push(["cmi.score.scaled", String(score.scaled)], ["cmi.score.min", String(score.min)],
          ["cmi.score.max", String(score.max)], ["cmi.score.raw", String(score.raw)]);
      }
      v.push(["cmi.progress_measure", String(Math.round(seenCount() / pageIds.length * 1e4) / 1e4)]);
      v.push(["cmi.completion_status", state.completion]);
      if (state.success) v.push(["cmi.success_status", state.success]);
    }
    for (var o = 0; o < state.objectives.length; o++) {
      v = v.concat(this.objectiveValues(state.objectives[o]));
    }
    if (state.comment) {
      v.push([this.standard === "scorm12" ? "cmi.comments" : "cmi.comments_from_learner.0.comment",
        state.comment]);
    }
    v.push([n.location, state.location], ["cmi.suspend_data", suspendData()],
      [n.exit, "suspend"], [n.sessionTime, n.time(elapsedMs)]);
    return v;
  };

  ScormStore.prototype.objectiveValues = function (item) {
    if (this.objectiveIndex[item.id] === undefined) {
      this.objectiveIndex[item.id] = this.objectiveCount++;
    }
    var p = "cmi.objectives." + this.objectiveIndex[item.id] + ".";
    var out = [[p + "id", item.id]];
    if (this.standard === "scorm12") {
      out.push([p + "score.min", "0"], [p + "score.max", "100"],
        [p + "score.raw", String(Math.round(item.scaled * 10000) / 100)],
        [p + "status", item.success && item.success !== "unknown" ? item.success : item.completion]);
    } else {
      out.push([p + "score.scaled", String(item.scaled)], [p + "score.min", "0"],
        [p + "score.max", "100"], [p + "score.raw", String(Math.round(item.scaled * 10000) / 100)],
        [p + "success_status", item.success], [p + "completion_status", item.completion]);
      if (item.description) out.push([p + "description", item.description]);
    }
    return out;
  };

  ScormStore.prototype.interactionValues = function (item, index) {
    var v12 = this.standard === "scorm12";
    var p = "cmi.interactions." + index + ".";
    var out = [[p + "id", item.id], [p + "type", item.type]];
    var convert = function (text) {
      if (v12 && item.type === "true-false") return String(text).charAt(0); // t | f
      return v12 ? String(text).split("[,]").join(",").split("[.]").join(".") : String(text);
    };
    if (!v12 && item.description) out.push([p + "description", item.description]);
    for (var i = 0; item.correct && i < item.correct.length; i++) {
      out.push([p + "correct_responses." + i + ".pattern", convert(item.correct[i])]);
    }
    if (item.response !== undefined) {
      out.push([p + (v12 ? "student_response" : "learner_response"), convert(item.response)]);
    }
    if (item.result !== undefined) {
      var result = v12 && item.result === "incorrect" ? "wrong" : String(item.result);
      out.push([p + "result", result]);
    }
    if (item.weighting !== undefined) out.push([p + "weighting", String(item.weighting)]);
    if (item.latency !== undefined) {
      out.push([p + "latency", (v12 ? timespan12 : duration2004)(item.latency * 1000)]);
    }
    var when = new Date(item.at); // 1.2: the learner's clock; 2004: UTC, to hundredths
    out.push(v12 ? [p + "time", pad(when.getHours(), 2) + ":" + pad(when.getMinutes(), 2) + ":" +
      pad(when.getSeconds(), 2)] : [p + "timestamp", when.toISOString().slice(0, 22) + "Z"]);
    return out;
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
