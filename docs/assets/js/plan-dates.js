// Date-only maths (no DOM; tested in node). A date is a Date at UTC midnight read with getUTC*:
// the same in every time zone. Weeks are added as days via Date.UTC, never as milliseconds.
// Words: plan.json's (strings/<lang>.yml planner_script), given to useWords.

export let W;
export const useWords = (words) => { W = words; };

// A text of W with its {name}s filled in; a date is written out
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => (values[k] instanceof Date ? longDate(values[k]) : values[k]));

// In the page's language (Intl), in UTC
export const fmt = (options, d) => new Intl.DateTimeFormat(W.locale, { timeZone: 'UTC', ...options }).format(d);

export const utcDate = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

export const addDays = (date, days) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));

export const addWeeks = (date, weeks) => addDays(date, 7 * weeks);

const yearsFrom = (d, years) => utcDate(d.getUTCFullYear() + years, d.getUTCMonth() + 1, d.getUTCDate());

// The reader's own calendar day, in their time zone
export const today = (now = new Date()) => utcDate(now.getFullYear(), now.getMonth() + 1, now.getDate());

export const daysBetween = (a, b) => Math.round((b - a) / 864e5);

export const isRealDate = (y, m, d) => {
  const t = utcDate(y, m, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const pad = (n, w = 2) => String(n).padStart(w, '0');

export const isoDate = (d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export const compactDate = (d) => isoDate(d).replaceAll('-', '');

// Monday 30 March 2026, lunes, 30 de marzo de 2026: dates.weekday, as on the page. short: no year
export const longDate = (d, short) => fill(W.weekday_date, { weekday: fmt({ weekday: 'long' }, d),
  date: fmt({ day: 'numeric', month: 'long', year: short ? undefined : 'numeric' }, d) });

// Tuesday 31 March to Friday 3 April 2026
export const dateRange = (a, b) => (daysBetween(a, b) <= 0 ? longDate(a) : fill(W.range, {
  from: longDate(a, a.getUTCFullYear() === b.getUTCFullYear()), to: longDate(b) }));

// "Sept." reads as "septiembre": no accents or case
const plain = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

const monthNumber = (text) => {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = plain(text);
  for (let m = 1; word.length > 2 && m < 13; m++) if (plain(fmt({ month: 'long' }, utcDate(2000, m, 1))).startsWith(word)) return m;
  return NaN;
};

// Sentences start with a capital ("{what} must…")
const cap = (text) => text.replace(/(^|\. )(\p{Ll})/gu, (_, a, b) => a + b.toUpperCase());

const fail = (text, values, fields) => ({ error: cap(fill(text, values)), fields });

// The three date fields: {date} or {error, fields}, in GOV.UK's order (missing, not a number, not real)
export function readDate({ day = '', month = '', year = '' }, what) {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const missing = Object.keys(parts).filter((k) => !parts[k]);
  if (missing.length === 3) return fail(W.enter, { what }, missing);
  if (missing.length) {
    const names = missing.map((k) => W.parts[k]);
    return fail(W.include, { what, parts: names.length > 1 ? `${names[0]} ${W.and} ${names[1]}` : names[0] }, missing);
  }
  if (!/^\d{1,2}$/.test(parts.day)) return fail(W.day, {}, ['day']);
  const m = monthNumber(parts.month);
  if (!(m >= 1 && m <= 12)) return fail(W.month, {}, ['month']);
  if (!/^\d{4}$/.test(parts.year) || Number(parts.year) < 1000) return fail(W.year, {}, ['year']);
  const y = Number(parts.year);
  const d = Number(parts.day);
  if (!isRealDate(y, m, d)) {
    return fail(W.real, { what, month: fmt({ month: 'long', year: 'numeric' }, utcDate(y, m, 1)),
      days: utcDate(y, m + 1, 0).getUTCDate() }, d >= 1 && d <= 31 ? ['day', 'month'] : ['day']);
  }
  return { date: utcDate(y, m, d) };
}

// Sessions, counting the one on the date: {count} (empty means the usual number) or {error}
export function readCount(text, concern) {
  const value = String(text ?? '').trim();
  const most = Math.max(12, concern.sessions.max);
  if (!value) return { count: Math.min(most, Math.max(2, concern.sessions.typical)) };
  if (!/^\d+$/.test(value) || Number(value) < 2 || Number(value) > most) return { error: fill(W.count, { most }) };
  return { count: Number(value) };
}

// kind: "last" (had) or "first" (may be booked). {error}, or {warnings} to show with the plan
export function checkDate(date, now, kind) {
  if (date < yearsFrom(now, -5)) return { error: W.too_old };
  if (date > yearsFrom(now, 1)) return { error: W.too_late };
  const warnings = [];
  if (kind === 'last' && date > now) warnings.push(fill(W.future, { date }));
  if (date < yearsFrom(now, -1)) warnings.push(W.year_ago);
  return { warnings };
}

// The next session's window, and the course at the usual gap (count includes the start)
export function planCourse(start, concern, count) {
  const weeks = concern.interval_weeks;
  const sessions = [];
  for (let n = 1; n <= count; n++) sessions.push({ n, date: addWeeks(start, weeks.default * (n - 1)) });
  return {
    next: {
      earliest: addWeeks(start, weeks.min),
      usual: addWeeks(start, weeks.default),
      latest: addWeeks(start, weeks.max),
    },
    sessions,
  };
}

// Aftercare stages with dates (the session is day 0) that end before the next session, if given: cut to it
export const aftercareDates = (session, stages, next) => stages.flatMap((stage) => {
  const s = { ...stage, from: addDays(session, stage.from_day), to: addDays(session, stage.to_day) };
  if (!next || s.to < next) return [s];
  return s.from < next ? [{ ...s, to: addDays(next, -1), cut: next }] : [];
});

// When the next session's window has passed (but not by a year)
export function lateWarning(start, concern, now) {
  const latest = addWeeks(start, concern.interval_weeks.max);
  return latest < now && start >= yearsFrom(now, -1)
    ? [fill(W.passed, { date: latest })]
    : [];
}
