import "server-only";

import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { insertEvidence } from "@/lib/server/evidence/insert-evidence";
import type { CreateEvidenceBody } from "@/lib/validation/evidence";

/**
 * Creates a LINK (http/https only, checked by the schema), a NOTE (Markdown source, stored as
 * written; the UI renders it without raw HTML) or a link-based ATTESTATION. File evidence goes
 * through uploadFileEvidence.
 */
export async function createEvidence({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: CreateEvidenceBody;
}) {
  const created = await evidenceTransaction(workspaceId, "createEvidence", (tx) =>
    insertEvidence(tx, {
      workspaceId,
      actor,
      dutyIds: input.dutyIds,
      supersedesId: input.supersedesId,
      evidence: {
        kind: input.kind,
        title: input.title,
        description: input.description,
        collectedAt: input.collectedAt,
        validUntil: input.validUntil,
        url: input.kind === "NOTE" ? null : input.url,
        note: input.kind === "NOTE" ? input.note : null,
        attestationType: input.kind === "ATTESTATION" ? input.attestationType : null,
        vendorId: input.kind === "ATTESTATION" ? input.vendorId : null,
      },
    }),
  );
  return getEvidence({ workspaceId, evidenceId: created.id });
}
