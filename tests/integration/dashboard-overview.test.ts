// The overview loader's numbers are the engine's (getCoverage, getCoverageBy, getGapList,
// getHeatmap, snapshots), for a seeded workspace; another workspace's data never shows; the
// per-revision cache serves repeated requests and shows a change within its staleness bound.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { getHeatmap } from "@/lib/server/coverage/get-heatmap";
import { takeDailySnapshot } from "@/lib/server/coverage/take-daily-snapshot";
import { loadSystemCoverage } from "@/lib/server/dashboard/load-system-coverage";
import {
  loadWorkspaceOverview,
  OVERVIEW_OWNERS_PAGE_SIZE,
  OVERVIEW_TOP_GAPS,
  overviewView,
} from "@/lib/server/dashboard/load-workspace-overview";
import { cachedPerRevision, MAX_STALENESS_MS } from "@/lib/server/dashboard/overview-cache";
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
    expect(overview.summary).toMatchObject({ totalDuties: 5, coveredDuties: 1 });
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
    expect(overview.topGaps.rows.map((g) => g.dutyId)).toEqual(gaps.rows.map((g) => g.dutyId));
    expect(overview.topGaps.rows[0]).toMatchObject({
      critical: true,
      reasons: ["NO_OWNER", "NOT_IMPLEMENTED", "NO_CURRENT_EVIDENCE"],
    });

    const owners = await getCoverageBy({ workspaceId, now: NOW, groupBy: "owner" });
    expect(overview.owners.map((o) => [o.ownerId, o.openDuties]).sort()).toEqual(
      owners
        .filter((o) => o.totalDuties > o.coveredDuties)
        .map((o) => [o.key, o.totalDuties - o.coveredDuties])
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

  it("counts gaps by due date and overdue plans, by the overdue rule, in its own workspace", async () => {
    const workspaceId = a.workspace.id;
    const gaps = (await getGapList({ workspaceId, now: NOW, limit: 100 })).rows;
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000);
    const saved = gaps.map((g) => ({ id: g.dutyId, dueDate: g.dueDate }));
    // Late by two days; due tomorrow; due in 40 days (outside the 30); and a covered duty that
    // is late counts nowhere (only gaps are work).
    await db.duty.update({ where: { id: gaps[0]!.dutyId }, data: { dueDate: day(-2) } });
    await db.duty.update({ where: { id: gaps[1]!.dutyId }, data: { dueDate: day(1) } });
    await db.duty.update({ where: { id: gaps[2]!.dutyId }, data: { dueDate: day(40) } });
    const gapIds = new Set(gaps.map((g) => g.dutyId));
    const covered = await db.duty.findFirstOrThrow({
      where: { workspaceId, id: { notIn: [...gapIds] } },
    });
    await db.duty.update({ where: { id: covered.id }, data: { dueDate: day(-5) } });
    await db.actionPlan.create({
      data: { workspaceId, title: "Late plan", dueDate: day(-1), status: "IN_PROGRESS" },
    });
    await db.actionPlan.create({
      data: { workspaceId: b.workspace.id, title: "Other late plan", dueDate: day(-1) },
    });
    try {
      const { due } = await loadWorkspaceOverview({ workspaceId, now: NOW });
      expect(due).toMatchObject({ days: 30, overdueGaps: 1, dueSoonGaps: 1, overduePlans: 1 });
      expect(due.next.map((g) => g.dutyId)).toEqual([gaps[1]!.dutyId]);
      expect(
        (await loadWorkspaceOverview({ workspaceId: b.workspace.id, now: NOW })).due,
      ).toMatchObject({ overdueGaps: 0, overduePlans: 1 });
    } finally {
      for (const row of saved)
        await db.duty.update({ where: { id: row.id }, data: { dueDate: row.dueDate } });
      await db.duty.update({ where: { id: covered.id }, data: { dueDate: covered.dueDate } });
      await db.actionPlan.deleteMany({
        where: { title: { in: ["Late plan", "Other late plan"] } },
      });
    }
  });

  it("shows the daily snapshots (taken by the scheduled job) in the trend", async () => {
    await takeDailySnapshot({ workspaceId: a.workspace.id, now: NOW, replace: false });
    const overview = await loadWorkspaceOverview({ workspaceId: a.workspace.id, now: NOW });
    const today = overview.trend.find((p) => p.day === NOW.toISOString().slice(0, 10));
    expect(today).toMatchObject({ totalDuties: 5, coveredDuties: 1, coverage: 0.2 });
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

  it("pages the owners on the server and sends only what the page draws", async () => {
    const overview = await loadWorkspaceOverview({ workspaceId: a.workspace.id, now: NOW });
    expect(overview.owners.length).toBeGreaterThan(0);
    const view = overviewView(overview, { ownersPage: 1 });
    expect(view.owners).toEqual({
      total: overview.owners.length,
      page: 1,
      pageCount: Math.ceil(overview.owners.length / OVERVIEW_OWNERS_PAGE_SIZE),
      pageSize: OVERVIEW_OWNERS_PAGE_SIZE,
      rows: overview.owners.slice(0, OVERVIEW_OWNERS_PAGE_SIZE),
    });
    // A page past the end shows the last page, not an empty table.
    expect(overviewView(overview, { ownersPage: 999 }).owners.page).toBe(view.owners.pageCount);
    // The trend keeps only the drawn fields (the test above took today's snapshot).
    expect(view.trend.length).toBeGreaterThan(0);
    for (const point of view.trend)
      expect(Object.keys(point).sort()).toEqual([
        "coverage",
        "coveredDuties",
        "day",
        "totalDuties",
      ]);
    expect(view).not.toHaveProperty("labels");
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

  it("serves repeated requests from the cache and shows an audited change within its bound", async () => {
    const workspaceId = a.workspace.id;
    const first = await loadWorkspaceOverview({ workspaceId });
    expect(await loadWorkspaceOverview({ workspaceId })).toBe(first);
    // A change as the app makes it: the part and an audit event in one transaction.
    await workspaceTransaction(workspaceId, "test.overviewChange", async (tx) => {
      await tx.duty.updateMany({
        where: { workspaceId, systemId: a.systems.first.id, domainKey: "agents" },
        data: { ownerId: "owner-ada" },
      });
      await recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "responsibility.update",
        entityType: "Duty",
      });
    });
    // Once the staleness bound has passed, the next request waits for a fresh computation.
    await new Promise((resolve) => setTimeout(resolve, MAX_STALENESS_MS + 50));
    const after = await loadWorkspaceOverview({ workspaceId });
    expect(after).not.toBe(first);
    expect(after.summary).toEqual(await getCoverage({ workspaceId }));
    expect(after.summary.ownedRate).toBeGreaterThan(first.summary.ownedRate ?? 0);
  });
});

