import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { SYSTEM_CSV_COLUMNS } from "@/lib/csv/systems-csv";

import { ImportSystemsForm } from "../_components/import-systems-form";

export const metadata: Metadata = { title: "Import AI systems" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function ImportSystemsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "system.create");
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Import AI systems"
        description="Register many systems at once from a CSV file. Every row is checked first; if any row has a problem, nothing is imported and each problem is listed with its row and column."
        breadcrumbs={[{ label: "AI systems", href: `/w/${slug}/systems` }, { label: "Import" }]}
      />
      <div className="grid gap-4 text-sm">
        <p>
          Start from{" "}
          <a className="font-medium underline" href={`/w/${slug}/systems/template`}>
            the CSV template
          </a>
          . Columns: <code className="font-mono text-xs">{SYSTEM_CSV_COLUMNS.join(", ")}</code>.
          Only <code className="font-mono text-xs">name</code> and{" "}
          <code className="font-mono text-xs">primary_model</code> are required; separate several
          models or tags with semicolons. Vendors are matched by name and business owners by the
          e-mail of a member. An empty framework means the newest AI Security Shared Responsibility
          Model.
        </p>
        <ImportSystemsForm slug={slug} />
      </div>
    </>
  );
}
