// The plan preview and the player. The preview's Start turns the page into
// the player without leaving it, so the browser lets it speak at once.
import { Clock } from '/static/clock.js';
import { Chart, drawThumb } from '/static/anim.js';
import { pending, setPending, post, queue, flush, onCreated, toast, newKey, said } from '/static/app.js';

const $ = (id) => document.getElementById(id);
const data = (id) => JSON.parse($(id)?.textContent || 'null');
const script = data('data-script');
const motion = data('data-motion') || {};
const request = data('data-request');
let session = data('data-session');
const moves = script.moves;

// Time: real, or standing still until a test moves it.
const testing = document.body.hasAttribute('data-test-clock');
let virtual = 0;
const now = testing ? () => virtual : () => performance.now();

const clock = new Clock(script, now, 0);
const chart = new Chart($('chart'), motion);
let sessionId = session?.id || null;
let lastMove = -1;
let finished = false;
// Moves skipped before their end and not played through since (as
// `knead play` counts them), and the offset the clock was last seen at.
const skipped = new Set();
let seen = 0;

// ---- storage: the last known place of each session, and requests that
// could not be sent yet (sent again when the network is back) ----
const placeKey = () => 'knead.place.' + sessionId;
const place = () => ({ offset: round(clock.offset()), running: clock.running, played: round(clock.spent()), skipped: [...skipped] });
function keepPlace() {
  if (!sessionId) return;
  try { localStorage.setItem(placeKey(), JSON.stringify({ ...place(), at: Date.now() })); } catch { /* private mode: the server copy is enough */ }
}
// send posts to the session, or queues it when the server cannot be
// reached. Requests go one after another, and after any that wait in the
// outbox, so an older place never overwrites a newer one.
let chain = Promise.resolve();
function send(kind, body, method) {
  if (!sessionId) return chain; // the place is saved once the session is made
  const item = { id: sessionId, kind, body, method };
  if (sessionId.startsWith('local-') || pending().length) { queue(item); flush(); return chain; }
  chain = chain.then(async () => {
    try {
      const r = await post(`/api/sessions/${item.id}/${kind}`, body, null, method);
      if (!r.ok && r.status !== 404) toast('Not saved: ' + (await said(r) || 'refused') + '.');
    } catch { queue(item); flush(); }
  });
  return chain;
}
onCreated((local, made) => { if (sessionId === local) adopt(made); });

function adopt(made) {
  const local = sessionId?.startsWith('local-') ? sessionId : null;
  session = made;
  sessionId = made.id;
  if (local) try { localStorage.removeItem('knead.place.' + local); } catch { /* ignore */ }
  keepPlace();
  history.replaceState(null, '', '/session/' + made.id);
  // Keep the session's page for offline use, so a reload finds it.
  fetch('/session/' + made.id).catch(() => {});
}

function saveProgress() {
  keepPlace();
  send('progress', place());
}
const round = (x) => Math.round(x * 1000) / 1000;

