import { apiRoute } from "@/lib/server/api/route";
import { downloadEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { recordDownload } from "@/lib/server/audit/record-download";
import { evidenceDownloadResponse } from "@/lib/server/evidence/evidence-download-response";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";

export const GET = apiRoute(downloadEvidenceSpec, async ({ workspace, actor, params }) => {
  const download = await openEvidenceDownload({
    workspaceId: workspace.id,
    evidenceId: params.evidenceId,
  });
  await recordDownload({
    workspaceId: workspace.id,
    actor,
    action: "evidence.download",
    entityType: "Evidence",
    entityId: params.evidenceId,
    detail: { fileName: download.fileName, sha256: download.sha256 },
  }).catch((error: unknown) => {
    download.stream.destroy();
    throw error;
  });
  return evidenceDownloadResponse(download);
});
