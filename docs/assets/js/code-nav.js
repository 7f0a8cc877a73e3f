// Material puts each code block's copy button in an unnamed <nav>. On a page with several code
// blocks (the For clinics page) those are landmarks nobody can tell apart (axe landmark-unique),
// so each gets a name. Starts on Material's document$, like the other widgets.
function name() {
  document.querySelectorAll('.md-code__nav').forEach((nav, i) => {
    nav.setAttribute('aria-label', `Code block ${i + 1}`);
  });
}
if (window.document$) window.document$.subscribe(() => requestAnimationFrame(name));
else name();
