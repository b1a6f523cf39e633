// Daily coverage snapshots: one row per workspace per UTC day, equal to the engine's coverage at
// that instant; the scheduled job takes the day's first and never overwrites it, however often it
// runs; the trend reads a window of days.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { getTrend } from "@/lib/server/coverage/get-trend";
import { coverageSnapshotJob, coverageSnapshotsJob } from "@/lib/server/coverage/snapshot-jobs";
import { takeDailySnapshot, utcDay } from "@/lib/server/coverage/take-daily-snapshot";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { at, NOW, snapshotBuilder, writeWorkspace } from "@/tests/support/coverage-fixtures";
import { waitFor } from "@/tests/support/job-queue";

async function workspaceWithOneGap() {
  const ws = snapshotBuilder();
  const [part] = ws.addDuty({ system: ws.addSystem(), value: "C" });
  const [covered] = ws.addDuty({ system: ws.addSystem(), value: "C" });
  Object.assign(covered!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
  ws.addLink(covered!, ws.addEvidence());
  const workspaceId = await writeWorkspace(ws);
  return { workspaceId, gapDutyId: part!.id };
}

const rows = (workspaceId: string) =>
  db.coverageSnapshot.findMany({ where: { workspaceId }, orderBy: { day: "asc" } });

describe("daily coverage snapshots", () => {
  it("stores the engine's coverage once per day, refreshed by a second call that day", async () => {
    const { workspaceId, gapDutyId } = await workspaceWithOneGap();
    expect(await takeDailySnapshot({ workspaceId, now: NOW })).toBe(true);
    const coverage = await getCoverage({ workspaceId, now: NOW });
    expect(await rows(workspaceId)).toEqual([
      expect.objectContaining({
        day: new Date("2026-03-15T00:00:00Z"),
        totalDuties: coverage.totalDuties,
        coveredDuties: coverage.coveredDuties,
        ownedRate: coverage.ownedRate,
        implementedRate: coverage.implementedRate,
        evidencedRate: coverage.evidencedRate,
        providerAssuredRate: coverage.providerAssuredRate,
      }),
    ]);

    await db.duty.update({
      where: { id: gapDutyId, workspaceId },
      data: { status: "NOT_APPLICABLE", ownerId: "owner-bo", justification: "not used" },
    });
    await takeDailySnapshot({ workspaceId, now: new Date(NOW.getTime() + 3_600_000) });
    const [today] = await rows(workspaceId);
    expect(await rows(workspaceId)).toHaveLength(1);
    expect(today).toMatchObject({ totalDuties: 2, coveredDuties: 2 });
  });

  it("the scheduled job takes each workspace's snapshot once a day, however often it runs", async () => {
    const first = await workspaceWithOneGap();
    const second = await workspaceWithOneGap();
    await startJobQueue({ work: true, kinds: [coverageSnapshotsJob, coverageSnapshotJob] });
    const today = new Date(`${utcDay(new Date())}T00:00:00Z`);
    const todays = async (workspaceId: string) =>
      db.coverageSnapshot.findMany({ where: { workspaceId, day: today } });
    const ours = new Set([first.workspaceId, second.workspaceId]);
    const snapshotJobs = async () =>
      (await (await jobQueue()).findJobs(coverageSnapshotJob.name)).filter(
        (job) =>
          job.state === "completed" && ours.has((job.data as { workspaceId: string }).workspaceId),
      );
    // Two runs (two processes, or the same occurrence twice): one row each, the first kept.
    await enqueueJob(coverageSnapshotsJob, {});
    await waitFor(async () => (await snapshotJobs()).length === 2, { what: "two snapshot jobs" });
    await db.duty.update({
      where: { id: first.gapDutyId, workspaceId: first.workspaceId },
      data: { status: "NOT_APPLICABLE", ownerId: "owner-bo", justification: "not used" },
    });
    await enqueueJob(coverageSnapshotsJob, {});
    await waitFor(async () => (await snapshotJobs()).length === 4, { what: "four snapshot jobs" });
    expect(await todays(first.workspaceId)).toEqual([
      expect.objectContaining({ totalDuties: 2, coveredDuties: 1 }),
    ]);
    expect(await todays(second.workspaceId)).toEqual([
      expect.objectContaining({ totalDuties: 2, coveredDuties: 1 }),
    ]);
  });

  it("takes nothing for a day that is over (a retry after midnight)", async () => {
    const { workspaceId } = await workspaceWithOneGap();
    await startJobQueue({ work: true, kinds: [coverageSnapshotsJob, coverageSnapshotJob] });
    const id = await enqueueJob(coverageSnapshotJob, { workspaceId, day: "2020-01-01" });
    await waitFor(
      async () =>
        (await (await jobQueue()).findJobs(coverageSnapshotJob.name, { id }))[0]?.state ===
        "completed",
      { what: "the late snapshot job" },
    );
    expect(await rows(workspaceId)).toEqual([]);
  });

  it("is scheduled from COVERAGE_SNAPSHOT_CRON in UTC, made up once after downtime", async () => {
    await startJobQueue({ work: true, kinds: [coverageSnapshotsJob, coverageSnapshotJob] });
    const schedule = await (await jobQueue()).getSchedule(coverageSnapshotsJob.name);
    expect(schedule).toMatchObject({
      cron: "5 0 * * *",
      timezone: "UTC",
      options: expect.objectContaining({ missed: "once" }),
    });
  });

  it("the trend returns the window's days, oldest first, with coverage as a rate", async () => {
    const { workspaceId } = await workspaceWithOneGap();
    for (const days of [-40, -6, -1, 0]) await takeDailySnapshot({ workspaceId, now: at(days) });
    const trend = await getTrend({ workspaceId, days: 7, now: NOW });
    expect(trend.map((p) => p.day)).toEqual(["2026-03-09", "2026-03-14", "2026-03-15"]);
    expect(trend[0]).toMatchObject({ totalDuties: 2, coveredDuties: 1, coverage: 0.5 });
  });

  it("a snapshot of a workspace without duties has null rates", async () => {
    const workspaceId = await writeWorkspace(snapshotBuilder());
    await takeDailySnapshot({ workspaceId, now: NOW });
    expect(await getTrend({ workspaceId, days: 1, now: NOW })).toEqual([
      expect.objectContaining({ totalDuties: 0, coverage: null, ownedRate: null }),
    ]);
  });
});
