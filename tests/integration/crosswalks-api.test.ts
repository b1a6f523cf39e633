// The crosswalk and reference routes of /api/v1: two workspaces (each sees the built-ins and only
// its own imports), every role against import, the round trip through the API, the diff, related
// references of a domain, coverage by reference and the gap filter by reference.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as coverageByReferenceRoute } from "@/app/api/v1/coverage/references/route";
import { GET as diffRoute } from "@/app/api/v1/crosswalks/[key]/diff/route";
import { GET as versionRoute } from "@/app/api/v1/crosswalks/[key]/versions/[version]/route";
import { GET as listRoute, POST as importRoute } from "@/app/api/v1/crosswalks/route";
import { GET as gapsRoute } from "@/app/api/v1/gaps/route";
import { GET as referencesRoute } from "@/app/api/v1/references/route";
import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { db } from "@/lib/db/client";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import type { ReferenceCoverageReport } from "@/lib/view/crosswalks/references";

import { apiRequest, params, type StandardsSide, standardsSide } from "./standards-fixtures";

let a: StandardsSide;
let b: StandardsSide;
let builtIn: CrosswalkDefinition;

beforeAll(async () => {
  a = await standardsSide("Alpha");
  b = await standardsSide("Bravo");
  const response = await versionRoute(
    apiRequest("/api/v1/crosswalks/ai-srm-standards/versions/1.0.0", a.tokens.VIEWER),
    params({ key: "ai-srm-standards", version: "1.0.0" }),
  );
  expect(response.status).toBe(200);
  builtIn = (await response.json()) as CrosswalkDefinition;
});

/** B's own crosswalk: two edges, one catalogue. */
function bravoCrosswalk(version = "1"): CrosswalkDefinition {
  return {
    ...builtIn,
    key: "bravo-secret-map",
    name: "Bravo secret mapping",
    version,
    provenance: undefined,
    catalogues: [builtIn.catalogues[0]!],
    edges: [
      {
        framework: "ai-security-srm",
        row: "data_privacy",
        catalogue: "owasp-llm-top10",
        entry: "LLM07:2025",
        relationship: "intersects-with",
        rationale: "Bravo only.",
      },
    ],
  };
}

const post = (secret: string, body: unknown) =>
  importRoute(apiRequest("/api/v1/crosswalks", secret, { method: "POST", body }));

describe("import and export through the API", () => {
  it("lets admins import, refuses other roles, and keeps imports in their workspace", async () => {
    for (const role of ["EDITOR", "AUDITOR", "VIEWER"] as const) {
      expect((await post(b.tokens[role], { definition: bravoCrosswalk() })).status).toBe(403);
    }
    const created = await post(b.tokens.ADMIN, { definition: bravoCrosswalk() });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      status: "created",
      key: "bravo-secret-map",
      edges: 1,
    });
    expect((await post(b.tokens.ADMIN, { definition: bravoCrosswalk() })).status).toBe(200);

    const listA = await (await listRoute(apiRequest("/api/v1/crosswalks", a.tokens.VIEWER))).json();
    expect(JSON.stringify(listA)).not.toContain("bravo");
    const listB = await (await listRoute(apiRequest("/api/v1/crosswalks", b.tokens.VIEWER))).json();
    expect(listB.crosswalks.map((c: { key: string }) => c.key)).toEqual([
      "ai-srm-standards",
      "bravo-secret-map",
    ]);

    const stranger = await versionRoute(
      apiRequest("/api/v1/crosswalks/bravo-secret-map/versions/1", a.tokens.ADMIN),
      params({ key: "bravo-secret-map", version: "1" }),
    );
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain("Bravo only");
    const strangerDiff = await diffRoute(
      apiRequest("/api/v1/crosswalks/bravo-secret-map/diff?from=1&to=1", a.tokens.ADMIN),
      params({ key: "bravo-secret-map" }),
    );
    expect(strangerDiff.status).toBe(404);
  });

  it("refuses a file with unknown ids and relationships, naming each, and writes nothing", async () => {
    const bad = { ...bravoCrosswalk(), key: "alpha-bad" };
    bad.edges = [
      { ...bad.edges[0]!, entry: "LLM42:2025" },
      { ...bad.edges[0]!, row: "agent_governance", relationship: "related-to" },
    ];
    const response = await post(a.tokens.ADMIN, { definition: bad });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; fields: Record<string, string[]> };
    };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.fields)).toEqual(["edges[0].entry", "edges[1].relationship"]);
    expect(await db.crosswalk.count({ where: { key: "alpha-bad" } })).toBe(0);
  });

  it("export → import (YAML, new key) → export gives the same bytes", async () => {
    const yaml = await versionRoute(
      apiRequest("/api/v1/crosswalks/ai-srm-standards/versions/1.0.0?format=yaml", a.tokens.VIEWER),
      params({ key: "ai-srm-standards", version: "1.0.0" }),
    );
    const text = await yaml.text();
    const renamed = text.replace(/^key: ai-srm-standards$/m, "key: alpha-copy");
    expect((await post(a.tokens.ADMIN, { content: renamed, format: "yaml" })).status).toBe(201);
    const again = await versionRoute(
      apiRequest("/api/v1/crosswalks/alpha-copy/versions/1.0.0?format=yaml", a.tokens.VIEWER),
      params({ key: "alpha-copy", version: "1.0.0" }),
    );
    expect(await again.text()).toBe(renamed);
  });

  it("diffs two versions, naming exactly the changed edge", async () => {
    const next = bravoCrosswalk("2");
    next.edges[0]!.relationship = "subset-of";
    expect((await post(b.tokens.ADMIN, { definition: next })).status).toBe(201);
    const response = await diffRoute(
      apiRequest("/api/v1/crosswalks/bravo-secret-map/diff?from=1&to=2", b.tokens.VIEWER),
      params({ key: "bravo-secret-map" }),
    );
    expect(response.status).toBe(200);
    const diff = await response.json();
    expect(diff).toMatchObject({ hasChanges: true, addedEdges: [], removedEdges: [] });
    expect(diff.changedEdges).toEqual([
      {
        framework: "ai-security-srm",
        row: "data_privacy",
        catalogue: "owasp-llm-top10",
        entry: "LLM07:2025",
        changes: [{ field: "relationship", from: "intersects-with", to: "subset-of" }],
      },
    ]);
  });
});

