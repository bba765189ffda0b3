// Bundles GraphiQL, React and Monaco's workers into the API's wwwroot/graphiql/, so that the page needs no CDN.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../src/KnowledgeGraph.Api/wwwroot/graphiql/', import.meta.url));
const common = {
  bundle: true,
  minify: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file' },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({ ...common, entryPoints: { main: 'src/main.js' }, format: 'esm', outdir: out, assetNames: '[name]' });
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  format: 'iife',
  outdir: out,
});
await copyFile('src/index.html', `${out}index.html`);
console.log(`GraphiQL bundled into ${out}`);
