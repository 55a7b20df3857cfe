/* cmi5: the Exit control, for a launch whose LMS.LaunchData names a returnURL (section 10.2.6).
 *
 * The button waits hidden in the top bar; the cmi5 store shows it once the session opened with
 * a returnURL. Exit saves, sends what is queued and terminated, waits for the LRS at most
 * EXIT_WAIT_MS, then takes the window to the returnURL. What the LRS did not confirm stays in
 * this browser for the learner's next launch, as when the tab is closed.
 */
(function (lesson) {
  "use strict";

  var EXIT_WAIT_MS = 4000;

  /* Shows the Exit button; a click ends the session and goes to ``returnUrl``. */
  function offerExit(returnUrl) {
    var button = document.querySelector("[data-action=exit]");
    if (!button || !button.hidden) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") return;
      // aria-disabled, not disabled: the focus stays on the button while the LRS answers
      button.setAttribute("aria-disabled", "true");
      button.textContent = lesson.labels.text("lesson.exiting");
      var leave = function () { window.location.assign(returnUrl); };
      var bound = new Promise(function (resolve) { setTimeout(resolve, EXIT_WAIT_MS); });
      Promise.race([lesson.finish(), bound]).then(leave, leave);
    });
  }

  lesson.cmi5.offerExit = offerExit;
})(window.courseforgeLesson = window.courseforgeLesson || {});
