// The view a permalink reproduces: the opened and expanded nodes, the filters, the date, the question, the
// selection, whether it is drawn as a graph or a map, and the knowledge point it is pinned to, all in the URL's hash
// (nothing is stored on the server).
import { KINDS } from './model.js';

export const today = () => new Date().toISOString().slice(0, 10);

const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function defaultState() {
  return {
    opened: [],
    expanded: [],
    asOf: today(),
    kinds: KINDS.map((k) => k.id),
    stage: '',
    countries: [],
    bloc: '',
    colourBy: 'stage',
    question: null,
    selected: '',
    mode: 'graph',
    focus: false,
    known: null,
  };
}

export function readHash(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state = defaultState();
  state.opened = list(p.get('open'));
  state.expanded = list(p.get('expand'));
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.get('asOf') ?? '')) state.asOf = p.get('asOf');
  if (p.has('kinds')) state.kinds = list(p.get('kinds')).filter((k) => KINDS.some((x) => x.id === k));
  state.stage = p.get('stage') ?? '';
  state.countries = list(p.get('country')).map((c) => c.toUpperCase());
  state.bloc = p.get('bloc') ?? '';
  state.colourBy = p.get('colour') ?? 'stage';
  state.selected = p.get('sel') ?? '';
  state.mode = p.get('view') === 'map' ? 'map' : 'graph';
  state.focus = p.get('focus') === '1';
  if (/^\d+$/.test(p.get('known') ?? '')) state.known = Number(p.get('known'));
  try {
    state.question = p.has('q') ? JSON.parse(p.get('q')) : null;
  } catch {
    state.question = null;
  }
  return state;
}

export function writeHash(state) {
  const p = new URLSearchParams();
  if (state.opened.length) p.set('open', state.opened.join(','));
  if (state.expanded.length) p.set('expand', state.expanded.join(','));
  p.set('asOf', state.asOf);
  p.set('kinds', state.kinds.join(','));
  if (state.stage) p.set('stage', state.stage);
  if (state.countries.length) p.set('country', state.countries.join(','));
  if (state.bloc) p.set('bloc', state.bloc);
  if (state.colourBy !== 'stage') p.set('colour', state.colourBy);
  if (state.question) p.set('q', JSON.stringify(state.question));
  if (state.selected) p.set('sel', state.selected);
  if (state.mode === 'map') p.set('view', 'map');
  if (state.focus) p.set('focus', '1');
  if (state.known !== null) p.set('known', String(state.known));
  const hash = `#${p.toString()}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** Which nodes and relationships of the model the filters let through; the opened nodes always stay. */
export function visible(model, state, blocMembers) {
  const opened = new Set(state.opened);
  const inBloc = state.bloc ? blocMembers.get(state.bloc) ?? new Set() : null;
  const passes = (n) => {
    if (opened.has(n.id) || state.answerNodes?.has(n.id)) return true;
    if (n.label !== 'Organization' && n.label !== 'Facility') return !state.stage && !state.countries.length && !inBloc;
    if (state.stage && !(n.props.stages ?? [n.props.stage]).includes(state.stage)) return false;
    if (state.countries.length && !state.countries.includes(n.country)) return false;
    if (inBloc && !inBloc.has(n.country)) return false;
    return !n.validFrom || n.validFrom <= state.asOf;
  };
  const edges = [...model.edges.values()].filter((e) =>
    (state.answerEdges?.has(e.id) || state.kinds.includes(e.kind))
    && passes(model.nodes.get(e.source)) && passes(model.nodes.get(e.target)));
  const ids = new Set([...opened].filter((id) => model.nodes.has(id)));
  for (const id of state.answerNodes ?? []) if (model.nodes.has(id)) ids.add(id);
  for (const e of edges) {
    ids.add(e.source);
    ids.add(e.target);
  }
  const nodes = [...ids].map((id) => model.nodes.get(id)).filter((n) => !n.validFrom || n.validFrom <= state.asOf);
  const shown = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => shown.has(e.source) && shown.has(e.target)) };
}
