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
 *                                     a[.]b); result "correct" | "incorrect" | "neutral" ...;
 *                                     translated for SCORM 1.2
 *   tracker.getState(name)            a value saved before (also after a relaunch), or undefined
 *   tracker.saveState(name, value)    JSON value kept in suspend_data; keep it small, since
 *                                     SCORM 1.2 allows 4096 characters for the whole record
 *   tracker.commit()                  send everything to the LMS now (retried on failure)
 * Quiz pages are <section class="page" data-kind="quiz"> holding an empty
 * <div class="quiz-slot" data-quiz="MODULE-ID"> for the quiz runtime to fill.
 *
 * suspend_data: {"v":1,"n":PAGES,"p":SEEN[,"x":{SECTIONS}]} where SEEN is a bitset of seen
 * pages, 6 pages per base64url character. The builder computes its worst-case length.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("courseforge-data").textContent);
  var pageIds = data.pages;
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var MAX_RETRY_MS = 30000;

  /* ---------- state shared by every store ---------- */

  var state = {
    location: "",
    seen: [],
    completion: "incomplete",
    success: "",
    score: null,
    sections: {},
    interactions: []
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
    if (!api) {
      try { if (window.opener) api = searchChain(window.opener, name); } catch (e) { api = null; }
    }
    return api;
  }

  /* ---------- SCORM stores ---------- */

  var SCORM12 = {
    standard: "scorm12", api: "API",
    init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
    finish: "LMSFinish", error: "LMSGetLastError",
    location: "cmi.core.lesson_location", exit: "cmi.core.exit",
    sessionTime: "cmi.core.session_time", time: timespan12
  };
  var SCORM2004 = {
    standard: "scorm2004", api: "API_1484_11",
    init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
    finish: "Terminate", error: "GetLastError",
    location: "cmi.location", exit: "cmi.exit",
    sessionTime: "cmi.session_time", time: duration2004
  };

  function ScormStore(names, api) {
    this.names = names;
    this.api = api;
    this.standard = names.standard;
    this.sent = {};
    this.nextInteraction = 0;
  }

  ScormStore.prototype.call = function (method, a, b) {
    try {
      return String(b === undefined ? this.api[method](a) : this.api[method](a, b));
    } catch (e) {
      return "false";
    }
  };

  ScormStore.prototype.read = function (element) {
    var value = this.call(this.names.get, element);
    var code = this.call(this.names.error, "");
    // 2004 answers 403 for location and suspend_data never stored: that is "empty"
    return code === "0" || code === "" ? value : "";
  };

  ScormStore.prototype.open = function () {
    if (this.call(this.names.init, "") !== "true") return false;
    var v12 = this.standard === "scorm12";
    this.read(v12 ? "cmi.core.entry" : "cmi.entry");
    state.location = this.read(this.names.location);
    restoreSuspendData(this.read("cmi.suspend_data"));
    var status = this.read(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
    if (status === "completed" || status === "passed" || status === "failed") {
      state.completion = "completed"; // never downgrade a finished attempt
    }
    if (status === "passed" || status === "failed") state.success = status;
    if (!v12) {
      var success = this.read("cmi.success_status");
      if (success === "passed" || success === "failed") state.success = success;
    }
    this.nextInteraction = parseInt(this.read("cmi.interactions._count"), 10) || 0;
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
    v.push([n.location, state.location], ["cmi.suspend_data", suspendData()],
      [n.exit, "suspend"], [n.sessionTime, n.time(elapsedMs)]);
    return v;
  };

  ScormStore.prototype.interactionValues = function (item, index) {
    var v12 = this.standard === "scorm12";
    var p = "cmi.interactions." + index + ".";
    var out = [[p + "id", item.id], [p + "type", item.type]];
    var convert = function (text) {
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
    var when = new Date(item.at);
    out.push(v12 ? [p + "time", pad(when.getHours(), 2) + ":" + pad(when.getMinutes(), 2) + ":" +
      pad(when.getSeconds(), 2)] : [p + "timestamp", when.toISOString().slice(0, 19)]);
    return out;
  };

  /* Sends what the LMS does not have yet; false when anything failed (then all is resent). */
  ScormStore.prototype.save = function (elapsedMs) {
    var ok = true;
    var values = this.values(elapsedMs);
    for (var i = 0; i < values.length; i++) {
      var key = values[i][0];
      var value = values[i][1];
      if (key !== this.names.sessionTime && this.sent[key] === value) continue;
      if (this.call(this.names.set, key, value) === "true") this.sent[key] = value;
      else ok = false;
    }
    while (ok && state.interactions.length) {
      var item = state.interactions[0];
      if (item.index === undefined) item.index = this.nextInteraction++;
      var fields = this.interactionValues(item, item.index);
      for (var f = 0; f < fields.length && ok; f++) {
        ok = this.call(this.names.set, fields[f][0], fields[f][1]) === "true";
      }
      if (ok) state.interactions.shift();
    }
    if (ok) ok = this.call(this.names.commit, "") === "true";
    if (!ok) this.sent = {}; // the LMS may have dropped anything: send it all again
    return ok;
  };

  ScormStore.prototype.close = function () {
    this.call(this.names.finish, "");
  };

  /* ---------- the browser's own storage, without an LMS ---------- */

  function LocalStore() {
    this.standard = "local";
    this.key = "courseforge:" + data.scope + ":" + data.version;
  }

  LocalStore.prototype.open = function () {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (e) { saved = null; }
    if (saved && typeof saved === "object") {
      state.location = saved.location || "";
      restoreSuspendData(saved.suspend || "");
      if (saved.completion === "completed") state.completion = "completed";
      state.success = saved.success || "";
      state.score = saved.score || null;
    }
    return true;
  };

  LocalStore.prototype.save = function () {
    state.interactions = []; // nobody reads them without an LMS
    try {
      window.localStorage.setItem(this.key, JSON.stringify({
        location: state.location, suspend: suspendData(), completion: state.completion,
        success: state.success, score: state.score
      }));
    } catch (e) {
      // private browsing or a full quota: the lesson still works for this visit
    }
    return true;
  };

  LocalStore.prototype.close = function () {};

  /* ---------- the tracker ---------- */

  var startedAt = Date.now();
  var store = null;
  var names = data.standard === "scorm12" ? SCORM12 : data.standard === "scorm2004" ? SCORM2004 : null;
  var api = names ? findApi(names.api) : null;
  if (api) {
    store = new ScormStore(names, api);
    if (!store.open()) store = null;
  }
  if (!store) {
    store = new LocalStore();
    store.open();
  }

  var retryDelay = 1000;
  var retryTimer = null;
  var finished = false;

  function commit() {
    if (finished) return false;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    var ok = store.save(Date.now() - startedAt);
    if (ok) {
      retryDelay = 1000;
    } else {
      // keep everything in memory and try again later; nothing is lost meanwhile
      retryTimer = setTimeout(commit, retryDelay);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
    }
    return ok;
  }

  function finish() {
    if (finished) return;
    commit();
    finished = true;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    store.close();
  }

  var tracker = {
    standard: store.standard,
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
    getState: function (name) {
      return Object.prototype.hasOwnProperty.call(state.sections, name) ? state.sections[name] : undefined;
    },
    saveState: function (name, value) {
      state.sections[name] = value;
    },
    commit: commit,
    suspendData: suspendData
  };

  /* ---------- navigation ---------- */

  var sections = [];
  for (var s = 0; s < pageIds.length; s++) sections.push(document.getElementById(pageIds[s]));
  var prevButton = document.querySelector("[data-nav=prev]");
  var nextButton = document.querySelector("[data-nav=next]");
  var counter = document.querySelector("[data-role=counter]");
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
      if (at === current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
      link.classList.toggle("seen", !!state.seen[at]);
    }
  }

  function show(index, focusHeading, initial) {
    index = Math.max(0, Math.min(pageIds.length - 1, index));
    if (index !== current) {
      for (var i = 0; i < sections.length; i++) sections[i].hidden = i !== index;
      current = index;
      window.scrollTo(0, 0);
    }
    state.location = pageIds[index];
    state.seen[index] = true;
    if (seenCount() === pageIds.length) state.completion = "completed";
    render();
    if (focusHeading || document.activeElement === null || document.activeElement.disabled) {
      var heading = sections[index].querySelector("h1");
      if (heading) heading.focus();
    }
    if (!initial) {
      // not on load: a fragment moves the Tab starting point away from the skip link
      try { history.replaceState(null, "", "#" + pageIds[index]); } catch (e) { /* file: */ }
    }
    commit();
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
  tocToggle.addEventListener("click", function () {
    var open = document.documentElement.classList.toggle("toc-open");
    tocToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) toc.querySelector("a").focus();
  });
  window.addEventListener("hashchange", function () {
    var index = indexOf(decodeURIComponent(location.hash.slice(1)));
    if (index >= 0 && index !== current) show(index, true);
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
    tracker: tracker
  };
})();
