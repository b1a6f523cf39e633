import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { systemFormOptions } from "@/lib/server/systems/system-form-options";

import { SystemForm } from "../_components/system-form";

export const metadata: Metadata = { title: "Register an AI system" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function NewSystemPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "system.create");
  const options = await systemFormOptions({ workspaceId: auth.workspace.id });
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Register an AI system"
        description="Describe the system and choose how it is deployed. The preview shows the duties the choice creates before you save."
        breadcrumbs={[{ label: "AI systems", href: `/w/${slug}/systems` }, { label: "Register" }]}
      />
      <SystemForm
        slug={slug}
        versions={options.versions}
        vendors={options.vendors}
        members={options.members}
      />
    </>
  );
}
