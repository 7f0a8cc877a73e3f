/* Microneedling guide: show one of its pages on your website. Paste where the page should appear:
   <script async src="https://GUIDE-ADDRESS/embed.js" data-page="aftercare"></script>
   Options: data-theme (light, dark, auto), data-accent (#hex), data-concern (planner only),
   data-lang (en, es: the page from that language's edition), data-clinic-name, -phone, -url (the
   clinic's details, in the frame's address after a #: never sent to the guide's server).
   See the guide's "For clinics" page. The script replaces itself with an iframe of
   /embed/<page>/ (data-lang="es": /es/embed/<page>/) and sizes it to its content: it says
   {type:'mng:hello'} to the frame's exact origin, and accepts {type:'mng:size'} only from that
   origin and that frame's window. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var src = new URL(script.src);
  var origin = src.origin;
  var data = script.dataset;
  var query = new URLSearchParams();
  var warn = function (text) { console.warn('Microneedling guide embed: ' + text); };
  var option = function (name, pattern) {
    var value = data[name];
    if (value === undefined) return;
    var match = pattern.exec(value);
    if (match) query.set(name, match[1]);
    else warn('ignored data-' + name + '="' + value + '"');
  };
  var page = data.page || '';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(page)) {
    return warn('data-page="' + page + '" is not a page name, such as data-page="aftercare"');
  }
  option('theme', /^(light|dark|auto)$/);
  option('accent', /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i);
  option('concern', /^([a-z0-9]+(?:-[a-z0-9]+)*)$/);
  // The rules of assets/js/clinic.js (which the frame applies again): tests/js/clinic.test.mjs
  var hash = new URLSearchParams();
  [['name', /^(?:[\u200c\u200d]|[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]){1,80}$/u],
    ['phone', /^(?=.*\d)[\d +\-().]{1,30}$/],
    ['url', /^(?=.{1,200}$)https:\/\/[^\s/?#@\p{C}]+\.[^\s/?#@\p{C}]+(?:[/?#][^\s\p{C}]*)?$/iu]
  ].forEach(function (rule) {
    var name = 'clinic-' + rule[0];
    var value = data[name.replace(/-./, function (c) { return c[1].toUpperCase(); })];
    if (value === undefined) return;
    var v = value.trim();
    try {
      if (rule[1].test(v) && (rule[0] !== 'url' || new URL(v))) return hash.set(name, v);
    } catch (e) {} // an address the browser cannot read
    warn('ignored data-' + name + '="' + value + '"');
  });
  // The guide's editions: where each is, and the frame's title until the page says its own
  var editions = {
    en: ['', function (name) { return name.charAt(0).toUpperCase() + name.slice(1) + ' - Microneedling guide'; }],
    es: ['es/', function () { return 'Guía de microagujas'; }] // page names are English words
  };
  var lang = data.lang === undefined ? 'en' : data.lang;
  if (!Object.prototype.hasOwnProperty.call(editions, lang)) {
    warn('ignored data-lang="' + lang + '": the guide is in ' + Object.keys(editions).join(', '));
    lang = 'en';
  }

  var frame = document.createElement('iframe');
  var search = String(query);
  var clinic = String(hash);
  frame.src = new URL(editions[lang][0] + 'embed/' + page + '/' + (search ? '?' + search : '') +
    (clinic ? '#' + clinic : ''), src).href;
  // Until the page says its own title: the page name in words.
  frame.title = editions[lang][1](page.replace(/-/g, ' '));
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer'; // the guide has no need to know this page's address
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox allow-modals');
  frame.style.cssText = 'display:block;width:100%;height:600px;border:0';

  window.addEventListener('message', function (e) {
    var message = e.data;
    if (e.origin !== origin || e.source !== frame.contentWindow || !message || message.type !== 'mng:size') return;
    var height = message.height;
    if (typeof height === 'number' && isFinite(height)) {
      frame.style.height = Math.min(Math.max(Math.ceil(height), 50), 30000) + 'px';
    }
    if (typeof message.title === 'string' && message.title) frame.title = message.title.slice(0, 200);
  });
  frame.addEventListener('load', function () {
    frame.contentWindow.postMessage({ type: 'mng:hello' }, origin);
  });
  script.replaceWith(frame);
})();
