// What the graph draws: search, countries and their blocs, nodes and their neighbourhoods.
import { graphql, nodeOf, relationshipOf, vocab, BRIEF, NODE, ORG, RELATIONSHIP_BRIEF } from './api.js';

/** The ranked matches (exact names, then organizations, then prefixes), and how many there are in all. */
export const search = (text) =>
  graphql(`query Search($text: String!, $asOf: Date) { search(text: $text, first: 12) { totalCount nodes { ${NODE} } } }`, { text })
    .then((d) => ({ total: d.search.totalCount, nodes: d.search.nodes.map(nodeOf) }));

export const countries = (asOf) =>
  graphql(`query Countries($asOf: Date) { countries { code name blocs(asOf: $asOf) { bloc { id } } } }`, { asOf })
    .then((d) => d.countries);

const NEIGHBOURHOOD = `
  fragment Nb on Neighbour {
    relationship { ${RELATIONSHIP_BRIEF} }
    node { ${BRIEF} }
  }
  fragment Org on Organization {
    partners(asOf: $asOf) {
      partner { ${ORG} validFrom stages kind }
      deal { id partnershipKind dealStatus: status products }
      validFrom validTo
    }
    owners(asOf: $asOf) { owner { ${ORG} } }
  }`;

// The relationship types the explorer draws (partnerships come through the organization's partners).
const DRAWN = 'SUPPLIES INVESTED_IN OWNS BENEFITS OPERATES';
const NEIGHBOURS_PAGE = 30;

// Neighbourhood requests in flight at once. The server runs only a few expensive questions at a time and makes the
// others wait (then refuses them as BUSY): the hundreds of a large view, asked all at once, would queue behind
// each other until they time out, and their answers would come all at once, too late to draw as they arrive.
const AT_ONCE = 4;

const neighbourhoodOf = (data) => {
  const neighbours = data.neighbours.nodes.map((nb) => ({ relationship: { ...relationshipOf(nb.relationship), sources: null }, node: nodeOf(nb.node) }));
  const organization = data.organization && {
    ...data.organization,
    partners: data.organization.partners.map((p) => ({ ...p, deal: { ...p.deal, partnershipKind: vocab(p.deal.partnershipKind), status: vocab(p.deal.dealStatus) } })),
  };
  return { node: nodeOf(data.node), neighbours, more: data.neighbours.totalCount - neighbours.length, organization };
};

/**
 * The relationships of several nodes at asOf, one node per request (its first NEIGHBOURS_PAGE drawn relationships
 * fit the server's cost limit), AT_ONCE requests at a time, with each organization's partners (partnerships link their
 * parties through a deal node) and owners. Calls each(id, neighbourhood) as each arrives, so that the page draws them
 * as they come; asks no more once stopped() is true or a request failed. Answers { id: { node, neighbours, more,
 * organization } }, `more` counting what did not fit.
 */
export async function neighbourhoods(ids, asOf, { each = () => {}, stopped = () => false } = {}) {
  const result = {};
  const waiting = [...ids];
  let failed = false;
  const ask = async () => {
    while (waiting.length && !failed && !stopped()) {
      const id = waiting.shift();
      try {
        result[id] = neighbourhoodOf(await graphql(
          `query Neighbourhood($id: String!, $asOf: Date, $k: Long) {
            node(id: $id, knownAtSequence: $k) { ${NODE} }
            neighbours(id: $id, types: [${DRAWN.split(' ').join(', ')}], first: ${NEIGHBOURS_PAGE}, asOf: $asOf, knownAtSequence: $k) { totalCount nodes { ...Nb } }
            organization(id: $id, knownAtSequence: $k) { ...Org }
          } ${NEIGHBOURHOOD}`, { id, asOf }));
      } catch (e) {
        failed = true;
        throw e;
      }
      each(id, result[id]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, ask));
  return result;
}

/** Each node's attributes at asOf (a deal's status then, not today's) and, for an organization, its owners at asOf (to mark those controlled from China). */
export async function basics(ids, asOf) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => {
      const arg = JSON.stringify(id);
      return `n${i}: node(id: ${arg}, asOf: $asOf, knownAtSequence: $k) { ...N } o${i}: organization(id: ${arg}, knownAtSequence: $k) { owners(asOf: $asOf) { owner { ${ORG} } } }`;
    });
    const data = await graphql(`query Basics($asOf: Date, $k: Long) { ${fields.join('\n')} } fragment N on Node { ${NODE} }`, { asOf });
    chunk.forEach((id, i) => {
      result[id] = { node: nodeOf(data[`n${i}`]), owners: data[`o${i}`]?.owners.map((w) => w.owner) ?? null };
    });
  }
  return result;
}
