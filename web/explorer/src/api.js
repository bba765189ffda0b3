// The explorer's only door to the data: POST /graphql, and the shapes its queries share. The queries themselves are
// written by area: api-graph.js (what is drawn), api-sources.js (events and sources), api-questions.js, api-start.js
// and changes.js.

export const EVENT = 'eventId type effectiveDate source { title publisher url publishedAt } retractedBy';
export const SOURCES = `sources { ${EVENT} }`;
// Any node through the Node interface: each kind's own fields, aliased where two kinds' fields differ in type.
export const NODE = `__typename id
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
export const RELATIONSHIP = `${RELATIONSHIP_BRIEF} ${SOURCES}`;
export const ORG = 'id name country';

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

export const supplyOf = (s) => ({ ...s, status: vocab(s.status) });

export class GraphQLError extends Error {}

// The knowledge point the view is pinned to (a sequence, as extensions.knowledge gives it), or null for everything
// recorded; and the latest one an answer reported. A query that declares $k: Long answers at the pinned point.
let pinned = null;
let latest = null;
export const pinKnowledge = (sequence) => { pinned = sequence; };
export const latestKnowledge = () => latest;

// A question refused for the server's load (503 BUSY, 429 over the budget or the rate) is asked again when the answer's
// Retry-After says, this many times at most, waiting no longer than MAX_WAIT_S each time.
const RETRIES = 3;
const MAX_WAIT_S = 30;

async function post(query, variables) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables: query.includes('$k: Long') ? { ...variables, k: pinned } : variables }),
    });
    const wait = Number(response.headers.get('retry-after') ?? NaN);
    if (![429, 503].includes(response.status) || !(wait >= 0) || attempt >= RETRIES) return response;
    await new Promise((resolve) => { setTimeout(resolve, Math.min(wait, MAX_WAIT_S) * 1000); });
  }
}

export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await post(query, variables);
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
