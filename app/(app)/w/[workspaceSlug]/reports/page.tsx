import type { Metadata } from "next";

import { ReportJobs } from "@/components/reports/report-jobs";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listReports } from "@/lib/server/reports/list-reports";

export const metadata: Metadata = { title: "Reports" };

type Props = { params: Promise<{ workspaceSlug: string }> };

// The workspace report as a PDF an executive can read, made in the background.
export default async function ReportsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "report.read");
  return (
    <>
      <PageHeader
        title="Reports"
        description="The workspace report as a PDF: headline coverage and rates, coverage by domain and by deployment model, the most pressing gaps with their reasons, coverage by external standard and the state of the audit log."
      />
      <ReportJobs slug={auth.workspace.slug} initial={await listReports(auth.workspace.id)} />
    </>
  );
}
