// The explorer page: the view state (in the URL) is fetched from GraphQL into a model, filtered, and drawn. The panels
// beside the drawing are panels.js's, the controls' wiring is wiring.js's.
import { pinKnowledge } from './api.js';
import * as api from './api-graph.js';
import { GraphModel } from './model.js';
import { readHash, writeHash, visible } from './state.js';
import { syncControls } from './controls.js';
import { createGraph, draw, focus, layout } from './draw.js';
import { painter } from './colour.js';
import { h, renderNode, renderRelationship } from './details.js';
import { run, BLOCS } from './questions.js';
import { drawMap } from './map.js';
import { showPinned } from './cite.js';
import { renderLegend, renderViewList, showAnswer, showMode, showStart } from './panels.js';
import { setUpControls } from './wiring.js';
import { progressively } from './progressive.js';

const $ = (id) => document.getElementById(id);
const state = readHash();
pinKnowledge(state.known);
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
  let grown = 0;
  try {
    // Ids from a permalink may name nothing (a typo, another database): ask only about those that exist.
    const [named, members] = await Promise.all([api.basics(state.opened, state.asOf), api.countries(state.asOf)]);
    const blocs = new Map(BLOCS.map((b) => [b, new Set(members.filter((c) => c.blocs.some((m) => m.bloc.id === b)).map((c) => c.code))]));
    const existing = state.expanded.filter((id) => named[id]?.node);
    const soFar = progressively(() => mine === refreshing, (done) => { grown += drawSoFar(next, blocs, done, existing.length); });
    let done = 0;
    await api.neighbourhoods(existing, state.asOf, {
      stopped: () => mine !== refreshing,
      each: (id, hood) => {
        next.addNeighbourhood(id, hood);
        soFar(++done);
      },
    });
    soFar.stop();
    if (state.question) answer = await run(state.question, state.asOf, next);
    const missing = [...next.nodes.keys()].filter((id) => !next.owners.has(id) && !named[id] && next.nodes.get(id).label === 'Organization');
    const found = { ...named, ...(await api.basics(missing, state.asOf)) };
    for (const [id, b] of Object.entries(found)) {
      if (b.node) next.addNode(b.node);
      if (b.owners) next.owners.set(id, b.owners);
    }
    if (mine !== refreshing) return;
    blocMembers = blocs;
    const unknown = state.opened.filter((id) => !next.nodes.has(id));
    showError(unknown.length ? `Not found: ${unknown.join(', ')}.` : '');
    model = next;
    state.answerNodes = answer?.nodes ?? new Set();
    state.answerEdges = answer?.edges ?? new Set();
    answered = answer;
    showAnswer(answer, () => ask(null));
  } catch (e) {
    if (mine !== refreshing) return;
    showError(`The graph could not be loaded: ${e.message}`);
    if (state.question) $('answer').replaceChildren(h('p', { class: 'error' }, `The question could not be answered: ${e.message}`));
  } finally {
    if (mine === refreshing) document.body.classList.remove('loading');
  }
  await render({ fresh, grown });
}

/** What has come so far, added beside its drawn neighbours; nothing drawn is removed or moved. Answers how many it added. */
function drawSoFar(partial, blocs, done, total) {
  $('status').textContent = `Loading the graph as of ${state.asOf}: the relationships of ${done} of ${total} nodes…`;
  const v = visible(partial, state, blocs);
  return draw(cy, partial, v, state, partial.chinaDependent(v.edges), painter(state.colourBy, partial, blocs), { keep: true });
}

/**
 * Filters the model, draws it, and updates the lists, the counts, the legend and the URL; `grown` counts the nodes
 * that partial drawings added since the last layout.
 */
async function render({ fresh = false, grown = 0 } = {}) {
  view = visible(model, state, blocMembers);
  paint = painter(state.colourBy, model, blocMembers);
  const chinaEdges = model.chinaDependent(view.edges);
  const added = draw(cy, model, view, state, chinaEdges, paint);
  if (added + grown > 0 || fresh) await layout(cy, fresh || added + grown === cy.nodes().length);
  showMode(state.mode);
  focus(cy, state.selected, state.focus);
  mapped = { model, view, state, paint, chinaEdges, select };
  if (state.mode === 'map') drawMap($('map'), mapped);
  const hidden = model.nodes.size - view.nodes.length;
  const status = $('status');
  status.dataset.nodes = String(view.nodes.length);
  status.dataset.edges = String(view.edges.length);
  status.textContent = `${view.nodes.length} nodes · ${view.edges.length} relationships · as of ${state.asOf}`
    + (hidden > 0 ? ` · ${hidden} hidden by the filters or the date` : '');
  showStart(state, model, view);
  showPinned(state);
  renderViewList(view, paint, state, select);
  renderLegend(state, view, paint);
  syncControls(state);
  writeHash(state);
  if (state.selected) showSelected();
}

function showSelected() {
  const panel = $('details');
  const node = model.nodes.get(state.selected);
  const edge = model.edges.get(state.selected);
  cy.elements().unselect();
  cy.getElementById(state.selected).select();
  focus(cy, state.selected, state.focus);
  if (node) renderNode(panel, model, node, state, actions);
  else if (edge) renderRelationship(panel, model, edge, state, actions);
  else panel.replaceChildren(h('p', { class: 'hint' }, 'Select a node or a relationship to see its attributes, validity and sources.'));
}

function select(id, focus = false) {
  state.selected = id;
  writeHash(state);
  showSelected();
  renderViewList(view, paint, state, select);
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

async function setDate(asOf) {
  state.asOf = asOf;
  await refresh();
}

window.addEventListener('hashchange', () => {
  Object.assign(state, readHash());
  pinKnowledge(state.known);
  refresh({ fresh: true });
});

setUpControls(cy, state, {
  render, refresh, setDate, select, open, ask, showError,
  expand: actions.expand,
  current: () => ({ view, table: answered?.table, summary: answered?.summary }),
});
syncControls(state);
refresh({ fresh: true });
