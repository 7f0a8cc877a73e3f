// A clinic's details in the page's address: the rules (as in embed.js) and the one way to show them,
// as text or a tel: or https: link. README.md, "A clinic's details", says where and why.
export const RULES = {
  name: /^(?:[\u200c\u200d]|[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]){1,80}$/u,
  phone: /^(?=.*\d)[\d +\-().]{1,30}$/,
  url: /^(?=.{1,200}$)https:\/\/[^\s/?#@\p{C}]+\.[^\s/?#@\p{C}]+(?:[/?#][^\s\p{C}]*)?$/iu,
};

// The value to show (trimmed), or undefined
export function checked(key, text) {
  const value = text.trim();
  try {
    return RULES[key].test(value) && (key !== 'url' || new URL(value)) ? value : undefined;
  } catch {
    return undefined; // a website the browser cannot read
  }
}

export const warn = (key, value) => console.warn(`Microneedling guide: ignored ${key}=${value}`);

export function readClinic(params, refused = warn) {
  const details = {};
  for (const key in RULES) {
    const text = params.get(`clinic-${key}`);
    if (text === null) continue;
    const value = checked(key, text);
    if (value) details[key] = value;
    else refused(`clinic-${key}`, text);
  }
  return details;
}

// In each .clinic-contact box under root, the part of each detail given
export function showClinic(details, root) {
  for (const box of root.querySelectorAll('.clinic-contact')) {
    box.hidden = !Object.keys(details).length;
    for (const part of box.querySelectorAll('[data-clinic]')) {
      const key = part.dataset.clinic;
      const value = details[key];
      const link = part.querySelector('a');
      part.hidden = !value;
      if (!value) continue;
      (link || part).textContent = key === 'url' ? value.replace(/^https:\/\/|\/$/gi, '') : value;
      if (link) link.href = key === 'url' ? value : `tel:${value.replace(/[^\d+]/g, '')}`;
    }
  }
}

const frame = globalThis.document?.querySelector('.embed-content'); // an embed view shows them at once
if (frame) showClinic(readClinic(new URLSearchParams(location.hash.slice(1))), frame);
