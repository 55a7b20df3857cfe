/* SCORM and cmi5: the page shown again after its LMS session ended.
 *
 * Leaving the page (pagehide) ends the session: Terminate or LMSFinish (SCORM), terminated
 * (cmi5). The browser may keep the page in its back/forward cache and show it again when the
 * learner comes back through history. Nothing may be sent after that (SCORM 2004 RTE 3.1.4.2,
 * SCORM 1.2 RTE 3.3.2.2, cmi5 section 9.3.8), and the LMS gave one session per launch, so this
 * page cannot start a new one. The tracker calls lesson.sessionEnded, and the learner is told
 * so, in a dialog and in the status line that stays: the lesson still reads and answers as
 * before, but nothing more is recorded; to continue, they return to the LMS (its return
 * address, when the launch named one) and launch the course again. Hiding the lesson would
 * cost the learner the reading and gain nothing.
 */
(function (lesson) {
  "use strict";

  var text = lesson.labels.text;
  var element = lesson.el;

  /* The dialog: what happened, what it means, the way back to the LMS. */
  function endedDialog(returnUrl) {
    var dialog = element("dialog", "session-ended");
    dialog.setAttribute("data-role", "session-ended");
    dialog.setAttribute("aria-labelledby", "session-ended-title");
    var title = element("h2", "", text("lesson.session_ended_title"));
    title.id = "session-ended-title";
    dialog.appendChild(title);
    var explanation = element("p", "", text("lesson.session_ended_text"));
    explanation.id = "session-ended-text";  // read with the title, not skipped for the button
    dialog.setAttribute("aria-describedby", explanation.id);
    dialog.appendChild(explanation);
    var actions = element("p", "session-ended-actions");
    if (returnUrl) {
      var back = element("a", "button", text("lesson.session_ended_return"));
      back.href = returnUrl;
      actions.appendChild(back);
    }
    var stay = element("button", "button button-secondary", text("lesson.session_ended_stay"));
    stay.type = "button";
    stay.addEventListener("click", function () { dialog.close(); });
    actions.appendChild(stay);
    dialog.appendChild(actions);
    return dialog;
  }

  /* Tells the learner the session is over; ``returnUrl`` ("" for none) leads back to the LMS. */
  function sessionEnded(returnUrl) {
    var box = document.querySelector("[data-role=save-notice]");
    if (box) box.textContent = text("lesson.notice_session_over");
    var exit = document.querySelector("[data-action=exit]");
    if (exit && exit.getAttribute("aria-disabled") === "true") { // left by Exit: offer it again
      exit.removeAttribute("aria-disabled");
      exit.textContent = text("lesson.exit");
    }
    if (document.querySelector("[data-role=session-ended]")) return;
    var dialog = endedDialog(returnUrl);
    document.body.appendChild(dialog);
    var before = document.activeElement;
    dialog.addEventListener("close", function () {
      if (before && before.focus && document.contains(before)) before.focus();
    });
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    dialog.querySelector(".button").focus();
  }

  lesson.sessionEnded = sessionEnded;
})(window.courseforgeLesson = window.courseforgeLesson || {});
