// Keyboard navigation beside Tab: arrow keys move the focus among the items of a list or a table, Home and End to
// the first and the last (the items are native buttons, so Enter and Space act on them).

/** Arrow keys move the focus among container's items matching selector (looked up at each key: lists are redrawn). */
export function arrowKeys(container, selector, { next = 'ArrowDown', previous = 'ArrowUp' } = {}) {
  container.addEventListener('keydown', (e) => {
    const items = [...container.querySelectorAll(selector)];
    const at = items.indexOf(document.activeElement);
    const to = { [next]: at + 1, [previous]: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (at < 0 || to === undefined) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, to))].focus();
  });
}
