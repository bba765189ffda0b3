// The questions' queries: the firms lacking a supplier, the shortest path, a supply chain, the firms stranded by a cut.
import { graphql, nodeOf, relationshipOf, supplyOf, NODE, ORG, RELATIONSHIP } from './api.js';

// Without their sources (too costly in a long answer): the details panel loads a deal's sources when it is selected.
const SUPPLY = 'supplier { id name country } buyer { id name country } deal { id } product status validFrom validTo';

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
