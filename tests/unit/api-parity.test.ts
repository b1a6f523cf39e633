// API parity (issue 15): every server action and every page route handler has a REST operation
// in the OpenAPI document, or is listed as UI-only with its reason (lib/server/api/action-routes.ts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import {
  ACTION_ROUTES,
  NOT_MEMBER_ROUTE_HANDLERS,
  type ParityEntry,
  UI_ROUTE_HANDLER_ROUTES,
} from "@/lib/server/api/action-routes";
import { buildOpenApiDocument } from "@/lib/server/api/openapi-document";
import { API_ROUTE_SPECS } from "@/lib/server/api/route-specs";

const ROOT = process.cwd();
const SKIP_DIRS = new Set(["node_modules", ".next", "generated"]);

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...(await sourceFiles(relative)));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(relative);
    }
  }
  return files;
}

/** True when the module's first statement (after comments) is the "use server" directive. */
function isUseServerModule(source: string): boolean {
  const code = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(code);
}

/** Names a module exports: `export const|function|async function X` and `export { a as X }`. */
function exportedNames(source: string): string[] {
  const names = [
    ...source.matchAll(/^export\s+(?:const|let|async\s+function|function)\s+(\w+)/gm),
  ].map((match) => match[1]!);
  for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of list!.split(",")) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

const documented = new Set<string>();
const deprecated = new Set<string>();
let actions: { name: string; file: string }[] = [];
let routeHandlers: string[] = [];

beforeAll(async () => {
  const document = buildOpenApiDocument({ specs: API_ROUTE_SPECS, serverUrl: "http://test" });
  for (const [apiPath, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${apiPath}`;
      documented.add(key);
      if ((operation as { deprecated?: boolean }).deprecated) deprecated.add(key);
    }
  }
  const files = [
    ...(await sourceFiles("app")),
    ...(await sourceFiles("lib")),
    ...(await sourceFiles("components")),
  ];
  for (const file of files) {
    const source = await readFile(path.join(ROOT, file), "utf8");
    if (isUseServerModule(source)) {
      actions.push(...exportedNames(source).map((name) => ({ name, file })));
    }
    const normalized = file.split(path.sep).join("/");
    if (/^app\/.*\/route\.tsx?$/.test(normalized) && !normalized.startsWith("app/api/v1/")) {
      const routePath =
        "/" +
        path.posix
          .dirname(normalized.slice("app/".length))
          .split("/")
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .join("/");
      for (const name of exportedNames(source)) {
        if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) routeHandlers.push(`${name} ${routePath}`);
      }
    }
  }
  actions = actions.sort((a, b) => a.name.localeCompare(b.name));
  routeHandlers = routeHandlers.sort();
});

/** Problems of one table entry: a missing or deprecated operation, or a thin reason. */
function problemsOf(what: string, entry: ParityEntry | undefined): string[] {
  if (entry === undefined) {
    return [`${what}: no line in lib/server/api/action-routes.ts (add its REST operation)`];
  }
  if (typeof entry === "object") {
    return entry.uiOnly.trim().length < 40 ? [`${what}: UI-only needs a real reason`] : [];
  }
  if (!documented.has(entry)) return [`${what}: ${entry} is not in the OpenAPI document`];
  if (deprecated.has(entry)) return [`${what}: ${entry} is deprecated; map the successor`];
  return [];
}

describe("API parity with the app", () => {
  it("finds the server actions wherever they live (app/ or lib/actions/)", () => {
    const names = actions.map((action) => action.name);
    // Known actions: if these go missing, the scan is broken, not the app.
    expect(names).toEqual(
      expect.arrayContaining([
        "unlinkVendorSystemAction",
        "startReportAction",
        "updateDutyAction",
        "signInAction",
      ]),
    );
    expect(actions.length).toBeGreaterThanOrEqual(45);
  });

  it("every server action has a REST operation or a reason to be UI-only", () => {
    const problems = actions.flatMap((action) =>
      problemsOf(`${action.name} (${action.file})`, ACTION_ROUTES[action.name]),
    );
    expect(problems).toEqual([]);
  });

  it("every page route handler has a REST operation", () => {
    expect(routeHandlers).toEqual(
      expect.arrayContaining(["GET /w/[workspaceSlug]/audit/download"]),
    );
    const problems = routeHandlers
      .filter((handler) => !(handler in NOT_MEMBER_ROUTE_HANDLERS))
      .flatMap((handler) => problemsOf(handler, UI_ROUTE_HANDLER_ROUTES[handler]));
    expect(problems).toEqual([]);
  });

  it("the tables name only actions and handlers that exist", () => {
    const names = new Set(actions.map((action) => action.name));
    expect(Object.keys(ACTION_ROUTES).filter((name) => !names.has(name))).toEqual([]);
    const handlers = new Set(routeHandlers);
    expect(
      [...Object.keys(UI_ROUTE_HANDLER_ROUTES), ...Object.keys(NOT_MEMBER_ROUTE_HANDLERS)].filter(
        (handler) => !handlers.has(handler),
      ),
    ).toEqual([]);
  });

  it("keeps the UI-only list short", () => {
    const uiOnly = Object.values(ACTION_ROUTES).filter((entry) => typeof entry === "object");
    expect(uiOnly.length).toBeLessThanOrEqual(15);
  });
});

describe("the parity checker itself", () => {
  it("recognises the directive only as the module's first statement", () => {
    expect(isUseServerModule('"use server";\nexport const a = 1;')).toBe(true);
    expect(isUseServerModule("// why\n/* more */\n'use server'\n")).toBe(true);
    expect(isUseServerModule('"use client";\n"use server";')).toBe(false);
    expect(isUseServerModule('export async function f() {\n  "use server";\n}')).toBe(false);
  });

  it("reads exported names of both forms", () => {
    expect(
      exportedNames(
        "export const aAction = x;\nexport async function b() {}\nexport { h as GET, h as POST };",
      ),
    ).toEqual(["aAction", "b", "GET", "POST"]);
  });

  it("reports an unlisted action, a missing operation and a deprecated one", () => {
    expect(problemsOf("newAction", undefined)).toHaveLength(1);
    expect(problemsOf("x", "DELETE /api/v1/nowhere")[0]).toContain("not in the OpenAPI document");
    expect(problemsOf("x", "PATCH /api/v1/responsibilities/parts/{dutyId}")[0]).toContain(
      "deprecated",
    );
    expect(problemsOf("x", { uiOnly: "because" })[0]).toContain("real reason");
    expect(problemsOf("x", "PATCH /api/v1/duties/{dutyId}")).toEqual([]);
  });
});
