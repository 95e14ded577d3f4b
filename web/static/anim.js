// Draws a move on its body chart: the chart, each hand's path, and a marker
// per hand that follows the path in time, larger and glowing as it presses
// harder. Data comes from the server (package motion), compactly, in a
// 1000-unit square; the page holds each chart once as <g id="chart-VIEW">:
//   { steps: { "TECHNIQUE#STEP": { view, seconds, passes,
//              hands: [{ hand, role, dt, p: [x, y, pressure(0–9), …] }] } } }
const NS = 'http://www.w3.org/2000/svg';
const reduced = matchMedia('(prefers-reduced-motion: reduce)');

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
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
    el('use', { href: '#chart-' + step.view.replace(/[^a-z0-9-]/g, '-') }, svg);
    for (const h of step.hands) {
      const pts = [];
      for (let i = 0; i + 2 < h.p.length; i += 3) pts.push(`${h.p[i]},${h.p[i + 1]}`);
      el('polyline', { points: pts.join(' '), class: `kn-path hand-${h.hand}` }, svg);
      // An arrow at the end of the first pass shows which way the hand goes.
      const n = h.p.length / 3;
      if (n >= 3 && h.role !== 'hold') {
        const i = Math.min(n - 1, Math.max(2, Math.floor(n / Math.max(1, step.passes || 1)) - 1));
        const [x1, y1, x0, y0] = [h.p[i * 3], h.p[i * 3 + 1], h.p[(i - 2) * 3], h.p[(i - 2) * 3 + 1]];
        const a = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
        el('path', { d: 'M0 0 L-34 -17 L-34 17 Z', class: `kn-arrow hand-${h.hand}`, transform: `translate(${x1} ${y1}) rotate(${a})` }, svg);
      }
    }
    for (const h of step.hands) {
      const glow = el('circle', { r: 40, class: `kn-glow hand-${h.hand}` }, svg);
      const dot = el('circle', { r: 22, class: `kn-hand hand-${h.hand}${h.role === 'hold' ? ' hold' : ''}` }, svg);
      this.markers.push({ h, glow, dot });
    }
    this.frame(0, move);
  }

  // frame moves the markers to elapsed seconds into the move.
  frame(elapsed, move) {
    const step = this.step;
    if (!step || !this.markers.length) return;
    const span = move?.seconds || step.seconds || 1;
    // The step's path is stretched over the move's time.
    let t = (elapsed / span) * (step.seconds || span);
    if (reduced.matches) t = 0;
    for (const { h, glow, dot } of this.markers) {
      const n = h.p.length / 3;
      if (!n) continue;
      const f = Math.min(n - 1, Math.max(0, t / (h.dt || 1)));
      const i = Math.floor(f);
      const j = Math.min(n - 1, i + 1);
      const k = f - i;
      const x = h.p[i * 3] + (h.p[j * 3] - h.p[i * 3]) * k;
      const y = h.p[i * 3 + 1] + (h.p[j * 3 + 1] - h.p[i * 3 + 1]) * k;
      const pr = (h.p[i * 3 + 2] + (h.p[j * 3 + 2] - h.p[i * 3 + 2]) * k) / 9;
      dot.setAttribute('cx', x.toFixed(1));
      dot.setAttribute('cy', y.toFixed(1));
      dot.setAttribute('r', (16 + 14 * pr).toFixed(1));
      glow.setAttribute('cx', x.toFixed(1));
      glow.setAttribute('cy', y.toFixed(1));
      glow.setAttribute('r', (24 + 40 * pr).toFixed(1));
      glow.style.opacity = pr > 0 ? String(0.15 + 0.3 * pr) : '0';
    }
  }

  // marker gives where a hand's marker is drawn now, for tests and checks.
  marker(i = 0) {
    const m = this.markers[i];
    return m ? { x: Number(m.dot.getAttribute('cx')), y: Number(m.dot.getAttribute('cy')) } : null;
  }
}
