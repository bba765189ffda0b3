// The details panel: a node's or a relationship's attributes, validity and cited sources, and an organization's
// timeline. Every text is set with textContent (names and titles come from imported data).
import * as api from './api-sources.js';
import { KINDS } from './model.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const validity = (from, to) => `${from ?? 'unknown'} → ${to ?? 'still holds'}`;

const attributes = (props) =>
  h('dl', { class: 'attributes' }, Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, Array.isArray(v) ? v.join(', ') : String(v))]));

/** One cited source: publisher, title (a link when it has a URL), date, and the event that cites it. */
export function sourceItem(event) {
  const s = event.source;
  const title = s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title;
  return h('li', { class: 'source' },
    h('span', { class: 'publisher' }, s.publisher), ': ', title,
    h('span', { class: 'meta' }, ` · ${event.effectiveDate ?? s.publishedAt ?? ''} · ${event.type ?? ''} ${event.eventId}`),
    event.retractedBy ? h('span', { class: 'retracted' }, ` retracted by ${event.retractedBy}`) : null);
}

export async function renderRelationship(panel, model, edge, state, actions) {
  if (!edge.sources) {
    panel.replaceChildren(h('p', { class: 'hint' }, 'Loading the sources…'));
    try {
      edge.sources = edge.props.dealId ? (await api.dealSources([edge.props.dealId], state.asOf))[edge.props.dealId] : await api.relationshipSources(edge);
    } catch (e) {
      panel.replaceChildren(h('p', { class: 'error' }, `The sources could not be loaded: ${e.message}`));
      return;
    }
  }
  const sources = edge.sources ?? [];
  const from = model.nodes.get(edge.source);
  const to = model.nodes.get(edge.target);
  const kind = KINDS.find((k) => k.id === edge.kind)?.label ?? edge.type;
  panel.replaceChildren(
    h('h2', {}, `${kind} relationship`),
    h('p', {}, nodeButton(from, actions), ` ${edge.type} `, nodeButton(to, actions)),
    h('p', { class: 'validity' }, h('strong', {}, 'Valid: '), validity(edge.validFrom, edge.validTo)),
    attributes(edge.props),
    h('h3', {}, `Sources (${sources.length})`),
    sources.length ? h('ul', { class: 'sources' }, sources.map(sourceItem)) : h('p', { class: 'hint' }, 'No source recorded.'));
}

function nodeButton(node, actions) {
  return h('button', { type: 'button', class: 'link', onclick: () => actions.select(node.id) }, node?.name ?? '?');
}

export async function renderNode(panel, model, node, state, actions) {
  const expanded = state.expanded.includes(node.id);
  const edges = [...model.edges.values()].filter((e) => e.source === node.id || e.target === node.id);
  panel.replaceChildren(
    h('h2', {}, node.name),
    h('p', { class: 'meta' }, `${node.label} · ${node.id}${node.country ? ` · ${node.country}` : ''}`
      + `${model.chineseLinked(node.id) ? ' · Chinese-linked' : ''}`),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'expand-selected', onclick: () => actions.expand(node.id) },
        expanded ? 'Collapse neighbours' : 'Expand neighbours'),
      h('button', { type: 'button', onclick: () => actions.remove(node.id) }, 'Remove from view')),
    h('p', { class: 'validity' }, h('strong', {}, 'Registered: '), node.validFrom ?? 'unknown'),
    attributes(node.props),
    h('h3', {}, `Relationships in the model (${edges.length})`),
    h('ul', { class: 'relations' }, edges.map((e) => {
      const other = model.nodes.get(e.source === node.id ? e.target : e.source);
      return h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.select(e.id) },
        `${e.type} ${e.source === node.id ? '→' : '←'} ${other?.name ?? '?'}`), ` (${validity(e.validFrom, e.validTo)})`);
    })),
    h('h3', {}, 'Timeline and sources'),
    h('p', { class: 'hint', id: 'timeline-status' }, 'Loading the events…'));
  try {
    const data = await api.timeline(node.id, state.asOf);
    const events = new Map();
    for (const e of data.node?.events ?? []) events.set(e.eventId, e);
    for (const d of data.organization?.deals ?? []) for (const e of d.deal.sources) events.set(e.eventId, e);
    const sorted = [...events.values()].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
    if (data.organization?.aliases?.length) {
      panel.insertBefore(h('p', {}, h('strong', {}, 'Also known as: '), data.organization.aliases.join(', ')), panel.querySelector('.validity'));
    }
    panel.querySelector('#timeline-status')?.replaceWith(sorted.length
      ? h('ol', { class: 'sources timeline' }, sorted.map(sourceItem))
      : h('p', { class: 'hint' }, 'No event recorded.'));
  } catch (e) {
    panel.querySelector('#timeline-status')?.replaceWith(h('p', { class: 'error' }, `The timeline could not be loaded: ${e.message}`));
  }
}
