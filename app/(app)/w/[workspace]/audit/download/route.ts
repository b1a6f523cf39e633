import { toApiErrorResponse, ValidationError } from "@/lib/errors";
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
    return await auditLogDownload({
      workspaceId: auth.workspace.id,
      slug: auth.workspace.slug,
      format: format.data,
    });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}
