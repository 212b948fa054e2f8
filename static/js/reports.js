// Report job page: size the progress bar from its data-report-progress attribute. Set through the CSSOM,
// because the Content-Security-Policy forbids style attributes in the markup.
(function () {
  "use strict";

  function sizeProgressBars(root) {
    root.querySelectorAll("[data-report-progress]").forEach(function (bar) {
      var percent = Math.max(0, Math.min(100, parseInt(bar.dataset.reportProgress, 10) || 0));
      bar.style.width = percent + "%";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sizeProgressBars(document);
  });
  // htmx fires htmx:load on each element it inserts, such as the polled status panel.
  document.addEventListener("htmx:load", function (event) {
    sizeProgressBars(event.detail.elt);
  });
})();
