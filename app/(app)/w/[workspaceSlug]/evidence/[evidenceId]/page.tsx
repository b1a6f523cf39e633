import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import {
  DeleteEvidenceButton,
  PurgeEvidenceButton,
  ReviewEvidenceForm,
} from "@/components/evidence/evidence-detail-controls";
import { EvidenceFormDialog } from "@/components/evidence/evidence-form-dialog";
import { EvidenceLinksTable, RevisionHistory } from "@/components/evidence/evidence-relations";
import { MarkdownNote } from "@/components/evidence/markdown-note";
import { ReuseEvidenceDialog } from "@/components/evidence/reuse-evidence-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FlashMessage } from "@/components/ui/flash-message";
import { PageHeader } from "@/components/ui/page-header";
import { EvidenceStateBadge, ReviewStatusBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { NotFoundError } from "@/lib/errors";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { systemFilterOptions } from "@/lib/server/systems/system-filter-options";
import { idSchema } from "@/lib/validation/evidence";
import { attestationLabel, formatDay, KIND_LABELS } from "@/lib/view/evidence/labels";
import { formatBytes } from "@/lib/view/format";

type Props = {
  params: Promise<{ workspaceSlug: string; evidenceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Membership first, then the item by id AND workspace: another workspace's id is the same 404 as
// an unknown one, and its title never reaches the page title.
const loadEvidencePage = cache(async (slug: string, evidenceId: string) => {
  const auth = await requireWorkspacePage(slug, "evidence.read");
  if (!idSchema.safeParse(evidenceId).success) notFound();
  try {
    return { auth, item: await getEvidence({ workspaceId: auth.workspace.id, evidenceId }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, evidenceId } = await params;
  return { title: (await loadEvidencePage(workspaceSlug, evidenceId)).item.title };
}

export default async function EvidencePage({ params, searchParams }: Props) {
  const { workspaceSlug, evidenceId } = await params;
  const { auth, item } = await loadEvidencePage(workspaceSlug, evidenceId);
  const flash = (await searchParams).flash;
  const slug = auth.workspace.slug;
  const [members, options] = await Promise.all([
    memberDirectory(auth.workspace.id),
    systemFilterOptions(auth.workspace.id),
  ]);
  const domainNames = new Map(options.domains.map((d) => [d.value, d.label]));
  const person = (id: string | null) => (id ? (members.get(id)?.name ?? "Former member") : null);

  const deleted = item.deletedAt !== null;
  const superseded = item.supersededById !== null;
  const live = !deleted && !superseded;
  const downloadable = item.file !== null && !item.file.purged && !deleted;
  const newest = item.revisions[0];

  return (
    <>
      <PageHeader
        title={item.title}
        meta={
          <>
            <EvidenceStateBadge state={item.state} />
            <ReviewStatusBadge status={item.review.status} />
          </>
        }
        description={item.description ?? undefined}
        breadcrumbs={[{ label: "Evidence", href: `/w/${slug}/evidence` }, { label: item.title }]}
        actions={
          <>
            {downloadable ? (
              <Button asChild variant="outline">
                <a href={`/w/${slug}/evidence/${item.id}/download`} download>
                  <Download aria-hidden="true" />
                  Download<span className="sr-only"> {item.file?.name}</span>
                </a>
              </Button>
            ) : null}
            {live && can(auth.role, "evidence.update") ? (
              <ReuseEvidenceDialog
                workspaceSlug={slug}
                evidenceId={item.id}
                evidenceTitle={item.title}
                size="default"
              />
            ) : null}
            {live && can(auth.role, "evidence.create") ? (
              <EvidenceFormDialog
                workspaceSlug={slug}
                kinds={[item.kind]}
                supersedes={{
                  id: item.id,
                  kind: item.kind,
                  title: item.title,
                  attestationType: item.attestationType,
                  vendorId: item.vendor?.id,
                  hasFile: item.file !== null,
                }}
                vendors={options.vendors}
                triggerVariant="outline"
                triggerLabel={
                  item.kind === "FILE" || item.file ? "Upload new revision" : "Add new revision"
                }
                title="New revision"
                description="The new revision replaces this one: this one is kept in the history as superseded, and its links to duties move to the new revision."
              />
            ) : null}
            {!deleted && can(auth.role, "evidence.delete") ? (
              <DeleteEvidenceButton workspaceSlug={slug} evidenceId={item.id} title={item.title} />
            ) : null}
            {deleted && item.purgedAt === null && can(auth.role, "evidence.purge") ? (
              <PurgeEvidenceButton workspaceSlug={slug} evidenceId={item.id} title={item.title} />
            ) : null}
          </>
        }
      />
      {flash === "saved" ? (
        <FlashMessage message="Evidence saved." clearParam="flash" className="mb-4" />
      ) : null}
      {superseded && newest ? (
        <Alert variant="info" className="mb-4" title="This is an older revision">
          It no longer counts for any duty.{" "}
          <Link href={`/w/${slug}/evidence/${newest.id}`}>Open the newest revision</Link>.
        </Alert>
      ) : null}
      {deleted ? (
        <Alert
          variant="warning"
          className="mb-4"
          title={item.purgedAt ? "Deleted and purged" : "Deleted"}
        >
          {item.purgedAt
            ? `Its content was erased on ${formatDay(item.purgedAt)}; the record stays for the audit log.`
            : "It no longer counts as evidence. An administrator can purge it permanently."}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Detail term="Kind">
                {attestationLabel(item.attestationType)
                  ? `${KIND_LABELS[item.kind]}: ${attestationLabel(item.attestationType)}`
                  : KIND_LABELS[item.kind]}
              </Detail>
              <Detail term="Held for vendor">
                {item.vendor ? (
                  <Link className="underline" href={`/w/${slug}/vendors/${item.vendor.id}`}>
                    {item.vendor.name}
                  </Link>
                ) : (
                  "—"
                )}
              </Detail>
              <Detail term="Collected on">{formatDay(item.collectedAt)}</Detail>
              <Detail term="Valid until">
                {item.validUntil ? formatDay(item.validUntil) : "No expiry"}
              </Detail>
              <Detail term="Added by">
                {person(item.uploaderId) ?? (item.uploaderTokenId ? "An API token" : "—")}
              </Detail>
              <Detail term="Added on">{formatDay(item.createdAt)}</Detail>
              {item.file ? (
                <>
                  <Detail term="File">
                    {item.file.name} ({formatBytes(item.file.sizeBytes)},{" "}
                    {item.file.contentType.split(";")[0]})
                  </Detail>
                  <Detail term="SHA-256">
                    <code className="text-xs break-all">{item.file.sha256}</code>
                  </Detail>
                </>
              ) : null}
              {item.url ? (
                <Detail term="Address" wide>
                  <a
                    className="break-all underline"
                    href={item.url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                  >
                    {item.url}
                  </a>
                </Detail>
              ) : null}
            </dl>
            {item.note ? (
              <section aria-labelledby="note-heading" className="grid gap-2 border-t pt-4">
                <h3 id="note-heading" className="font-semibold">
                  Note
                </h3>
                <MarkdownNote source={item.note} />
              </section>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Review</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>
              <ReviewStatusBadge status={item.review.status} />
            </p>
            {item.review.reviewedAt ? (
              <p>
                By {person(item.review.reviewerId) ?? "an API token"} on{" "}
                {formatDay(item.review.reviewedAt)}
              </p>
            ) : null}
            {item.review.comment ? (
              <p className="rounded-md bg-muted p-2">{item.review.comment}</p>
            ) : null}
            {live && can(auth.role, "evidence.review") ? (
              <ReviewEvidenceForm workspaceSlug={slug} evidenceId={item.id} />
            ) : null}
          </CardContent>
        </Card>
      </div>
      <EvidenceLinksTable
        workspaceSlug={slug}
        evidenceId={item.id}
        canUnlink={can(auth.role, "evidence.update") && !deleted}
        links={item.links.map((link) => ({
          ...link,
          domainName: domainNames.get(link.domainKey) ?? link.domainKey,
        }))}
        vendor={item.kind === "ATTESTATION" ? item.vendor : null}
      />
      <RevisionHistory workspaceSlug={slug} currentId={item.id} revisions={item.revisions} />
    </>
  );
}

function Detail({
  term,
  wide = false,
  children,
}: {
  term: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
