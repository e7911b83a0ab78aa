// Filters and sorting only: the tables are in the page already.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var form = document.getElementById("filters");
  if (form) {
    form.hidden = false;
    var lang = document.getElementById("f-lang");
    var state = document.getElementById("f-state");
    var path = document.getElementById("f-path");
    var apply = function () {
      var l = lang.value, s = state.value, p = path.value.trim().toLowerCase();
      document.querySelectorAll("tr[data-lang]").forEach(function (row) {
        var show = !l || row.getAttribute("data-lang") === l;
        var rowState = row.getAttribute("data-state");
        if (rowState) {
          if (s && rowState !== s) show = false;
          var cell = row.querySelector(".p");
          if (p && cell && cell.textContent.toLowerCase().indexOf(p) < 0) show = false;
        }
        row.hidden = !show;
      });
      document.querySelectorAll("div[data-lang], details[data-lang]").forEach(function (block) {
        var hide = !!l && block.getAttribute("data-lang") !== l;
        if (block.classList.contains("sections")) {
          // A language's section table unfolds when the filter shows that language alone.
          if (!hide && l) block.open = true;
        } else if (!hide && block.tagName === "DETAILS") {
          hide = !!s && s !== "missing";
          if (!hide && p) {
            hide = !block.querySelector("tr[data-state]:not([hidden])");
            block.open = !hide;
          }
        }
        block.hidden = hide;
      });
    };
    // The filters live in the address too (`#lang=fr&state=stale&path=docs`): a link shows a translator their pages.
    var fromAddress = function () {
      var params = new URLSearchParams(location.hash.slice(1));
      lang.value = params.get("lang") || "";
      state.value = params.get("state") || "";
      path.value = params.get("path") || "";
    };
    var toAddress = function () {
      var params = new URLSearchParams();
      if (lang.value) params.set("lang", lang.value);
      if (state.value) params.set("state", state.value);
      if (path.value.trim()) params.set("path", path.value.trim());
      var hash = params.toString();
      // A whole address: a relative one would resolve against `<base>`, the forge.
      try { history.replaceState(null, "", location.href.split("#")[0] + (hash ? "#" + hash : "")); } catch (e) { }
    };
    form.addEventListener("input", function () { apply(); toAddress(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("hashchange", function () { fromAddress(); apply(); });
    fromAddress();
    apply();
  }
  // Each stale page's command to run next, at the top of its last cell, as `status` says it in a terminal.
  // One shell word, by util::shell::quote's rule: bare when made of ASCII letters, digits and /._-+,:@= and of
  // characters beyond ASCII (but spaces), else in single quotes.
  var word = function (path) {
    return /^(?:[A-Za-z0-9\/._\-+,:@=]|[^\x00-\x7F\s])+$/u.test(path) ? path : "'" + path.replace(/'/g, "'\\''") + "'";
  };
  document.querySelectorAll("#stale tbody tr").forEach(function (row) {
    var page = row.querySelector(".p");
    var cell = row.cells[row.cells.length - 1];
    var code = document.createElement("code");
    code.className = "cmd";
    code.textContent = (cell.getAttribute("data-next") === "mirrored" ? "tandem sync --mirrored " : "tandem diff ") +
      word(page.textContent);
    cell.insertBefore(code, cell.firstChild);
  });
  // Printing unfolds every folded list (a browser without `::details-content` would print them closed), then folds back
  // those the reader had closed.
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; unfolded.push(d); });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (d) { d.open = false; });
    unfolded = [];
  });
  var key = function (cell) {
    var v = cell.getAttribute("data-sort");
    if (v === null) v = cell.getAttribute("data-behind");
    if (v === null) v = cell.textContent.trim();
    return /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? parseFloat(v) : v;
  };
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index]), y = key(b.cells[index]);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return descending ? -c : c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
