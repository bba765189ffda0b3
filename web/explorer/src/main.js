// The explorer page: the view state (in the URL) is fetched from GraphQL into a model, filtered, and drawn.
import * as api from './api.js';
import { GraphModel, KINDS } from './model.js';
import { readHash, writeHash, visible } from './state.js';
import { setUpFilters, syncControls } from './controls.js';
import { createGraph, draw, focus, layout, KIND_COLOURS, CHINA_RED } from './draw.js';
import { painter } from './colour.js';
import { h, renderNode, renderRelationship } from './details.js';
import { buildForms, run, BLOCS } from './questions.js';
import { setUpSearch } from './search.js';
import { exportCsv, exportPng, exportSvg } from './export.js';
import { renderStart } from './start.js';
import { renderTable } from './table.js';
import { drawMap } from './map.js';
import { setUpCitation, showPinned } from './cite.js';
import { arrowKeys } from './keys.js';

const $ = (id) => document.getElementById(id);
const state = readHash();
api.pinKnowledge(state.known);
let model = new GraphModel();
let blocMembers = new Map();
let view = { nodes: [], edges: [] };
let paint = null;
let mapped = null;
let answered = null;
let refreshing = 0;
const cy = createGraph($('cy'));

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ? `${message}` : '';
}

/** Fetches everything the state names, at its date, into a new model; then draws it. */
async function refresh({ fresh = false } = {}) {
  const mine = ++refreshing;
  document.body.classList.add('loading');
  $('status').textContent = `Loading the graph as of ${state.asOf}…`;
  const next = new GraphModel();
  let answer = null;
  try {
    // Ids from a permalink may name nothing (a typo, another database): ask only about those that exist.
    const [named, members] = await Promise.all([api.basics(state.opened, state.asOf), api.countries(state.asOf)]);
    const existing = state.expanded.filter((id) => named[id]?.node);
    const hoods = await api.neighbourhoods(existing, state.asOf);
    for (const id of existing) next.addNeighbourhood(id, hoods[id]);
    if (state.question) answer = await run(state.question, state.asOf, next);
    const missing = [...next.nodes.keys()].filter((id) => !next.owners.has(id) && !named[id] && next.nodes.get(id).label === 'Organization');
    const found = { ...named, ...(await api.basics(missing, state.asOf)) };
    for (const [id, b] of Object.entries(found)) {
      if (b.node) next.addNode(b.node);
      if (b.owners) next.owners.set(id, b.owners);
    }
    if (mine !== refreshing) return;
    blocMembers = new Map(BLOCS.map((b) => [b, new Set(members.filter((c) => c.blocs.some((m) => m.bloc.id === b)).map((c) => c.code))]));
    const unknown = state.opened.filter((id) => !next.nodes.has(id));
    showError(unknown.length ? `Not found: ${unknown.join(', ')}.` : '');
    model = next;
    state.answerNodes = answer?.nodes ?? new Set();
    state.answerEdges = answer?.edges ?? new Set();
    answered = answer;
    showAnswer(answer);
  } catch (e) {
    if (mine !== refreshing) return;
    showError(`The graph could not be loaded: ${e.message}`);
    if (state.question) $('answer').replaceChildren(h('p', { class: 'error' }, `The question could not be answered: ${e.message}`));
  } finally {
    if (mine === refreshing) document.body.classList.remove('loading');
  }
  await render({ fresh });
}

/** Filters the model, draws it, and updates the lists, the counts, the legend and the URL. */
async function render({ fresh = false } = {}) {
  view = visible(model, state, blocMembers);
  paint = painter(state.colourBy, model, blocMembers);
  const chinaEdges = model.chinaDependent(view.edges);
  const added = draw(cy, model, view, state, chinaEdges, paint);
  if (added > 0 || fresh) await layout(cy, fresh || added === cy.nodes().length);
  showMode();
  focus(cy, state.selected, state.focus);
  mapped = { model, view, state, paint, chinaEdges, select };
  if (state.mode === 'map') drawMap($('map'), mapped);
  const hidden = model.nodes.size - view.nodes.length;
  const status = $('status');
  status.dataset.nodes = String(view.nodes.length);
  status.dataset.edges = String(view.edges.length);
  status.textContent = `${view.nodes.length} nodes · ${view.edges.length} relationships · as of ${state.asOf}`
    + (hidden > 0 ? ` · ${hidden} hidden by the filters or the date` : '');
  showStart();
  showPinned(state);
  renderViewList();
  renderLegend();
  syncControls(state);
  writeHash(state);
  if (state.selected) showSelected();
}

/** The drawing as a graph or on the map (over the graph, which keeps its layout meanwhile). */
function showMode() {
  $('map').hidden = state.mode !== 'map';
  for (const b of document.querySelectorAll('#modes button')) b.setAttribute('aria-pressed', String(b.dataset.mode === state.mode));
}

let startShownFor = '';

/** The start page while nothing is asked or opened; a note when the filters or the date hide everything. */
function showStart() {
  const nothing = !state.opened.length && !state.expanded.length && !state.question;
  $('start').hidden = !nothing;
  $('hidden-all').hidden = nothing || view.nodes.length > 0;
  $('hidden-all').textContent = `The filters or the date hide all ${model.nodes.size} nodes.`;
  if (nothing && startShownFor !== state.asOf) {
    startShownFor = state.asOf;
    renderStart($('start'), state.asOf, (hash) => `#${new URLSearchParams({ ...hash, asOf: state.asOf })}`);
  }
}

