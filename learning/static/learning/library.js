// The library's filters sit folded on a phone, so results show on the first screen; on a
// wider screen there is room, so they open.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 768px)");
  function follow() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      if (wide.matches) details.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", follow);
  wide.addEventListener("change", follow);
})();