// ---- voice, chimes, settings and wake lock ----
// Switches in the player, and the speech rate and voice chosen before
// starting, are kept on this device.
const store = {
  get: (k) => { try { return localStorage.getItem('knead.opt.' + k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem('knead.opt.' + k, v); } catch { /* ignore */ } },
};
const opt = { voice: $('opt-voice'), chime: $('opt-chime'), tick: $('opt-tick') };
for (const [k, el] of Object.entries(opt)) {
  if (!el) continue;
  const saved = store.get(k);
  if (saved !== null) el.checked = saved === '1';
  el.addEventListener('change', () => {
    store.set(k, el.checked ? '1' : '0');
    if (k === 'voice' && !el.checked) speechSynthesis?.cancel();
  });
}
const RATES = { slower: 0.8, normal: 0.95, faster: 1.15 };
let rate = RATES[store.get('rate')] ? store.get('rate') : 'normal';
for (const r of document.querySelectorAll('input[name=rate]')) {
  r.checked = r.value === rate;
  r.addEventListener('change', () => { rate = r.value; store.set('rate', rate); });
}
const voiceSel = $('opt-voicename');
function voices() {
  if (!voiceSel || !('speechSynthesis' in window)) return;
  const list = speechSynthesis.getVoices().filter((v) => /^en/i.test(v.lang));
  const want = store.get('voicename');
  voiceSel.replaceChildren(new Option('The device’s voice', ''), ...list.map((v) => new Option(`${v.name} (${v.lang})`, v.name, false, v.name === want)));
  voiceSel.closest('label').hidden = !list.length;
}
if (voiceSel) {
  voices();
  speechSynthesis?.addEventListener?.('voiceschanged', voices);
  voiceSel.addEventListener('change', () => store.set('voicename', voiceSel.value));
}

// Priorities: a start, a switch and what comes next are always said; at
// the slower rate, reminders give way while the voice is still speaking.
const minor = new Set(['halfway', 'caution', 'ten-left', 'note']);
function say(text, interrupt, kind) {
  $('said').textContent = text;
  if (!opt.voice?.checked || !('speechSynthesis' in window)) return;
  if (interrupt) speechSynthesis.cancel();
  else if (rate === 'slower' && minor.has(kind) && speechSynthesis.speaking) return;
  const u = new SpeechSynthesisUtterance(text);
  u.rate = RATES[rate];
  const v = store.get('voicename') && speechSynthesis.getVoices().find((x) => x.name === store.get('voicename'));
  if (v) u.voice = v;
  speechSynthesis.speak(u);
}

// Chimes a person can tell apart with the voice off: two rising notes for
// the next move, three even pips to switch sides, a soft tick per stroke.
const SOUNDS = {
  next: [[523, 0, 0.9], [784, 0.16, 1.2]],
  switch: [[698, 0, 0.22], [698, 0.28, 0.22], [698, 0.56, 0.5]],
  tick: [[1400, 0, 0.05, 0.03]],
};
let audio = null;
const chimed = [];
function chime(kind = 'next') {
  chimed.push(kind);
  if (!(kind === 'tick' ? opt.tick : opt.chime)?.checked) return;
  try {
    audio ||= new (window.AudioContext || window.webkitAudioContext)();
    const t = audio.currentTime;
    for (const [f, at, len, g = 0.12] of SOUNDS[kind]) {
      const o = audio.createOscillator();
      const v = audio.createGain();
      o.frequency.value = f;
      v.gain.setValueAtTime(0.0001, t + at);
      v.gain.exponentialRampToValueAtTime(g, t + at + 0.02);
      v.gain.exponentialRampToValueAtTime(0.0001, t + at + len);
      o.connect(v).connect(audio.destination);
      o.start(t + at);
      o.stop(t + at + len + 0.05);
    }
  } catch { /* no audio: the voice and the screen still guide */ }
}
// A chime where each move after the first starts and where sides switch:
// the page leaves package guide's list out and finds them in the cues.
const chimes = script.cues.filter((c) => c.kind === 'switch' || (c.kind === 'start' && c.move)).map((c) => ({ at: c.at, kind: c.kind === 'start' ? 'next' : 'switch' }));
let chimeFrom = 0;

let lock = null;
// No wake lock without a secure context: awake.js keeps the screen on there.
let awake = null;
if (!isSecureContext) import('/static/awake.js').then((m) => { awake = m; }, () => {});
async function wake() {
  awake?.keepAwake();
  try { if ('wakeLock' in navigator && !lock) { lock = await navigator.wakeLock.request('screen'); lock.addEventListener('release', () => { lock = null; }); } } catch { /* not allowed: fine */ }
}
// A hidden page (the screen locked, another app in front) cannot be
// trusted to speak: the session pauses itself, and says where it stopped
// when the person is back. Never a silent clock running on.
let hiddenPause = false;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    if (clock.running && !finished) { hiddenPause = true; pause(); }
    else if (sessionId) saveProgress();
  } else if (hiddenPause) {
    hiddenPause = false;
    recapNext = true;
    const m = moves[clock.position().move];
    say(`Paused at ${clockText(clock.offset())}, in ${m ? m.title || m.name : 'the routine'}, when the screen went off. Press play to go on.`, true);
  }
});
addEventListener('pagehide', () => { if (sessionId && !finished) keepPlace(); });

