/* Dear Constituent: the copy button of the "Cite this letter" box.
 *
 * One listener on the document serves every page, including pages that
 * Material's instant navigation swaps in. The button is hidden until this
 * script shows it, so without JavaScript there is no button that does nothing.
 */
(function () {
  "use strict";

  function showButtons() {
    document.querySelectorAll("[data-dc-copy]").forEach(function (button) {
      button.hidden = false;
    });
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
