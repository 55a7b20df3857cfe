/* The SCORM 1.2 and 2004 store: reads the LMS's record at launch, sends the state, commits. */
(function (lesson) {
  "use strict";

  var data = lesson.data;
  var state = lesson.state;
  var warn = lesson.warn;
  var keep = lesson.keep;
  var snapshot = lesson.snapshot;
  var suspendData = lesson.suspendData;
  var restoreSuspendData = lesson.restoreSuspendData;
  var timespan12 = lesson.timespan12;
  var duration2004 = lesson.duration2004;

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
    // a comment this attempt holds already: Moodle would append another to it
    this.commented = v12 && this.read("cmi.comments", true) !== "";
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
    // the learner's name, for the printed summary of a result (an LMS may not give it)
    lesson.learnerName = this.read(v12 ? "cmi.core.student_name" : "cmi.learner_name", true) || "";
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
    // nothing new but the time (the page hidden, a page seen again): no Commit. An LMS that
    // re-sends all it holds on each Commit (Moodle, by beacon when the tab closes) would send
    // it for nothing, and the beacon that matters, Terminate's, may then be refused.
    if (!final && !state.interactions.length && this.unchanged(values)) return true;
    for (var i = 0; i < values.length; i++) {
      var key = values[i][0];
      var value = values[i][1];
      if (key !== this.names.sessionTime && this.sent[key] === value) continue;
      if (this.set(key, value)) {
        this.sent[key] = value;
        if (key === "cmi.comments") this.commented = true;
      } else ok = false;
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

  /* Whether every value but the session time is what the LMS has already. */
  ScormStore.prototype.unchanged = function (values) {
    for (var i = 0; i < values.length; i++) {
      if (values[i][0] !== this.names.sessionTime && this.sent[values[i][0]] !== values[i][1]) {
        return false;
      }
    }
    return true;
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

  /* The LMS stores by tracking standard: each makes its store, or null when no LMS is found. */
  lesson.ScormStore = ScormStore;
  lesson.lmsStores = lesson.lmsStores || {};
  lesson.lmsStores.scorm12 = function () {
    var api = lesson.findApi(SCORM12.api);
    return api ? new ScormStore(SCORM12, api) : null;
  };
  lesson.lmsStores.scorm2004 = function () {
    var api = lesson.findApi(SCORM2004.api);
    return api ? new ScormStore(SCORM2004, api) : null;
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
