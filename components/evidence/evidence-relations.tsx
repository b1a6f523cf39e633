import Link from "next/link";

import { UnlinkEvidenceButton } from "@/components/evidence/evidence-detail-controls";
import { EvidenceStateBadge } from "@/components/ui/status-badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { DutySide } from "@/lib/domain/responsibility";
import { SIDE_LABELS } from "@/lib/view/duties/labels";
import { formatDay } from "@/lib/view/evidence/labels";

export type EvidenceLinkRow = {
  dutyId: string;
  side: DutySide;
  domainKey: string;
  domainName: string;
  system: { id: string; name: string };
  linkedAt: Date;
};

/** The duties an item serves; an attestation held for a vendor also covers that vendor's systems. */
export function EvidenceLinksTable({
  workspaceSlug,
  evidenceId,
  links,
  canUnlink,
  vendor,
}: {
  workspaceSlug: string;
  evidenceId: string;
  links: EvidenceLinkRow[];
  canUnlink: boolean;
  vendor: { id: string; name: string } | null;
}) {
  return (
    <section aria-labelledby="links-heading" className="mt-6 grid gap-3">
      <h2 id="links-heading" className="text-lg font-semibold">
        Linked duties
      </h2>
      {vendor ? (
        <p className="text-sm text-muted-foreground">
          Held for{" "}
          <Link className="underline" href={`/w/${workspaceSlug}/vendors/${vendor.id}`}>
            {vendor.name}
          </Link>
          : it also covers the provider&apos;s part of every system of this vendor.
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Not linked to any duty. Use “Reuse” to link it.
        </p>
      ) : (
        <Table label="Duties this evidence is linked to">
          <TableHeader>
            <TableRow>
              <TableHead>AI system</TableHead>
              <TableHead>Security domain</TableHead>
              <TableHead>Side</TableHead>
              <TableHead>Linked on</TableHead>
              {canUnlink ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {links.map((link) => (
              <TableRow key={link.dutyId}>
                <TableCell>
                  <Link
                    className="font-medium hover:underline"
                    href={`/w/${workspaceSlug}/systems/${link.system.id}`}
                  >
                    {link.system.name}
                  </Link>
                </TableCell>
                <TableCell>{link.domainName}</TableCell>
                <TableCell>{SIDE_LABELS[link.side]}</TableCell>
                <TableCell className="tabular-nums">{formatDay(link.linkedAt)}</TableCell>
                {canUnlink ? (
                  <TableCell>
                    <UnlinkEvidenceButton
                      workspaceSlug={workspaceSlug}
                      evidenceId={evidenceId}
                      dutyId={link.dutyId}
                      dutyLabel={`${link.system.name}, ${link.domainName} (${SIDE_LABELS[link.side].toLowerCase()})`}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

export type RevisionRow = {
  id: string;
  title: string;
  state: string;
  createdAt: Date;
  file: { name: string } | null;
};

/** Every revision of the item, newest first; older ones stay viewable (and downloadable). */
export function RevisionHistory({
  workspaceSlug,
  currentId,
  revisions,
}: {
  workspaceSlug: string;
  currentId: string;
  revisions: RevisionRow[];
}) {
  return (
    <section aria-labelledby="revisions-heading" className="mt-6 grid gap-3">
      <h2 id="revisions-heading" className="text-lg font-semibold">
        Revision history
      </h2>
      <ol className="grid gap-2" aria-label="Revisions, newest first">
        {revisions.map((revision, index) => (
          <li
            key={revision.id}
            className="flex flex-wrap items-center gap-3 rounded-md border bg-card p-3 text-sm"
          >
            <span className="tabular-nums text-muted-foreground">
              Revision {revisions.length - index}
            </span>
            {revision.id === currentId ? (
              <span className="font-medium" aria-current="page">
                {revision.title} (this page)
              </span>
            ) : (
              <Link
                className="font-medium hover:underline"
                href={`/w/${workspaceSlug}/evidence/${revision.id}`}
              >
                {revision.title}
              </Link>
            )}
            {revision.file ? (
              <span className="text-muted-foreground">{revision.file.name}</span>
            ) : null}
            <EvidenceStateBadge state={revision.state} />
            <span className="ml-auto tabular-nums text-muted-foreground">
              Added {formatDay(revision.createdAt)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
