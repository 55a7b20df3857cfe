/* cmi5: the launch parameters, the LRS's HTTP interface, statement ids and UTC timestamps.
 *
 * An LMS launches the AU with endpoint, fetch, actor, registration and activityId in the
 * query string (cmi5 section 8.1), in any order. Without all five the lesson is not in a cmi5
 * launch and runs from this browser, as a SCORM package opened outside its LMS does.
 */
(function (lesson) {
  "use strict";

  var NAMES = ["endpoint", "fetch", "actor", "registration", "activityId"];
  var XAPI_VERSION = "1.0.3";
  var TIMEOUT_MS = 15000; // a request slower than this counts as failed and is sent again

  /* The launch parameters, or null outside a cmi5 launch. */
  function readLaunch(search) {
    var launch = {};
    var params;
    try { params = new window.URLSearchParams(search); } catch (e) { return null; }
    for (var i = 0; i < NAMES.length; i++) {
      var value = params.get(NAMES[i]);
      if (!value) return null;
      launch[NAMES[i]] = value;
    }
    try { launch.actor = JSON.parse(launch.actor); } catch (e) { return null; }
    if (!launch.actor || typeof launch.actor !== "object") return null;
    if (launch.endpoint.charAt(launch.endpoint.length - 1) !== "/") launch.endpoint += "/";
    return launch;
  }

  /* A query string from an object. */
  function query(values) {
    var parts = [];
    for (var key in values) {
      if (lesson.own(values, key)) {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(values[key]));
      }
    }
    return parts.join("&");
  }

  /* One xAPI request: a promise of {status, body}; rejected when no answer came. */
  function xapi(launch, token, method, resource, params, body, keepalive) {
    var headers = { "X-Experience-API-Version": XAPI_VERSION, "Authorization": "Basic " + token };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    var url = launch.endpoint + resource + (params ? "?" + query(params) : "");
    return request(url, { method: method, headers: headers, keepalive: !!keepalive,
                          body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function request(url, options) {
    var controller = window.AbortController ? new window.AbortController() : null;
    if (controller) options.signal = controller.signal;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    options.credentials = "omit";
    options.cache = "no-store";
    return window.fetch(url, options).then(function (response) {
      if (timer) clearTimeout(timer);
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
        return { status: response.status, body: parsed };
      });
    }, function (error) {
      if (timer) clearTimeout(timer);
      throw error;
    });
  }

  /* A random UUID (version 4), for the statements of one session. */
  function randomUuid() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return formatUuid(bytes);
  }

  /* The same UUID for the same text: an answer keeps its statement id across launches, so an
     LRS that stored it already refuses the copy instead of storing it twice. */
  function uuidFor(text) {
    var bytes = new Uint8Array(16);
    for (var part = 0; part < 4; part++) {
      var h = (0x811c9dc5 ^ (part * 0x9e3779b9)) >>> 0; // FNV-1a, one seed per 32 bits
      for (var i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      for (var b = 0; b < 4; b++) bytes[part * 4 + b] = (h >>> (b * 8)) & 255;
    }
    return formatUuid(bytes);
  }

  function formatUuid(bytes) {
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = "";
    for (var i = 0; i < 16; i++) hex += (bytes[i] + 0x100).toString(16).slice(1);
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  /* An xAPI timestamp in UTC. */
  function utc(ms) {
    return new Date(ms).toISOString();
  }

  lesson.cmi5 = {
    readLaunch: readLaunch, xapi: xapi, request: request, randomUuid: randomUuid,
    uuidFor: uuidFor, utc: utc
  };
})(window.courseforgeLesson = window.courseforgeLesson || {});
