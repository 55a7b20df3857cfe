/* What a result leads to: pages still to see, the finish state, and the printed summary. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;
  var labels = quizzes.labels;
  var percent = quizzes.percent;
  var outcomes = quizzes.outcomes;
  var Controller = quizzes.Controller;
  var el = quizzes.el;
  var role = quizzes.role;
  var SHOWN_UNSEEN = 5; // links to pages still to see; the rest are in Contents

  function titleOf(id) {
    var heading = document.getElementById(id + "-title");
    return heading ? heading.textContent : id;
  }

  function pageLink(id, className, text) {
    var link = el("a", className, text === undefined ? titleOf(id) : text);
    link.setAttribute("href", "#" + id);
    link.setAttribute("data-go", id);
    return link;
  }

  function unseenPages() {
    var ids = [];
    for (var i = 0; i < lesson.pageIds.length; i++) if (!lesson.state.seen[i]) ids.push(lesson.pageIds[i]);
    return ids;
  }

  /* After a result: the pages a learner who passed has still to see, or the finish state
     once the course is complete (then trying again is a secondary action). */
  Controller.prototype.showCourseProgress = function (box, result, graded, rec) {
    this.progressShown = [box, result, graded, rec];
    box.textContent = "";
    var left = this.attemptsLeft();
    var retry = this.form.querySelector("[data-action=retry]");
    retry.hidden = !(left > 0);
    lesson.updateCompletion();
    var complete = lesson.state.completion === "completed";
    retry.classList.toggle("button-secondary", complete);
    var passed = !graded || result.passed;
    var unseen = unseenPages();
    if (complete) {
      box.classList.add("finished");
      box.appendChild(el("p", "finish-title", labels.text("quiz.course_complete")));
      box.appendChild(pageLink(lesson.pageIds[0], "button", labels.text("quiz.back_to_overview")));
    } else if (passed && unseen.length) {
      box.classList.remove("finished");
      box.appendChild(el("p", "", labels.text("quiz.pages_to_see", { count: unseen.length })));
      var list = el("ul", "unseen");
      unseen.slice(0, SHOWN_UNSEEN).forEach(function (id) {
        list.appendChild(el("li")).appendChild(pageLink(id));
      });
      if (unseen.length > SHOWN_UNSEEN) {
        list.appendChild(el("li", "", labels.text("quiz.more_pages", { count: unseen.length - SHOWN_UNSEEN })));
      }
      box.appendChild(list);
    }
    this.fillPrintSummary(result, graded, rec);
  };

  // back on a quiz's result after seeing more pages: what is left has changed
  quizzes.cf.onPage(function (pageId) {
    quizzes.controllers.forEach(function (c) {
      if (pageId === c.id + ".quiz" && c.state.phase === "r" && c.progressShown) {
        c.showCourseProgress.apply(c, c.progressShown);
      }
    });
  });

  /* The one-page summary a learner prints: name (when the LMS gives one), date, course,
     score, outcome. Hidden on screen, where the result says all of it. */
  Controller.prototype.fillPrintSummary = function (result, graded, rec) {
    var list = role(this.form, "print-summary");
    list.textContent = "";
    function row(term, value) {
      if (!value) return;
      list.appendChild(el("dt", "", labels.text(term)));
      list.appendChild(el("dd", "", value));
    }
    var date = "";
    try {
      date = new Date().toLocaleDateString(labels.language, { year: "numeric", month: "long", day: "numeric" });
    } catch (e) { date = new Date().toDateString(); }
    row("quiz.summary_learner", lesson.learnerName || "");
    row("quiz.summary_date", date);
    row("quiz.summary_course", document.querySelector(".course-title").textContent);
    if (graded) {
      row("quiz.summary_score", percent(result.percent) + " · " +
        labels.text(result.passed ? "quiz.summary_passed" : "quiz.summary_not_passed"));
    }
    if (rec) row("quiz.summary_outcome", outcomes[rec.outcome].title);
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
