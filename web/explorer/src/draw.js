// Draws the visible part of the model with Cytoscape.js: shape by kind, colour by the chosen attribute, China links in red, fcose layout.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

cytoscape.use(fcose);
cytoscape.use(svg);

// Fixed colours for the countries that recur in the data (so that a colour means the same country in every view);
// red is kept for China. Other countries share a muted palette.
const FIXED = { US: '#1f77b4', AU: '#ff9f1c', JP: '#9467bd', DE: '#2d3748', KR: '#17becf', CA: '#2ca02c', GB: '#8c564b',
  FR: '#3949ab', SE: '#e6b800', NO: '#e377c2', NL: '#ff1493', MY: '#6b8e23', IN: '#b5651d', FI: '#5f9ea0', BR: '#008b45',
  VN: '#c71585', SA: '#556b2f', ES: '#cd853f', DK: '#a52a2a', CH: '#708090', BE: '#8a2be2', IT: '#20b2aa' };
const PALETTE = ['#7f7f7f', '#bcbd22', '#637939', '#8c6d31', '#7b4173', '#843c39', '#b8860b', '#4b0082'];
export const CHINA_RED = '#d62728';

export function countryColour(code) {
  if (!code) return '#b0b0b0';
  if (code === 'CN') return CHINA_RED;
  if (FIXED[code]) return FIXED[code];
  let h = 0;
  for (const c of code) h = (h * 31 + c.charCodeAt(0)) % 997;
  return PALETTE[h % PALETTE.length];
}

export const KIND_COLOURS = {
  supply: '#2b6cb0', investment: '#2f855a', partnership: '#718096', ownership: '#553c9a',
  policy: '#dd6b20', facility: '#a0aec0', other: '#4a5568',
};

const SHAPES = { Organization: 'ellipse', Facility: 'round-rectangle', Policy: 'diamond', Deal: 'tag',
  Country: 'hexagon', Bloc: 'octagon', Product: 'triangle', Category: 'triangle' };

