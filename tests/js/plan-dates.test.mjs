// Unit tests of the planner's date logic (docs/assets/js/plan-dates.js), run with `node --test tests/js/`.
// The whole file also runs again under three time zones (see the first test), because date code
// that is right in UTC is often wrong an hour either side of it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  addWeeks, aftercareDates, checkDate, dateRange, daysBetween, isoDate, isRealDate, lateWarning, longDate,
  planCourse, readCount, readDate, today, useWords, utcDate,
} from '../../docs/assets/js/plan-dates.js';
import { guidePlanData } from './guide-plan.mjs';

// The English edition's plan.json: its words (strings/en.yml planner_script) are what these tests read.
// Spanish: plan-words.test.mjs.
const DATA = guidePlanData('en');
useWords(DATA.words);

const ZONES = ['America/New_York', 'Europe/London', 'Pacific/Auckland'];
const day = (text) => utcDate(...text.split('-').map(Number));
const concern = (min, usual, max, typical = 3, most = 6) => ({
  id: 'x', name: 'X', sessions: { min: 1, typical, max: most }, interval_weeks: { min, default: usual, max },
});

if (!process.env.PLAN_DATES_TZ) {
  test('every test also passes in New York, London and Auckland', () => {
    for (const zone of ZONES) {
      const env = { ...process.env, TZ: zone, PLAN_DATES_TZ: zone };
      delete env.NODE_TEST_CONTEXT; // report in plain TAP, not to the parent runner
      const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', fileURLToPath(import.meta.url)],
        { env, encoding: 'utf8' });
      assert.equal(run.status, 0, `under TZ=${zone}:\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /# pass [1-9]/, `no test ran under TZ=${zone}`);
    }
  });
} else {
  test('the child really runs in its time zone', () => {
    assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, process.env.PLAN_DATES_TZ);
  });
}

test('weeks are added as calendar days across month and year ends and leap days', () => {
  const cases = [
    ['2026-01-31', 4, '2026-02-28'],
    ['2028-01-31', 4, '2028-02-28'],
    ['2028-02-01', 4, '2028-02-29'],
    ['2028-02-29', 4, '2028-03-28'],
    ['2027-02-22', 1, '2027-03-01'],
    ['2026-12-15', 4, '2027-01-12'],
    ['2026-12-31', 1, '2027-01-07'],
    ['2024-02-29', 52, '2025-02-27'],
    // Clock changes: Europe 29 Mar and 25 Oct 2026, US 8 Mar and 1 Nov, New Zealand 5 Apr and 27 Sep.
    ['2026-03-20', 2, '2026-04-03'],
    ['2026-03-28', 1, '2026-04-04'],
    ['2026-10-20', 2, '2026-11-03'],
    ['2026-09-26', 1, '2026-10-03'],
    ['2026-03-01', 1, '2026-03-08'],
  ];
  for (const [from, weeks, to] of cases) {
    assert.equal(isoDate(addWeeks(day(from), weeks)), to, `${from} + ${weeks} weeks`);
    assert.equal(daysBetween(day(from), day(to)), 7 * weeks);
  }
});

test('dates are written with their weekday, the same in every zone', () => {
  assert.equal(longDate(day('2026-03-30')), 'Monday 30 March 2026');
  assert.equal(longDate(day('2028-02-29')), 'Tuesday 29 February 2028');
  assert.equal(longDate(day('2026-10-25')), 'Sunday 25 October 2026');
  assert.equal(dateRange(day('2026-03-30'), day('2026-03-30')), 'Monday 30 March 2026');
  assert.equal(dateRange(day('2026-03-31'), day('2026-04-03')), 'Tuesday 31 March to Friday 3 April 2026');
  assert.equal(dateRange(day('2026-12-30'), day('2027-01-02')), 'Wednesday 30 December 2026 to Saturday 2 January 2027');
});

test("today is the reader's own calendar day, even just after midnight on a clock-change day", () => {
  // Local times, so each zone reads its own wall clock.
  assert.equal(isoDate(today(new Date(2026, 2, 29, 0, 30))), '2026-03-29');
  assert.equal(isoDate(today(new Date(2026, 3, 5, 23, 59))), '2026-04-05');
  assert.equal(isoDate(today(new Date(2026, 9, 25, 0, 5))), '2026-10-25');
  assert.equal(isoDate(today(new Date(2028, 1, 29, 23, 59))), '2028-02-29');
});

test('the three date fields are read the GOV.UK way', () => {
  const what = 'the date of your last session';
  const read = (d, m, y) => readDate({ day: d, month: m, year: y }, what);
  assert.equal(isoDate(read('30', '3', '2026').date), '2026-03-30');
  assert.equal(isoDate(read(' 07 ', '09', '2026').date), '2026-09-07');
  assert.equal(isoDate(read('1', 'March', '2026').date), '2026-03-01');
  assert.equal(isoDate(read('1', 'sept', '2026').date), '2026-09-01');
  assert.equal(isoDate(read('29', '2', '2028').date), '2028-02-29');
  assert.deepEqual(read('', '', ''), { error: 'Enter the date of your last session', fields: ['day', 'month', 'year'] });
  assert.deepEqual(read('3', '', ''), { error: 'The date of your last session must include a month and year', fields: ['month', 'year'] });
  assert.deepEqual(read('', '4', '2026').fields, ['day']);
  assert.match(read('31', '2', '2026').error, /must be a real date\. February 2026 has 28 days$/);
  assert.match(read('29', '2', '2026').error, /must be a real date/);
  assert.match(read('31', '4', '2026').error, /April 2026 has 30 days/);
  assert.deepEqual(read('0', '4', '2026').fields, ['day']);
  assert.deepEqual(read('ab', '3', '2026').fields, ['day']);
  assert.deepEqual(read('3', 'xyz', '2026').fields, ['month']);
  assert.deepEqual(read('3', '13', '2026').fields, ['month']);
  assert.deepEqual(read('3', 'ma', '2026').fields, ['month']); // too short to tell May from March
  for (const year of ['0', '0000', '26', 'abcd', '20266', '2026.5']) {
    assert.ok(read('3', '3', year).error, year);
    assert.deepEqual(read('3', '3', year).fields, ['year'], year);
  }
  assert.ok(!isRealDate(2026, 2, 29) && isRealDate(2028, 2, 29) && !isRealDate(2100, 2, 29) && isRealDate(2000, 2, 29));
});

test('dates the planner cannot use are errors; odd but possible ones are warnings', () => {
  const now = day('2026-03-29');
  assert.match(checkDate(day('1826-03-29'), now, 'last').error, /last 5 years/);
  assert.match(checkDate(day('2021-03-28'), now, 'last').error, /last 5 years/);
  assert.deepEqual(checkDate(day('2021-03-29'), now, 'last').warnings.length, 1); // exactly 5 years: allowed
  assert.match(checkDate(day('2027-03-30'), now, 'first').error, /no more than a year/);
  assert.deepEqual(checkDate(day('2026-03-01'), now, 'last'), { warnings: [] });
  assert.deepEqual(checkDate(day('2026-03-29'), now, 'last'), { warnings: [] });
  assert.match(checkDate(day('2026-03-30'), now, 'last').warnings[0], /in the future/);
  assert.deepEqual(checkDate(day('2026-04-30'), now, 'first'), { warnings: [] });
  assert.match(checkDate(day('2025-03-28'), now, 'last').warnings[0], /more than a year ago/);
  assert.deepEqual(checkDate(day('2025-03-29'), now, 'last'), { warnings: [] });
  const c = concern(2, 4, 6);
  assert.match(lateWarning(day('2026-02-14'), c, now)[0], /Saturday 28 March 2026, has passed/);
  assert.deepEqual(lateWarning(day('2026-02-15'), c, now), []);
  assert.deepEqual(lateWarning(day('2025-01-01'), c, now), []); // the year-old warning says enough
});

test('the number of sessions: empty means the usual number, nonsense is an error', () => {
  const c = concern(2, 4, 6, 3, 6);
  assert.deepEqual(readCount('', c), { count: 3 });
  assert.deepEqual(readCount(' 5 ', c), { count: 5 });
  assert.deepEqual(readCount('12', c), { count: 12 });
  for (const bad of ['0', '1', '13', '99', 'abc', '2.5', '-3', '3 sessions']) {
    assert.equal(readCount(bad, c).error, 'Enter a number of sessions from 2 to 12, or leave it empty', bad);
  }
  assert.deepEqual(readCount('20', concern(1, 1, 4, 12, 20)), { count: 20 });
});

test('a course: the next window and every session at the usual gap', () => {
  const plan = planCourse(day('2026-03-20'), concern(2, 4, 6), 4);
  assert.deepEqual(
    [plan.next.earliest, plan.next.usual, plan.next.latest].map(isoDate), ['2026-04-03', '2026-04-17', '2026-05-01'],
  );
  assert.deepEqual(plan.sessions.map((s) => [s.n, isoDate(s.date)]),
    [[1, '2026-03-20'], [2, '2026-04-17'], [3, '2026-05-15'], [4, '2026-06-12']]);
  const care = aftercareDates(day('2026-12-30'), [
    { id: 'a', label: 'Day 0', from_day: 0, to_day: 0 }, { id: 'b', label: 'Days 1 to 3', from_day: 1, to_day: 3 },
  ]);
  assert.deepEqual(care.map((s) => [s.id, isoDate(s.from), isoDate(s.to)]),
    [['a', '2026-12-30', '2026-12-30'], ['b', '2026-12-31', '2027-01-02']]);
});

test('aftercare fits the gap to the next session: later stages go, a stage running into it ends the day before', () => {
  const stages = [[0, 0], [1, 3], [4, 7], [8, 42]].map(([from_day, to_day]) => ({ id: `d${from_day}`, from_day, to_day }));
  const session = day('2028-02-25');
  const shown = (next) => aftercareDates(session, stages, next && day(next))
    .map((s) => [s.id, isoDate(s.from), isoDate(s.to), s.cut && isoDate(s.cut)]);
  const full = [['d0', '2028-02-25', '2028-02-25', undefined], ['d1', '2028-02-26', '2028-02-28', undefined],
    ['d4', '2028-02-29', '2028-03-03', undefined], ['d8', '2028-03-04', '2028-04-07', undefined]];
  assert.deepEqual(shown(), full, 'with no next session, every stage in full');
  assert.deepEqual(shown('2028-04-08'), full, 'a stage that ends the day before the next session is whole');
  assert.deepEqual(shown('2028-03-03'), [full[0], full[1], ['d4', '2028-02-29', '2028-03-02', '2028-03-03']], 'weekly');
  assert.deepEqual(shown('2028-03-24').at(-1), ['d8', '2028-03-04', '2028-03-23', '2028-03-24'], 'monthly: cut');
  assert.deepEqual(shown('2028-03-04').map((s) => s[0]), ['d0', 'd1', 'd4'], 'a stage starting on the day is left out');
  assert.deepEqual(shown('2028-02-26'), [full[0]]);
  assert.deepEqual(stages[3], { id: 'd8', from_day: 8, to_day: 42 }, 'the stages given are not changed');
});

test("every concern in the guide's own content gives a sound plan", () => {
  const data = DATA;
  assert.ok(data.concerns.some((c) => c.id === data.default_concern));
  assert.ok(data.concerns.length >= 1 && data.aftercare.length >= 1);
  const start = day('2026-03-20'); // a Friday just before Europe's clock change
  for (const c of data.concerns) {
    const { count } = readCount('', c);
    assert.equal(count, Math.max(2, c.sessions.typical), c.id);
    const plan = planCourse(start, c, count);
    const w = c.interval_weeks;
    assert.equal(daysBetween(start, plan.next.earliest), 7 * w.min, c.id);
    assert.equal(daysBetween(start, plan.next.usual), 7 * w.default, c.id);
    assert.equal(daysBetween(start, plan.next.latest), 7 * w.max, c.id);
    assert.ok(plan.next.earliest <= plan.next.usual && plan.next.usual <= plan.next.latest, c.id);
    assert.equal(plan.sessions.length, count);
    plan.sessions.slice(1).forEach((s, i) => {
      assert.equal(daysBetween(plan.sessions[i].date, s.date), 7 * w.default, `${c.id} session ${s.n}`);
      assert.ok(daysBetween(start, s.date) >= 7 * w.min);
    });
    for (const d of [...Object.values(plan.next), ...plan.sessions.map((s) => s.date)]) {
      assert.match(longDate(d), /^Friday \d{1,2} [A-Z][a-z]+ 20\d\d$/, c.id);
    }
  }
  const gapWords = /next session|\d+ (to \d+ )?(weeks?|days?|months?) (apart|later|after)|every (week|month)/i;
  for (const c of data.concerns) {
    // the aftercare shown with the first gap of the usual course, as the planner shows it
    const next = planCourse(start, c, 2).sessions[1].date;
    const shown = aftercareDates(start, c.aftercare ?? data.aftercare, next);
    assert.ok(shown.length >= 1 && shown[0].from_day === 0, c.id);
    for (const s of shown) {
      assert.ok(s.from < next && s.to < next && s.from <= s.to, `${c.id}: ${s.id} runs into the next session`);
      assert.equal(Boolean(s.cut), daysBetween(start, next) <= s.to_day, `${c.id}: ${s.id}`);
      for (const text of [s.label, ...s.do, ...s.avoid]) assert.doesNotMatch(text, gapWords, `${c.id}: ${s.id}`);
    }
    if (c.aftercare_note) assert.ok(c.aftercare_note.heading && c.aftercare_note.text, c.id);
  }
  for (const stage of aftercareDates(start, data.aftercare)) {
    assert.equal(daysBetween(start, stage.from), stage.from_day, stage.id);
    assert.equal(daysBetween(start, stage.to), stage.to_day, stage.id);
    assert.doesNotMatch(dateRange(stage.from, stage.to), /NaN|undefined|Invalid/);
  }
});
