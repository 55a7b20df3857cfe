/* The tracker: which store keeps the progress, when it is committed, what the learner is told.
 *
 * LMS faults: the lesson never breaks and never drops progress.
 *   - No API found: the lesson runs as the web site does, progress kept in localStorage.
 *   - Initialize answers "false": if the session answers anyway (an LMS that initialized it
 *     already), it is used; otherwise the lesson runs from localStorage at once (the learner
 *     cannot fix an LMS and should not wait for one), console.warn tells an administrator the
 *     LMS's error, and Initialize is tried again after 1, 3 and 7 seconds, since some LMSs
 *     expose their API before they are ready; a late success carries over the progress made.
 *   - A read at launch failing (anything but "nothing stored"): as a refused Initialize; what
 *     the LMS holds is never overwritten by what could not be read.
 *   - SetValue or Commit failing: what was accepted is committed, the rest stays in memory and
 *     is sent again after as long as the failure has lasted (1 to 30 s); a copy waits in
 *     localStorage (per learner), merged on the next launch if the window closed first: it
 *     wins where the LMS still holds what it held when the copy was made, else it only adds
 *     (pages seen, answers the LMS lacks). A good save removes it.
 *   - A session whose LMS named the learner but could not be read keeps that learner's copy
 *     the same way (merged with any earlier one, answers included), for their next launch
 *     that reaches the LMS. A session whose Initialize was refused keeps its progress in
 *     this browser only: nobody knows whose it is, and another learner's launch must not be
 *     credited with it. Neither Terminates a session it could not open.
 *   - Interactions leave memory once committed; on pagehide the last values are set and
 *     Terminate commits them: the copies here are removed only when it answers "true".
 *     An element the LMS can never take (error 201, 401-408: unsupported, read-only or
 *     malformed for it) is given up with a warning, so it cannot hold back the rest.
 *   - An LMS that ended the session itself (2004 errors 123, 133, 143): no more retries; the
 *     copy in localStorage serves the next launch.
 *   - Exceptions thrown by the API count as a failed call. Slow (blocking) calls never delay
 *     what the learner sees: navigation commits after the new page is painted, coalesced.
 *   - Commit: on page changes, when the page is hidden, on tracker.commit(); Terminate exactly
 *     once, on pagehide, with the last values set but no Commit (some LMSs refuse a Commit
 *     while the page unloads; Terminate commits).
 *   - The learner is told, in a status line under the top bar, when a package runs without
 *     its LMS (no API, or Initialize refused after the retries), when saving has failed twice
 *     in a row (one failure may be a hiccup) and when the LMS ended the session; the line
 *     empties once the LMS saves again. The web site, which has no LMS, never shows it.
 */
