import Link from "next/link";

import { AttachEvidenceDialog } from "@/components/evidence/attach-evidence-dialog";
import { Badge } from "@/components/ui/badge";
import { EvidenceStateBadge } from "@/components/ui/status-badge";
import type { DutySide, EvidenceKind } from "@/lib/domain/responsibility";
import { attestationLabel, type Option } from "@/lib/view/evidence/labels";

export type DutyEvidenceItem = {
  id: string;
  title: string;
  kind: EvidenceKind;
  state: string;
  attestationType: string | null;
};

export type DutyEvidenceProps = {
  workspaceSlug: string;
  dutyId: string;
  side: DutySide;
  /** Names the part, e.g. "Your part of Access control". */
  label: string;
  items: DutyEvidenceItem[];
  /** Provider parts: the attestations held for the system's vendor, which count here too. */
  vendor?: { id: string; name: string; attestations: DutyEvidenceItem[] } | null;
  /** From the coverage engine; undefined for parts it does not count (archived systems). */
  covered?: boolean;
  canAttach: boolean;
  vendors?: Option[];
};

/** A part's evidence in the responsibility view: what is linked, whether it covers, and "Attach". */
export function DutyEvidence({
  workspaceSlug,
  dutyId,
  side,
  label,
  items,
  vendor,
  covered,
  canAttach,
  vendors,
}: DutyEvidenceProps) {
  const through = side === "PROVIDER" ? (vendor?.attestations ?? []) : [];
  return (
    <div className="mt-2 grid gap-1.5" aria-label={`Evidence for ${label}`} role="group">
      <div className="flex flex-wrap items-center gap-2">
        {covered === undefined ? null : covered ? (
          <Badge variant="success">Covered</Badge>
        ) : (
          <Badge variant="outline">Not covered</Badge>
        )}
        {items.length === 0 && through.length === 0 ? (
          <span className="text-muted-foreground">No evidence yet.</span>
        ) : null}
        {canAttach ? (
          <span className="ml-auto">
            <AttachEvidenceDialog
              workspaceSlug={workspaceSlug}
              dutyId={dutyId}
              label={label}
              linkedIds={items.map((item) => item.id)}
              vendors={vendors}
              kinds={
                side === "PROVIDER"
                  ? ["ATTESTATION", "FILE", "LINK", "NOTE"]
                  : ["FILE", "LINK", "NOTE", "ATTESTATION"]
              }
            />
          </span>
        ) : null}
      </div>
      {items.length > 0 ? <EvidenceItems workspaceSlug={workspaceSlug} items={items} /> : null}
      {through.length > 0 && vendor ? (
        <div className="grid gap-1">
          <span className="text-xs text-muted-foreground">Through vendor {vendor.name}:</span>
          <EvidenceItems workspaceSlug={workspaceSlug} items={through} />
        </div>
      ) : null}
    </div>
  );
}

function EvidenceItems({
  workspaceSlug,
  items,
}: {
  workspaceSlug: string;
  items: DutyEvidenceItem[];
}) {
  return (
    <ul className="grid gap-1">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2">
          <Link
            className="underline-offset-2 hover:underline"
            href={`/w/${workspaceSlug}/evidence/${item.id}`}
          >
            {item.title}
          </Link>
          {item.attestationType ? (
            <span className="text-xs text-muted-foreground">
              {attestationLabel(item.attestationType)}
            </span>
          ) : null}
          <EvidenceStateBadge state={item.state} />
        </li>
      ))}
    </ul>
  );
}
