import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";
import { sendMail } from "@/lib/server/mail/send-mail";
import { workspacePurgeJob } from "@/lib/server/workspaces/workspace-purge-jobs";

export type FinalBundleChoice = "downloaded" | "declined";

/**
 * The owner deletes a workspace (an organisation leaving, or exercising its right to erasure).
 *
 * In one transaction: the owner is checked again, the typed confirmation must be the workspace's
 * URL name, the workspace is marked (every access path refuses it from then on, pages, actions
 * and API tokens alike), its tokens and pending invitations are revoked, a last audit event is
 * written (it goes with the workspace, so the record below is what remains), and the record that
 * it was deleted, when and by whom is stored outside it (DeletedWorkspace), and the purge job is
 * queued, so a crash after the commit cannot leave the workspace unremoved. Then every member is
 * told by e-mail (when SMTP is configured) while a worker removes the files and rows
 * (workspace-purge-jobs.ts; a scheduled sweep resends the job for a workspace left marked).
 */
export async function requestWorkspaceDeletion(args: {
  workspaceId: string;
  actor: AuditActor;
  actorUser: { id: string; email: string; name: string };
  confirmSlug: string;
  finalBundle: FinalBundleChoice;
}) {
  // Started before the transaction, which sends the purge job (see enqueueJob).
  await jobQueue();
  // Database only (the purge job is a row of this transaction), so retried on a deadlock;
  // the workers are woken and the members e-mailed after the commit, once.
  const marked = await workspaceTransaction(
    args.workspaceId,
    "requestWorkspaceDeletion",
    async (tx) => {
      const rows = await tx.$queryRaw<
        { slug: string; name: string; deletionRequestedAt: Date | null }[]
      >`
      SELECT slug, name, "deletionRequestedAt" FROM "Workspace" WHERE id = ${args.workspaceId}`;
      const workspace = rows[0];
      if (!workspace || workspace.deletionRequestedAt)
        throw new NotFoundError("Workspace not found.");
      const owner = await tx.membership.findFirst({
        where: { workspaceId: args.workspaceId, userId: args.actorUser.id, deactivatedAt: null },
        select: { role: true },
      });
      if (owner?.role !== "OWNER")
        throw new ForbiddenError("Only the owner can delete the workspace.");
      if (args.confirmSlug.trim().toLowerCase() !== workspace.slug) {
        throw ValidationError.forField(
          "confirmSlug",
          `Type the workspace's URL name, ${workspace.slug}, to confirm.`,
        );
      }
      const now = new Date();
      const members = await tx.membership.findMany({
        where: { workspaceId: args.workspaceId },
        select: { user: { select: { email: true, active: true } } },
      });
      await tx.workspace.updateMany({
        where: { id: args.workspaceId },
        data: { deletionRequestedAt: now },
      });
      await tx.apiToken.updateMany({
        where: { workspaceId: args.workspaceId, revokedAt: null },
        data: { revokedAt: now, revokedReason: "the workspace was deleted" },
      });
      await tx.invitation.updateMany({
        where: { workspaceId: args.workspaceId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now, revokedReason: "the workspace was deleted" },
      });
      await recordAuditEvent(tx, {
        workspaceId: args.workspaceId,
        actor: args.actor,
        action: "workspace.delete",
        entityType: "Workspace",
        entityId: args.workspaceId,
        diff: { slug: workspace.slug, name: workspace.name, finalBundle: args.finalBundle },
      });
      await tx.deletedWorkspace.create({
        data: {
          workspaceId: args.workspaceId,
          slug: workspace.slug,
          name: workspace.name,
          deletedById: args.actorUser.id,
          deletedByEmail: args.actorUser.email,
          requestedAt: now,
          memberCount: members.length,
          finalBundle: args.finalBundle,
        },
      });
      await enqueueJob(workspacePurgeJob, { workspaceId: args.workspaceId }, { tx });
      return {
        workspace,
        recipients: members.filter((m) => m.user.active).map((m) => m.user.email),
        at: now,
      };
    },
  );

  wakeWorkers(workspacePurgeJob.name);
  const mailed = await tellMembers({
    recipients: marked.recipients,
    workspaceName: marked.workspace.name,
    deletedBy: args.actorUser,
    at: marked.at,
  });
  return { slug: marked.workspace.slug, mailed };
}

async function tellMembers(input: {
  recipients: string[];
  workspaceName: string;
  deletedBy: { email: string; name: string };
  at: Date;
}): Promise<number> {
  let sent = 0;
  for (const to of input.recipients) {
    const result = await sendMail({
      to,
      subject: `Workspace "${input.workspaceName}" was deleted`,
      text: [
        `The workspace "${input.workspaceName}" in AI SRM Workspace was deleted by its owner,`,
        `${input.deletedBy.name} <${input.deletedBy.email}>, on ${input.at.toISOString()}.`,
        "",
        "Its AI systems, duties, evidence files, exports and audit log are being removed. Your",
        "account and your other workspaces are not affected.",
      ].join("\n"),
    });
    if (result.sent) sent += 1;
  }
  return sent;
}
