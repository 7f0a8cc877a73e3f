// start() on each page Material shows. A page's own module (overrides/main.html) runs before Material's
// bundle has made document$, so on a first visit it waits for the page to be ready.
export const onEveryPage = (start) => (window.document$ ? document$.subscribe(start)
  : addEventListener('DOMContentLoaded', () => document$.subscribe(start)));
