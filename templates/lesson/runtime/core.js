/* courseforge lesson runtime: page navigation, progress and LMS tracking. No framework.
 *
 * The builder joins lesson/labels.js (the texts, in the course's language) and the files of
 * lesson/runtime/ into runtime.js in a fixed order; of the LMS adapters (marked *) a lesson
 * holds its own standard's only, and the web site none:
 *   core.js          course data, the state every store keeps, completion
 *   saved-state.js   suspend_data and the rules that merge two saved copies
 *   local-store.js   the browser's localStorage, alone or as the LMS's backup
 *   lms-time.js      the LMS time formats
 *   scorm-*.js     * SCORM: finding the API, the 1.2 / 2004 store and the elements it sends
 *   cmi5-*.js      * cmi5: the launch, the xAPI statements, the store, the exit button
 *   tracker.js       which store, committing, retries, the save notice; the tracker API
 *   figures.js       figures: the enlarge button and its dialog
 *   overview.js      the overview: Start / Resume, each module card's progress
 *   navigation.js    pages, contents, history; window.courseforge
 * Each file is a function of one shared namespace object (window.courseforgeLesson), which
 * is how they reach each other; it is no API. The API is window.courseforge:
 *
 * The lesson is one document; each <section class="page"> is a page shown one at a time.
 * Course data comes from <script type="application/json" id="courseforge-data">.
 *
 * Extension API, for quizzes and other interactive pages (window.courseforge):
 *   courseforge.pages                 page ids in order
 *   courseforge.go(idOrIndex)         show a page
 *   courseforge.onPage(fn)            fn(pageId, sectionElement) whenever a page is shown
 *   courseforge.tracker.standard      "scorm12" | "scorm2004" | "cmi5" | "local"
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
 */
(function (lesson) {
  "use strict";

  var data = JSON.parse(document.getElementById("courseforge-data").textContent);
  lesson.data = data;
  // every text the runtime shows, in the course's language (labels.js)
  lesson.labels = window.courseforgeLabels;
  lesson.pageIds = data.pages;
  // what must happen besides seeing every page, e.g. a counting quiz submitted
  lesson.gates = {};
  for (var g = 0; data.gates && g < data.gates.length; g++) lesson.gates[data.gates[g]] = false;
  lesson.B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /* What every store keeps, whichever it is. */
  lesson.state = {
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

  lesson.own = function (object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  };

  /* An element with a class and its text (set as text, never parsed as markup). */
  lesson.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  lesson.warn = function (message) {
    try { window.console.warn("courseforge: " + message); } catch (e) { /* no console */ }
  };

  lesson.seenCount = function () {
    var n = 0;
    for (var i = 0; i < lesson.pageIds.length; i++) if (lesson.state.seen[i]) n++;
    return n;
  };

  /* Complete once every page is seen and every gate settled; never undone. */
  lesson.updateCompletion = function () {
    for (var gate in lesson.gates) if (lesson.gates[gate] === false) return;
    if (lesson.seenCount() === lesson.pageIds.length) lesson.state.completion = "completed";
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
