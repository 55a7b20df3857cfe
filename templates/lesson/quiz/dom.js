/* Small DOM and text helpers of the quiz parts. */
(function (lesson) {
  "use strict";

  var quizzes = lesson.quizzes;
  if (!quizzes) return;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

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
