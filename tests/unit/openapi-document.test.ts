// The OpenAPI document as clients read it: files have their media types (not JSON), old paths are
// flagged deprecated with their successor, and duties are called duties.
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/lib/server/api/openapi-document";
import { API_ROUTE_SPECS } from "@/lib/server/api/route-specs";

type Operation = {
  summary: string;
  description?: string;
  tags: string[];
  deprecated?: boolean;
  responses: Record<
    string,
    { content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }
  >;
};

const document = buildOpenApiDocument({ specs: API_ROUTE_SPECS, serverUrl: "http://test" });
const paths = document.paths as Record<string, Record<string, Operation>>;
const operation = (method: string, path: string) => {
  const found = paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
};
const binary = { type: "string", format: "binary" };

it("gives every operation its own operationId", () => {
  const ids = Object.values(paths).flatMap((operations) =>
    Object.values(operations).map((op) => (op as { operationId?: string }).operationId),
  );
  expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

describe("downloads", () => {
  it.each([
    ["/api/v1/exports/{exportId}/download", ["application/zip"]],
    ["/api/v1/reports/{reportId}/download", ["application/pdf"]],
    ["/api/v1/evidence/{evidenceId}/download", ["application/octet-stream"]],
    ["/api/v1/audit-log", ["application/x-ndjson", "text/csv"]],
    ["/api/v1/duties/export", ["text/csv"]],
    ["/api/v1/systems/export", ["text/csv"]],
    ["/api/v1/systems/import/template", ["text/csv"]],
    ["/api/v1/gaps/export", ["text/csv"]],
    ["/api/v1/coverage/references/export", ["text/csv"]],
  ])("GET %s answers %j as binary, not JSON", (path, types) => {
    const content = operation("get", path).responses["200"]!.content!;
    expect(Object.keys(content)).toEqual(types);
    for (const type of types) expect(content[type]!.schema).toEqual(binary);
  });

  it("errors of a download are still JSON", () => {
    const content = operation("get", "/api/v1/exports/{exportId}/download").responses["404"]!
      .content!;
    expect(Object.keys(content)).toEqual(["application/json"]);
  });

  it("every success answer is either JSON or a binary file", () => {
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"))!;
        const content = success[1].content!;
        if (Object.keys(content).includes("application/json")) {
          expect(Object.keys(content), `${method} ${path}`).toEqual(["application/json"]);
          expect(content["application/json"]!.schema, `${method} ${path}`).not.toEqual(binary);
        } else {
          for (const media of Object.values(content)) {
            expect(media.schema, `${method} ${path}`).toEqual(binary);
          }
        }
      }
    }
  });
});

describe("duty paths", () => {
  it.each([
    ["get", "/api/v1/duties", "List duties"],
    ["get", "/api/v1/duties/{dutyId}", "Get a duty"],
    ["patch", "/api/v1/duties/{dutyId}", "Update a duty"],
    ["put", "/api/v1/evidence/{evidenceId}/duties/{dutyId}", "Link an evidence item to a duty"],
  ])("%s %s is primary: %s", (method, path, summary) => {
    const op = operation(method, path);
    expect(op.summary.startsWith(summary)).toBe(true);
    expect(op.deprecated).toBeUndefined();
    expect(op.tags).not.toContain("Responsibilities");
  });

  it.each([
    ["get", "/api/v1/responsibilities", "GET /api/v1/duties"],
    ["patch", "/api/v1/responsibilities/parts/{dutyId}", "PATCH /api/v1/duties/{dutyId}"],
    [
      "put",
      "/api/v1/evidence/{evidenceId}/parts/{dutyId}",
      "PUT /api/v1/evidence/{evidenceId}/duties/{dutyId}",
    ],
    [
      "delete",
      "/api/v1/evidence/{evidenceId}/parts/{dutyId}",
      "DELETE /api/v1/evidence/{evidenceId}/duties/{dutyId}",
    ],
  ])("%s %s is deprecated in favour of %s", (method, path, successor) => {
    const op = operation(method, path);
    expect(op.deprecated).toBe(true);
    expect(op.description).toContain(`use ${successor} instead`);
    const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"))![1];
    expect(Object.keys(success.headers ?? {})).toEqual(["Deprecation", "Link"]);
  });

  it("no summary or tag speaks of parts", () => {
    const words = Object.values(paths)
      .flatMap((operations) => Object.values(operations))
      .flatMap((op) => [op.summary, ...op.tags]);
    expect(words.filter((text) => /\bparts?\b/i.test(text))).toEqual([]);
  });
});
