// The filters, the date control and the play button: each change goes into the state, then redraws or refetches.
import { KINDS, STAGES } from './model.js';
import { today } from './state.js';
import { KIND_COLOURS } from './draw.js';
import { h } from './details.js';
import { BLOCS } from './questions.js';
import { COLOUR_BY } from './colour.js';
import { renderHistogram, showYear } from './histogram.js';

const $ = (id) => document.getElementById(id);
const yearEnd = (year) => (String(year) === today().slice(0, 4) ? today() : `${year}-12-31`);

/** Shows the state in the controls (after a permalink, a question, or a step of the replay). */
export function syncControls(state) {
  $('as-of').value = state.asOf;
  $('as-of-year').value = state.asOf.slice(0, 4);
  showYear($('histogram'), state.asOf.slice(0, 4));
  for (const input of document.querySelectorAll('.question-date')) input.value = state.asOf;
  for (const box of $('kinds').querySelectorAll('input')) box.checked = state.kinds.includes(box.value);
  $('stage').value = state.stage;
  if (document.activeElement !== $('country')) $('country').value = state.countries.join(', ');
  $('bloc').value = state.bloc;
  $('colour-by').value = state.colourBy;
  $('focus').checked = state.focus;
}

/** Filters only redraw (`render`); a new date refetches the graph as of that date (`setDate`). */
export function setUpFilters(state, { render, setDate }) {
  $('as-of').max = today();
  $('as-of-year').max = today().slice(0, 4);
  renderHistogram($('histogram'), Number($('as-of-year').min), Number($('as-of-year').max))
    .then(() => showYear($('histogram'), state.asOf.slice(0, 4)));
  $('kinds').append(...KINDS.map((k) => h('label', { class: 'inline' },
    h('input', { type: 'checkbox', value: k.id, onchange: (e) => {
      state.kinds = KINDS.map((x) => x.id).filter((x) => (x === k.id ? e.target.checked : state.kinds.includes(x)));
      render();
    } }), h('i', { class: 'line', style: `background:${KIND_COLOURS[k.id]}` }), k.label)));
  $('stage').append(...STAGES.map((s) => h('option', { value: s }, s)));
  $('bloc').append(...BLOCS.map((b) => h('option', { value: b }, b)));
  $('stage').addEventListener('change', (e) => { state.stage = e.target.value; render(); });
  $('focus').addEventListener('change', (e) => { state.focus = e.target.checked; render(); });
  $('bloc').addEventListener('change', (e) => { state.bloc = e.target.value; render(); });
  $('colour-by').append(...COLOUR_BY.map(([value, label]) => h('option', { value }, label)));
  $('colour-by').addEventListener('change', (e) => { state.colourBy = e.target.value; render(); });
  $('country').addEventListener('change', (e) => {
    state.countries = e.target.value.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    render();
  });
  $('as-of').addEventListener('change', (e) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setDate(e.target.value);
  });
  $('as-of-year').addEventListener('change', (e) => setDate(yearEnd(Number(e.target.value))));
  $('play').addEventListener('click', () => play(setDate));
}

let playing = false;
/** Replays the growth of the network: the view as of the end of each year, from 2010 to today; a second press stops. */
async function play(setDate) {
  playing = !playing;
  $('play').textContent = playing ? '■ Stop' : '▶ Play';
  $('play').setAttribute('aria-pressed', String(playing));
  for (let year = 2010; playing && year <= Number(today().slice(0, 4)); year++) {
    await setDate(yearEnd(year));
    await new Promise((resolve) => setTimeout(resolve, 900));
  }
  playing = false;
  $('play').textContent = '▶ Play';
  $('play').setAttribute('aria-pressed', 'false');
}
