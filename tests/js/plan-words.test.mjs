// The planner in the page's language: the words come from plan.json (strings/<lang>.yml planner_script, via
// render.plan_data) and dates from Intl, written as the pages write them (strings/<lang>.yml `dates:`).
// Like plan-dates.test.mjs, the whole file runs again in two other time zones.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { calendar, googleLink } from '../../docs/assets/js/ics.js';
import {
  checkDate, dateRange, fmt, isoDate, lateWarning, longDate, planCourse, readCount, readDate, useWords, utcDate,
} from '../../docs/assets/js/plan-dates.js';
import { courseLayout } from '../../docs/assets/js/plan-figure.js';
import { guideDates, guidePlanData } from './guide-plan.mjs';

const PLAN = { en: guidePlanData('en'), es: guidePlanData('es') };
const ES = PLAN.es.words;
const day = (text) => utcDate(...text.split('-').map(Number));
const concern = (min, usual, max) => ({ sessions: { min: 1, typical: 3, max: 6 }, interval_weeks: { min, default: usual, max } });
const all = (node, tag) => (node[0] === tag ? [node] : []).concat(...node.slice(2).filter(Array.isArray).map((c) => all(c, tag)));
const words = (node) => node.slice(2).join('');
const unfold = (text) => text.replace(/\r\n[ \t]/g, '');
const spanish = () => useWords(ES);

