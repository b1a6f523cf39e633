import { apiRoute } from "@/lib/server/api/route";
import { downloadAuditLogSpec } from "@/lib/server/api/specs/workspace";
import { recordDownload } from "@/lib/server/audit/record-download";
import { auditLogDownload } from "@/lib/server/exports/audit-log-download";

export const GET = apiRoute(downloadAuditLogSpec, async ({ workspace, actor, query }) => {
  // Recorded first: the file then ends with its own download event.
  await recordDownload({
    workspaceId: workspace.id,
    actor,
    action: "audit.download",
    entityType: "AuditLog",
    entityId: null,
    detail: { format: query.format },
  });
  return auditLogDownload({
    workspaceId: workspace.id,
    slug: workspace.slug,
    format: query.format,
  });
});
