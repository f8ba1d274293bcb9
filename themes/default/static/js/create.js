// The create page: shows only the chosen model's parameters and file field, keeps the button's price in step with the
// chosen size or length and the number of variations, applies aspect presets to the size fields, previews a chosen,
// dropped or pasted input image with the crop it will get, and sends the form in the background so the results
// appear beside it as they finish, each followed over its job's event stream. Every text it shows comes from the page
// (data-text-* attributes and the result <template>). Loaded from the theme (no inline script: see the CSP).
(function () {
  var form = document.querySelector(".create-form");
  if (!form) return;
  document.documentElement.classList.add("js");
  form.classList.add("js");
  var radios = form.querySelectorAll('input[name="model"]');
  var sets = form.querySelectorAll(".param-set");
  var fileField = form.querySelector("[data-input-field]");
  var fileInput = fileField && fileField.querySelector('input[type="file"]');
  var button = form.querySelector("[data-create-button]");
  var breakdown = form.querySelector("[data-price-breakdown]");

  function chosen() {
    for (var i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i];
    return null;
  }
  function field(model, name) {
    return form.elements.namedItem("p." + model + "." + name);
  }
  function value(model, name) {
    var f = field(model, name);
    return f && f.value !== undefined ? String(f.value).trim() : "";
  }
  function variations() {
    var checked = form.querySelector('input[name="variations"]:checked');
    return checked ? Math.max(1, Number(checked.value) || 1) : 1;
  }
  // "1 credit", "8 credits": the page's texts with the number put in.
  function credits(n) {
    return fill(button.getAttribute(n === 1 ? "data-credit-one" : "data-credit-many"), { n: n.toLocaleString("en-US") });
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  // ------------------------------------------------------------------ model, price

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
    if (button && r && !sending) {
      var each = priceOf(r);
      var count = variations();
      var total = each * count;
      button.textContent = fill(button.getAttribute("data-text"), { credits: credits(total) });
      var meta = r.parentNode.querySelector("[data-offer-price]");
      if (meta && r.hasAttribute("data-price-steps")) meta.textContent = credits(each);
      if (breakdown) {
        breakdown.hidden = count === 1;
        breakdown.textContent = fill(breakdown.getAttribute("data-text"), { count: count, credits: credits(each) });
      }
    }
    // The other cards go back to their range.
    for (var j = 0; j < radios.length; j++) {
      var other = radios[j].parentNode.querySelector("[data-offer-price]");
      if (!other || radios[j] === r) continue;
      if (other.hasAttribute("data-range")) other.textContent = other.getAttribute("data-range");
    }
    showCrop();
  }
  // The same rule as the server's: the first step the chosen size (pixels) or length (seconds) fits.
  function priceOf(r) {
    var base = Number(r.getAttribute("data-price")) || 0;
    var steps = (r.getAttribute("data-price-steps") || "").split(" ").filter(Boolean);
    if (!steps.length) return base;
    var measure = NaN;
    if (r.getAttribute("data-price-unit") === "duration") {
      measure = parseFloat(value(r.value, "duration") || value(r.value, "duration_seconds"));
    } else {
      var size = outputSize(r.value);
      if (size) measure = size.width * size.height;
    }
    if (!isFinite(measure)) return base;
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i].split(":");
      if (measure <= Number(step[0])) return Number(step[1]);
    }
    return base;
  }
  // The size the model will make: its width and height fields, or its "WxH" size choice.
  function outputSize(model) {
    if (value(model, "width") && value(model, "height")) {
      return { width: Number(value(model, "width")), height: Number(value(model, "height")) };
    }
    var m = /^(\d+)\s*[xX\u00d7]\s*(\d+)$/.exec(value(model, "size"));
    return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
  }

  // ------------------------------------------------------------------ aspect presets

  function presetFields(radio) {
    var values = {};
    (radio.getAttribute("data-fields") || "").split(" ").filter(Boolean).forEach(function (pair) {
      var at = pair.indexOf("=");
      values[pair.slice(0, at)] = pair.slice(at + 1);
    });
    return values;
  }
  function applyPreset(radio) {
    var model = radio.closest(".param-set").getAttribute("data-model");
    var values = presetFields(radio);
    Object.keys(values).forEach(function (name) {
      var f = field(model, name);
      if (f) f.value = values[name];
    });
  }
  // A size typed by hand picks the preset it matches, else Custom, so the form never says one size and sends another.
  function matchPreset(set) {
    var model = set.getAttribute("data-model");
    var presets = set.querySelectorAll('input[name="aspect.' + model + '"]');
    var match = null;
    for (var i = 0; i < presets.length; i++) {
      if (!presets[i].value) continue;
      var values = presetFields(presets[i]);
      var same = Object.keys(values).every(function (name) { return value(model, name) === values[name]; });
      if (same) { match = presets[i]; break; }
    }
    if (!match) match = set.querySelector("[data-custom-aspect]");
    if (match) match.checked = true;
  }
  form.addEventListener("change", function (event) {
    var t = event.target;
    if (t.name && t.name.indexOf("aspect.") === 0) {
      if (t.value) applyPreset(t);
    } else if (t.name && t.name.indexOf("p.") === 0 && t.closest(".param-set")) {
      matchPreset(t.closest(".param-set"));
    }
    update();
  });
  form.addEventListener("input", function (event) {
    var t = event.target;
    if (t.name && t.name.indexOf("p.") === 0 && t.closest(".param-set")) matchPreset(t.closest(".param-set"));
    update();
  });

  // ------------------------------------------------------------------ input image: pick, drop, paste, preview, crop

  var preview = fileField && fileField.querySelector("[data-preview]");
  var previewImage = preview && preview.querySelector("[data-preview-image]");
  var cropBox = preview && preview.querySelector("[data-crop-box]");
  var previewUrl = null;

  function showFile() {
    if (!preview) return;
    if (previewUrl) { URL.revokeObjectURL(previewUrl); previewUrl = null; }
    var file = fileInput.files && fileInput.files[0];
    if (!file || file.type.indexOf("image/") !== 0) { preview.hidden = true; return; }
    previewUrl = URL.createObjectURL(file);
    previewImage.onload = showCrop;
    previewImage.src = previewUrl;
    preview.hidden = false;
  }
  // The model scales the picture to cover the chosen size and crops it about its centre: frame that part.
  function showCrop() {
    if (!preview || preview.hidden || !previewImage.naturalWidth) return;
    var r = chosen();
    var size = r && outputSize(r.value);
    var iw = previewImage.naturalWidth, ih = previewImage.naturalHeight;
    var w = 1, h = 1;
    if (size && size.width > 0 && size.height > 0) {
      var target = size.width / size.height;
      if (iw / ih > target) w = (ih * target) / iw; else h = (iw / target) / ih;
    }
    cropBox.style.width = (w * 100).toFixed(2) + "%";
    cropBox.style.height = (h * 100).toFixed(2) + "%";
    cropBox.style.left = ((1 - w) * 50).toFixed(2) + "%";
    cropBox.style.top = ((1 - h) * 50).toFixed(2) + "%";
  }
  function takeFiles(files) {
    if (!fileInput || fileInput.disabled || !files || !files.length) return false;
    var picked = null;
    for (var i = 0; i < files.length; i++) {
      if (/^(image|video)\//.test(files[i].type)) { picked = files[i]; break; }
    }
    if (!picked || !window.DataTransfer) return false;
    var transfer = new DataTransfer();
    transfer.items.add(picked);
    fileInput.files = transfer.files;
    showFile();
    return true;
  }
  if (fileField) {
    var zone = fileField.querySelector("[data-dropzone]");
    fileInput.addEventListener("change", showFile);
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("is-over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      takeFiles(event.dataTransfer && event.dataTransfer.files);
    });
    document.addEventListener("paste", function (event) {
      var files = event.clipboardData && event.clipboardData.files;
      if (files && files.length && takeFiles(files)) event.preventDefault();
    });
    fileField.querySelector("[data-clear-input]").addEventListener("click", function () {
      fileInput.value = "";
      showFile();
      fileInput.focus();
    });
  }

  // ------------------------------------------------------------------ sending and following the results

  var results = document.querySelector("[data-results]");
  var resultList = results && results.querySelector("[data-result-list]");
  var template = results && results.querySelector("[data-result-template]");
  var sending = false;
  var background = !!(results && window.fetch && window.FormData && window.EventSource && template);

  form.addEventListener("submit", function (event) {
    if (sending) { event.preventDefault(); return; }
    sending = true;
    if (button) { button.setAttribute("aria-disabled", "true"); button.textContent = button.getAttribute("data-text-sending"); }
    if (!background) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (response.status !== 202) throw new Error("not queued");
      return response.json();
    }).then(function (answer) {
      sending = false;
      if (button) button.removeAttribute("aria-disabled");
      update();
      results.hidden = false;
      answer.jobs.slice().reverse().forEach(follow);
      results.scrollIntoView({ block: "nearest" });
    }).catch(function () {
      // Refused (credits, limits, a field) or unreachable: the ordinary submit shows the page's own answer.
      form.submit();
    });
  });
  window.addEventListener("pageshow", function () {
    sending = false;
    if (button) button.removeAttribute("aria-disabled");
    update();
  });

  var FINAL = { SUCCEEDED: 1, FAILED: 1, CANCELED: 1, EXPIRED: 1 };

  function follow(job) {
    var item = template.content.firstElementChild.cloneNode(true);
    item.setAttribute("data-job", job.id);
    item.querySelector("[data-result-open]").href = job.url;
    resultList.insertBefore(item, resultList.firstChild);
    var bar = item.querySelector("[data-result-bar]");
    var stage = item.querySelector("[data-result-stage]");
    var percent = item.querySelector("[data-result-percent]");
    var source = new EventSource(job.events_url);
    var finished = false;
    source.addEventListener("progress", function (event) {
      var data = parse(event.data);
      if (!data || finished) return;
      var p = Math.max(0, Math.min(100, Math.round(Number(data.progress) || 0)));
      bar.value = p;
      bar.textContent = p + "%";
      stage.textContent = data.stage || item.getAttribute(data.status === "QUEUED" ? "data-text-queued" : "data-text-running");
      percent.textContent = p;
    });
    source.addEventListener("done", function (event) {
      var data = parse(event.data);
      if (!data || !FINAL[data.status]) return;
      finished = true;
      source.close();
      finish(item, data);
    });
    // EventSource reconnects by itself after a dropped connection; a stream that is refused is given up.
    source.addEventListener("error", function () {
      if (!finished && source.readyState === EventSource.CLOSED) {
        results.querySelector("[data-results-error]").hidden = false;
      }
    });
  }

  function parse(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  function finish(item, job) {
    var bar = item.querySelector("[data-result-bar]");
    var output = job.outputs && job.outputs[0];
    item.setAttribute("data-status", job.status);
    if (job.status === "SUCCEEDED" && output) {
      bar.value = 100;
      item.querySelector("[data-result-percent]").textContent = "100";
      item.querySelector("[data-result-stage]").textContent = job.stage || item.getAttribute("data-text-running");
      var media = item.querySelector("[data-result-media]");
      var shown;
      if (output.media_type && output.media_type.indexOf("video/") === 0) {
        shown = document.createElement("video");
        shown.controls = true;
        shown.playsInline = true;
        shown.preload = "metadata";
        if (output.thumbnail_url) shown.poster = output.thumbnail_url;
        shown.src = output.url;
        shown.setAttribute("aria-label", job.prompt || "");
      } else {
        shown = document.createElement("img");
        shown.src = output.thumbnail_url || output.url;
        shown.alt = job.prompt || "";
      }
      if (output.width && output.height) { shown.width = output.width; shown.height = output.height; }
      media.replaceChildren(shown);
    } else {
      var error = item.querySelector("[data-result-error]");
      error.textContent = job.error || item.getAttribute("data-text-failed");
      error.hidden = false;
      item.querySelector("[data-result-progress]").hidden = true;
      item.querySelector("[data-result-media]").hidden = true;
    }
    var actions = item.querySelector("[data-result-actions]");
    actions.hidden = false;
    actions.querySelectorAll("[data-reuse]").forEach(function (b) {
      b.addEventListener("click", function () { reuse(job, b.getAttribute("data-reuse")); });
    });
  }

  // Fills the form from a result: "prompt" its prompts and model; "seed" also every setting, seed included; "vary"
  // the same with a new seed.
  function reuse(job, how) {
    var radio = form.querySelector('input[name="model"][value="' + CSS.escape(job.model) + '"]');
    if (radio) radio.checked = true;
    form.elements.namedItem("prompt").value = job.prompt || "";
    var negative = form.elements.namedItem("negative_prompt");
    if (negative) {
      negative.value = job.negative_prompt || "";
      if (negative.value) negative.closest("details").open = true;
    }
    update();
    if (how !== "prompt" && radio) {
      var params = job.parameters || {};
      Object.keys(params).forEach(function (name) {
        var f = field(job.model, name);
        if (!f || params[name] === null) return;
        if (f.type === "checkbox") f.checked = params[name] === true || params[name] === "true";
        else f.value = String(params[name]);
      });
      if (how === "vary") {
        var seed = field(job.model, "seed");
        if (seed) {
          var max = Number(seed.max) || 2147483647;
          var min = Number(seed.min) || 0;
          var next;
          do { next = min + Math.floor(Math.random() * (max - min + 1)); } while (String(next) === seed.value);
          seed.value = String(next);
        }
      }
      var set = form.querySelector('.param-set[data-model="' + CSS.escape(job.model) + '"]');
      if (set) matchPreset(set);
      update();
    }
    var prompt = form.elements.namedItem("prompt");
    prompt.focus();
    prompt.scrollIntoView({ block: "center" });
  }

  for (var i = 0; i < radios.length; i++) radios[i].addEventListener("change", update);
  update();
})();
