// The explorer's only door to the data: POST /graphql. Every query the page runs is written here.

export const EVENT = 'eventId type effectiveDate source { title publisher url publishedAt } retractedBy';
const SOURCES = `sources { ${EVENT} }`;
// Any node through the Node interface: each kind's own fields, aliased where two kinds' fields differ in type.
const NODE = `__typename id
  ... on Organization { name country orgKind: kind stages validFrom }
  ... on Facility { name country facilityStage: stage facilityStatus: status(asOf: $asOf) products capacityTonnesPerYear validFrom }
  ... on Policy { title jurisdiction policyKind: kind policyStatus: status products validFrom: enactedOn }
  ... on Deal { dealKind: kind dealStatus: status validFrom: effectiveDate }
  ... on Country { name }
  ... on Product { category { id } }`;
// A neighbour's node and relationship, light: their sources are loaded when one is selected (relationshipSources).
export const BRIEF = `__typename id ... on Organization { name country orgKind: kind stages } ... on Facility { name country facilityStage: stage }
  ... on Policy { title } ... on Country { name }`;
export const RELATIONSHIP_BRIEF = 'type from { id } to { id } key status product stakePercent deal { id } validFrom validTo';
const RELATIONSHIP = `${RELATIONSHIP_BRIEF} ${SOURCES}`;
const ORG = 'id name country';

/** An enum value as the import format writes it: UNDER_CONSTRUCTION is under-construction. */
export const vocab = (value) => (typeof value === 'string' ? value.toLowerCase().replaceAll('_', '-') : value ?? null);

const defined = (entries) => Object.fromEntries(entries.filter(([, v]) => v !== null && v !== undefined));

/** A Node answer as the explorer's model holds it: label, name, country and the attributes it filters and shows. */
export function nodeOf(n) {
  if (!n) return null;
  return {
    label: n.__typename, id: n.id, name: n.name ?? n.title ?? n.id,
    country: n.country ?? (n.__typename === 'Country' ? n.id : null), validFrom: n.validFrom ?? null,
    props: defined([
      ['kind', vocab(n.orgKind ?? n.policyKind ?? n.dealKind)], ['stages', n.stages?.map(vocab)], ['stage', vocab(n.facilityStage)],
      ['status', vocab(n.facilityStatus ?? n.policyStatus ?? n.dealStatus)], ['jurisdiction', n.jurisdiction],
      ['products', n.products?.length ? n.products : null], ['capacityTonnesPerYear', n.capacityTonnesPerYear],
      ['category', n.category?.id]]),
  };
}

/** A Relationship answer with its typed attributes gathered as the model's props. */
export const relationshipOf = (r) => ({
  ...r,
  props: defined([['dealId', r.deal?.id], ['status', vocab(r.status)], ['product', r.product], ['stakePercent', r.stakePercent]]),
});

const supplyOf = (s) => ({ ...s, status: vocab(s.status) });

export class GraphQLError extends Error {}

// The knowledge point the view is pinned to (a sequence, as extensions.knowledge gives it), or null for everything
// recorded; and the latest one an answer reported. A query that declares $k: Long answers at the pinned point.
let pinned = null;
let latest = null;
export const pinKnowledge = (sequence) => { pinned = sequence; };
export const latestKnowledge = () => latest;

export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables: query.includes('$k: Long') ? { ...variables, k: pinned } : variables }),
    });
  } catch (e) {
    throw new GraphQLError(`The server did not answer (${e.message}).`);
  }
  const body = await response.json().catch(() => null);
  if (body?.extensions?.knowledge) latest = body.extensions.knowledge;
  if (body?.errors?.length) {
    throw new GraphQLError(body.errors.map((e) => e.message).join('; '));
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLError(`The server answered ${response.status} ${response.statusText}.`);
  }
  return body.data;
}

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

/** The events about a node (its timeline), with the events of the deals an organization was party to by asOf. */
export const timeline = (id, asOf) =>
  graphql(
    `query Timeline($id: String!, $asOf: Date, $k: Long) {
      node(id: $id, knownAtSequence: $k) { ${NODE} ... on Organization { events { ${EVENT} } } ... on Facility { events { ${EVENT} } } ... on Policy { events { ${EVENT} } } }
      organization(id: $id, knownAtSequence: $k) { aliases deals(asOf: $asOf) { role deal { id kind ${SOURCES} } } }
    }`,
    { id, asOf },
  ).then((d) => ({ node: d.node && { ...nodeOf(d.node), events: d.node.events ?? [] }, organization: d.organization }));

// Without their sources (too costly in a long answer): the details panel loads a deal's sources when it is selected.
const SUPPLY = 'supplier { id name country } buyer { id name country } deal { id } product status validFrom validTo';

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

