// Shows a clinic's details, given in the page's address (#clinic-name=…&clinic-phone=…&clinic-url=…,
// see clinic.js), in the page's .clinic-contact boxes: an embed view's "contact your clinic" card and
// planner (overrides/embed.html loads this where there is one), and the aftercare sheet
// (overrides/main.html), where they take the place of the blank left for them and #date=YYYY-MM-DD,
// the day of the session, dates each step. Reads only the address; stores and sends nothing.
import { onEveryPage, readClinic, showClinic } from './clinic.js';

function start() {
  const root = document.querySelector('.embed-content, .aftercare-sheet:not([data-ready])');
  if (!root) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const warn = (key) => console.warn(`Microneedling guide: ignored ${key}=${params.get(key)}`);
  const details = readClinic(params, warn);
  showClinic(details, root);
  if (!root.matches('.aftercare-sheet')) return;
  root.dataset.ready = '';
  root.querySelector('.sheet-blank').hidden = Object.keys(details).length > 0;
  if (params.has('date')) stepDates(root, params.get('date'), warn).catch(() => {}); // without dates, still whole
}

// Each step's dates after the session on `date` (YYYY-MM-DD), written as the planner writes them
async function stepDates(sheet, date, warn) {
  const { addDays, dateRange, isRealDate, useWords, utcDate } = await import('./plan-dates.js');
  const [, y, m, d] = (/^(\d{4})-(\d\d)-(\d\d)$/.exec(date) || []).map(Number);
  if (!isRealDate(y, m, d)) return warn('date');
  const plan = await fetch(new URL('../data/plan.json', import.meta.url)).then((r) => r.json());
  useWords(plan.words);
  const day = utcDate(y, m, d);
  for (const step of sheet.querySelectorAll('[data-from-day]')) {
    const heading = step.querySelector('h2');
    const dates = document.createElement('span');
    dates.className = 'sheet-dates';
    dates.textContent = `: ${dateRange(addDays(day, +step.dataset.fromDay), addDays(day, +step.dataset.toDay))}`;
    heading.insertBefore(dates, heading.querySelector('.headerlink'));
  }
}

onEveryPage(start);
