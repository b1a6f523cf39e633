import path from "node:path";

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import simpleImportSort from "eslint-plugin-simple-import-sort";

/*
 * Layers (docs/architecture.md, "Which way imports go"): app → components → lib, and inside lib
 * nothing reaches back up. Each folder gets its own `no-restricted-imports` list. In flat config a
 * later object's options REPLACE an earlier one's for the files it matches, so every list below
 * repeats the rules of the folders around it (next-auth above all).
 */

// Conventions: nothing but lib/auth imports next-auth.
const NEXT_AUTH = { group: ["next-auth", "next-auth/*"], message: "Use lib/auth/." };

// Alias or relative path into app/ (routes): only app/ itself and the tests may import it.
const APP = {
  regex: "^(@/|(\\.\\./)+)app(/|$)",
  message: "Routes are private to app/. Move what others need to components/ or lib/.",
};
// Alias or relative path into components/ (UI): lib/ serves the UI, never the other way round.
const COMPONENTS = {
  regex: "^(@/|(\\.\\./)+)components(/|$)",
  message: "lib/ must not depend on the UI. Move view types and labels to lib/view/<domain>.",
};
// lib/domain holds pure rules: no database, no services.
const SERVER_OR_DB = {
  regex: "^(@/lib/|(\\.\\./)+(lib/)?)(server|db)(/|$)",
  message: "lib/domain is pure: pass data in instead of reading it from lib/server or lib/db.",
};

const restrict = (...patterns) => ["error", { patterns }];

/** Where an import goes, relative to the repository root ("lib/server/x"), or null for a package. */
function importTarget(source, filename, cwd) {
  if (source.startsWith("@/")) return source.slice(2);
  if (!source.startsWith(".")) return null;
  return path
    .relative(cwd, path.resolve(path.dirname(filename), source))
    .split(path.sep)
    .join("/");
}

/**
 * Client components (files whose first statement is the "use client" directive) never import
 * lib/server or lib/db, not even a type: what the browser needs is plain data from lib/view.
 * A glob cannot select files by directive, hence this small rule.
 */
const noServerInClient = {
  meta: {
    type: "problem",
    docs: { description: 'Files marked "use client" must not import lib/server or lib/db.' },
    schema: [],
    messages: {
      serverImport:
        'A "use client" file must not import {{source}}: server code stays on the server. Pass plain data (types in lib/view/<domain>) from a server component or an action.',
    },
  },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source;
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const target = importTarget(source.value, context.filename, context.cwd);
      if (target !== null && /^lib\/(server|db)(\/|$)/.test(target)) {
        context.report({ node, messageId: "serverImport", data: { source: source.value } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: {
      layers: { rules: { "no-server-in-client": noServerInClient } },
      "simple-import-sort": simpleImportSort,
    },
    rules: {
      // Imports in one order everywhere (fixed by `npm run lint -- --fix`): side effects, Node
      // built-ins, packages, our own modules (@/…), then relative paths; a blank line between.
      "simple-import-sort/imports": [
        "error",
        { groups: [["^\\u0000"], ["^node:"], ["^@?\\w"], ["^@/"], ["^\\."]] },
      ],
      "simple-import-sort/exports": "error",
      // Conventions: process.env is read only in lib/env.ts (and the launcher scripts).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
      "no-restricted-imports": restrict(NEXT_AUTH),
      "layers/no-server-in-client": "error",
    },
  },
  {
    files: [
      "lib/env.ts",
      "scripts/**",
      "tests/**",
      "prisma.config.ts",
      "playwright.config.ts",
      "bench/**",
      "next.config.ts",
      "proxy.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // Shared UI never imports a route.
  { files: ["components/**"], rules: { "no-restricted-imports": restrict(NEXT_AUTH, APP) } },
  // lib/ never imports the UI or a route.
  { files: ["lib/**"], rules: { "no-restricted-imports": restrict(NEXT_AUTH, APP, COMPONENTS) } },
  // lib/domain never touches the database.
  {
    files: ["lib/domain/**"],
    rules: { "no-restricted-imports": restrict(NEXT_AUTH, APP, COMPONENTS, SERVER_OR_DB) },
  },
  // lib/auth is where next-auth lives; the other lib/ rules still hold.
  { files: ["lib/auth/**"], rules: { "no-restricted-imports": restrict(APP, COMPONENTS) } },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
