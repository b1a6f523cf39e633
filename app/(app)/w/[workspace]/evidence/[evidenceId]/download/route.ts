import { notFound } from "next/navigation";

import { can } from "@/lib/auth/permissions";
import { getWorkspaceAuth } from "@/lib/auth/session";
import { NotFoundError, toApiErrorResponse } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
import { evidenceDownloadResponse } from "@/lib/server/evidence/evidence-download-response";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";

type RouteContext = { params: Promise<{ workspace: string; evidenceId: string }> };

/**
 * Download for signed-in members (session cookie). getWorkspaceAuth sends anonymous visitors to
 * sign in and answers 404 to non-members before anything is read; an id of another workspace is a
 * 404 too, because the service looks it up within this workspace only.
 */
export async function GET(_request: Request, context: RouteContext): Promise<Response> {
  const { workspace: slug, evidenceId } = await context.params;
  const auth = await getWorkspaceAuth(slug);
  if (!can(auth.role, "evidence.read")) notFound();
  try {
    const download = await openEvidenceDownload({ workspaceId: auth.workspace.id, evidenceId });
    await recordDownload({
      workspaceId: auth.workspace.id,
      actor: { type: "USER", id: auth.user.id, label: auth.user.email },
      action: "evidence.download",
      entityType: "Evidence",
      entityId: evidenceId,
      detail: { fileName: download.fileName, sha256: download.sha256 },
    }).catch((error: unknown) => {
      download.stream.destroy();
      throw error;
    });
    return evidenceDownloadResponse(download);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    return toApiErrorResponse(error);
  }
}
