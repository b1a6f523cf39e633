// Two workspaces: every dashboard page, the gaps JSON and CSV routes and the coverage actions
// answer 404 for the other workspace's slug or domain and leak nothing; for the own workspace
// they give the engine's numbers (so the 404s cannot come from refusing everyone).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import HeatmapPage from "@/app/(app)/w/[workspaceSlug]/coverage/heatmap/page";
import DomainPage, {
  generateMetadata as domainMetadata,
} from "@/app/(app)/w/[workspaceSlug]/domains/[domainKey]/page";
import { GET as gapsData } from "@/app/(app)/w/[workspaceSlug]/gaps/data/route";
import { GET as gapsCsv } from "@/app/(app)/w/[workspaceSlug]/gaps/export/route";
import GapsPage from "@/app/(app)/w/[workspaceSlug]/gaps/page";
import * as coverageActions from "@/lib/actions/coverage";
import { setSessionForTests } from "@/lib/auth/session";
import { parseCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db/client";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import type { GapsPageData } from "@/lib/view/dashboard/types";
import { expectNotFound } from "@/tests/support/identity-fixtures";

import {
  buildDashboardSide,
  type DashboardSide,
  routeContext,
  serialise,
} from "./dashboard-fixtures";

let a: DashboardSide;
let b: DashboardSide;
beforeAll(async () => {
  a = await buildDashboardSide("Alpha");
  b = await buildDashboardSide("Bravo", { domainPrefix: "b_" });
});
beforeEach(() => setSessionForTests(a.viewer.id));
afterEach(() => setSessionForTests(undefined));

const page = (slug: string, search: Record<string, string> = {}) => ({
  params: Promise.resolve({ workspaceSlug: slug }),
  searchParams: Promise.resolve(search),
});
const domainPage = (slug: string, domainKey: string) => ({
  params: Promise.resolve({ workspaceSlug: slug, domainKey }),
  searchParams: Promise.resolve({}),
});
const get = (path: string) => new Request(`http://localhost${path}`);

async function gapsJson(slug: string, query = "") {
  const response = await gapsData(
    get(`/w/${slug}/gaps/data${query}`),
    routeContext({ workspaceSlug: slug }),
  );
  return { status: response.status, body: (await response.json()) as GapsPageData };
}

describe("pages of the other workspace", () => {
  it("answer 404 and leak nothing", async () => {
    const slug = b.workspace.slug;
    await expectNotFound(() => GapsPage(page(slug)));
    await expectNotFound(() => HeatmapPage(page(slug)));
    await expectNotFound(() => DomainPage(domainPage(slug, "b_governance")));
    expect(await domainMetadata(domainPage(slug, "b_governance"))).toEqual({
      title: "Page not found",
    });
  });

  it("a domain only the other workspace has answers 404 in one's own workspace", async () => {
    await expectNotFound(() => DomainPage(domainPage(a.workspace.slug, "b_governance")));
  });
});

describe("pages of one's own workspace", () => {
  it("render the engine's gap list, filtered by the URL", async () => {
    const text = serialise(
      await GapsPage(page(a.workspace.slug, { reason: "NO_OWNER", page: "1" })),
    );
    const gaps = await getGapList({ workspaceId: a.workspace.id, filters: { reason: "NO_OWNER" } });
    expect(gaps.total).toBeGreaterThan(0);
    expect(text).toContain(`"total":${gaps.total}`);
    for (const gap of gaps.rows) expect(text).toContain(gap.dutyId);
    expect(text).not.toContain("Bravo");
  });

  it("ignore invalid filter values instead of failing", async () => {
    const text = serialise(
      await GapsPage(page(a.workspace.slug, { reason: "DROP TABLE", page: "-3" })),
    );
    expect(text).toContain(`"total":${(await getGapList({ workspaceId: a.workspace.id })).total}`);
  });

  it("render the domain page and the full heat map", async () => {
    const domain = serialise(await DomainPage(domainPage(a.workspace.slug, "data")));
    expect(domain).toContain("Alpha Chatbot");
    expect(domain).not.toContain("Bravo");
    const coverage = await getCoverage({
      workspaceId: a.workspace.id,
      scope: { domainKeys: ["data"] },
    });
    expect(domain).toContain(
      `"coveredDuties":${coverage.coveredDuties},"customerDuties":${coverage.customerDuties}`,
    );
    const heatmap = serialise(await HeatmapPage(page(a.workspace.slug)));
    expect(heatmap).toContain("Alpha Chatbot");
    expect(heatmap).not.toContain("Alpha Archived");
    expect(heatmap).not.toContain("Bravo");
  });
});

describe("gaps JSON route", () => {
  it("returns the engine's page for the filters in the query string", async () => {
    for (const query of [
      "",
      "?critical=true",
      "?domain=data",
      "?ownerId=none",
      "?riskTier=CRITICAL",
      "?model=saas&reason=NO_ATTESTATION",
    ]) {
      const { status, body } = await gapsJson(a.workspace.slug, query);
      expect(status, query).toBe(200);
      const params = new URLSearchParams(query);
      const filters = Object.fromEntries(params);
      const engine = await getGapList({
        workspaceId: a.workspace.id,
        filters: {
          ...filters,
          critical: filters.critical === undefined ? undefined : filters.critical === "true",
          ownerId: filters.ownerId === "none" ? null : filters.ownerId,
        } as never,
        limit: 25,
      });
      expect(body.total, query).toBe(engine.total);
      expect(
        body.rows.map((r) => r.dutyId),
        query,
      ).toEqual(engine.rows.map((r) => r.dutyId));
    }
  });

  it("answers 404 for the other workspace and 401 without a session", async () => {
    const other = await gapsJson(b.workspace.slug);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain("Bravo");
    setSessionForTests(null);
    expect((await gapsJson(a.workspace.slug)).status).toBe(401);
  });

  it("a filter naming the other workspace's domain finds nothing", async () => {
    const { body } = await gapsJson(a.workspace.slug, "?domain=b_data");
    expect(body.total).toBe(0);
  });
});

describe("gaps CSV route", () => {
  async function csv(slug: string, query = "") {
    return gapsCsv(get(`/w/${slug}/gaps/export${query}`), routeContext({ workspaceSlug: slug }));
  }

  it("exports every filtered gap, formula-safe", async () => {
    const response = await csv(a.workspace.slug, "?page=9");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await response.text();
    const parsed = parseCsv(text);
    const engine = await getGapList({ workspaceId: a.workspace.id, limit: 1000 });
    expect(parsed.rows).toHaveLength(engine.total);
    // The system named "=Alpha Formula" is written as text, never as a formula.
    expect(text).toContain("'=Alpha Formula");
    expect(text).not.toMatch(/(^|,)=Alpha/m);
    expect(text).not.toContain("Bravo");
  });

  it("says which gaps are overdue: due before today (UTC)", async () => {
    const engine = await getGapList({ workspaceId: a.workspace.id, limit: 1000 });
    const late = engine.rows[0]!;
    await db.duty.update({
      where: { id: late.dutyId },
      data: { dueDate: new Date(Date.now() - 3 * 86_400_000) },
    });
    const parsed = parseCsv(await (await csv(a.workspace.slug)).text());
    const column = (name: string) => parsed.header.indexOf(name);
    const overdue = parsed.rows.filter((row) => row.cells[column("overdue")] === "yes");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.cells[column("system_id")]).toBe(late.systemId);
    expect(overdue[0]!.cells[column("domain_key")]).toBe(late.domainKey);
    expect(parsed.rows.filter((row) => row.cells[column("overdue")] === "no")).toHaveLength(
      engine.total - 1,
    );
    await db.duty.update({ where: { id: late.dutyId }, data: { dueDate: late.dueDate } });
  });

  it("applies the filters and answers 404 for the other workspace", async () => {
    const filtered = parseCsv(await (await csv(a.workspace.slug, "?critical=true")).text());
    const engine = await getGapList({ workspaceId: a.workspace.id, filters: { critical: true } });
    expect(filtered.rows).toHaveLength(engine.total);
    const other = await csv(b.workspace.slug);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Bravo");
  });
});

