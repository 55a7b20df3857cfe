/* Small DOM and text helpers of the quiz parts. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;

  var el = lesson.el;

  function html(tag, className, markup) {
    // markup is the builder's rendered, escaped Markdown from the data block
    var node = el(tag, className);
    node.innerHTML = markup;
    return node;
  }

  function role(root, name) { return root.querySelector("[data-role=" + name + "]"); }

  function textOf(markup) {
    var node = document.createElement("div");
    node.innerHTML = markup;
    return node.textContent;
  }

  quizzes.el = el;
  quizzes.html = html;
  quizzes.role = role;
  quizzes.textOf = textOf;
})(window.courseforgeLesson = window.courseforgeLesson || {});
