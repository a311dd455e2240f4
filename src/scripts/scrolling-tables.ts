/**
 * A table wider than the screen scrolls in its `.table-wrap`. Chromium and Firefox let the
 * keyboard scroll it; Safari only scrolls what can take focus. So a wrapper that really
 * scrolls becomes a named, focusable region, and one that fits takes no tab stop: a
 * desktop reader does not tab through every table of a charter.
 */
function focusScrollingTables(): void {
  for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls === wrap.hasAttribute('tabindex')) continue;
    if (scrolls) {
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', `Table: ${tableName(wrap)}`);
    } else {
      for (const name of ['tabindex', 'role', 'aria-label']) wrap.removeAttribute(name);
    }
  }
}

/** The table's caption, else the heading of the section it sits in, else the page's: what a screen reader says on focus. */
function tableName(wrap: HTMLElement): string {
  const section = wrap.closest('[aria-labelledby]')?.getAttribute('aria-labelledby');
  const named = wrap.querySelector('caption') ?? (section ? document.getElementById(section) : null);
  return named?.textContent?.trim() || document.querySelector('h1')?.textContent?.trim() || document.title;
}

/** Once now, and again when the window's width changes what fits. */
export function watchScrollingTables(): void {
  focusScrollingTables();
  let queued = false;
  addEventListener('resize', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      focusScrollingTables();
    });
  });
}
