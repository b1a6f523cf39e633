import { existsSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deleteWorkspaceAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { GET as workspaceRoute } from "@/app/api/v1/workspace/route";
import { getSession, getWorkspaceAuth, setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { startExport } from "@/lib/server/exports/start-export";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { purgeDeletedWorkspace } from "@/lib/server/workspaces/purge-deleted-workspace";
import { requestWorkspaceDeletion } from "@/lib/server/workspaces/request-workspace-deletion";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import { exportScopeSchema } from "@/lib/validation/exports";

import { expectNotFound, expectRedirect } from "../support/identity-fixtures";
import { apiRequest, tokenFor } from "../support/evidence-fixtures";
import { startSmtpSink } from "../support/smtp-sink";
import { createExportWorld, type ExportWorld } from "./export-fixtures";

// Issue 14, point 8. A real SMTP server receives the members' notices: started here, at module
// load, so SMTP_URL is set before the app first reads its configuration.
const smtp = await startSmtpSink();
process.env.SMTP_URL = smtp.url;
process.env.SMTP_FROM = "AI SRM <no-reply@example.test>";

afterAll(async () => {
  setSessionForTests(undefined);
  await smtp.close();
});

/**
 * Every row in any table with a workspaceId column that belongs to `workspaceId` (except the
 * deletion record, which is meant to stay).
 */
async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspaceId'
      AND table_name <> 'DeletedWorkspace'`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE "workspaceId" = $1`,
      workspaceId,
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) counts[table_name] = n;
  }
  const workspace = await db.workspace.count({ where: { id: workspaceId } });
  if (workspace > 0) counts.Workspace = workspace;
  return counts;
}

async function withBundle(world: ExportWorld) {
  const job = await startExport({
    workspaceId: world.workspace.id,
    role: "OWNER",
    actor: world.actor,
    requestedById: world.user.id,
    scope: exportScopeSchema.parse({}),
  });
  // The export job's handler, run here rather than by a queue worker.
  await runExportJob({ jobId: job.id, workspaceId: world.workspace.id });
  return db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
}

let a: ExportWorld;
let b: ExportWorld;

beforeAll(async () => {
  a = await createExportWorld("deletion-a");
  b = await createExportWorld("deletion-b");
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
    expect(bundle.filePath && existsSync(bundle.filePath)).toBe(true);
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

    // Every row and file of A is gone.
    expect(await rowsOf(a.workspace.id)).toEqual({});
    const storage = evidenceStorage();
    for (const key of keys) expect(await storage.exists(key)).toBe(false);
    expect(existsSync(bundle.filePath!)).toBe(false);
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
      removed: expect.objectContaining({ evidenceFiles: keys.length, exportBundles: 1 }),
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
    await expectNotFound(() => getWorkspaceAuth(a.workspace.slug));
    expect(await getSession()).not.toBeNull();
    // B is untouched, rows and files.
    expect(await rowsOf(b.workspace.id)).toEqual(otherBefore);
    for (const key of otherKeys) expect(await storage.exists(key)).toBe(true);
  });

  it("is unreachable from the moment it is marked; the purge can run later and again", async () => {
    const c = await createExportWorld("deletion-c");
    const token = await tokenFor(c, "VIEWER");
    await requestWorkspaceDeletion({
      workspaceId: c.workspace.id,
      actor: c.actor,
      actorUser: { id: c.user.id, email: c.user.email, name: c.user.name },
      confirmSlug: c.workspace.slug,
      finalBundle: "declined",
      purgeNow: false,
    });
    setSessionForTests(c.user.id);
    await expectNotFound(() => getWorkspaceAuth(c.workspace.slug));
    expect((await workspaceRoute(apiRequest("/api/v1/workspace", token))).status).toBe(401);
    expect(Object.keys(await rowsOf(c.workspace.id)).length).toBeGreaterThan(0);

    expect(await purgeDeletedWorkspace({ workspaceId: c.workspace.id })).not.toBeNull();
    expect(await purgeDeletedWorkspace({ workspaceId: c.workspace.id })).toBeNull();
    expect(await rowsOf(c.workspace.id)).toEqual({});
  });
});
