// Every page: register the service worker that keeps Knead working offline,
// and send what the player kept on the device while the server could not
// be reached (the outbox), whichever page is open when it can be again.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
}

// ---- the outbox: requests that wait in localStorage, sent in order ----
// An item is { id, kind, body } for POST /api/sessions/{id}/{kind}, or
// { id: 'local-…', kind: 'create', request } for a session started offline,
// whose other items follow it under the server's id once it is made.
const KEY = 'knead.pending';
const newKey = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
export function pending() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; } }
function setPending(list) { try { localStorage.setItem(KEY, JSON.stringify(list)); } catch { /* private mode: nothing kept */ } }

// post sends JSON; it throws when the server cannot be reached or fails.
export async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok && r.status >= 500) throw new Error('server ' + r.status);
  return r;
}

export function queue(item) {
  if (!item.id) return;
  let list = pending();
  // Only the newest place of a session matters.
  if (item.kind === 'progress') list = list.filter((x) => !(x.kind === 'progress' && x.id === item.id));
  list.push({ ...item, key: newKey() });
  setPending(list.slice(-200));
}

// created callbacks hear (local id, the server's session) when a session
// started offline is made on the server.
const created = new Set();
export function onCreated(fn) { created.add(fn); }

// flush sends what waits. When something could not go while the browser
// says it is online (the network is just back, or the server restarts), it
// tries again later, waiting twice as long each time, up to a minute.
let flushing = null;
let retry = null;
let wait = 2000;
export async function flush() {
  if (flushing) return flushing;
  flushing = send();
  try { await flushing; } finally { flushing = null; }
  clearTimeout(retry);
  if (pending().length && navigator.onLine) {
    retry = setTimeout(flush, wait);
    wait = Math.min(2 * wait, 60000);
  } else {
    wait = 2000;
  }
}

// send sends what waits, oldest first, until the server cannot be reached.
async function send() {
  try {
    // Items kept by an older page have no key: give them one.
    let list = pending().map((x) => (x.key ? x : { ...x, key: newKey() }));
    setPending(list);
    while (list.length) {
      const item = list[0];
      if (!item.id) { list = list.filter((x) => x !== item); setPending(list); continue; }
      if (item.id.startsWith('local-')) {
        if (item.kind !== 'create' || !item.request) {
          // A local session whose making is lost: its requests cannot go.
          list = list.filter((x) => x.id !== item.id);
          setPending(list);
          continue;
        }
        const r = await post('/api/sessions', item.request);
        const made = await r.json();
        // The session is made (or refused for good): its other requests
        // follow. The list is read again: the player may have added to it.
        list = pending().filter((x) => x.key !== item.key);
        list = r.ok ? list.map((x) => (x.id === item.id ? { ...x, id: made.id } : x)) : list.filter((x) => x.id !== item.id);
        setPending(list);
        if (r.ok) for (const fn of created) fn(item.id, made);
        continue;
      }
      await post(`/api/sessions/${item.id}/${item.kind}`, item.body);
      list = pending().filter((x) => x.key !== item.key);
      setPending(list);
    }
  } catch { /* still offline: keep the rest for later */ }
}
addEventListener('online', () => flush());
flush();
