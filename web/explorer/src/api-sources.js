// Where the facts come from: a node's timeline of events, and the sources of relationships, deals and organizations.
import { graphql, nodeOf, EVENT, NODE, SOURCES } from './api.js';

/** The events about a node (its timeline), with the events of the deals an organization was party to by asOf. */
export const timeline = (id, asOf) =>
  graphql(
    `query Timeline($id: String!, $asOf: Date, $k: Long) {
      node(id: $id, knownAtSequence: $k) { ${NODE} ... on Organization { events { ${EVENT} } } ... on Facility { events { ${EVENT} } } ... on Policy { events { ${EVENT} } } }
      organization(id: $id, knownAtSequence: $k) { aliases deals(asOf: $asOf) { role deal { id kind ${SOURCES} } } }
    }`,
    { id, asOf },
  ).then((d) => ({ node: d.node && { ...nodeOf(d.node), events: d.node.events ?? [] }, organization: d.organization }));

/**
 * The sources of one relationship not from a deal (OPERATES, BENEFITS): its node's relationships of that type, a
 * page at a time (each page cheap enough not to queue behind expensive questions), until it is found.
 */
export async function relationshipSources(edge) {
  for (let after = null; ;) {
    const d = await graphql(
      `query RelationshipSources($id: String!, $type: RelationshipType!, $after: String, $k: Long) {
        neighbours(id: $id, types: [$type], direction: OUT, first: 15, after: $after, knownAtSequence: $k) {
          pageInfo { hasNextPage endCursor } nodes { relationship { to { id } key validFrom ${SOURCES} } } }
      }`,
      { id: edge.source, type: edge.type, after },
    );
    const found = d.neighbours.nodes.map((n) => n.relationship)
      .find((r) => r.to.id === edge.target && r.key === edge.key && r.validFrom === edge.validFrom);
    if (found) return found.sources;
    if (!d.neighbours.pageInfo.hasNextPage) return [];
    after = d.neighbours.pageInfo.endCursor;
  }
}

/** The events about each organization: where a firm listed with no supplier is said to need the product. */
export async function organizationEvents(ids) {
  const result = {};
  for (let start = 0; start < ids.length; start += 20) {
    const chunk = ids.slice(start, start + 20);
    const fields = chunk.map((id, i) => `o${i}: organization(id: ${JSON.stringify(id)}, knownAtSequence: $k) { events { ${EVENT} } }`);
    const data = await graphql(`query OrganizationEvents($k: Long) { ${fields.join('\n')} }`);
    chunk.forEach((id, i) => { result[id] = data[`o${i}`]?.events ?? []; });
  }
  return result;
}

/** The events of each deal as it stood at asOf (those recorded about it up to that date), by deal id. */
export async function dealSources(ids, asOf) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => `d${i}: deal(id: ${JSON.stringify(id)}, asOf: $asOf, knownAtSequence: $k) { ${SOURCES} }`);
    const data = await graphql(`query DealSources($asOf: Date, $k: Long) { ${fields.join('\n')} }`, { asOf });
    chunk.forEach((id, i) => { result[id] = data[`d${i}`]?.sources ?? []; });
  }
  return result;
}
