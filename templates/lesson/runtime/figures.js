/* Figures: an Enlarge button on each, opening the image in a dialog that fills the window. */
(function (lesson) {
  "use strict";

  var dialog = document.querySelector("[data-role=zoom]");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var image = dialog.querySelector("[data-role=zoom-image]");
  var caption = dialog.querySelector("[data-role=zoom-caption]");
  var opener = null;

  function open(figure, button) {
    var source = figure.querySelector("img");
    var text = figure.querySelector("figcaption");
    image.src = source.getAttribute("src");
    image.alt = source.alt;
    caption.textContent = text ? text.textContent : "";
    caption.hidden = !text;
    opener = button;
    dialog.showModal();
    dialog.querySelector("[data-action=zoom-close]").focus();
  }

  var figures = document.querySelectorAll("main figure.figure");
  for (var i = 0; i < figures.length; i++) {
    var button = lesson.el("button", "figure-zoom", lesson.labels.text("lesson.enlarge_image"));
    button.type = "button";
    figures[i].appendChild(button);
    button.addEventListener("click", (function (figure, self) {
      return function () { open(figure, self); };
    })(figures[i], button));
  }
  dialog.querySelector("[data-action=zoom-close]").addEventListener("click", function () {
    dialog.close();
  });
  // a click on the backdrop (outside the picture) closes it too
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    if (opener) opener.focus();
    opener = null;
  });
})(window.courseforgeLesson = window.courseforgeLesson || {});
