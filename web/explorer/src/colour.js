// Colour by one attribute the reader chooses (stage, bloc, China-linked or country), with the legend that goes with it.
import { CHINA_RED, countryColour } from './draw.js';

export const COLOUR_BY = [['stage', 'Stage'], ['bloc', 'Bloc'], ['china', 'China-linked'], ['country', 'Country']];

const STAGE = { mining: '#8c564b', separation: '#1f77b4', metal: '#7f7f7f', alloy: '#9467bd', magnet: '#2ca02c',
  recycling: '#17becf', manufacturing: '#ff7f0e' };
// A country in several blocs takes the first of these.
const BLOC = { NATO: '#1f4e99', EU: '#e6b800', QUAD: '#2ca02c', G7: '#9467bd', MSP: '#17becf' };
const NONE = '#b0b0b0';

/** `colour(node)` and `legend(nodes)` ([label, colour] pairs) for the chosen attribute at the view's date. */
export function painter(by, model, blocMembers) {
  const rules = {
    stage: [(n) => n.props.stages?.[0] ?? n.props.stage ?? null, (v) => STAGE[v] ?? NONE],
    bloc: [(n) => Object.keys(BLOC).find((b) => blocMembers.get(b)?.has(n.country)) ?? null, (v) => BLOC[v] ?? NONE],
    china: [(n) => (model.chineseLinked(n.id) ? 'China-linked' : 'not China-linked'), (v) => (v === 'China-linked' ? CHINA_RED : '#4a90a4')],
    country: [(n) => n.country, countryColour],
  };
  const [value, colourOf] = rules[by] ?? rules.stage;
  const colour = (n) => {
    const v = value(n);
    return v ? colourOf(v) : NONE;
  };
  const legend = (nodes) => [...new Set(nodes.map(value))].sort((a, b) => String(a ?? '~').localeCompare(String(b ?? '~')))
    .map((v) => [v ?? 'none', v ? colourOf(v) : NONE]);
  return { colour, legend };
}
