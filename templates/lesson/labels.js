/* courseforge labels: the texts of the lesson in the course's language, with the same rules
 * as courseforge/locale (placeholders, CLDR plurals, numbers, percentages, lists).
 *
 * The builder puts the resolved labels in the page data ("labels" in #courseforge-data):
 *   {language, locale, direction, messages: {id: text | {one: ..., other: ...}},
 *    numbers: {decimal, group, minus, digits, percentPrefix, percentSuffix},
 *    lists: {start, middle, end, 2}}
 * In a browser: window.courseforgeLabels; in Node: module.exports.create(labels).
 *   labels.text(id, params)     "{name}" placeholders filled; a plural message picks its form
 *                               by params.count (Intl.PluralRules, CLDR); numbers localised
 *   labels.number(value, decimals = 2)   labels.percent(value on 0..100, decimals = 1)
 *   labels.join(items)          "A, B and C" in the course's language
 *   labels.direction            "ltr" | "rtl" */
(function (root) {
  "use strict";

  var PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([0-9]*d))?\}/g;

  function create(data) {
    var messages = data.messages || {};
    var symbols = data.numbers || {decimal: ".", group: ",", minus: "-", digits: "0123456789",
                                   percentPrefix: "", percentSuffix: "%"};
    var lists = data.lists || {start: "{0}, {1}", middle: "{0}, {1}", end: "{0} and {1}",
                               2: "{0} and {1}"};
    var rules = new Intl.PluralRules(data.locale || data.language || "en");

    function number(value, decimals) {
      if (decimals === undefined) decimals = 2;
      var scale = Math.pow(10, decimals);
      var rounded = Math.floor(Math.abs(value) * scale + 0.5) / scale;
      var parts = rounded.toFixed(decimals).split(".");
      var whole = parts[0], fraction = (parts[1] || "").replace(/0+$/, "");
      var groups = [];
      while (whole.length > 3) {
        groups.unshift(whole.slice(-3));
        whole = whole.slice(0, -3);
      }
      groups.unshift(whole);
      var text = groups.join(symbols.group) + (fraction ? symbols.decimal + fraction : "");
      text = localDigits(text);
      return (value < 0 && rounded ? symbols.minus : "") + text;
    }

    function percent(value, decimals) {
      return symbols.percentPrefix + number(value, decimals === undefined ? 1 : decimals) +
        symbols.percentSuffix;
    }

    function padded(value, spec) {  // "02d": at least two digits, as Python's format
      var width = parseInt(spec, 10) || 0, text = String(Math.abs(value));
      while (text.length < width) text = "0" + text;
      return localDigits((value < 0 ? "-" : "") + text);
    }

    function localDigits(text) {
      return text.replace(/[0-9]/g, function (d) { return symbols.digits.charAt(+d); });
    }

    function pluralForm(forms, count) {
      var category = rules.select(Math.abs(count));
      if (forms[category] !== undefined) return forms[category];
      if (forms.other !== undefined) return forms.other;
      var keys = Object.keys(forms);
      return forms[keys[keys.length - 1]];
    }

    function text(id, params) {
      params = params || {};
      var message = messages[id];
      if (message === undefined) return id;  // a missing label shows its id, never breaks
      if (typeof message !== "string") message = pluralForm(message, params.count);
      return message.replace(PLACEHOLDER, function (whole, name, spec) {
        if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
        var value = params[name];
        if (spec && typeof value === "number" && value % 1 === 0) return padded(value, spec);
        return typeof value === "number" ? number(value) : String(value);
      });
    }

    function fill(pattern, first, second) {
      return pattern.replace(/\{([01])\}/g, function (whole, which) {
        return which === "0" ? first : second;
      });
    }

    function join(items) {
      if (items.length < 2) return items.join("");
      if (items.length === 2) return fill(lists[2], items[0], items[1]);
      var result = fill(lists.end, items[items.length - 2], items[items.length - 1]);
      for (var i = items.length - 3; i >= 1; i--) result = fill(lists.middle, items[i], result);
      return fill(lists.start, items[0], result);
    }

    return {
      language: data.language || "en",
      direction: data.direction || "ltr",
      has: function (id) { return messages[id] !== undefined; },
      text: text, number: number, percent: percent, join: join
    };
  }

  function fromPage() {
    var element = root.document && root.document.getElementById("courseforge-data");
    var data = {};
    try {
      data = element ? JSON.parse(element.textContent).labels || {} : {};
    } catch (ignored) {
      data = {};
    }
    return create(data);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {create: create};
  } else {
    root.courseforgeLabels = fromPage();
  }
})(typeof window !== "undefined" ? window : this);
