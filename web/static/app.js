// Every page: register the service worker that keeps Knead working offline,
// and send what the player kept on the device while the server could not
// be reached (the outbox), whichever page is open when it can be again.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
}

// ---- a short message at the foot of the screen, with one action ----
let toastTimer = null;
export function toast(text, action, fn, ms = 6000) {
  let t = document.getElementById('toast');
  if (!t) {
    t = document.createElement('div');
    t.id = 'toast';
    t.className = 'toast';
    t.setAttribute('role', 'status');
    t.append(document.createElement('span'), document.createElement('button'));
    t.lastChild.type = 'button';
    document.body.append(t);
  }
  const [span, btn] = t.children;
  span.textContent = text;
  btn.hidden = !action;
  btn.textContent = action || '';
  btn.onclick = () => { t.hidden = true; fn?.(); };
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, ms);
}

// ---- the outbox: requests that wait in localStorage, sent in order ----
// An item is { id, kind, body, method, key } for METHOD
// /api/sessions/{id}/{kind}, or { id: 'local-…', kind: 'create', request,
// key } for a session started offline, whose other items follow it under
// the server's id once it is made. The key is the item's own: a create
// sends it as its Idempotency-Key, so a retry never makes two sessions.
const KEY = 'knead.pending';
export const newKey = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
export function pending() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; } }
export function setPending(list) { try { localStorage.setItem(KEY, JSON.stringify(list)); } catch { /* private mode: nothing kept */ } }

// post sends JSON (DELETE when method says so); it throws when the server
// cannot be reached, or fails (5xx: the error has its status, message and
// Retry-After in seconds), and answers a refusal (4xx) as it is.
export async function post(path, body, key, method = 'POST') {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status >= 500) throw Object.assign(new Error(await said(r) || 'the server failed'), { status: r.status, after: +r.headers.get('Retry-After') });
  return r;
}
export const said = (r) => r.json().then((j) => j?.error?.message, () => '');

export function queue(item) {
  if (!item.id) return;
  let list = pending();
  // Only the newest place of a session matters.
  if (item.kind === 'progress') list = list.filter((x) => !(x.kind === 'progress' && x.id === item.id));
  list.push({ key: newKey(), ...item });
  setPending(list.slice(-200));
}

// created callbacks hear (local id, the server's session) when a session
// started offline is made on the server; the pair is also kept, so a page
// reloaded at the local id finds the server's.
const created = new Set();
export function onCreated(fn) { created.add(fn); }

// refused says, once, what the server would not take; the write is dropped
// and the ones after it go on.
async function refused(r, what) {
  toast(`Not saved (${what}): ${await said(r) || 'the server refused it'}.`);
}

// flush sends what waits. When something could not go while the browser
// says it is online (the network is just back, or the server restarts or
// fails), it tries again later, waiting twice as long each time (at least
// as long as the server asks), up to a minute. A server that answers with
// a failure is not a network that is down: the person is told, each time.
let flushing = null;
let retry = null;
let wait = 2000;
export async function flush() {
  if (flushing) return flushing;
  flushing = send();
  let e;
  try { e = await flushing; } finally { flushing = null; }
  clearTimeout(retry);
  if (pending().length && navigator.onLine) {
    const w = Math.max(wait, 1000 * (e?.after || 0));
    retry = setTimeout(flush, w);
    wait = Math.min(2 * w, 60000);
    if (e?.status) toast(`Not saved yet: ${e.message}. Trying again in ${w / 1e3 | 0} s.`);
  } else {
    wait = 2000;
  }
}

// send sends what waits, oldest first, until the server cannot be reached
// or fails; it gives the error that stopped it.
async function send() {
  try {
    // Items kept by an older page have no key: give them one.
    let list = pending().map((x) => (x.key ? x : { ...x, key: newKey() }));
    setPending(list);
    const drop = (f) => { list = pending().filter((x) => !f(x)); setPending(list); };
    while (list.length) {
      const item = list[0];
      if (!item.id) { drop((x) => x.key === item.key); continue; }
      if (item.id.startsWith('local-')) {
        if (item.kind !== 'create' || !item.request) {
          // A local session whose making is lost: its requests cannot go.
          drop((x) => x.id === item.id);
          continue;
        }
        const r = await post('/api/sessions', item.request, item.key);
        if (!r.ok) {
          await refused(r, 'the session');
          drop((x) => x.id === item.id);
          continue;
        }
        const made = await r.json();
        // The session is made: its other requests follow. The list is read
        // again: the player may have added to it.
        try { localStorage.setItem('knead.made.' + item.id, made.id); } catch { /* ignore */ }
        list = pending().filter((x) => x.key !== item.key).map((x) => (x.id === item.id ? { ...x, id: made.id } : x));
        setPending(list);
        for (const fn of created) fn(item.id, made);
        continue;
      }
      const r = await post(`/api/sessions/${item.id}/${item.kind}`, item.body, null, item.method);
      if (!r.ok && !(item.method === 'DELETE' && r.status === 404)) await refused(r, item.kind.split('/')[0]);
      drop((x) => x.key === item.key);
    }
  } catch (e) { return e; /* offline, or the server failed: keep the rest for later */ }
}
addEventListener('online', () => flush());
flush();
