// Lints Cypher statements offline with Neo4j's own parser and semantic analysis.
//   node lint.mjs <statements.json> <schema.json> [--warnings-as-errors]
// statements.json: [{"name": "...", "statement": "..."}]
// schema.json: {"labels": [], "relationshipTypes": [], "propertyKeys": [], "parameters": {"name": sampleValue},
//               "defaultLanguage": "CYPHER 5"}
// Prints one line per diagnostic and exits 1 when there is an error (or a warning, with --warnings-as-errors).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const args = process.argv.slice(2);
const warningsAsErrors = args.includes('--warnings-as-errors');
const [statementsPath, schemaPath] = args.filter((a) => !a.startsWith('--'));
if (!statementsPath || !schemaPath) {
  console.error('usage: node lint.mjs <statements.json> <schema.json> [--warnings-as-errors]');
  process.exit(2);
}

const statements = JSON.parse(readFileSync(statementsPath, 'utf8'));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const dbSchema = {
  labels: schema.labels ?? [],
  relationshipTypes: schema.relationshipTypes ?? [],
  propertyKeys: schema.propertyKeys ?? [],
  parameters: schema.parameters ?? {},
  defaultLanguage: schema.defaultLanguage ?? 'CYPHER 5',
};

// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
const severityNames = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
let errors = 0;
let warnings = 0;
for (const { name, statement } of statements) {
  for (const diagnostic of lintCypherQuery(statement, dbSchema).diagnostics) {
    const severity = diagnostic.severity ?? 1;
    if (severity === 1) errors++;
    if (severity === 2) warnings++;
    const { line, character } = diagnostic.range.start;
    console.log(`${name}:${line + 1}:${character + 1}: ${severityNames[severity]}: ${diagnostic.message}`);
  }
}
console.log(`${statements.length} statements linted: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 || (warningsAsErrors && warnings > 0) ? 1 : 0);
