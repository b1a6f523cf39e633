import { toApiErrorResponse, ValidationError } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
import { auditLogDownload } from "@/lib/server/exports/audit-log-download";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";
import { auditDownloadFormatSchema } from "@/lib/validation/exports";

type Context = { params: Promise<{ workspace: string }> };

/** The audit log alone: ?format=jsonl (hash chain intact, verifiable) or ?format=csv. */
export async function GET(request: Request, context: Context) {
  try {
    const auth = await workspaceRouteAuth({
      slug: (await context.params).workspace,
      permission: "audit.read",
    });
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
}
