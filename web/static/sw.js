// Knead's service worker. VERSION and PRECACHE are written above this line
// by the server: the hashed files, the library and the start page.
const CACHE = 'knead-' + VERSION;

self.addEventListener('install', (e) => {
  e.waitUntil((async () => {
    const c = await caches.open(CACHE);
    // One missing page must not stop the rest from being kept.
    await Promise.all(PRECACHE.map((u) => c.add(u).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    for (const k of await caches.keys()) if (k !== CACHE) await caches.delete(k);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname.startsWith('/static/')) {
    // Hashed names never change: the cache is always right.
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((r) => keep(req, r))));
    return;
  }
  if (url.pathname === '/healthz' || url.pathname === '/sw.js') return;
  // Pages and the API: the network first, so they are fresh; the copy kept
  // last time when offline (the last plan and session play from it).
  e.respondWith(fetch(req).then((r) => keep(req, r)).catch(async () => {
    const hit = await caches.match(req, { ignoreVary: true });
    if (hit) return hit;
    // A page never kept says so, rather than showing another in its place.
    if (req.mode === 'navigate') return (await caches.match('/offline')) || new Response('Offline: this page was not kept on this device.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return Response.error();
  }));
});

function keep(req, r) {
  if (r.ok && r.type === 'basic') {
    const copy = r.clone();
    caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return r;
}
