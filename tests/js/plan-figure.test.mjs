// The course timeline's layout (docs/assets/js/plan-figure.js): dates to x positions, a dot per session,
// and each session's aftercare bars exactly as aftercareDates gives them, ending before the next session.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { courseLayout } from '../../docs/assets/js/plan-figure.js';
import { guidePlanData } from './guide-plan.mjs';
import {
  addDays, aftercareDates, daysBetween, longDate, planCourse, readCount, useWords, utcDate,
} from '../../docs/assets/js/plan-dates.js';

const DATA = guidePlanData('en'); // its words are the figure's (Spanish: plan-words.test.mjs)
useWords(DATA.words);

const STAGES = [[0, 0, 'The day of your session'], [1, 3, 'Days 1 to 3'], [4, 7, 'Days 4 to 7'], [8, 42, 'Weeks 2 to 6']]
  .map(([from_day, to_day, label]) => ({ id: `d${from_day}`, label, from_day, to_day }));
const course = (y, m, d, weeks, count) => planCourse(utcDate(y, m, d), { interval_weeks: { min: 1, default: weeks, max: 6 } },
  count).sessions;
const all = (node, tag) => (node[0] === tag ? [node] : []).concat(...node.slice(2).filter(Array.isArray).map((c) => all(c, tag)));
const words = (node) => node.slice(2).join('');

test('the figure is named by its title and described by its desc, with ids from the one given', () => {
  const svg = courseLayout(course(2026, 1, 5, 4, 4), STAGES, 'fig-1-');
  const [tag, attrs, title, desc] = svg;
  assert.equal(tag, 'svg');
  assert.equal(attrs.role, 'img');
  assert.match(attrs.viewBox, /^0 0 320 \d+$/);
  assert.deepEqual([title[0], title[1].id, desc[0], desc[1].id], ['title', attrs['aria-labelledby'], 'desc',
    attrs['aria-describedby']]);
  assert.notEqual(title[1].id, desc[1].id);
  assert.equal(words(desc), '4 sessions from Monday 5 January 2026 to Monday 30 March 2026, a dot for each on a line '
    + 'of dates. Below, a row for each aftercare step, with a bar after each session. After sessions 1 to 3: The day '
    + 'of your session, Days 1 to 3, Days 4 to 7, Weeks 2 to 6 (until the day before the next session). After '
    + 'session 4: The day of your session, Days 1 to 3, Days 4 to 7, Weeks 2 to 6.');
  const attrsOf = all(svg, 'svg').concat(...['text', 'line', 'rect', 'circle'].map((t) => all(svg, t))).map((n) => n[1]);
  for (const a of attrsOf) {
    assert.ok(!('style' in a), 'no style attributes: the policy blocks them');
    for (const k of ['x', 'y', 'x1', 'x2', 'cx', 'width']) if (k in a) assert.ok(a[k] >= 0 && a[k] <= 320, `${k}=${a[k]}`);
  }
});

test('dates become x positions from the first session to the end of the last aftercare, a day at a time', () => {
  for (const [weeks, count] of [[1, 12], [4, 3], [4, 12], [1, 2], [6, 6]]) {
    const sessions = course(2026, 11, 20, weeks, count);
    const svg = courseLayout(sessions, STAGES, 'f');
    const end = addDays(sessions.at(-1).date, 42);
    const day = 292 / (daysBetween(sessions[0].date, end) + 1);
    const dots = all(svg, 'circle');
    assert.equal(dots.length, count, 'a dot per session');
    dots.forEach(([, a], i) => {
      assert.ok(Math.abs(a.cx - (14 + (daysBetween(sessions[0].date, sessions[i].date) + 0.5) * day)) <= 0.06);
    });
    const numbers = all(svg, 'text').filter(([, a]) => a.y === 13);
    assert.deepEqual(numbers.map(words), sessions.map((s) => String(s.n)), 'each dot numbered as in the list');
    const bars = all(svg, 'rect');
    assert.equal(Math.min(...bars.map(([, a]) => a.x)), 14);
    assert.ok(Math.abs(Math.max(...bars.map(([, a]) => a.x + a.width)) - 306) <= 0.1, 'the last bar ends at the end');
    const months = all(svg, 'text').filter(([, a]) => a.y === 30 + 38 * 4 + 19).map(words);
    assert.equal(months[0], 'Dec');
    assert.ok(months.every((m) => /^[A-Z][a-z]{2}$/.test(m)), months);
    const title = all(svg, 'text').find(([, a]) => a.y === 30 + 38 * 4 + 37);
    assert.equal(words(title), 'Months in 2026 and 2027');
  }
});

test("each session's bars are the aftercare the planner shows for that gap, and end before the next session", () => {
  for (const weeks of [1, 2, 4, 6, 7]) {
    const sessions = course(2028, 2, 25, weeks, 5);
    const svg = courseLayout(sessions, STAGES, 'f');
    const bars = all(svg, 'rect').map(([, a]) => a);
    const day = 292 / (daysBetween(sessions[0].date, sessions.at(-1).date) + 43); // to day 42 of the last session
    const X = (date) => 14 + daysBetween(sessions[0].date, date) * day; // where a date's day starts
    const shown = sessions.map((s, i) => aftercareDates(s.date, STAGES, sessions[i + 1]?.date));
    assert.equal(bars.length, shown.flat().length, `weeks ${weeks}: a bar per step shown after each session`);
    STAGES.forEach((stage, row) => {
      const inRow = bars.filter((b) => b.y === 47 + 38 * row);
      const expected = shown.flat().filter((w) => w.id === stage.id);
      assert.equal(inRow.length, expected.length, `weeks ${weeks}, ${stage.label}`);
      inRow.forEach((b, i) => {
        const w = expected[i];
        assert.ok(Math.abs(b.x - X(w.from)) <= 0.06);
        assert.ok(Math.abs(b.width - (daysBetween(w.from, w.to) + 1) * day) <= 0.11);
      });
    });
    shown.slice(0, -1).forEach((ws, i) => {
      const next = X(sessions[i + 1].date);
      for (const w of ws) {
        const b = bars.find((r) => r.y === 47 + 38 * STAGES.findIndex((s) => s.id === w.id) && Math.abs(r.x - X(w.from)) <= 0.06);
        assert.ok(b.x + b.width <= next + 0.06, `weeks ${weeks}: session ${i + 1}'s ${w.label} runs into the next`);
      }
    });
    const desc = words(svg[3]);
    assert.ok(desc.includes(`from ${longDate(sessions[0].date)} to ${longDate(sessions.at(-1).date)}`));
    assert.equal(desc.includes('until the day before the next session'), weeks * 7 <= 42, `weeks ${weeks}`);
  }
});

test("every concern's longest course keeps the session numbers apart", () => {
  const data = DATA;
  for (const c of data.concerns) {
    for (const count of [2, readCount('', c).count, Math.max(12, c.sessions.max)]) {
      const { sessions } = planCourse(utcDate(2026, 12, 30), c, count);
      const svg = courseLayout(sessions, c.aftercare ?? data.aftercare, 'f');
      const dots = all(svg, 'circle').map(([, a]) => a.cx);
      assert.equal(dots.length, count);
      // two-digit numbers are about 15 units wide at the figure's 13px text
      assert.ok(dots[1] - dots[0] >= 16, `${c.id}, ${count} sessions: numbers ${dots[1] - dots[0]} apart`);
    }
  }
});
