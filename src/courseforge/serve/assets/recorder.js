/* The preview's recording LMS: a SCORM 1.2 or 2004 API object that stores what the lesson
 * sends, as an LMS would, and keeps a log of every call for the inspector.
 *
 * It follows each standard's run-time rules where a lesson could tell the difference:
 * calls before Initialize or after Terminate fail with the standard's error code, 1.2's
 * interactions are write-only, 2004 answers 403 for an element never set, and a new session
 * after one that exited with "suspend" starts with entry "resume".
 */
(function () {
  "use strict";

  var NAMES = {
    scorm12: {
      global: "API", init: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue",
      set: "LMSSetValue", commit: "LMSCommit", error: "LMSGetLastError",
      errorText: "LMSGetErrorString", diagnostic: "LMSGetDiagnostic",
      entry: "cmi.core.entry", exit: "cmi.core.exit", learnerId: "cmi.core.student_id",
      learnerName: "cmi.core.student_name", sessionTime: "cmi.core.session_time",
      notRunning: "301", alreadyRunning: "101", finished: "301", notSet: "0", writeOnly: "404"
    },
    scorm2004: {
      global: "API_1484_11", init: "Initialize", finish: "Terminate", get: "GetValue",
      set: "SetValue", commit: "Commit", error: "GetLastError", errorText: "GetErrorString",
      diagnostic: "GetDiagnostic",
      entry: "cmi.entry", exit: "cmi.exit", learnerId: "cmi.learner_id",
      learnerName: "cmi.learner_name", sessionTime: "cmi.session_time",
      notRunning: "122", alreadyRunning: "103", finished: "123", notSet: "403", writeOnly: ""
    }
  };
  var ERRORS = {
    "0": "No error", "101": "General exception", "103": "Already initialized",
    "122": "Retrieve data before initialization", "123": "Retrieve data after termination",
    "132": "Store data before initialization", "133": "Store data after termination",
    "301": "Not initialized", "403": "Data model element value not initialized",
    "404": "Element is write only"
  };
  var LOG_SIZE = 200;

  function Recorder(standard, onChange) {
    this.standard = standard;
    this.names = NAMES[standard];
    this.onChange = onChange || function () {};
    this.reset();
  }

  /* Forget everything stored: the next launch is a learner's first. */
  Recorder.prototype.reset = function () {
    this.data = {};
    this.calls = [];
    this.sessions = 0;
    this.running = false;
    this.ended = false;
    this.lastError = "0";
    this.commits = 0;
    this.changed();
  };

  Recorder.prototype.changed = function () {
    try { this.onChange(this); } catch (e) { /* the inspector must not break the lesson */ }
  };

  Recorder.prototype.log = function (method, args, result) {
    this.calls.push({ session: this.sessions, method: method, args: args, result: result,
      error: this.lastError });
    if (this.calls.length > LOG_SIZE) this.calls.shift();
  };

  Recorder.prototype.initialize = function () {
    var n = this.names;
    if (this.running) {
      this.lastError = n.alreadyRunning;
      return "false";
    }
    this.sessions += 1;
    this.running = true;
    this.ended = false;
    var resume = this.data[n.exit] === "suspend";
    this.entry = this.sessions === 1 ? "ab-initio" : (resume ? "resume" : "");
    delete this.data[n.exit];
    delete this.data[n.sessionTime];
    this.lastError = "0";
    return "true";
  };

  Recorder.prototype.finish = function () {
    if (!this.running) {
      this.lastError = this.standard === "scorm12" ? "301" : (this.ended ? "113" : "112");
      return "false";
    }
    this.running = false;
    this.ended = true;
    this.commits += 1;
    this.lastError = "0";
    return "true";
  };

  /* Interactions (or objectives) counted from the indexes stored. */
  Recorder.prototype.count = function (prefix) {
    var most = -1;
    for (var key in this.data) {
      if (key.indexOf(prefix) === 0) {
        var index = parseInt(key.slice(prefix.length), 10);
        if (index > most) most = index;
      }
    }
    return String(most + 1);
  };

  Recorder.prototype.getValue = function (element) {
    var n = this.names;
    if (!this.running) {
      this.lastError = this.ended && this.standard === "scorm2004" ? n.finished : n.notRunning;
      return "";
    }
    this.lastError = "0";
    element = String(element);
    if (element === n.entry) return this.entry;
    if (element === n.learnerId) return "preview-author";
    if (element === n.learnerName) return "Author, Preview";
    if (element === "cmi.core.credit" || element === "cmi.credit") return "credit";
    if (element === "cmi.core.lesson_mode" || element === "cmi.mode") return "normal";
    if (element === "cmi.interactions._count") return this.count("cmi.interactions.");
    if (element === "cmi.objectives._count") return this.count("cmi.objectives.");
    if (this.standard === "scorm12" && element.indexOf("cmi.interactions.") === 0) {
      this.lastError = n.writeOnly;
      return "";
    }
    if (Object.prototype.hasOwnProperty.call(this.data, element)) return this.data[element];
    this.lastError = n.notSet;
    return "";
  };

  Recorder.prototype.setValue = function (element, value) {
    if (!this.running) {
      this.lastError = this.standard === "scorm12" ? "301" : (this.ended ? "133" : "132");
      return "false";
    }
    this.data[String(element)] = String(value);
    this.lastError = "0";
    return "true";
  };

  Recorder.prototype.commit = function () {
    if (!this.running) {
      this.lastError = this.standard === "scorm12" ? "301" : (this.ended ? "143" : "142");
      return "false";
    }
    this.commits += 1;
    this.lastError = "0";
    return "true";
  };

  /* The object the lesson finds as window.API or window.API_1484_11. */
  Recorder.prototype.api = function () {
    var self = this;
    var n = this.names;
    var api = {};
    function wrap(name, fn) {
      api[name] = function (a, b) {
        var result = fn.call(self, a, b);
        if (name !== n.error && name !== n.errorText && name !== n.diagnostic) {
          self.log(name, b === undefined ? [a] : [a, b], result);
          self.changed();
        }
        return result;
      };
    }
    wrap(n.init, this.initialize);
    wrap(n.finish, this.finish);
    wrap(n.get, this.getValue);
    wrap(n.set, this.setValue);
    wrap(n.commit, this.commit);
    wrap(n.error, function () { return self.lastError; });
    wrap(n.errorText, function (code) { return ERRORS[String(code)] || ""; });
    wrap(n.diagnostic, function (code) { return ERRORS[String(code || self.lastError)] || ""; });
    return api;
  };

  /* Make this recorder the LMS the lesson will find in its parent window. */
  Recorder.prototype.install = function (win) {
    delete win.API;
    delete win.API_1484_11;
    win[this.names.global] = this.api();
  };

  Recorder.NAMES = NAMES;
  window.courseforgeRecorder = Recorder;
})();