// ---- drawing the player ----
const clockText = (s) => { s = Math.max(0, Math.round(s)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };
const sideText = (m, p) => {
  switch (m.side) {
    case 'each': return p.half === 2 ? 'Second side' : 'First side';
    case 'swap-hands': return p.half === 2 ? 'Hands swapped' : 'First hand';
    case 'alternate': return 'Sides take turns';
    case 'left': return 'Left side';
    case 'right': return 'Right side';
    case 'both': return 'Both sides';
  }
  return '';
};
const sentence = (t) => { t = t.trim(); t = t.charAt(0).toUpperCase() + t.slice(1); return /[.!?]$/.test(t) ? t : t + '.'; };

function showMove(i) {
  const m = moves[i];
  if (!m) return;
  $('move-title').textContent = m.title || m.name;
  $('move-say').textContent = m.say;
  // The move's cautions stay on screen while it plays, not only spoken.
  const care = (m.cautions || []).map(sentence);
  const notes = m.note ? [sentence(m.note)] : [];
  const box = $('move-care');
  box.replaceChildren();
  if (care.length || notes.length) {
    // one span, so the box keeps to two lines until it is tapped open
    const span = document.createElement('span');
    if (care.length) {
      const b = document.createElement('strong');
      b.textContent = 'Take care: ';
      span.append(b, care.join(' '));
    }
    if (notes.length) {
      const note = document.createElement('em');
      note.className = 'plan-note';
      note.textContent = (care.length ? ' ' : '') + notes.join(' ');
      span.append(note);
    }
    box.append(span);
  }
  box.hidden = !care.length && !notes.length;
  fold(box, false);
  const step = m.steps > 1 ? ` · step ${m.step + 1} of ${m.steps}` : '';
  $('move-area').textContent = `${m.area.replace(/-/g, ' ')} · ${m.name}${step}`;
  const n = moves[i + 1];
  $('next').textContent = n ? `Next: ${n.item === m.item ? n.title : n.name}` : 'Last move';
  $('move-count').textContent = `Move ${i + 1} of ${moves.length}`;
  $('press').textContent = m.pressure ? `${m.pressure.charAt(0).toUpperCase()}${m.pressure.slice(1)} pressure` : '';
  chart.show(m);
}

// passTo counts the moves whose end the clock ran past as played through.
function passTo(o) {
  moves.forEach((m, i) => { if (seen < m.start + m.seconds && m.start + m.seconds <= o) skipped.delete(i); });
  seen = o;
}

let lastBeat = 0;
function draw() {
  const p = clock.position();
  const m = moves[p.move];
  if (!m) return p;
  // A soft tick on each stroke, where the technique keeps a tempo.
  const beat = Math.floor((p.elapsed * (m.tempo || 0)) / 60);
  if (p.move !== lastMove) {
    showMove(p.move);
    if (lastMove !== -1) saveProgress();
    lastMove = p.move;
  } else if (beat > lastBeat && clock.running && opt.tick?.checked) chime('tick');
  lastBeat = beat;
  $('left').textContent = clockText(p.left);
  $('ring').style.strokeDashoffset = String(100 * (p.elapsed / (m.seconds || 1)));
  $('progress-bar').style.width = `${(100 * p.offset) / (script.total || 1)}%`;
  $('total-left').textContent = `${clockText(script.total - p.offset)} left`;
  $('pass').textContent = p.pass ? `Pass ${p.pass} of ${m.passes}` : '';
  $('side').textContent = sideText(m, p);
  chart.frame(p.elapsed, m, p);
  const playing = clock.running;
  $('player').classList.toggle('paused', !playing);
  $('toggle').setAttribute('aria-label', playing ? 'Pause' : 'Play');
  $('toggle-icon').setAttribute('d', playing ? 'M8 5v14M16 5v14' : 'M8 5l11 7-11 7z');
  $('toggle-icon').style.fill = playing ? 'none' : 'currentColor';
  return p;
}

function tick() {
  if (finished) return;
  const o = clock.offset();
  if (clock.running) {
    for (const c of chimes) if (c.at > chimeFrom && c.at <= o && c.at < script.total) chime(c.kind);
    chimeFrom = o;
  }
  for (const q of clock.due()) say(q.say, q.kind === 'start', q.kind);
  passTo(o);
  const p = draw();
  if (p.done && moves.length) end();
}

let timer = null;
// A long plan's page carries the drawings of its first moves; the rest
// come from /api/motion once it first plays (the service worker keeps them
// for offline play). Offline and never kept, those moves play undrawn.
let laterAsked = false;
function later() {
  if (laterAsked || !motion.later?.length) return;
  laterAsked = true;
  fetch(`/api/motion?level=${motion.level || 0}&steps=${encodeURIComponent(motion.later.join(','))}`)
    .then((r) => (r.ok ? r.json() : null))
    .then((j) => {
      if (!j) return;
      Object.assign(motion.steps, j.steps);
      thumbs();
      if (lastMove >= 0 && !chart.step) chart.show(moves[lastMove]);
    })
    .catch(() => { laterAsked = false; });
}
function run() {
  later();
  clearInterval(timer);
  timer = setInterval(() => { tick(); keepPlace(); }, testing ? 1e9 : 250);
  const frame = () => { if (!finished && clock.running) { draw(); requestAnimationFrame(frame); } };
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) requestAnimationFrame(frame);
}

