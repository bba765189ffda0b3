// The researchers' questions as forms. Each answer adds its nodes and relationships to the model (drawn highlighted)
// and is listed under the forms; the question itself goes into the permalink and is asked again on load.
import * as api from './api-questions.js';
import { dealSources, organizationEvents } from './api-sources.js';
import { h } from './details.js';
import { sources, text as cell } from './table.js';
import { whatChanged } from './changes.js';

export const PRODUCTS = ['magnet', 'ndfeb-magnet', 'smco-magnet', 'alloy', 'ndfeb-alloy', 'smco-alloy', 'metal', 'ndpr-metal',
  'dy-metal', 'tb-metal', 'sm-metal', 'oxide', 'ndpr-oxide', 'dy-oxide', 'tb-oxide', 'la-ce-oxide', 'sm-oxide',
  'mixed-re-carbonate', 'concentrate', 're-concentrate', 'recycled', 'magnet-scrap', 'recycled-oxide'];
export const BLOCS = ['NATO', 'EU', 'G7', 'QUAD', 'MSP'];

const codes = (text) => (text ?? '').split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
const select = (name, options, value, label) =>
  h('label', {}, label, h('select', { name }, options.map((o) => h('option', { value: o, selected: o === value }, o || 'any'))));
const text = (name, value, label, attrs = {}) => h('label', {}, label, h('input', { name, value: value ?? '', ...attrs }));

const FORMS = {
  flagship: {
    title: 'Firms lacking a supplier',
    fields: (q) => [select('product', PRODUCTS, q.product ?? 'ndfeb-magnet', 'Product'),
      select('bloc', BLOCS, q.bloc ?? 'NATO', 'Bloc'),
      text('exclude', (q.exclude ?? ['CN']).join(', '), 'Excluded supplier countries', { required: true }),
      h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'own', checked: q.own ?? true }), 'Count suppliers controlled from there')],
    read: (f) => ({ product: f.product.value, bloc: f.bloc.value, exclude: codes(f.exclude.value), own: f.own.checked }),
  },
  path: {
    title: 'Shortest path',
    fields: (q) => [text('from', q.from, 'From (node id)', { required: true, list: 'node-ids' }),
      text('to', q.to, 'To (node id)', { required: true, list: 'node-ids' }),
      text('maxHops', q.maxHops ?? 4, 'Max hops', { type: 'number', min: 1, max: 8 })],
    read: (f) => ({ from: f.from.value.trim(), to: f.to.value.trim(), maxHops: Number(f.maxHops.value) || 4 }),
  },
  chain: {
    title: 'Upstream supply chain',
    fields: (q) => [text('orgId', q.orgId, 'Firm (id)', { required: true, list: 'node-ids' }),
      select('product', ['', ...PRODUCTS], q.product ?? '', 'Product'),
      text('depth', q.depth ?? 4, 'Tiers', { type: 'number', min: 1, max: 8 })],
    read: (f) => ({ orgId: f.orgId.value.trim(), product: f.product.value || null, depth: Number(f.depth.value) || 4 }),
  },
  whatif: {
    title: 'What if a country is cut off',
    fields: (q) => [text('cut', (q.cut ?? ['CN']).join(', '), 'Cut-off countries', { required: true }),
      select('product', PRODUCTS, q.product ?? 'ndfeb-magnet', 'Product'), select('bloc', ['', ...BLOCS], q.bloc ?? '', 'Bloc')],
    read: (f) => ({ cut: codes(f.cut.value), product: f.product.value, bloc: f.bloc.value || null }),
  },
  changes: {
    title: 'What changed between two dates',
    fields: (q) => [text('from', q.from ?? '2025-01-01', 'From', { type: 'date', required: true }),
      text('organization', q.organization, 'Organization (id, optional)', { list: 'node-ids' }),
      text('country', q.country, 'Country (optional, e.g. FR)', { maxlength: 2 })],
    read: (f) => ({ from: f.from.value, organization: f.organization.value.trim() || null, country: codes(f.country.value)[0] ?? null }),
    dateLabel: 'To (sets the view\'s date)',
  },
};

