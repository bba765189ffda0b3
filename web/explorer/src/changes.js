// Time: how many changes each year holds (the histogram along the date slider), and what changed between two dates
// (the `changes` query by world date) as a table of each change with the event that made it and its source.
import { graphql, nodeOf, relationshipOf, BRIEF, EVENT, RELATIONSHIP_BRIEF } from './api.js';
import { h } from './details.js';
import { sources, text as cell } from './table.js';

const PAGE = 100;
const PAGES = 5;

/** The number of changes whose world date falls in each of the years, one request. */
export async function changesPerYear(years) {
  const fields = years.map((y) => `y${y}: changes(from: { date: "${y}-01-01" }, to: { date: "${y + 1}-01-01" }, first: 1, knownAtSequence: $k) { totalCount }`);
  const d = await graphql(`query ChangesPerYear($k: Long) { ${fields.join('\n')} }`);
  return years.map((y) => [y, d[`y${y}`].totalCount]);
}

/** The changes between two dates, oldest first, PAGES pages of PAGE at most; and how many there are in all. */
async function changes({ from, to, organization, country }) {
  const found = [];
  let total = 0;
  for (let page = 0, after = null; page < PAGES; page++) {
    const d = await graphql(
      `query Changes($from: Date!, $to: Date!, $organization: String, $country: String, $after: String, $k: Long) {
        changes(from: { date: $from }, to: { date: $to }, organization: $organization, country: $country, first: ${PAGE}, after: $after,
          knownAtSequence: $k) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { kind date attributes relationship { ${RELATIONSHIP_BRIEF} from { ${BRIEF} } to { ${BRIEF} } } node { ${BRIEF} } event { ${EVENT} } }
        }
      }`, { from, to, organization: organization || null, country: country || null, after });
    total = d.changes.totalCount;
    found.push(...d.changes.nodes);
    if (!d.changes.pageInfo.hasNextPage) break;
    after = d.changes.pageInfo.endCursor;
  }
  return { total, changes: found };
}

const KIND = { APPEARED: 'appeared', ENDED: 'ended', CHANGED: 'changed', RETRACTED: 'retracted' };

/** What one change is about, in words: "A SUPPLIES B (product)", or "Organization X: name, stages". */
function subject(c) {
  if (c.relationship) {
    const r = c.relationship;
    const name = (n) => n.name ?? n.title ?? n.id;
    return `${name(r.from)} ${r.type} ${name(r.to)}${r.product ? ` (${r.product})` : ''}${c.attributes.length ? `: ${c.attributes.join(', ')}` : ''}`;
  }
  const n = c.node;
  return `${n?.__typename ?? 'Node'} ${n?.name ?? n?.title ?? n?.id ?? ''}${c.attributes.length ? `: ${c.attributes.join(', ')}` : ''}`;
}

/** Asks what changed from question.from to asOf; adds what it names to the model; answers as run() does. */
export async function whatChanged(question, asOf, model) {
  const { total, changes: found } = await changes({ ...question, to: asOf });
  const nodes = new Set();
  const edges = new Set();
  for (const c of found) {
    if (c.relationship) {
      const [from, to] = [model.addNode(nodeOf(c.relationship.from)), model.addNode(nodeOf(c.relationship.to))];
      const e = model.addRelationship(relationshipOf(c.relationship));
      if (e) {
        edges.add(e.id);
        nodes.add(from.id).add(to.id);
      }
    } else if (c.node) {
      nodes.add(model.addNode(nodeOf(c.node)).id);
    }
  }
  const where = [question.organization, question.country].filter(Boolean).join(', ');
  const title = `What changed from ${question.from} to ${asOf}${where ? ` (${where})` : ''}`
    + (total > found.length ? `: the first ${found.length} of ${total} changes` : `: ${total} change(s)`);
  const table = {
    title, file: `changes-${question.from}-${asOf}${where ? `-${where.replaceAll(', ', '-')}` : ''}.csv`,
    columns: [{ key: 'date', label: 'Date' }, { key: 'kind', label: 'Change' }, { key: 'subject', label: 'Relationship or attribute' },
      { key: 'event', label: 'Event' }, { key: 'sources', label: 'Source' }],
    rows: found.map((c) => ({
      date: cell(c.date), kind: cell(KIND[c.kind] ?? c.kind), subject: cell(subject(c)),
      event: cell(c.event ? `${c.event.type} ${c.event.eventId}` : ''), sources: sources(c.event ? [c.event] : []),
    })),
  };
  return { nodes, edges, table, summary: title, list: found.slice(0, 20).map((c) => h('li', {}, `${c.date} ${KIND[c.kind]}: ${subject(c)}`)) };
}
