import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { systemFormOptions } from "@/lib/server/systems/system-form-options";

import { SystemForm } from "../../_components/system-form";
import { loadSystemPage } from "../../_lib/load-system-page";

type Props = { params: Promise<{ workspaceSlug: string; systemId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceSlug, systemId } = await params;
  const { detail } = await loadSystemPage(workspaceSlug, systemId);
  return { title: `Edit ${detail.system.name}` };
}

export default async function EditSystemPage({ params }: Props) {
  const { workspaceSlug, systemId } = await params;
  await requireWorkspacePage(workspaceSlug, "system.update");
  const { auth, detail } = await loadSystemPage(workspaceSlug, systemId);
  if (detail.system.archivedAt) notFound();
  const options = await systemFormOptions({
    workspaceId: auth.workspace.id,
    currentVersionId: detail.system.frameworkVersionId,
  });
  const slug = auth.workspace.slug;
  const s = detail.system;
  return (
    <>
      <PageHeader
        title={`Edit ${s.name}`}
        breadcrumbs={[
          { label: "AI systems", href: `/w/${slug}/systems` },
          { label: s.name, href: `/w/${slug}/systems/${s.id}` },
          { label: "Edit" },
        ]}
      />
      <SystemForm
        slug={slug}
        versions={options.versions}
        vendors={options.vendors}
        members={options.members}
        existing={{
          systemId: s.id,
          version: s.version,
          fields: {
            name: s.name,
            description: s.description,
            frameworkVersionId: s.frameworkVersionId,
            primaryModel: s.primaryModel,
            additionalModels: s.additionalModels,
            variant: s.variant,
            vendorId: s.vendorId,
            businessOwnerId: s.businessOwnerId,
            riskTier: s.riskTier,
            euAiActCategory: s.euAiActCategory,
            dataClassification: s.dataClassification,
            lifecycle: s.lifecycle,
            tags: s.tags,
          },
        }}
      />
    </>
  );
}
