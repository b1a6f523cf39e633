import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { archivedSlots, archiveDuties } from "@/lib/server/responsibilities/archive-duties";
import {
  describeDutyLoss,
  lossConfirmed,
  lossSummary,
} from "@/lib/server/responsibilities/describe-duty-loss";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import { checkSystemFields, deploymentModelsOf } from "@/lib/server/systems/check-system-fields";
import { loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { loadSystemForChange } from "@/lib/server/systems/load-system-for-change";
import {
  applyRederivationPlan,
  planSystemRederivation,
  summarisePlan,
} from "@/lib/server/systems/rederive-system";
import type { UpdateSystemInput } from "@/lib/validation/systems";

const PLAIN_FIELDS = [
  "name",
  "description",
  "variant",
  "vendorId",
  "businessOwnerId",
  "riskTier",
  "euAiActCategory",
  "dataClassification",
  "lifecycle",
] as const;

/**
 * Saves a system's fields. When the deployment models or the framework version change, its duties
 * are re-derived in the same transaction: surviving domains keep their parts, owners, statuses
 * and evidence links. Removing duties that carry work (an owner, a status, a justification, dates,
 * evidence links, an override) is refused unless `confirmLoss` is the hash of exactly that loss as
 * the preview showed it (409 with the current loss otherwise, so work added
 * after the preview is never lost unseen); they are then archived, not destroyed, and come back
 * with their work if the system is switched back. The audit event lists every removed part.
 */
export async function updateSystem({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: UpdateSystemInput;
}) {
  const { systemId, expectedVersion, confirmLoss, ...fields } = input;
  return workspaceTransaction(workspaceId, "updateSystem", async (tx) => {
    const current = await loadSystemForChange(tx, { workspaceId, systemId, expectedVersion });
    if (current.archivedAt)
      throw new ConflictError("This system is archived. Restore it before editing.");
    const matrix = await loadFrameworkMatrix(tx, {
      workspaceId,
      frameworkVersionId: fields.frameworkVersionId,
    });
    await checkSystemFields(tx, { workspaceId, fields, matrix });

    const models = deploymentModelsOf(fields);
    const modelsChanged =
      current.frameworkVersionId !== fields.frameworkVersionId ||
      current.deploymentModels.length !== models.length ||
      current.deploymentModels.some((model, index) => model !== models[index]);
    const diff: Record<string, unknown> = {};
    for (const key of PLAIN_FIELDS) {
      if (current[key] !== fields[key]) diff[key] = { from: current[key], to: fields[key] };
    }
    const tags = [...new Set(fields.tags)];
    if (tags.join("\u0000") !== current.tags.join("\u0000"))
      diff.tags = { from: current.tags, to: tags };

    if (modelsChanged) {
      // Order matters for "primary", but a set of models that only moved position derives the same.
      const plan = await planSystemRederivation(tx, {
        workspaceId,
        systemId,
        matrix,
        columnKeys: models,
      });
      const loss = await describeDutyLoss(tx, {
        workspaceId,
        dutyIds: plan.removedDuties.map((ref) => ref.part.id),
        removedResponsibilityIds: plan.removedResponsibilityIds,
      });
      if (!lossConfirmed(loss, confirmLoss)) {
        throw new ConflictError(
          confirmLoss
            ? "The duties this change removes have changed since you reviewed them. Review the change again before saving."
            : "This change removes duties. Review the re-derivation preview and confirm its loss (confirmLoss) to save.",
          { loss: lossSummary(loss) },
        );
      }
      const archived = await archivedSlots(tx, { workspaceId, systemId });
      await archiveDuties(tx, {
        workspaceId,
        systemId,
        parts: loss.parts,
        reason: "rederivation",
        archivedById: actor.type === "USER" ? (actor.id ?? null) : null,
      });
      const { restored } = await applyRederivationPlan(tx, { workspaceId, systemId, plan });
      diff.removedDuties = loss.parts;
      diff.restoredDuties = restored;
      diff.deploymentModels = { from: current.deploymentModels, to: models };
      if (current.frameworkVersionId !== fields.frameworkVersionId) {
        diff.frameworkVersionId = {
          from: current.frameworkVersionId,
          to: fields.frameworkVersionId,
        };
      }
      diff.rederivation = summarisePlan(plan, archived);
    }

    // The version in the where makes the check and the write one step: a concurrent save that got
    // in between makes this update match nothing.
    const updated = await tx.aiSystem.updateMany({
      where: { id: systemId, workspaceId, version: expectedVersion },
      data: {
        ...Object.fromEntries(PLAIN_FIELDS.map((key) => [key, fields[key]])),
        tags,
        frameworkVersionId: fields.frameworkVersionId,
        primaryModel: fields.primaryModel,
        additionalModels: models.slice(1),
        deploymentModels: models,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) {
      throw new ConflictError(
        "Someone else saved changes to this system at the same time. Reload and try again.",
      );
    }
    // A new vendor, or duties that changed, change what the vendors' statements give this system.
    if (modelsChanged || current.vendorId !== fields.vendorId)
      await syncSystemStatements(tx, { workspaceId, actor, systemIds: [systemId] });
    if (Object.keys(diff).length > 0) {
      await recordAuditEvent(tx, {
        workspaceId,
        actor,
        action: "system.update",
        entityType: "AiSystem",
        entityId: systemId,
        diff,
      });
    }
    return {
      id: systemId,
      version: expectedVersion + 1,
      rederived: modelsChanged,
      changed: Object.keys(diff),
    };
  });
}
