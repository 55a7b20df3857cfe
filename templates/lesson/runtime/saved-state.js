/* Saved state: the suspend_data record and the rules that merge two saved copies of it.
 *
 * suspend_data: {"v":1,"n":PAGES,"p":SEEN[,"x":{SECTIONS}]} where SEEN is a bitset of seen
 * pages, 6 pages per base64url character. The builder computes its worst-case length.
 */
(function (lesson) {
  "use strict";

  var state = lesson.state;
  var pageIds = lesson.pageIds;
  var B64 = lesson.B64;
  var own = lesson.own;
  var mergers = {}; // section name -> function (preferred, other): one value of two
  var unmerged = {}; // section name -> values met before its merger was registered

  function encodeSeen(seen) {
    var out = "";
    for (var i = 0; i < pageIds.length; i += 6) {
      var v = 0;
      for (var b = 0; b < 6; b++) if (seen[i + b]) v |= 1 << b;
      out += B64.charAt(v);
    }
    return out;
  }

  function decodeSeen(text) {
    var seen = [];
    for (var i = 0; i < text.length; i++) {
      var v = B64.indexOf(text.charAt(i));
      for (var b = 0; b < 6 && v > 0; b++) if (v & (1 << b)) seen[i * 6 + b] = true;
    }
    return seen;
  }

  function suspendData() {
    var record = { v: 1, n: pageIds.length, p: encodeSeen(state.seen) };
    for (var key in state.sections) {
      if (Object.prototype.hasOwnProperty.call(state.sections, key)) {
        record.x = state.sections;
        break;
      }
    }
    return JSON.stringify(record);
  }

  function restoreSuspendData(text) {
    var record;
    try { record = JSON.parse(text); } catch (e) { return; }
    // an unknown version or a changed course starts afresh rather than misreading
    if (!record || record.v !== 1) return;
    if (record.n === pageIds.length && typeof record.p === "string") {
      state.seen = decodeSeen(record.p);
    }
    if (record.x && typeof record.x === "object") state.sections = record.x;
  }

  /* The progress a store keeps outside the LMS, with interactions the LMS has not taken yet. */
  function snapshot() {
    return {
      location: state.location, suspend: suspendData(), completion: state.completion,
      success: state.success, score: state.score, interactions: state.interactions.slice()
    };
  }

  /* Adds a snapshot to the state, losing nothing of either; newer: its values win ties. */
  function mergeSnapshot(saved, newer) {
    if (!saved || typeof saved !== "object") return;
    var seen = state.seen;
    var sections = state.sections;
    state.seen = [];
    state.sections = {};
    restoreSuspendData(typeof saved.suspend === "string" ? saved.suspend : "");
    for (var i = 0; i < pageIds.length; i++) if (seen[i]) state.seen[i] = true;
    for (var key in sections) {
      if (!own(sections, key)) continue;
      if (!own(state.sections, key)) state.sections[key] = sections[key];
      else if (mergers[key]) {
        state.sections[key] = newer ? mergers[key](state.sections[key], sections[key])
          : mergers[key](sections[key], state.sections[key]);
      } else {
        // no merger yet (the quiz script registers its own after this one runs): the
        // preferred value stands, the other waits for the merger
        var preferred = newer ? state.sections[key] : sections[key];
        var other = newer ? sections[key] : state.sections[key];
        state.sections[key] = preferred;
        if (other !== preferred) (unmerged[key] = unmerged[key] || []).push(other);
      }
    }
    if (saved.location && (newer || !state.location)) state.location = String(saved.location);
    if (saved.completion === "completed") state.completion = "completed";
    if (saved.success && (newer || !state.success)) state.success = saved.success;
    if (saved.score && (newer || !state.score)) state.score = saved.score;
    var known = {};
    for (var k = 0; k < state.interactions.length; k++) known[answerKey(state.interactions[k])] = 1;
    for (var n = 0; saved.interactions && n < saved.interactions.length; n++) {
      var item = saved.interactions[n];
      if (item && typeof item === "object" && !known[answerKey(item)]) {
        delete item.index; // numbered again by the LMS that takes it
        known[answerKey(item)] = 1;
        state.interactions.push(item);
      }
    }
  }

  /* One answer, however many copies of it were kept. */
  function answerKey(item) {
    return [item.id, item.at, JSON.stringify(item.response)].join("|");
  }

  /* Registers how two saved values of a section become one, and merges those met before. */
  function mergeState(name, merge) {
    mergers[name] = merge;
    var waiting = unmerged[name] || [];
    delete unmerged[name];
    for (var w = 0; w < waiting.length; w++) {
      state.sections[name] = merge(state.sections[name], waiting[w]);
    }
  }

  lesson.suspendData = suspendData;
  lesson.restoreSuspendData = restoreSuspendData;
  lesson.snapshot = snapshot;
  lesson.mergeSnapshot = mergeSnapshot;
  lesson.mergeState = mergeState;
})(window.courseforgeLesson = window.courseforgeLesson || {});
