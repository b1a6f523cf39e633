"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useAction } from "next-safe-action/hooks";

import { ExportProgress } from "@/components/exports/export-progress";
import { describeExportScope } from "@/components/exports/export-scope-summary";
import { ExportStateBadge } from "@/components/exports/export-state-badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cancelExportAction } from "@/lib/actions/exports";
import { resultFormError } from "@/lib/actions/result";
import type { ExportJobView } from "@/lib/view/exports/export-job";
import { formatBytes } from "@/lib/view/format";

import { exportQueryKeys } from "./query-keys";

const POLL_MS = 1000;

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

async function fetchJobs(slug: string): Promise<ExportJobView[]> {
  const response = await fetch(`/w/${encodeURIComponent(slug)}/exports/status`, {
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`Could not load export status (${response.status}).`);
  return ((await response.json()) as { jobs: ExportJobView[] }).jobs;
}

function CancelButton({ slug, job }: { slug: string; job: ExportJobView }) {
  const queryClient = useQueryClient();
  const { executeAsync, result } = useAction(cancelExportAction.bind(null, slug), {
    onSettled: () => void queryClient.invalidateQueries({ queryKey: exportQueryKeys.list(slug) }),
  });
  const error = resultFormError(result);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="sm"
            className="text-destructive"
            disabled={job.cancelRequested}
          >
            Cancel<span className="sr-only"> export started {when(job.createdAt)}</span>
          </Button>
        }
        title="Cancel this export?"
        description="The partly written bundle is deleted. You can start a new export at any time."
        confirmLabel="Cancel export"
        cancelLabel="Keep running"
        onConfirm={() => executeAsync({ exportId: job.id })}
      />
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

function StateDetail({ job }: { job: ExportJobView }) {
  if (job.state === "QUEUED" || job.state === "RUNNING") {
    return <ExportProgress value={job.progress} label={`Export started ${when(job.createdAt)}`} />;
  }
  if (job.state === "FAILED")
    return <p className="text-xs text-destructive">{job.error ?? "The export failed."}</p>;
  if (job.state === "CANCELLED")
    return <p className="text-xs text-muted-foreground">Cancelled; no bundle was kept.</p>;
  if (job.state === "EXPIRED")
    return <p className="text-xs text-muted-foreground">Deleted after the retention period.</p>;
  return (
    <p className="text-xs text-muted-foreground">
      {job.sizeBytes === null ? "—" : formatBytes(job.sizeBytes)} · kept until {when(job.expiresAt)}
    </p>
  );
}

export function ExportJobs({
  slug,
  initialJobs,
  systemNames,
  canCancel,
}: {
  slug: string;
  initialJobs: ExportJobView[];
  systemNames: Record<string, string>;
  canCancel: boolean;
}) {
  const { data: jobs = initialJobs, error } = useQuery({
    queryKey: exportQueryKeys.list(slug),
    queryFn: () => fetchJobs(slug),
    initialData: initialJobs,
    staleTime: 0,
    // Poll only while something is in flight; a page of finished jobs stays quiet.
    refetchInterval: (query) =>
      (query.state.data ?? []).some((job) => job.status === "QUEUED" || job.status === "RUNNING")
        ? POLL_MS
        : false,
  });
  if (jobs.length === 0)
    return <p className="text-sm text-muted-foreground">No exports yet. Start one above.</p>;
  return (
    <>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-destructive">
          {error.message}
        </p>
      ) : null}
      <Table label="Exports">
        <TableHeader>
          <TableRow>
            <TableHead>Started</TableHead>
            <TableHead>Scope</TableHead>
            <TableHead>By</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Progress</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobs.map((job) => (
            <TableRow key={job.id} data-export-id={job.id}>
              <TableCell className="whitespace-nowrap">{when(job.createdAt)}</TableCell>
              <TableCell className="text-sm">
                {describeExportScope(job.scope, systemNames)}
              </TableCell>
              <TableCell>{job.requestedBy}</TableCell>
              <TableCell>
                <ExportStateBadge state={job.state} cancelRequested={job.cancelRequested} />
              </TableCell>
              <TableCell className="min-w-48">
                <StateDetail job={job} />
              </TableCell>
              <TableCell className="text-right">
                {job.downloadable ? (
                  <Button asChild size="sm" variant="outline">
                    <a href={`/w/${encodeURIComponent(slug)}/exports/${job.id}/download`} download>
                      <Download aria-hidden="true" />
                      Download<span className="sr-only"> bundle started {when(job.createdAt)}</span>
                    </a>
                  </Button>
                ) : null}
                {canCancel && (job.status === "QUEUED" || job.status === "RUNNING") ? (
                  <CancelButton slug={slug} job={job} />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
