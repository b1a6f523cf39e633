import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { archivedSlots } from "@/lib/server/responsibilities/archive-duties";
import {
  describeDutyLoss,
  type LossSummary,
  lossSummary,
} from "@/lib/server/responsibilities/describe-duty-loss";
import { modelProblems } from "@/lib/server/systems/check-system-fields";
import { domainNames, loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import {
  planSystemRederivation,
  type RederivationSummary,
  summarisePlan,
} from "@/lib/server/systems/rederive-system";

export type RederivationPreview = RederivationSummary & {
  /** Domain key → name in the target version (removed domains: in the current version). */
  domainNames: Record<string, string>;
  /** Exactly what would be removed; send `loss.hash` as `confirmLoss` to apply the change. */
  loss: LossSummary;
};

/**
 * What changing a system's deployment models or framework version would do, without doing it:
 * new duties (and which of them come back from the archive with their work), removed duties
 * part by part, value changes, and the owners/statuses/evidence links that stay.
 */
export async function previewRederivation({
  workspaceId,
  systemId,
  frameworkVersionId,
  primaryModel,
  additionalModels,
}: {
  workspaceId: string;
  systemId: string;
  frameworkVersionId: string;
  primaryModel: string;
  additionalModels: string[];
}): Promise<RederivationPreview> {
  const system = await db.aiSystem.findFirst({
    where: { id: systemId, workspaceId },
    select: { id: true, frameworkVersionId: true },
  });
  if (!system) throw new NotFoundError("AI system not found.");
  const matrix = await loadFrameworkMatrix(db, { workspaceId, frameworkVersionId });
  const problems = modelProblems(matrix, { primaryModel, additionalModels, variant: null });
  if (Object.keys(problems).length > 0)
    throw new ValidationError(Object.values(problems)[0]?.[0] ?? "Invalid models.", problems);
  return db.$transaction(async (tx) => {
    const plan = await planSystemRederivation(tx, {
      workspaceId,
      systemId,
      matrix,
      columnKeys: [...new Set([primaryModel, ...additionalModels])],
    });
    const loss = await describeDutyLoss(tx, {
      workspaceId,
      dutyIds: plan.removedDuties.map((ref) => ref.part.id),
      removedResponsibilityIds: plan.removedResponsibilityIds,
    });
    const archived = await archivedSlots(tx, { workspaceId, systemId });
    const currentMatrix = await loadFrameworkMatrix(tx, {
      workspaceId,
      frameworkVersionId: system.frameworkVersionId,
    });
    const names = {
      ...Object.fromEntries(domainNames(currentMatrix)),
      ...Object.fromEntries(domainNames(matrix)),
    };
    return { ...summarisePlan(plan, archived), domainNames: names, loss: lossSummary(loss) };
  });
}
