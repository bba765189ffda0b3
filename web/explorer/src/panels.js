// The panels beside the drawing: the start page, the list of nodes in view, the legend, the answer under the forms
// and its table, and which of graph and map is shown.
import { KINDS } from './model.js';
import { KIND_COLOURS, CHINA_RED } from './draw.js';
import { h } from './details.js';
import { renderStart } from './start.js';
import { renderTable } from './table.js';

const $ = (id) => document.getElementById(id);

/** The drawing as a graph or on the map (over the graph, which keeps its layout meanwhile). */
export function showMode(mode) {
  $('map').hidden = mode !== 'map';
  for (const b of document.querySelectorAll('#modes button')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
}

let startShownFor = '';

/** The start page while nothing is asked or opened; a note when the filters or the date hide everything. */
export function showStart(state, model, view) {
  const nothing = !state.opened.length && !state.expanded.length && !state.question;
  $('start').hidden = !nothing;
  $('hidden-all').hidden = nothing || view.nodes.length > 0;
  $('hidden-all').textContent = `The filters or the date hide all ${model.nodes.size} nodes.`;
  if (nothing && startShownFor !== state.asOf) {
    startShownFor = state.asOf;
    renderStart($('start'), state.asOf, (hash) => `#${new URLSearchParams({ ...hash, asOf: state.asOf })}`);
  }
}

export function renderViewList(view, paint, state, select) {
  const sorted = [...view.nodes].sort((a, b) => a.name.localeCompare(b.name));
  $('view-count').textContent = `(${sorted.length})`;
  $('view-list').replaceChildren(...sorted.map((n) => h('li', {},
    h('span', { class: 'swatch', style: `background:${paint.colour(n)}` }),
    h('button', { type: 'button', class: 'link', 'data-node': n.id, 'aria-current': state.selected === n.id ? 'true' : null,
      title: n.name, onclick: () => select(n.id, true) }, n.name),
    h('span', { class: 'meta' }, ` ${n.country ?? n.label}`))));
  $('node-ids')?.replaceChildren(...sorted.map((n) => h('option', { value: n.id }, n.name)));
}

export function renderLegend(state, view, paint) {
  $('legend').replaceChildren(
    h('div', {}, KINDS.filter((k) => state.kinds.includes(k.id)).map((k) =>
      h('span', { class: 'key' }, h('i', { class: 'line', style: `background:${KIND_COLOURS[k.id]}` }), k.label))),
    h('div', {}, h('span', { class: 'key' }, h('i', { class: 'line', style: `background:${CHINA_RED}` }), 'China-dependent supply'),
      h('span', { class: 'key' }, h('i', { class: 'ring' }), 'Chinese-linked (based in or owned from CN)')),
    h('div', {}, paint.legend(view.nodes).map(([label, colour]) => h('span', { class: 'key' }, h('i', { class: 'dot', style: `background:${colour}` }), label))));
}

/** The answer's summary and list under the forms, and its table beside the graph; `clear` forgets the question. */
export function showAnswer(answer, clear) {
  const box = $('answer');
  $('graph-area').classList.toggle('with-table', Boolean(answer?.table));
  $('table-view').hidden = !answer?.table;
  if (answer?.table) renderTable($('table-view'), answer.table);
  if (!box) return;
  if (!answer) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(h('p', { class: 'summary' }, answer.summary),
    answer.list.length ? h('ol', { class: 'answers' }, answer.list) : h('p', { class: 'hint' }, 'Nothing to list.'),
    h('button', { type: 'button', onclick: clear }, 'Clear the answer'));
}
