import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as workspaceRoute } from "@/app/api/v1/workspace/route";
import { deleteWorkspaceAction } from "@/lib/actions/settings";
import { getSession, setSessionForTests } from "@/lib/auth/session";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { db } from "@/lib/db/client";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { jobQueue, startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { purgeDeletedWorkspace } from "@/lib/server/workspaces/purge-deleted-workspace";
import { requestWorkspaceDeletion } from "@/lib/server/workspaces/request-workspace-deletion";
import {
  resendWorkspacePurges,
  workspacePurgeJob,
} from "@/lib/server/workspaces/workspace-purge-jobs";
import { evidenceStorage, exportStorage } from "@/lib/storage/evidence-storage";
import { reportStorage } from "@/lib/storage/report-storage";
import { waitFor } from "@/tests/support/job-queue";

import { apiRequest, tokenFor } from "../support/evidence-fixtures";
import { expectNotFound, expectRedirect } from "../support/identity-fixtures";
import { startSmtpSink } from "../support/smtp-sink";
import { createExportWorld, type ExportWorld } from "./export-fixtures";
import { fillEveryTable, rowsOf, withBundle, workspaceTables } from "./workspace-deletion-fixtures";

// Issue 14, point 8. A real SMTP server receives the members' notices: started here, at module
// load, so SMTP_URL is set before the app first reads its configuration.
const smtp = await startSmtpSink();
process.env.SMTP_URL = smtp.url;
process.env.SMTP_FROM = "AI SRM <no-reply@example.test>";

afterAll(async () => {
  setSessionForTests(undefined);
  await smtp.close();
});

let a: ExportWorld;
let b: ExportWorld;

beforeAll(async () => {
  a = await createExportWorld("deletion-a");
  b = await createExportWorld("deletion-b");
  // Every queue exists (sending-only start), then this process works the purge jobs only: exports
  // are run by hand (withBundle), and their queued jobs must stay queued for the purge to find.
  await jobQueue();
  await startJobQueue({ work: true, kinds: [workspacePurgeJob] });
});

describe("workspace deletion by its owner", () => {
  it("refuses a wrong confirmation, non-owners and other workspaces' owners, changing nothing", async () => {
    const before = await rowsOf(a.workspace.id);
    setSessionForTests(a.user.id);
    const wrong = await deleteWorkspaceAction(a.workspace.slug, {
      confirmSlug: "not-the-slug",
      finalBundle: "declined",
    });
    expect(wrong.serverError?.fieldErrors?.confirmSlug?.[0]).toMatch(
      /Type the workspace's URL name/,
    );
    const missing = await deleteWorkspaceAction(a.workspace.slug, {
      confirmSlug: a.workspace.slug,
    } as never);
    expect(missing.validationErrors).toBeDefined();

    setSessionForTests(a.auditor.id);
    const auditor = await deleteWorkspaceAction(a.workspace.slug, {
      confirmSlug: a.workspace.slug,
      finalBundle: "declined",
    });
    expect(auditor.serverError?.code).toBe("FORBIDDEN");

    // The owner of B, addressing A by its slug: A does not exist for them.
    setSessionForTests(b.user.id);
    const foreign = await deleteWorkspaceAction(a.workspace.slug, {
      confirmSlug: a.workspace.slug,
      finalBundle: "declined",
    });
    expect(foreign.serverError?.code).toBe("NOT_FOUND");
    expect(await rowsOf(a.workspace.id)).toEqual(before);
  });

  it("removes every row and stored file, tells members, keeps a record outside, leaves others intact", async () => {
    const bundle = await withBundle(a);
    expect(bundle.storageKey && (await exportStorage().exists(bundle.storageKey))).toBe(true);
    const filled = await fillEveryTable(a);
    expect(filled.reportKey && (await reportStorage().exists(filled.reportKey))).toBe(true);
    expect(filled.queuedJobs).toBeGreaterThan(0);
    const keys = (
      await db.evidence.findMany({
        where: { workspaceId: a.workspace.id, storageKey: { not: null } },
      })
    ).map((e) => e.storageKey!);
    expect(keys.length).toBeGreaterThan(0);
    const token = await tokenFor(a, "VIEWER");
    await createInvitation({
      workspaceId: a.workspace.id,
      actor: a.actor,
      actorRole: "OWNER",
      invitedById: a.user.id,
      email: "pending-deletion@example.test",
      role: "VIEWER",
    });
    // A has a row in every table that holds a workspace id: the check below means something.
    expect(Object.keys(await rowsOf(a.workspace.id)).sort()).toEqual(
      [...(await workspaceTables()), "Workspace"].sort(),
    );
    const otherBundle = await withBundle(b);
    const otherBefore = await rowsOf(b.workspace.id);
    const otherKeys = (
      await db.evidence.findMany({
        where: { workspaceId: b.workspace.id, storageKey: { not: null } },
      })
    ).map((e) => e.storageKey!);
    const members = await db.membership.findMany({
      where: { workspaceId: a.workspace.id },
      select: { user: { select: { email: true } } },
    });
    smtp.messages.length = 0;
    const { name } = await db.workspace.findUniqueOrThrow({ where: { id: a.workspace.id } });

    setSessionForTests(a.user.id);
    await expectRedirect(
      () =>
        deleteWorkspaceAction(a.workspace.slug, {
          confirmSlug: a.workspace.slug.toUpperCase(),
          finalBundle: "downloaded",
        }),
      `/w?deleted=${a.workspace.slug}`,
    );

    // The purge job, sent with the deletion, removes every row and file of A.
    await waitFor(async () => (await rowsOf(a.workspace.id)).Workspace === undefined, {
      timeoutMs: 60_000,
      what: "the purge job",
    });
    expect(await rowsOf(a.workspace.id)).toEqual({});
    const storage = evidenceStorage();
    for (const key of keys) expect(await storage.exists(key)).toBe(false);
    expect(await exportStorage().exists(bundle.storageKey!)).toBe(false);
    expect(await reportStorage().exists(filled.reportKey!)).toBe(false);
    expect(await db.pendingObject.count()).toBe(0);
    // Its queued jobs went too; the owner's session (a user's, not the workspace's) stays.
    const boss = await jobQueue();
    expect(
      await boss.findJobs(exportBundleJob.name, { data: { workspaceId: a.workspace.id } }),
    ).toEqual([]);
    expect(await db.session.count({ where: { id: filled.sessionId } })).toBe(1);
    // The record outside it.
    expect(
      await db.deletedWorkspace.findUniqueOrThrow({ where: { workspaceId: a.workspace.id } }),
    ).toMatchObject({
      slug: a.workspace.slug,
      name,
      deletedById: a.user.id,
      deletedByEmail: a.user.email,
      finalBundle: "downloaded",
      memberCount: members.length,
      purgedAt: expect.any(Date),
      removed: expect.objectContaining({
        evidenceFiles: keys.length,
        exportBundles: 1,
        reports: 1,
        queueJobs: filled.queuedJobs,
      }),
    });
    // Members were told, over real SMTP.
    await expect.poll(() => smtp.messages.length).toBe(members.length);
    expect(smtp.messages.map((m) => (m.to && "text" in m.to ? m.to.text : "")).sort()).toEqual(
      members.map((m) => m.user.email).sort(),
    );
    expect(smtp.messages[0]?.subject).toBe(`Workspace "${name}" was deleted`);
    expect(smtp.messages[0]?.text).toContain(a.user.email);
    // The token, the pages and the member's session: the workspace no longer exists for anyone.
    expect((await workspaceRoute(apiRequest("/api/v1/workspace", token))).status).toBe(401);
    await expectNotFound(() => requireWorkspacePage(a.workspace.slug, "workspace.read"));
    expect(await getSession()).not.toBeNull();
    // B is untouched, rows, files and jobs.
    expect(await rowsOf(b.workspace.id)).toEqual(otherBefore);
    for (const key of otherKeys) expect(await storage.exists(key)).toBe(true);
    expect(await exportStorage().exists(otherBundle.storageKey!)).toBe(true);
    expect(
      await boss.findJobs(exportBundleJob.name, { data: { workspaceId: b.workspace.id } }),
    ).toHaveLength(1);
  }, 90_000);

  it("is unreachable from the moment it is marked; the purge can run later and again", async () => {
    // No worker: the deletion's purge job waits in the queue.
    await stopJobQueue({ timeoutSeconds: 1 });
    const c = await createExportWorld("deletion-c");
    const token = await tokenFor(c, "VIEWER");
    await requestWorkspaceDeletion({
      workspaceId: c.workspace.id,
      actor: c.actor,
      actorUser: { id: c.user.id, email: c.user.email, name: c.user.name },
      confirmSlug: c.workspace.slug,
      finalBundle: "declined",
    });
    setSessionForTests(c.user.id);
    await expectNotFound(() => requireWorkspacePage(c.workspace.slug, "workspace.read"));
    expect((await workspaceRoute(apiRequest("/api/v1/workspace", token))).status).toBe(401);
    expect(Object.keys(await rowsOf(c.workspace.id)).length).toBeGreaterThan(0);
    const boss = await jobQueue();
    const [sent] = await boss.findJobs(workspacePurgeJob.name, {
      data: { workspaceId: c.workspace.id },
    });
    expect(sent?.state).toBe("created");

    // The scheduled sweep leaves a workspace whose purge job waits alone; once that job is lost,
    // it sends another (a quarter of an hour after the deletion).
    const later = new Date(Date.now() + 3_600_000);
    expect(await resendWorkspacePurges({ now: later })).toBe(0);
    await boss.deleteJob(workspacePurgeJob.name, sent!.id);
    expect(await resendWorkspacePurges()).toBe(0);
    expect(await resendWorkspacePurges({ now: later })).toBe(1);
    expect(
      await boss.findJobs(workspacePurgeJob.name, {
        data: { workspaceId: c.workspace.id },
        queued: true,
      }),
    ).toHaveLength(1);

    expect(await purgeDeletedWorkspace({ workspaceId: c.workspace.id })).not.toBeNull();
    expect(await purgeDeletedWorkspace({ workspaceId: c.workspace.id })).toBeNull();
    expect(await rowsOf(c.workspace.id)).toEqual({});
    expect(await resendWorkspacePurges({ now: later })).toBe(0);
  });
});
