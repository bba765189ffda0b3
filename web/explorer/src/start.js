// The start page: what the graph holds (counts), the latest deals with their sources, how concentrated each stage is
// by country, and one-click views into the stories the data tells. Shown while nothing is in view.
import * as api from './api-start.js';
import { h, sourceItem } from './details.js';

const VIEWS = [
  { title: 'The transatlantic chain: USA Rare Earth and Carester',
    text: 'The US magnet maker’s stake in the French recycler and separator, with both firms’ relationships.',
    hash: { open: 'usa-rare-earth,carester', expand: 'usa-rare-earth,carester' } },
  { title: 'NATO firms without a magnet supplier outside China',
    text: 'The flagship question, as a table with the reason and the sources on each line.',
    hash: { q: JSON.stringify({ type: 'flagship', product: 'ndfeb-magnet', bloc: 'NATO', exclude: ['CN'], own: true }) } },
  { title: 'Stranded if China is cut off',
    text: 'The NATO firms that would lose every NdFeB magnet supplier.',
    hash: { q: JSON.stringify({ type: 'whatif', cut: ['CN'], product: 'ndfeb-magnet', bloc: 'NATO' }) } },
];

const STAGES = ['mining', 'separation', 'metal', 'magnet'];

const count = (n, what) => h('li', {}, h('strong', {}, n.toLocaleString('en')), ` ${what}`);

const party = (p) => `${p.organization.name} (${p.organization.country})`;

/** Fills the start page for the date; `link(hash)` makes the href of a one-click view at that date. */
export async function renderStart(container, asOf, link) {
  container.replaceChildren(h('h2', {}, 'Rare-earth partnerships, from mine to magnet'), h('p', { class: 'hint' }, 'Loading what the graph holds…'));
  let data;
  try {
    data = await api.overview(asOf, STAGES);
  } catch (e) {
    container.replaceChildren(h('h2', {}, 'Rare-earth partnerships, from mine to magnet'),
      h('p', { class: 'error' }, `The overview could not be loaded: ${e.message}`));
    return;
  }
  container.replaceChildren(
    h('h2', {}, 'Rare-earth partnerships, from mine to magnet'),
    h('p', {}, `Every fact below is an event with a cited source, as recorded on ${asOf}. Search above, or start from a story:`),
    h('ul', { class: 'views' }, VIEWS.map((v) => h('li', {},
      h('a', { href: link(v.hash) }, v.title), h('span', { class: 'hint' }, ` ${v.text}`)))),
    h('section', { 'aria-labelledby': 'start-counts' }, h('h3', { id: 'start-counts' }, 'What the graph holds'),
      h('ul', { class: 'counts' }, count(data.organizations, 'organizations'), count(data.facilities, 'facilities'),
        count(data.deals, 'deals'), count(data.policies, 'policies'))),
    h('section', { 'aria-labelledby': 'start-latest' }, h('h3', { id: 'start-latest' }, 'The latest deals'),
      data.latest.length ? h('ol', { class: 'latest' }, data.latest.map((d) => h('li', { 'data-deal': d.id },
        h('strong', {}, `${d.effectiveDate} · ${d.kind} · ${d.status}`), ' ', d.parties.map(party).join(' – '),
        h('ul', { class: 'sources' }, d.sources.map(sourceItem)))))
        : h('p', { class: 'hint' }, 'No deal took effect in the year before this date.')),
    h('section', { 'aria-labelledby': 'start-stages' }, h('h3', { id: 'start-stages' }, 'Who holds the operating capacity, by stage'),
      h('table', { class: 'concentration' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col' }, 'Largest shares by country'),
          h('th', { scope: 'col' }, 'HHI'))),
        h('tbody', {}, data.stages.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.stage),
          h('td', {}, s.countries.length ? s.countries.slice(0, 3).map((c) => `${c.country} ${c.sharePercent} %`).join(', ') : 'no recorded capacity'),
          h('td', {}, String(s.hhi))))))),
  );
}
