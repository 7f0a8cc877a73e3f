// A clinic's details (docs/assets/js/clinic.js): one table of allowed and hostile values, run through
// the embed view's checks and through docs/embed.js (in a sandbox with a stand-in for the clinic's
// page), which must agree; and the For clinics page's line (clinic-kit.js), read back by embed.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { RULES, checked, readClinic } from '../../docs/assets/js/clinic.js';
import { ROOT } from './guide-plan.mjs';

const EMBED = readFileSync(resolve(ROOT, 'docs/embed.js'), 'utf8');
const SCRIPT = 'https://guide.example/sub/embed.js';

// What docs/embed.js does on a clinic's page for a script tag with this dataset: the frame's address
// (null if it made none) and its console warnings
function embed(dataset) {
  const warnings = [];
  let frame = null;
  const element = () => ({ style: {}, setAttribute() {}, addEventListener() {} });
  vm.runInNewContext(EMBED, {
    document: { currentScript: { src: SCRIPT, dataset, replaceWith: (made) => { frame = made; } }, createElement: element },
    window: { addEventListener() {} },
    console: { warn: (text) => warnings.push(text) },
    URL,
    URLSearchParams,
  });
  return { src: frame && frame.src, warnings };
}

const DATASET = { name: 'clinicName', phone: 'clinicPhone', url: 'clinicUrl' };

// [detail, value, what it is]: each is allowed, and shown as it is (trimmed)
const ALLOWED = [
  ['name', 'Glow Skin Clinic', 'a name'],
  ['name', '  Clínica Piel Sana  ', 'spaces around it (trimmed)'],
  ['name', '<img src=x onerror=alert(1)>', 'markup: shown as text, never parsed'],
  ['name', 'x'.repeat(80), '80 characters'],
  ['name', '🦷'.repeat(80), '80 characters outside the BMP'],
  ['name', 'کلینیک\u200cپوست', 'a Persian name with its zero-width non-joiner'],
  ['name', '👩\u200d⚕️ Skin', 'an emoji with a zero-width joiner'],
  ['phone', '+44 20 7946 0958', 'an international number'],
  ['phone', '(020) 7946-0958', 'brackets and a hyphen'],
  ['phone', '020.7946.0958', 'dots'],
  ['phone', '1'.repeat(30), '30 characters'],
  ['url', 'https://glowskin.example', 'a website'],
  ['url', 'https://glowskin.example/contact/?a=1&b=2#top', 'a path, query and fragment'],
  ['url', 'HTTPS://GlowSkin.example/', 'capitals'],
  ['url', 'https://clínica.example/', 'an accented domain'],
  ['url', 'https://x.example/"><script>alert(1)</script>', 'markup in the path: a link, never parsed'],
  ['url', `https://x.example/${'a'.repeat(182)}`, '200 characters'],
];

// [detail, value, what it is]: each is refused, with a warning naming it
const REFUSED = [
  ['name', '', 'empty'],
  ['name', '   ', 'only spaces'],
  ['name', 'x'.repeat(81), '81 characters'],
  ['name', 'Glow\u202eevil.exe', 'a right-to-left override'],
  ['name', 'Glow \u2067Clinic\u2069', 'a bidi isolate'],
  ['name', 'Glow\u200fClinic', 'a right-to-left mark'],
  ['name', 'Glow\u061cClinic', 'an Arabic letter mark'],
  ['name', 'Line\nbreak', 'a line break'],
  ['name', 'Glow\u2028Clinic', 'a line separator'],
  ['name', 'Tab\there', 'a tab'],
  ['name', 'Nul\u0000', 'a NUL'],
  ['name', 'Zero\u200bwidth', 'a zero-width space'],
  ['name', 'Soft\u00adhyphen', 'a soft hyphen'],
  ['name', 'Lone \ud800 surrogate', 'a lone surrogate'],
  ['phone', '020 CALL NOW', 'letters'],
  ['phone', '0800-FLOWERS', 'a phone word'],
  ['phone', '1'.repeat(31), '31 characters'],
  ['phone', '+-( ).', 'no digit'],
  ['phone', 'tel:123', 'a scheme'],
  ['phone', '<b>123</b>', 'markup'],
  ['phone', '١٢٣ ٤٥٦', 'Arabic-Indic digits'],
  ['phone', '123\u202e456', 'a right-to-left override'],
  ['phone', '123\n456', 'a line break'],
  ['url', 'javascript:alert(1)', 'javascript:'],
  ['url', 'JaVaScRiPt:alert(1)//https://x.example', 'javascript: in capitals'],
  ['url', ' javascript:alert(1)', 'javascript: after a space'],
  ['url', 'http://glowskin.example', 'http:'],
  ['url', 'data:text/html,<b>x</b>', 'data:'],
  ['url', '//glowskin.example', 'no scheme'],
  ['url', 'glowskin.example', 'no scheme at all'],
  ['url', 'https://', 'no host'],
  ['url', 'https://localhost/', 'a host without a dot'],
  ['url', 'https://user:secret@glowskin.example', 'a user name and password'],
  ['url', 'https://bank.example@evil.example', 'a host that pretends to be another'],
  ['url', 'https://evil.example\\@bank.example', 'a backslash before an @'],
  ['url', 'https://glow skin.example', 'a space'],
  ['url', 'https://glow\tskin.example', 'a tab, which the browser would drop'],
  ['url', 'https://glowskin.example/\u202egpj.exe', 'a right-to-left override'],
  ['url', 'https://glowskin.example/\u200b', 'a zero-width space'],
  ['url', `https://x.example/${'a'.repeat(183)}`, '201 characters'],
  ['url', 'https://a.example:99999/', 'an address the browser cannot read'],
];

