// The plan preview and the player. The preview's Start turns the page into
// the player without leaving it, so the browser lets it speak at once.
import { Clock } from '/static/clock.js';
import { Chart, drawThumb } from '/static/anim.js';
import { pending, post, queue, flush, onCreated } from '/static/app.js';

const $ = (id) => document.getElementById(id);
const data = (id) => JSON.parse($(id)?.textContent || 'null');
const script = data('data-script');
const motion = data('data-motion') || {};
const request = data('data-request');
let session = data('data-session');

// Time: real, or standing still until a test moves it.
const testing = document.body.hasAttribute('data-test-clock');
let virtual = 0;
const now = testing ? () => virtual : () => performance.now();

const clock = new Clock(script, now, 0);
const chart = new Chart($('chart'), motion);
let sessionId = session?.id || null;
let lastMove = -1;
let finished = false;

// ---- storage: the last known place of each session, and requests that
// could not be sent yet (sent again when the network is back) ----
const placeKey = () => 'knead.place.' + sessionId;
function keepPlace() {
  if (!sessionId) return;
  try {
    localStorage.setItem(placeKey(), JSON.stringify({ offset: clock.offset(), running: clock.running, at: Date.now() }));
  } catch { /* private mode: the server copy is enough */ }
}
// send posts to the session, or queues it when the server cannot be
// reached. Requests go one after another, and after any that wait in the
// outbox, so an older place never overwrites a newer one.
let chain = Promise.resolve();
function send(kind, body) {
  if (!sessionId) return chain; // the place is saved once the session is made
  const item = { id: sessionId, kind, body };
  if (sessionId.startsWith('local-') || pending().length) { queue(item); flush(); return chain; }
  chain = chain.then(async () => {
    try {
      await post(`/api/sessions/${item.id}/${kind}`, body);
    } catch { queue(item); flush(); }
  });
  return chain;
}
onCreated((local, made) => { if (sessionId === local) adopt(made); });

function adopt(made) {
  session = made;
  sessionId = made.id;
  history.replaceState(null, '', '/session/' + made.id);
}

function saveProgress() {
  keepPlace();
  send('progress', { offset: round(clock.offset()), running: clock.running });
}
const round = (x) => Math.round(x * 1000) / 1000;

// ---- voice, chime and wake lock ----
const opt = { voice: $('opt-voice'), chime: $('opt-chime') };
for (const [k, el] of Object.entries(opt)) {
  if (!el) continue;
  const saved = localStorage.getItem('knead.opt.' + k);
  if (saved !== null) el.checked = saved === '1';
  el.addEventListener('change', () => {
    localStorage.setItem('knead.opt.' + k, el.checked ? '1' : '0');
    if (k === 'voice' && !el.checked) speechSynthesis?.cancel();
  });
}

function say(text, interrupt) {
  $('said').textContent = text;
  if (!opt.voice?.checked || !('speechSynthesis' in window)) return;
  if (interrupt) speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.rate = 0.95;
  speechSynthesis.speak(u);
}

let audio = null;
function chime() {
  if (!opt.chime?.checked) return;
  try {
    audio ||= new (window.AudioContext || window.webkitAudioContext)();
    const t = audio.currentTime;
    for (const [f, g] of [[528, 0.12], [792, 0.05]]) {
      const o = audio.createOscillator();
      const v = audio.createGain();
      o.type = 'sine';
      o.frequency.value = f;
      v.gain.setValueAtTime(0.0001, t);
      v.gain.exponentialRampToValueAtTime(g, t + 0.02);
      v.gain.exponentialRampToValueAtTime(0.0001, t + 1.6);
      o.connect(v).connect(audio.destination);
      o.start(t);
      o.stop(t + 1.7);
    }
  } catch { /* no audio: the voice and the screen still guide */ }
}

let lock = null;
// No wake lock without a secure context: awake.js keeps the screen on there.
let awake = null;
if (!isSecureContext) import('/static/awake.js').then((m) => { awake = m; }, () => {});
async function wake() {
  awake?.keepAwake();
  try { if ('wakeLock' in navigator && !lock) { lock = await navigator.wakeLock.request('screen'); lock.addEventListener('release', () => { lock = null; }); } } catch { /* not allowed: fine */ }
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && clock.running) wake();
  if (document.visibilityState === 'hidden' && sessionId) saveProgress();
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