// ---- controls ----
function play() {
  clock.start();
  chimeFrom = clock.offset();
  wake();
  run();
  tick();
  saveProgress();
}
function pause() {
  clock.pause();
  speechSynthesis?.cancel();
  $('said').textContent = 'Paused.';
  draw();
  saveProgress();
}
function toggle() { clock.running ? pause() : resume(); }
let recapNext = false; // after a reload, say the current move again on play
function resume() {
  hiddenPause = false;
  clock.start();
  chimeFrom = clock.offset();
  if (recapNext) {
    recapNext = false;
    const o = clock.offset();
    let first = true;
    for (const q of clock.recap()) if (q.at !== o) { say(q.say, first, q.kind); first = false; }
  }
  wake();
  run();
  tick();
  saveProgress();
}
function jump(fn) {
  speechSynthesis?.cancel();
  passTo(clock.offset());
  fn();
  seen = clock.offset();
  chimeFrom = seen - 1e-6;
  lastMove = -2; // the next draw treats it as a new move: shows it and saves the place
  tick();
  if (!clock.running) { draw(); }
}
function skip() {
  const p = clock.position();
  jump(() => { passTo(p.offset); if (!p.done) skipped.add(p.move); clock.skip(); });
}

$('toggle').addEventListener('click', toggle);
// The whole chart is a pause button: a large target for an oily knuckle.
$('chart-tap').addEventListener('click', toggle);
// The cautions and a long instruction show two lines; a tap shows them
// all, another folds them.
// One open at a time.
function fold(el, open) {
  for (const id of ['move-care', 'move-say']) $(id).setAttribute('aria-expanded', String(open && $(id) === el));
  $('player').classList.toggle('unfolded', open);
}
for (const id of ['move-care', 'move-say']) {
  $(id).addEventListener('click', (e) => {
    const open = e.currentTarget.getAttribute('aria-expanded') !== 'true';
    fold(e.currentTarget, open);
    // The whole instruction, asked for, is also said (the cues say a short form).
    if (open && id === 'move-say') say(moves[clock.position().move]?.say || '', true);
  });
}
$('back').addEventListener('click', () => jump(() => clock.back()));
$('skip').addEventListener('click', skip);
$('finish-now').addEventListener('click', () => {
  clock.pause();
  saveProgress();
  end();
  toast(`Ended at ${clockText(clock.offset())} of ${clockText(script.total)}.`, 'Undo', unend, 8000);
});
// Space pauses and goes on wherever the focus is: it never presses the
// button last tapped. Only a field that takes text keeps its keys.
const typing = (e) => e.target.closest?.('textarea, select, input:not([type=checkbox]):not([type=radio])');
addEventListener('keydown', (e) => {
  if ($('player').hidden || typing(e) || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === ' ') { e.preventDefault(); e.stopPropagation(); if (!e.repeat) toggle(); }
  else if (e.key === 'ArrowLeft') { e.preventDefault(); jump(() => clock.back()); }
  else if (e.key === 'ArrowRight') { e.preventDefault(); skip(); }
  else if (e.key === 'h') hurt();
  else if (keyed[e.key]) document.querySelector(`#player [data-feedback="${keyed[e.key]}"]`).click();
}, true);
const keyed = { l: 'lighter', g: 'good', f: 'firmer', s: 'sore', u: 'up', d: 'down' };
addEventListener('keyup', (e) => { if (e.key === ' ' && !$('player').hidden && !typing(e)) { e.preventDefault(); e.stopPropagation(); } }, true);

