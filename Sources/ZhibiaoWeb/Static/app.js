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
