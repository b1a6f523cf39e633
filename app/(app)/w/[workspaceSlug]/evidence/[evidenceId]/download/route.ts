import { notFound } from "next/navigation";

import { workspaceRoute } from "@/lib/auth/workspace-route";
import { NotFoundError, toApiErrorResponse } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
import { evidenceDownloadResponse } from "@/lib/server/evidence/evidence-download-response";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";

type Params = { workspaceSlug: string; evidenceId: string };

/**
 * Download for signed-in members (session cookie), through the workspace gate: non-members get
 * 404 before anything is read; an id of another workspace is a 404 too, because the service
 * looks it up within this workspace only.
 */
export const GET = workspaceRoute<Params>({ permission: "evidence.read" }, async (context) => {
  const { auth } = context;
  const { evidenceId } = context.params;
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
});
