// Session planner for partials/calculator-form.md.j2; numbers and words from assets/data/plan.json
// (the page's language: /es/ has its own). Starts on Material's document$; sends and stores nothing.
import {
  W, aftercareDates, checkDate, dateRange, fill, isoDate, lateWarning, longDate, planCourse, readCount, readDate, today,
  useWords,
} from './plan-dates.js';
import { calendar, googleLink } from './ics.js';
import { courseFigure } from './plan-figure.js';

let data;
const load = () => (data ??= fetch(new URL('../data/plan.json', import.meta.url))
  .then((r) => (r.ok ? r.json() : Promise.reject(r.status))));

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  node.append(...children);
  return node;
}

function init() {
  for (const root of document.querySelectorAll('[data-calc]:not([data-ready])')) {
    root.dataset.ready = '';
    load().then((plan) => start(root, plan), () => { data = null; });
  }
}

function start(root, plan) {
  useWords(plan.words);
  const $ = (s) => root.querySelector(s);
  const form = $('form');
  const f = form.elements;
  const status = $('[role=status]');
  const out = $('.calc-plan');
  const summary = $('.calc-error-summary');
  const intro = root.parentElement.querySelector('.calc-intro');
  const careUrl = intro.querySelector('a').href;
  const byId = (id) => plan.concerns.find((c) => c.id === id);
  const concernOf = (id) => byId(id) || byId(plan.default_concern);
  const groups = { date: $('#calc-date'), count: f.count }; // what each error message describes
  const usual = () => {
    const c = concernOf(f.concern.value);
    $('.calc-count-usual').textContent = fill(W.usual_count, { name: c.name, count: c.sessions.typical });
  };
  let ics;

  f.concern.addEventListener('change', usual);
  usual();
  summary.addEventListener('click', (e) => {
    const a = e.target.closest('a');
    if (!a) return;
    e.preventDefault();
    e.stopPropagation(); // else Material's instant navigation handles the link and focus is lost
    const field = document.getElementById(a.hash.slice(1));
    field.scrollIntoView({ block: 'center' });
    field.focus();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    calculate();
  });
  $('[data-action=print]').addEventListener('click', () => window.print());
  $('[data-action=ics]').addEventListener('click', () => {
    const a = el('a', { href: URL.createObjectURL(new Blob([ics()], { type: 'text/calendar;charset=utf-8' })),
      download: W.file });
    a.click(); // never in the page, so instant navigation does not see the click
    setTimeout(() => URL.revokeObjectURL(a.href), 6e4);
  });
  $('.calc-care-link').href = careUrl;
  root.parentElement.querySelector('.calc-fallback').hidden = true;
  intro.hidden = form.hidden = false;

  function calculate() {
    summary.hidden = true;
    for (const g in groups) {
      $(`#calc-${g}-error`).hidden = true;
      groups[g].setAttribute('aria-describedby', `calc-${g}-hint`);
    }
    for (const name of ['day', 'month', 'year', 'count']) f[name].removeAttribute('aria-invalid');

    const kind = f.kind.value === 'first' ? 'first' : 'last';
    const now = today();
    const errors = [];
    const read = readDate({ day: f.day.value, month: f.month.value, year: f.year.value }, W[kind].what);
    const check = read.date ? checkDate(read.date, now, kind) : {};
    if (read.error || check.error) {
      errors.push(['date', read.error || check.error, read.fields || ['day', 'month', 'year']]);
    }
    const concern = concernOf(f.concern.value);
    const count = readCount(f.count.value, concern);
    if (count.error) errors.push(['count', count.error, ['count']]);
    if (!errors.length) {
      return show(kind, read.date, concern, count.count, [...check.warnings, ...lateWarning(read.date, concern, now)]);
    }

    const list = summary.querySelector('ul');
    list.replaceChildren();
    for (const [g, message, fields] of errors) {
      const box = $(`#calc-${g}-error`);
      box.replaceChildren(el('span', { class: 'calc-vh' }, W.error + ' '), message + '.');
      box.hidden = false;
      groups[g].setAttribute('aria-describedby', `calc-${g}-hint calc-${g}-error`);
      for (const name of fields) f[name].setAttribute('aria-invalid', 'true');
      list.append(el('li', {}, el('a', { href: '#' + f[fields[0]].id }, message)));
    }
    status.replaceChildren();
    $('.calc-course').replaceChildren();
    out.hidden = true;
    summary.hidden = false;
    summary.focus();
  }

  function show(kind, start, concern, count, warnings) {
    const { next, sessions } = planCourse(start, concern, count);
    const put = (slot, text) => { $(`[data-slot=${slot}]`).textContent = text; };
    const list = (title, items) => (items.length
      ? [el('p', {}, el('strong', {}, title)), el('ul', { class: 'calc-check' }, ...items.map((t) => el('li', {}, t)))]
      : []);
    const planned = sessions.filter((s) => s.n > 1 || kind === 'first'); // not had yet: these go in the calendar
    const event = (s) => ({
      date: s.date,
      uid: `session-${isoDate(start)}-${s.n}@${location.hostname || 'microneedling-guide'}`,
      summary: root.dataset.summary,
      description: `${$('.calc-aid').textContent}\n${fill(W.aftercare_link, { url: careUrl })}`,
    });
    const [careDay, after] = planned.map((s) => s.date);
    const stages = $('.calc-stages');
    const h = stages.dataset.heading;
    const note = concern.aftercare_note;
    const care = concern.aftercare || plan.aftercare;

    ics = () => calendar(planned.map(event));
    status.replaceChildren(el('p', {}, fill(W[kind].after, { date: start, ...next })),
    ...warnings.map((w) => el('p', { class: 'calc-warning' }, el('strong', {}, W.check + ' '), w)));
    for (const slot in next) put(slot, longDate(next[slot]));
    put('count', count);
    const gap = concern.interval_weeks.default;
    put('gap', fill(gap > 1 ? W.weeks : W.week, { n: gap }));
    put('care-day', longDate(careDay));
    $('.calc-sessions').replaceChildren(...sessions.map((s) => el('li', {}, el('strong', {}, fill(W.session, s) + ' '),
      longDate(s.date), s.n < 3 ? ' ' + (s.n === 1 ? W[kind].yours : W.usual_date) : '',
      ...(planned.includes(s) ? [el('br', {}), el('a', {
        class: 'calc-google calc-noprint', href: googleLink(event(s)), target: '_blank', rel: 'noopener noreferrer',
      }, fill(W.google, s), el('span', { class: 'calc-vh' }, ' ' + W.new_tab))] : []))));
    stages.replaceChildren(note ? el('div', {}, el(h, {}, note.heading), el('p', {}, note.text)) : '',
      ...aftercareDates(careDay, care, after).map((s) => el('div', { class: 'calc-stage' },
        el(h, {}, `${s.label}: ${dateRange(s.from, s.to)}`),
        s.cut ? el('p', {}, fill(stages.dataset.cut, { date: s.cut })) : '',
        ...list(W.do + ':', s.do), ...list(W.avoid + ':', s.avoid))));
    $('.calc-course').replaceChildren(courseFigure(sessions, care));
    out.hidden = false;
  }
}

if (window.document$) window.document$.subscribe(init);
else init();
