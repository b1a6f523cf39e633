// Admins see their workspace's failed background jobs, in the settings page and the API, and
// never another workspace's: the other workspace's admins see only their own, other roles see
// nothing, and a failure is recorded once however often its dead letter step runs.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import BackgroundJobsPage from "@/app/(app)/w/[workspaceSlug]/settings/jobs/page";
import { GET as failedJobsRoute } from "@/app/api/v1/jobs/failed/route";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { recordJobFailure } from "@/lib/server/jobs/record-job-failure";

import {
  apiRequest,
  createEvidenceWorld,
  type EvidenceWorld,
  tokenFor,
} from "../support/evidence-fixtures";
import { expectForbidden, expectNotFound, memberWithRole } from "../support/identity-fixtures";
import { serialise } from "./dashboard-fixtures";

let a: EvidenceWorld;
let b: EvidenceWorld;

const failure = (workspaceId: string, n: number, reason: string, minutesAgo: number) =>
  db.failedJob.create({
    data: {
      workspaceId,
      kind: "export-bundle",
      queueJobId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      subjectId: `export-${n}`,
      reason,
      attempts: 4,
      failedAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });

beforeAll(async () => {
  a = await createEvidenceWorld("failed-a");
  b = await createEvidenceWorld("failed-b");
  await failure(a.workspace.id, 1, "Alpha's older failure", 30);
  await failure(a.workspace.id, 2, "Alpha's newer failure", 5);
  await failure(b.workspace.id, 3, "Bravo's failure", 10);
});

afterEach(() => setSessionForTests(undefined));

const list = async (secret: string, query = "") => {
  const response = await failedJobsRoute(apiRequest(`/api/v1/jobs/failed${query}`, secret));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("failed jobs in the API", () => {
  it("lists the workspace's own, newest first, with kind, reason and time", async () => {
    const { status, body } = await list(await tokenFor(a, "ADMIN"));
    expect(status).toBe(200);
    expect(body.jobs).toEqual([
      expect.objectContaining({
        kind: "export-bundle",
        label: "Evidence bundle export",
        subjectId: "export-2",
        reason: "Alpha's newer failure",
        attempts: 4,
        failedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
      expect.objectContaining({ subjectId: "export-1", reason: "Alpha's older failure" }),
    ]);
    expect(JSON.stringify(body)).not.toContain("Bravo");
    expect((await list(await tokenFor(a, "ADMIN"), "?limit=1")).body.jobs).toHaveLength(1);
  });

  it("shows the other workspace only its own", async () => {
    const { body } = await list(await tokenFor(b, "ADMIN"));
    expect(body.jobs).toEqual([expect.objectContaining({ reason: "Bravo's failure" })]);
    expect(JSON.stringify(body)).not.toContain("Alpha");
  });

  it("refuses roles below ADMIN and names a bad limit", async () => {
    for (const role of ["EDITOR", "AUDITOR", "VIEWER"] as const) {
      expect((await list(await tokenFor(a, role))).status).toBe(403);
    }
    const bad = await list(await tokenFor(a, "ADMIN"), "?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: "VALIDATION_FAILED", fields: { limit: [expect.any(String)] } },
    });
  });
});

describe("the settings page", () => {
  const page = (slug: string) =>
    BackgroundJobsPage({ params: Promise.resolve({ workspaceSlug: slug }) });

  it("shows an owner the workspace's failed jobs and nothing of another workspace", async () => {
    setSessionForTests(a.user.id);
    const text = serialise(await page(a.workspace.slug));
    expect(text).toContain("Alpha's newer failure");
    expect(text).toContain("Evidence bundle export");
    expect(text).not.toContain("Bravo");
  });

  it("answers 404 to another workspace's member and 403 to an EDITOR", async () => {
    setSessionForTests(b.user.id);
    await expectNotFound(() => page(a.workspace.slug));
    const editor = await memberWithRole(a.workspace.id, "EDITOR");
    setSessionForTests(editor.user.id);
    await expectForbidden(() => page(a.workspace.slug));
  });
});

describe("recording a failure", () => {
  it("stores it once, and not for a workspace that no longer exists", async () => {
    const record = {
      workspaceId: b.workspace.id,
      kind: "coverage-snapshot",
      queueJobId: "00000000-0000-4000-8000-000000000099",
      subjectId: null,
      reason: "The database was unreachable.",
      attempts: 6,
    };
    expect(await recordJobFailure(record)).toBe(true);
    expect(await recordJobFailure(record)).toBe(false);
    expect(await db.failedJob.count({ where: { queueJobId: record.queueJobId } })).toBe(1);
    expect(
      await recordJobFailure({
        ...record,
        workspaceId: "gone",
        queueJobId: "00000000-0000-4000-8000-000000000100",
      }),
    ).toBe(false);
  });
});
