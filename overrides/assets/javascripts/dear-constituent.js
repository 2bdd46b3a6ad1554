/* Dear Constituent: the copy button of the "Cite this letter" box, and the
 * boxes that narrow a long list (MPs, constituencies) as the reader types.
 *
 * One listener on the document serves every page, including pages that
 * Material's instant navigation swaps in. Buttons and boxes are hidden until
 * this script shows them, so without JavaScript there is nothing that does
 * nothing: the whole list shows.
 */
(function () {
  "use strict";

  function showButtons() {
    document.querySelectorAll("[data-dc-copy]").forEach(function (button) {
      button.hidden = false;
    });
    document.querySelectorAll("[data-dc-filter]").forEach(startFilter);
  }

  /* Case and accents do not matter: "therese" finds "Thérèse". */
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\s+/g, " ").trim();
  }

  function startFilter(box) {
    var table = document.getElementById(box.getAttribute("data-dc-filter"));
    var input = box.querySelector("input");
    var status = box.querySelector("[data-dc-filter-total]");
    if (!table || !input || box.dataset.dcStarted) { return; }
    box.dataset.dcStarted = "yes";
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return { row: row, text: folded(row.textContent) };
    });
    var total = rows.length;
    function apply() {
      var words = folded(input.value).split(" ").filter(Boolean);
      var shown = 0;
      rows.forEach(function (item) {
        var match = words.every(function (word) { return item.text.indexOf(word) >= 0; });
        item.row.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = words.length ? "Showing " + shown + " of " + total + "." : "";
    }
    input.addEventListener("input", apply);
    box.hidden = false;
    apply();
  }

  function announce(button, message) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) {
      status.textContent = message;
    }
  }

  function copyBySelection(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-dc-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-dc-copy"));
    if (!source) {
      return;
    }
    var text = source.textContent.replace(/\s+/g, " ").trim();
    var fallback = function () {
      announce(button, copyBySelection(source)
        ? "Citation copied."
        : "The citation is selected: press Ctrl+C (or ⌘+C) to copy it.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        announce(button, "Citation copied.");
      }, fallback);
    } else {
      fallback();
    }
  });

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(showButtons);
  } else {
    document.addEventListener("DOMContentLoaded", showButtons);
  }
})();
