/* courseforge lesson runtime: page navigation, progress and LMS tracking. No framework.
 *
 * The lesson is one document; each <section class="page"> is a page shown one at a time.
 * Course data comes from <script type="application/json" id="courseforge-data">.
 * Tracking talks to a SCORM 1.2 (window.API) or 2004 (window.API_1484_11) LMS found in the
 * parent or opener chain, and falls back to localStorage when there is none.
 *
 * Extension API, for quizzes and other interactive pages (window.courseforge):
 *   courseforge.pages                 page ids in order
 *   courseforge.go(idOrIndex)         show a page
 *   courseforge.onPage(fn)            fn(pageId, sectionElement) whenever a page is shown
 *   courseforge.tracker.standard      "scorm12" | "scorm2004" | "local"
 *   tracker.setScore(raw, min, max, scaled)
 *                                     scaled in -1..1; SCORM 1.2 receives the percentage
 *                                     (scaled * 100 on 0..100), as its mastery score expects
 *   tracker.setSuccess("passed" | "failed")
 *   tracker.recordInteraction({id, type, response, correct: [pattern], result, weighting,
 *                              latency: seconds, description})
 *                                     responses and patterns in SCORM 2004 syntax (a[,]b,
 *                                     a[.]b, true); result "correct" | "incorrect" | "neutral"
 *                                     ...; translated for SCORM 1.2 (a,b  a.b  t  wrong)
 *   tracker.setObjective(id, {scaled, success, completion, description})
 *                                     an LMS objective (scaled 0..1; 1.2 receives raw = scaled
 *                                     * 100 and a status: success, else completion)
 *   tracker.setComment(text)          the learner comment an LMS report shows
 *   tracker.settle(gate)              a gate of data.gates is met (a counting quiz submitted):
 *                                     the lesson is complete once every page is seen and every
 *                                     gate settled
 *   tracker.getState(name)            a value saved before (also after a relaunch), or undefined
 *   tracker.saveState(name, value)    JSON value kept in suspend_data; keep it small, since
 *                                     SCORM 1.2 allows 4096 characters for the whole record
 *   tracker.commit()                  send everything to the LMS now (retried on failure)
 *   tracker.mergeState(name, merge)   merge(preferred, other) makes one value of two saved
 *                                     ones, when progress kept in this browser meets the LMS's
 *   courseforge.onRestore(fn)         fn() after an LMS that answered late brought its progress
 * Quiz pages are <section class="page" data-kind="quiz"> holding an empty
 * <div class="quiz-slot" data-quiz="MODULE-ID"> for the quiz runtime to fill.
 *
 * LMS faults: the lesson never breaks and never drops progress.
 *   - No API found: the lesson runs as the web site does, progress kept in localStorage.
 *   - Initialize answers "false": if the session answers anyway (an LMS that initialized it
 *     already), it is used; otherwise the lesson runs from localStorage at once (the learner
 *     cannot fix an LMS and should not wait for one), console.warn tells an administrator the
 *     LMS's error, and Initialize is tried again after 1, 3 and 7 seconds, since some LMSs
 *     expose their API before they are ready; a late success carries over the progress made.
 *   - A read at launch failing (anything but "nothing stored"): as a refused Initialize; what
 *     the LMS holds is never overwritten by what could not be read.
 *   - SetValue or Commit failing: what was accepted is committed, the rest stays in memory and
 *     is sent again after as long as the failure has lasted (1 to 30 s); a copy waits in
 *     localStorage (per learner), merged on the next launch if the window closed first: it
 *     wins where the LMS still holds what it held when the copy was made, else it only adds
 *     (pages seen, answers the LMS lacks). A good save removes it.
 *   - A session whose LMS named the learner but could not be read keeps that learner's copy
 *     the same way (merged with any earlier one, answers included), for their next launch
 *     that reaches the LMS. A session whose Initialize was refused keeps its progress in
 *     this browser only: nobody knows whose it is, and another learner's launch must not be
 *     credited with it. Neither Terminates a session it could not open.
 *   - Interactions leave memory once committed; on pagehide the last values are set and
 *     Terminate commits them: the copies here are removed only when it answers "true".
 *     An element the LMS can never take (error 201, 401-408: unsupported, read-only or
 *     malformed for it) is given up with a warning, so it cannot hold back the rest.
 *   - An LMS that ended the session itself (2004 errors 123, 133, 143): no more retries; the
 *     copy in localStorage serves the next launch.
 *   - Exceptions thrown by the API count as a failed call. Slow (blocking) calls never delay
 *     what the learner sees: navigation commits after the new page is painted, coalesced.
 *   - Commit: on page changes, when the page is hidden, on tracker.commit(); Terminate exactly
 *     once, on pagehide, with the last values set but no Commit (some LMSs refuse a Commit
 *     while the page unloads; Terminate commits).
 *   - The learner is told, in a status line under the top bar, when a package runs without
 *     its LMS (no API, or Initialize refused after the retries), when saving has failed twice
 *     in a row (one failure may be a hiccup) and when the LMS ended the session; the line
 *     empties once the LMS saves again. The web site, which has no LMS, never shows it.
 *
 * suspend_data: {"v":1,"n":PAGES,"p":SEEN[,"x":{SECTIONS}]} where SEEN is a bitset of seen
 * pages, 6 pages per base64url character. The builder computes its worst-case length.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("courseforge-data").textContent);
  var pageIds = data.pages;
  var gates = {}; // what must happen besides seeing every page, e.g. a counting quiz submitted
  for (var g = 0; data.gates && g < data.gates.length; g++) gates[data.gates[g]] = false;
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var MAX_RETRY_MS = 30000;

  /* ---------- state shared by every store ---------- */

  var mergers = {}; // section name -> function (preferred, other): one value of two
  var unmerged = {}; // section name -> values met before its merger was registered
  var restoreListeners = [];

  var state = {
    location: "",
    seen: [],
    completion: "incomplete",
    success: "",
    score: null,
    sections: {},
    interactions: [],
    objectives: [], // [{id, scaled, success, completion, description}]
    comment: ""
  };

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

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
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

  /* localStorage, which private browsing or a full quota may refuse: then this visit only. */
  function recall(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function keep(key, value) {
    try {
      if (value === undefined) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* nothing better to do */ }
  }

  function warn(message) {
    try { window.console.warn("courseforge: " + message); } catch (e) { /* no console */ }
  }

  function updateCompletion() {
    for (var gate in gates) if (gates[gate] === false) return;
    if (seenCount() === pageIds.length) state.completion = "completed";
  }

  function seenCount() {
    var n = 0;
    for (var i = 0; i < pageIds.length; i++) if (state.seen[i]) n++;
    return n;
  }

  /* ---------- time formats ---------- */

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  function timespan12(ms) {
    var cs = Math.floor(ms / 10);
    var h = Math.min(9999, Math.floor(cs / 360000));
    return pad(h, 2) + ":" + pad(Math.floor(cs / 6000) % 60, 2) + ":" +
      pad(Math.floor(cs / 100) % 60, 2) + "." + pad(cs % 100, 2);
  }

  function duration2004(ms) {
    var cs = Math.floor(ms / 10);
    return "PT" + Math.floor(cs / 360000) + "H" + (Math.floor(cs / 6000) % 60) + "M" +
      (Math.floor(cs / 100) % 60) + "." + pad(cs % 100, 2) + "S";
  }

  /* ---------- finding the LMS ---------- */

  function searchChain(win, name) {
    // a bounded walk: some LMS frame sets nest deeply, a loop must not hang the lesson
    for (var hops = 0; win && hops < 12; hops++) {
      try {
        if (win[name]) return win[name];
        if (win.parent === win) return null;
        win = win.parent;
      } catch (e) {
        return null; // a foreign-origin frame: nothing more to find up there
      }
    }
    return null;
  }

  function findApi(name) {
    var api = searchChain(window, name);
    var openers = [];
    try { openers.push(window.opener, window.top.opener); } catch (e) { /* foreign top */ }
    for (var i = 0; !api && i < openers.length; i++) {
      try { if (openers[i]) api = searchChain(openers[i], name); } catch (e) { api = null; }
    }
    return api;
  }

  /* ---------- SCORM stores ---------- */

  var SCORM12 = {
    standard: "scorm12", api: "API",
    init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
    finish: "LMSFinish", error: "LMSGetLastError", errorText: "LMSGetErrorString",
    learner: "cmi.core.student_id", entry: "cmi.core.entry",
    location: "cmi.core.lesson_location", exit: "cmi.core.exit",
    sessionTime: "cmi.core.session_time", time: timespan12
  };
  var SCORM2004 = {
    standard: "scorm2004", api: "API_1484_11",
    init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
    finish: "Terminate", error: "GetLastError", errorText: "GetErrorString",
    learner: "cmi.learner_id", entry: "cmi.entry",
    location: "cmi.location", exit: "cmi.exit",
    sessionTime: "cmi.session_time", time: duration2004
  };

  function ScormStore(names, api) {
    this.names = names;
    this.api = api;
    this.standard = names.standard;
    this.sent = {};
    this.nextInteraction = 0;
    this.objectiveIndex = {};
    this.objectiveCount = 0;
    this.claimed = []; // keys of copies kept in this browser, merged into this session
  }

  ScormStore.prototype.call = function (method, a, b) {
    try {
      return String(b === undefined ? this.api[method](a) : this.api[method](a, b));
    } catch (e) {
      return "false";
    }
  };

  /* GetValue. A failed read of what the learner did must not pass for "nothing stored":
     written back, it would erase their progress. So it is noted in this.unread (and ""
     returned); ``optional`` elements (the learner id, counts an LMS may not implement) are
     read as "" instead. */
  ScormStore.prototype.read = function (element, optional) {
    var value = this.call(this.names.get, element);
    if (value !== "" && value !== "false") return value; // a slow LMS: one call less
    var code = this.call(this.names.error, "");
    if (code === "0" || code === "") return value;
    // 2004 answers 403 for location and suspend_data never stored: that is "empty"
    if (code === "403" && this.standard === "scorm2004") return "";
    if (!optional && !this.unread) this.unread = element + " (error " + code + ")";
    return "";
  };

  /* "code text" of the last error, for an administrator reading the console. */
  ScormStore.prototype.describeError = function () {
    var code = this.call(this.names.error, "");
    return code + " " + this.call(this.names.errorText, code);
  };

  ScormStore.prototype.connect = function () {
    var n = this.names;
    if (this.call(n.init, "") !== "true") {
      var refused = this.describeError();
      // an LMS (or its player) that initialized the session already answers reads all the same
      this.call(n.get, n.entry);
      if (this.call(n.error, "") !== "0") {
        warn("the LMS refused " + n.init + " (error " + refused + "); progress is kept in " +
          "this browser");
        return false;
      }
    }
    this.learner = this.read(n.learner, true);
    this.mirrorKey = "courseforge:" + data.scope + ":" + data.version + ":unsaved:" + this.learner;
    return true;
  };

  /* Reads what the LMS holds into the state; false, changing nothing, when a read failed
     (the lesson then runs from this browser and tries again, as after a refused Initialize). */
  ScormStore.prototype.open = function () {
    if (!this.connect()) return false;
    var v12 = this.standard === "scorm12";
    this.unread = "";
    this.read(v12 ? "cmi.core.entry" : "cmi.entry", true);
    var location = this.read(this.names.location);
    var suspend = this.read("cmi.suspend_data");
    var status = this.read(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
    var success = v12 ? "" : this.read("cmi.success_status");
    var interactions = parseInt(this.read("cmi.interactions._count", true), 10) || 0;
    // objectives keep their index across sessions: an id may appear only once
    var objectives = parseInt(this.read("cmi.objectives._count", true), 10) || 0;
    var index = {};
    for (var o = 0; o < objectives; o++) index[this.read("cmi.objectives." + o + ".id")] = o;
    if (this.unread) {
      warn("the LMS did not answer a read of " + this.unread + "; progress is kept in this " +
        "browser until it does");
      return false;
    }
    state.location = location;
    restoreSuspendData(suspend);
    this.held = suspend; // what the LMS holds, to tell whether a copy kept here is newer
    if (status === "completed" || status === "passed" || status === "failed") {
      state.completion = "completed"; // never downgrade a finished attempt
    }
    if (status === "passed" || status === "failed") state.success = status;
    if (success === "passed" || success === "failed") state.success = success;
    this.nextInteraction = interactions;
    this.objectiveIndex = index;
    this.objectiveCount = objectives;
    return true;
  };

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

  /* Sends what the LMS does not have yet; false when anything failed (then all is resent). */
  // errors no retry can cure: an element the LMS does not support, read-only, malformed for it
  var NEVER = { "201": 1, "401": 1, "402": 1, "403": 1, "404": 1, "405": 1, "406": 1, "407": 1,
    "408": 1 };
  // SCORM 2004's "after termination" errors: the LMS ended the session, retrying is useless
  var ENDED = { "123": 1, "133": 1, "143": 1 };

  /* SetValue; true when the LMS took the value or can never take it (then warned once). */
  ScormStore.prototype.set = function (key, value) {
    if (this.call(this.names.set, key, value) === "true") return true;
    var code = this.call(this.names.error, "");
    if (ENDED[code]) this.ended = true;
    if (!NEVER[code]) {
      this.problem = code;
      return false;
    }
    var element = key.replace(/\.\d+\./g, ".n.");
    this.refused = this.refused || {};
    if (!this.refused[element]) {
      this.refused[element] = true;
      warn("the LMS does not take " + element + " (error " + code + "); left out");
    }
    return true;
  };

  /* Sends the state and commits (``final``: Terminate will commit, and some LMSs refuse a
     Commit while the page unloads). */
  ScormStore.prototype.save = function (elapsedMs, final) {
    var ok = true;
    var values = this.values(elapsedMs);
    for (var i = 0; i < values.length; i++) {
      var key = values[i][0];
      var value = values[i][1];
      if (key !== this.names.sessionTime && this.sent[key] === value) continue;
      if (this.set(key, value)) this.sent[key] = value;
      else ok = false;
    }
    // interactions keep their index once given, so sending one again overwrites it; they
    // leave memory only when committed
    var sentInteractions = 0;
    while (ok && sentInteractions < state.interactions.length) {
      var item = state.interactions[sentInteractions];
      if (item.index === undefined) item.index = this.nextInteraction++;
      var fields = this.interactionValues(item, item.index);
      for (var f = 0; f < fields.length && ok; f++) {
        ok = this.set(fields[f][0], fields[f][1]);
      }
      if (ok) sentInteractions++;
    }
    // commit what was taken even when something failed: one failing element must not hold
    // back the rest
    if (!final && this.call(this.names.commit, "") !== "true") {
      this.problem = this.call(this.names.error, "");
      if (ENDED[this.problem]) this.ended = true;
      ok = false;
    }
    if (!ok) {
      this.sent = {}; // the LMS may have dropped anything: send it all again
      if (!this.failing) warn("the LMS did not save the progress (error " + this.problem + ")" +
        (this.ended ? "" : "; trying again"));
      this.keepCopy(); // for the next launch, if the window closes first
      this.failing = true;
    } else if (final) {
      // taken, not yet committed: Terminate commits, and close() tidies up if it does
      this.unterminated = true;
    } else {
      state.interactions.splice(0, sentInteractions);
      this.saved();
    }
    return ok;
  };

  /* Everything is in the LMS: the copies kept in this browser are not needed any more. */
  ScormStore.prototype.saved = function () {
    if (this.failing) keep(this.mirrorKey, undefined);
    // copies merged at launch are in the LMS now
    while (this.claimed.length) keep(this.claimed.pop(), undefined);
    this.failing = false;
    this.held = suspendData();
  };

  /* Terminate; when it fails, what the last save set may be lost: a copy waits here. */
  ScormStore.prototype.close = function () {
    var ended = this.call(this.names.finish, "") === "true";
    if (!this.unterminated) return;
    if (ended) {
      state.interactions = [];
      this.saved();
    } else {
      this.keepCopy();
    }
  };

  /* A copy of the state in this browser for the learner's next launch; "held" tells that
     launch whether the LMS has moved on since (another session saved there): then the copy
     only adds. */
  ScormStore.prototype.keepCopy = function () {
    var copy = snapshot();
    copy.held = this.held;
    keep(this.mirrorKey, copy);
  };

  /* ---------- the browser's own storage, without an LMS ---------- */

  function LocalStore() {
    this.standard = "local";
    this.key = "courseforge:" + data.scope + ":" + data.version;
  }

  LocalStore.prototype.open = function () {
    mergeSnapshot(recall(this.key), false);
    // what an earlier session of this learner could not save: kept, not overwritten
    if (this.pendingKey) mergeSnapshot(recall(this.pendingKey), false);
    return true;
  };

  LocalStore.prototype.save = function () {
    // without any LMS nobody reads the interactions; with one that failed, it will
    if (!this.awaitingLms && !this.pendingKey) state.interactions = [];
    var copy = snapshot();
    keep(this.key, copy);
    // a package whose LMS failed after saying who the learner is: that learner's next launch
    // that reaches the LMS takes this over
    if (this.pendingKey) keep(this.pendingKey, copy);
    return true;
  };

  LocalStore.prototype.close = function () {};

  /* ---------- the tracker ---------- */

  /* What the learner is told while the LMS does not keep their progress: nothing is lost,
     but they should know their platform may not show it yet. */
  var NOTICES = {
    none: "",
    local: "This lesson is not connected to your learning platform, so the platform cannot " +
      "record your progress. Your progress is kept in this browser.",
    failing: "Your learning platform is not saving your progress right now. The lesson keeps " +
      "trying; nothing you have done is lost.",
    ended: "Your learning platform has closed this session. Your progress is kept in this " +
      "browser and carried over when you open the lesson again."
  };
  var noticeBox = document.querySelector("[data-role=save-notice]");

  function notice(kind) {
    if (noticeBox && noticeBox.textContent !== NOTICES[kind]) noticeBox.textContent = NOTICES[kind];
  }

  var startedAt = Date.now();
  var names = data.standard === "scorm12" ? SCORM12 : data.standard === "scorm2004" ? SCORM2004 : null;
  var api = names ? findApi(names.api) : null;
  var lms = api ? new ScormStore(names, api) : null;
  var local = new LocalStore();
  var store = local;
  var initRetries = [1000, 3000, 7000];

  /* Opens the LMS session and adds progress it has not seen: what this learner could not save
     in an earlier session (it wins where the LMS has not moved on since), what an earlier
     session kept here while its LMS failed (it only adds), and (local) what the learner did
     in this session while the LMS was not ready. */
  function openLms(local) {
    if (!lms.open()) return false;
    var unsaved = recall(lms.mirrorKey);
    mergeSnapshot(unsaved, !!unsaved && unsaved.held === lms.held);
    lms.claimed = [lms.mirrorKey];
    mergeSnapshot(local, true);
    store = lms;
    return true;
  }

  /* Where a session keeps its progress for the LMS when the LMS failed from the start: the
     learner's key when the LMS said who they are. When it did not (Initialize refused), the
     progress stays in this browser only: handing it to whoever launches next could credit
     another learner with it. */
  function pendingKey() {
    return lms && lms.mirrorKey ? lms.mirrorKey : "";
  }

  function retryInitialize() {
    // meanwhile interactions wait in memory for the LMS
    local.awaitingLms = !finished && store === local && initRetries.length > 0;
    if (!local.awaitingLms) {
      if (store === local) notice("local");
      return;
    }
    setTimeout(function () {
      if (finished) return;
      if (openLms(snapshot())) {
        notice("none");
        for (var l = 0; l < restoreListeners.length; l++) restoreListeners[l]();
        render(); // the LMS's progress on screen, then all of it saved there
        commitSoon();
      } else {
        retryInitialize();
      }
    }, initRetries.shift());
  }

  if (!lms || !openLms(null)) {
    if (lms) local.pendingKey = pendingKey();
    store.open();
    if (lms) retryInitialize();
    else if (names) notice("local"); // a package opened outside an LMS
  }

  var failingSince = 0;
  var retryTimer = null;
  var finished = false;
  var soon = false;

  /* Saves and commits; ``final`` (on pagehide) leaves the commit to Terminate. */
  function commit(final) {
    soon = false;
    if (finished) return false;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    var ok = store.save(Date.now() - startedAt, final === true);
    if (ok) {
      failingSince = 0;
      if (store === lms) notice("none");
    } else if (store.ended) {
      notice("ended");
    } else {
      if (failingSince) notice("failing"); // failed again: more than a hiccup
      // keep everything in memory and try again after as long as the LMS has failed so far
      // (1 to 30 s): soon after a hiccup, seldom in an outage
      if (!failingSince) failingSince = Date.now();
      retryTimer = setTimeout(commit, Math.max(1000, Math.min(Date.now() - failingSince,
        MAX_RETRY_MS)));
    }
    return ok;
  }

  /* A commit once the browser has painted: a slow LMS must not hold up the page shown, and
     quick clicks make one commit. rAF does not run in a hidden page, hence the backstop. */
  function commitSoon() {
    if (soon || finished) return;
    soon = true;
    var run = function () { if (soon) commit(); };
    if (window.requestAnimationFrame) window.requestAnimationFrame(function () { setTimeout(run, 0); });
    setTimeout(run, 250);
  }

  function finish() {
    if (finished) return;
    commit(true);
    finished = true;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    store.close();
  }

  var tracker = {
    get standard() { return store.standard; },
    setScore: function (raw, min, max, scaled) {
      state.score = { raw: raw, min: min, max: max, scaled: Math.max(-1, Math.min(1, scaled)) };
    },
    setSuccess: function (status) {
      if (status === "passed" || status === "failed") state.success = status;
    },
    recordInteraction: function (item) {
      var copy = {};
      for (var k in item) if (Object.prototype.hasOwnProperty.call(item, k)) copy[k] = item[k];
      copy.at = Date.now();
      state.interactions.push(copy);
    },
    setObjective: function (id, values) {
      var item = { id: id, scaled: values.scaled, success: values.success || "unknown",
                   completion: values.completion || "completed", description: values.description || "" };
      for (var i = 0; i < state.objectives.length; i++) {
        if (state.objectives[i].id === id) { state.objectives[i] = item; return; }
      }
      state.objectives.push(item);
    },
    setComment: function (text) { state.comment = String(text); },
    settle: function (gate) {
      if (Object.prototype.hasOwnProperty.call(gates, gate)) gates[gate] = true;
      updateCompletion();
    },
    getState: function (name) {
      return Object.prototype.hasOwnProperty.call(state.sections, name) ? state.sections[name] : undefined;
    },
    saveState: function (name, value) {
      state.sections[name] = value;
    },
    commit: commit,
    suspendData: suspendData,
    mergeState: function (name, merge) {
      mergers[name] = merge;
      var waiting = unmerged[name] || [];
      delete unmerged[name];
      for (var w = 0; w < waiting.length; w++) {
        state.sections[name] = merge(state.sections[name], waiting[w]);
      }
    }
  };

  /* ---------- navigation ---------- */

  var sections = [];
  for (var s = 0; s < pageIds.length; s++) sections.push(document.getElementById(pageIds[s]));
  var prevButton = document.querySelector("[data-nav=prev]");
  var nextButton = document.querySelector("[data-nav=next]");
  var counter = document.querySelector("[data-role=counter]");
  var announcer = document.querySelector("[data-role=announce]");
  var courseTitle = document.title;
  var bar = document.querySelector("[data-role=progress]");
  var progressText = document.querySelector("[data-role=progress-text]");
  var tocLinks = document.querySelectorAll("[data-toc]");
  var tocToggle = document.querySelector("[data-role=toc-toggle]");
  var toc = document.getElementById("toc");
  var listeners = [];
  var current = -1;

  function indexOf(id) {
    for (var i = 0; i < pageIds.length; i++) if (pageIds[i] === id) return i;
    return -1;
  }

  function render() {
    var seen = seenCount();
    var percent = Math.round(seen / pageIds.length * 100);
    bar.value = seen;
    bar.max = pageIds.length;
    progressText.textContent = percent + "% seen";
    counter.textContent = "Page " + (current + 1) + " of " + pageIds.length;
    prevButton.disabled = current <= 0;
    nextButton.disabled = current >= pageIds.length - 1;
    for (var i = 0; i < tocLinks.length; i++) {
      var link = tocLinks[i];
      var at = indexOf(link.getAttribute("data-toc"));
      if (at === current) {
        if (link.getAttribute("aria-current") !== "page") revealInContents(link);
        link.setAttribute("aria-current", "page");
      } else link.removeAttribute("aria-current");
      link.classList.toggle("seen", !!state.seen[at]);
    }
  }

  /* A table wider than its page says that it scrolls (on a phone, most do). */
  function markWideTables() {
    var boxes = sections[current].querySelectorAll(".table-scroll");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].classList.toggle("is-wide", boxes[i].scrollWidth > boxes[i].clientWidth + 1);
    }
  }

  /* The contents list scrolled (on its own) to show the current page's entry. */
  function revealInContents(link) {
    if (toc.scrollHeight <= toc.clientHeight) return;
    var top = link.getBoundingClientRect().top - toc.getBoundingClientRect().top + toc.scrollTop;
    var bottom = top + link.offsetHeight;
    if (top < toc.scrollTop) toc.scrollTop = top;
    else if (bottom > toc.scrollTop + toc.clientHeight) toc.scrollTop = bottom - toc.clientHeight;
  }

  /* Shows page ``index``. ``initial``: on load; ``fromHistory``: the browser's Back or
     Forward (or a typed fragment) asked for it, so no history entry is added. */
  function show(index, focusHeading, initial, fromHistory) {
    index = Math.max(0, Math.min(pageIds.length - 1, index));
    var moved = index !== current;
    var heading = sections[index].querySelector("h1");
    if (moved) {
      for (var i = 0; i < sections.length; i++) sections[i].hidden = i !== index;
      current = index;
      window.scrollTo(0, 0);
      var title = heading ? heading.textContent : "";
      document.title = title && title !== courseTitle ? title + " · " + courseTitle : courseTitle;
      // screen readers hear where they are: the counter alone would say "Page 3 of 53"
      if (!initial && !focusHeading && announcer) {  // a focused heading is read out anyway
        announcer.textContent = "Page " + (index + 1) + " of " + pageIds.length + ": " + title;
      }
    }
    state.location = pageIds[index];
    state.seen[index] = true;
    updateCompletion();
    render();
    if (focusHeading || document.activeElement === null || document.activeElement.disabled) {
      if (heading) heading.focus();
    }
    if (!initial && !fromHistory && moved) {
      // a history entry per page, so Back returns to the page before (not on load: a
      // fragment moves the Tab starting point away from the skip link)
      try { history.pushState(null, "", "#" + pageIds[index]); } catch (e) { /* file: */ }
    }
    if (moved) markWideTables();
    commitSoon();
    for (var l = 0; l < listeners.length; l++) listeners[l](pageIds[index], sections[index]);
  }

  function go(target) {
    var index = typeof target === "number" ? target : indexOf(target);
    if (index >= 0) show(index, true);
  }

  prevButton.addEventListener("click", function () { show(current - 1, false); });
  nextButton.addEventListener("click", function () { show(current + 1, false); });
  for (var t = 0; t < tocLinks.length; t++) {
    tocLinks[t].addEventListener("click", function (event) {
      event.preventDefault();
      document.documentElement.classList.remove("toc-open");
      tocToggle.setAttribute("aria-expanded", "false");
      go(this.getAttribute("data-toc"));
    });
  }
  function closeContents(focusToggle) {
    if (!document.documentElement.classList.contains("toc-open")) return;
    document.documentElement.classList.remove("toc-open");
    tocToggle.setAttribute("aria-expanded", "false");
    if (focusToggle) tocToggle.focus();
  }
  tocToggle.addEventListener("click", function () {
    var open = document.documentElement.classList.toggle("toc-open");
    tocToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var here = toc.querySelector("a[aria-current=page]") || toc.querySelector("a");
      here.focus();
      revealInContents(here);
    }
  });
  // the phone's contents overlay: Escape closes it; so does moving focus out of it
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeContents(true);
  });
  document.addEventListener("focusin", function (event) {
    if (!toc.contains(event.target) && event.target !== tocToggle) closeContents(false);
  });
  window.addEventListener("resize", function () { if (current >= 0) markWideTables(); });
  window.addEventListener("hashchange", function () {
    var index = indexOf(decodeURIComponent(location.hash.slice(1)));
    if (index >= 0 && index !== current) show(index, true, false, true);
  });

  // commit when the learner leaves the tab or app: unload events are not reliable
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") commit();
  });
  window.addEventListener("pagehide", finish);

  document.documentElement.classList.add("js");
  var fromHash = indexOf(decodeURIComponent(location.hash.slice(1)));
  var resume = indexOf(state.location);
  show(resume >= 0 ? resume : fromHash >= 0 ? fromHash : 0, false, true);

  window.courseforge = {
    pages: pageIds.slice(),
    go: go,
    onPage: function (fn) { listeners.push(fn); },
    onRestore: function (fn) { restoreListeners.push(fn); },
    tracker: tracker
  };
})();