const style = [
  { selector: 'node', style: {
    'background-color': 'data(colour)', shape: 'data(shape)', label: 'data(name)', width: 'data(size)', height: 'data(size)',
    'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 120,
    'min-zoomed-font-size': 7, color: '#1a202c', 'text-background-color': '#fff', 'text-background-opacity': 0.7,
    'text-background-padding': 1, 'border-width': 1, 'border-color': '#fff' } },
  { selector: 'node.opened', style: { width: 30, height: 30, 'font-weight': 'bold', 'font-size': 13 } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1a202c' } },
  { selector: 'node.chinese', style: { 'border-width': 4, 'border-color': CHINA_RED, 'border-style': 'double' } },
  { selector: 'edge', style: {
    width: 1.6, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.85 } },
  { selector: 'edge[kind = "partnership"]', style: { 'target-arrow-shape': 'none', 'line-style': 'dashed' } },
  { selector: 'edge[kind = "investment"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[kind = "policy"]', style: { 'line-style': 'dotted' } },
  { selector: 'edge[kind = "ownership"]', style: { width: 2.6 } },
  { selector: 'edge.proposed', style: { opacity: 0.45 } },
  { selector: 'edge.china', style: { 'line-color': CHINA_RED, 'target-arrow-color': CHINA_RED, width: 3.2, opacity: 1 } },
  { selector: 'edge.answer', style: { 'underlay-color': '#f6e05e', 'underlay-opacity': 0.7, 'underlay-padding': 3 } },
  { selector: 'node.answer', style: { 'underlay-color': '#f6e05e', 'underlay-opacity': 0.7, 'underlay-padding': 4, 'underlay-shape': 'ellipse' } },
  { selector: 'edge:selected', style: { width: 4.5, 'underlay-color': '#d69e2e', 'underlay-opacity': 0.9, 'underlay-padding': 4 } },
  { selector: 'edge.hover', style: {
    label: 'data(label)', 'font-size': 10, color: '#1a202c', 'text-background-color': '#fff', 'text-background-opacity': 0.9,
    'text-background-padding': 2, 'text-rotation': 'autorotate', width: 3.5, 'z-index': 10 } },
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
  { selector: 'node:selected', style: { 'underlay-color': '#d69e2e', 'underlay-opacity': 0.9, 'underlay-padding': 8, 'underlay-shape': 'ellipse' } },
];

/** The graph, with each relationship's label shown while the pointer is on it. */
export function createGraph(container) {
  const cy = cytoscape({ container, style, minZoom: 0.1, maxZoom: 3, boxSelectionEnabled: false });
  cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
  cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
  return cy;
}

/** Focus mode: everything not connected to the selected node (or relationship) fades. */
export function focus(cy, id, on) {
  cy.batch(() => {
    cy.elements().removeClass('faded');
    const el = on && id ? cy.getElementById(id) : null;
    if (!el?.nonempty()) return;
    cy.elements().not(el.isNode() ? el.closedNeighborhood() : el.union(el.connectedNodes())).addClass('faded');
  });
}

/**
 * Replaces the drawn elements by the visible ones, keeping the positions of those already drawn; with `keep`, only adds
 * those not drawn yet (a view still arriving). Answers how many nodes it added.
 */
export function draw(cy, model, view, state, chinaEdges, paint, { keep = false } = {}) {
  const opened = new Set(state.opened);
  const expanded = new Set(state.expanded);
  const wanted = new Set([...view.nodes.map((n) => n.id), ...view.edges.map((e) => e.id)]);
  if (!keep) cy.batch(() => cy.elements().filter((el) => !wanted.has(el.id())).remove());
  const added = [];
  const degree = new Map();
  for (const e of view.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  cy.batch(() => {
    for (const n of view.nodes) {
      const classes = [opened.has(n.id) && 'opened', expanded.has(n.id) && 'expanded',
        model.chineseLinked(n.id) && 'chinese', state.answerNodes?.has(n.id) && 'answer'].filter(Boolean).join(' ');
      // Size grows with the relationships in view, up to twice the smallest.
      const data = { id: n.id, name: n.name, colour: paint.colour(n), shape: SHAPES[n.label] ?? 'ellipse', size: 18 + 2 * Math.min(degree.get(n.id) ?? 0, 9) };
      const el = cy.getElementById(n.id);
      if (el.nonempty() && keep) continue;
      if (el.nonempty()) el.data(data).classes(classes);
      else added.push(cy.add({ group: 'nodes', data, classes, position: seedPosition(cy, model, n.id) }));
    }
    for (const e of view.edges) {
      const classes = [chinaEdges.has(e.id) && 'china', state.answerEdges?.has(e.id) && 'answer',
        e.props.status === 'proposed' && 'proposed'].filter(Boolean).join(' ');
      const data = { id: e.id, source: e.source, target: e.target, kind: e.kind, colour: KIND_COLOURS[e.kind],
        label: [e.type, e.props.product, e.props.kind, e.props.status, e.props.stakePercent !== undefined && `${e.props.stakePercent} %`].filter(Boolean).join(' · ') };
      const el = cy.getElementById(e.id);
      if (el.nonempty() && keep) continue;
      if (el.nonempty()) el.classes(classes);
      else cy.add({ group: 'edges', data, classes });
    }
  });
  return added.length;
}

// New nodes start beside a drawn neighbour, so that the layout moves the old ones little.
function seedPosition(cy, model, id) {
  for (const e of model.edges.values()) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    const drawn = other && cy.getElementById(other);
    if (drawn?.nonempty() && drawn.isNode()) {
      const p = drawn.position();
      return { x: p.x + (Math.random() - 0.5) * 80, y: p.y + (Math.random() - 0.5) * 80 };
    }
  }
  return { x: Math.random() * 400, y: Math.random() * 300 };
}

export function layout(cy, fresh) {
  const n = cy.nodes().length;
  if (n === 0) return Promise.resolve();
  const run = cy.layout({
    name: 'fcose', randomize: fresh, animate: false, fit: true, padding: 40, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 9000, idealEdgeLength: () => (n > 150 ? 70 : 90), nodeSeparation: 80,
    packComponents: true, numIter: 2500, tilingPaddingHorizontal: 70, tilingPaddingVertical: 24,
  });
  // A few nodes fitted to the screen would be drawn huge: cap the zoom.
  const done = run.promiseOn('layoutstop').then(() => {
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center();
    }
  });
  run.run();
  return done;
}
