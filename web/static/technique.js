// A technique in the library: its steps play in a loop on the chart; a
// step's name shows that step.
import { Chart } from '/static/anim.js';

const data = JSON.parse(document.getElementById('data-motion')?.textContent || 'null') || {};
const panels = JSON.parse(document.getElementById('data-panels')?.textContent || 'null') || {};
const labels = document.getElementById('demo-panels');
const svg = document.getElementById('chart');
const chart = new Chart(svg, data);
const caption = document.getElementById('demo-caption');
const buttons = [...document.querySelectorAll('.stepbtn')];
const id = location.pathname.split('/').pop();
let step = 0;
let started = performance.now();

function show(i) {
  step = i;
  const s = data.steps?.[`${id}#${i}`];
  chart.show({ technique: id, step: i, title: buttons[i]?.textContent, seconds: s?.seconds });
  // A chart of two pictures (the sole and the top of the foot) names them above.
  labels?.replaceChildren(...(panels[s?.view] || []).map((p) => {
    const span = document.createElement('span');
    span.textContent = p.name;
    span.style.left = `${p.mid * 100}%`;
    return span;
  }));
  buttons.forEach((b, j) => b.setAttribute('aria-pressed', String(j === i)));
  if (caption) caption.textContent = s ? `Step ${i + 1}: ${buttons[i]?.textContent || ''}` : 'No drawing for this step.';
  started = performance.now();
}
buttons.forEach((b, i) => b.addEventListener('click', () => show(i)));
if (buttons.length) show(0);

function loop(t) {
  const s = data.steps?.[`${id}#${step}`];
  if (s) {
    const el = (t - started) / 1000;
    if (el > s.seconds + 1) show((step + 1) % buttons.length);
    else chart.frame(Math.min(el, s.seconds), { seconds: s.seconds });
  }
  requestAnimationFrame(loop);
}
if (!matchMedia('(prefers-reduced-motion: reduce)').matches) requestAnimationFrame(loop);
