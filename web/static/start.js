// Start page: the body map and the group names tick the area checkboxes,
// which stay the real form controls; "Other" minutes is picked when its
// number is typed. The map is one stop for Tab: arrows move between places,
// Space or Enter picks one or opens a close-up, Escape closes it.
const boxes = new Map();
for (const box of document.querySelectorAll('input[name="area"]')) boxes.set(box.value, box);
const map = document.querySelector('.bodymap');
const picked = document.getElementById('picked');
const form = document.querySelector('form.start');

function name(area) {
  return boxes.get(area)?.nextElementSibling?.textContent || area;
}

function paint() {
  for (const el of document.querySelectorAll('.bodymap [data-area]')) {
    const on = !!boxes.get(el.dataset.area)?.checked;
    el.classList.toggle('on', on);
    if (el.hasAttribute('role')) el.setAttribute('aria-checked', String(on));
  }
  for (const t of document.querySelectorAll('.bodymap text[data-for]')) {
    t.classList.toggle('on', !!boxes.get(t.dataset.for)?.checked);
  }
  for (const z of document.querySelectorAll('.bodymap [data-zoom]')) {
    const inside = [...document.querySelectorAll(`.closeup.${z.dataset.zoom} [data-area][role]`)].map((el) => el.dataset.area);
    z.classList.toggle('some', inside.some((a) => boxes.get(a)?.checked));
  }
  for (const g of document.querySelectorAll('.groupname')) {
    const own = [...g.parentElement.querySelectorAll('input[name="area"]')];
    const n = own.filter((b) => b.checked).length;
    g.setAttribute('aria-pressed', n === 0 ? 'false' : n === own.length ? 'true' : 'mixed');
  }
  const names = [...boxes.values()].filter((b) => b.checked).map((b) => name(b.value));
  if (picked) picked.textContent = names.length ? `Picked: ${names.join(', ')}.` : (form?.dataset.routine ? 'Only the routine so far.' : 'No place picked yet.');
}

function toggle(area) {
  const box = boxes.get(area);
  if (!box) return;
  box.checked = !box.checked;
  paint();
}

// Which of the map's pictures is showing: front, back, or a close-up.
function show(view, focusFirst) {
  if (!map) return;
  const zoom = view !== 'front' && view !== 'back';
  if (!zoom) map.dataset.side = view;
  map.dataset.view = view;
  for (const f of map.querySelectorAll('figure')) {
    f.hidden = zoom ? !f.classList.contains(view) : f.classList.contains('closeup');
  }
  for (const b of map.querySelectorAll('[data-side]')) b.setAttribute('aria-pressed', String(b.dataset.side === (map.dataset.side || 'front')));
  if (focusFirst) {
    const first = map.querySelector(`figure.${view} [tabindex]`);
    rove(first);
    first?.focus();
  }
}

// Roving focus: one place in each picture takes Tab, the last one used.
function rove(el) {
  if (!el) return;
  for (const o of el.closest('svg').querySelectorAll('[tabindex]')) o.tabIndex = -1;
  el.tabIndex = 0;
}
for (const svg of document.querySelectorAll('.bodymap svg')) rove(svg.querySelector('[tabindex]'));

function activate(el) {
  if (el.dataset.area) toggle(el.dataset.area);
  else if (el.dataset.zoom) {
    map.dataset.from = el.dataset.zoom;
    show(el.dataset.zoom, true);
  }
}

function closeZoom() {
  const from = map.dataset.from;
  show(map.dataset.side || 'front');
  const back = map.querySelector(`figure.${map.dataset.side || 'front'} [data-zoom="${from}"][tabindex]`);
  if (back) {
    rove(back);
    back.focus();
  }
}

// The nearest place in a direction, by the middles of their boxes.
function near(from, dx, dy) {
  const r = from.getBoundingClientRect();
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  let best = null;
  let score = Infinity;
  for (const el of from.closest('svg').querySelectorAll('[tabindex]')) {
    if (el === from) continue;
    const o = el.getBoundingClientRect();
    const ox = o.x + o.width / 2 - cx;
    const oy = o.y + o.height / 2 - cy;
    const along = ox * dx + oy * dy;
    if (along <= 1) continue;
    const s = along + 2 * Math.abs(dx ? oy : ox);
    if (s < score) {
      score = s;
      best = el;
    }
  }
  return best;
}

const keys = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
map?.addEventListener('keydown', (e) => {
  const el = e.target.closest?.('[data-area][role], [data-zoom][role]');
  if (e.key === 'Escape' && map.dataset.view !== 'front' && map.dataset.view !== 'back') {
    e.preventDefault();
    closeZoom();
    return;
  }
  if (!el) return;
  if (keys[e.key]) {
    e.preventDefault();
    const next = near(el, ...keys[e.key]);
    if (next) {
      rove(next);
      next.focus();
    }
  } else if (e.key === ' ' || e.key === 'Enter') {
    e.preventDefault();
    activate(el);
  }
});

map?.addEventListener('click', (e) => {
  const el = e.target.closest('[data-area], [data-zoom]');
  if (el) {
    if (el.hasAttribute('tabindex')) rove(el);
    activate(el);
    return;
  }
  if (e.target.closest('.zoomout')) closeZoom();
  const side = e.target.closest('[data-side]');
  if (side) show(side.dataset.side);
});
if (map) {
  map.classList.add('js');
  show('front');
}

for (const g of document.querySelectorAll('.groupname')) {
  g.addEventListener('click', () => {
    const own = [...g.parentElement.querySelectorAll('input[name="area"]')];
    const all = own.every((b) => b.checked);
    for (const b of own) b.checked = !all;
    paint();
  });
}
for (const box of boxes.values()) box.addEventListener('change', paint);
paint();

const other = document.querySelector('input[name="minutes_other"]');
other?.addEventListener('input', () => {
  const radio = document.querySelector('input[name="minutes"][value="other"]');
  if (radio && other.value) radio.checked = true;
});

form?.addEventListener('submit', (e) => {
  if (!form.dataset.routine && ![...boxes.values()].some((b) => b.checked)) {
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

// A plan refused comes back here with its reason at the top of the page:
// focus goes to it, so a phone shows it and a screen reader reads it first.
document.getElementById('form-error')?.focus();
