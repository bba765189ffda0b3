// The explorer's only door to the data: POST /graphql. Every query the page runs is written here.

const SOURCES = 'sources { eventId type effectiveDate source { title publisher url publishedAt } retractedBy }';
const NODE = 'label id name country properties validFrom';
const ORG = 'id name country';

export class GraphQLError extends Error {}

export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new GraphQLError(`The server did not answer (${e.message}).`);
  }
  const body = await response.json().catch(() => null);
  if (body?.errors?.length) {
    throw new GraphQLError(body.errors.map((e) => e.message).join('; '));
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLError(`The server answered ${response.status} ${response.statusText}.`);
  }
  return body.data;
}

export const search = (text) =>
  graphql(`query Search($text: String!) { search(text: $text, first: 12) { ${NODE} } }`, { text }).then((d) => d.search);

export const countries = (asOf) =>
  graphql(`query Countries($asOf: Date) { countries { code name blocs(asOf: $asOf) { bloc { id } } } }`, { asOf })
    .then((d) => d.countries);

const NEIGHBOURHOOD = `
  fragment Nb on Neighbour {
    relationship { type from { id } to { id } key properties validFrom validTo ${SOURCES} }
    node { ${NODE} }
  }
  fragment Org on Organization {
    partners(asOf: $asOf) {
      partner { ${ORG} validFrom stages kind }
      deal { id partnershipKind status products }
      validFrom validTo ${SOURCES}
    }
    owners(asOf: $asOf) { owner { ${ORG} } }
  }`;

/**
 * The relationships of several nodes at asOf, a few per request (aliases), with each organization's partners
 * (partnerships link their parties through a deal node) and owners. Answers { id: { node, neighbours, organization } }.
 */
export async function neighbourhoods(ids, asOf) {
  // Five nodes a request keeps each request under the server's complexity limit; the requests run side by side.
  const chunks = [];
  for (let start = 0; start < ids.length; start += 5) chunks.push(ids.slice(start, start + 5));
  const answers = await Promise.all(chunks.map((chunk) => {
    const fields = chunk.map((id, i) => {
      const arg = JSON.stringify(id);
      return `n${i}: node(id: ${arg}) { ${NODE} } r${i}: neighbours(id: ${arg}, asOf: $asOf) { ...Nb } o${i}: organization(id: ${arg}) { ...Org }`;
    });
    return graphql(`query Neighbourhoods($asOf: Date) { ${fields.join('\n')} } ${NEIGHBOURHOOD}`, { asOf });
  }));
  const result = {};
  chunks.forEach((chunk, c) => chunk.forEach((id, i) => {
    const data = answers[c];
    result[id] = { node: data[`n${i}`], neighbours: data[`r${i}`] ?? [], organization: data[`o${i}`] };
  }));
  return result;
}

/** Each node's attributes and, for an organization, its owners at asOf (to mark those controlled from China). */
export async function basics(ids, asOf) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => {
      const arg = JSON.stringify(id);
      return `n${i}: node(id: ${arg}) { ${NODE} } o${i}: organization(id: ${arg}) { owners(asOf: $asOf) { owner { ${ORG} } } }`;
    });
    const data = await graphql(`query Basics($asOf: Date) { ${fields.join('\n')} }`, { asOf });
    chunk.forEach((id, i) => {
      result[id] = { node: data[`n${i}`], owners: data[`o${i}`]?.owners.map((w) => w.owner) ?? null };
    });
  }
  return result;
}

/** The events about a node (its timeline), with the events of the deals an organization was party to by asOf. */
export const timeline = (id, asOf) =>
  graphql(
    `query Timeline($id: String!, $asOf: Date) {
      node(id: $id) { ${NODE} events { eventId type effectiveDate source { title publisher url publishedAt } retractedBy } }
      organization(id: $id) { aliases deals(asOf: $asOf) { role deal { id kind sources { eventId type effectiveDate source { title publisher url publishedAt } retractedBy } } } }
    }`,
    { id, asOf },
  );

// Without their sources (too costly in a long answer): the details panel loads a deal's sources when it is selected.
const SUPPLY = 'supplier { id name country } buyer { id name country } deal { id } product status validFrom validTo';

export async function dealSources(ids) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => `d${i}: deal(id: ${JSON.stringify(id)}) { ${SOURCES} }`);
    const data = await graphql(`query DealSources { ${fields.join('\n')} }`);
    chunk.forEach((id, i) => { result[id] = data[`d${i}`]?.sources ?? []; });
  }
  return result;
}

export const flagship = (v) =>
  graphql(
    `query Flagship($product: String!, $bloc: String, $exclude: [String!]!, $asOf: Date, $own: Boolean) {
      firmsLackingSupplier(product: $product, bloc: $bloc, excludeSupplierCountries: $exclude, asOf: $asOf, considerOwnership: $own) {
        organization { ${ORG} } reason
        supplierDetails { organization { ${ORG} } country excludedBecause agreement { ${SUPPLY} } }
      }
    }`,
    v,
  ).then((d) => d.firmsLackingSupplier);

export const shortestPath = (v) =>
  graphql(
    `query Path($from: String!, $to: String!, $maxHops: Int, $asOf: Date) {
      shortestPath(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf) {
        length nodes { ${NODE} }
        relationships { type from { id } to { id } key properties validFrom validTo ${SOURCES} }
      }
    }`,
    v,
  ).then((d) => d.shortestPath);

export const supplyChain = (v) =>
  graphql(
    `query Chain($orgId: String!, $product: String, $depth: Int, $asOf: Date) {
      supplyChain(orgId: $orgId, product: $product, depth: $depth, asOf: $asOf) { tier links { ${SUPPLY} } }
    }`,
    v,
  ).then((d) => d.supplyChain);

export const strandedIf = (v) =>
  graphql(
    `query WhatIf($cut: [String!]!, $product: String!, $bloc: String, $asOf: Date) {
      strandedIf(cutCountries: $cut, product: $product, bloc: $bloc, asOf: $asOf) {
        organization { ${ORG} } lostSuppliers { organization { ${ORG} } country agreement { ${SUPPLY} } }
      }
    }`,
    v,
  ).then((d) => d.strandedIf);
