/* The deck outline: the slides each module's deck will hold, fetched from the preview server. */
(function () {
  "use strict";

  var el = window.courseforgePreviewDom.el;
  var format = window.courseforgePreviewDom.format;

  function slideItem(labels, slide) {
    var item = el("li", "slide role-" + slide.role);
    var head = item.appendChild(el("p", "slide-title"));
    head.appendChild(el("strong", "", slide.title));
    if (slide.continued) head.appendChild(el("span", "badge", labels.continued));
    if (slide.cut) {
      var cut = head.appendChild(el("span", "badge badge-warn", labels.title_cut));
      cut.title = slide.full_title;
    }
    if (slide.shrunk) {
      head.appendChild(el("span", "badge badge-warn", format(labels.shrunk,
        { size: slide.body_size, theme: slide.theme_size })));
    }
    if (slide.lines.length) {
      var lines = item.appendChild(el("ul", "slide-lines"));
      slide.lines.forEach(function (line) {
        var text = line.kind === "table" ? format(labels.table, line) :
          line.kind === "picture" ? format(labels.picture, line) : line.text;
        var li = lines.appendChild(el("li", "line-" + line.kind, text));
        li.style.marginInlineStart = (line.level || 0) * 1.2 + "em";
      });
    }
    if (slide.notes) {
      var notes = item.appendChild(el("details", "slide-notes"));
      notes.appendChild(el("summary", "", labels.notes));
      notes.appendChild(el("p", "", slide.notes));
    }
    return item;
  }

  /* Draw the outline (a list of modules with their slides) into ``root``. */
  function render(root, labels, modules) {
    root.textContent = "";
    modules.forEach(function (module, index) {
      var section = root.appendChild(el("section", "deck"));
      section.appendChild(el("h3", "", format(labels.module, { n: index + 1,
        title: module.title }) + " · " + format(labels.slides, { n: module.slides.length })));
      var list = section.appendChild(el("ol", "slides"));
      module.slides.forEach(function (slide) { list.appendChild(slideItem(labels, slide)); });
    });
  }

  /* Fetch the outline and draw it. */
  function load(root, labels) {
    return fetch("/outline.json", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (modules) { render(root, labels, modules); });
  }

  window.courseforgeOutline = { load: load, render: render };
})();
