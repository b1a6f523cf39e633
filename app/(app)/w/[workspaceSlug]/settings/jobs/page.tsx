import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";

import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listFailedJobs } from "@/lib/server/jobs/list-failed-jobs";

export const metadata: Metadata = { title: "Background jobs" };

type Props = { params: Promise<{ workspaceSlug: string }> };

const SHOWN = 100;

function formatDate(iso: string): string {
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}

export default async function BackgroundJobsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "job.read");
  const jobs = await listFailedJobs({ workspaceId: auth.workspace.id, limit: SHOWN });
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="flex-col items-stretch">
          <CardTitle>Failed background jobs</CardTitle>
          <CardDescription>
            Exports, the daily coverage snapshot and the deletion of purged files run in the
            background and are retried when they fail. Those that still failed are listed here with
            the reason (the latest {SHOWN}; also in the API at{" "}
            <code className="font-mono">/api/v1/jobs/failed</code>).
          </CardDescription>
        </CardHeader>
      </Card>
      {jobs.length === 0 ? (
        <EmptyState
          icon={CircleCheck}
          title="No failed jobs"
          description="Every background job of this workspace finished, or is still being retried."
        />
      ) : (
        <Table label="Failed background jobs">
          <TableHeader>
            <TableRow>
              <TableHead>Job</TableHead>
              <TableHead>About</TableHead>
              <TableHead>Reason</TableHead>
              <TableHead>Attempts</TableHead>
              <TableHead>Failed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((job) => (
              <TableRow key={job.id}>
                <TableCell className="font-medium">{job.label}</TableCell>
                <TableCell>
                  {job.subjectId ? <code className="font-mono text-xs">{job.subjectId}</code> : "—"}
                </TableCell>
                <TableCell className="max-w-md whitespace-normal">{job.reason}</TableCell>
                <TableCell>{job.attempts}</TableCell>
                <TableCell>
                  <time dateTime={job.failedAt}>{formatDate(job.failedAt)}</time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
