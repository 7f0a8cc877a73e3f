// Date-only maths (no DOM; tested in node). A date is a Date at UTC midnight read with getUTC*:
// the same in every time zone. Weeks are added as days via Date.UTC, never as milliseconds.

const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

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

// Monday 30 March 2026
export const longDate = (d) =>
  `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

// Tuesday 31 March to Friday 3 April 2026
export const dateRange = (a, b) => {
  if (daysBetween(a, b) <= 0) return longDate(a);
  const start = longDate(a);
  return `${a.getUTCFullYear() === b.getUTCFullYear() ? start.replace(/ \d+$/, '') : start} to ${longDate(b)}`;
};

const monthNumber = (text) => {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, '');
  const i = word.length >= 3 ? MONTHS.findIndex((m) => m.toLowerCase().startsWith(word)) : -1;
  return i < 0 ? NaN : i + 1;
};

const listWords = (words) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]);

// The three date fields: {date} or {error, fields}, in GOV.UK's order (missing, not a number, not real)
export function readDate({ day = '', month = '', year = '' }, what = 'the date') {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const missing = Object.keys(parts).filter((k) => !parts[k]);
  const The = what[0].toUpperCase() + what.slice(1);
  if (missing.length === 3) return { error: `Enter ${what}`, fields: ['day', 'month', 'year'] };
  if (missing.length) {
    return { error: `${The} must include a ${listWords(missing)}`, fields: missing };
  }
  if (!/^\d{1,2}$/.test(parts.day)) {
    return { error: 'Enter the day as a number, like 27', fields: ['day'] };
  }
  const m = monthNumber(parts.month);
  if (!(m >= 1 && m <= 12)) {
    return { error: 'Enter the month as a number, like 3, or a word, like March', fields: ['month'] };
  }
  if (!/^\d{4}$/.test(parts.year) || Number(parts.year) < 1000) {
    return { error: 'Enter the year with 4 numbers, like 2026', fields: ['year'] };
  }
  const y = Number(parts.year);
  const d = Number(parts.day);
  if (!isRealDate(y, m, d)) {
    const last = utcDate(y, m + 1, 0).getUTCDate();
    return {
      error: `${The} must be a real date. ${MONTHS[m - 1]} ${y} has ${last} days`,
      fields: d >= 1 && d <= 31 ? ['day', 'month'] : ['day'],
    };
  }
  return { date: utcDate(y, m, d) };
}

// Sessions, counting the one on the date: {count} (empty means the usual number) or {error}
export function readCount(text, concern) {
  const value = String(text ?? '').trim();
  const most = Math.max(12, concern.sessions.max);
  if (!value) return { count: Math.min(most, Math.max(2, concern.sessions.typical)) };
  if (!/^\d+$/.test(value) || Number(value) < 2 || Number(value) > most) {
    return { error: `Enter a number of sessions from 2 to ${most}, or leave it empty` };
  }
  return { count: Number(value) };
}

// kind: "last" (had) or "first" (may be booked). {error}, or {warnings} to show with the plan
export function checkDate(date, now, kind) {
  if (date < yearsFrom(now, -5)) {
    return { error: 'Enter a date in the last 5 years. For a session longer ago, ask your clinic about a new course' };
  }
  if (date > yearsFrom(now, 1)) {
    return { error: 'Enter a date no more than a year from today' };
  }
  const warnings = [];
  if (kind === 'last' && date > now) {
    warnings.push(`This date is in the future, but you said it was your last session. Check the date. The plan below counts from ${longDate(date)}.`);
  }
  if (date < yearsFrom(now, -1)) {
    warnings.push('This date is more than a year ago. Your clinic may suggest starting a new course. Ask them before you book.');
  }
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
    ? [`The latest usual date for your next session, ${longDate(latest)}, has passed. That is common: ask your clinic when to book.`]
    : [];
}
