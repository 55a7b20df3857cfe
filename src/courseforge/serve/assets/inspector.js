/* The LMS inspector: what the recording LMS holds, drawn as an LMS administrator reads it,
 * each row named in the standard's own vocabulary (cmi.core.lesson_status, cmi.score.scaled…).
 */
(function () {
  "use strict";

  var LIMIT_12 = 4096; // SCORM 1.2's CMIString4096
  var LIMIT_2004 = 64000; // SCORM 2004's characters for cmi.suspend_data

  var ROWS = {
    scorm12: [
      ["status", "cmi.core.lesson_status"], ["score", "cmi.core.score.raw"],
      ["location", "cmi.core.lesson_location"], ["exit", "cmi.core.exit"],
      ["session_time", "cmi.core.session_time"], ["comments", "cmi.comments"]
    ],
    scorm2004: [
      ["completion", "cmi.completion_status"], ["success", "cmi.success_status"],
      ["score", "cmi.score.scaled"], ["location", "cmi.location"], ["exit", "cmi.exit"],
      ["session_time", "cmi.session_time"], ["comments", "cmi.comments_from_learner.0.comment"]
    ]
  };

  var el = window.courseforgePreviewDom.el;
  var format = window.courseforgePreviewDom.format;

  /* Indexed records (cmi.interactions.N.*, cmi.objectives.N.*) as a list of objects. */
  function records(data, prefix) {
    var list = [];
    Object.keys(data).forEach(function (key) {
      if (key.indexOf(prefix) !== 0) return;
      var rest = key.slice(prefix.length);
      var dot = rest.indexOf(".");
      var index = parseInt(rest.slice(0, dot), 10);
      if (isNaN(index)) return;
      list[index] = list[index] || {};
      list[index][rest.slice(dot + 1)] = data[key];
    });
    return list.filter(Boolean);
  }

  function table(labels, caption, columns, items) {
    var wrap = el("div", "table-wrap");
    wrap.tabIndex = 0; // a table wider than the panel scrolls, by keyboard too
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption);
    var t = el("table");
    t.appendChild(el("caption", "", caption + " (" + items.length + ")"));
    var head = el("tr");
    columns.forEach(function (c) { head.appendChild(el("th", "", labels[c[0]] || c[0])); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    items.forEach(function (item) {
      var row = el("tr");
      columns.forEach(function (c) {
        var value = c[1].map(function (k) { return item[k]; }).filter(function (v) {
          return v !== undefined;
        })[0];
        row.appendChild(el("td", "", value === undefined ? "" : value));
      });
      body.appendChild(row);
    });
    wrap.appendChild(t);
    return wrap;
  }

  function summary(labels, recorder) {
    var data = recorder.data;
    var list = el("dl", "lms-values");
    function add(label, element, value) {
      var term = el("dt", "", label);
      if (element) {
        term.appendChild(document.createTextNode(" "));
        term.appendChild(el("code", "", element));
      }
      list.appendChild(term);
      list.appendChild(el("dd", "", value === undefined || value === "" ? "—" : value));
      list.lastChild.setAttribute("data-element", element || label);
    }
    add(labels.entry, recorder.names.entry, recorder.sessions ? recorder.entry : "");
    ROWS[recorder.standard].forEach(function (row) { add(labels[row[0]], row[1], data[row[1]]); });
    var recommendation = records(data, "cmi.interactions.").filter(function (item) {
      return item.id === "recommendation";
    }).pop();
    add(labels.recommendation, "", recommendation ? (recommendation.learner_response ||
      recommendation.student_response) : "");
    return list;
  }

  function suspendPart(labels, recorder) {
    var text = recorder.data["cmi.suspend_data"] || "";
    var box = el("section", "suspend");
    box.appendChild(el("h3", "", labels.suspend_data));
    var limit = recorder.standard === "scorm12" ? LIMIT_12 : LIMIT_2004;
    var size = el("p", "suspend-size", format(labels.suspend_size, { used: text.length,
      limit: limit }));
    size.setAttribute("data-length", String(text.length));
    box.appendChild(size);
    var meter = el("meter");
    meter.min = 0;
    meter.max = LIMIT_12;
    meter.high = LIMIT_12 * 0.8;
    meter.value = Math.min(text.length, LIMIT_12);
    meter.setAttribute("aria-label", format(labels.suspend_size, { used: text.length,
      limit: LIMIT_12 }));
    box.appendChild(meter);
    if (text.length > LIMIT_12) box.appendChild(el("p", "warning", labels.suspend_over));
    var details = el("details");
    details.appendChild(el("summary", "", labels.suspend_data));
    details.appendChild(el("pre", "", text));
    box.appendChild(details);
    return box;
  }

  function callLog(labels, recorder) {
    var details = el("details", "calls");
    details.appendChild(el("summary", "", labels.calls + " (" + recorder.calls.length + ")"));
    var list = el("ol");
    recorder.calls.slice(-40).forEach(function (call) {
      var args = call.args.map(function (a) { return JSON.stringify(a === undefined ? "" : a); });
      list.appendChild(el("li", "", call.method + "(" + args.join(", ") + ") → " +
        JSON.stringify(call.result) + (call.error !== "0" ? " [" + call.error + "]" : "")));
    });
    details.appendChild(list);
    return details;
  }

  /* Redraw the inspector into ``root``; open <details> stay open. */
  function render(root, labels, recorder) {
    var open = {};
    Array.prototype.forEach.call(root.querySelectorAll("details"), function (d, i) {
      open[i] = d.open;
    });
    var state = recorder.sessions === 0 ? labels.not_started :
      format(labels.session, { n: recorder.sessions }) + (recorder.running ? "" : " ✓");
    var parts = [el("p", "session", state), summary(labels, recorder)];
    var v12 = recorder.standard === "scorm12";
    parts.push(table(labels, labels.interactions, [["id", ["id"]], ["type", ["type"]],
      ["response", [v12 ? "student_response" : "learner_response"]], ["result", ["result"]],
      ["correct", ["correct_responses.0.pattern"]]], records(recorder.data, "cmi.interactions.")));
    parts.push(table(labels, labels.objectives, [["id", ["id"]],
      ["status", v12 ? ["status"] : ["success_status", "completion_status"]],
      ["score", ["score.raw"]]], records(recorder.data, "cmi.objectives.")));
    parts.push(suspendPart(labels, recorder), callLog(labels, recorder));
    root.textContent = "";
    parts.forEach(function (p) { root.appendChild(p); });
    Array.prototype.forEach.call(root.querySelectorAll("details"), function (d, i) {
      if (open[i]) d.open = true;
    });
  }

  window.courseforgeInspector = { render: render, records: records };
})();
