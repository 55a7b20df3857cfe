/* A stand-in LMS for tests: scorm-again's run-time API in this window, the SCO in an iframe.
 *
 *   startLms(version, stored, src)  version "1.2" | "2004"; stored: CMI data to preload (the
 *                                   LMS's record of an earlier session) or null; src: the SCO
 *   failLms(on)                     while on, SetValue and Commit answer "false" (error 101)
 *   closeSco()                      navigate the iframe away, as an LMS closing the lesson
 *   lmsState()                      {cmi, calls, errors}: the CMI data and every API call made
 */
"use strict";

var harness = { api: null, calls: [], failing: false, version: "" };

var METHODS = {
  "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
          "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"],
  "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit",
           "GetLastError", "GetErrorString", "GetDiagnostic"]
};
var FAILABLE = { LMSSetValue: true, LMSCommit: true, SetValue: true, Commit: true };

function facade(api, version) {
  var wrapper = {};
  var injectedError = false;
  METHODS[version].forEach(function (name) {
    wrapper[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result;
      if (harness.failing && FAILABLE[name]) {
        injectedError = true;
        result = "false";
      } else if (injectedError && /GetLastError$/.test(name)) {
        injectedError = false;
        result = "101";
      } else {
        if (!/GetLastError$/.test(name)) injectedError = false;
        result = api[name].apply(api, args);
      }
      harness.calls.push({ method: name, args: args.map(String), result: String(result) });
      return result;
    };
  });
  return wrapper;
}

function startLms(version, stored, src) {
  var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
  var api = version === "1.2" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  if (stored) api.loadFromJSON(stored);
  harness.api = api;
  harness.version = version;
  harness.calls = [];
  if (version === "1.2") window.API = facade(api, version);
  else window.API_1484_11 = facade(api, version);
  document.getElementById("sco").src = src;
}

function failLms(on) {
  harness.failing = !!on;
}

function closeSco() {
  document.getElementById("sco").src = "about:blank";
}

function lmsState() {
  return { cmi: JSON.parse(JSON.stringify(harness.api.cmi)), calls: harness.calls };
}
