// History: a button that forgets, restores or deletes asks first.
document.addEventListener('submit', (e) => {
  const b = e.submitter;
  if (b && b.dataset.sure && !window.confirm(b.dataset.sure)) e.preventDefault();
});
