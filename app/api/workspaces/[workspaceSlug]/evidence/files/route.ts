import { workspaceRoute } from "@/lib/auth/workspace-route";
import { env } from "@/lib/env";
import { fieldErrorsFromIssues, toApiErrorResponse, ValidationError } from "@/lib/errors";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { readMultipartUpload } from "@/lib/server/evidence/read-multipart-upload";
import { discardEvidenceFile, storeEvidenceFile } from "@/lib/server/evidence/store-evidence-file";
import { createFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import { uploadEvidenceFieldsSchema } from "@/lib/validation/evidence";

/**
 * The browser's file upload (the evidence forms post FormData here with XMLHttpRequest, which
 * reports progress). The same streaming path as POST /api/v1/evidence/files: the body goes to
 * storage as it arrives, with the SHA-256 computed on the way; a refused or interrupted upload
 * leaves neither file nor row. Membership and evidence.create are checked BEFORE a byte is read.
 */
export const POST = workspaceRoute({ permission: "evidence.create" }, async ({ request, auth }) => {
  try {
    const maxBytes = env().EVIDENCE_MAX_BYTES;
    const storage = evidenceStorage();
    const { fields, file } = await readMultipartUpload({
      request,
      maxFileBytes: maxBytes,
      onFile: ({ source, fileName }) => storeEvidenceFile({ source, fileName, maxBytes, storage }),
      discard: (stored) => discardEvidenceFile(stored, storage),
    });
    const parsed = uploadEvidenceFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      await discardEvidenceFile(file, storage);
      throw new ValidationError(
        "Check the highlighted fields.",
        fieldErrorsFromIssues(parsed.error.issues),
      );
    }
    const item = await createFileEvidence({
      workspaceId: auth.workspace.id,
      actor: auth.actor,
      fields: parsed.data,
      stored: file,
      storage,
    });
    return Response.json(jsonify(item), {
      status: 201,
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return toApiErrorResponse(error);
  }
});