(function (lesson) {
  "use strict";

  var data = lesson.data;
  var state = lesson.state;
  var gates = lesson.gates;
  var recall = lesson.recall;
  var snapshot = lesson.snapshot;
  var mergeSnapshot = lesson.mergeSnapshot;
  var updateCompletion = lesson.updateCompletion;
  var MAX_RETRY_MS = 30000;
  var restoreListeners = [];
  /* What the learner is told while the LMS does not keep their progress: nothing is lost,
     but they should know their platform may not show it yet. */
  var NOTICES = { none: "", local: "lesson.notice_local", failing: "lesson.notice_failing",
                  ended: "lesson.notice_ended" };
  var noticeBox = document.querySelector("[data-role=save-notice]");

  function notice(kind) {
    var text = NOTICES[kind] ? lesson.labels.text(NOTICES[kind]) : "";
    if (noticeBox && noticeBox.textContent !== text) noticeBox.textContent = text;
  }

  var startedAt = Date.now();
  var makeLms = lesson.lmsStores && lesson.lmsStores[data.standard];
  var lms = makeLms ? makeLms() : null;
  var local = new lesson.LocalStore();
  var store = local;
  var initRetries = [1000, 3000, 7000];

  /* Opens the LMS session and adds progress it has not seen: what this learner could not save
     in an earlier session (it wins where the LMS has not moved on since), what an earlier
     session kept here while its LMS failed (it only adds), and (local) what the learner did
     in this session while the LMS was not ready. */
  function openLms(local) {
    if (!lms.open()) return false;
    var unsaved = recall(lms.mirrorKey);
    mergeSnapshot(unsaved, !!unsaved && unsaved.held === lms.held);
    lms.claimed = [lms.mirrorKey];
    mergeSnapshot(local, true);
    store = lms;
    return true;
  }

  /* Where a session keeps its progress for the LMS when the LMS failed from the start: the
     learner's key when the LMS said who they are. When it did not (Initialize refused), the
     progress stays in this browser only: handing it to whoever launches next could credit
     another learner with it. */
  function pendingKey() {
    return lms && lms.mirrorKey ? lms.mirrorKey : "";
  }

  function retryInitialize() {
    // meanwhile interactions wait in memory for the LMS
    local.awaitingLms = !finished && store === local && initRetries.length > 0;
    if (!local.awaitingLms) {
      if (store === local) notice("local");
      return;
    }
    setTimeout(function () {
      if (finished || store === lms) return;
      if (!openLate()) retryInitialize();
    }, initRetries.shift());
  }

  /* The LMS answered after the lesson started from this browser: its progress and what the
     learner did meanwhile become one, on screen and in the LMS. A store that connects in the
     background (cmi5) calls this (lesson.openLateLms) once it is ready. */
  function openLate() {
    if (finished || store === lms || !openLms(snapshot())) return false;
    if (lms.bookmark && lesson.resume) lesson.resume(lms.bookmark);
    notice("none");
    refresh(); // the LMS's progress on screen, then all of it saved there
    return true;
  }
  lesson.openLateLms = openLate;

  /* Progress that came from elsewhere on screen (the quiz too), then saved. */
  function refresh() {
    for (var l = 0; l < restoreListeners.length; l++) restoreListeners[l]();
    lesson.render();
    commitSoon();
  }

  if (!lms || !openLms(null)) {
    if (lms) local.pendingKey = pendingKey();
    store.open();
    if (lms) retryInitialize();
    else if (makeLms) notice("local"); // a package opened outside an LMS
  }

  var failingSince = 0;
  var retryTimer = null;
  var finished = false;
  var soon = false;

  /* Saves and commits; ``final`` (on pagehide) leaves the commit to Terminate. */
  function commit(final) {
    soon = false;
    if (finished) return false;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    var ok = store.save(Date.now() - startedAt, final === true);
    if (ok) {
      failingSince = 0;
      if (store === lms) notice("none");
    } else if (store.ended) {
      notice("ended");
    } else {
      if (failingSince) notice("failing"); // failed again: more than a hiccup
      // keep everything in memory and try again after as long as the LMS has failed so far
      // (1 to 30 s): soon after a hiccup, seldom in an outage
      if (!failingSince) failingSince = Date.now();
      retryTimer = setTimeout(commit, Math.max(1000, Math.min(Date.now() - failingSince,
        MAX_RETRY_MS)));
    }
    return ok;
  }

  /* A commit once the browser has painted: a slow LMS must not hold up the page shown, and
     quick clicks make one commit. rAF does not run in a hidden page, hence the backstop. */
  function commitSoon() {
    if (soon || finished) return;
    soon = true;
    var run = function () { if (soon) commit(); };
    if (window.requestAnimationFrame) window.requestAnimationFrame(function () { setTimeout(run, 0); });
    setTimeout(run, 250);
  }

  /* Saves and ends the session; a promise of whether the LMS took everything (cmi5). */
  function finish() {
    if (finished) return Promise.resolve(false);
    commit(true);
    finished = true;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    return Promise.resolve(store.close());
  }

  /* The page shown again from the back/forward cache after pagehide finished the tracker.
     With an LMS whose session this page opened, that session is over: no call may follow
     Terminate (LMSFinish, terminated), so the learner is told (lesson.sessionEnded). Without
     an LMS session (the web site, a package opened outside an LMS or one that refused to open
     it) there is no session to respect: tracking resumes in this browser, with what another
     tab may have saved here since merged in (it is the newer copy: this page saved all it
     had when it was hidden), and the learner stays on the page they see. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || !finished) return;
    if (lms && store === lms) {
      if (lesson.sessionEnded) lesson.sessionEnded(lms.returnAddress ? lms.returnAddress() : "");
    } else {
      var here = state.location;
      mergeSnapshot(recall(local.key), true);
      state.location = here;
      finished = false;
      refresh();
    }
  });

  var tracker = {
    get standard() { return store.standard; },
    setScore: function (raw, min, max, scaled) {
      state.score = { raw: raw, min: min, max: max, scaled: Math.max(-1, Math.min(1, scaled)) };
    },
    setSuccess: function (status) {
      if (status === "passed" || status === "failed") state.success = status;
    },
    recordInteraction: function (item) {
      var copy = {};
      for (var k in item) if (lesson.own(item, k)) copy[k] = item[k];
      copy.at = Date.now();
      state.interactions.push(copy);
    },
    setObjective: function (id, values) {
      var item = { id: id, scaled: values.scaled, success: values.success || "unknown",
                   completion: values.completion || "completed",
                   description: values.description || "",
                   lesson: !!values.lesson }; // lesson: a lesson objective, not an outcome
      for (var i = 0; i < state.objectives.length; i++) {
        if (state.objectives[i].id === id) { state.objectives[i] = item; return; }
      }
      state.objectives.push(item);
    },
    setComment: function (text) { state.comment = String(text); },
    settle: function (gate) {
      if (lesson.own(gates, gate)) gates[gate] = true;
      updateCompletion();
    },
    getState: function (name) {
      return lesson.own(state.sections, name) ? state.sections[name] : undefined;
    },
    saveState: function (name, value) {
      state.sections[name] = value;
    },
    commit: commit,
    suspendData: lesson.suspendData,
    mergeState: lesson.mergeState
  };


  lesson.tracker = tracker;
  lesson.commit = commit;
  lesson.commitSoon = commitSoon;
  lesson.finish = finish;
  lesson.restoreListeners = restoreListeners;
})(window.courseforgeLesson = window.courseforgeLesson || {});