export async function dealSources(ids) {
  const result = {};
  for (let start = 0; start < ids.length; start += 40) {
    const chunk = ids.slice(start, start + 40);
    const fields = chunk.map((id, i) => `d${i}: deal(id: ${JSON.stringify(id)}, knownAtSequence: $k) { ${SOURCES} }`);
    const data = await graphql(`query DealSources($k: Long) { ${fields.join('\n')} }`);
    chunk.forEach((id, i) => { result[id] = data[`d${i}`]?.sources ?? []; });
  }
  return result;
}

// The largest page whose selection below stays within the server's cost limit.
const FLAGSHIP_PAGE = 50;

/** The firms lacking a supplier (a page of FLAGSHIP_PAGE), and how many there are in all. */
export const flagship = (v) =>
  graphql(
    `query Flagship($product: String!, $bloc: String, $exclude: [String!]!, $asOf: Date, $own: Boolean, $k: Long) {
      firmsLackingSupplier(product: $product, bloc: $bloc, excludeSupplierCountries: $exclude, asOf: $asOf, considerOwnership: $own,
        first: ${FLAGSHIP_PAGE}, knownAtSequence: $k) {
        totalCount
        nodes {
          organization { ${ORG} } reason
          supplierDetails { organization { ${ORG} } country excludedBecause agreement { ${SUPPLY} } }
        }
      }
    }`,
    v,
  ).then((d) => ({
    total: d.firmsLackingSupplier.totalCount,
    gaps: d.firmsLackingSupplier.nodes.map((g) => ({ ...g, supplierDetails: g.supplierDetails.map((s) => ({ ...s, agreement: supplyOf(s.agreement) })) })),
  }));

export const shortestPath = (v) =>
  graphql(
    `query Path($from: String!, $to: String!, $maxHops: Int, $asOf: Date, $k: Long) {
      shortestPath(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf, knownAtSequence: $k) {
        length nodes { ${NODE} }
        relationships { ${RELATIONSHIP} }
      }
    }`,
    v,
  ).then((d) => d.shortestPath && { ...d.shortestPath, nodes: d.shortestPath.nodes.map(nodeOf), relationships: d.shortestPath.relationships.map(relationshipOf) });

export const supplyChain = (v) =>
  graphql(
    `query Chain($orgId: String!, $product: String, $depth: Int, $asOf: Date, $k: Long) {
      supplyChain(orgId: $orgId, product: $product, depth: $depth, asOf: $asOf, knownAtSequence: $k) { tier links { ${SUPPLY} } }
    }`,
    v,
  ).then((d) => d.supplyChain.map((t) => ({ ...t, links: t.links.map(supplyOf) })));

export const strandedIf = (v) =>
  graphql(
    `query WhatIf($cut: [String!]!, $product: String!, $bloc: String, $asOf: Date, $k: Long) {
      strandedIf(cutCountries: $cut, product: $product, bloc: $bloc, asOf: $asOf, knownAtSequence: $k) {
        organization { ${ORG} } lostSuppliers { organization { ${ORG} } country agreement { ${SUPPLY} } }
      }
    }`,
    v,
  ).then((d) => d.strandedIf.map((s) => ({ ...s, lostSuppliers: s.lostSuppliers.map((l) => ({ ...l, agreement: supplyOf(l.agreement) })) })));

const LATEST = 6;

/** What the start page shows at asOf: counts, the latest deals (by effective date, the year before) and stage concentration. */
export async function overview(asOf, stages) {
  const since = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const concentration = stages.map((s) => `${s}: stageConcentration(stage: ${s.toUpperCase()}, asOf: $asOf) { hhi countries { country sharePercent } }`);
  const d = await graphql(
    `query Overview($asOf: Date, $since: Date) {
      organizations(asOf: $asOf) { totalCount } facilities(asOf: $asOf) { totalCount } deals(to: $asOf) { totalCount } policies { totalCount }
      recent: deals(from: $since, to: $asOf, first: 400) { nodes { id } }
      ${concentration.join('\n')}
    }`,
    { asOf, since },
  );
  const ids = d.recent.nodes.slice(-LATEST).reverse().map((n) => n.id);
  const deals = ids.length ? await graphql(`query Latest { ${ids.map((id, i) => `d${i}: deal(id: ${JSON.stringify(id)}) {
    id kind status effectiveDate parties { role organization { ${ORG} } } ${SOURCES} }`).join('\n')} }`) : {};
  return {
    organizations: d.organizations.totalCount, facilities: d.facilities.totalCount, deals: d.deals.totalCount, policies: d.policies.totalCount,
    latest: ids.map((_, i) => deals[`d${i}`]).filter(Boolean).map((x) => ({ ...x, kind: vocab(x.kind), status: vocab(x.status) })),
    stages: stages.map((s) => ({ stage: s, ...d[s] })),
  };
}
