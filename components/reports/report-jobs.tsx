"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText } from "lucide-react";
import { useAction } from "next-safe-action/hooks";

import { ExportStateBadge } from "@/components/exports/export-state-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { startReportAction } from "@/lib/actions/reports";
import { resultFormError } from "@/lib/actions/result";
import { type ReportJobView, reportQueryKeys } from "@/lib/view/reports/report-job";

const POLL_MS = 1000;
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");
const size = (bytes: number | null) => (bytes === null ? "—" : `${Math.ceil(bytes / 1024)} KB`);

async function fetchReports(slug: string): Promise<ReportJobView[]> {
  const response = await fetch(`/w/${encodeURIComponent(slug)}/reports/status`, {
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`Could not load the reports (${response.status}).`);
  return ((await response.json()) as { reports: ReportJobView[] }).reports;
}

/**
 * The PDF reports of a workspace: a button that queues a new one (rendered in the background, so
 * a large workspace never holds a request) and the list, polled while one is being made.
 */
export function ReportJobs({ slug, initial }: { slug: string; initial: ReportJobView[] }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: reportQueryKeys.list(slug),
    queryFn: () => fetchReports(slug),
    initialData: initial,
    refetchInterval: (q) =>
      (q.state.data ?? []).some((r) => r.status === "QUEUED" || r.status === "RUNNING")
        ? POLL_MS
        : false,
  });
  const { execute, result, isPending } = useAction(startReportAction.bind(null, slug), {
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reportQueryKeys.list(slug) }),
  });
  const error = resultFormError(result);
  const reports = query.data;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => execute({})} disabled={isPending}>
          <FileText aria-hidden="true" /> {isPending ? "Queuing…" : "Make a PDF report"}
        </Button>
        <p className="text-sm text-muted-foreground">
          Made in the background from the current figures; ready in a few seconds.
        </p>
      </div>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {reports.length === 0 ? (
        <p className="rounded-xl border bg-card p-6 text-center text-sm">No reports yet.</p>
      ) : (
        <Table>
          <TableCaption className="sr-only">PDF reports, newest first</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Requested</TableHead>
              <TableHead>By</TableHead>
              <TableHead>State</TableHead>
              <TableHead className="text-right">Size</TableHead>
              <TableHead>
                <span className="sr-only">Download</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((report) => (
              <TableRow key={report.id} data-testid="report-row">
                <TableCell>{when(report.createdAt)}</TableCell>
                <TableCell>{report.requestedBy}</TableCell>
                <TableCell>
                  <ExportStateBadge state={report.status} />
                  {report.error ? (
                    <span className="mt-1 block text-xs text-muted-foreground">{report.error}</span>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{size(report.sizeBytes)}</TableCell>
                <TableCell>
                  {report.status === "DONE" ? (
                    <Button asChild size="sm" variant="outline">
                      <a
                        href={`/w/${encodeURIComponent(slug)}/reports/${encodeURIComponent(report.id)}/download`}
                        download
                      >
                        <Download aria-hidden="true" /> Download PDF
                        <span className="sr-only"> of {when(report.createdAt)}</span>
                      </a>
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
