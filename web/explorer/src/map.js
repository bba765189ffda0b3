// The map view: the organizations and facilities in view placed by country on a world map (Natural Earth shapes from
// world-atlas, bundled: no tile server, no network), their relationships as arcs, with the graph's filters, date and colours;
// the focus mode of the graph, and pan and zoom (d3-zoom: drag, wheel, pinch, double-click) that redrawing keeps.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { select as d3select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity } from 'd3-zoom';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import places from 'places';
import { CHINA_RED, KIND_COLOURS } from './draw.js';

const NS = 'http://www.w3.org/2000/svg';
const [WIDTH, HEIGHT] = [960, 500];
const projection = geoNaturalEarth1().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
const codeOf = new Map(Object.entries(places).map(([code, p]) => [p.n, code]));
const countries = feature(world, world.objects.countries).features
  .map((f) => ({ code: codeOf.get(f.id) ?? '', d: geoPath(projection)(f) ?? '' }));
const PLACED = new Set(['Organization', 'Facility']);

function el(tag, attrs = {}, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v);
  e.append(...children.flat().filter(Boolean));
  return e;
}

const title = (text) => {
  const t = el('title');
  t.textContent = text;
  return t;
};

/** Projected centre of each country in view, and the part of the world they span (padded, in the map's proportions). */
function frame(codes) {
  const points = codes.map((c) => projection([places[c].at[1], places[c].at[0]]));
  if (!points.length) return { x: 0, y: 0, scale: 1 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs) - 60, Math.max(...xs) + 60, Math.min(...ys) - 45, Math.max(...ys) + 45];
  // No closer than four times the whole world, and in the map's proportions.
  const width = Math.max(x1 - x0, (y1 - y0) * (WIDTH / HEIGHT), WIDTH / 4);
  return { x: (x0 + x1) / 2 - width / 2, y: (y0 + y1) / 2 - (width * HEIGHT / WIDTH) / 2, scale: WIDTH / width };
}

/** Where each placed node is drawn: its country's centre, then a spiral around it for the others of that country. */
function positions(nodes, f) {
  const byCountry = new Map();
  for (const n of nodes) byCountry.set(n.country, [...(byCountry.get(n.country) ?? []), n]);
  const at = new Map();
  for (const [code, group] of byCountry) {
    const [px, py] = projection([places[code].at[1], places[code].at[0]]);
    group.sort((a, b) => a.name.localeCompare(b.name)).forEach((n, i) => {
      const r = 9 * Math.sqrt(i);
      at.set(n.id, [(px - f.x) * f.scale + r * Math.cos(i * 2.4), (py - f.y) * f.scale + r * Math.sin(i * 2.4)]);
    });
  }
  return at;
}

/** A curve from a to b, bent to one side (the more, the more arcs join them) so that arcs stay apart. */
function arc([x1, y1], [x2, y2], nth) {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const length = Math.hypot(dx, dy) || 1;
  const bend = 0.2 * length + 10 + 9 * nth;
  return `M${x1},${y1} Q${(x1 + x2) / 2 - (dy / length) * bend},${(y1 + y2) / 2 + (dx / length) * bend} ${x2},${y2}`;
}

/** With focus on, what stays clear: the selected node with its relationships and their other ends, or the selected relationship and its ends. */
function connected(view, state) {
  if (!state.focus || !state.selected) return null;
  const edges = view.edges.filter((e) => e.id === state.selected || e.source === state.selected || e.target === state.selected);
  if (!edges.length && !view.nodes.some((n) => n.id === state.selected)) return null;
  return new Set([state.selected, ...edges.flatMap((e) => [e.id, e.source, e.target])]);
}

// The zoom kept across redrawings (a selection redraws the map) while the same countries are in view.
let kept = { frame: '', transform: zoomIdentity };

