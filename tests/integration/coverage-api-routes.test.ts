// GET /api/v1/coverage and /api/v1/gaps: the engine's numbers for the token's workspace; another
// workspace's ids and domains in the filters count nothing; documented in the OpenAPI list.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as coverageRoute } from "@/app/api/v1/coverage/route";
import { GET as gapsRoute } from "@/app/api/v1/gaps/route";
import { API_ROUTE_SPECS } from "@/lib/server/api/route-specs";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";

import { bearer, buildDashboardSide, type DashboardSide } from "./dashboard-fixtures";

let a: DashboardSide;
let b: DashboardSide;
beforeAll(async () => {
  a = await buildDashboardSide("Alpha");
  b = await buildDashboardSide("Bravo", { domainPrefix: "b_" });
});

type CoverageBody = { summary: unknown; groups: unknown[] | null; groupBy: string | null };
type GapsBody = {
  items: { dutyId: string; systemName: string; dueDate: string | null }[];
  total: number;
};

async function coverage(query: string, secret: string | null = a.secret) {
  const response = await coverageRoute(bearer(`/api/v1/coverage${query}`, secret));
  return { status: response.status, body: (await response.json()) as CoverageBody };
}
async function gaps(query: string, secret: string | null = a.secret) {
  const response = await gapsRoute(bearer(`/api/v1/gaps${query}`, secret));
  return { status: response.status, body: (await response.json()) as GapsBody };
}

describe("GET /api/v1/coverage", () => {
  it("returns the engine's coverage for the workspace and for scopes", async () => {
    const workspaceId = a.workspace.id;
    expect((await coverage("")).body.summary).toEqual(await getCoverage({ workspaceId }));
    const first = a.systems.first.id;
    const second = a.systems.second.id;
    expect((await coverage(`?systemIds=${first},${second}`)).body.summary).toEqual(
      await getCoverage({ workspaceId, scope: { systemIds: [first, second] } }),
    );
    expect((await coverage("?domainKeys=data,agents&deploymentModel=saas")).body.summary).toEqual(
      await getCoverage({
        workspaceId,
        scope: { domainKeys: ["data", "agents"], deploymentModel: "saas" },
      }),
    );
    expect((await coverage("?ownerId=owner-bo")).body.summary).toEqual(
      await getCoverage({ workspaceId, scope: { ownerId: "owner-bo" } }),
    );
  });

  it("groups by every grouping the engine knows", async () => {
    for (const groupBy of ["system", "domain", "deploymentModel", "owner", "vendor"] as const) {
      const { status, body } = await coverage(`?groupBy=${groupBy}`);
      expect(status).toBe(200);
      expect(body.groups).toEqual(await getCoverageBy({ workspaceId: a.workspace.id, groupBy }));
    }
  });

  it("counts nothing of another workspace's systems or domains", async () => {
    const { body } = await coverage(`?systemIds=${b.systems.first.id}&groupBy=system`);
    expect(body.summary).toMatchObject({ totalDuties: 0, coverage: null });
    expect(body.groups).toEqual([]);
    expect((await coverage("?domainKeys=b_data")).body.summary).toMatchObject({ totalDuties: 0 });
    // B's own token sees B only.
    const own = await coverage("?groupBy=system", b.secret);
    expect(JSON.stringify(own.body)).toContain("Bravo Chatbot");
    expect(JSON.stringify(own.body)).not.toContain("Alpha");
  });

  it("refuses bad input and missing tokens", async () => {
    expect((await coverage("?groupBy=colour")).status).toBe(400);
    expect((await coverage("", null)).status).toBe(401);
  });
});

describe("GET /api/v1/gaps", () => {
  it("returns the engine's gap list with filters and pagination", async () => {
    const workspaceId = a.workspace.id;
    const all = await getGapList({ workspaceId, limit: 500 });
    const firstPage = await gaps("?limit=2");
    expect(firstPage.body.total).toBe(all.total);
    expect(firstPage.body.items.map((g) => g.dutyId)).toEqual(
      all.rows.slice(0, 2).map((g) => g.dutyId),
    );
    const secondPage = await gaps("?limit=2&offset=2");
    expect(secondPage.body.items.map((g) => g.dutyId)).toEqual(
      all.rows.slice(2, 4).map((g) => g.dutyId),
    );
    const filtered = await gaps("?reason=NO_ATTESTATION&critical=false&riskTier=HIGH&model=saas");
    const engine = await getGapList({
      workspaceId,
      filters: { reason: "NO_ATTESTATION", critical: false, riskTier: "HIGH", model: "saas" },
    });
    expect(filtered.body.total).toBe(engine.total);
    expect(filtered.body.total).toBeGreaterThan(0);
    expect((await gaps("?ownerId=none")).body.total).toBe(
      (await getGapList({ workspaceId, filters: { ownerId: null } })).total,
    );
  });

  it("finds nothing through another workspace's ids or domains", async () => {
    expect((await gaps(`?systemIds=${b.systems.first.id}`)).body).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await gaps("?domain=b_data")).body.total).toBe(0);
    const text = JSON.stringify((await gaps("?limit=500")).body);
    expect(text).not.toContain("Bravo");
  });

  it("refuses bad filters and missing tokens", async () => {
    expect((await gaps("?reason=BROKEN")).status).toBe(400);
    expect((await gaps("?limit=100000")).status).toBe(400);
    expect((await gaps("", null)).status).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents both routes", () => {
    const paths = API_ROUTE_SPECS.map((spec) => `${spec.method} ${spec.path}`);
    expect(paths).toContain("GET /api/v1/coverage");
    expect(paths).toContain("GET /api/v1/gaps");
  });
});