/** Builds the forms; `ask(question)` runs when one is submitted. */
export function buildForms(container, ask, question = {}) {
  container.replaceChildren(...Object.entries(FORMS).map(([type, form]) => {
    const q = question?.type === type ? question : {};
    const el = h('form', { 'data-question': type, class: 'question' }, h('h3', {}, form.title), ...form.fields(q),
      h('label', {}, form.dateLabel ?? 'As of (sets the view\'s date)', h('input', { type: 'date', name: 'asOf', required: true, class: 'question-date' })),
      h('button', { type: 'submit' }, 'Ask'));
    el.addEventListener('submit', (event) => {
      event.preventDefault();
      ask({ type, ...form.read(el) }, el.asOf.value);
    });
    return el;
  }), h('datalist', { id: 'node-ids' }), h('div', { id: 'answer', 'aria-live': 'polite' }));
}

const org = (o) => `${o.name} (${o.country})`;
const firm = (o) => ({ text: o.name, node: h('button', { type: 'button', class: 'link', 'data-node': o.id }, o.name) });
const column = (key, label) => ({ key, label });

/** The sources of supply agreements at the question's date, by deal, for the table rows. */
async function agreementSources(agreements, asOf) {
  return dealSources([...new Set(agreements.map((a) => a.deal.id))], asOf);
}

