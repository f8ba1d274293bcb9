// A running creation's page: follows its server-sent progress events, moves the bar, and reloads the page when the
// creation is finished (or every data-refresh-seconds while the stream is down). Loaded from the theme (no inline
// script: see the CSP).
(function () {
  document.documentElement.classList.add("js");
  var box = document.querySelector("[data-events-url]");
  if (!box) return;
  var bar = document.getElementById("item-progress");
  var stageEl = box.querySelector("[data-stage]");
  var percentEl = box.querySelector("[data-percent]");
  var wait = Math.max(2, Number(box.getAttribute("data-refresh-seconds")) || 5) * 1000;
  var timer = null;
  // Reload after `wait` unless the event stream (re)opens first.
  function reloadLater() { if (!timer) timer = setTimeout(function () { location.reload(); }, wait); }
  function stayPut() { if (timer) { clearTimeout(timer); timer = null; } }
  if (!window.EventSource) { reloadLater(); return; }
  reloadLater();
  // The page passes the tenant's wording; the default theme's is the fallback.
  var labels = { QUEUED: box.getAttribute("data-label-queued") || "Waiting in the queue",
    RUNNING: box.getAttribute("data-label-running") || "Creating" };
  var finals = { SUCCEEDED: 1, FAILED: 1, CANCELED: 1, EXPIRED: 1 };
  var source = new EventSource(box.getAttribute("data-events-url"));
  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    source.close();
    location.reload();
  }
  source.addEventListener("open", stayPut);
  source.addEventListener("error", function () { if (!finished) reloadLater(); });
  source.addEventListener("progress", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (!data) return;
    if (finals[data.status]) { finish(); return; }
    var p = Math.max(0, Math.min(100, Math.round(Number(data.progress) || 0)));
    if (data.status !== "QUEUED" || p > 0) bar.value = p;
    bar.textContent = p + "%";
    var stage = data.stage || labels[data.status] || stageEl.textContent;
    // The text is a live region: only a new stage or each further 10% is announced.
    if (stageEl.textContent !== stage) stageEl.textContent = stage;
    var shown = Number(percentEl.textContent) || 0;
    if (Math.floor(p / 10) !== Math.floor(shown / 10) || p === 100) percentEl.textContent = p;
  });
  source.addEventListener("done", finish);
})();
