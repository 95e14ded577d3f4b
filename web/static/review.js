// The review form: "Split here" cuts a step's words where the cursor was
// last in them. Without this script a | typed into the words does it.
for (const t of document.querySelectorAll('textarea[id$="-say"]')) {
  const cut = document.getElementById(t.id.replace(/-say$/, '-cut'));
  if (!cut) continue;
  const keep = () => { cut.value = String(t.selectionStart); };
  for (const ev of ['keyup', 'mouseup', 'select', 'input', 'focus']) t.addEventListener(ev, keep);
}
