/** The report job as the page and the API show it; plain data shared by server and client. */
export type ReportJobStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

export type ReportJobView = {
  id: string;
  status: ReportJobStatus;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
};

/** TanStack Query keys of the reports page (one factory, so invalidation hits the same key). */
export const reportQueryKeys = {
  list: (slug: string) => ["reports", slug, "list"] as const,
};
