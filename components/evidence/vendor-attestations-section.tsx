import Link from "next/link";

import { EvidenceFormDialog } from "@/components/evidence/evidence-form-dialog";
import { EvidenceStateBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/client";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { attestationLabel, formatDay } from "@/lib/view/evidence/labels";

/**
 * The "Attestations" section of a vendor's page: the attestations held for it (each one covers
 * the provider's part of every system of the vendor) and a form to upload or link a new one.
 * Loads its own data so the vendor page needs a single line to show it.
 */
export async function VendorAttestationsSection({
  workspaceId,
  workspaceSlug,
  role,
  vendor,
}: {
  workspaceId: string;
  workspaceSlug: string;
  role: Role;
  vendor: { id: string; name: string };
}) {
  if (!can(role, "evidence.read")) return null;
  const page = await listEvidence({
    workspaceId,
    query: {
      vendorId: vendor.id,
      kind: ["ATTESTATION"],
      state: ["current", "expiring_soon", "expired", "rejected"],
      page: 1,
      pageSize: 100,
    },
  });
  return (
    <section aria-labelledby="attestations-heading" className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="attestations-heading" className="text-lg font-semibold">
            Attestations
          </h2>
          <p className="text-sm text-muted-foreground">
            SOC 2 reports, certificates, model cards, data-processing agreements and test reports
            held for {vendor.name}. A current one covers the provider&apos;s part of every system of
            this vendor.
          </p>
        </div>
        {can(role, "evidence.create") ? (
          <EvidenceFormDialog
            workspaceSlug={workspaceSlug}
            kinds={["ATTESTATION"]}
            fixedVendor={{ value: vendor.id, label: vendor.name }}
            after="refresh"
            triggerLabel="Add attestation"
            title={`Add an attestation for ${vendor.name}`}
            description="Upload the document or link to it. Set its expiry so it stops counting when it lapses."
          />
        ) : null}
      </div>
      {page.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No attestations yet: the provider&apos;s parts of this vendor&apos;s systems stay
          uncovered.
        </p>
      ) : (
        <ul className="grid gap-2" aria-label={`Attestations for ${vendor.name}`}>
          {page.items.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center gap-3 rounded-md border bg-card p-3 text-sm"
            >
              <Link
                className="font-medium hover:underline"
                href={`/w/${workspaceSlug}/evidence/${item.id}`}
              >
                {item.title}
              </Link>
              <span className="text-muted-foreground">
                {attestationLabel(item.attestationType)}
              </span>
              <EvidenceStateBadge state={item.state} />
              <span className="ml-auto tabular-nums text-muted-foreground">
                {item.validUntil ? `Valid until ${formatDay(item.validUntil)}` : "No expiry"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
