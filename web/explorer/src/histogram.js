// The histogram along the date slider: how many changes (relationships and nodes that appeared, ended or changed, as
// the What-changed question lists them) took effect in each year of the slider, the year in view highlighted.
import { changesPerYear } from './changes.js';

const NS = 'http://www.w3.org/2000/svg';
const [WIDTH, HEIGHT] = [160, 26];

function rect(attrs, tip) {
  const r = document.createElementNS(NS, 'rect');
  for (const [k, v] of Object.entries(attrs)) r.setAttribute(k, v);
  const title = document.createElementNS(NS, 'title');
  title.textContent = tip;
  r.append(title);
  return r;
}

/** Draws the bars of the slider's years into the svg; `showYear(year)` then highlights one. */
export async function renderHistogram(svg, first, last) {
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let counts;
  try {
    counts = await changesPerYear(years);
  } catch (e) {
    svg.setAttribute('aria-label', `The changes per year could not be loaded: ${e.message}`);
    return;
  }
  const most = Math.max(1, ...counts.map(([, n]) => n));
  const width = WIDTH / years.length;
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('aria-label', `Changes per year: ${counts.map(([y, n]) => `${y}: ${n}`).join(', ')}`);
  svg.replaceChildren(...counts.map(([year, n], i) => {
    const height = n ? Math.max(1.5, (HEIGHT - 1) * (n / most)) : 0;
    return rect({ x: i * width + 1, y: HEIGHT - height, width: width - 2, height, 'data-year': year, 'data-count': n },
      `${year}: ${n} change(s)`);
  }));
}

export function showYear(svg, year) {
  for (const r of svg.querySelectorAll('rect')) r.classList.toggle('current', r.dataset.year === String(year));
}
