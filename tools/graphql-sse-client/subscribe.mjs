// Subscribes with the real graphql-sse client (distinct connections mode) and prints one JSON line per result:
//   node subscribe.mjs <stream-url> <query> <variables-json> <count>
// Exits 0 after <count> results, 1 on an error, 2 when they did not arrive within 120 s.
import { createClient } from 'graphql-sse';

const [url, query, variablesJson = '{}', countText = '1'] = process.argv.slice(2);
const count = Number(countText);
const timer = setTimeout(() => {
  console.error(`timed out waiting for ${count} result(s)`);
  process.exit(2);
}, 120_000);

const client = createClient({ url, singleConnection: false, retryAttempts: 0 });

let received = 0;
const unsubscribe = client.subscribe(
  { query, variables: JSON.parse(variablesJson) },
  {
    next: (result) => {
      console.log(JSON.stringify(result));
      if (++received >= count) {
        clearTimeout(timer);
        unsubscribe();
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
