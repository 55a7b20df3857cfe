/* What the preview's scripts share: making elements and filling label templates. */
(function () {
  "use strict";

  /* An element with a class and a text. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A label with its {placeholders} filled. */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  window.courseforgePreviewDom = { el: el, format: format };
})();
