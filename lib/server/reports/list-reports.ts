import "server-only";

import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type ReportJobView, toReportJobView } from "@/lib/server/reports/report-view";
import { reportStorage } from "@/lib/storage/report-storage";
import { ObjectNotFoundError, type ObjectStorage } from "@/lib/storage/storage";

/** A workspace's reports, newest first. */
export async function listReports(workspaceId: string): Promise<ReportJobView[]> {
  const rows = await db.reportJob.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return rows.map(toReportJobView);
}

/** One report of the workspace; another workspace's id answers like a missing one. */
export async function getReport(input: {
  workspaceId: string;
  reportId: string;
}): Promise<ReportJobView> {
  const row = await db.reportJob.findFirst({
    where: { id: input.reportId, workspaceId: input.workspaceId },
  });
  if (!row) throw new NotFoundError("Report not found.");
  return toReportJobView(row);
}

/** The finished PDF as a download response (404 while it is not done, or for another workspace). */
export async function openReportDownload(input: {
  workspaceId: string;
  reportId: string;
  storage?: ObjectStorage;
}): Promise<Response> {
  const row = await db.reportJob.findFirst({
    where: { id: input.reportId, workspaceId: input.workspaceId, status: "DONE" },
  });
  if (!row?.storageKey) throw new NotFoundError("Report not found or not ready yet.");
  const storage = input.storage ?? reportStorage();
  let stream;
  try {
    stream = await storage.get(row.storageKey);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new NotFoundError("Report file not found.");
    throw error;
  }
  const day = row.createdAt.toISOString().slice(0, 10);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="security-report-${day}-${row.id}.pdf"`,
      ...(row.sizeBytes !== null ? { "content-length": String(row.sizeBytes) } : {}),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(row.sha256 ? { "x-checksum-sha256": row.sha256 } : {}),
    },
  });
}
