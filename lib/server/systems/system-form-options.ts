import "server-only";

import { db } from "@/lib/db/client";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";
import { type FrameworkMatrix, loadFrameworkMatrix } from "@/lib/server/systems/framework-matrix";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import type { PickerFrameworkVersion, PickerOption } from "@/lib/view/systems/picker-types";

export function toPickerVersion(matrix: FrameworkMatrix): PickerFrameworkVersion {
  const groups = new Map(
    (matrix.definition.columnGroups ?? []).map((group) => [group.key, group.name]),
  );
  return {
    versionId: matrix.frameworkVersionId,
    label: `${matrix.frameworkName} ${matrix.version}`,
    columns: [...matrix.definition.columns]
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map((column) => ({
        key: column.key,
        name: column.name,
        description: column.description,
        examples: column.examples,
        riskLevel: column.riskLevel ?? null,
        groupName: groups.get(column.group) ?? null,
        variants: (column.variants ?? []).map((variant) => ({
          key: variant.key,
          name: variant.name,
          description: variant.description,
          examples: variant.examples ?? [],
        })),
      })),
    rows: matrix.definition.rows.map((row) => ({ key: row.key, name: row.name })),
    cells: matrix.cells,
  };
}

/**
 * What the register/edit form offers: framework versions (for a new system the newest version of
 * each framework; when editing, the system's version and newer ones of its framework), vendors
 * and members of this workspace only.
 */
export async function systemFormOptions({
  workspaceId,
  currentVersionId,
}: {
  workspaceId: string;
  currentVersionId?: string;
}) {
  const frameworks = await listFrameworks({ workspaceId });
  let versionIds: string[];
  if (currentVersionId) {
    const framework = frameworks.find((f) => f.versions.some((v) => v.id === currentVersionId));
    const index = framework?.versions.findIndex((v) => v.id === currentVersionId) ?? -1;
    // Versions are newest first: the current one and everything before it in the list.
    versionIds =
      framework && index >= 0
        ? framework.versions.slice(0, index + 1).map((v) => v.id)
        : [currentVersionId];
  } else {
    versionIds = frameworks.flatMap((f) => (f.versions[0] ? [f.versions[0].id] : []));
  }
  const [matrices, vendors, members] = await Promise.all([
    Promise.all(
      versionIds.map((id) => loadFrameworkMatrix(db, { workspaceId, frameworkVersionId: id })),
    ),
    db.vendor.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    memberDirectory(workspaceId),
  ]);
  return {
    versions: matrices.map(toPickerVersion),
    vendors: vendors.map((v): PickerOption => ({ id: v.id, label: v.name })),
    members: [...members.values()].map((m): PickerOption => ({
      id: m.id,
      label: `${m.name} (${m.email})`,
    })),
  };
}