// Feedback: any button with data-feedback="kind" (the row, and the
// thumbs beside the move's place) records a press at this moment; the
// press can be taken back for a few seconds.
const pressed = [];
function press(kind, word, o) {
  const m = moves[clock.moveAt(o)];
  const entry = { kind, key: newKey(), area: m?.area, item: m?.item, technique: m?.technique, word };
  pressed.push(entry);
  send('feedback', { key: entry.key, kind, offset: round(o), at: Date.now() });
  return [entry, m];
}
const wordOf = (b) => b.dataset.word || b.textContent.trim();
function onFeedback(e) {
  const b = e.target.closest('[data-feedback]');
  if (!b) return;
  const [entry, m] = press(b.dataset.feedback, wordOf(b), clock.offset());
  b.classList.add('pressed');
  setTimeout(() => b.classList.remove('pressed'), 1200);
  const noted = `Noted: ${entry.word.toLowerCase()}, at ${m ? m.title || m.name : 'this move'}` + twice(entry);
  $('said').textContent = noted;
  toast(noted, 'Undo', () => unpress(entry));
}
$('feedback').addEventListener('click', onFeedback);
$('likes').addEventListener('click', onFeedback);
// "It hurts": the move stops at once and the clock waits. The rest of the
// session goes a step lighter on that area (never deep), said and shown,
// and the press is kept: the person's next plans go lighter there and
// leave that technique out of it.
const softer = { deep: 'moderate', moderate: 'light' };
const near = (a, b) => a === b || a.endsWith('-' + b) || b.endsWith('-' + a);
function hurt() {
  const o = clock.offset();
  const i = clock.moveAt(o);
  const m = moves[i];
  if (!m || finished) return;
  const key = newKey();
  send('feedback', { key, kind: 'hurt', offset: round(o), at: Date.now() });
  const entry = { kind: 'hurt', key, area: m.area, word: 'It hurts' };
  pressed.push(entry);
  const area = m.area.replace(/-/g, ' ');
  const later = new Set();
  const was = []; // what Undo puts back
  moves.forEach((n, j) => {
    if (j > i && near(n.area, m.area)) {
      later.add(j);
      const { pressure, note } = n;
      was.push(() => Object.assign(n, { pressure, note }));
      n.pressure = softer[n.pressure] || n.pressure;
      n.note = `Lighter here: it hurt on the ${area}.` + (n.note ? ' ' + n.note : '');
    }
  });
  for (const q of script.cues) if (later.has(q.move)) {
    const said = q.say;
    was.push(() => (q.say = said));
    q.say = q.say.replace(/\b(deep|moderate) pressure/g, (w, l) => softer[l] + ' pressure');
  }
  jump(() => { skipped.add(i); clock.skip(); });
  pause();
  const calm = `Stopped. Ease off and let the ${area} rest: lighter there from now on, no deep work. Play when you are ready.`;
  $('said').textContent = calm;
  say(calm, true);
  // A mistaken press: Undo voids it and puts the pressures back.
  toast(calm, 'Undo', () => {
    was.forEach((f) => f());
    unpress(entry);
  });
  if (clock.position().done) end();
}
$('hurt').addEventListener('click', hurt);
function unpress(entry) {
  for (const list of [pressed, kept || []]) if (list.includes(entry)) list.splice(list.indexOf(entry), 1);
  $('said').textContent = `Taken back: ${entry.word.toLowerCase()}.`;
  // Still waiting on the device: it never leaves. Sent: it is voided.
  const list = pending();
  const waiting = list.find((x) => x.kind === 'feedback' && x.body?.key === entry.key);
  if (waiting) setPending(list.filter((x) => x !== waiting));
  else send('feedback/' + entry.key, undefined, 'DELETE');
}

