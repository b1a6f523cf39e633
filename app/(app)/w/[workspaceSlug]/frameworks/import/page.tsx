import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";

import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a framework" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function ImportFrameworkPage({ params }: Props) {
  const { workspaceSlug } = await params;
  const auth = await requireWorkspacePage(workspaceSlug, "framework.read");
  const slug = auth.workspace.slug;
  const catalog = `/w/${encodeURIComponent(slug)}/frameworks`;
  return (
    <>
      <PageHeader
        title="Import a framework"
        description={
          <>
            Upload a framework definition in the app&apos;s YAML or JSON format (see{" "}
            <code>docs/framework-format.md</code>). The file is checked and previewed before
            anything is stored. A custom framework is visible only in this workspace; a new version
            of one you imported before is added next to the old one, which stays unchanged.
          </>
        }
        breadcrumbs={[{ label: "Frameworks", href: catalog }, { label: "Import" }]}
      />
      {can(auth.role, "framework.import") ? (
        <ImportForm slug={slug} />
      ) : (
        <EmptyState
          icon={Lock}
          title="Only owners and admins can import frameworks"
          description={
            <>
              Ask an admin of this workspace to import it. You can still browse every framework in
              the{" "}
              <Link href={catalog} className="font-medium text-primary underline">
                catalog
              </Link>
              .
            </>
          }
        />
      )}
    </>
  );
}
