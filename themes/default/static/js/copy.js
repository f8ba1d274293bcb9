// Copy buttons (data-copy="<selector of the element whose text to copy>") and a box to show first (data-focus-on-load).
// The buttons stay hidden without script: the text itself is selectable with one click (user-select: all).
(function () {
  var box = document.querySelector("[data-focus-on-load]");
  // Focusing scrolls only when the box is out of view, and then clear of the sticky header (scroll-margin-top).
  if (box) box.focus();
  if (!navigator.clipboard) return;
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        // The page passes the tenant's words; English is the fallback.
        button.textContent = button.getAttribute("data-text-copied") || "Copied";
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        button.textContent = button.getAttribute("data-text-failed") || "Select and copy";
      });
    });
  });
})();
