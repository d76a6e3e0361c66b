// Small progressive enhancements; every page works without JavaScript.
// Texts go through Django's JavaScript catalog (loaded before this file); English if it failed.
if (typeof window.gettext !== "function") {
  window.gettext = (text) => text;
  window.interpolate = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}
document.addEventListener("htmx:responseError", (event) => {
  const target = event.detail.target;
  if (target && target.classList.contains("save-status")) {
    target.classList.add("error");
    target.textContent = gettext(
      "Not saved: the server refused the change. Your text is still in the box; check your connection and try again.",
    );
  }
});
document.addEventListener("htmx:sendError", (event) => {
  const target = event.detail.target;
  if (target && target.classList.contains("save-status")) {
    target.classList.add("error");
    target.textContent = gettext(
      "Not saved: you seem to be offline. Your text is still in the box and will save on your next change.",
    );
  }
});

// Evidence uploads: refuse an oversized file before sending it, and show progress while sending.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.classList || !form.classList.contains("upload-form")) return;
  const input = form.querySelector('input[type="file"]');
  const status = form.querySelector(".upload-status");
  const bar = form.querySelector(".upload-progress");
  const file = input && input.files[0];
  const limit = Number(form.dataset.maxMb) * 1024 * 1024;
  if (file && limit && file.size > limit) {
    event.preventDefault();
    status.classList.add("error");
    status.textContent = interpolate(
      gettext("“%(name)s” is %(size)s MB; the limit is %(limit)s MB. Compress it or share a link instead."),
      { name: file.name, size: (file.size / 1048576).toFixed(1), limit: form.dataset.maxMb },
      true,
    );
    return;
  }
  if (!file || !window.XMLHttpRequest || !window.FormData) return;
  event.preventDefault();
  const request = new XMLHttpRequest();
  request.open("POST", form.action);
  request.setRequestHeader("HX-Request", "true");
  request.upload.addEventListener("progress", (progress) => {
    if (!progress.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((progress.loaded / progress.total) * 100);
    status.textContent = interpolate(gettext("Uploading… %(percent)s%"), { percent: bar.value }, true);
  });
  request.addEventListener("load", () => {
    window.location.href = request.getResponseHeader("HX-Redirect") || window.location.href;
    window.location.reload();
  });
  request.addEventListener("error", () => {
    status.classList.add("error");
    status.textContent = gettext("The upload failed (connection lost). Nothing was saved; try again.");
  });
  request.send(new FormData(form));
});
