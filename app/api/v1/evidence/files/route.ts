import { env } from "@/lib/env";
import { fieldErrorsFromIssues, ValidationError } from "@/lib/errors";
import { upgradeLegacyDutyNames } from "@/lib/server/api/legacy-duty-names";
import { apiRoute } from "@/lib/server/api/route";
import { uploadEvidenceSpec } from "@/lib/server/api/specs/evidence";
import { jsonify } from "@/lib/server/evidence/evidence-json";
import { readMultipartUpload } from "@/lib/server/evidence/read-multipart-upload";
import { discardEvidenceFile, storeEvidenceFile } from "@/lib/server/evidence/store-evidence-file";
import { createFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import { uploadEvidenceFieldsSchema } from "@/lib/validation/evidence";

// The body is streamed into storage as it arrives (busboy), never buffered whole: memory stays
// flat however large the file. /api is outside proxy.ts's matcher, so Next does not buffer it either.
export const POST = apiRoute(uploadEvidenceSpec, async ({ request, workspace, actor }) => {
  const maxBytes = env().EVIDENCE_MAX_BYTES;
  const storage = evidenceStorage();
  const { fields, file } = await readMultipartUpload({
    request,
    maxFileBytes: maxBytes,
    onFile: ({ source, fileName }) => storeEvidenceFile({ source, fileName, maxBytes, storage }),
    discard: (stored) => discardEvidenceFile(stored, storage),
  });
  const parsed = uploadEvidenceFieldsSchema.safeParse(upgradeLegacyDutyNames(fields));
  if (!parsed.success) {
    await discardEvidenceFile(file, storage);
    const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
    const first = Object.entries(fieldErrors)[0];
    throw new ValidationError(
      first ? `Invalid form field ${first[0]}: ${first[1].join(" ")}` : "Invalid form fields.",
      fieldErrors,
    );
  }
  const item = await createFileEvidence({
    workspaceId: workspace.id,
    actor,
    fields: parsed.data,
    stored: file,
    storage,
  });
  return Response.json(jsonify(item), { status: 201, headers: { "cache-control": "no-store" } });
});
