// ESLint for the JavaScript of the repository: the explorer (browser), its build and the test tools (Node.js).
// Run by scripts/lint.sh, which CI runs through scripts/test.sh.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/node_modules/", "**/bin/", "**/obj/", "src/KnowledgeGraph.Api/wwwroot/", ".tools/", ".data/"] },
  js.configs.recommended,
  {
    files: ["web/*/src/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["web/*/*.mjs", "tools/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
      "no-var": "error",
    },
  },
];
