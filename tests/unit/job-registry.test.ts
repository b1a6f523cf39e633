// The registered job kinds and their policies: unique names, schedules that are valid cron in the
// five-field form, failures that reach a workspace's admins where the job belongs to one, and an
// export interrupted by a dead process retried well within a minute.
import { PgBoss } from "pg-boss";
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgresql://unit@127.0.0.1:5432/unused";
process.env.AUTH_SECRET ??= "u".repeat(32);

const { JOB_KINDS, jobKindLabel } = await import("@/lib/server/jobs/registry");
const { FAILED_JOBS_QUEUE, SUPERVISE_SECONDS } = await import("@/lib/server/jobs/job-queue");
const { policyProblems } = await import("@/lib/server/jobs/job-kind");

describe("the job registry", () => {
  it("names each kind once, apart from the dead letter queue, with a label and a sound policy", () => {
    const names = JOB_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(FAILED_JOBS_QUEUE);
    for (const kind of JOB_KINDS) {
      expect(kind.label.length, kind.name).toBeGreaterThan(3);
      expect(policyProblems(kind.policy), kind.name).toEqual([]);
      expect(jobKindLabel(kind.name)).toBe(kind.label);
    }
    expect(jobKindLabel("a-kind-since-removed")).toBe("a-kind-since-removed");
  });

  it("schedules with five-field cron expressions and payloads their schema accepts", () => {
    const scheduled = JOB_KINDS.filter((kind) => kind.schedule);
    expect(scheduled.map((kind) => kind.name).sort()).toEqual([
      "approvals-expire",
      "coverage-snapshots",
      "notification-digest",
      "notification-reminders",
      "plans-progress",
      "purge-deleted-workspaces",
      "purge-expired-exports",
      "purge-expired-reports",
      "recover-lost-exports",
      "send-notification-emails",
      "sweep-storage",
    ]);
    for (const kind of scheduled) {
      const cron = kind.schedule?.cron() ?? "";
      expect(cron.split(" "), kind.name).toHaveLength(5);
      // pg-boss's own parser, as the queue uses it (no connection is made for a preview).
      const preview = new PgBoss("postgresql://unit@127.0.0.1:1/unused").previewSchedule(cron, {
        count: 2,
      });
      expect(preview, kind.name).toHaveLength(2);
      expect(kind.payload.safeParse(kind.schedule?.payload).success, kind.name).toBe(true);
    }
  });

  it("shows the failures of per-workspace jobs to that workspace", () => {
    const perWorkspace = JOB_KINDS.filter(
      (kind) =>
        Object.keys((kind.payload as { shape?: object }).shape ?? {}).includes("workspaceId") &&
        kind.name !== "workspace-purge",
    );
    expect(perWorkspace.map((kind) => kind.name).sort()).toEqual([
      "coverage-snapshot",
      "delete-evidence-file",
      "export-bundle",
      "report-pdf",
    ]);
    for (const kind of perWorkspace) {
      expect(
        kind.workspaceOf?.({
          workspaceId: "w1",
          exportId: "e",
          evidenceId: "e",
          reportId: "r",
          day: "2026-01-01",
        }),
      ).toBe("w1");
    }
  });

  it("reports a workspace purge's failure installation-wide: its workspace is going away", () => {
    const purge = JOB_KINDS.find((kind) => kind.name === "workspace-purge");
    expect(purge?.workspaceOf?.({ workspaceId: "w1" })).toBeNull();
    expect(purge?.subjectOf?.({ workspaceId: "w1" })).toBe("w1");
    expect(purge?.policy.retries).toBeGreaterThanOrEqual(5);
  });

  it("retries an export whose process died within a minute", () => {
    const exportKind = JOB_KINDS.find((kind) => kind.name === "export-bundle");
    const policy = exportKind?.policy;
    expect(policy).toBeDefined();
    if (!policy) return;
    // Heartbeat lost → next supervision pass → first retry delay (at most twice the delay with
    // jitter) → the next poll of a worker.
    const worst =
      policy.heartbeatSeconds +
      SUPERVISE_SECONDS +
      2 * policy.retryDelaySeconds +
      policy.pollSeconds;
    expect(worst).toBeLessThan(60);
    expect(policy.retries).toBeGreaterThanOrEqual(2);
    expect(exportKind?.onFinalFailure).toBeTypeOf("function");
  });
});
