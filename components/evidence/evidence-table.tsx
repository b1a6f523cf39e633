import Link from "next/link";

import { ReuseEvidenceDialog } from "@/components/evidence/reuse-evidence-dialog";
import { EvidenceStateBadge, ReviewStatusBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import { attestationLabel, formatDay, KIND_LABELS } from "@/lib/view/evidence/labels";

export type EvidenceTableRow = {
  id: string;
  title: string;
  kind: EvidenceKind;
  attestationType: string | null;
  state: string;
  reviewStatus: string;
  vendorName: string | null;
  linkCount: number;
  fileName: string | null;
  validUntil: Date | null;
  createdAt: Date;
};

/** The library's list. "Reuse" is offered on live, newest revisions only (others cannot be linked). */
export function EvidenceTable({
  workspaceSlug,
  rows,
  canReuse,
}: {
  workspaceSlug: string;
  rows: EvidenceTableRow[];
  canReuse: boolean;
}) {
  return (
    <Table label="Evidence">
      <TableHeader>
        <TableRow>
          <TableHead>Title</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Review</TableHead>
          <TableHead>Vendor</TableHead>
          <TableHead>Linked duties</TableHead>
          <TableHead>Valid until</TableHead>
          <TableHead>Added</TableHead>
          {canReuse ? (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="max-w-xs">
              <Link
                href={`/w/${workspaceSlug}/evidence/${row.id}`}
                className="font-medium break-words hover:underline"
              >
                {row.title}
              </Link>
              {row.fileName && row.fileName !== row.title ? (
                <span className="block truncate text-xs text-muted-foreground">{row.fileName}</span>
              ) : null}
            </TableCell>
            <TableCell>{attestationLabel(row.attestationType) ?? KIND_LABELS[row.kind]}</TableCell>
            <TableCell>
              <EvidenceStateBadge state={row.state} />
            </TableCell>
            <TableCell>
              <ReviewStatusBadge status={row.reviewStatus} />
            </TableCell>
            <TableCell>{row.vendorName ?? "—"}</TableCell>
            <TableCell className="tabular-nums">{row.linkCount}</TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatDay(row.validUntil)}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatDay(row.createdAt)}
            </TableCell>
            {canReuse ? (
              <TableCell>
                {["current", "expiring_soon", "expired", "rejected"].includes(row.state) ? (
                  <ReuseEvidenceDialog
                    workspaceSlug={workspaceSlug}
                    evidenceId={row.id}
                    evidenceTitle={row.title}
                  />
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
