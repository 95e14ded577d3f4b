// The library: the search and filters narrow the cards as one types (the
// same test as the server's, libraryFilter.matches), and the address keeps
// them; "Add to my routine" gathers techniques on this device, to play in
// the order added (/try?technique=…).
const form = document.querySelector('.libfilter');
const cards = [...document.querySelectorAll('.tcard')];
const count = document.getElementById('libcount');
const total = new Set(cards.map((c) => c.dataset.id)).size;
const KEY = 'knead.routine';
// What the search looks in: what the card says (its words with single
// spaces, as the server joins them) and the rest it keeps in data-more.
const said = new Map(cards.map((c) => [c, [...c.querySelectorAll('.cardtext > *, .src')].map((el) => el.textContent).join(' ')
  .concat(' ', c.dataset.more).toLowerCase()]));

function narrow() {
  const f = new FormData(form);
  const words = String(f.get('q') || '').toLowerCase().split(/\s+/).filter(Boolean);
  const area = f.get('area');
  const mode = f.get('mode');
  const level = f.get('pressure');
  const family = f.get('family');
  const time = Number(f.get('time')) || 0;
  const shown = new Set();
  for (const c of cards) {
    const d = c.dataset;
    const text = said.get(c);
    const ok = words.every((w) => text.includes(w)) &&
      (!area || d.areas.split(' ').includes(area)) &&
      (!mode || d.mode === mode || d.mode === 'both') &&
      (!level || d.levels.split(' ').includes(level)) &&
      (!family || d.family === family) &&
      (!time || Number(d.least) <= time * 60);
    c.hidden = !ok;
    if (ok) shown.add(d.id);
  }
  for (const g of document.querySelectorAll('.libgroup')) {
    const empty = !g.querySelector('.tcard:not([hidden])');
    g.hidden = empty;
    const link = document.querySelector(`.toc a[href="#${g.id}"]`);
    if (link) link.hidden = empty;
  }
  const n = shown.size;
  count.textContent = n === total ? '' : `${n} of ${total} techniques.${n === 0 ? ' Try fewer words or another place.' : ''}`;
  const q = new URLSearchParams();
  for (const [k, v] of f) if (v) q.set(k, v);
  history.replaceState(null, '', q.size ? `?${q}` : location.pathname);
}
if (form) {
  form.addEventListener('input', narrow);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    narrow();
  });
  form.querySelector('.showbtn').hidden = true;
}

// My routine: technique ids, in the order added, kept on this device.
function mine() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
function keep(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // private browsing: the routine lasts as long as the page
  }
  show(list);
}
const names = new Map(cards.map((c) => [c.dataset.id, c.dataset.name]));
let current = [];
function show(list) {
  current = list;
  const bar = document.getElementById('mybar');
  if (!bar) return;
  bar.hidden = list.length === 0;
  const said = list.map((id) => names.get(id) || id);
  document.getElementById('mine').textContent = list.length
    ? `My routine: ${said.slice(0, 3).join(', ')}${said.length > 3 ? ` and ${said.length - 3} more` : ''} (${list.length}).`
    : '';
  document.getElementById('mine-play').href = `/try?${list.map((id) => `technique=${encodeURIComponent(id)}`).join('&')}`;
  for (const b of document.querySelectorAll('[data-add]')) {
    const n = list.filter((id) => id === b.dataset.add).length;
    b.textContent = n ? `Add again (${n} in my routine)` : 'Add to my routine';
  }
  const ids = document.getElementById('mine-ids');
  if (ids) ids.replaceChildren(...list.map((id) => Object.assign(document.createElement('input'), { type: 'hidden', name: 'technique', value: id })));
}
// "Keep in My routines": the server checks and keeps the list as a routine
// of the person picked; then the list leaves this device and the routine opens.
document.getElementById('mine-keep')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const said = document.getElementById('mine-said');
  said.textContent = 'Keeping…';
  try {
    const res = await fetch(e.target.action, { method: 'POST', body: new URLSearchParams(new FormData(e.target)) });
    if (res.ok && res.redirected) {
      keep([]);
      location.assign(res.url);
      return;
    }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    said.textContent = (doc.querySelector('main .lead') || doc.body).textContent.trim() || 'The routine was not kept.';
  } catch {
    said.textContent = 'The routine was not kept: the app could not be reached. Try again.';
  }
});
document.addEventListener('click', (e) => {
  const add = e.target.closest('[data-add]');
  if (add) keep([...current, add.dataset.add].slice(-40));
  if (e.target.closest('#mine-clear')) keep([]);
});
show(mine());
