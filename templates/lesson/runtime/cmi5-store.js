/* cmi5: the AU's store, its launch. Talks to the LRS the LMS named at launch; never makes the
 * learner wait (cmi5-sending.js sends what the session records).
 *
 * Start (in the background while the lesson runs from this browser): one POST to the fetch
 * URL for the session's token, then LMS.LaunchData (launch mode, masteryScore, context
 * template), the learner's preferences (cmi5LearnerPreferences) and the progress saved by an
 * earlier session (State API, "courseforge.progress"). When all of that arrived, the tracker
 * opens the store (lesson.openLateLms) and "initialized" is the first statement queued.
 */
(function (lesson) {
  "use strict";

  var cmi5 = lesson.cmi5;
  var data = lesson.data;
  var PROGRESS = cmi5.PROGRESS = "courseforge.progress"; // the State API document
  var MAX_RETRY_MS = 30000;

  function Cmi5Store(launch) {
    this.standard = "cmi5";
    this.launch = launch;
    this.claimed = [];
    this.queue = []; // statements not yet stored, in order
    this.pendingAnswers = []; // interaction items whose statement is queued, for copies
    this.scored = {}; // objective id -> the values last sent
    this.ready = false;
    this.opened = false;
    this.failing = false;
    this.retryMs = 1000;
    this.loadedAt = Date.now(); // the lesson is ready for the learner from the start
    var account = launch.actor.account || {};
    this.mirrorKey = "courseforge:" + data.scope + ":" + data.version + ":unsaved:" +
      (account.homePage || "") + "|" + (account.name || launch.actor.mbox || "");
    this.start();
  }

  Cmi5Store.prototype.request = function (method, resource, params, body, keepalive) {
    return cmi5.xapi(this.launch, this.token, method, resource, params, body, keepalive);
  };

  Cmi5Store.prototype.stateParams = function (stateId) {
    return { activityId: this.launch.activityId, agent: JSON.stringify(this.launch.actor),
             registration: this.launch.registration, stateId: stateId };
  };

  /* The token (once), then what the LMS holds; retried while the LRS does not answer. */
  Cmi5Store.prototype.start = function () {
    var self = this;
    var step = function () {
      var work = self.token ? Promise.resolve() : self.fetchToken();
      work.then(function () { return self.readLaunchData(); })
        .then(function () {
          return self.request("GET", "agents/profile", {
            agent: JSON.stringify(self.launch.actor), profileId: "cmi5LearnerPreferences" });
        })
        .then(function (answer) {
          if (answer.status === 200 && answer.body) self.preferences = answer.body;
          return self.request("GET", "activities/state", self.stateParams(PROGRESS));
        })
        .then(function (answer) {
          if (answer.status !== 200 && answer.status !== 404) throw new Error(answer.status);
          self.saved = answer.status === 200 && answer.body ? answer.body : {};
          self.ready = true;
          if (lesson.openLateLms) lesson.openLateLms();
        })
        .catch(function (error) {
          if (self.refused) return; // the LMS said no: nothing to retry
          lesson.warn("the LRS did not answer at launch (" + error + "); progress is kept in " +
            "this browser and the lesson tries again");
          setTimeout(step, self.backoff());
        });
    };
    step();
  };

  Cmi5Store.prototype.backoff = function () {
    var wait = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    return wait;
  };

  /* One POST to the fetch URL (section 8.2): a second one would be refused. */
  Cmi5Store.prototype.fetchToken = function () {
    var self = this;
    if (this.fetched) {
      this.refused = true;
      return Promise.reject(new Error("the fetch URL answered once already"));
    }
    this.fetched = true;
    return cmi5.request(this.launch.fetch, { method: "POST" }).then(function (answer) {
      if (answer.status !== 200 || !answer.body || !answer.body["auth-token"]) {
        self.refused = true;
        lesson.warn("the LMS gave no token (" + JSON.stringify(answer.body) + "); progress " +
          "is kept in this browser");
        throw new Error("no token");
      }
      self.token = answer.body["auth-token"];
    });
  };

  Cmi5Store.prototype.readLaunchData = function () {
    var self = this;
    return this.request("GET", "activities/state", this.stateParams("LMS.LaunchData"))
      .then(function (answer) {
        if (answer.status !== 200 || !answer.body) {
          throw new Error("LMS.LaunchData " + answer.status);
        }
        self.launchData = answer.body;
        self.statements = new cmi5.Statements(self.launch, answer.body);
      });
  };

  /* The tracker opens the store once everything arrived: the saved progress becomes the
     state, and the session begins. */
  Cmi5Store.prototype.open = function () {
    if (!this.ready) return false;
    if (this.opened) return true;
    this.opened = true;
    var saved = this.saved;
    this.sent = saved.sent && typeof saved.sent === "object" ? saved.sent : {};
    lesson.mergeSnapshot(saved.progress, false);
    var progress = saved.progress && typeof saved.progress === "object" ? saved.progress : {};
    this.held = typeof progress.suspend === "string" ? progress.suspend : "";
    this.bookmark = typeof progress.location === "string" ? progress.location : "";
    this.normal = (this.launchData.launchMode || "Normal") === "Normal";
    this.startedAt = this.loadedAt;
    this.queue.push(this.statements.initialized(this.startedAt));
    var returnUrl = this.launchData.returnURL;
    if (typeof returnUrl === "string" && returnUrl && cmi5.offerExit) cmi5.offerExit(returnUrl);
    return true;
  };

  /* The launch's returnURL when it is a web address a link can take the learner to, else "". */
  Cmi5Store.prototype.returnAddress = function () {
    var url = this.launchData && this.launchData.returnURL;
    if (typeof url !== "string" || !url) return "";
    try {
      var parsed = new window.URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "";
    } catch (e) { return ""; }
  };

  cmi5.Store = Cmi5Store;
  lesson.lmsStores = lesson.lmsStores || {};
  lesson.lmsStores.cmi5 = function () {
    var launch = cmi5.readLaunch(window.location.search);
    cmi5.store = launch ? new Cmi5Store(launch) : null; // the page's session, if any
    return cmi5.store;
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
