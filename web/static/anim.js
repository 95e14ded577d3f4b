// Draws a move on its body chart: the chart, each hand's path, and a marker
// per hand that follows the path in time, larger and glowing as it presses
// harder. Data comes from the server (package motion, thinned by web's
// motiondata.go), in a 1000-unit square; the page holds each chart once as
// <g id="chart-VIEW">:
//   { steps: { "TECHNIQUE#STEP": { view, seconds, passes,
//              hands: [{ hand, role, first, d: [t, x, y, p, b, dt, dx, dy, dp, b, …] }] } } }
// d holds the few points that keep the path, each after the first as the
// change from the one before: t in 1/50 s, x and y in the square, p the
// pressure 0–9, b the bend of the piece ending there (0 a straight line,
// else 1000·tan(θ/4) for an arc turning θ). Between points the hand moves
// at an even pace. first is the t where the hand's first pass ends.
const RATE = 50;
const NS = 'http://www.w3.org/2000/svg';
const reduced = matchMedia('(prefers-reduced-motion: reduce)');

// points decodes a hand's d once into [{ t (s), x, y, p, b }].
function points(h) {
  if (h.pts) return h.pts;
  const out = [];
  const d = h.d || [];
  let t = 0, x = 0, y = 0, p = 0;
  for (let i = 0; i + 4 < d.length; i += 5) {
    t += d[i]; x += d[i + 1]; y += d[i + 2]; p += d[i + 3];
    out.push({ t: t / RATE, x, y, p, b: d[i + 4] });
  }
  h.pts = out;
  return out;
}

// along gives the place a fraction u of the way along the piece from a to
// b (b.b its bend), as motiondata.go's along does.
function along(a, b, u) {
  const vx = b.x - a.x, vy = b.y - a.y;
  if (!b.b) return [a.x + u * vx, a.y + u * vy];
  const th = 4 * Math.atan(b.b / 1000);
  const h = 0.5 / Math.tan(th / 2);
  const ox = a.x + vx / 2 - h * vy, oy = a.y + vy / 2 + h * vx;
  const s = Math.sin(u * th), c = Math.cos(u * th);
  const rx = a.x - ox, ry = a.y - oy;
  return [ox + rx * c - ry * s, oy + rx * s + ry * c];
}

// at gives where a hand is at time s: its place and pressure (0–1).
function at(pts, s) {
  const n = pts.length;
  if (!n) return null;
  const one = (q) => ({ x: q.x, y: q.y, pr: q.p / 9 });
  if (s <= pts[0].t) return one(pts[0]);
  if (s >= pts[n - 1].t) return one(pts[n - 1]);
  let lo = 0, hi = n - 1; // pts[lo].t <= s < pts[hi].t
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (pts[mid].t <= s) lo = mid; else hi = mid; }
  const a = pts[lo], b = pts[hi];
  const u = (s - a.t) / (b.t - a.t || 1);
  const [x, y] = along(a, b, u);
  return { x, y, pr: (a.p + (b.p - a.p) * u) / 9 };
}

// pathData draws the pieces of a path as SVG path data: those where the
// hand touches (lifted = false), or those where it is lifted (true).
function pathData(pts, lifted) {
  let d = '';
  let pen = false;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1], b = pts[i];
    if ((a.p === 0 && b.p === 0) !== lifted) { pen = false; continue; }
    if (!pen) { d += `M${a.x},${a.y}`; pen = true; }
    if (!b.b) { d += `L${b.x},${b.y}`; continue; }
    const th = 4 * Math.atan(b.b / 1000);
    const r = Math.hypot(b.x - a.x, b.y - a.y) / (2 * Math.abs(Math.sin(th / 2)));
    d += `A${r.toFixed(0)},${r.toFixed(0)} 0 ${Math.abs(th) > Math.PI ? 1 : 0} ${th > 0 ? 1 : 0} ${b.x},${b.y}`;
  }
  return d;
}

// arrow gives the place and angle (degrees) of an arrowhead at the end of
// pts, aimed from a little way back; null when the end does not move.
function arrow(pts, size) {
  const n = pts.length;
  if (n < 2) return null;
  const e = pts[n - 1];
  let [fx, fy] = e.b ? along(pts[n - 2], e, 0.9) : [e.x, e.y];
  for (let i = n - 2; i >= 0 && Math.hypot(e.x - fx, e.y - fy) < size / 2; i--) [fx, fy] = [pts[i].x, pts[i].y];
  if (fx === e.x && fy === e.y) return null;
  return { x: e.x, y: e.y, a: (Math.atan2(e.y - fy, e.x - fx) * 180) / Math.PI };
}

// firstPass keeps the points up to the end of a hand's first pass.
function firstPass(h) {
  const pts = points(h);
  if (!h.first) return pts;
  const i = pts.findIndex((q) => q.t * RATE >= h.first);
  return i < 0 ? pts : pts.slice(0, i + 1);
}

// touching trims lifted pieces off both ends, as thumb.go's touching does.
function touching(pts) {
  let a = 0, b = pts.length;
  while (a + 1 < b && pts[a].p === 0 && pts[a + 1].p === 0) a++;
  while (b - 1 > a && pts[b - 1].p === 0 && pts[b - 2].p === 0) b--;
  return pts.slice(a, b);
}

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
}

const chartRef = (view) => '#chart-' + view.replace(/[^a-z0-9-]/g, '-');

