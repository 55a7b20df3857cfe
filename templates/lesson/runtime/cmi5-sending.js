/* cmi5: what a session records, sent to the LRS in order.
 *
 * Statements queue in memory in the order they happened, each with its id and timestamp fixed
 * when it is made, and are sent one at a time with PUT ?statementId: a send that failed or
 * timed out is repeated with the same id (an LRS that had stored it answers without storing it
 * again; 409 for an answer means an earlier launch stored it). The progress is written to the
 * State API after each change. While the LRS fails, the answers not yet stored wait in this
 * browser (per learner) for the next launch, as with SCORM.
 *
 * Rules kept: initialized first, terminated last; completed once per registration; passed at
 * most once per registration and never followed by failed; at most one of passed/failed per
 * session, so a failure is held until the session ends (a pass on a retry replaces it); in
 * Browse and Review mode no satisfaction statement. Durations are ISO 8601.
 */
(function (lesson) {
  "use strict";

  var cmi5 = lesson.cmi5;
  var data = lesson.data;
  var state = lesson.state;
  var store = cmi5.Store.prototype;

  /* Turns what changed into statements, writes the progress, sends; false while failing. */
  store.save = function (elapsedMs, final) {
    this.collect();
    this.writeProgress(final);
    if (!final) this.flush();
    return !this.failing;
  };

  store.collect = function () {
    var now = Date.now();
    var statements = this.statements;
    while (state.interactions.length) {
      var item = state.interactions.shift();
      // an answer given before the session opened (or in an earlier one) is dated at its
      // start: initialized comes first
      this.queue.push(statements.answered(item, Math.max(item.at, this.startedAt)));
      this.pendingAnswers.push(item);
    }
    var outcomes = {};
    var quiz = data.quiz;
    for (var o = 0; quiz && o < quiz.outcomes.length; o++) outcomes[quiz.outcomes[o].id] = true;
    for (var i = 0; i < state.objectives.length; i++) {
      var objective = state.objectives[i];
      var values = JSON.stringify(objective);
      if (this.scored[objective.id] === values) continue;
      this.scored[objective.id] = values;
      this.queue.push(statements.scored(objective, now, !!outcomes[objective.id]));
    }
    if (!this.normal) return; // Browse, Review: no satisfaction statements
    var duration = now - this.startedAt;
    if (state.completion === "completed" && !this.sent.completed) {
      this.sent.completed = true;
      this.queue.push(statements.completed(now, duration));
    }
    // a result is judged once: the one restored from an earlier session was judged there
    var result = JSON.stringify([state.score, state.success]);
    if (state.score && state.success && result !== this.sent.result && !this.sent.passed &&
        !this.judged) {
      this.sent.result = result;
      var judged = statements.judged(now, duration, {
        scaled: state.score.scaled, raw: state.score.raw, min: state.score.min,
        max: state.score.max, passed: state.success === "passed" });
      if (judged.result.success) {
        this.judged = true; // one of passed/failed per session (section 9.3)
        this.sent.passed = true;
        this.failure = null; // a pass on a retry replaces the failure this session held
        this.queue.push(judged);
      } else {
        // a failure waits for the session's end: the learner may pass on a retry before it
        this.failure = judged;
      }
    }
  };

  /* The failure the session held, sent as its judgement before terminated. */
  store.sendFailure = function () {
    if (!this.failure || this.judged) return;
    this.judged = true;
    this.queue.push(this.failure);
    this.failure = null;
  };

  /* The progress document, written when it changed (on pagehide even as the page goes). */
  store.writeProgress = function (final) {
    var progress = lesson.snapshot();
    progress.interactions = [];
    var doc = { progress: progress, sent: this.sent };
    var text = JSON.stringify(doc);
    if (text === this.written || (this.writing && !final)) return;
    var self = this;
    this.writing = true;
    this.request("PUT", "activities/state", this.stateParams(cmi5.PROGRESS), doc, final)
      .then(function (answer) {
        self.writing = false;
        if (answer.status >= 200 && answer.status < 300) {
          self.written = text;
          self.held = progress.suspend;
        } else {
          self.fail("the LRS did not keep the progress (HTTP " + answer.status + ")");
        }
      }, function (error) {
        self.writing = false;
        self.fail("the LRS did not keep the progress (" + error + ")");
      });
  };

  /* Sends the queue one statement at a time, in order. */
  store.flush = function () {
    if (this.sending || !this.queue.length) return;
    var self = this;
    var statement = this.queue[0];
    this.sending = true;
    this.request("PUT", "statements", { statementId: statement.id }, statement)
      .then(function (answer) {
        self.sending = false;
        var answerStored = answer.status === 409 && statement.verb.id.slice(-8) === "answered";
        if ((answer.status >= 200 && answer.status < 300) || answerStored) {
          self.stored(statement);
          self.flush();
        } else {
          self.fail("the LRS refused a statement (HTTP " + answer.status + ")");
        }
      }, function (error) {
        self.sending = false;
        self.fail("the LRS did not answer (" + error + ")");
      });
  };

  store.stored = function (statement) {
    this.queue.shift();
    if (statement.verb.id.slice(-8) === "answered") this.pendingAnswers.shift();
    if (this.failing || this.claimed.length) this.dropCopies();
    this.failing = false;
    this.retryMs = 1000;
  };

  store.fail = function (message) {
    if (!this.failing) lesson.warn(message + "; trying again");
    this.failing = true;
    this.keepCopy();
    var self = this;
    if (!this.retryTimer && !this.closed) {
      this.retryTimer = setTimeout(function () {
        self.retryTimer = null;
        self.written = null;
        self.writeProgress(false);
        self.flush();
      }, this.backoff());
    }
  };

  /* The copies kept in this browser for a next launch: the LRS has everything now. */
  store.dropCopies = function () {
    lesson.keep(this.mirrorKey, undefined);
    while (this.claimed.length) lesson.keep(this.claimed.pop(), undefined);
  };

  /* The answers the LRS has not stored, and the progress, for the learner's next launch. */
  store.keepCopy = function () {
    var copy = lesson.snapshot();
    copy.interactions = this.pendingAnswers.slice();
    copy.held = this.held;
    lesson.keep(this.mirrorKey, copy);
  };

  /* terminated last: the queue goes in one request that outlives the page (keepalive).
     A promise of whether the LRS stored all of it (the exit waits for it, briefly). */
  store.close = function () {
    if (!this.opened || this.closed) return Promise.resolve(false);
    this.closed = true;
    this.sendFailure();
    this.queue.push(this.statements.terminated(Date.now(), Date.now() - this.startedAt));
    // the answer may never come (the page goes): until it does, a copy waits for the next launch
    if (this.pendingAnswers.length || this.failing) this.keepCopy();
    // everything not yet stored, a statement in flight too (the page's end cancels it; the
    // same id and content twice is one statement to the LRS)
    var batch = cmi5.closingBatch(this.queue);
    var whole = batch.length === this.queue.length;
    var self = this;
    return this.request("POST", "statements", null, batch, true).then(function (answer) {
      var stored = answer.status >= 200 && answer.status < 300 && whole;
      if (stored) { // nothing is left for the next launch
        self.dropCopies();
        self.queue = [];
        self.pendingAnswers = [];
      }
      return stored;
    }, function () { return false; /* the page is gone, or the LRS did not answer */ });
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
