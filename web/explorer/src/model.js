// The explorer's own view of the graph: nodes and relationships gathered from GraphQL answers, with the kinds a
// journalist filters by and the China links that are highlighted. No drawing here (see draw.js).

export const KINDS = [
  { id: 'supply', label: 'Supply', types: ['SUPPLIES'] },
  { id: 'investment', label: 'Investment', types: ['INVESTED_IN'] },
  { id: 'partnership', label: 'Partnership', types: ['PARTNER_OF'] },
  { id: 'ownership', label: 'Ownership', types: ['OWNS'] },
  { id: 'policy', label: 'Policy', types: ['BENEFITS'] },
  { id: 'facility', label: 'Facilities operated', types: ['OPERATES'] },
];

export const STAGES = ['mining', 'separation', 'metal', 'alloy', 'magnet', 'recycling', 'manufacturing'];

/** The kind of a relationship type, or null for the structural ones (BASED_IN, NEEDS...) that are not drawn. */
export const kindOf = (type) => KINDS.find((k) => k.types.includes(type))?.id ?? null;

export class GraphModel {
  nodes = new Map();
  edges = new Map();
  owners = new Map();

  addNode(n) {
    if (!n?.id) return null;
    const known = this.nodes.get(n.id);
    const props = { ...(known?.props ?? {}), ...(n.props ?? {}) };
    const node = {
      id: n.id,
      label: n.label ?? known?.label ?? 'Organization',
      name: n.name ?? known?.name ?? n.id,
      country: n.country ?? known?.country ?? null,
      validFrom: n.validFrom ?? known?.validFrom ?? null,
      props,
    };
    if (n.stages) props.stages = n.stages;
    if (n.kind) props.kind = n.kind;
    this.nodes.set(n.id, node);
    return node;
  }

  /** A Relationship of the generic neighbours/shortestPath answers; `always` draws it whatever its kind. */
  addRelationship(r, always = false) {
    const kind = kindOf(r.type) ?? (always ? 'other' : null);
    if (!kind) return null;
    return this.#edge({
      type: r.type, kind, source: r.from.id, target: r.to.id, key: r.key,
      props: r.props ?? {}, validFrom: r.validFrom, validTo: r.validTo, sources: r.sources ?? null,
    });
  }

  /** A Partner of an organization: drawn as one PARTNER_OF line per deal and pair. */
  addPartner(orgId, p) {
    this.addNode({ label: 'Organization', ...p.partner });
    const [a, b] = [orgId, p.partner.id].sort();
    return this.#edge({
      type: 'PARTNER_OF', kind: 'partnership', source: a, target: b, key: p.deal.id,
      props: { dealId: p.deal.id, kind: p.deal.partnershipKind, status: p.deal.status, products: p.deal.products },
      validFrom: p.validFrom, validTo: p.validTo, sources: p.sources ?? null,
    });
  }

  /** A SupplyRelation of the question answers (flagship, supply chain, what-if). */
  addSupply(s) {
    this.addNode({ label: 'Organization', ...s.supplier });
    this.addNode({ label: 'Organization', ...s.buyer });
    return this.#edge({
      type: 'SUPPLIES', kind: 'supply', source: s.supplier.id, target: s.buyer.id, key: s.deal.id,
      props: { dealId: s.deal.id, product: s.product, status: s.status },
      validFrom: s.validFrom, validTo: s.validTo, sources: s.sources ?? null,
    });
  }

  #edge(e) {
    e.id = `e|${e.type}|${e.source}|${e.target}|${e.key}`;
    if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) return null;
    const known = this.edges.get(e.id);
    this.edges.set(e.id, { ...(known ?? {}), ...e, sources: e.sources ?? known?.sources ?? null });
    return this.edges.get(e.id);
  }

  /** Adds what neighbourhoods() answered for one node. */
  addNeighbourhood(id, answer) {
    this.addNode(answer.node);
    for (const { relationship, node } of answer.neighbours) {
      if (kindOf(relationship.type)) {
        this.addNode(node);
        this.addRelationship(relationship);
      }
    }
    if (answer.organization) {
      for (const p of answer.organization.partners) this.addPartner(id, p);
      this.owners.set(id, answer.organization.owners.map((o) => o.owner));
    }
  }

  /** Based in China, or owned (up the known chain of owners) from China. */
  chineseLinked(id, seen = new Set()) {
    const node = this.nodes.get(id);
    if (!node || seen.has(id)) return false;
    seen.add(id);
    if (node.country === 'CN') return true;
    return (this.owners.get(id) ?? []).some((o) => o.country === 'CN' || this.chineseLinked(o.id, seen));
  }

  /** Supply relationships whose supplier is Chinese-linked, or itself supplied through such a path (among `edges`). */
  chinaDependent(edges) {
    const supplies = edges.filter((e) => e.kind === 'supply');
    const dependent = new Set();
    const exposed = new Set([...this.nodes.keys()].filter((id) => this.chineseLinked(id)));
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of supplies) {
        if (!dependent.has(e.id) && exposed.has(e.source)) {
          dependent.add(e.id);
          exposed.add(e.target);
          changed = true;
        }
      }
    }
    return dependent;
  }
}
