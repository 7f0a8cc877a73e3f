// A clinic's own details (name, phone, website), as a clinic gives them: in an embed view's or the
// aftercare sheet's address, #clinic-name=…&clinic-phone=…&clinic-url=… (docs/embed.js puts its
// data-clinic-* there after the same checks; the For clinics page's clinic-kit.js writes both).
// The checks, and the one way the details are shown: as text, a tel: link or an https: link.
// tests/js/clinic.test.mjs runs one table of hostile values through these and through embed.js.

// Each detail's rule, the same in embed.js. A name: up to 80 characters, none of them a control,
// format (bidi) or line-breaking one, but the joiners some scripts need. A phone: digits, spaces and
// + - ( ) . (up to 30). A website: https: only (up to 200), no user name, nothing hidden.
export const RULES = {
  name: /^(?:[\u200c\u200d]|[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]){1,80}$/u,
  phone: /^(?=.*\d)[\d +\-().]{1,30}$/,
  url: /^(?=.{1,200}$)https:\/\/[^\s/?#@\p{C}]+\.[^\s/?#@\p{C}]+(?:[/?#][^\s\p{C}]*)?$/iu,
};

// The value to show (trimmed), or undefined. A website must be one the browser can read.
export function checked(key, text) {
  const value = text.trim();
  try {
    return RULES[key].test(value) && (key !== 'url' || new URL(value)) ? value : undefined;
  } catch {
    return undefined;
  }
}

// {name, phone, url}: those of params (URLSearchParams) given and allowed; warn(key) for each refused
export function readClinic(params, warn) {
  const details = {};
  for (const key in RULES) {
    const text = params.get(`clinic-${key}`);
    if (text === null) continue;
    const value = checked(key, text);
    if (value) details[key] = value;
    else warn(`clinic-${key}`);
  }
  return details;
}

export const telHref = (phone) => `tel:${phone.replace(/[^\d+]/g, '')}`;
export const urlText = (url) => url.replace(/^https:\/\/|\/$/g, '');

// Each .clinic-contact box under root (partials/clinic-contact.md.j2) shows the details given, each
// in its own part; a part with nothing to show, and a box with nothing at all, stay hidden
export function showClinic(details, root = document) {
  for (const box of root.querySelectorAll('.clinic-contact')) {
    box.hidden = !Object.keys(details).length;
    for (const part of box.querySelectorAll('[data-clinic]')) {
      const key = part.dataset.clinic;
      const value = details[key];
      const link = part.querySelector('a');
      part.hidden = !value;
      if (!value) continue;
      (link || part).textContent = key === 'url' ? urlText(value) : value;
      if (link) link.href = key === 'phone' ? telHref(value) : value;
    }
  }
}

// start() on each page Material shows (its document$), or once where there is no Material (an embed
// view). A module in a page's content runs before Material's bundle has made document$: it waits.
export function onEveryPage(start) {
  const go = () => (window.document$ ? window.document$.subscribe(start) : start());
  if (window.document$) go();
  else addEventListener('DOMContentLoaded', go);
}
