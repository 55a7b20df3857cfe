/* Navigation: one page shown at a time, the pager, the contents, history; window.courseforge. */
(function (lesson) {
  "use strict";

  var state = lesson.state;
  var pageIds = lesson.pageIds;
  var seenCount = lesson.seenCount;
  var updateCompletion = lesson.updateCompletion;
  var commit = lesson.commit;
  var commitSoon = lesson.commitSoon;
  var labels = lesson.labels;

  var sections = [];
  for (var s = 0; s < pageIds.length; s++) sections.push(document.getElementById(pageIds[s]));
  var prevButton = document.querySelector("[data-nav=prev]");
  var nextButton = document.querySelector("[data-nav=next]");
  var counter = document.querySelector("[data-role=counter]");
  var announcer = document.querySelector("[data-role=announce]");
  var courseTitle = document.title;
  var bar = document.querySelector("[data-role=progress]");
  var progressText = document.querySelector("[data-role=progress-text]");
  var tocLinks = document.querySelectorAll("[data-toc]");
  var tocPages = [];  // each Contents link's page index, and what it last showed
  var tocShown = [];
  var tocToggle = document.querySelector("[data-role=toc-toggle]");
  var toc = document.getElementById("toc");
  var listeners = [];
  var current = -1;

  function indexOf(id) {
    for (var i = 0; i < pageIds.length; i++) if (pageIds[i] === id) return i;
    return -1;
  }

  for (var k = 0; k < tocLinks.length; k++) {
    tocPages.push(indexOf(tocLinks[k].getAttribute("data-toc")));
    tocShown.push("");
  }

  function render() {
    var seen = seenCount();
    var percent = Math.round(seen / pageIds.length * 100);
    bar.value = seen;
    bar.max = pageIds.length;
    progressText.textContent = labels.text("lesson.percent_seen", { percent: labels.percent(percent, 0) });
    counter.textContent = labels.text("lesson.page_counter", { number: current + 1, total: pageIds.length });
    if (lesson.renderOverview) lesson.renderOverview();
    prevButton.disabled = current <= 0;
    nextButton.disabled = current >= pageIds.length - 1;
    for (var i = 0; i < tocLinks.length; i++) {
      var link = tocLinks[i];
      var at = tocPages[i];
      var shown = (at === current ? "c" : "") + (state.seen[at] ? "s" : "");
      if (shown === tocShown[i]) continue;  // a long course: touch only what changed
      tocShown[i] = shown;
      if (at === current) {
        if (link.getAttribute("aria-current") !== "page") revealInContents(link);
        link.setAttribute("aria-current", "page");
      } else link.removeAttribute("aria-current");
      // the tick is drawn, not written: the link's name stays the page title, and "seen"
      // is its description
      link.classList.toggle("seen", !!state.seen[at]);
      if (state.seen[at]) link.setAttribute("aria-describedby", "toc-seen");
      else link.removeAttribute("aria-describedby");
    }
  }

  /* A table wider than its page says that it scrolls (on a phone, most do). */
  function markWideTables() {
    var boxes = sections[current].querySelectorAll(".table-scroll");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].classList.toggle("is-wide", boxes[i].scrollWidth > boxes[i].clientWidth + 1);
    }
  }

  /* The contents list scrolled (on its own) to show the current page's entry. */
  function revealInContents(link) {
    if (toc.scrollHeight <= toc.clientHeight) return;
    var top = link.getBoundingClientRect().top - toc.getBoundingClientRect().top + toc.scrollTop;
    var bottom = top + link.offsetHeight;
    if (top < toc.scrollTop) toc.scrollTop = top;
    else if (bottom > toc.scrollTop + toc.clientHeight) toc.scrollTop = bottom - toc.clientHeight;
  }

  /* Shows page ``index``. ``initial``: on load; ``fromHistory``: the browser's Back or
     Forward (or a typed fragment) asked for it, so no history entry is added. */
  function show(index, focusHeading, initial, fromHistory) {
    index = Math.max(0, Math.min(pageIds.length - 1, index));
    var moved = index !== current;
    if (!initial) movedByLearner = true;
    var heading = sections[index].querySelector("h1");
    if (moved) {
      if (current < 0) {
        for (var i = 0; i < sections.length; i++) sections[i].hidden = i !== index;
      } else {
        sections[current].hidden = true;
        sections[index].hidden = false;
      }
      current = index;
      // at once: a smooth scroll would sweep through the whole new page
      window.scrollTo({ top: 0, left: 0, behavior: "instant" });
      var title = heading ? heading.textContent : "";
      document.title = title && title !== courseTitle ? title + " · " + courseTitle : courseTitle;
      // screen readers hear where they are: the counter alone would say "Page 3 of 53"
      if (!initial && !focusHeading && announcer) {  // a focused heading is read out anyway
        announcer.textContent = labels.text("lesson.page_announcement",
          { number: index + 1, total: pageIds.length, title: title });
      }
    }
    // the overview keeps the place in the course: a relaunch, and its Resume, return there
    if (index > 0 || !state.location) state.location = pageIds[index];
    state.seen[index] = true;
    updateCompletion();
    render();
    if (focusHeading || document.activeElement === null || document.activeElement.disabled) {
      if (heading) heading.focus({ preventScroll: true });
    }
    if (!initial && !fromHistory && moved) {
      // a history entry per page, so Back returns to the page before (not on load: a
      // fragment moves the Tab starting point away from the skip link)
      try { history.pushState(null, "", "#" + pageIds[index]); } catch (e) { /* file: */ }
    }
    if (moved) markWideTables();
    commitSoon();
    for (var l = 0; l < listeners.length; l++) listeners[l](pageIds[index], sections[index]);
  }

  lesson.render = render;

  /* An LMS that answered after the lesson started brought a bookmark: it is where the learner
     resumes, unless they have moved on already. */
  var movedByLearner = false;
  lesson.resume = function (pageId) {
    var index = indexOf(pageId);
    if (index >= 0 && index !== current && !movedByLearner) show(index, false, true);
  };

  function go(target) {
    var index = typeof target === "number" ? target : indexOf(target);
    if (index >= 0) show(index, true);
  }

  // focus moves to the new page's title: the next Tab reaches its first control, not the
  // contents or the end of the document
  prevButton.addEventListener("click", function () { show(current - 1, true); });
  nextButton.addEventListener("click", function () { show(current + 1, true); });
  for (var t = 0; t < tocLinks.length; t++) {
    tocLinks[t].addEventListener("click", function (event) {
      event.preventDefault();
      document.documentElement.classList.remove("toc-open");
      tocToggle.setAttribute("aria-expanded", "false");
      go(this.getAttribute("data-toc"));
    });
  }
  function closeContents(focusToggle) {
    if (!document.documentElement.classList.contains("toc-open")) return;
    document.documentElement.classList.remove("toc-open");
    tocToggle.setAttribute("aria-expanded", "false");
    if (focusToggle) tocToggle.focus();
  }
  tocToggle.addEventListener("click", function () {
    var open = document.documentElement.classList.toggle("toc-open");
    tocToggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var here = toc.querySelector("a[aria-current=page]") || toc.querySelector("a");
      here.focus();
      revealInContents(here);
    }
  });
  // the phone's contents overlay: Escape closes it; so does moving focus out of it
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeContents(true);
  });
  document.addEventListener("focusin", function (event) {
    if (!toc.contains(event.target) && event.target !== tocToggle) closeContents(false);
  });
  window.addEventListener("resize", function () { if (current >= 0) markWideTables(); });
  window.addEventListener("hashchange", function () {
    var index = indexOf(decodeURIComponent(location.hash.slice(1)));
    if (index >= 0 && index !== current) show(index, true, false, true);
  });

  // commit when the learner leaves the tab or app: unload events are not reliable
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") commit();
  });
  window.addEventListener("pagehide", lesson.finish);

  document.documentElement.classList.add("js");
  // the styles for the page while the runtime loaded (loading.css) go: the browser would
  // check their :has() rules again on every page change, across the whole lesson
  var loadingStyles = document.querySelector("style[data-role=loading-styles]");
  if (loadingStyles) loadingStyles.remove();
  var fromHash = indexOf(decodeURIComponent(location.hash.slice(1)));
  var resume = indexOf(state.location);
  // a link to a page (#page) opens that page; without one the learner resumes where they were
  show(fromHash >= 0 ? fromHash : resume >= 0 ? resume : 0, false, true);

  window.courseforge = {
    pages: pageIds.slice(),
    go: go,
    onPage: function (fn) { listeners.push(fn); },
    onRestore: function (fn) { lesson.restoreListeners.push(fn); },
    tracker: lesson.tracker
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
