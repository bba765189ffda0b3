// GraphiQL for the knowledge graph, talking to the /graphql endpoint that serves this page.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// Monaco runs its language services in workers; they are bundled beside this file (see build.mjs).
const workers = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return new Worker(new URL(workers[label] ?? 'editor.worker.js', import.meta.url));
  },
};

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
const defaultQuery = `# The partnership knowledge graph of the rare-earth magnet supply chain.
# Open the documentation explorer (the book icon) to see every question it answers.
{
  __typename
}
`;

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
);
