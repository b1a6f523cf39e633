import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import { checkSystemFields } from "@/lib/server/systems/check-system-fields";
import { loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { insertDerivedSystems } from "@/lib/server/systems/insert-derived-systems";
import type { SystemFields } from "@/lib/validation/systems";

/**
 * Registers an AI system and, in the same transaction, derives its responsibilities and parts from
 * the framework version's matrix: a system never exists without its duties. A system registered
 * with a vendor gets that vendor's current provider statements at once (syncSystemStatements).
 */
export async function registerSystem({
  workspaceId,
  actor,
  fields,
}: {
  workspaceId: string;
  actor: AuditActor;
  fields: SystemFields;
}) {
  return workspaceTransaction(workspaceId, "registerSystem", async (tx) => {
    const matrix = await loadFrameworkMatrix(tx, {
      workspaceId,
      frameworkVersionId: fields.frameworkVersionId,
    });
    await checkSystemFields(tx, { workspaceId, fields, matrix });
    const [system] = await insertDerivedSystems(tx, {
      workspaceId,
      systems: [{ fields, matrix }],
    });
    if (!system) throw new Error("registerSystem: nothing was inserted");
    if (fields.vendorId)
      await syncSystemStatements(tx, { workspaceId, actor, systemIds: [system.id] });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "system.create",
      entityType: "AiSystem",
      entityId: system.id,
      diff: {
        name: { to: fields.name },
        framework: { to: `${matrix.frameworkKey}@${matrix.version}` },
        deploymentModels: { to: [fields.primaryModel, ...fields.additionalModels] },
        derived: system.counts,
      },
    });
    return system;
  });
}
