// "Cite this view": the view pinned to the knowledge point it is drawn at (its permalink reopens the same answer,
// whatever is recorded later), and a citation in words: what is shown, at which date and knowledge point, the sources
// of what is shown, and the permalink; for a standing question, the server's own citation of the answer too.
import { graphql, latestKnowledge, pinKnowledge } from './api.js';
import { loadSources } from './export.js';

/** The StandingQuestion of the server's citation query, for the questions that are one (flagship, what-if). */
function standing(question, asOf) {
  if (question?.type === 'flagship') {
    return { firmsLackingSupplier: { product: question.product, bloc: question.bloc, excludeSupplierCountries: question.exclude,
      considerOwnership: question.own, asOf } };
  }
  if (question?.type === 'whatif') return { strandedIf: { cutCountries: question.cut, product: question.product, bloc: question.bloc, asOf } };
  return null;
}

const list = (names, most = 30) => (names.length > most ? `${names.slice(0, most).join(', ')} and ${names.length - most} more` : names.join(', '));

/** The citation of what `view` shows (with the answer's table, if any) in `state`, pinned at state.known. */
export async function citeView({ view, state, table, summary }) {
  await loadSources(view, state.asOf);
  const events = new Map();
  for (const e of view.edges) for (const ev of e.sources ?? []) events.set(ev.eventId, ev);
  for (const row of table?.rows ?? []) for (const cell of Object.values(row)) for (const ev of cell.events ?? []) events.set(ev.eventId, ev);
  const sorted = [...events.values()].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.eventId.localeCompare(b.eventId));
  const question = standing(state.question, state.asOf);
  const server = question ? (await graphql('query Cite($q: StandingQuestion!, $k: Long) { citation(question: $q, knownAtSequence: $k) { text } }',
    { q: question })).citation.text : null;
  const names = [...view.nodes].map((n) => n.name).sort((a, b) => a.localeCompare(b));
  return [
    `KnowledgeGraph explorer: ${summary ?? `the relationships of ${list(state.opened.map((id) => view.nodes.find((n) => n.id === id)?.name ?? id))}`}, `
      + `as of ${state.asOf}, as recorded up to knowledge point ${state.known} (the events stored up to that sequence).`,
    `Shown: ${view.nodes.length} nodes and ${view.edges.length} relationships: ${list(names)}.`,
    server ? `The answer, as the server cites it: ${server}` : null,
    `Sources (${sorted.length}):`,
    ...sorted.map((ev, i) => `${i + 1}. ${ev.source.publisher}, "${ev.source.title}", ${ev.source.publishedAt ?? ev.effectiveDate}`
      + `${ev.source.url ? `, ${ev.source.url}` : ''} (event ${ev.eventId}${ev.retractedBy ? `, retracted by ${ev.retractedBy}` : ''})`),
    `Permalink: ${location.href}`,
  ].filter(Boolean).join('\n');
}

const $ = (id) => document.getElementById(id);

/** The note that the view is pinned (and how to unpin it). */
export function showPinned(state) {
  $('pinned').hidden = state.known === null;
  $('pinned').firstElementChild.textContent = `Pinned to what was recorded up to knowledge point ${state.known}.`;
}

/**
 * Wires "Cite this view": pins the view to the latest knowledge point (drawing it again there, `refresh()`), then
 * shows its citation in the dialog, to copy; `current()` gives what is drawn ({ view, table, summary }).
 */
export function setUpCitation(state, { current, refresh }) {
  $('cite').addEventListener('click', async () => {
    if (state.known === null) {
      state.known = latestKnowledge()?.sequence ?? null;
      pinKnowledge(state.known);
      await refresh();
    }
    $('citation').value = 'Gathering the sources…';
    $('cite-permalink').href = location.href;
    $('cite-permalink').textContent = location.href;
    $('cite-status').textContent = '';
    if (!$('cite-dialog').open) $('cite-dialog').showModal();
    try {
      $('citation').value = await citeView({ ...current(), state });
    } catch (e) {
      $('citation').value = `The citation could not be made: ${e.message}`;
    }
  });
  $('close-citation').addEventListener('click', () => $('cite-dialog').close());
  $('copy-citation').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('citation').value);
      $('cite-status').textContent = 'Copied.';
    } catch {
      $('citation').select();
      $('cite-status').textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
  $('unpin').addEventListener('click', () => {
    state.known = null;
    pinKnowledge(null);
    refresh();
  });
}
