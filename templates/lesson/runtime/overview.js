/* The overview: Start / Resume, and each module card's own progress. */
(function (lesson) {
  "use strict";

  var state = lesson.state;
  var pageIds = lesson.pageIds;
  var labels = lesson.labels;
  var resume = document.querySelector("[data-role=resume]");
  var note = document.querySelector("[data-role=resume-note]");
  var cards = document.querySelectorAll(".module-card");

  function titleOf(id) {
    var heading = document.getElementById(id + "-title");
    return heading ? heading.textContent : id;
  }

  function firstUnseen() {
    for (var i = 1; i < pageIds.length; i++) if (!state.seen[i]) return pageIds[i];
    return "";
  }

  // each card's pages (their indexes), found once: a page change renders every card
  var cardPages = [];
  for (var c = 0; c < cards.length; c++) {
    var prefix = cards[c].getAttribute("data-module") + ".";
    var own = [];
    for (var p = 1; p < pageIds.length; p++) if (pageIds[p].indexOf(prefix) === 0) own.push(p);
    cardPages.push(own);
  }

  function renderCard(card, own) {
    var seen = 0, total = own.length, unseen = "";
    for (var i = 0; i < total; i++) {
      if (state.seen[own[i]]) seen++;
      else if (!unseen) unseen = pageIds[own[i]];
    }
    var bar = card.querySelector("[data-role=module-progress]");
    bar.value = seen;
    card.querySelector("[data-role=module-progress-text]").textContent = seen === 0
      ? labels.text("lesson.module_not_started")
      : seen === total ? labels.text("lesson.module_done")
        : labels.text("lesson.module_pages_seen", { seen: seen, count: total });
    card.classList.toggle("is-done", seen === total);
    // the card leads to the module's first page not yet seen
    var link = card.querySelector("[data-role=module-link]");
    var target = unseen || link.getAttribute("data-first") || link.getAttribute("data-go");
    if (!link.hasAttribute("data-first")) link.setAttribute("data-first", link.getAttribute("data-go"));
    link.setAttribute("data-go", target);
    link.setAttribute("href", "#" + target);
  }

  /* Called whenever a page is shown or the saved progress arrives. */
  lesson.renderOverview = function () {
    // the page the learner was last on (the overview never replaces it): where Resume goes
    var lastPage = state.location !== pageIds[0] && pageIds.indexOf(state.location) > 0
      ? state.location : "";
    for (var c = 0; c < cards.length; c++) renderCard(cards[c], cardPages[c]);
    if (!resume || pageIds.length < 2) return;
    var started = lesson.seenCount() > 1;
    var target = lastPage || firstUnseen() || pageIds[1];
    resume.textContent = labels.text(started ? "lesson.resume" : "lesson.start_course");
    resume.setAttribute("data-go", target);
    resume.setAttribute("href", "#" + target);
    note.textContent = started ? labels.text("lesson.resume_note", { title: titleOf(target) }) : "";
  };

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-go]") : null;
    if (!link || !window.courseforge) return;
    event.preventDefault();
    window.courseforge.go(link.getAttribute("data-go"));
  });
})(window.courseforgeLesson = window.courseforgeLesson || {});
