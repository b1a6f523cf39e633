import "server-only";

import type { ReactNode } from "react";

import { DutyEvidence } from "@/components/evidence/duty-evidence";
import { can } from "@/lib/auth/permissions";
import type { DutySide } from "@/lib/domain/responsibility";
import type { Role } from "@/lib/generated/prisma/client";
import { listSystemEvidence } from "@/lib/server/evidence/list-system-evidence";
import { systemFilterOptions } from "@/lib/server/systems/system-filter-options";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

type DomainDuties = { name: string; parts: { id: string; side: DutySide }[] };

/**
 * The evidence block of every part of one system, rendered on the server and handed to the
 * responsibility view (a client component) as ready-made slots keyed by part id, so the view
 * needs one extra prop and no data access of its own.
 */
export async function dutyEvidenceSlots({
  workspaceId,
  workspaceSlug,
  systemId,
  role,
  archived,
  domains,
}: {
  workspaceId: string;
  workspaceSlug: string;
  systemId: string;
  role: Role;
  archived: boolean;
  domains: DomainDuties[];
}): Promise<Record<string, ReactNode>> {
  if (!can(role, "evidence.read")) return {};
  const canAttach = !archived && can(role, "evidence.create") && can(role, "evidence.update");
  const [evidence, options] = await Promise.all([
    listSystemEvidence({ workspaceId, systemId }),
    canAttach ? systemFilterOptions(workspaceId) : Promise.resolve(null),
  ]);
  const vendor = evidence.vendor
    ? { ...evidence.vendor, attestations: evidence.vendorAttestations }
    : null;
  const slots: Record<string, ReactNode> = {};
  for (const domain of domains) {
    for (const part of domain.parts) {
      slots[part.id] = (
        <DutyEvidence
          workspaceSlug={workspaceSlug}
          dutyId={part.id}
          side={part.side}
          label={`${SIDE_LABELS[part.side]} of ${domain.name}`}
          items={evidence.byDuty[part.id] ?? []}
          vendor={vendor}
          covered={evidence.coveredByDuty[part.id]}
          canAttach={canAttach}
          vendors={options?.vendors}
        />
      );
    }
  }
  return slots;
}
