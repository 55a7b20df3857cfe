/* Finding a SCORM API object (window.API, window.API_1484_11) in the parent or opener chain. */
(function (lesson) {
  "use strict";

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

  lesson.findApi = findApi;
})(window.courseforgeLesson = window.courseforgeLesson || {});
