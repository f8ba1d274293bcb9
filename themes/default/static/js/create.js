// The create page: shows only the chosen model's parameters and file field, keeps the button's price in step with
// the chosen size or length, and sends the form once. Loaded from the theme (no inline script: see the CSP).
(function () {
  var form = document.querySelector(".create-form");
  if (!form) return;
  form.classList.add("js");
  var radios = form.querySelectorAll('input[name="model"]');
  var sets = form.querySelectorAll(".param-set");
  var fileField = form.querySelector("[data-input-field]");
  var fileInput = fileField && fileField.querySelector('input[type="file"]');
  var button = form.querySelector("[data-create-button]");
  function chosen() {
    for (var i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i];
    return null;
  }
  function update() {
    var r = chosen();
    var id = r ? r.value : "";
    for (var i = 0; i < sets.length; i++) {
      var on = sets[i].getAttribute("data-model") === id;
      sets[i].hidden = !on;
      sets[i].disabled = !on;
    }
    if (fileField) {
      var image = r && r.getAttribute("data-accepts-image") === "true";
      var video = r && r.getAttribute("data-accepts-video") === "true";
      fileField.hidden = !(image || video);
      fileInput.disabled = !(image || video);
      var accept = [];
      if (image) accept.push("image/png", "image/jpeg", "image/webp");
      if (video) accept.push("video/mp4", "video/webm");
      if (accept.length) fileInput.setAttribute("accept", accept.join(","));
    }
    if (button && r) {
      var n = priceOf(r);
      // Words come from the page (the tenant's wording), with the default theme's as a fallback.
      var shown = n.toLocaleString("en-US") + " " + (n === 1 ? button.getAttribute("data-credit") || "credit"
          : button.getAttribute("data-credits") || "credits");
      button.textContent = (button.getAttribute("data-label") || "Create") + " \u00b7 " + shown;
      var meta = r.parentNode.querySelector("[data-offer-price]");
      if (meta && r.hasAttribute("data-price-steps")) meta.textContent = shown;
    }
    // The other cards go back to their range.
    for (var j = 0; j < radios.length; j++) {
      var other = radios[j].parentNode.querySelector("[data-offer-price]");
      if (!other || radios[j] === r) continue;
      if (other.hasAttribute("data-range")) other.textContent = other.getAttribute("data-range");
    }
  }
  // The same rule as the server's: the first step the chosen size (pixels) or length (seconds) fits.
  function priceOf(r) {
    var base = Number(r.getAttribute("data-price")) || 0;
    var steps = (r.getAttribute("data-price-steps") || "").split(" ").filter(Boolean);
    if (!steps.length) return base;
    var prefix = "p." + r.value + ".";
    function value(name) {
      var field = form.elements.namedItem(prefix + name);
      return field && field.value !== undefined ? String(field.value).trim() : "";
    }
    var measure = NaN;
    if (r.getAttribute("data-price-unit") === "duration") {
      measure = parseFloat(value("duration") || value("duration_seconds"));
    } else if (value("width") && value("height")) {
      measure = Number(value("width")) * Number(value("height"));
    } else {
      var m = /^(\d+)\s*[xX\u00d7]\s*(\d+)$/.exec(value("size"));
      if (m) measure = Number(m[1]) * Number(m[2]);
    }
    if (!isFinite(measure)) return base;
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i].split(":");
      if (measure <= Number(step[0])) return Number(step[1]);
    }
    return base;
  }
  for (var i = 0; i < radios.length; i++) radios[i].addEventListener("change", update);
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  // One submission at a time; coming back to the page (back button) makes the form usable again.
  var sending = false;
  form.addEventListener("submit", function (event) {
    if (sending) { event.preventDefault(); return; }
    sending = true;
    if (button) { button.setAttribute("aria-disabled", "true"); button.textContent = button.getAttribute("data-sending") || "Sending\u2026"; }
  });
  window.addEventListener("pageshow", function () {
    sending = false;
    if (button) button.removeAttribute("aria-disabled");
    update();
  });
  update();
})();
