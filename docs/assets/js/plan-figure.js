// The course as a timeline (a dot per session, a row per aftercare step), like scripts/guide/figures.py.
import { W, aftercareDates, daysBetween, fill, fmt } from './plan-dates.js';

// Pure: the SVG as [tag, attributes, ...children], 320 wide; the steps after each session as aftercareDates cuts them
export function courseLayout(sessions, stages, id) {
  const first = sessions[0].date, last = sessions.at(-1).date, y = 30 + 38 * stages.length; // y: the axis
  const care = sessions.map((s, i) => aftercareDates(s.date, stages, sessions[i + 1]?.date));
  const end = care.at(-1).at(-1).to; // stages are in order
  const x = (d, days = 0) => Math.round(140 + (daysBetween(first, d) + days) * 2920 / (daysBetween(first, end) + 1)) / 10;
  const text = (x, y, t, a = 'middle') => ['text', { x, y, class: 'fig-text', 'text-anchor': a }, t];
  const line = (x1, y1, x2, y2, c = 'fig-axis') => ['line', { x1, y1, x2, y2, class: c }];
  const years = [...new Set([first, end].map((d) => d.getUTCFullYear()))].join(` ${W.and} `);
  const F = W.figure;
  const parts = [line(14, y, 306, y), text(160, y + 37, fill(F.months, { years }))];
  for (let d = first; (d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1))) <= end;) {
    parts.push(line(x(d), y, x(d), y + 5), text(x(d), y + 19, fmt({ month: 'long' }, d).slice(0, 3)));
  }
  for (const s of sessions) {
    const c = x(s.date, 0.5);
    parts.push(line(c, 24, c, y, 'fig-grid'), ['circle', { cx: c, cy: 20, r: 3.5, class: 'fig-session' }], text(c, 13, s.n));
  }
  stages.forEach((stage, i) => parts.push(text(14, 43 + 38 * i, stage.label, 'start'), ...care.flat()
    .filter((w) => w.id === stage.id)
    .map((w) => ['rect', { x: x(w.from), y: 47 + 38 * i, width: x(w.to, 1) - x(w.from), height: 12, class: 'fig-mark' }])));
  const said = new Map(); // steps: the sessions they follow
  care.forEach((ws, i) => {
    const steps = ws.map((w) => w.label + (w.cut ? ' ' + F.cut : '')).join(', ');
    said.set(steps, [...said.get(steps) ?? [], i + 1]);
  });
  return ['svg', { viewBox: `0 0 320 ${y + 44}`, role: 'img', 'aria-labelledby': id + 't', 'aria-describedby': id + 'd' },
    ['title', { id: id + 't' }, F.title],
    ['desc', { id: id + 'd' }, [fill(F.desc, { count: sessions.length, first, last }),
      ...[...said].map(([steps, [a, ...b]]) => fill(b[0] ? F.after_many : F.after_one, { a, b: b.at(-1), steps }))].join(' ')],
    ...parts];
}

let count = 0;
const build = ([tag, attrs, ...children]) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  node.append(...children.map((c) => (c.map ? build(c) : c)));
  return node;
};

// Ids unique on the page
export const courseFigure = (sessions, stages) => build(courseLayout(sessions, stages, `calc-course-${++count}`));
