// Publishing the view: PNG and SVG of the drawing, CSV of the visible nodes and relationships with their sources.
import { dealSources, relationshipSources } from './api-sources.js';

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportPng(cy, asOf) {
  download(`knowledge-graph-${asOf}.png`, cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }));
}

export function exportSvg(cy, asOf) {
  download(`knowledge-graph-${asOf}.svg`, new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }));
}

export const csvCell = (value) => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const sources = (list) => (list ?? []).map((e) => `${e.source.publisher}: ${e.source.title}${e.source.url ? ` <${e.source.url}>` : ''}`).join(' | ');

export function toCsv(view, asOf) {
  const rows = [['record', 'id', 'label', 'name', 'country', 'type', 'from', 'to', 'validFrom', 'validTo', 'attributes', 'sources', 'asOf']];
  for (const n of view.nodes) {
    rows.push(['node', n.id, n.label, n.name, n.country, '', '', '', n.validFrom, '', JSON.stringify(n.props), '', asOf]);
  }
  for (const e of view.edges) {
    rows.push(['relationship', e.key, e.kind, '', '', e.type, e.source, e.target, e.validFrom, e.validTo, JSON.stringify(e.props), sources(e.sources), asOf]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Loads the sources that answers left out (see api-sources.js) into the view's relationships, a deal's as of the view's date. */
export async function loadSources(view, asOf) {
  const missing = view.edges.filter((e) => !e.sources && e.props.dealId);
  const found = await dealSources([...new Set(missing.map((e) => e.props.dealId))], asOf);
  for (const e of missing) e.sources = found[e.props.dealId];
  const rest = view.edges.filter((x) => !x.sources);
  await Promise.all(rest.map(async (e) => { e.sources = await relationshipSources(e); }));
}

/** The CSV of the view, every row citing its sources. */
export async function exportCsv(view, asOf) {
  await loadSources(view, asOf);
  download(`knowledge-graph-${asOf}.csv`, new Blob([toCsv(view, asOf)], { type: 'text/csv;charset=utf-8' }));
}
