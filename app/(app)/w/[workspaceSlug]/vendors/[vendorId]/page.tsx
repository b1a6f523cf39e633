import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { VendorAttestationsSection } from "@/components/evidence/vendor-attestations-section";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LifecycleBadge, RiskTierBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { NotFoundError } from "@/lib/errors";
import { memberDirectory } from "@/lib/server/systems/member-directory";
import { getVendor } from "@/lib/server/vendors/get-vendor";
import { listLinkCandidates } from "@/lib/server/vendors/list-link-candidates";
import { idSchema } from "@/lib/validation/systems";

import {
  AssessmentTopicForm,
  DeleteVendorButton,
  LinkSystemsForm,
  UnlinkSystemButton,
} from "../_components/vendor-controls";
import { VendorForm } from "../_components/vendor-form";
import { VendorStatementsSection } from "../_components/vendor-statements-section";

type Props = { params: Promise<{ workspaceSlug: string; vendorId: string }> };

// Membership first, then the vendor by id AND workspace: a foreign id is the same 404 as an unknown one.
const loadVendorPage = cache(async (slug: string, vendorId: string) => {
  const auth = await requireWorkspacePage(slug, "vendor.read");
  if (!idSchema.safeParse(vendorId).success) notFound();
  try {
    return { auth, detail: await getVendor({ workspaceId: auth.workspace.id, vendorId }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, vendorId } = await params;
  return { title: (await loadVendorPage(workspaceSlug, vendorId)).detail.vendor.name };
}

export default async function VendorPage({ params }: Props) {
  const { workspaceSlug, vendorId } = await params;
  const { auth, detail } = await loadVendorPage(workspaceSlug, vendorId);
  const slug = auth.workspace.slug;
  const { vendor } = detail;
  const canEdit = can(auth.role, "vendor.update");
  const [directory, candidates] = await Promise.all([
    memberDirectory(auth.workspace.id),
    canEdit
      ? listLinkCandidates({ workspaceId: auth.workspace.id, vendorId: vendor.id })
      : Promise.resolve([]),
  ]);
  const members = [...directory.values()].map((m) => ({ id: m.id, label: m.name }));
  return (
    <>
      <PageHeader
        title={vendor.name}
        description={vendor.kind ?? undefined}
        breadcrumbs={[{ label: "Vendors", href: `/w/${slug}/vendors` }, { label: vendor.name }]}
        actions={
          canEdit ? (
            <DeleteVendorButton slug={slug} vendorId={vendor.id} name={vendor.name} />
          ) : null
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            {canEdit ? (
              <VendorForm slug={slug} vendorId={vendor.id} initial={vendor} />
            ) : (
              <dl className="grid gap-2 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-muted-foreground">Website</dt>
                  <dd>{vendor.website ?? "—"}</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Contact</dt>
                  <dd>
                    {[vendor.contactName, vendor.contactEmail].filter(Boolean).join(", ") || "—"}
                  </dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-muted-foreground">Notes</dt>
                  <dd>{vendor.notes ?? "—"}</dd>
                </div>
              </dl>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>AI systems from this vendor</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            {vendor.systems.length === 0 ? (
              <p className="text-sm text-muted-foreground">No systems linked yet.</p>
            ) : (
              <ul className="grid gap-2">
                {vendor.systems.map((system) => (
                  <li key={system.id} className="flex flex-wrap items-center gap-3 text-sm">
                    <Link
                      className="font-medium hover:underline"
                      href={`/w/${slug}/systems/${system.id}`}
                    >
                      {system.name}
                    </Link>
                    <RiskTierBadge tier={system.riskTier} />
                    <LifecycleBadge lifecycle={system.lifecycle} />
                    {canEdit ? (
                      <UnlinkSystemButton
                        slug={slug}
                        vendorId={vendor.id}
                        systemId={system.id}
                        name={system.name}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {canEdit ? (
              <LinkSystemsForm
                slug={slug}
                vendorId={vendor.id}
                systems={candidates.map((s) => ({ id: s.id, label: s.name }))}
              />
            ) : null}
          </CardContent>
        </Card>
        <VendorAttestationsSection
          workspaceId={auth.workspace.id}
          workspaceSlug={slug}
          role={auth.role}
          vendor={{ id: vendor.id, name: vendor.name }}
        />
        <VendorStatementsSection
          workspaceId={auth.workspace.id}
          slug={slug}
          role={auth.role}
          vendorId={vendor.id}
        />
        <section aria-labelledby="assessment-heading" className="grid gap-3">
          <h2 id="assessment-heading" className="text-lg font-semibold">
            Vendor assessment
          </h2>
          <p className="text-sm text-muted-foreground">
            Nine topics across the four layers of a generative AI service, from training data to
            regulatory duties.
          </p>
          <div className="grid gap-3 lg:grid-cols-2">
            {detail.assessment.map((topic) => (
              <AssessmentTopicForm
                key={topic.topicKey}
                slug={slug}
                vendorId={vendor.id}
                topic={topic}
                members={members}
                canEdit={canEdit}
              />
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