/** Asks the question at asOf; adds the answer to the model; answers { nodes, edges, list, summary }. */
export async function run(question, asOf, model) {
  const nodes = new Set();
  const edges = new Set();
  const supply = (s) => {
    const e = model.addSupply(s);
    nodes.add(s.supplier.id).add(s.buyer.id);
    if (e) edges.add(e.id);
  };
  const item = (id, label, ...rest) => h('li', {}, h('button', { type: 'button', class: 'link', 'data-node': id }, label), ...rest);
  if (question.type === 'changes') return whatChanged(question, asOf, model);
  if (question.type === 'flagship') {
    const { gaps, total } = await api.flagship({ product: question.product, bloc: question.bloc, exclude: question.exclude, asOf, own: question.own });
    for (const g of gaps) {
      model.addNode({ label: 'Organization', ...g.organization });
      nodes.add(g.organization.id);
      g.supplierDetails.forEach((s) => supply(s.agreement));
    }
    const [byDeal, byFirm] = await Promise.all([agreementSources(gaps.flatMap((g) => g.supplierDetails.map((s) => s.agreement)), asOf),
      organizationEvents(gaps.filter((g) => !g.supplierDetails.length).map((g) => g.organization.id))]);
    const table = {
      title: `Firms in ${question.bloc} lacking a ${question.product} supplier outside ${question.exclude.join(', ')} on ${asOf}`
        + (total > gaps.length ? ` (the first ${gaps.length} of ${total})` : ` (${gaps.length})`),
      file: `firms-lacking-${question.product}-${question.bloc}-${asOf}.csv`,
      columns: [column('firm', 'Firm'), column('country', 'Country'), column('reason', 'Why it is listed'),
        column('suppliers', 'Suppliers in force'), column('sources', 'Sources')],
      rows: gaps.map((g) => ({
        firm: firm(g.organization), country: cell(g.organization.country), reason: cell(g.reason),
        suppliers: cell(g.supplierDetails.map((s) => `${org(s.organization)}: ${s.excludedBecause ?? 'counts'}`).join('; ') || 'none'),
        sources: sources(g.supplierDetails.length ? g.supplierDetails.flatMap((s) => byDeal[s.agreement.deal.id] ?? []) : byFirm[g.organization.id] ?? []),
      })),
    };
    return { nodes, edges, table, summary: `${total} firm(s) in ${question.bloc} lack a ${question.product} supplier outside ${question.exclude.join(', ')} on ${asOf}`,
      list: gaps.map((g) => item(g.organization.id, org(g.organization), ` — ${g.reason}`,
        g.supplierDetails.length ? h('ul', {}, g.supplierDetails.map((s) => h('li', {}, `${org(s.organization)}: ${s.excludedBecause ?? 'counts'}`))) : null)) };
  }
  if (question.type === 'path') {
    const path = await api.shortestPath({ from: question.from, to: question.to, maxHops: question.maxHops, asOf });
    if (!path) return { nodes, edges, summary: `No path within ${question.maxHops} hops between ${question.from} and ${question.to} on ${asOf}`, list: [] };
    path.nodes.forEach((n) => nodes.add(model.addNode(n).id));
    path.relationships.forEach((r) => edges.add(model.addRelationship(r, true)?.id));
    const table = {
      title: `A path of ${path.length} hop(s) from ${question.from} to ${question.to} on ${asOf}`, file: `path-${question.from}-${question.to}-${asOf}.csv`,
      columns: [column('step', 'Step'), column('node', 'Node'), column('kind', 'Kind'), column('next', 'Relationship to the next'), column('sources', 'Its sources')],
      rows: path.nodes.map((n, i) => ({
        step: cell(i), node: firm(n), kind: cell(n.label), next: cell(path.relationships[i]?.type ?? ''), sources: sources(path.relationships[i]?.sources ?? []),
      })),
    };
    return { nodes, edges, table, summary: `A path of ${path.length} hop(s) on ${asOf}`,
      list: path.nodes.map((n, i) => item(n.id, `${n.name} (${n.label})`, path.relationships[i] ? ` — ${path.relationships[i].type}` : '')) };
  }
  if (question.type === 'chain') {
    const tiers = await api.supplyChain({ orgId: question.orgId, product: question.product, depth: question.depth, asOf });
    model.addNode({ id: question.orgId });
    nodes.add(question.orgId);
    tiers.forEach((t) => t.links.forEach(supply));
    const links = tiers.reduce((n, t) => n + t.links.length, 0);
    const byDeal = await agreementSources(tiers.flatMap((t) => t.links), asOf);
    const table = {
      title: `The supply chain upstream of ${question.orgId} on ${asOf} (${links} links)`, file: `supply-chain-${question.orgId}-${asOf}.csv`,
      columns: [column('tier', 'Tier'), column('supplier', 'Supplier'), column('buyer', 'Buyer'), column('product', 'Product'),
        column('from', 'In force from'), column('sources', 'Sources')],
      rows: tiers.flatMap((t) => t.links.map((l) => ({
        tier: cell(t.tier), supplier: firm(l.supplier), buyer: firm(l.buyer), product: cell(l.product), from: cell(l.validFrom),
        sources: sources(byDeal[l.deal.id] ?? []),
      }))),
    };
    return { nodes, edges, table, summary: `${links} supply link(s) in ${tiers.length} tier(s) upstream of ${question.orgId} on ${asOf}`,
      list: tiers.map((t) => h('li', {}, `Tier ${t.tier}`, h('ul', {}, t.links.map((l) =>
        item(l.supplier.id, org(l.supplier), ` → ${l.buyer.name}: ${l.product} (${l.status})`))))) };
  }
  const stranded = await api.strandedIf({ cut: question.cut, product: question.product, bloc: question.bloc, asOf });
  for (const s of stranded) {
    model.addNode({ label: 'Organization', ...s.organization });
    nodes.add(s.organization.id);
    s.lostSuppliers.forEach((l) => supply(l.agreement));
  }
  const byDeal = await agreementSources(stranded.flatMap((s) => s.lostSuppliers.map((l) => l.agreement)), asOf);
  const table = {
    title: `Firms${question.bloc ? ` in ${question.bloc}` : ''} stranded of ${question.product} if ${question.cut.join(', ')} were cut off on ${asOf} (${stranded.length})`,
    file: `stranded-${question.product}-${question.cut.join('-')}-${asOf}.csv`,
    columns: [column('firm', 'Firm'), column('country', 'Country'), column('lost', 'Suppliers it would lose'), column('sources', 'Sources')],
    rows: stranded.map((s) => ({
      firm: firm(s.organization), country: cell(s.organization.country),
      lost: cell(s.lostSuppliers.map((l) => `${org(l.organization)}: ${l.agreement.product}`).join('; ')),
      sources: sources(s.lostSuppliers.flatMap((l) => byDeal[l.agreement.deal.id] ?? [])),
    })),
  };
  return { nodes, edges, table, summary: `${stranded.length} firm(s) would lose every ${question.product} supplier if ${question.cut.join(', ')} were cut off on ${asOf}`,
    list: stranded.map((s) => item(s.organization.id, org(s.organization), ` — loses ${s.lostSuppliers.map((l) => org(l.organization)).join(', ')}`)) };
}
