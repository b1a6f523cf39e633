import type { Metadata } from "next";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { env } from "@/lib/env";
import { listExportChoices } from "@/lib/server/exports/list-export-choices";
import { listExportJobs } from "@/lib/server/exports/list-export-jobs";

import { ExportForm } from "./export-form";
import { ExportJobs } from "./export-jobs";

export const metadata: Metadata = { title: "Exports" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function ExportsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "export.read");
  const [choices, jobs] = await Promise.all([
    listExportChoices({ workspaceId: auth.workspace.id }),
    listExportJobs({ workspaceId: auth.workspace.id }),
  ]);
  const canCreate = can(auth.role, "export.create");
  return (
    <>
      <PageHeader
        title="Exports"
        description={`Evidence bundles for auditors: one ZIP with a manifest of SHA-256 hashes, a readable report, CSV tables, the audit log and the evidence files. Bundles are kept for ${env().EXPORT_RETENTION_DAYS} days.`}
      />
      <div className="grid gap-6">
        {canCreate ? (
          <Card>
            <CardHeader className="flex-col items-stretch">
              <CardTitle>New export</CardTitle>
              <CardDescription>
                Choose what goes into the bundle. It is built in the background; this page shows its
                progress.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ExportForm slug={auth.workspace.slug} choices={choices} />
            </CardContent>
          </Card>
        ) : null}
        <section aria-labelledby="exports-heading" className="grid gap-3">
          <h2 id="exports-heading" className="text-lg font-semibold">
            Recent exports
          </h2>
          <ExportJobs
            slug={auth.workspace.slug}
            initialJobs={jobs}
            systemNames={Object.fromEntries(choices.systems.map((s) => [s.id, s.name]))}
            canCancel={canCreate}
          />
        </section>
      </div>
    </>
  );
}
