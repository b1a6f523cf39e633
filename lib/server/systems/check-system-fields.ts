import "server-only";

import type { db } from "@/lib/db/client";
import type { FieldErrors } from "@/lib/errors";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import type { SystemFields } from "@/lib/validation/systems";

type Client = Prisma.TransactionClient | typeof db;

/** Primary + additional models without duplicates, primary first (the stored `deploymentModels`). */
export function deploymentModelsOf(
  fields: Pick<SystemFields, "primaryModel" | "additionalModels">,
): string[] {
  return [...new Set([fields.primaryModel, ...fields.additionalModels])];
}

/** Problems with the deployment models and variant against a framework version (pure). */
export function modelProblems(
  matrix: FrameworkMatrix,
  fields: Pick<SystemFields, "primaryModel" | "additionalModels" | "variant">,
): FieldErrors {
  const errors: FieldErrors = {};
  const columns = new Map(matrix.definition.columns.map((column) => [column.key, column]));
  const primary = columns.get(fields.primaryModel);
  if (!primary)
    errors.primaryModel = [
      `"${fields.primaryModel}" is not a deployment model of ${matrix.frameworkName} ${matrix.version}.`,
    ];
  const unknown = fields.additionalModels.filter((key) => !columns.has(key));
  if (unknown.length > 0)
    errors.additionalModels = [
      `Not deployment models of this framework version: ${unknown.join(", ")}.`,
    ];
  if (fields.variant && primary) {
    const variants = primary.variants ?? [];
    if (!variants.some((variant) => variant.key === fields.variant)) {
      errors.variant = [
        variants.length === 0
          ? `${primary.name} has no variants; leave the variant empty.`
          : `Choose one of: ${variants.map((variant) => variant.key).join(", ")}.`,
      ];
    }
  }
  return errors;
}

/**
 * Checks everything a system's fields point at, scoped to the workspace: models and variant in the
 * framework version, vendor of this workspace, business owner a member. Throws one ValidationError
 * naming every bad field, so the form can mark all of them at once.
 */
export async function checkSystemFields(
  client: Client,
  {
    workspaceId,
    fields,
    matrix,
  }: { workspaceId: string; fields: SystemFields; matrix: FrameworkMatrix },
): Promise<void> {
  const errors = modelProblems(matrix, fields);
  if (fields.vendorId) {
    const vendor = await client.vendor.findFirst({
      where: { id: fields.vendorId, workspaceId },
      select: { id: true },
    });
    if (!vendor) errors.vendorId = ["Choose a vendor of this workspace."];
  }
  if (fields.businessOwnerId) {
    const member = await client.membership.findFirst({
      where: { workspaceId, userId: fields.businessOwnerId },
      select: { id: true },
    });
    if (!member) errors.businessOwnerId = ["Choose a member of this workspace."];
  }
  if (Object.keys(errors).length > 0) {
    const first = Object.values(errors)[0]?.[0] ?? "Check the highlighted fields.";
    throw new ValidationError(first, errors);
  }
}
