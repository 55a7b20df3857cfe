/* A stand-in LMS for tests: scorm-again's run-time API in this window, the SCO in an iframe.
 *
 *   startLms(version, stored, src, options)
 *                                   version "1.2" | "2004"; stored: CMI data to preload (the
 *                                   LMS's record of an earlier session) or null; src: the SCO;
 *                                   options (optional): {faults: rules for faultLms,
 *                                   missing: no API at all, initialized: the LMS calls
 *                                   Initialize itself before the SCO does}
 *   failLms(on)                     while on, SetValue and Commit answer "false" (error 101)
 *   faultLms(rules)                 inject faults, first matching rule wins; a rule is
 *                                   {methods: ["Initialize" | "GetValue" | "SetValue" |
 *                                   "Commit" | "Terminate" ...] (1.2 names without "LMS",
 *                                   LMSFinish as "Terminate"), action: "fail" (answer "false"
 *                                   or "", then GetLastError gives code) | "throw" | "delay"
 *                                   (busy-wait delayMs, then answer), code, element (a prefix
 *                                   of the first argument), calls (for this many calls),
 *                                   forMs (for this long from now)}
 *   lmsTerminates()                 the LMS ends the session itself, before the SCO does
 *   closeSco()                      navigate the iframe away, as an LMS closing the lesson
 *   lmsState()                      {cmi, calls, errors}: the CMI data and every API call made
 */
"use strict";

var harness = { api: null, calls: [], failing: false, version: "", faults: [] };

var METHODS = {
  "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
          "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"],
  "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit",
           "GetLastError", "GetErrorString", "GetDiagnostic"]
};
var FAILABLE = { LMSSetValue: true, LMSCommit: true, SetValue: true, Commit: true };

function neutralName(name) {
  return name === "LMSFinish" ? "Terminate" : name.replace(/^LMS/, "");
}

/* The first fault rule for a call (counting it down), or null. */
function faultFor(name, args) {
  var method = neutralName(name);
  for (var i = 0; i < harness.faults.length; i++) {
    var rule = harness.faults[i];
    if (rule.methods.indexOf(method) < 0) continue;
    if (rule.element && String(args[0]).indexOf(rule.element) !== 0) continue;
    if (rule.until !== undefined && Date.now() > rule.until) continue;
    if (rule.calls !== undefined) {
      if (rule.calls <= 0) continue;
      rule.calls--;
    }
    return rule;
  }
  return null;
}

function busyWait(ms) {
  var end = Date.now() + ms;
  while (Date.now() < end) { /* an LMS that blocks the page, as synchronous XHR does */ }
}

function facade(api, version) {
  var wrapper = {};
  var injectedError = "";
  METHODS[version].forEach(function (name) {
    wrapper[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result;
      var rule = faultFor(name, args);
      if (rule && rule.action === "delay") {
        busyWait(rule.delayMs);
        rule = null;
      }
      if (rule && rule.action === "throw") {
        harness.calls.push({ method: name, args: args.map(String), result: "throw" });
        throw new Error("LMS failure in " + name);
      }
      var query = /(GetLastError|GetErrorString|GetDiagnostic)$/.test(name);
      if (rule && rule.action === "fail") {
        injectedError = String(rule.code || "101");
        result = /GetValue$/.test(name) ? "" : "false";
      } else if (harness.failing && FAILABLE[name]) {
        injectedError = "101";
        result = "false";
      } else if (injectedError && /GetLastError$/.test(name)) {
        result = injectedError; // kept until the next call that is not an error query
      } else {
        if (!query) injectedError = "";
        result = api[name].apply(api, args);
      }
      harness.calls.push({ method: name, args: args.map(String), result: String(result) });
      return result;
    };
  });
  return wrapper;
}

function startLms(version, stored, src, options) {
  options = options || {};
  var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
  var api = version === "1.2" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  if (stored) api.loadFromJSON(stored);
  harness.api = api;
  harness.version = version;
  harness.calls = [];
  faultLms(options.faults || []);
  if (options.initialized) api[version === "1.2" ? "LMSInitialize" : "Initialize"]("");
  if (options.missing) {
    // no API anywhere: the SCO opened outside an LMS, or an LMS that failed to load its API
  } else if (version === "1.2") {
    window.API = facade(api, version);
  } else {
    window.API_1484_11 = facade(api, version);
  }
  document.getElementById("sco").src = src;
}

function failLms(on) {
  harness.failing = !!on;
}

function faultLms(rules) {
  harness.faults = rules.map(function (rule) {
    var copy = JSON.parse(JSON.stringify(rule));
    if (rule.forMs !== undefined) copy.until = Date.now() + rule.forMs;
    return copy;
  });
}

function lmsTerminates() {
  harness.api[harness.version === "1.2" ? "LMSFinish" : "Terminate"]("");
  // scorm-again's 1.2 API still takes data after LMSFinish; a strict LMS answers 101
  if (harness.version === "1.2") {
    harness.faults.push({ methods: ["GetValue", "SetValue", "Commit"], action: "fail", code: "101" });
  }
}

function closeSco() {
  document.getElementById("sco").src = "about:blank";
}

function lmsState() {
  return { cmi: JSON.parse(JSON.stringify(harness.api.cmi)), calls: harness.calls };
}
