// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("htmx:responseError", (event) => {
  const target = event.detail.target;
  if (target && target.classList.contains("save-status")) {
    target.classList.add("error");
    target.textContent = "Not saved: the server refused the change. Your text is still in the box; check your connection and try again.";
  }
});
document.addEventListener("htmx:sendError", (event) => {
  const target = event.detail.target;
  if (target && target.classList.contains("save-status")) {
    target.classList.add("error");
    target.textContent = "Not saved: you seem to be offline. Your text is still in the box and will save on your next change.";
  }
});