/** Pan and zoom of the map's contents; markers keep their size (scaled back) and so stay apart as the map grows. */
function zoomable(svg, contents, markers, frameKey) {
  const zoomed = ({ transform: t }) => {
    kept = { frame: frameKey, transform: t };
    contents.setAttribute('transform', t.toString());
    for (const m of markers) m.setAttribute('transform', `translate(${m.dataset.x},${m.dataset.y}) scale(${1 / t.k})`);
    svg.dataset.zoom = t.k.toFixed(3);
  };
  const behaviour = d3zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [WIDTH, HEIGHT]]).on('zoom', zoomed);
  d3select(svg).call(behaviour).call(behaviour.transform, kept.frame === frameKey ? kept.transform : zoomIdentity);
}

/** Draws the view on the map in `container`; a click on a marker or an arc calls `select(id)`. */
export function drawMap(container, { model, view, state, paint, chinaEdges, select }) {
  const nodes = view.nodes.filter((n) => PLACED.has(n.label) && places[n.country]);
  const f = frame([...new Set(nodes.map((n) => n.country))]);
  const at = positions(nodes, f);
  const clear = connected(view, state);
  const faded = (id) => clear !== null && !clear.has(id) && 'faded';
  const name = (id) => model.nodes.get(id)?.name ?? id;
  const pairs = new Map();
  const nth = (e) => {
    const pair = [e.source, e.target].sort().join(' ');
    pairs.set(pair, (pairs.get(pair) ?? -1) + 1);
    return pairs.get(pair);
  };
  const arcs = view.edges.filter((e) => at.has(e.source) && at.has(e.target)).map((e) => el('path', {
    class: ['arc', chinaEdges.has(e.id) && 'china', e.props.status === 'proposed' && 'proposed', state.selected === e.id && 'selected', faded(e.id)]
      .filter(Boolean).join(' '),
    d: arc(at.get(e.source), at.get(e.target), nth(e)), stroke: chinaEdges.has(e.id) ? CHINA_RED : KIND_COLOURS[e.kind],
    'data-edge': e.id, 'data-source': e.source, 'data-target': e.target, 'data-kind': e.kind,
  }, title(`${name(e.source)} ${e.type} ${name(e.target)}${e.props.product ? ` (${e.props.product})` : ''}`)));
  const markers = nodes.map((n) => {
    const [x, y] = at.get(n.id);
    const shape = n.label === 'Facility' ? el('rect', { x: -4.5, y: -4.5, width: 9, height: 9, rx: 2 }) : el('circle', { r: 5 });
    const shown = state.opened.includes(n.id) || state.selected === n.id;
    return el('g', {
      class: ['marker', model.chineseLinked(n.id) && 'chinese', state.selected === n.id && 'selected', faded(n.id)].filter(Boolean).join(' '),
      fill: paint.colour(n), 'data-node': n.id, 'data-country': n.country, 'data-x': x, 'data-y': y,
    }, shape, title(`${n.name} (${n.label}, ${n.country})`), shown ? el('text', { x: 9, y: 4 }, n.name) : null);
  });
  const land = el('g', { class: 'land', transform: `matrix(${f.scale},0,0,${f.scale},${-f.x * f.scale},${-f.y * f.scale})` },
    countries.map((c) => el('path', { d: c.d, 'data-country': c.code || null })));
  const contents = el('g', { class: 'contents' }, land, el('g', { class: 'arcs' }, arcs), el('g', { class: 'markers' }, markers));
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, 'aria-labelledby': 'map-title', preserveAspectRatio: 'xMidYMid meet' },
    el('title', { id: 'map-title' }), contents);
  svg.querySelector('#map-title').textContent = `Map of the ${nodes.length} organizations and facilities in view by country, `
    + `with ${arcs.length} relationships, as of ${state.asOf}`;
  svg.addEventListener('click', (e) => {
    const id = e.target.closest('[data-node], [data-edge]');
    if (id) select(id.dataset.node ?? id.dataset.edge);
  });
  const unplaced = view.nodes.length - nodes.length;
  const note = Object.assign(document.createElement('p'), { className: 'hint map-note',
    textContent: `${unplaced} node(s) in view have no country to place (policies, deals, products): listed, not mapped.` });
  container.replaceChildren(svg, ...(unplaced ? [note] : []));
  zoomable(svg, contents, markers, `${f.x} ${f.y} ${f.scale}`);
  container.dataset.markers = String(nodes.length);
  container.dataset.arcs = String(arcs.length);
}
