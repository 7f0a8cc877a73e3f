// Requests Material's script makes that a reader does not need (README.md, "Search" and "Languages").
//
// 1. Search on demand: the search index and Material's search worker (about 51 KB gzipped) are
// downloaded when a reader opens search, not on every first visit. Material 9.8.1's bundle asks
// for search/search_index.json (an XMLHttpRequest) and starts its worker (new Worker) as soon as it
// runs, and offers no setting to wait. So this script, which overrides/main.html runs just before
// the bundle, holds back exactly those two things until the reader opens the search dialog (the
// #__search toggle, which Material's button, its keyboard shortcuts and ?q= links all click),
// focuses the search box, or arrives with ?q= or ?h= (search deep links and highlighting).
// Material's own code then runs unchanged: its first query waits for the worker's "ready", as it
// always has. Instant navigation keeps this page's script, so a search opened on any later page
// starts it too.
//
// 2. Sitemaps beside language links: Material asks for sitemap.xml beside every
// <link rel="alternate">, expecting links to each language's home page. The guide's links name
// this page's twin in each language (partials/editions-head.html), where there is no sitemap, and
// its language links are plain links that need none: those requests are never sent.
//
// Nothing else is touched: the pages fetched by instant navigation and the site's own sitemap pass
// straight through.
(function () {
  'use strict';
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function later(run) {
    if (started) run();
    else waiting.push(run);
  }
  function path(url) {
    try { return new URL(String(url), location.href).pathname; } catch (e) { return ''; }
  }

  // The index: the request is opened as Material asks, and sent when search opens.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var abort = XMLHttpRequest.prototype.abort;
  var held = new WeakMap(); // request: {aborted}
  // This edition's sitemap, which instant navigation reads: from the page first loaded, whose
  // configuration (and so its relative base) instant navigation keeps.
  var config = document.getElementById('__config');
  var ownSitemap = new URL((config ? JSON.parse(config.textContent).base : '.') + '/sitemap.xml', location.href).href;
  function besideLanguageLink(url) {
    var address = new URL(String(url), location.href).href;
    if (!/\/sitemap\.xml$/.test(address) || address === ownSitemap) return false;
    return Array.prototype.some.call(document.querySelectorAll('link[rel=alternate][hreflang]'), function (link) {
      return new URL('sitemap.xml', link.href).href === address;
    });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    if (!started && INDEX.test(path(url))) held.set(this, { aborted: false });
    else if (besideLanguageLink(url)) held.set(this, { never: true });
    else held.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    var state = held.get(request);
    if (!state) return send.apply(request, args);
    held.delete(request);
    if (state.never) return;
    later(function () { if (!state.aborted) send.apply(request, args); });
  };
  XMLHttpRequest.prototype.abort = function () {
    var state = held.get(this);
    if (state) state.aborted = true;
    return abort.apply(this, arguments);
  };

  // The worker: a stand-in that Material talks to (postMessage, message events) and that starts
  // the real worker when search opens, or at its first message (which, with the index held back,
  // comes only after search opens: a builder whose index is not held back still gets its search).
  var RealWorker = window.Worker;
  function Deferred(url, options) {
    var self = this;
    // Resolved now: the worker's address is relative to this page, and instant navigation may
    // have moved to another page by the time search opens.
    url = new URL(String(url), location.href).href;
    var target = new EventTarget();
    var queue = [];
    var real = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this.onmessage = null; // a Worker's handler properties work too (Zensical's search uses them)
    this.onerror = null;
    target.addEventListener('message', function (event) { if (self.onmessage) self.onmessage(event); });
    target.addEventListener('error', function (event) { if (self.onerror) self.onerror(event); });
    function run() {
      if (real) return;
      real = new RealWorker(url, options);
      real.addEventListener('message', function (event) {
        self.dispatchEvent(new MessageEvent('message', { data: event.data }));
      });
      real.addEventListener('error', function () { self.dispatchEvent(new Event('error')); });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    }
    this.postMessage = function (message) {
      if (!real) { queue.push(message); run(); } else real.postMessage(message);
    };
    this.terminate = function () { if (real) real.terminate(); queue = []; };
    later(run);
  }
  if (RealWorker) {
    window.Worker = new Proxy(RealWorker, {
      construct: function (Target, args) {
        return !started && WORKER.test(path(args[0])) ? new Deferred(args[0], args[1]) : Reflect.construct(Target, args);
      },
    });
  }

  // What opens search.
  var params = new URLSearchParams(location.search);
  if (params.has('q') || params.has('h')) start();
  document.addEventListener('change', function (event) {
    if (event.target.id === '__search' && event.target.checked) start();
  }, true);
  document.addEventListener('focusin', function (event) {
    if (event.target.closest && event.target.closest('.md-search')) start();
  }, true);
})();