function showMove(i) {
  const m = script.moves[i];
  if (!m) return;
  $('move-title').textContent = m.title || m.name;
  $('move-say').textContent = m.say;
  // The move's cautions stay on screen while it plays, not only spoken.
  const sentence = (t) => { t = t.trim(); t = t.charAt(0).toUpperCase() + t.slice(1); return /[.!?]$/.test(t) ? t : t + '.'; };
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
  box.setAttribute('aria-expanded', 'false');
  const step = m.steps > 1 ? ` · step ${m.step + 1} of ${m.steps}` : '';
  $('move-area').textContent = `${m.area.replace(/-/g, ' ')} · ${m.name}${step}`;
  const n = script.moves[i + 1];
  $('next').textContent = n ? `Next: ${n.item === m.item ? n.title : n.name}` : 'Last move';
  $('move-count').textContent = `Move ${i + 1} of ${script.moves.length}`;
  $('press').textContent = m.pressure ? `${m.pressure.charAt(0).toUpperCase()}${m.pressure.slice(1)} pressure` : '';
  chart.show(m);
}

function draw() {
  const p = clock.position();
  const m = script.moves[p.move];
  if (!m) return p;
  if (p.move !== lastMove) {
    showMove(p.move);
    if (lastMove !== -1 && clock.running) chime();
    if (lastMove !== -1) saveProgress();
    lastMove = p.move;
  }
  $('left').textContent = clockText(p.left);
  $('ring').style.strokeDashoffset = String(100 * (p.elapsed / (m.seconds || 1)));
  $('progress-bar').style.width = `${(100 * p.offset) / (script.total || 1)}%`;
  $('total-left').textContent = `${clockText(script.total - p.offset)} left`;
  $('pass').textContent = p.pass ? `Pass ${p.pass} of ${m.passes}` : '';
  $('side').textContent = sideText(m, p);
  chart.frame(p.elapsed, m, p);
  const playing = clock.running;
  $('toggle').setAttribute('aria-label', playing ? 'Pause' : 'Play');
  $('toggle-icon').setAttribute('d', playing ? 'M8 5v14M16 5v14' : 'M8 5l11 7-11 7z');
  $('toggle-icon').style.fill = playing ? 'none' : 'currentColor';
  return p;
}

function tick() {
  if (finished) return;
  for (const q of clock.due()) say(q.say, q.kind === 'start');
  const p = draw();
  if (p.done && script.moves.length) end();
}

let timer = null;
function run() {
  clearInterval(timer);
  timer = setInterval(() => { tick(); keepPlace(); }, testing ? 1e9 : 250);
  const frame = () => { if (!finished && clock.running) { draw(); requestAnimationFrame(frame); } };
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) requestAnimationFrame(frame);
}

// ---- controls ----
function play() {
  clock.start();
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
  clock.start();
  if (recapNext) {
    recapNext = false;
    const o = clock.offset();
    for (const q of clock.recap()) if (q.at !== o) say(q.say, q.kind === 'start');
  }
  wake();
  run();
  tick();
  saveProgress();
}
function jump(fn) {
  speechSynthesis?.cancel();
  fn();
  lastMove = -2; // the next draw treats it as a new move: shows it and saves the place
  tick();
  if (!clock.running) { draw(); }
}

$('toggle').addEventListener('click', toggle);
// The cautions show two lines; a tap shows them all, another folds them.
$('move-care').addEventListener('click', (e) => {
  const b = e.currentTarget;
  b.setAttribute('aria-expanded', String(b.getAttribute('aria-expanded') !== 'true'));
});
$('back').addEventListener('click', () => jump(() => clock.back()));
$('skip').addEventListener('click', () => jump(() => clock.skip()));
$('finish-now').addEventListener('click', () => { clock.pause(); saveProgress(); end(); });
addEventListener('keydown', (e) => {
  if ($('player').hidden || e.target.closest('input, textarea, select') || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === ' ' && !e.target.closest('button')) { e.preventDefault(); toggle(); }
  else if (e.key === 'ArrowLeft') { e.preventDefault(); jump(() => clock.back()); }
  else if (e.key === 'ArrowRight') { e.preventDefault(); jump(() => clock.skip()); }
});

