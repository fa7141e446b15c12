// Lint: TypeScript and React hooks rules, no import cycles, and the layers — engine ← models ← routes
// and processors — as import boundaries, so an import that points back fails `npm test`.
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** The planning engine: pure functions over plain data. */
const ENGINE = ["./jobs/forecast", "./jobs/schedule", "./jobs/capacity", "./jobs/planning", "./jobs/input-error.ts"];
const SEED = ["./prisma/seed.ts", "./prisma/demo"];

const layers = [
  {
    target: ENGINE,
    from: ["./app", "./prisma", "./scripts", "./jobs/processors", "./jobs/queues.ts", "./jobs/worker.ts", "./jobs/cli", "./jobs/cli.ts"],
    message: "The engine is pure: it imports no app, database, queue, processor or command-line code (pass data in instead).",
  },
  {
    target: ["./app/utils"],
    from: ["./app/models", "./app/routes", "./app/components", "./jobs", ...SEED],
    message: "app/utils is infrastructure (env, db, redis, auth): it imports no models, routes or jobs.",
  },
  {
    target: ["./jobs/queues.ts"],
    from: ["./app/models", "./app/routes", "./app/components", "./jobs/processors", "./jobs/worker.ts"],
    message: "The job registry sits below the models: it imports only infrastructure.",
  },
  {
    target: ["./app/models"],
    from: ["./app/routes", "./app/components", "./app/root.tsx", "./jobs/processors", "./jobs/worker.ts", "./scripts", ...SEED],
    message: "Models sit below routes and processors, and never import seed code.",
  },
  {
    target: ["./app/routes", "./app/components", "./app/root.tsx"],
    from: ["./jobs/processors", "./jobs/worker.ts", "./prisma", "./scripts"],
    message: "Web code reaches data through app/models; it never imports processors or seed code.",
  },
  {
    target: ["./jobs/processors"],
    from: ["./app/routes", "./app/components", "./app/utils/db.server.ts"],
    message: "A processor is load → engine → save, with its queries in app/models.",
  },
];

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", ".data/", "node_modules/", "playwright-report/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: layers }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "no-undef": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Tests may reach into the database to set up and check what a processor did.
    files: ["**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: layers.filter((zone) => !zone.target.includes("./jobs/processors")) }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["jobs/forecast/**", "jobs/schedule/**", "jobs/capacity/**", "jobs/planning/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["bullmq", "ioredis", "@prisma/client", "pg"].map((name) => ({ name, message: "The engine is pure: no queues, Redis or database." })) },
      ],
    },
  },
  {
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // Types are erased before the browser bundle is built, so a component may name a model's return type.
          patterns: [{ group: ["**/*.server", "**/*.server.*"], allowTypeImports: true, message: "Components run in the browser: no .server modules." }],
        },
      ],
    },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='formData']",
          message: "Read forms with readForm(request) from ~/utils/form.server: it limits size, fields and indexes before parsing.",
        },
      ],
    },
  },
);
