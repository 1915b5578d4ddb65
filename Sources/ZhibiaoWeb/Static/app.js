// Zhibiao's small progressive script: the pages work without it.
// - A form with data-confirm asks before it is sent.
// - A checkbox with data-select-all ticks every box of its form.
"use strict";
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = event.submitter?.dataset.confirm ?? form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.matches("input[data-select-all]")) return;
  for (const other of box.form.querySelectorAll('input[type="checkbox"][name="figure"]')) other.checked = box.checked;
});

// Live updates: a page marked data-live listens to /events. "refresh" (the board) fetches itself
// again and replaces its content; "notice" (a page with a form) says that the figures changed, so
// that nothing typed is lost.
const live = document.querySelector("main[data-live]");
if (live && window.EventSource) {
  let pending = null;
  const refresh = async () => {
    pending = null;
    const response = await fetch(location.href, { headers: { accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
    if (fresh) document.querySelector("main").replaceWith(fresh);
  };
  const notice = () => {
    if (document.getElementById("live-notice")) return;
    const note = document.createElement("p");
    note.id = "live-notice";
    note.className = "notice";
    note.setAttribute("role", "status");
    note.textContent = live.dataset.liveText;
    document.querySelector("main").prepend(note);
  };
  new EventSource("/events").addEventListener("change", () => {
    if (live.dataset.live === "refresh") pending ??= setTimeout(refresh, 200);
    else notice();
  });
}
