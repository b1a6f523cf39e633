// Daily coverage snapshots: one row per workspace per UTC day, equal to the engine's coverage at
// that instant; the first-request path never overwrites; the trend reads a window of days.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { getTrend } from "@/lib/server/coverage/get-trend";
import { ensureTodaySnapshot, takeDailySnapshot } from "@/lib/server/coverage/take-daily-snapshot";
import { at, NOW, snapshotBuilder, writeWorkspace } from "@/tests/support/coverage-fixtures";

async function workspaceWithOneGap() {
  const ws = snapshotBuilder();
  const [part] = ws.addDuty({ system: ws.addSystem(), value: "C" });
  const [covered] = ws.addDuty({ system: ws.addSystem(), value: "C" });
  Object.assign(covered!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
  ws.addLink(covered!, ws.addEvidence());
  const workspaceId = await writeWorkspace(ws);
  return { workspaceId, gapPartId: part!.id };
}

const rows = (workspaceId: string) =>
  db.coverageSnapshot.findMany({ where: { workspaceId }, orderBy: { day: "asc" } });

describe("daily coverage snapshots", () => {
  it("stores the engine's coverage once per day, refreshed by a second call that day", async () => {
    const { workspaceId, gapPartId } = await workspaceWithOneGap();
    expect(await takeDailySnapshot({ workspaceId, now: NOW })).toBe(true);
    const coverage = await getCoverage({ workspaceId, now: NOW });
    expect(await rows(workspaceId)).toEqual([
      expect.objectContaining({
        day: new Date("2026-03-15T00:00:00Z"),
        totalParts: coverage.totalParts,
        coveredParts: coverage.coveredParts,
        ownedRate: coverage.ownedRate,
        implementedRate: coverage.implementedRate,
        evidencedRate: coverage.evidencedRate,
        providerAssuredRate: coverage.providerAssuredRate,
      }),
    ]);

    await db.responsibilityPart.update({
      where: { id: gapPartId, workspaceId },
      data: { status: "NOT_APPLICABLE", ownerId: "owner-bo", justification: "not used" },
    });
    await takeDailySnapshot({ workspaceId, now: new Date(NOW.getTime() + 3_600_000) });
    const [today] = await rows(workspaceId);
    expect(await rows(workspaceId)).toHaveLength(1);
    expect(today).toMatchObject({ totalParts: 2, coveredParts: 2 });
  });

  it("the first-request path creates today's row once and never overwrites it", async () => {
    const { workspaceId, gapPartId } = await workspaceWithOneGap();
    await Promise.all([
      ensureTodaySnapshot(workspaceId, NOW),
      ensureTodaySnapshot(workspaceId, NOW),
    ]);
    expect(await rows(workspaceId)).toEqual([expect.objectContaining({ coveredParts: 1 })]);

    await db.responsibilityPart.update({
      where: { id: gapPartId, workspaceId },
      data: { status: "NOT_APPLICABLE", ownerId: "owner-bo", justification: "not used" },
    });
    await ensureTodaySnapshot(workspaceId, NOW);
    expect(await rows(workspaceId)).toEqual([expect.objectContaining({ coveredParts: 1 })]);

    await ensureTodaySnapshot(workspaceId, at(1));
    expect((await rows(workspaceId)).map((r) => r.coveredParts)).toEqual([1, 2]);
  });

  it("the trend returns the window's days, oldest first, with coverage as a rate", async () => {
    const { workspaceId } = await workspaceWithOneGap();
    for (const days of [-40, -6, -1, 0]) await takeDailySnapshot({ workspaceId, now: at(days) });
    const trend = await getTrend({ workspaceId, days: 7, now: NOW });
    expect(trend.map((p) => p.day)).toEqual(["2026-03-09", "2026-03-14", "2026-03-15"]);
    expect(trend[0]).toMatchObject({ totalParts: 2, coveredParts: 1, coverage: 0.5 });
  });

  it("a snapshot of a workspace without duties has null rates", async () => {
    const workspaceId = await writeWorkspace(snapshotBuilder());
    await takeDailySnapshot({ workspaceId, now: NOW });
    expect(await getTrend({ workspaceId, days: 1, now: NOW })).toEqual([
      expect.objectContaining({ totalParts: 0, coverage: null, ownedRate: null }),
    ]);
  });
});
