// The start page's query: what the graph holds at a date.
import { graphql, vocab, ORG, SOURCES } from './api.js';

const LATEST = 6;

/**
 * What the start page shows at asOf: counts, the latest deals (by effective date, the year before) as they stood then,
 * and stage concentration.
 */
export async function overview(asOf, stages) {
  const since = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const concentration = stages.map((s) => `${s}: stageConcentration(stage: ${s.toUpperCase()}, asOf: $asOf) { hhi countries { country sharePercent } }`);
  const d = await graphql(
    `query Overview($asOf: Date, $since: Date) {
      organizations(asOf: $asOf) { totalCount } facilities(asOf: $asOf) { totalCount } deals(asOf: $asOf) { totalCount } policies(asOf: $asOf) { totalCount }
      recent: deals(from: $since, asOf: $asOf, first: 400) { nodes { id } }
      ${concentration.join('\n')}
    }`,
    { asOf, since },
  );
  const ids = d.recent.nodes.slice(-LATEST).reverse().map((n) => n.id);
  const deals = ids.length ? await graphql(`query Latest($asOf: Date) { ${ids.map((id, i) => `d${i}: deal(id: ${JSON.stringify(id)}, asOf: $asOf) {
    id kind status effectiveDate parties { role organization { ${ORG} } } ${SOURCES} }`).join('\n')} }`, { asOf }) : {};
  return {
    organizations: d.organizations.totalCount, facilities: d.facilities.totalCount, deals: d.deals.totalCount, policies: d.policies.totalCount,
    latest: ids.map((_, i) => deals[`d${i}`]).filter(Boolean).map((x) => ({ ...x, kind: vocab(x.kind), status: vocab(x.status) })),
    stages: stages.map((s) => ({ stage: s, ...d[s] })),
  };
}
