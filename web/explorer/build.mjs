// Bundles the explorer (Cytoscape.js and its layout) into the API's wwwroot/explorer/, so that the page needs no CDN.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../src/KnowledgeGraph.Api/wwwroot/explorer/', import.meta.url));

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
});
await copyFile('src/index.html', `${out}index.html`);
await copyFile('src/explorer.css', `${out}explorer.css`);
console.log(`Explorer bundled into ${out}`);
