// Small progressive enhancements; every page works without JavaScript.
// Texts go through Django's JavaScript catalog (loaded before this file); English if it failed.
if (typeof window.gettext !== "function") {
  window.gettext = (text) => text;
  window.interpolate = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}
// A save refused with a reason (HTTP 400) shows the server's words next to the field; htmx
// swaps no 4xx response by default. Anything else (a 403 error page, a lost connection) gets
// a general message, because its body is not written for this spot.
document.addEventListener("htmx:beforeSwap", (event) => {
  const target = event.detail.target;
  if (event.detail.xhr.status === 400 && target && target.classList.contains("save-status")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
const refusedMessage = () =>
  gettext(
    "Not saved: the server refused the change. Your text is still in the box; copy it somewhere safe, then reload the page (you may need to sign in again).",
  );
document.addEventListener("htmx:responseError", (event) => {
  const target = event.detail.target;
  if (target && target.classList.contains("save-status")) {
    target.classList.add("error");
    target.textContent = refusedMessage();
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

// Autosaving forms ([data-autosave]) save a moment after typing stops. Leaving the page in that
// moment must lose nothing, so whatever differs from the last save is sent at once when the
// page is hidden or left, and the browser asks before leaving only when that cannot help.
const autosave = {
  saved: new WeakMap(), // form → the values the server last accepted
  asked: new WeakMap(), // form → the values of htmx's request on its way
  flushed: new WeakMap(), // form → the values of the flush on its way
  failed: new WeakSet(), // forms whose last save failed
  values: (form) => new URLSearchParams(new FormData(form)).toString(),
  forms: () => Array.from(document.querySelectorAll("form[data-autosave]")),
  pending(form) {
    return this.values(form) !== this.saved.get(form);
  },
  settle(form, values, status) {
    const box = form.querySelector(".save-status");
    const ok = status >= 200 && status < 300;
    if (ok) {
      this.saved.set(form, values);
      this.failed.delete(form);
    } else {
      this.failed.add(form);
    }
    if (box) box.classList.toggle("error", !ok);
  },
  show(form, status, html) {
    const box = form.querySelector(".save-status");
    if (!box) return;
    if ((status === 200 || status === 400) && window.htmx) {
      htmx.swap(box, html, { swapStyle: "innerHTML", swapDelay: 0, settleDelay: 0 });
    } else if (status !== 200) {
      box.textContent = refusedMessage();
    }
  },
  // Send the form now, in a request that outlives the page; false if the browser can't.
  flush(form) {
    const values = this.values(form);
    if (this.flushed.get(form) === values) return true;
    const body = new FormData(form);
    body.append("autosave", "1");
    if (window.fetch) {
      this.flushed.set(form, values);
      fetch(form.action, {
        method: "POST",
        body,
        keepalive: true,
        credentials: "same-origin",
        headers: { "HX-Request": "true" },
      })
        .then((response) => response.text().then((html) => [response.status, html]))
        .then(([status, html]) => {
          this.settle(form, values, status);
          this.show(form, status, html);
        })
        .catch(() => this.failed.add(form))
        .finally(() => this.flushed.delete(form));
      return true;
    }
    if (navigator.sendBeacon && navigator.sendBeacon(form.action, body)) {
      this.flushed.set(form, values);
      return true;
    }
    return false;
  },
  // Flush every form with unsaved changes; true if one of them could not be sent.
  flushAll() {
    let unsent = false;
    for (const form of this.forms()) {
      if (this.pending(form) && !this.flush(form)) unsent = true;
    }
    return unsent;
  },
};
document.addEventListener("DOMContentLoaded", () => {
  for (const form of autosave.forms()) autosave.saved.set(form, autosave.values(form));
});
document.addEventListener("htmx:beforeRequest", (event) => {
  const form = event.detail.elt;
  if (form.matches && form.matches("form[data-autosave]")) {
    autosave.asked.set(form, autosave.values(form));
  }
});
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.detail.elt;
  if (!form.matches || !form.matches("form[data-autosave]")) return;
  const values = autosave.asked.get(form);
  autosave.asked.delete(form);
  // Status 0: aborted or offline; htmx:sendError says which to the person.
  autosave.settle(form, values, event.detail.xhr.status);
});
// A form saved with its own button reloads the page with what it sent; nothing to flush.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.matches && form.matches("form[data-autosave]")) {
    autosave.saved.set(form, autosave.values(form));
  }
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") autosave.flushAll();
});
window.addEventListener("pagehide", () => autosave.flushAll());
window.addEventListener("beforeunload", (event) => {
  const unsent = autosave.flushAll();
  // Ask only when leaving would lose text: it could not be sent, or its last save failed.
  const failing = autosave.forms().some((form) => autosave.pending(form) && autosave.failed.has(form));
  if (unsent || failing) {
    event.preventDefault();
    event.returnValue = "";
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