function renderViewList() {
  const sorted = [...view.nodes].sort((a, b) => a.name.localeCompare(b.name));
  $('view-count').textContent = `(${sorted.length})`;
  $('view-list').replaceChildren(...sorted.map((n) => h('li', {},
    h('span', { class: 'swatch', style: `background:${paint.colour(n)}` }),
    h('button', { type: 'button', class: 'link', 'data-node': n.id, 'aria-current': state.selected === n.id ? 'true' : null,
      title: n.name, onclick: () => select(n.id, true) }, n.name),
    h('span', { class: 'meta' }, ` ${n.country ?? n.label}`))));
  $('node-ids')?.replaceChildren(...sorted.map((n) => h('option', { value: n.id }, n.name)));
}

function renderLegend() {
  $('legend').replaceChildren(
    h('div', {}, KINDS.filter((k) => state.kinds.includes(k.id)).map((k) =>
      h('span', { class: 'key' }, h('i', { class: 'line', style: `background:${KIND_COLOURS[k.id]}` }), k.label))),
    h('div', {}, h('span', { class: 'key' }, h('i', { class: 'line', style: `background:${CHINA_RED}` }), 'China-dependent supply'),
      h('span', { class: 'key' }, h('i', { class: 'ring' }), 'Chinese-linked (based in or owned from CN)')),
    h('div', {}, paint.legend(view.nodes).map(([label, colour]) => h('span', { class: 'key' }, h('i', { class: 'dot', style: `background:${colour}` }), label))));
}

function showSelected() {
  const panel = $('details');
  const node = model.nodes.get(state.selected);
  const edge = model.edges.get(state.selected);
  cy.elements().unselect();
  cy.getElementById(state.selected).select();
  focus(cy, state.selected, state.focus);
  if (node) renderNode(panel, model, node, state, actions);
  else if (edge) renderRelationship(panel, model, edge, actions);
  else panel.replaceChildren(h('p', { class: 'hint' }, 'Select a node or a relationship to see its attributes, validity and sources.'));
}

function select(id, focus = false) {
  state.selected = id;
  writeHash(state);
  showSelected();
  renderViewList();
  if (state.mode === 'map') drawMap($('map'), mapped);
  if (focus) $('details').focus();
}

const actions = {
  select,
  async expand(id) {
    if (state.expanded.includes(id)) state.expanded = state.expanded.filter((x) => x !== id);
    else state.expanded = [...state.expanded, id];
    if (!state.opened.includes(id)) state.opened = [...state.opened, id];
    await refresh();
  },
  async remove(id) {
    state.opened = state.opened.filter((x) => x !== id);
    state.expanded = state.expanded.filter((x) => x !== id);
    if (state.selected === id) state.selected = '';
    await refresh();
  },
};

/** Opens a node with its relationships drawn at once. */
async function open(id) {
  if (!state.opened.includes(id)) state.opened = [...state.opened, id];
  if (!state.expanded.includes(id)) state.expanded = [...state.expanded, id];
  state.selected = id;
  await refresh();
  $('details').focus();
}

async function ask(question, asOf = state.asOf) {
  state.question = question;
  state.asOf = asOf;
  await refresh({ fresh: true });
}

function showAnswer(answer) {
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
    h('button', { type: 'button', onclick: () => ask(null) }, 'Clear the answer'));
}

function setUpControls() {
  setUpFilters(state, { render, setDate });
  $('relayout').addEventListener('click', () => layout(cy, true));
  for (const b of document.querySelectorAll('#modes button')) {
    b.addEventListener('click', () => {
      state.mode = b.dataset.mode;
      render();
    });
  }
  $('clear').addEventListener('click', () => {
    Object.assign(state, { opened: [], expanded: [], question: null, selected: '' });
    refresh();
  });
  $('copy-link').addEventListener('click', async () => {
    writeHash(state);
    try {
      await navigator.clipboard.writeText(location.href);
      $('status').textContent = 'Permalink copied.';
    } catch {
      window.prompt('Copy this permalink:', location.href);
    }
  });
  setUpCitation(state, { current: () => ({ view, table: answered?.table, summary: answered?.summary }), refresh });
  $('export-png').addEventListener('click', () => exportPng(cy, state.asOf));
  $('export-svg').addEventListener('click', () => exportSvg(cy, state.asOf));
  $('export-csv').addEventListener('click', () => exportCsv(view, state.asOf).catch((e) => showError(`The CSV could not be made: ${e.message}`)));
  cy.on('tap', 'node, edge', (e) => select(e.target.id()));
  for (const list of [$('question-forms'), $('table-view')]) {
    list.addEventListener('click', (e) => {
      const id = e.target.closest('button[data-node]')?.dataset.node;
      if (id) select(id, true);
    });
  }
  cy.on('dbltap', 'node', (e) => actions.expand(e.target.id()));
  arrowKeys($('view-list'), 'button');
  arrowKeys($('question-forms'), '#answer button.link');
  arrowKeys($('table-view'), 'tbody button.link');
  arrowKeys($('table-view'), 'thead button.sort', { next: 'ArrowRight', previous: 'ArrowLeft' });
  // The skip link focuses the search without touching the URL's hash, which holds the view.
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    $('search-input').focus();
  });
  buildForms($('question-forms'), ask, state.question);
  setUpSearch($('search-input'), $('search-results'), $('search-status'), open);
}

async function setDate(asOf) {
  state.asOf = asOf;
  await refresh();
}

window.addEventListener('hashchange', () => {
  Object.assign(state, readHash());
  api.pinKnowledge(state.known);
  refresh({ fresh: true });
});

setUpControls();
syncControls(state);
refresh({ fresh: true });
