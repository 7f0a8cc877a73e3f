// The embed view's half of the embed protocol (overrides/embed.html; the other half is /embed.js).
// 1. Options from this page's own address, each checked and ignored if not allowed:
//    theme=light|dark|auto, accent=hex colour (no #), concern=a skin concern id of the planner.
// 2. Height: nothing is sent until the parent page says {type: 'mng:hello'}. Only a message whose
//    source is this frame's own parent window counts; its origin becomes the one exact target of
//    every {type: 'mng:size', height, title} sent back. Stores nothing, requests nothing.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var body = document.body;
  var root = document.documentElement;
  var warn = function (name) { console.warn('Microneedling guide: ignored ' + name + '=' + params.get(name)); };

  // Inside a clinic's page, which has landmarks of its own (a main, perhaps this guide's notice on
  // another page), this view's landmarks also carry the guide's page title, so a screen reader's
  // list of landmarks tells them apart (axe: landmark-unique).
  if (window.parent !== window) {
    Array.prototype.forEach.call(document.querySelectorAll('main, aside'), function (landmark) {
      var heading = document.getElementById(landmark.getAttribute('aria-labelledby') || '');
      landmark.removeAttribute('aria-labelledby');
      landmark.setAttribute('aria-label', (heading ? heading.textContent.trim() + ': ' : '') + document.title);
    });
  }

  var theme = params.get('theme');
  if (theme !== null && !/^(light|dark|auto)$/.test(theme)) { warn('theme'); theme = null; }
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  var scheme = function () {
    var slate = theme === 'dark' || (theme !== 'light' && dark.matches);
    body.setAttribute('data-md-color-scheme', slate ? 'slate' : 'default');
  };
  scheme();
  dark.addEventListener('change', scheme);

  var accent = params.get('accent');
  var hex = accent !== null && /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(accent);
  if (hex) {
    var h = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
    var lum = [0, 2, 4].map(function (i) {
      var c = parseInt(h.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    // Black or white text, whichever contrasts more: one of them always reaches 4.5:1.
    body.style.setProperty('--embed-accent', '#' + h);
    body.style.setProperty('--embed-accent-text', (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000' : '#fff');
  } else if (accent !== null) warn('accent');

  var concern = params.get('concern');
  var select = document.getElementById('calc-concern');
  if (concern !== null) {
    var known = select && concern && Array.prototype.some.call(select.options, function (o) { return o.value === concern; });
    if (known) select.value = concern; else warn('concern');
  }

  // Links to other pages open in a new tab (checked at the click, so links the planner adds count
  // too); links within the page stay in the frame, and a clinic's tel: link (no host) to the phone.
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (a && a.host && a.origin + a.pathname + a.search !== location.origin + location.pathname + location.search) {
      a.target = '_blank';
      a.rel = 'noopener';
    }
  }, true);

  var parentOrigin = null;
  var last = 0;
  var post = function (always) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!parentOrigin || (height === last && !always)) return;
    last = height;
    window.parent.postMessage({ type: 'mng:size', height: height, title: document.title }, parentOrigin);
  };
  window.addEventListener('message', function (e) {
    if (window.parent === window || e.source !== window.parent || e.origin === 'null') return;
    if (!e.data || e.data.type !== 'mng:hello') return;
    parentOrigin = e.origin;
    root.classList.add('embed-sized');
    post(true);
  });
  if (window.ResizeObserver) new ResizeObserver(function () { post(false); }).observe(root);
})();
