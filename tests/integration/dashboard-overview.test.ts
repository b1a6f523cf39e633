// The overview loader's numbers are the engine's (getCoverage, getCoverageBy, getGapList,
// getHeatmap, snapshots), for a seeded workspace; another workspace's data never shows; the
// per-revision cache serves repeated requests and recomputes after a change.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap } from "@/lib/server/coverage/get-heatmap";
import { takeDailySnapshot } from "@/lib/server/coverage/take-daily-snapshot";
import { loadSystemCoverage } from "@/lib/server/dashboard/load-system-coverage";
import {
  loadWorkspaceOverview,
  OVERVIEW_TOP_GAPS,
} from "@/lib/server/dashboard/load-workspace-overview";
import { NOW } from "@/tests/support/coverage-fixtures";

import { buildDashboardSide, type DashboardSide, serialise } from "./dashboard-fixtures";

let a: DashboardSide;
let b: DashboardSide;
beforeAll(async () => {
  a = await buildDashboardSide("Alpha");
  b = await buildDashboardSide("Bravo", { domainPrefix: "b_" });
});

describe("workspace overview loader", () => {
  it("shows exactly the engine's numbers", async () => {
    const workspaceId = a.workspace.id;
    const overview = await loadWorkspaceOverview({ workspaceId, now: NOW });
    expect(overview.summary).toEqual(await getCoverage({ workspaceId, now: NOW }));
    expect(overview.summary).toMatchObject({ totalParts: 5, coveredParts: 1 });
    expect(overview.activeSystems).toBe(2);

    expect(overview.byDomain.map((d) => d.key).sort()).toEqual(["agents", "data", "governance"]);
    for (const row of overview.byDomain) {
      expect(row).toMatchObject(
        await getCoverage({ workspaceId, now: NOW, scope: { domainKeys: [row.key] } }),
      );
    }
    expect(overview.byModel.map((m) => m.key).sort()).toEqual(["agents", "paas", "saas"]);
    for (const row of overview.byModel) {
      expect(row).toMatchObject(
        await getCoverage({ workspaceId, now: NOW, scope: { deploymentModel: row.key } }),
      );
    }

    const gaps = await getGapList({ workspaceId, now: NOW, limit: OVERVIEW_TOP_GAPS });
    expect(overview.topGaps.total).toBe(gaps.total);
    expect(overview.topGaps.rows.map((g) => g.partId)).toEqual(gaps.rows.map((g) => g.partId));
    expect(overview.topGaps.rows[0]).toMatchObject({
      critical: true,
      reasons: ["NO_OWNER", "NOT_IMPLEMENTED", "NO_CURRENT_EVIDENCE"],
    });

    const owners = await getCoverageBy({ workspaceId, now: NOW, groupBy: "owner" });
    expect(overview.owners.map((o) => [o.ownerId, o.openParts]).sort()).toEqual(
      owners
        .filter((o) => o.totalParts > o.coveredParts)
        .map((o) => [o.key, o.totalParts - o.coveredParts])
        .sort(),
    );

    const cells = await getHeatmap({ workspaceId, now: NOW });
    expect(
      overview.heatmap.rows
        .flatMap((r) => r.cells.map((c) => `${r.systemId}/${c.domainKey}/${c.state}`))
        .sort(),
    ).toEqual(cells.map((c) => `${c.systemId}/${c.domainKey}/${c.state}`).sort());
    expect(cells.find((c) => c.domainKey === "identity")?.state).toBe("not_applicable");
    expect(cells.find((c) => c.domainKey === "data")?.state).toBe("gap");
  });

  it("shows the daily snapshots (taken by the scheduled job) in the trend", async () => {
    await takeDailySnapshot({ workspaceId: a.workspace.id, now: NOW, replace: false });
    const overview = await loadWorkspaceOverview({ workspaceId: a.workspace.id, now: NOW });
    const today = overview.trend.find((p) => p.day === NOW.toISOString().slice(0, 10));
    expect(today).toMatchObject({ totalParts: 5, coveredParts: 1, coverage: 0.2 });
  });

  it("never shows the other workspace's systems, names or domains", async () => {
    const text = serialise(await loadWorkspaceOverview({ workspaceId: a.workspace.id, now: NOW }));
    expect(text).not.toContain("Bravo");
    expect(text).not.toContain("b_governance");
    for (const id of Object.values(b.systems).map((s) => s.id)) expect(text).not.toContain(id);
    const other = serialise(await loadWorkspaceOverview({ workspaceId: b.workspace.id, now: NOW }));
    expect(other).toContain("Bravo Chatbot");
    expect(other).not.toContain("Alpha");
  });

  it("shows an empty workspace as empty", async () => {
    const empty = await db.workspace.create({
      data: { slug: `empty-${Date.now()}`, name: "Empty" },
    });
    const overview = await loadWorkspaceOverview({ workspaceId: empty.id, now: NOW });
    expect(overview.activeSystems).toBe(0);
    expect(overview.summary.coverage).toBeNull();
    expect(overview.heatmap.rows).toEqual([]);
  });

  it("serves repeated requests from the cache and recomputes after an audited change", async () => {
    const workspaceId = a.workspace.id;
    const first = await loadWorkspaceOverview({ workspaceId });
    expect(await loadWorkspaceOverview({ workspaceId })).toBe(first);
    // A change as the app makes it: the part and an audit event in one go.
    await db.responsibilityPart.updateMany({
      where: { workspaceId, systemId: a.systems.first.id, domainKey: "agents" },
      data: { ownerId: "owner-ada" },
    });
    const seq = await db.auditEvent.count({ where: { workspaceId } });
    await db.auditEvent.create({
      data: {
        workspaceId,
        seq: seq + 1,
        actorType: "USER",
        actorLabel: "test",
        action: "responsibility.part.update",
        entityType: "ResponsibilityPart",
        diff: {},
        prevHash: "x",
        hash: "y",
      },
    });
    const after = await loadWorkspaceOverview({ workspaceId });
    expect(after).not.toBe(first);
    expect(after.summary).toEqual(await getCoverage({ workspaceId }));
    expect(after.summary.ownedRate).toBeGreaterThan(first.summary.ownedRate ?? 0);
  });
});

describe("system coverage loader", () => {
  it("gives one system's coverage domain by domain with every gap's reasons", async () => {
    const workspaceId = a.workspace.id;
    const systemId = a.systems.first.id;
    const data = await loadSystemCoverage({ workspaceId, systemId, now: NOW });
    expect(data.summary).toEqual(
      await getCoverage({ workspaceId, now: NOW, scope: { systemIds: [systemId] } }),
    );
    expect(data.domains.map((d) => d.domainKey)).toEqual(["agents", "data", "governance"]);
    const gaps = await getGapList({ workspaceId, now: NOW, scope: { systemIds: [systemId] } });
    expect(data.domains.flatMap((d) => d.gaps.map((g) => g.partId)).sort()).toEqual(
      gaps.rows.map((g) => g.partId).sort(),
    );
  });

  it("gives nothing for another workspace's system id", async () => {
    const data = await loadSystemCoverage({
      workspaceId: a.workspace.id,
      systemId: b.systems.first.id,
      now: NOW,
    });
    expect(data.summary.totalParts).toBe(0);
    expect(data.domains).toEqual([]);
  });
});
