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

/**
 * The relationships of several nodes at asOf, one node per request (its first NEIGHBOURS_PAGE drawn relationships
 * fit the server's cost limit), with each organization's partners (partnerships link their parties through a deal
 * node) and owners. Answers { id: { node, neighbours, more, organization } }, `more` counting what did not fit.
 */
export async function neighbourhoods(ids, asOf) {
  const answers = await Promise.all(ids.map((id) => graphql(
    `query Neighbourhood($id: String!, $asOf: Date, $k: Long) {
      node(id: $id, knownAtSequence: $k) { ${NODE} }
      neighbours(id: $id, types: [${DRAWN.split(' ').join(', ')}], first: ${NEIGHBOURS_PAGE}, asOf: $asOf, knownAtSequence: $k) { totalCount nodes { ...Nb } }
      organization(id: $id, knownAtSequence: $k) { ...Org }
    } ${NEIGHBOURHOOD}`, { id, asOf })));
  const result = {};
  ids.forEach((id, i) => {
    const data = answers[i];
    const neighbours = data.neighbours.nodes.map((nb) => ({ relationship: { ...relationshipOf(nb.relationship), sources: null }, node: nodeOf(nb.node) }));
    const organization = data.organization && {
      ...data.organization,
      partners: data.organization.partners.map((p) => ({ ...p, deal: { ...p.deal, partnershipKind: vocab(p.deal.partnershipKind), status: vocab(p.deal.dealStatus) } })),
    };
    result[id] = { node: nodeOf(data.node), neighbours, more: data.neighbours.totalCount - neighbours.length, organization };
  });
  return result;
}

/** Each node's attributes and, for an organization, its owners at asOf (to mark those controlled from China). */
export async function basics(ids, asOf) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => {
      const arg = JSON.stringify(id);
      return `n${i}: node(id: ${arg}, knownAtSequence: $k) { ...N } o${i}: organization(id: ${arg}, knownAtSequence: $k) { owners(asOf: $asOf) { owner { ${ORG} } } }`;
    });
    const data = await graphql(`query Basics($asOf: Date, $k: Long) { ${fields.join('\n')} } fragment N on Node { ${NODE} }`, { asOf });
    chunk.forEach((id, i) => {
      result[id] = { node: nodeOf(data[`n${i}`]), owners: data[`o${i}`]?.owners.map((w) => w.owner) ?? null };
    });
  }
  return result;
}