describe("references and coverage by reference", () => {
  it("lists a domain's references from the workspace's own crosswalks only", async () => {
    const get = async (secret: string) =>
      (await (
        await referencesRoute(apiRequest("/api/v1/references?domain=data_privacy", secret))
      ).json()) as {
        frameworks: { framework: string; references: { entry: string; crosswalk: string }[] }[];
      };
    const mine = await get(b.tokens.VIEWER);
    const theirs = await get(a.tokens.VIEWER);
    const entries = (body: typeof mine) =>
      body.frameworks.flatMap((f) => f.references.map((r) => `${r.crosswalk}/${r.entry}`));
    expect(entries(mine)).toContain("bravo-secret-map/LLM07:2025");
    expect(entries(theirs)).toContain("ai-srm-standards/LLM02:2025");
    expect(entries(theirs).some((e) => e.startsWith("bravo"))).toBe(false);
    const agents = await (
      await referencesRoute(
        apiRequest("/api/v1/references?domain=agent_governance", a.tokens.VIEWER),
      )
    ).json();
    expect(agents.frameworks[0].references).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          catalogue: "owasp-llm-top10",
          entry: "LLM06:2025",
          relationship: "superset-of",
        }),
      ]),
    );
    expect((await referencesRoute(apiRequest("/api/v1/references", a.tokens.VIEWER))).status).toBe(
      400,
    );
  });

  it("answers coverage by reference for the token's workspace", async () => {
    const response = await coverageByReferenceRoute(
      apiRequest("/api/v1/coverage/references?catalogue=owasp-llm-top10", a.tokens.VIEWER),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReferenceCoverageReport;
    const expected = await loadReferenceCoverage({
      workspaceId: a.workspace.id,
      catalogue: "owasp-llm-top10",
    });
    expect({ ...body, computedAt: "" }).toEqual({ ...expected, computedAt: "" });
    expect(body.catalogues).toHaveLength(1);
    const llm06 = body.catalogues[0]!.entries.find((e) => e.id === "LLM06:2025")!;
    expect(llm06.summary.totalDuties).toBeGreaterThan(0);
    expect(llm06.domains.map((d) => d.row)).toContain("agent_governance");
    // A's figures are not B's: every duty counted belongs to A's two systems.
    const parts = await db.duty.count({ where: { workspaceId: a.workspace.id } });
    expect(body.catalogues[0]!.summary.totalDuties).toBeLessThanOrEqual(parts);
    expect(JSON.stringify(body)).not.toContain("bravo");
  });

  it("filters gaps by reference, and refuses a malformed reference", async () => {
    const url = "/api/v1/gaps?reference=owasp-llm-top10:LLM06:2025&limit=500";
    const response = await gapsRoute(apiRequest(url, a.tokens.VIEWER));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { domainKey: string; systemName: string }[];
      total: number;
    };
    const llm06Rows = builtIn.edges
      .filter((e) => e.catalogue === "owasp-llm-top10" && e.entry === "LLM06:2025")
      .map((e) => e.row);
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(llm06Rows).toContain(item.domainKey);
      expect(item.systemName.startsWith("Alpha")).toBe(true);
    }
    const all = await getGapList({ workspaceId: a.workspace.id, limit: 10_000 });
    expect(body.total).toBe(all.rows.filter((g) => llm06Rows.includes(g.domainKey)).length);
    expect(
      (await gapsRoute(apiRequest("/api/v1/gaps?reference=LLM06", a.tokens.VIEWER))).status,
    ).toBe(400);
    const unknown = await gapsRoute(
      apiRequest("/api/v1/gaps?reference=owasp-llm-top10:LLM99:2025", a.tokens.VIEWER),
    );
    expect((await unknown.json()).total).toBe(0);
  });
});
