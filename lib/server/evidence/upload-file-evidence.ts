import "server-only";

import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { insertEvidence } from "@/lib/server/evidence/insert-evidence";
import {
  discardEvidenceFile,
  type FileSource,
  type StoredEvidenceFile,
  storeEvidenceFile,
} from "@/lib/server/evidence/store-evidence-file";
import { adoptObject } from "@/lib/server/storage/pending-objects";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";
import type { UploadEvidenceFields } from "@/lib/validation/evidence";

export type UploadFileEvidenceArgs = {
  workspaceId: string;
  actor: AuditActor;
  fields: UploadEvidenceFields;
  file: { source: FileSource; fileName: string };
  /** Defaults to EVIDENCE_MAX_BYTES; the benchmark raises it. */
  maxBytes?: number;
  storage?: ObjectStorage;
};

/** Uploads a FILE or file-based ATTESTATION (optionally as a new revision): stream first, then the row. */
export async function uploadFileEvidence(args: UploadFileEvidenceArgs) {
  const stored = await storeEvidenceFile({
    source: args.file.source,
    fileName: args.file.fileName,
    maxBytes: args.maxBytes,
    storage: args.storage,
  });
  return createFileEvidence({
    workspaceId: args.workspaceId,
    actor: args.actor,
    fields: args.fields,
    stored,
    storage: args.storage,
  });
}

/**
 * Records an already stored file. The row and the removal of the file's ledger entry commit
 * together, so a crash on either side of the commit leaves a row with its file or a file the sweep
 * removes. If the row cannot be written (a foreign part, a stale revision, bad input) the file is
 * removed again, so a refused upload leaves neither row nor file.
 */
export async function createFileEvidence({
  workspaceId,
  actor,
  fields,
  stored,
  storage = evidenceStorage(),
}: {
  workspaceId: string;
  actor: AuditActor;
  fields: UploadEvidenceFields;
  stored: StoredEvidenceFile;
  storage?: ObjectStorage;
}) {
  let created: { id: string };
  try {
    // Retried as a whole on a deadlock: the file is stored already (before) and only discarded
    // once the transaction has finally failed (below), so a re-run finds it in place.
    created = await evidenceTransaction(workspaceId, "createFileEvidence", async (tx) => {
      await adoptObject(tx, { area: "EVIDENCE", key: stored.storageKey });
      return insertEvidence(tx, {
        workspaceId,
        actor,
        dutyIds: fields.dutyIds,
        supersedesId: fields.supersedesId,
        evidence: {
          kind: fields.kind,
          title: fields.title ?? stored.fileName,
          description: fields.description,
          collectedAt: fields.collectedAt,
          validUntil: fields.validUntil,
          attestationType: fields.kind === "ATTESTATION" ? fields.attestationType : null,
          vendorId: fields.kind === "ATTESTATION" ? fields.vendorId : null,
          file: stored,
        },
      });
    });
  } catch (error) {
    await discardEvidenceFile(stored, storage);
    throw error;
  }
  return getEvidence({ workspaceId, evidenceId: created.id });
}
