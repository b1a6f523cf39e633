import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { domainNames, loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import {
  planSystemRederivation,
  type RederivationSummary,
  summarisePlan,
} from "@/lib/server/systems/rederive-system";
import { modelProblems } from "@/lib/server/systems/check-system-fields";
import { ValidationError } from "@/lib/errors";

export type RederivationPreview = RederivationSummary & {
  /** Domain key → name in the target version (removed domains: in the current version). */
  domainNames: Record<string, string>;
};

/**
 * What changing a system's deployment models or framework version would do, without doing it:
 * new duties, removed duties, value changes, and the owners/statuses/evidence links that stay.
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
  const plan = await planSystemRederivation(db, {
    workspaceId,
    systemId,
    matrix,
    columnKeys: [...new Set([primaryModel, ...additionalModels])],
  });
  const currentMatrix = await loadFrameworkMatrix(db, {
    workspaceId,
    frameworkVersionId: system.frameworkVersionId,
  });
  const names = {
    ...Object.fromEntries(domainNames(currentMatrix)),
    ...Object.fromEntries(domainNames(matrix)),
  };
  return { ...summarisePlan(plan), domainNames: names };
}
