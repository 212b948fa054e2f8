// Saves a DPIA wizard step shortly after each change (htmx posts the form and swaps in the save status),
// so closing the browser loses at most the last second of typing. Forms opt in with data-autosave.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-autosave]").forEach((form) => {
    form.setAttribute("hx-post", form.getAttribute("action") || window.location.pathname);
    form.setAttribute("hx-trigger", "change delay:800ms, keyup changed delay:2s");
    form.setAttribute("hx-target", "#save-status");
    form.setAttribute("hx-swap", "innerHTML");
    if (window.htmx) {
      window.htmx.process(form);
    }
  });
});
