/* The LMS formats: SCORM 1.2's timespan, ISO 8601 durations (SCORM 2004, xAPI), scores. */
(function (lesson) {
  "use strict";

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

  /* A score with 4 decimals at most: 0.6667, never 0.6667000000000001. */
  function round4(value) {
    return Math.round(value * 10000) / 10000;
  }

  lesson.pad = pad;
  lesson.round4 = round4;
  lesson.timespan12 = timespan12;
  lesson.duration2004 = duration2004;
})(window.courseforgeLesson = window.courseforgeLesson || {});