test('the rules are written the same in embed.js as in clinic.js', () => {
  for (const [key, rule] of Object.entries(RULES)) assert.ok(EMBED.includes(`['${key}', ${rule}]`), key);
});

test('allowed details pass both checks, and reach the embed view as they were given', () => {
  for (const [key, value, what] of ALLOWED) {
    assert.equal(checked(key, value), value.trim(), what);
    const { src, warnings } = embed({ page: 'aftercare', [DATASET[key]]: value });
    assert.deepEqual(warnings, [], what);
    const address = new URL(src);
    assert.equal(address.pathname, '/sub/embed/aftercare/', what);
    assert.equal(address.search, '', `${what}: the details are not in the query, which the server sees`);
    const given = new URLSearchParams(address.hash.slice(1));
    assert.deepEqual(readClinic(given, () => assert.fail(what)), { [key]: value.trim() }, what);
  }
});

test('hostile details are refused by both checks, each with a warning naming it', () => {
  for (const [key, value, what] of REFUSED) {
    assert.equal(checked(key, value), undefined, what);
    const refused = [];
    const params = { get: (k) => (k === `clinic-${key}` ? value : null) }; // as given: an address would mend a lone surrogate
    assert.deepEqual(readClinic(params, (k) => refused.push(k)), {}, what);
    assert.deepEqual(refused, [`clinic-${key}`], what);
    const { src, warnings } = embed({ page: 'aftercare', [DATASET[key]]: value });
    assert.equal(src, 'https://guide.example/sub/embed/aftercare/', `${what}: the page still shows, without it`);
    assert.equal(warnings.length, 1, what);
    assert.ok(warnings[0].startsWith(`Microneedling guide embed: ignored data-clinic-${key}="`), what);
  }
});

test('each detail is optional and independent of the others and of the options', () => {
  assert.equal(embed({ page: 'faq' }).src, 'https://guide.example/sub/embed/faq/');
  const { src, warnings } = embed({ page: 'calculator', lang: 'es', theme: 'dark', clinicPhone: '020 7946 0958',
    clinicUrl: 'javascript:alert(1)' });
  assert.equal(src, 'https://guide.example/sub/es/embed/calculator/?theme=dark#clinic-phone=020+7946+0958');
  assert.equal(warnings.length, 1);
  const shown = readClinic(new URLSearchParams(new URL(src).hash.slice(1)), assert.fail);
  assert.deepEqual(shown, { phone: '020 7946 0958' });
});

// clinic-kit.js starts itself on a page; here there is none
globalThis.window = {};
globalThis.addEventListener = () => {};
const { clinicLine } = await import('../../docs/assets/js/clinic-kit.js');
const SITE = 'https://guide.example/sub/';
const CHOICES = { page: 'aftercare', lang: 'en', theme: 'auto', accent: '', concern: '', name: '', phone: '', url: '', date: '' };

// The data-* attributes of a line, as a browser reads them into a script's dataset
const dataset = (line) => Object.fromEntries([...line.matchAll(/ data-([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [
  k.replace(/-./g, (c) => c[1].toUpperCase()),
  v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&'),
]));

test("the For clinics page's line with nothing chosen is the guide's own snippet", () => {
  const made = clinicLine(SITE, CHOICES);
  assert.equal(made.line, '<script async src="https://guide.example/sub/embed.js" data-page="aftercare"></script>');
  assert.equal(made.address, 'https://guide.example/sub/embed/aftercare/');
  assert.equal(made.sheet, 'https://guide.example/sub/aftercare-sheet/');
});

test("the For clinics page's line is read back by embed.js as the page meant it, quotes and all", () => {
  const choices = { ...CHOICES, page: 'calculator', lang: 'es', theme: 'dark', accent: '0b6e4f', concern: 'acne-scars',
    name: 'Glow & "Skin" <Clinic>', phone: '+34 912 345 678', url: 'https://glowskin.example/a?b=1&c=2', date: '2026-04-06' };
  const made = clinicLine(SITE, choices);
  assert.equal(made.line, '<script async src="https://guide.example/sub/embed.js" data-lang="es" data-page="calculator"'
    + ' data-theme="dark" data-accent="#0b6e4f" data-concern="acne-scars" data-clinic-name="Glow &amp; &quot;Skin&quot;'
    + ' &lt;Clinic>" data-clinic-phone="+34 912 345 678" data-clinic-url="https://glowskin.example/a?b=1&amp;c=2"></script>');
  const { src, warnings } = embed(dataset(made.line));
  assert.deepEqual(warnings, []);
  assert.equal(src, made.address, 'the plain iframe address is the one embed.js makes');
  const details = readClinic(new URLSearchParams(new URL(src).hash.slice(1)), assert.fail);
  assert.deepEqual(details, { name: choices.name, phone: choices.phone, url: choices.url });
  const sheet = new URL(made.sheet);
  assert.equal(sheet.pathname, '/sub/es/aftercare-sheet/');
  assert.equal(sheet.search, '');
  const params = new URLSearchParams(sheet.hash.slice(1));
  assert.deepEqual(readClinic(params, assert.fail), details);
  assert.equal(params.get('date'), '2026-04-06');
});
