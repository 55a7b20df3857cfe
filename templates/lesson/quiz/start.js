/* A controller per quiz form of the lesson, started from the saved state. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var cf = quizzes.cf;
  var tracker = quizzes.tracker;
  var shared = quizzes.shared;
  var controllers = quizzes.controllers;
  var Controller = quizzes.Controller;
  var STATE_KEY = quizzes.STATE_KEY;
  var mergeStates = quizzes.mergeStates;
  var savedState = quizzes.savedState;
  var reportCourse = quizzes.reportCourse;
  var encodeQuiz = quizzes.encodeQuiz;
  var decodeQuiz = quizzes.decodeQuiz;
  var byModule = quizzes.byModule;

  tracker.mergeState(STATE_KEY, mergeStates);

  shared.modules.forEach(function (module, index) {
    var form = document.getElementById("quiz:" + module.id);
    if (!form) return;
    var controller = new Controller(module, form);
    controller.index = index;
    controllers.push(controller);
    controller.start(savedState(module.quiz, index));
  });
  cf.onPage(function (pageId) {
    controllers.forEach(function (c) {
      if (pageId === c.id + ".quiz" && c.state.phase === "a") c.shownAt = Date.now();
    });
  });
  // results of earlier sessions: the LMS hears them again, from the same real submissions
  if (reportCourse() || controllers.some(function (c) { return c.state.count > 0; })) {
    tracker.commit();
  }
  // an LMS that answered late: show what it held, merged with what was done meanwhile
  cf.onRestore(function () {
    controllers.forEach(function (c) {
      var st = savedState(c.quiz, c.index);
      if (encodeQuiz(c.quiz, st) !== encodeQuiz(c.quiz, c.state)) c.apply(st);
    });
    reportCourse();
    tracker.commit();
  });

  window.courseforgeQuiz = {
    encodeQuiz: function (moduleId, st) {
      return encodeQuiz(byModule(moduleId).quiz, st);
    },
    decodeQuiz: function (moduleId, text) { return decodeQuiz(byModule(moduleId).quiz, text); }
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
