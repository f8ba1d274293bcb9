// A running creation's page: follows its server-sent progress events, moves the bar, and when the creation is finished
// puts the finished page's content in place of the running one, without a reload (it reloads every
// data-refresh-seconds only while the stream is down). Loaded from the theme (no inline script: see the CSP).
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
  function finish(event) {
    if (finished) return;
    finished = true;
    source.close();
    stayPut();
    var job = null;
    try { job = event && event.data ? JSON.parse(event.data) : null; } catch (e) { job = null; }
    if (job && job.status === "SUCCEEDED") {
      bar.value = 100;
      bar.textContent = "100%";
      percentEl.textContent = "100";
      if (job.stage) stageEl.textContent = job.stage;
    }
    showFinished();
  }
  // The finished page, fetched and put in place of this one's content. Media served from another origin (a storage
  // plugin's own links) needs the finished page's own policy: that case, and any failure, reloads instead.
  function showFinished() {
    fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } }).then(function (response) {
      if (!response.ok) throw new Error("status " + response.status);
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var content = fresh.querySelector(".item-page");
      var heading = fresh.querySelector(".page-head h1");
      var current = document.querySelector(".item-page");
      var elsewhere = content && Array.prototype.some.call(content.querySelectorAll("img[src], video[src]"),
        function (media) { return new URL(media.getAttribute("src"), location.href).origin !== location.origin; });
      if (!content || !current || elsewhere) throw new Error("cannot show in place");
      current.replaceWith(document.adoptNode(content));
      var shownHeading = document.querySelector(".page-head h1");
      if (heading && shownHeading) shownHeading.textContent = heading.textContent;
      document.title = fresh.title;
    }).catch(function () { location.reload(); });
  }
  source.addEventListener("open", stayPut);
  source.addEventListener("error", function () { if (!finished) reloadLater(); });
  source.addEventListener("progress", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (!data) return;
    var p = Math.max(0, Math.min(100, Math.round(Number(data.progress) || 0)));
    if (data.status !== "QUEUED" || p > 0) bar.value = p;
    bar.textContent = p + "%";
    var stage = data.stage || labels[data.status] || stageEl.textContent;
    // The text is a live region: only a new stage or each further 10% is announced.
    if (stageEl.textContent !== stage) stageEl.textContent = stage;
    var shown = Number(percentEl.textContent) || 0;
    if (Math.floor(p / 10) !== Math.floor(shown / 10) || p === 100) percentEl.textContent = p;
    if (finals[data.status]) finish(null);
  });
  source.addEventListener("done", finish);
})();
