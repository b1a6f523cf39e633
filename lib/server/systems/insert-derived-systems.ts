import "server-only";

import { deriveResponsibilities, dutiesFor } from "@/lib/domain/derivation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deploymentModelsOf } from "@/lib/server/systems/check-system-fields";
import type { FrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import type { SystemFields } from "@/lib/validation/systems";

export type DerivedCounts = {
  domains: number;
  customer: number;
  provider: number;
  shared: number;
  critical: number;
};

/**
 * Writes systems with their derived responsibilities and parts in the caller's transaction, in
 * three statements whatever the number of systems (registering one or importing thousands). The
 * fields must already be checked (checkSystemFields / the CSV importer). The callers then apply
 * the vendors' provider statements to the new systems (syncSystemStatements), once per action.
 */
export async function insertDerivedSystems(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    systems,
  }: { workspaceId: string; systems: { fields: SystemFields; matrix: FrameworkMatrix }[] },
) {
  const derivedPerSystem = systems.map(({ fields, matrix }) =>
    deriveResponsibilities({
      rows: matrix.rows,
      cells: matrix.cells,
      columnKeys: deploymentModelsOf(fields),
    }),
  );
  const created = await tx.aiSystem.createManyAndReturn({
    data: systems.map(({ fields }) => ({
      workspaceId,
      name: fields.name,
      description: fields.description,
      frameworkVersionId: fields.frameworkVersionId,
      primaryModel: fields.primaryModel,
      additionalModels: deploymentModelsOf(fields).slice(1),
      deploymentModels: deploymentModelsOf(fields),
      variant: fields.variant,
      vendorId: fields.vendorId,
      businessOwnerId: fields.businessOwnerId,
      riskTier: fields.riskTier,
      euAiActCategory: fields.euAiActCategory,
      dataClassification: fields.dataClassification,
      lifecycle: fields.lifecycle,
      tags: [...new Set(fields.tags)],
    })),
    select: { id: true, name: true },
  });
  // createManyAndReturn returns rows in insertion order (one INSERT … RETURNING).
  const responsibilities = await tx.responsibility.createManyAndReturn({
    data: created.flatMap((system, index) =>
      (derivedPerSystem[index] ?? []).map((derived) => ({
        workspaceId,
        systemId: system.id,
        domainKey: derived.rowKey,
        derivedValue: derived.derivedValue,
        value: derived.value,
        critical: derived.critical,
      })),
    ),
    select: { id: true, systemId: true, domainKey: true, value: true },
  });
  const parts = responsibilities.flatMap((responsibility) =>
    dutiesFor(responsibility.value).map((side) => ({
      workspaceId,
      responsibilityId: responsibility.id,
      systemId: responsibility.systemId,
      domainKey: responsibility.domainKey,
      side,
    })),
  );
  if (parts.length > 0) await tx.duty.createMany({ data: parts });
  return created.map((system, index) => ({
    ...system,
    counts: countDerived(derivedPerSystem[index] ?? []),
  }));
}

export function countDerived(
  derived: readonly { value: string; critical: boolean }[],
): DerivedCounts {
  return {
    domains: derived.length,
    customer: derived.filter((d) => d.value === "C").length,
    provider: derived.filter((d) => d.value === "P").length,
    shared: derived.filter((d) => d.value === "S").length,
    critical: derived.filter((d) => d.critical && d.value !== "NA").length,
  };
}
