// Runs graphql-http's GraphQL-over-HTTP audits against an endpoint and prints each result.
// Usage: node audit.mjs http://127.0.0.1:5080/graphql   (exit 1 on any error or warning, 2 on bad usage)
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url of the /graphql endpoint>');
  process.exit(2);
}

const results = await auditServer({ url });
for (const result of results) {
  const detail = result.status === 'ok' ? '' : ` -- ${result.reason}`;
  console.log(`${result.status.padEnd(5)} ${result.id} ${result.name}${detail}`);
}
const failed = results.filter((r) => r.status !== 'ok');
console.log(`${results.length - failed.length} of ${results.length} audits passed` +
  (failed.length ? `; ${failed.length} with an error or warning` : ''));
process.exit(failed.length ? 1 : 0);