describe("coverage server actions", () => {
  it("return the engine's coverage and gaps for one's own workspace", async () => {
    const result = await coverageActions.getCoverageAction(a.workspace.slug, { groupBy: "domain" });
    expect(result.data?.summary).toEqual(await getCoverage({ workspaceId: a.workspace.id }));
    expect(result.data?.groups).toEqual(
      await getCoverageBy({ workspaceId: a.workspace.id, groupBy: "domain" }),
    );
    const gaps = await coverageActions.listGapsAction(a.workspace.slug, { reason: "NO_OWNER" });
    expect(gaps.data?.total).toBe(
      (await getGapList({ workspaceId: a.workspace.id, filters: { reason: "NO_OWNER" } })).total,
    );
  });

  it("answer 404 for the other workspace's slug; its ids in the scope count nothing", async () => {
    for (const result of [
      await coverageActions.getCoverageAction(b.workspace.slug, {}),
      await coverageActions.listGapsAction(b.workspace.slug, {}),
    ]) {
      expect(result.serverError).toMatchObject({ code: "NOT_FOUND" });
      expect(JSON.stringify(result)).not.toContain("Bravo");
    }
    const scoped = await coverageActions.getCoverageAction(a.workspace.slug, {
      systemIds: [b.systems.first.id],
    });
    expect(scoped.data?.summary.totalDuties).toBe(0);
    const gaps = await coverageActions.listGapsAction(a.workspace.slug, {
      scope: { systemIds: [b.systems.first.id] },
    });
    expect(gaps.data).toEqual({ total: 0, rows: [] });
  });
});
