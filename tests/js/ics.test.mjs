// Calendar files (RFC 5545) and Google Calendar links, and the size budget of the planner's scripts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { calendar, escapeText, fold, googleLink } from '../../docs/assets/js/ics.js';
import { useWords, utcDate } from '../../docs/assets/js/plan-dates.js';
import { guidePlanData } from './guide-plan.mjs';

const JS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/assets/js');
const octets = (s) => new TextEncoder().encode(s).length;
const unfold = (text) => text.replace(/\r\n[ \t]/g, '');

useWords(guidePlanData('en').words); // the calendar's PRODID (Spanish: plan-words.test.mjs)

test('text is escaped: backslash first, then semicolons, commas and newlines', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  assert.equal(escapeText('plain'), 'plain');
});

test('lines are folded at 75 octets, never inside a character', () => {
  assert.equal(fold('x'.repeat(75)), 'x'.repeat(75));
  const long = 'DESCRIPTION:' + 'Soins après la séance – crème, écran solaire 😊 '.repeat(6);
  const folded = fold(long);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 3);
  for (const [i, line] of lines.entries()) {
    assert.ok(octets(line) <= 75, `line ${i} has ${octets(line)} octets`);
    if (i > 0) assert.equal(line[0], ' ');
    new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line)); // whole characters only
  }
  assert.equal(unfold(folded), long);
});

test('a calendar of all-day events with exclusive ends and CRLF lines', () => {
  const now = new Date(Date.UTC(2026, 2, 29, 1, 2, 3));
  const text = calendar([
    { date: utcDate(2026, 12, 31), uid: 'session-2026-12-03-2@example.org', summary: 'Microneedling session (planned)',
      description: 'A planning aid. Your clinician decides your schedule.\nAftercare: https://example.org/guide/aftercare/' },
    { date: utcDate(2028, 2, 28), uid: 'session-2026-12-03-3@example.org', summary: 'S; with, commas', description: 'd' },
  ], now);
  assert.ok(text.endsWith('\r\n'));
  assert.doesNotMatch(text.replaceAll('\r\n', ''), /[\r\n]/, 'a bare CR or LF');
  const lines = text.split('\r\n').slice(0, -1);
  for (const line of lines) assert.ok(octets(line) <= 75, line);
  const logical = unfold(text).split('\r\n');
  assert.deepEqual(logical.slice(0, 5),
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microneedling guide//Session planner//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
  assert.equal(logical.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.equal(logical.filter((l) => l === 'END:VEVENT').length, 2);
  assert.equal(logical.at(-2), 'END:VCALENDAR');
  for (const expected of [
    'UID:session-2026-12-03-2@example.org', 'DTSTAMP:20260329T010203Z',
    'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101',
    'DTSTART;VALUE=DATE:20280228', 'DTEND;VALUE=DATE:20280229',
    'SUMMARY:Microneedling session (planned)', 'SUMMARY:S\\; with\\, commas', 'TRANSP:TRANSPARENT',
    'DESCRIPTION:A planning aid. Your clinician decides your schedule.\\nAftercare: https://example.org/guide/aftercare/',
  ]) {
    assert.ok(logical.includes(expected), expected);
  }
  assert.equal(logical.filter((l) => l.startsWith('DTSTAMP:')).length, 2);
});

test("a clinic's name is the events' location, escaped and folded like any text; without one, no LOCATION", () => {
  const day = utcDate(2026, 12, 31);
  const name = 'Glow; Skin, \\Clinic\\ – Clínica Piel Sana Dermatología y Estética Avanzada 😊';
  const text = calendar([{ date: day, uid: 'a@x', summary: 'S', description: 'Phone: +44 20 7946 0958', location: name }]);
  for (const line of text.split('\r\n')) assert.ok(octets(line) <= 75, line);
  const logical = unfold(text).split('\r\n');
  assert.ok(logical.includes('LOCATION:Glow\\; Skin\\, \\\\Clinic\\\\ – Clínica Piel Sana Dermatología y Estética Avanzada 😊'));
  assert.ok(logical.includes('DESCRIPTION:Phone: +44 20 7946 0958'));
  for (const location of [undefined, '']) {
    assert.doesNotMatch(calendar([{ date: day, uid: 'a@x', summary: 'S', description: 'd', location }]), /LOCATION/);
  }
  const link = new URL(googleLink({ date: day, summary: 'S', description: 'd', location: 'Glow & Co' }));
  assert.equal(link.searchParams.get('location'), 'Glow & Co');
  assert.equal(new URL(googleLink({ date: day, summary: 'S', description: 'd', location: '' })).searchParams.has('location'), false);
});

test('a Google Calendar link for one all-day event, end exclusive', () => {
  const link = new URL(googleLink({ date: utcDate(2026, 12, 31), summary: 'Microneedling session (planned)',
    description: 'A & B\nhttps://example.org/aftercare/?a=1' }));
  assert.equal(link.origin + link.pathname, 'https://calendar.google.com/calendar/render');
  assert.equal(link.searchParams.get('action'), 'TEMPLATE');
  assert.equal(link.searchParams.get('dates'), '20261231/20270101');
  assert.equal(link.searchParams.get('text'), 'Microneedling session (planned)');
  assert.equal(link.searchParams.get('details'), 'A & B\nhttps://example.org/aftercare/?a=1');
});

const PLANNER = ['calculator.js', 'plan-dates.js', 'ics.js', 'plan-figure.js'];

test("the planner's scripts stay under 7.5 KB gzipped", () => {
  const size = PLANNER.reduce((sum, name) => sum + gzipSync(readFileSync(resolve(JS, name))).length, 0);
  console.log(`planner scripts: ${size} bytes gzipped`);
  assert.ok(size > 1000, 'the files were not read');
  assert.ok(size <= 7.5 * 1024, `${size} bytes gzipped`); // was 6 KB; the course timeline (plan-figure.js) adds 1.4 KB
});

test('the planner imports nothing but its own modules, and stores nothing', () => {
  for (const name of PLANNER) {
    const source = readFileSync(resolve(JS, name), 'utf8');
    for (const spec of source.matchAll(/\bfrom\s+'([^']+)'/g)) assert.match(spec[1], /^\.\/[a-z-]+\.js$/, name);
    assert.doesNotMatch(source, /localStorage|sessionStorage|document\.cookie|indexedDB|sendBeacon|XMLHttpRequest/, name);
  }
});
