// The For clinics page's form (partials/clinic-kit.md.j2): a clinic's own one-line embed, the plain
// iframe's address and its aftercare sheet's address, from its choices and its details (checked by
// clinic.js's rules, as embed.js and the embed view check them), with a live preview made by the
// line itself. Sends and stores nothing: the details live in the line and in the sheet's address.
import { checked } from './clinic.js';
import { onEveryPage } from './page-start.js';

const ACCENT = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i; // as embed.js and embed-frame.js read data-accent
const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Each text field's value to use ('' when empty), or undefined when it is not allowed
const detail = (key) => (v) => (v.trim() ? checked(key, v) : '');
const READ = {
  name: detail('name'),
  phone: detail('phone'),
  url: detail('url'),
  accent: (v) => (v.trim() ? ACCENT.exec(v.trim())?.[1] : ''),
  date: (v, field) => (field.validity.badInput ? undefined : v),
};

// The one line, the plain iframe's address and the sheet's address for a clinic's choices
export function clinicLine(site, { page, lang, theme, accent, concern, name, phone, url, date }) {
  const edition = lang === 'en' ? '' : `${lang}/`;
  const details = new URLSearchParams(Object.entries({ 'clinic-name': name, 'clinic-phone': phone, 'clinic-url': url })
    .filter(([, v]) => v));
  const options = new URLSearchParams(Object.entries({ theme: theme === 'auto' ? '' : theme, accent, concern })
    .filter(([, v]) => v));
  const attributes = [['lang', lang === 'en' ? '' : lang], ['page', page], ['theme', options.get('theme')],
    ['accent', accent && `#${accent}`], ['concern', concern], ['clinic-name', name], ['clinic-phone', phone],
    ['clinic-url', url]].filter(([, v]) => v);
  const sheet = new URLSearchParams(details);
  if (date) sheet.set('date', date);
  return {
    attributes,
    line: `<script async src="${attribute(`${site}embed.js`)}"${attributes
      .map(([k, v]) => ` data-${k}="${attribute(v)}"`).join('')}></script>`,
    address: `${site}${edition}embed/${page}/${options.size ? `?${options}` : ''}${details.size ? `#${details}` : ''}`,
    sheet: `${site}${edition}aftercare-sheet/${sheet.size ? `#${sheet}` : ''}`,
  };
}

function start() {
  const kit = document.querySelector('[data-kit]:not([data-ready])');
  if (!kit) return;
  kit.dataset.ready = '';
  const $ = (s) => kit.querySelector(s);
  const f = $('form').elements;
  const fields = [...kit.querySelectorAll('.kit-text')];
  const concern = $('#kit-concern-field');
  const preview = $('.kit-preview');
  let shown;

  // showErrors: on a change (leaving a field), not at each key; an error goes as soon as it is put right
  function update(showErrors) {
    const values = { page: f.page.value, lang: f.lang.value, theme: f.theme.value };
    const planner = f.page.selectedOptions[0].hasAttribute('data-planner');
    if (concern) concern.hidden = !planner;
    values.concern = planner && f.concern ? f.concern.value : '';
    for (const field of fields) {
      const value = READ[field.name](field.value, field);
      const error = $(`#kit-${field.name}-error`);
      if (value !== undefined) values[field.name] = value;
      if (value !== undefined || showErrors) {
        error.hidden = value !== undefined;
        if (error.hidden) field.removeAttribute('aria-invalid');
        else field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', `kit-${field.name}-hint${error.hidden ? '' : ` ${error.id}`}`);
      }
    }
    const made = clinicLine(kit.dataset.site, values);
    for (const [code, text] of [[$('.kit-line'), made.line], [$('.kit-address'), made.address]]) {
      code.textContent = text;
      code.tabIndex = 0; // it scrolls now (Material makes only code blocks that scrolled at first focusable)
    }
    $('.kit-sheet').href = made.sheet;
    if (showErrors && made.line !== shown) {
      // The preview is the line itself (run by this site's embed.js), which embed.js replaces with the page
      const script = document.createElement('script');
      script.src = new URL(kit.dataset.embed, location).href;
      for (const [k, v] of made.attributes) script.setAttribute(`data-${k}`, v);
      preview.replaceChildren(script);
      shown = made.line;
    }
  }

  kit.addEventListener('input', () => update(false));
  kit.addEventListener('change', () => update(true));
  update(true);
  kit.hidden = false;
  kit.parentElement.querySelector('.calc-fallback').hidden = true;
}

onEveryPage(start);