const pressed = [];
const feedbackWords = { lighter: 'Lighter', good: 'Good', firmer: 'Firmer', sore: 'Sore spot' };
for (const b of document.querySelectorAll('[data-feedback]')) {
  b.addEventListener('click', () => {
    const kind = b.dataset.feedback;
    const o = clock.offset();
    const m = script.moves[clock.moveAt(o)];
    const key = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    pressed.push({ kind, move: m });
    send('feedback', { key, kind, offset: round(o), at: Date.now() });
    b.classList.add('pressed');
    setTimeout(() => b.classList.remove('pressed'), 1200);
    $('said').textContent = `Noted: ${feedbackWords[kind].toLowerCase()}, at ${m ? m.title || m.name : 'this move'}.`;
  });
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
  try {
    const r = await post('/api/sessions', request);
    const made = await r.json();
    if (!r.ok) throw new Error(made?.error?.message || 'could not start');
    adopt(made);
    saveProgress();
  } catch {
    // Offline: play on, and keep the session to send when the network is back.
    sessionId = 'local-' + Date.now().toString(36);
    queue({ id: sessionId, kind: 'create', request });
    saveProgress();
  }
}
$('start')?.addEventListener('click', begin);

function end() {
  if (finished) return;
  finished = true;
  clearInterval(timer);
  clock.pause();
  saveProgress();
  lock?.release?.();
  awake?.letSleep();
  document.body.classList.remove('in-player');
  $('player').hidden = true;
  $('summary').hidden = false;
  const counts = {};
  const all = [...(session?.feedback || []).map((f) => ({ kind: f.kind, area: f.area })), ...pressed.map((p) => ({ kind: p.kind, area: p.move?.area }))];
  for (const f of all) counts[f.kind] = (counts[f.kind] || 0) + 1;
  const o = clock.offset();
  $('summary-text').textContent = o >= script.total
    ? `All ${script.moves.length} moves, ${clockText(script.total)} in all.`
    : `Stopped at ${clockText(o)} of ${clockText(script.total)}.`;
  const ul = $('summary-feedback');
  ul.replaceChildren();
  for (const k of Object.keys(feedbackWords)) {
    if (!counts[k]) continue;
    const li = document.createElement('li');
    const sore = k === 'sore' ? ' (' + [...new Set(all.filter((f) => f.kind === 'sore').map((f) => (f.area || '').replace(/-/g, ' ')))].join(', ') + ')' : '';
    li.textContent = `${feedbackWords[k]}: ${counts[k]}×${sore}`;
    ul.append(li);
  }
  if (session?.rating) {
    const r = document.querySelector(`input[name=rating][value="${session.rating}"]`);
    if (r) r.checked = true;
    $('note').value = session.note || '';
  }
  $('summary-h').focus();
}

$('finish-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const body = { rating: Number(f.get('rating')), note: String(f.get('note') || '') };
  const status = $('finish-status');
  if (!sessionId || sessionId.startsWith('local-')) { queue({ id: sessionId, kind: 'finish', body }); status.textContent = 'Saved on this device; it will be sent when you are back online.'; return; }
  try {
    await chain; // the last place goes first
    const r = await post(`/api/sessions/${sessionId}/finish`, body);
    const out = await r.json();
    status.textContent = r.ok ? 'Saved. Thank you.' : (out?.error?.message || 'Could not save.');
    if (r.ok) { session = out; try { localStorage.removeItem(placeKey()); } catch { /* ignore */ } }
  } catch {
    queue({ id: sessionId, kind: 'finish', body });
    status.textContent = 'Saved on this device; it will be sent when you are back online.';
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
for (const svg of document.querySelectorAll('svg[data-thumb]')) drawThumb(svg, motion.steps?.[svg.dataset.thumb]);

// ---- on load: a stored session resumes where it was ----
if (session) {
  let offset = session.progress?.offset || 0;
  try {
    const local = JSON.parse(localStorage.getItem(placeKey()) || 'null');
    if (local && local.at > Date.parse(session.progress?.updated_at || 0) && local.offset > offset) offset = local.offset;
  } catch { /* ignore */ }
  clock.seek(offset);
  recapNext = true;
  enterPlayer();
  lastMove = -1;
  draw();
  lastMove = clock.position().move;
  if (session.finished_at) end();
  else $('said').textContent = offset > 0 ? `Paused at ${clockText(offset)}. Press play to go on.` : 'Press play to begin.';
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
  };
}
