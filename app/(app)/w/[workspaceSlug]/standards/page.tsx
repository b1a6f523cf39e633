import { Download } from "lucide-react";
import type { Metadata } from "next";

import { ReferenceCoverageView } from "@/components/crosswalks/reference-coverage-view";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import { firstParam } from "@/lib/validation/frameworks";

export const metadata: Metadata = { title: "Standards" };

type Props = {
  params: Promise<{ workspaceSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Coverage by external reference: how the workspace's duties cover OWASP, ATLAS, NIST, ISO/IEC
// 42001 and EU AI Act entries, through the crosswalks.
export default async function StandardsPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "coverage.read");
  const report = await loadReferenceCoverage({ workspaceId: auth.workspace.id });
  const asked = firstParam((await searchParams).catalogue);
  const selected =
    report.catalogues.find((c) => c.key === asked)?.key ?? report.catalogues[0]?.key ?? "";
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Standards"
        description="How far your duties cover the entries of other security and AI governance standards. Each entry counts the duties of the security domains a crosswalk relates to it; follow a figure to its gaps."
        actions={
          <Button asChild variant="outline">
            <a href={`/w/${slug}/standards/export`} download>
              <Download aria-hidden="true" /> Export CSV
            </a>
          </Button>
        }
      />
      {report.catalogues.length === 0 ? (
        <EmptyState
          title="No crosswalks"
          description="Import a crosswalk to relate your domains to external standards."
        />
      ) : (
        <ReferenceCoverageView slug={slug} report={report} selected={selected} />
      )}
      {report.crosswalks.length > 0 ? (
        <p className="mt-6 text-xs text-muted-foreground">
          Crosswalks in use:{" "}
          {report.crosswalks
            .map((c) => `${c.name} ${c.version}${c.builtIn ? " (built-in)" : ""}`)
            .join("; ")}
          . Relationships follow OSCAL 1.2 (equivalent-to, subset-of, superset-of, intersects-with);
          see each domain page for the rationale of every edge.
        </p>
      ) : null}
    </>
  );
}
