// An answer as a table beside the graph: sortable columns (a button in each header, aria-sort says the order), and a
// CSV export of exactly the rows and columns shown, in the order shown. Every text is set with textContent.
import { h } from './details.js';
import { csvCell, download } from './export.js';

/**
 * `table` is { title, file, columns: [{ key, label }], rows: [{ [key]: { text, node? } }] }: `text` is what the CSV
 * holds and what sorts, `node` (optional) what the cell shows instead (links, buttons).
 */
export function renderTable(container, table) {
  let order = { key: null, direction: 1 };
  const sorted = () => (order.key === null ? table.rows : [...table.rows].sort((a, b) =>
    order.direction * a[order.key].text.localeCompare(b[order.key].text, 'en', { numeric: true })));
  const csv = () => `${[table.columns.map((c) => c.label), ...sorted().map((r) => table.columns.map((c) => r[c.key].text))]
    .map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

  const draw = () => {
    const sortLabel = (c) => (order.key === c.key ? (order.direction > 0 ? 'ascending' : 'descending') : 'none');
    container.replaceChildren(
      h('div', { class: 'table-head' }, h('h2', { id: 'table-title' }, table.title),
        h('button', { type: 'button', id: 'export-table', onclick: () =>
          download(table.file, new Blob([csv()], { type: 'text/csv;charset=utf-8' })) }, 'Export this table (CSV)')),
      h('table', { class: 'answer-table', 'aria-labelledby': 'table-title' },
        h('thead', {}, h('tr', {}, table.columns.map((c) => h('th', { scope: 'col', 'aria-sort': sortLabel(c) },
          h('button', { type: 'button', class: 'sort', 'data-key': c.key, onclick: () => {
            order = { key: c.key, direction: order.key === c.key ? -order.direction : 1 };
            draw();
            // Redrawn: the focus stays on the column's button, for the keyboard.
            container.querySelector(`button.sort[data-key="${c.key}"]`).focus();
          } }, c.label, h('span', { 'aria-hidden': 'true' }, { ascending: ' ▲', descending: ' ▼', none: '' }[sortLabel(c)])))))),
        h('tbody', {}, sorted().map((r) => h('tr', {}, table.columns.map((c) => h('td', {}, r[c.key].node ?? r[c.key].text)))))));
  };
  draw();
}

/** A cell whose text is also its display. */
export const text = (value) => ({ text: value === null || value === undefined ? '' : String(value) });

/** A cell of sources: links in the page, "publisher: title <url>" joined by " | " in the CSV; its events kept for citing. */
export const sources = (events) => ({
  events,
  text: events.map((e) => `${e.source.publisher}: ${e.source.title}${e.source.url ? ` <${e.source.url}>` : ''}`).join(' | '),
  node: events.length ? h('ul', { class: 'sources' }, events.map((e) => h('li', {}, h('span', { class: 'publisher' }, e.source.publisher), ': ',
    e.source.url ? h('a', { href: e.source.url, target: '_blank', rel: 'noopener noreferrer' }, e.source.title) : e.source.title,
    h('span', { class: 'meta' }, ` · ${e.effectiveDate}`)))) : h('span', { class: 'hint' }, 'none recorded'),
});