if (!process.env.PLAN_WORDS_TZ) {
  test('every test also passes in New York and Auckland', () => {
    for (const zone of ['America/New_York', 'Pacific/Auckland']) {
      const env = { ...process.env, TZ: zone, PLAN_WORDS_TZ: zone };
      delete env.NODE_TEST_CONTEXT;
      const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', fileURLToPath(import.meta.url)],
        { env, encoding: 'utf8' });
      assert.equal(run.status, 0, `under TZ=${zone}:\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /# pass [1-9]/, `no test ran under TZ=${zone}`);
    }
  });
}

test('plan.json carries its language and words; the numbers are the same in both editions', () => {
  assert.equal(PLAN.en.lang, 'en');
  assert.equal(PLAN.es.lang, 'es');
  assert.deepEqual(Object.keys(ES).sort(), Object.keys(PLAN.en.words).sort());
  const numbers = (data) => data.concerns.map((c) => [c.id, c.sessions, c.interval_weeks]);
  assert.deepEqual(numbers(PLAN.es), numbers(PLAN.en));
  assert.equal(PLAN.es.default_concern, PLAN.en.default_concern);
  assert.deepEqual(PLAN.es.aftercare.map((s) => [s.id, s.from_day, s.to_day]),
    PLAN.en.aftercare.map((s) => [s.id, s.from_day, s.to_day]));
  assert.notDeepEqual(PLAN.es.concerns.map((c) => c.name), PLAN.en.concerns.map((c) => c.name), 'Spanish names');
  assert.notDeepEqual(PLAN.es.aftercare.map((s) => s.label), PLAN.en.aftercare.map((s) => s.label));
});

const DATES = ['2026-03-30', '2026-03-31', '2028-02-29', '2026-10-25', '2027-01-01', '2026-09-05', '2030-12-31'];

for (const lang of ['en', 'es']) {
  test(`${lang}: the planner writes each date as the pages do (strings/${lang}.yml dates:)`, () => {
    useWords(PLAN[lang].words);
    const page = guideDates(lang, DATES);
    DATES.forEach((iso, i) => {
      const [weekday, long] = page[i];
      assert.equal(longDate(day(iso)), weekday, iso);
      assert.equal(fmt({ day: 'numeric', month: 'long', year: 'numeric' }, day(iso)), long, iso);
    });
  });
}

test("es: the date is Intl's own full Spanish date, comma included (hence dates.weekday in es.yml)", () => {
  spanish();
  const intl = new Intl.DateTimeFormat('es', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  for (const iso of DATES) assert.equal(longDate(day(iso)), intl.format(day(iso)), iso);
  assert.equal(longDate(day('2026-03-30')), 'lunes, 30 de marzo de 2026');
  assert.equal(longDate(day('2028-02-29')), 'martes, 29 de febrero de 2028');
});

test('es: date ranges', () => {
  spanish();
  assert.equal(dateRange(day('2026-03-30'), day('2026-03-30')), 'lunes, 30 de marzo de 2026');
  assert.equal(dateRange(day('2026-03-31'), day('2026-04-03')), 'del martes, 31 de marzo al viernes, 3 de abril de 2026');
  assert.equal(dateRange(day('2026-12-30'), day('2027-01-02')),
    'del miércoles, 30 de diciembre de 2026 al sábado, 2 de enero de 2027');
});

test('es: the three date fields get Spanish error messages, GOV.UK-style', () => {
  spanish();
  const read = (d, m, y, kind = 'last') => readDate({ day: d, month: m, year: y }, ES[kind].what);
  assert.deepEqual(read('', '', ''), { error: 'Escriba la fecha de su última sesión', fields: ['day', 'month', 'year'] });
  assert.deepEqual(read('', '', '', 'first').error, 'Escriba la fecha de su primera sesión');
  assert.deepEqual(read('3', '', ''),
    { error: 'La fecha de su última sesión debe incluir el mes y el año', fields: ['month', 'year'] });
  assert.deepEqual(read('', '4', '2026'), { error: 'La fecha de su última sesión debe incluir el día', fields: ['day'] });
  assert.deepEqual(read('3', '4', '', 'first'),
    { error: 'La fecha de su primera sesión debe incluir el año', fields: ['year'] });
  assert.deepEqual(read('ab', '3', '2026'), { error: 'Escriba el día con números, por ejemplo 27', fields: ['day'] });
  assert.deepEqual(read('3', 'xyz', '2026'),
    { error: 'Escriba el mes con números, por ejemplo 3, o con letras, por ejemplo marzo', fields: ['month'] });
  assert.deepEqual(read('3', '3', '26'), { error: 'Escriba el año con 4 números, por ejemplo 2026', fields: ['year'] });
  assert.deepEqual(read('31', '2', '2026'), {
    error: 'La fecha de su última sesión debe ser una fecha real. Febrero de 2026 tiene 28 días',
    fields: ['day', 'month'],
  });
  assert.match(read('31', '4', '2026').error, /\. Abril de 2026 tiene 30 días$/);
  assert.deepEqual(read('32', '1', '2026').fields, ['day']);
});

test('es: a month may be a Spanish word, in any case, with or without accents, or its first letters', () => {
  spanish();
  const month = (m) => readDate({ day: '1', month: m, year: '2026' }, ES.last.what);
  for (const [text, m] of [['marzo', 3], ['MARZO', 3], ['Marzo', 3], ['mar', 3], ['may', 5], ['mayo', 5], ['ene', 1],
    ['enero', 1], ['ÉNERO', 1], ['febrero', 2], ['abr', 4], ['jun', 6], ['jul', 7], ['julio', 7], ['ago', 8],
    ['Agosto', 8], ['sept', 9], ['Sept.', 9], ['septiembre', 9], ['oct.', 10], ['nov', 11], ['diciembre', 12],
    ['DIC', 12], ['3', 3], ['03', 3]]) {
    assert.equal(isoDate(month(text).date ?? day('1000-01-01')), `2026-${String(m).padStart(2, '0')}-01`, text);
  }
  for (const text of ['ma', 'ju', 'March', 'January', 'april', 'xyz', '13']) {
    assert.deepEqual(month(text).fields, ['month'], text); // English words are not Spanish months
  }
  useWords(PLAN.en.words);
  assert.equal(isoDate(readDate({ day: '1', month: 'march', year: '2026' }, 'x').date), '2026-03-01');
  assert.deepEqual(readDate({ day: '1', month: 'marzo', year: '2026' }, 'x').fields, ['month']);
});

test('es: sessions, odd dates and a passed window are said in Spanish', () => {
  spanish();
  assert.equal(readCount('1', concern(2, 4, 6)).error, 'Escriba un número de sesiones del 2 al 12, o déjelo vacío');
  const now = day('2026-03-29');
  assert.equal(checkDate(day('2020-01-01'), now, 'last').error,
    'Escriba una fecha de los últimos 5 años. Si su sesión fue antes, pregunte a su clínica por una serie nueva');
  assert.equal(checkDate(day('2027-04-01'), now, 'first').error, 'Escriba una fecha que no pase de un año a partir de hoy');
  assert.equal(checkDate(day('2026-03-30'), now, 'last').warnings[0], 'Esta fecha es futura, pero usted dijo que era su '
    + 'última sesión. Compruebe la fecha. El plan de abajo cuenta desde el lunes, 30 de marzo de 2026.');
  assert.match(checkDate(day('2025-03-28'), now, 'last').warnings[0], /^Esta fecha es de hace más de un año\./);
  assert.equal(lateWarning(day('2026-02-14'), concern(2, 4, 6), now)[0], 'La fecha habitual más tardía para su próxima '
    + 'sesión, el sábado, 28 de marzo de 2026, ya ha pasado. Es algo frecuente: pregunte a su clínica cuándo reservar.');
});

test('es: a calendar file and Google Calendar link in Spanish', () => {
  spanish();
  assert.equal(ES.file, 'sesiones-microagujas.ics');
  const summary = 'Sesión de microagujas (planificada)';
  const description = 'Una ayuda para planificar. Su profesional decide su calendario.\n'
    + 'Cuidados: https://example.org/guide/es/aftercare/';
  const text = calendar([{ date: day('2026-12-31'), uid: 'session-2026-12-03-2@example.org', summary, description }],
    new Date(Date.UTC(2026, 2, 29, 1, 2, 3)));
  for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  const logical = unfold(text).split('\r\n');
  assert.equal(logical[2], 'PRODID:-//Guía de microagujas//Planificador de sesiones//ES');
  assert.ok(logical.includes(`SUMMARY:${summary}`));
  assert.ok(logical.includes('DESCRIPTION:Una ayuda para planificar. Su profesional decide su calendario.\\n'
    + 'Cuidados: https://example.org/guide/es/aftercare/'));
  assert.ok(logical.includes('DTSTART;VALUE=DATE:20261231') && logical.includes('DTEND;VALUE=DATE:20270101'));
  const link = new URL(googleLink({ date: day('2026-12-31'), summary, description }));
  assert.equal(link.searchParams.get('text'), summary);
  assert.equal(link.searchParams.get('details'), description);
});

test('es: the course timeline is named, described and labelled in Spanish', () => {
  spanish();
  const c = PLAN.es.concerns.find((x) => x.id === PLAN.es.default_concern);
  const { sessions } = planCourse(day('2026-11-20'), c, 4);
  const svg = courseLayout(sessions, PLAN.es.aftercare, 'f');
  assert.equal(words(all(svg, 'title')[0]), ES.figure.title);
  const desc = words(all(svg, 'desc')[0]);
  assert.ok(desc.startsWith(`4 sesiones, del ${longDate(sessions[0].date)} al ${longDate(sessions[3].date)}, `), desc);
  assert.match(desc, / Después de las sesiones 1 a 3: .*\(hasta el día antes de la próxima sesión\)\. Después de la sesión 4: /);
  for (const stage of PLAN.es.aftercare) assert.ok(desc.includes(stage.label), stage.label);
  const labels = all(svg, 'text').map(words);
  assert.ok(labels.includes('Meses de 2026 y 2027'), labels);
  assert.ok(labels.includes('dic') && labels.includes('ene'), labels);
});

test('es: nothing the planner writes in Spanish holds the English words', () => {
  spanish();
  const out = [];
  const read = (d, m, y) => out.push(readDate({ day: d, month: m, year: y }, ES.last.what).error);
  for (const args of [['', '', ''], ['3', '', ''], ['', '3', ''], ['x', '3', '2026'], ['3', 'x', '2026'], ['3', '3', 'x'],
    ['31', '2', '2026']]) read(...args);
  const now = day('2026-03-29');
  out.push(readCount('x', concern(2, 4, 6)).error, checkDate(day('2020-01-01'), now, 'last').error,
    checkDate(day('2028-01-01'), now, 'last').error, ...checkDate(day('2026-03-30'), now, 'last').warnings,
    ...checkDate(day('2025-03-01'), now, 'last').warnings, ...lateWarning(day('2026-02-14'), concern(2, 4, 6), now),
    dateRange(day('2026-03-31'), day('2026-04-03')), dateRange(day('2026-12-31'), day('2027-01-03')));
  const svg = courseLayout(planCourse(day('2026-11-20'), concern(1, 1, 2), 3).sessions, PLAN.es.aftercare, 'f');
  out.push(...all(svg, 'text').map(words), words(all(svg, 'title')[0]), words(all(svg, 'desc')[0]));
  const spanishText = out.join('\n');
  assert.ok(out.every((t) => typeof t === 'string' && t.length), out);
  // every fixed part (between {placeholders}) of every English word the scripts show, that Spanish does not share
  const leaves = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(leaves));
  const english = leaves(PLAN.en.words).flatMap((t) => t.split(/\{\w+\}/)).map((p) => p.trim().replace(/^[.,:]|[.,:]$/g, ''))
    .filter((p) => p.length > 3 && !leaves(ES).some((t) => t.includes(p)));
  assert.ok(english.length > 20, 'the English words were read');
  for (const part of english) assert.ok(!spanishText.includes(part), `English "${part}" in:\n${spanishText}`);
  for (const name of 'January February March April May June July August September October November December Monday Friday'
    .split(' ')) assert.ok(!spanishText.includes(name), name);
});
