import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse, ValidationError } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
import { auditLogDownload } from "@/lib/server/exports/audit-log-download";
import { auditDownloadFormatSchema } from "@/lib/validation/exports";

/** The audit log alone: ?format=jsonl (hash chain intact, verifiable) or ?format=csv. */
export const GET = workspaceRoute({ permission: "audit.read" }, async ({ request, auth }) => {
  try {
    const format = auditDownloadFormatSchema.safeParse(
      new URL(request.url).searchParams.get("format") ?? "jsonl",
    );
    if (!format.success) throw ValidationError.forField("format", 'expected "jsonl" or "csv"');
    // Recorded first: the file then ends with its own download event.
    await recordDownload({
      workspaceId: auth.workspace.id,
      actor: { type: "USER", id: auth.user.id, label: auth.user.email },
      action: "audit.download",
      entityType: "AuditLog",
      entityId: null,
      detail: { format: format.data },
    });
    return await auditLogDownload({
      workspaceId: auth.workspace.id,
      slug: auth.workspace.slug,
      format: format.data,
    });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});
