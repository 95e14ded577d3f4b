// Start page: the body map toggles the area checkboxes, which stay the real
// form controls; "Other" minutes is picked when its number is typed.
const boxes = new Map();
for (const box of document.querySelectorAll('input[name="area"]')) boxes.set(box.value, box);

function paint() {
  for (const el of document.querySelectorAll('.bodymap [data-area]')) {
    el.classList.toggle('on', !!boxes.get(el.dataset.area)?.checked);
  }
}

document.querySelector('.bodymap')?.addEventListener('click', (e) => {
  const el = e.target.closest('[data-area]');
  const box = el && boxes.get(el.dataset.area);
  if (!box) return;
  box.checked = !box.checked;
  paint();
});
for (const box of boxes.values()) box.addEventListener('change', paint);
paint();

const other = document.querySelector('input[name="minutes_other"]');
other?.addEventListener('input', () => {
  const radio = document.querySelector('input[name="minutes"][value="other"]');
  if (radio && other.value) radio.checked = true;
});

document.querySelector('form.start')?.addEventListener('submit', (e) => {
  if (![...boxes.values()].some((b) => b.checked)) {
    e.preventDefault();
    let msg = document.getElementById('pick-area');
    if (!msg) {
      msg = document.createElement('p');
      msg.id = 'pick-area';
      msg.className = 'alert';
      msg.setAttribute('role', 'alert');
      document.querySelector('.areas legend').after(msg);
    }
    msg.textContent = 'Pick at least one place: tap the body or a name.';
    msg.scrollIntoView({ block: 'center' });
  }
});