// ---- start, resume and end ----
function enterPlayer() {
  document.body.classList.add('in-player');
  scrollTo(0, 0);
  $('preview').hidden = true;
  $('summary').hidden = true;
  $('player').hidden = false;
  document.title = `${script.name || 'Session'} · Knead`;
}

async function begin() {
  const btn = $('start');
  btn.disabled = true;
  enterPlayer();
  // Speak and chime inside the tap, as browsers require.
  chime();
  play();
  // One key for this start, sent again with any retry: one session.
  const key = newKey();
  try {
    const r = await post('/api/sessions', request, key);
    const made = await r.json();
    if (!r.ok) throw new Error(made?.error?.message || 'could not start');
    adopt(made);
    saveProgress();
  } catch {
    // Offline: play on, and keep the session to send when the network is
    // back. The address keeps its local id, so a reload finds it.
    sessionId = 'local-' + key;
    history.replaceState(null, '', location.pathname + location.search + '#' + sessionId);
    queue({ id: sessionId, kind: 'create', request, key });
    saveProgress();
  }
}
$('start')?.addEventListener('click', begin);

const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
function end() {
  if (finished) return;
  finished = true;
  clearInterval(timer);
  clock.pause();
  passTo(clock.offset());
  saveProgress();
  lock?.release?.();
  awake?.letSleep();
  document.body.classList.remove('in-player');
  $('player').hidden = true;
  $('summary').hidden = false;
  // The honest numbers: moves played through, moves skipped, and the time
  // the clock ran (History says the same).
  const o = clock.offset();
  const ended = o >= script.total ? moves.length : clock.moveAt(o);
  const sk = [...skipped].filter((i) => i < ended).sort((a, b) => a - b);
  const done = ended - sk.length;
  $('summary-h').textContent = done === moves.length ? 'Well done' : 'Session over';
  $('summary-text').textContent = `${done} of ${plural(moves.length, 'move')} done${sk.length ? `, ${sk.length} skipped` : ''}, ${clockText(clock.spent())} of hands-on time` +
    (o < script.total ? `; stopped at ${clockText(o)} of ${clockText(script.total)}.` : '.');
  const names = sk.map((i) => moves[i].title || moves[i].name);
  $('summary-skipped').textContent = names.length ? `Skipped: ${names.slice(0, 8).join('; ')}${names.length > 8 ? `; and ${names.length - 8} more` : ''}.` : '';
  // Each technique played (the one playing at the end too), on its area,
  // with thumbs for it.
  const ol = $('summary-moves');
  ol.replaceChildren();
  const items = new Map();
  for (let i = 0; i < Math.min(moves.length, ended + 1); i++) if (!skipped.has(i) && moves[i].technique && !items.has(moves[i].item)) items.set(moves[i].item, moves[i]);
  for (const m of items.values()) {
    const li = document.createElement('li');
    li.dataset.item = m.item;
    li.innerHTML = '<span><strong></strong><span class="muted"></span></span><span class="likes"></span>';
    li.querySelector('strong').textContent = m.name;
    li.querySelector('.muted').textContent = m.area.replace(/-/g, ' ');
    for (const b of $('likes').children) {
      const c = b.cloneNode(true);
      c.removeAttribute('aria-keyshortcuts');
      c.classList.remove('pressed');
      c.setAttribute('aria-label', `${c.dataset.word} for ${m.name}`);
      c.onclick = () => thumb(m, c);
      li.lastChild.append(c);
    }
    ol.append(li);
  }
  $('summary-moves-box').hidden = !items.size;
  tally();
  if (session?.rating) {
    const r = document.querySelector(`input[name=rating][value="${session.rating}"]`);
    if (r) r.checked = true;
    $('note').value = session.note || '';
  }
  $('summary-h').focus();
}
// kept: the presses the server had when the page was opened.
let kept = null;
const everything = () => {
  kept ??= (session?.feedback || []).map((f) => ({ kind: f.kind, key: f.key, area: f.area, item: moves[f.move]?.item, technique: f.technique, word: f.kind }));
  return [...kept, ...pressed];
};
// twice ends what a press says: a second thumbs-down for a technique
// leaves it out of the person's plans.
const twice = (e) => (e.kind === 'down' && e.technique && everything().filter((f) => f.kind === 'down' && f.technique === e.technique).length > 1
  ? '; two thumbs-down leave it out of the next plans until it is restored in History.' : '.');
