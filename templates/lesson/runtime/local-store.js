/* The browser's own storage: the whole store without an LMS, and the LMS store's backup. */
(function (lesson) {
  "use strict";

  var data = lesson.data;
  var state = lesson.state;
  var snapshot = lesson.snapshot;
  var mergeSnapshot = lesson.mergeSnapshot;

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

  /* Progress kept in this browser only, under the course's scope and version. */
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

  lesson.recall = recall;
  lesson.keep = keep;
  lesson.LocalStore = LocalStore;
})(window.courseforgeLesson = window.courseforgeLesson || {});
