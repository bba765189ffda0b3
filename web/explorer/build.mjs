// Bundles the explorer (Cytoscape.js and its layout, the world map's shapes) into the API's wwwroot/explorer/, so that
// the page needs no CDN and no tile server.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../src/KnowledgeGraph.Api/wwwroot/explorer/', import.meta.url));

// `import places from 'places'`: each country's ISO numeric code and centre, the few bytes the map needs of
// world-countries' 1.4 MB.
const places = {
  name: 'places',
  setup(b) {
    b.onResolve({ filter: /^places$/ }, () => ({ path: 'places', namespace: 'places' }));
    b.onLoad({ filter: /.*/, namespace: 'places' }, async () => {
      const all = JSON.parse(await readFile(new URL('node_modules/world-countries/countries.json', import.meta.url), 'utf8'));
      return { loader: 'json', contents: JSON.stringify(Object.fromEntries(all.map((c) => [c.cca2, { n: c.ccn3, at: c.latlng }]))) };
    });
  },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { main: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
  outdir: out,
  plugins: [places],
});
await copyFile('src/index.html', `${out}index.html`);
await copyFile('src/explorer.css', `${out}explorer.css`);
console.log(`Explorer bundled into ${out}`);