// thumb gives a thumb to a move from the summary, or takes it back.
function thumb(m, b) {
  const kind = b.dataset.feedback;
  const mine = everything().filter((f) => f.item === m.item && f.kind === kind);
  const word = b.dataset.word.toLowerCase();
  if (mine.length) {
    mine.forEach(unpress);
    toast(`Taken back: ${word} for ${m.name}.`);
  } else {
    const [entry] = press(kind, b.dataset.word, m.start + Math.min(1, m.seconds / 2));
    toast(`Noted: ${word} for ${m.name}` + twice(entry), 'Undo', () => { unpress(entry); tally(); });
  }
  tally();
}
// tally counts the presses by kind, and shows which moves have a thumb.
function tally() {
  const counts = {};
  const all = everything();
  for (const f of all) counts[f.kind] = (counts[f.kind] || 0) + 1;
  for (const b of document.querySelectorAll('#summary-moves [data-feedback]')) {
    b.setAttribute('aria-pressed', String(all.some((f) => f.item === Number(b.closest('li').dataset.item) && f.kind === b.dataset.feedback)));
  }
  const hurtAt = [...new Set(all.filter((f) => f.kind === 'hurt').map((f) => (f.area || '').replace(/-/g, ' ')))];
  const ul = $('summary-feedback');
  ul.replaceChildren();
  for (const b of document.querySelectorAll('#feedback [data-feedback], #likes [data-feedback]')) {
    const k = b.dataset.feedback;
    if (!counts[k]) continue;
    const li = document.createElement('li');
    const sore = k === 'sore' ? ' (' + [...new Set(all.filter((f) => f.kind === 'sore').map((f) => (f.area || '').replace(/-/g, ' ')))].join(', ') + ')' : '';
    li.textContent = `${wordOf(b)}: ${counts[k]}×${sore}`;
    ul.append(li);
  }
  if (hurtAt.length) {
    const li = document.createElement('li');
    li.textContent = `It hurts: ${counts.hurt}× (${hurtAt.join(', ')}); next time goes lighter there`;
    ul.append(li);
  }
}
// unend takes "End now" back: the player again, paused where it was.
function unend() {
  if (!finished || session?.finished_at) return;
  finished = false;
  enterPlayer();
  lastMove = -2;
  draw();
  $('said').textContent = `Paused at ${clockText(clock.offset())}. Press play to go on.`;
  $('toggle').focus();
}

