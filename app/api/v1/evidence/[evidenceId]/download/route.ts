import { apiRoute } from "@/lib/server/api/route";
import { downloadEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { evidenceDownloadResponse } from "@/lib/server/evidence/evidence-download-response";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";

export const GET = apiRoute(downloadEvidenceSpec, async ({ workspace, params }) =>
  evidenceDownloadResponse(
    await openEvidenceDownload({ workspaceId: workspace.id, evidenceId: params.evidenceId }),
  ),
);
