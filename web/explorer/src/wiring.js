// The controls' wiring: filters, modes, permalink and citation, exports, clicks and keys on the drawing and the lists,
// the question forms and search. What each does is the page's (main.js); here is only which event calls it.
import { writeHash } from './state.js';
import { setUpFilters } from './controls.js';
import { layout } from './draw.js';
import { buildForms } from './questions.js';
import { setUpSearch } from './search.js';
import { exportCsv, exportPng, exportSvg } from './export.js';
import { setUpCitation } from './cite.js';
import { arrowKeys } from './keys.js';

const $ = (id) => document.getElementById(id);

/**
 * `page` gives what the controls act on: { render, refresh, setDate, select, open, ask, expand, current, showError },
 * `current()` answering { view, table, summary } of what is shown.
 */
export function setUpControls(cy, state, page) {
  setUpFilters(state, { render: page.render, setDate: page.setDate });
  $('relayout').addEventListener('click', () => layout(cy, true));
  for (const b of document.querySelectorAll('#modes button')) {
    b.addEventListener('click', () => {
      state.mode = b.dataset.mode;
      page.render();
    });
  }
  $('clear').addEventListener('click', () => {
    Object.assign(state, { opened: [], expanded: [], question: null, selected: '' });
    page.refresh();
  });
  $('copy-link').addEventListener('click', async () => {
    writeHash(state);
    try {
      await navigator.clipboard.writeText(location.href);
      $('status').textContent = 'Permalink copied.';
    } catch {
      window.prompt('Copy this permalink:', location.href);
    }
  });
  setUpCitation(state, { current: page.current, refresh: page.refresh });
  $('export-png').addEventListener('click', () => exportPng(cy, state.asOf));
  $('export-svg').addEventListener('click', () => exportSvg(cy, state.asOf));
  $('export-csv').addEventListener('click', () => exportCsv(page.current().view, state.asOf)
    .catch((e) => page.showError(`The CSV could not be made: ${e.message}`)));
  cy.on('tap', 'node, edge', (e) => page.select(e.target.id()));
  for (const list of [$('question-forms'), $('table-view')]) {
    list.addEventListener('click', (e) => {
      const id = e.target.closest('button[data-node]')?.dataset.node;
      if (id) page.select(id, true);
    });
  }
  cy.on('dbltap', 'node', (e) => page.expand(e.target.id()));
  arrowKeys($('view-list'), 'button');
  arrowKeys($('question-forms'), '#answer button.link');
  arrowKeys($('table-view'), 'tbody button.link');
  arrowKeys($('table-view'), 'thead button.sort', { next: 'ArrowRight', previous: 'ArrowLeft' });
  // The skip link focuses the search without touching the URL's hash, which holds the view.
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    $('search-input').focus();
  });
  buildForms($('question-forms'), page.ask, state.question);
  setUpSearch($('search-input'), $('search-results'), $('search-status'), page.open);
}