// drawThumb draws a step small and still into svg, as the server's
// thumb.go does for the library: each hand's first pass where it touches,
// framed on the hands, an arrowhead where the pass ends, a ring where a
// hand only holds.
export function drawThumb(svg, step) {
  if (!svg || !step) return false;
  const lines = [];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const grow = (x, y) => { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); };
  for (const h of step.hands) {
    const pts = touching(firstPass(h));
    if (!pts.length) continue;
    pts.forEach((q, i) => { grow(q.x, q.y); if (i && q.b) grow(...along(pts[i - 1], q, 0.5)); });
    lines.push({ h, pts });
  }
  if (!lines.length) return false;
  const side = Math.min(1000, Math.max(420, 1.5 * Math.max(x1 - x0, y1 - y0)));
  const clamp = (v) => Math.max(0, Math.min(1000 - side, v));
  const unit = side / 100;
  svg.setAttribute('viewBox', `${clamp((x0 + x1) / 2 - side / 2).toFixed(0)} ${clamp((y0 + y1) / 2 - side / 2).toFixed(0)} ${side.toFixed(0)} ${side.toFixed(0)}`);
  svg.replaceChildren();
  el('use', { href: chartRef(step.view) }, svg);
  for (const { h, pts } of lines) {
    const d = pathData(pts, false);
    const span = Math.max(0, ...pts.map((q) => Math.hypot(q.x - pts[0].x, q.y - pts[0].y)));
    if (h.role === 'hold' || !d || span < 2 * unit) {
      el('circle', { class: `${h.role === 'hold' ? 'thumb-hold' : 'thumb-dot'} hand-${h.hand}`, cx: pts[0].x, cy: pts[0].y, r: (5 * unit).toFixed(0) }, svg);
      continue;
    }
    el('path', { class: `thumb-path hand-${h.hand}`, d }, svg);
    const a = arrow(pts, 7 * unit);
    if (a) {
      const s = 7 * unit, w = s * 0.55;
      el('path', { class: `thumb-head hand-${h.hand}`, d: `M0,0L${-s},${w}L${-s},${-w}Z`, transform: `translate(${a.x} ${a.y}) rotate(${a.a.toFixed(1)})` }, svg);
    }
  }
  return true;
}

export class Chart {
  constructor(svg, data) {
    this.svg = svg;
    this.data = data || {};
    this.step = null;
    this.markers = [];
    if (svg) svg.setAttribute('viewBox', '0 0 1000 1000');
  }

  // show draws the chart and paths of a move ({technique, step}).
  show(move) {
    const svg = this.svg;
    if (!svg) return;
    const key = `${move.technique}#${move.step}`;
    const step = this.data.steps?.[key] || null;
    this.step = step;
    this.markers = [];
    svg.replaceChildren();
    if (!step) {
      svg.setAttribute('aria-label', 'No drawing for this move');
      return;
    }
    svg.setAttribute('aria-label', `Where the hands go: ${move.title || move.name}`);
    el('use', { href: chartRef(step.view) }, svg);
    for (const h of step.hands) {
      const pts = points(h);
      const lift = pathData(pts, true);
      if (lift) el('path', { d: lift, class: `kn-path kn-lifted hand-${h.hand}` }, svg);
      el('path', { d: pathData(pts, false), class: `kn-path hand-${h.hand}` }, svg);
      // An arrow at the end of the first pass shows which way the hand goes.
      const a = h.role !== 'hold' && arrow(touching(firstPass(h)), 60);
      if (a) el('path', { d: 'M0 0 L-34 -17 L-34 17 Z', class: `kn-arrow hand-${h.hand}`, transform: `translate(${a.x} ${a.y}) rotate(${a.a.toFixed(1)})` }, svg);
    }
    for (const h of step.hands) {
      const glow = el('circle', { r: 40, class: `kn-glow hand-${h.hand}` }, svg);
      const dot = el('circle', { r: 22, class: `kn-hand hand-${h.hand}${h.role === 'hold' ? ' hold' : ''}` }, svg);
      this.markers.push({ h, glow, dot });
    }
    this.frame(0, move);
  }

  // frame moves the markers to elapsed seconds into the move. With reduced
  // motion the markers stay at the move's start and the drawn path and
  // arrow show the way.
  frame(elapsed, move) {
    const step = this.step;
    if (!step || !this.markers.length) return;
    const span = move?.seconds || step.seconds || 1;
    // The step's path is stretched over the move's time.
    let t = (elapsed / span) * (step.seconds || span);
    if (reduced.matches) t = 0;
    for (const { h, glow, dot } of this.markers) {
      const q = at(points(h), t);
      if (!q) continue;
      dot.setAttribute('cx', q.x.toFixed(1));
      dot.setAttribute('cy', q.y.toFixed(1));
      dot.setAttribute('r', (16 + 14 * q.pr).toFixed(1));
      glow.setAttribute('cx', q.x.toFixed(1));
      glow.setAttribute('cy', q.y.toFixed(1));
      glow.setAttribute('r', (24 + 40 * q.pr).toFixed(1));
      glow.style.opacity = q.pr > 0 ? String(0.15 + 0.3 * q.pr) : '0';
    }
  }

  // marker gives where a hand's marker is drawn now, for tests and checks.
  marker(i = 0) {
    const m = this.markers[i];
    return m ? { x: Number(m.dot.getAttribute('cx')), y: Number(m.dot.getAttribute('cy')) } : null;
  }
}

// Exposed for the browser tests, which check the page's decoding against
// the server's.
export const _test = { points, at };
