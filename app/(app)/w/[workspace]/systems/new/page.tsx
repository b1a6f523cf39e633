import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getWorkspaceAuth } from "@/lib/auth/session";
import { systemFormOptions } from "@/lib/server/systems/system-form-options";

import { SystemForm } from "../_components/system-form";

export const metadata: Metadata = { title: "Register an AI system" };

type Props = { params: Promise<{ workspace: string }> };

export default async function NewSystemPage({ params }: Props) {
  const auth = await getWorkspaceAuth((await params).workspace);
  if (!can(auth.role, "system.create")) notFound();
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
