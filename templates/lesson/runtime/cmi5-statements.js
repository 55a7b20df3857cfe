/* cmi5: the statements an AU sends, each with the context the specification requires.
 *
 * "cmi5 defined" statements (initialized, completed, passed, failed, terminated) are about
 * the AU (object: the launch's activityId) and carry the cmi5 category; those with a result
 * holding success or completion also carry the moveOn category; passed and failed carry the
 * masteryScore extension when the launch data has one. Answers ("answered", one per
 * interaction with its correctResponsesPattern) and the shares of the recommendation and of
 * each objective ("scored") are "cmi5 allowed": the same context template, no cmi5 category.
 * A recommendation too close to call says so in its description and names the two outcomes
 * in a result extension (urn:courseforge:extension:close-call); no outcome is then passed.
 * Every statement starts from LMS.LaunchData's contextTemplate, which it never overwrites.
 */
(function (lesson) {
  "use strict";

  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  var OBJECTIVE = "http://adlnet.gov/expapi/activities/objective";
  // on the recommendation's answer: the two outcomes too close to call (docs/grading.md)
  var CLOSE_CALL = "urn:courseforge:extension:close-call";
  var IRI = "urn:courseforge:" + lesson.data.course + ":";

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function language() {
    return document.documentElement.getAttribute("lang") || "und";
  }

  function text(value) {
    var map = {};
    map[language()] = String(value);
    return map;
  }

  /* A statement of this session: its id, the learner, the time, the template's context. */
  function Statements(launch, launchData) {
    this.launch = launch;
    this.template = launchData.contextTemplate || {};
    this.mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
  }

  Statements.prototype.base = function (verb, object, at, id) {
    var context = copy(this.template);
    context.registration = this.launch.registration;
    return {
      id: id || lesson.cmi5.randomUuid(), actor: this.launch.actor, timestamp: lesson.cmi5.utc(at),
      verb: { id: verb.indexOf(":") > 0 ? verb : VERBS + verb, display: { "en-US": verb } },
      object: object, context: context
    };
  };

  /* Adds an activity to a context activity list, keeping what the template put there (xAPI
     allows one activity instead of a list). */
  function addActivity(statement, kind, id) {
    var context = statement.context;
    var activities = context.contextActivities = context.contextActivities || {};
    var list = activities[kind];
    activities[kind] = list = !list ? [] : Array.isArray(list) ? list : [list];
    list.push({ id: id });
  }

  function addCategory(statement, id) {
    addActivity(statement, "category", id);
  }

  /* A cmi5 defined statement about the AU; ``result`` as the verb's rules allow. */
  Statements.prototype.defined = function (verb, at, result) {
    var statement = this.base(verb, { objectType: "Activity", id: this.launch.activityId }, at);
    addCategory(statement, CMI5_CATEGORY);
    if (result) {
      statement.result = result;
      if (lesson.own(result, "success") || lesson.own(result, "completion")) {
        addCategory(statement, MOVEON_CATEGORY);
      }
    }
    return statement;
  };

  Statements.prototype.initialized = function (at) {
    return this.defined("initialized", at);
  };

  Statements.prototype.completed = function (at, durationMs) {
    return this.defined("completed", at,
      { completion: true, duration: lesson.duration2004(durationMs) });
  };

  /* passed or failed: judged by the launch data's masteryScore when there is one. */
  Statements.prototype.judged = function (at, durationMs, score) {
    var scaled = lesson.round4(score.scaled);
    var passed = this.mastery !== null ? scaled >= this.mastery : score.passed;
    var statement = this.defined(passed ? "passed" : "failed", at, {
      success: passed, duration: lesson.duration2004(durationMs),
      score: { scaled: scaled, raw: Math.round(score.raw), min: Math.round(score.min),
               max: Math.round(score.max) }
    });
    if (this.mastery !== null) {
      statement.context.extensions = statement.context.extensions || {};
      statement.context.extensions[MASTERY] = this.mastery;
    }
    return statement;
  };

  Statements.prototype.terminated = function (at, durationMs) {
    return this.defined("terminated", at, { duration: lesson.duration2004(durationMs) });
  };

  /* An answer as a cmi.interaction activity, dated ``at``; its id follows the answer across
     launches. */
  Statements.prototype.answered = function (item, at) {
    var definition = { type: INTERACTION, interactionType: item.type };
    if (item.description) definition.description = text(item.description);
    if (item.correct && item.correct.length) {
      definition.correctResponsesPattern = item.correct.slice();
    }
    var object = { objectType: "Activity", id: IRI + "interaction:" + item.id,
                   definition: definition };
    var key = [this.launch.registration, item.id, item.at, JSON.stringify(item.response)].join("|");
    var statement = this.base("answered", object, at, lesson.cmi5.uuidFor(key));
    var result = {};
    if (item.response !== undefined) result.response = String(item.response);
    if (item.result === "correct" || item.result === "incorrect") {
      result.success = item.result === "correct";
    }
    if (item.latency !== undefined) result.duration = lesson.duration2004(item.latency * 1000);
    if (item.closeCall && item.closeCall[1]) {
      result.extensions = {};
      result.extensions[CLOSE_CALL] = item.closeCall.slice();
    }
    statement.result = result;
    // the AU is the answer's parent, beside any parent the context template names
    addActivity(statement, "parent", this.launch.activityId);
    return statement;
  };

  /* An objective's (or an outcome's) share: a scored statement about it. */
  Statements.prototype.scored = function (item, at, outcome) {
    var object = { objectType: "Activity",
                   id: IRI + (outcome ? "outcome:" : "objective:") + item.id,
                   definition: { type: OBJECTIVE, name: text(item.description || item.id) } };
    var statement = this.base("scored", object, at);
    var result = { score: { scaled: lesson.round4(item.scaled) } };
    if (item.success === "passed" || item.success === "failed") {
      result.success = item.success === "passed";
    }
    if (item.completion === "completed") result.completion = true;
    statement.result = result;
    return statement;
  };

  // a page's keepalive requests share the browsers' 64 KiB; the progress write goes beside
  var CLOSING_LIMIT = 48 * 1024;

  function bytes(value) {
    return new window.TextEncoder().encode(JSON.stringify(value)).length;
  }

  /* What leaves with the page: the whole queue when it fits; otherwise the latest answers
     give way (they wait in this browser for the next launch), so that the judgement and
     terminated still arrive. */
  function closingBatch(queue, limit) {
    var batch = queue.slice();
    var size = bytes(batch);
    for (var i = batch.length - 1; i >= 0 && size > (limit || CLOSING_LIMIT); i--) {
      if (batch[i].verb.id === VERBS + "answered") {
        size -= bytes(batch[i]) + 1;
        batch.splice(i, 1);
      }
    }
    return batch;
  }

  lesson.cmi5.Statements = Statements;
  lesson.cmi5.closingBatch = closingBatch;
})(window.courseforgeLesson = window.courseforgeLesson || {});