describe("per-revision cache with bounded staleness", () => {
  // A counter stands in for the overview: each computation returns the next number, so which
  // computation a request got is visible. The revision is the workspace's real audit head.
  let clock = 0;
  const calls: boolean[] = [];
  let pending: ((value: number) => void)[] = [];
  const compute = (background: boolean) => {
    calls.push(background);
    return new Promise<number>((resolve) => pending.push(resolve));
  };
  const finish = async () => {
    const now = pending;
    pending = [];
    now.forEach((resolve, index) => resolve(calls.length - now.length + index + 1));
    await new Promise((resolve) => setImmediate(resolve));
  };
  // A read asks the database for the revision before it may start a computation.
  const computations = async (count: number) => {
    while (calls.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const read = (workspaceId: string) =>
    cachedPerRevision({ workspaceId, name: `test-${workspaceId}`, compute });
  const write = (workspaceId: string) =>
    workspaceTransaction(workspaceId, "test.write", (tx) =>
      recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: "test.write",
        entityType: "Workspace",
      }),
    );

  beforeAll(() => {
    clock = Date.UTC(2026, 11, 7, 10, 0, 0);
    vi.useFakeTimers({ toFake: ["Date"], now: clock });
  });
  afterAll(() => vi.useRealTimers());
  const advance = (ms: number) => {
    clock += ms;
    vi.setSystemTime(clock);
  };

  it("serves a recent value after a write while one refresh runs, then the refreshed one", async () => {
    const workspaceId = b.workspace.id;
    const firstRead = read(workspaceId);
    await computations(1);
    await finish();
    expect(await firstRead).toBe(1);
    expect(await read(workspaceId)).toBe(1);
    expect(calls).toEqual([false]);

    await write(workspaceId);
    advance(200);
    // Within the bound: the previous value at once, and one background refresh however many ask.
    expect(await read(workspaceId)).toBe(1);
    expect(await read(workspaceId)).toBe(1);
    expect(calls).toEqual([false, true]);
    await finish();
    expect(await read(workspaceId)).toBe(2);
  });

  it("with no refresh running, never serves a value older than the bound after a write", async () => {
    const workspaceId = b.workspace.id;
    const before = calls.length;
    await write(workspaceId);
    advance(MAX_STALENESS_MS + 1);
    const waiting = read(workspaceId);
    await computations(before + 1);
    await finish();
    // The request waited for a new computation (not a background one) and got its value.
    expect(await waiting).toBe(calls.length);
    expect(calls.slice(before)).toEqual([false]);
  });

  it("shares a workspace's first computation with every request, however long it takes", async () => {
    const workspaceId = a.workspace.id;
    const before = calls.length;
    const first = read(workspaceId);
    await computations(before + 1);
    advance(MAX_STALENESS_MS * 5);
    const second = read(workspaceId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.length).toBe(before + 1);
    await finish();
    expect(await second).toBe(await first);
  });

  it("serves the previous value, however old, while a refresh is under way", async () => {
    const workspaceId = b.workspace.id;
    const previous = await read(workspaceId);
    const before = calls.length;
    await write(workspaceId);
    advance(MAX_STALENESS_MS * 3);
    // Too old and nothing running: this request starts a computation and waits for it ...
    const waiting = read(workspaceId);
    await computations(before + 1);
    // ... and one arriving meanwhile gets the previous value at once instead of queueing.
    expect(await read(workspaceId)).toBe(previous);
    expect(calls.length).toBe(before + 1);
    await finish();
    const refreshed = await waiting;
    expect(refreshed).toBe(calls.length);
    expect(refreshed).not.toBe(previous);
    expect(await read(workspaceId)).toBe(refreshed);
  });

  it("without a write, serves the same value within the minute and refreshes after it", async () => {
    const workspaceId = b.workspace.id;
    const before = calls.length;
    const current = await read(workspaceId);
    advance(30_000);
    expect(await read(workspaceId)).toBe(current);
    expect(calls.length).toBe(before);
    advance(31_000);
    // A new minute: a value far older than the bound is not served, a fresh one is computed.
    const next = read(workspaceId);
    await computations(before + 1);
    await finish();
    expect(await next).toBe(current + 1);
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
    expect(data.domains.flatMap((d) => d.gaps.map((g) => g.dutyId)).sort()).toEqual(
      gaps.rows.map((g) => g.dutyId).sort(),
    );
  });

  it("gives nothing for another workspace's system id", async () => {
    const data = await loadSystemCoverage({
      workspaceId: a.workspace.id,
      systemId: b.systems.first.id,
      now: NOW,
    });
    expect(data.summary.totalDuties).toBe(0);
    expect(data.domains).toEqual([]);
  });
});
