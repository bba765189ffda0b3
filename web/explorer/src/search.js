// Search as you type (debounced) over names and aliases, as an ARIA combobox: arrows move, Enter opens, Escape closes.
import * as api from './api-graph.js';
import { h } from './details.js';

export function setUpSearch(input, listbox, status, open) {
  let timer = 0;
  let asked = 0;
  let results = [];
  let active = -1;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`);
  };
  const choose = (i) => {
    const chosen = results[i];
    if (!chosen) return;
    close();
    input.value = '';
    status.textContent = `Opened ${chosen.name}.`;
    open(chosen.id);
  };
  const show = () => {
    listbox.replaceChildren(...results.map((r, i) => h('li', {
      id: `search-option-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': r.id,
      onmousedown: (e) => { e.preventDefault(); choose(i); },
    }, h('span', { class: 'name' }, r.name), h('span', { class: 'meta' }, ` ${r.label}${r.country ? ` · ${r.country}` : ''}`))));
    listbox.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    highlight(results.length ? 0 : -1);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      results = [];
      close();
      status.textContent = text.length ? 'Type at least two letters.' : '';
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      status.textContent = 'Searching…';
      try {
        const found = await api.search(text);
        if (mine !== asked) return;
        results = found.nodes;
        status.textContent = found.total ? `${found.total} result(s)${found.total > results.length ? `, the first ${results.length} shown` : ''}; arrows to move, Enter to open.` : `Nothing matches “${text}”.`;
        show();
      } catch (e) {
        if (mine === asked) status.textContent = `Search failed: ${e.message}`;
      }
    }, 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) highlight(Math.min(active + 1, results.length - 1));
    else if (e.key === 'ArrowUp' && results.length) highlight(Math.max(active - 1, 0));
    else if (e.key === 'Enter' && active >= 0 && !listbox.hidden) choose(active);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
