import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";

/**
 * Tells the person who asked for an evidence bundle or a PDF report that it is ready, inside the
 * transaction that records it DONE (so exactly when it is). A request made through an API token
 * has no person (requestedById null) and tells nobody.
 */
export async function notifyExportReady(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    kind,
    id,
    requestedById,
  }: { workspaceId: string; kind: "export" | "report"; id: string; requestedById: string | null },
): Promise<number> {
  if (!requestedById) return 0;
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true },
  });
  const slug = encodeURIComponent(workspace.slug);
  return recordNotifications(tx, workspaceId, [
    kind === "export"
      ? {
          userId: requestedById,
          category: "EXPORT_READY",
          event: "export.ready",
          dedupeKey: `export.ready:${id}`,
          title: "Your evidence bundle is ready to download",
          link: `/w/${slug}/exports`,
          entityType: "ExportJob",
          entityId: id,
        }
      : {
          userId: requestedById,
          category: "EXPORT_READY",
          event: "report.ready",
          dedupeKey: `report.ready:${id}`,
          title: "Your PDF report is ready to download",
          link: `/w/${slug}/reports`,
          entityType: "ReportJob",
          entityId: id,
        },
  ]);
}
