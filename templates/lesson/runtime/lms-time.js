/* The LMS time formats: SCORM 1.2's timespan, ISO 8601 durations (SCORM 2004, xAPI). */
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

  lesson.pad = pad;
  lesson.timespan12 = timespan12;
  lesson.duration2004 = duration2004;
})(window.courseforgeLesson = window.courseforgeLesson || {});
