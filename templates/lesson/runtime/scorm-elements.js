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

  function decimal(value) {
    return String(lesson.round4(value));
  }

  // Moodle's SCORM 2004 player takes only [A-Za-z0-9_.] in the identifiers of responses and
  // patterns (error 406 otherwise). Ids never hold a dot, so each "-" is written as ".":
  // one to one, reversible (docs/lms.md; courseforge/lms/identifiers.py is the reference).
  var SHORT_IDENTIFIERS = { choice: 1, matching: 1, likert: 1, sequencing: 1 };

  /* Every element and value of the state, in the order they are set. */
  ScormStore.prototype.values = function (elapsedMs) {
    var n = this.names;
    var v = [];
    var score = state.score;
    if (this.standard === "scorm12") {
      if (score) {
        // 1.2 compares raw with the mastery score, a percentage
        v.push(["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"],
          ["cmi.core.score.raw", decimal(score.scaled * 100)]);
      }
      v.push(["cmi.core.lesson_status", state.success || state.completion]);
    } else {
      if (score) {
        v.push(["cmi.score.scaled", decimal(score.scaled)], ["cmi.score.min", decimal(score.min)],
          ["cmi.score.max", decimal(score.max)], ["cmi.score.raw", decimal(score.raw)]);
      }
      v.push(["cmi.progress_measure", decimal(seenCount() / pageIds.length)]);
      v.push(["cmi.completion_status", state.completion]);
      if (state.success) v.push(["cmi.success_status", state.success]);
    }
    var objectives = this.orderedObjectives();
    for (var o = 0; o < objectives.length; o++) {
      v = v.concat(this.objectiveValues(objectives[o]));
    }
    // Moodle appends every 1.2 comment to the ones before: one per attempt
    if (state.comment && !(this.standard === "scorm12" && this.commented)) {
      v.push([this.standard === "scorm12" ? "cmi.comments" : "cmi.comments_from_learner.0.comment",
        state.comment]);
    }
    v.push([n.location, state.location], ["cmi.suspend_data", suspendData()],
      [n.exit, "suspend"], [n.sessionTime, n.time(elapsedMs)]);
    return v;
  };

  // SCORM 2004's smallest permitted maximum of objectives; an LMS may keep no more
  var MAX_OBJECTIVES = 100;

  /* The recommendation's outcomes first, then the lesson objectives: an LMS numbers them as
     they first arrive, so an outcome not yet known is sent as not attempted before a lesson
     objective takes the next number. */
  ScormStore.prototype.orderedObjectives = function () {
    var out = [];
    var have = {};
    var lessonOnes = [];
    for (var i = 0; i < state.objectives.length; i++) {
      var item = state.objectives[i];
      have[item.id] = true;
      (item.lesson ? lessonOnes : out).push(item);
    }
    var outcomes = lesson.data.quiz && lesson.data.quiz.record ? lesson.data.quiz.outcomes : [];
    for (var k = 0; lessonOnes.length && k < outcomes.length; k++) {
      var id = outcomes[k].id;
      if (!have[id] && this.objectiveIndex[id] === undefined) {
        out.push({ id: id, success: "unknown", completion: "not attempted",
                   description: outcomes[k].title });
      }
    }
    return out.concat(lessonOnes);
  };

  ScormStore.prototype.objectiveValues = function (item) {
    if (this.objectiveIndex[item.id] === undefined) {
      if (this.objectiveCount >= MAX_OBJECTIVES) return [];
      this.objectiveIndex[item.id] = this.objectiveCount++;
    }
    var p = "cmi.objectives." + this.objectiveIndex[item.id] + ".";
    var out = [[p + "id", item.id]];
    var scored = typeof item.scaled === "number";
    if (scored) {
      out.push([p + "score.min", "0"], [p + "score.max", "100"],
        [p + "score.raw", decimal(item.scaled * 100)]);
    }
    if (this.standard === "scorm12") {
      out.push([p + "status", item.success && item.success !== "unknown" ? item.success
        : item.completion]);
    } else {
      if (scored) out.push([p + "score.scaled", decimal(item.scaled)]);
      out.push([p + "success_status", item.success], [p + "completion_status", item.completion]);
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
      if (v12) return String(text).split("[,]").join(",").split("[.]").join(".");
      return SHORT_IDENTIFIERS[item.type] ? String(text).replace(/-/g, ".") : String(text);
    };
    // the question's text once per attempt is enough for a report, and keeps the CMI small
    if (!v12 && item.description && item.first !== false) {
      out.push([p + "description", item.description]);
    }
    for (var j = 0; item.objectives && j < item.objectives.length; j++) {
      out.push([p + "objectives." + j + ".id", item.objectives[j]]);
    }
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
