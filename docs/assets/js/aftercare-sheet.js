// A clinic's own aftercare sheet (aftercare-sheet.md.j2; the For clinics page makes its address): its
// details from the address (clinic.js) in place of the blank left for them and, with #date=YYYY-MM-DD
// (the day of the session), each step's dates, written as the planner writes them. Sends nothing.
import { readClinic, showClinic, warn } from './clinic.js';
import { onEveryPage } from './page-start.js';
import { addDays, dateRange, isRealDate, useWords, utcDate } from './plan-dates.js';

const plan = new URL('../data/plan.json', import.meta.url); // the words of dates, in the page's language

async function showDates(sheet, date) {
  const [, y, m, d] = (/^(\d{4})-(\d\d)-(\d\d)$/.exec(date) || []).map(Number);
  if (!isRealDate(y, m, d)) return warn('date', date);
  useWords((await (await fetch(plan)).json()).words);
  for (const step of sheet.querySelectorAll('[data-from-day]')) {
    const dates = document.createElement('span');
    dates.className = 'sheet-dates';
    dates.textContent = `: ${dateRange(addDays(utcDate(y, m, d), +step.dataset.fromDay),
      addDays(utcDate(y, m, d), +step.dataset.toDay))}`;
    const heading = step.querySelector('h2');
    heading.insertBefore(dates, heading.querySelector('.headerlink'));
  }
}

onEveryPage(() => {
  const sheet = document.querySelector('.aftercare-sheet:not([data-ready])');
  if (!sheet) return;
  sheet.dataset.ready = '';
  const params = new URLSearchParams(location.hash.slice(1));
  const details = readClinic(params);
  showClinic(details, sheet);
  sheet.querySelector('.sheet-blank').hidden = Object.keys(details).length > 0;
  if (params.has('date')) showDates(sheet, params.get('date')).catch(() => {}); // without its dates, still whole
});
