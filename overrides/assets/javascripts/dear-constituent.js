/* Dear Constituent: the copy button of the "Cite this letter" box, a letter's
 * "Save as plain text", and the boxes that narrow a long list (MPs,
 * constituencies) as the reader types.
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
    document.querySelectorAll(".dc-save-text").forEach(function (item) {
      item.hidden = false;
    });
  }

  /* The letter as plain text, from its page: who, where and when, its address,
     then its words, paragraph by paragraph, without the transcriber's notes
     (letters.json.gz has the same words, for every letter). */
  function letterText() {
    var panel = {};
    document.querySelectorAll(".dc-letter-meta dt").forEach(function (term) {
      var value = term.nextElementSibling;
      var part = value.querySelector("[data-pagefind-meta], time") || value;
      panel[term.textContent.trim()] = part.textContent.replace(/\s+/g, " ").trim();
    });
    var lines = [
      document.getElementById("dc-main").textContent.trim(),
      "Letter from " + panel.MP + " MP (" + panel.Party + ", " + panel.Constituency + "), " + panel.Date
    ];
    ["Topic", "Topics", "Campaign", "Source"].forEach(function (name) {
      if (panel[name]) { lines.push(name + ": " + panel[name]); }
    });
    var permalink = document.querySelector(".dc-letter-footer a[rel=bookmark]");
    if (permalink) { lines.push(permalink.href); }
    var paragraphs = [];
    document.querySelectorAll(".dc-letter-paper p, .dc-letter-paper li").forEach(function (block) {
      if (!block.closest(".transcriber-note")) { paragraphs.push(block.innerText.trim()); }
    });
    return lines.join("\n") + "\n\n" + paragraphs.join("\n\n") +
      "\n\n-- Transcribed by Dear Constituent; transcriber's notes are left out of this text.\n";
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-dc-save-text]");
    if (!button) { return; }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([letterText()], {type: "text/plain;charset=utf-8"}));
    link.download = button.getAttribute("data-dc-save-text");
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });

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
