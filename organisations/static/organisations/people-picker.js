// People pickers (organisations/people_picker.py): typing in the search box lists who matches
// without reloading the page. The script posts the form as the Find button would and swaps in
// the list the server sends back; without JavaScript the Find button does the same with a reload.
(function () {
  "use strict";
  const WAIT_MS = 300;
  const timers = new WeakMap(); // picker → the timer of a search waiting for typing to stop
  const latest = new WeakMap(); // picker → the search whose answer may still be shown

  function swap(picker, html, asked) {
    if (latest.get(picker) !== asked) return; // a newer search is on its way
    const page = new DOMParser().parseFromString(html, "text/html");
    const fresh = page.getElementById(picker.id + "-choices");
    const list = document.getElementById(picker.id + "-choices");
    const status = document.getElementById(picker.id + "-status");
    const freshStatus = page.getElementById(picker.id + "-status");
    if (!fresh || !list) return;
    // Boxes ticked while the search was on its way stay ticked, listed first.
    const values = new Set(Array.from(fresh.querySelectorAll("input"), (box) => box.value));
    list.querySelectorAll("input:checked").forEach((box) => {
      const label = box.closest("label");
      if (!values.has(box.value) && label) fresh.prepend(label);
      else fresh.querySelectorAll("input").forEach((other) => {
        if (other.value === box.value) other.checked = true;
      });
    });
    list.replaceWith(document.adoptNode(fresh));
    if (status && freshStatus) status.textContent = freshStatus.textContent;
  }

  function search(input) {
    const picker = input.closest("[data-people-picker]");
    const form = input.form;
    if (!picker || !form || !window.fetch || !window.DOMParser) return false;
    clearTimeout(timers.get(picker));
    const body = new FormData(form);
    body.set("find_people", picker.dataset.peoplePicker);
    const asked = {};
    latest.set(picker, asked);
    fetch(form.action, { method: "POST", body, credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => swap(picker, html, asked))
      // The Find button still works; nothing is lost by a search that failed.
      .catch(() => {});
    return true;
  }

  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!input.matches || !input.matches("input[data-people-search]")) return;
    const picker = input.closest("[data-people-picker]");
    if (!picker) return;
    clearTimeout(timers.get(picker));
    timers.set(picker, setTimeout(() => search(input), WAIT_MS));
  });
  document.addEventListener("keydown", (event) => {
    const input = event.target;
    if (event.key !== "Enter" || !input.matches || !input.matches("input[data-people-search]")) return;
    if (search(input)) event.preventDefault();
  });
})();
