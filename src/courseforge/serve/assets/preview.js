/* The preview page: the lesson in a frame against the recording LMS, the inspector beside it,
 * reloaded in place (same page, same scroll) after each good build, errors shown over it.
 */
(function () {
  "use strict";

  var settings = JSON.parse(document.getElementById("preview-settings").textContent);
  var labels = settings.labels;
  var frame = document.getElementById("lesson");
  var inspectorBody = document.getElementById("inspector-body");
  var overlay = document.getElementById("overlay");
  var buildState = document.getElementById("build-state");
  var outlineView = document.getElementById("outline-view");
  var lessonView = document.getElementById("lesson-view");
  var STORE_KEY = "courseforge-preview:standard";

  var standard = "scorm12";
  try {
    var saved = localStorage.getItem(STORE_KEY);
    if (settings.standards.indexOf(saved) >= 0) standard = saved;
  } catch (e) { /* storage refused: the default */ }
  var recorder = null;
  var shown = 0; // the build the frame shows
  var latest = null; // the latest status from the server
  var drawPending = false;
  var pendingScroll = null;

  var format = window.courseforgePreviewDom.format;

  function drawInspector() {
    if (drawPending) return;
    drawPending = true;
    window.requestAnimationFrame(function () {
      drawPending = false;
      window.courseforgeInspector.render(inspectorBody, labels, recorder);
    });
  }

  function useStandard(name) {
    standard = name;
    try { localStorage.setItem(STORE_KEY, name); } catch (e) { /* not kept */ }
    recorder = new window.courseforgeRecorder(name, drawInspector);
    recorder.install(window);
    Array.prototype.forEach.call(document.querySelectorAll("input[name=standard]"), function (i) {
      i.checked = i.value === name;
    });
    drawInspector();
  }

  /* Where the author is in the lesson: its page (the fragment) and scroll position. */
  function place() {
    try {
      var win = frame.contentWindow;
      return { hash: win.location.hash, scroll: win.scrollY };
    } catch (e) {
      return { hash: "", scroll: 0 };
    }
  }

  function launch(hash, scroll) {
    pendingScroll = scroll || 0;
    frame.src = "/lesson/" + standard + "/index.html?build=" + shown + (hash || "");
  }

  frame.addEventListener("load", function () {
    var root = document.documentElement;
    root.setAttribute("data-shown-at", String(Date.now())); // edit-to-screen, for benchmarks
    root.setAttribute("data-shown-build", String(shown));
    if (pendingScroll) {
      try { frame.contentWindow.scrollTo(0, pendingScroll); } catch (e) { /* gone */ }
    }
    pendingScroll = null;
  });

  function showErrors(status) {
    var list = document.getElementById("overlay-list");
    list.textContent = "";
    status.diagnostics.forEach(function (d) {
      var item = document.createElement("li");
      item.className = "diagnostic diagnostic-" + d.severity;
      var where = document.createElement("code");
      where.textContent = d.path + (d.line ? ":" + d.line : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + d.severity + ": " + d.message + " [" +
        d.code + "]"));
      list.appendChild(item);
    });
    document.getElementById("overlay-note").textContent = status.good ?
      labels.errors_kept : labels.no_build;
    overlay.hidden = false;
  }

  /* Swap the changed slides' title and body in the open lesson; false when it cannot. */
  function patchPages(pages) {
    var doc;
    try { doc = frame.contentDocument; } catch (e) { return false; }
    if (!doc || !doc.body) return false;
    var targets = pages.map(function (page) {
      var section = doc.getElementById(page.id);
      return section && { section: section, heading: doc.getElementById(page.id + "-title"),
        prose: section.querySelector(".prose"), link: doc.querySelector(
          '[data-toc="' + page.id.replace(/["\\]/g, "") + '"]'), page: page };
    });
    if (targets.some(function (t) { return !t || !t.heading || !t.prose; })) return false;
    targets.forEach(function (t) {
      t.heading.innerHTML = t.page.title; // markup the build escaped and sanitised
      t.prose.innerHTML = t.page.body;
      if (t.link && t.page.link) t.link.innerHTML = t.page.link; // its tick kept
    });
    try { // the lesson measures its tables again (a wide one says it scrolls)
      frame.contentWindow.dispatchEvent(new Event("resize"));
    } catch (e) { /* gone */ }
    return true;
  }

  function onStatus(status) {
    latest = status;
    if (status.failed) {
      showErrors(status);
      buildState.textContent = labels.errors_title;
    } else {
      overlay.hidden = true;
      buildState.textContent = format(labels.built, { ms: Math.round(status.milliseconds) });
    }
    if (status.good && status.good !== shown && status.patch && status.patch_from === shown &&
        patchPages(status.patch)) {
      shown = status.good;
      document.documentElement.setAttribute("data-shown-at", String(Date.now()));
      document.documentElement.setAttribute("data-shown-build", String(shown));
    } else if (status.good && status.good !== shown) {
      var at = shown ? place() : { hash: "", scroll: 0 };
      shown = status.good;
      launch(at.hash, at.scroll);
    } else {
      return;
    }
    // the outline on screen follows every new build, swapped in or reloaded
    if (!outlineView.hidden) window.courseforgeOutline.load(
      document.getElementById("outline-body"), labels);
  }

  function listen() {
    var events = new EventSource("/events");
    events.onmessage = function (event) { onStatus(JSON.parse(event.data)); };
    events.onerror = function () {
      if (events.readyState === EventSource.CLOSED || events.readyState === EventSource.CONNECTING) {
        buildState.textContent = labels.disconnected;
      }
    };
  }

  function showView(outline) {
    outlineView.hidden = !outline;
    lessonView.hidden = outline;
    document.getElementById("show-lesson").setAttribute("aria-pressed", String(!outline));
    document.getElementById("show-outline").setAttribute("aria-pressed", String(outline));
    if (outline) window.courseforgeOutline.load(document.getElementById("outline-body"), labels);
  }

  document.getElementById("show-lesson").addEventListener("click", function () {
    showView(false);
  });
  document.getElementById("show-outline").addEventListener("click", function () {
    showView(true);
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=standard]"), function (i) {
    i.addEventListener("change", function () {
      if (!i.checked || i.value === standard) return;
      var at = place();
      frame.src = "about:blank"; // the old lesson ends its session with the old LMS first
      useStandard(i.value);
      launch(at.hash, 0);
    });
  });
  document.getElementById("relaunch").addEventListener("click", function () {
    frame.src = "about:blank";
    launch("", 0); // no fragment: the lesson resumes where the LMS says
  });
  document.getElementById("reset").addEventListener("click", function () {
    frame.src = "about:blank";
    recorder.reset();
    launch("", 0);
  });

  useStandard(standard);
  window.courseforgePreview = {
    recorder: function () { return recorder; },
    status: function () { return latest; }
  };
  listen();
})();
