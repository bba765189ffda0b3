// Subscribes with the real graphql-ws client and prints one JSON line per event:
//   node subscribe.mjs <ws-url> <query> <variables-json> <count>
// First line: {"connected":true} once connection_ack arrived; then each `next` payload; exits 0 after <count>
// results, 1 on an error, 2 when nothing arrived within 120 s.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, variablesJson = '{}', countText = '1'] = process.argv.slice(2);
const count = Number(countText);
const timer = setTimeout(() => {
  console.error(`timed out waiting for ${count} result(s)`);
  process.exit(2);
}, 120_000);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  lazy: false,
  on: { connected: () => console.log(JSON.stringify({ connected: true })) },
});

let received = 0;
client.subscribe(
  { query, variables: JSON.parse(variablesJson) },
  {
    next: (result) => {
      console.log(JSON.stringify(result));
      if (++received >= count) {
        clearTimeout(timer);
        client.dispose();
      }
    },
    error: (error) => {
      console.error('subscription error:', error instanceof Error ? error.message : JSON.stringify(error));
      process.exit(1);
    },
    complete: () => {},
  },
);