$('finish-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const status = $('finish-status');
  if (!f.get('rating')) { status.textContent = 'Choose how it was, from 1 to 5, first.'; document.querySelector('input[name=rating]').focus(); return; }
  const body = { rating: Number(f.get('rating')), note: String(f.get('note') || '') };
  if (!sessionId || sessionId.startsWith('local-')) { queue({ id: sessionId, kind: 'finish', body }); status.textContent = 'Saved on this device; it will be sent when you are back online.'; return; }
  try {
    await chain; // the last place goes first
    const r = await post(`/api/sessions/${sessionId}/finish`, body);
    const out = await r.json();
    status.textContent = r.ok ? 'Saved. Thank you.' : (out?.error?.message || 'Could not save.');
    if (r.ok) { session = out; try { localStorage.removeItem(placeKey()); } catch { /* ignore */ } }
  } catch (e) {
    queue({ id: sessionId, kind: 'finish', body });
    status.textContent = e.status ? `Not saved yet: ${e.message}. Kept here, sent again soon.` : 'Saved on this device; it will be sent when you are back online.';
  }
});

// ---- preparation timers ----
for (const b of document.querySelectorAll('.timer')) {
  let t = null;
  const total = Number(b.dataset.seconds);
  const face = b.querySelector('span') || b;
  b.addEventListener('click', () => {
    if (t) { clearInterval(t); t = null; face.textContent = clockText(total); b.classList.remove('running'); b.setAttribute('aria-pressed', 'false'); return; }
    const until = Date.now() + total * 1000;
    b.classList.add('running');
    b.setAttribute('aria-pressed', 'true');
    t = setInterval(() => {
      const left = (until - Date.now()) / 1000;
      face.textContent = clockText(left);
      if (left <= 0) {
        clearInterval(t); t = null; b.classList.remove('running'); b.setAttribute('aria-pressed', 'false');
        chime();
        say('Time is up. ' + (b.closest('li')?.querySelector('strong')?.textContent || ''));
      }
    }, 500);
  });
}

// ---- the routine's small drawings, from the same motion the player uses ----
const thumbs = () => { for (const svg of document.querySelectorAll('svg[data-thumb]:empty')) drawThumb(svg, motion.steps?.[svg.dataset.thumb]); };
thumbs();

// ---- on load: a kept session, or one started offline here, resumes
// where it was ----
const local = !session && location.hash.startsWith('#local-') ? location.hash.slice(1) : null;
if (local) {
  const made = localStorage.getItem('knead.made.' + local);
  if (made) location.replace('/session/' + made);
  else if (pending().some((x) => x.id === local && x.kind === 'create')) sessionId = local;
}
if (session || sessionId) {
  let p = session?.progress || {};
  try {
    const kept = JSON.parse(localStorage.getItem(placeKey()) || 'null');
    if (kept && (!session || (kept.at > Date.parse(p.updated_at || 0) && kept.offset >= p.offset))) p = kept;
  } catch { /* ignore */ }
  clock.seek(p.offset || 0);
  clock.played = p.played || 0;
  for (const i of p.skipped || []) skipped.add(i);
  seen = clock.offset();
  recapNext = true;
  enterPlayer();
  lastMove = -1;
  draw();
  lastMove = clock.position().move;
  if (session?.finished_at) end();
  else $('said').textContent = clock.offset() > 0 ? `Paused at ${clockText(clock.offset())}. Press play to go on.` : 'Press play to begin.';
  flush();
}

// Tests drive the clock: advance(seconds) moves time on and lets the player react.
if (testing) {
  window.kneadTest = {
    advance(seconds) {
      const step = 0.5;
      for (let s = 0; s < seconds; s += step) { virtual += Math.min(step, seconds - s) * 1000; tick(); }
      return clock.position();
    },
    position: () => clock.position(),
    session: () => sessionId,
    chimes: () => chimed,
    hide() { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); },
    show() { Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); },
  };
}
