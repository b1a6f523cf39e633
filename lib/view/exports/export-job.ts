import type { BundleScope } from "@/lib/export-bundle/manifest";
import type { ExportStatus } from "@/lib/generated/prisma/enums";

/**
 * An export job as the page, the status route and the API show it; plain data shared by server
 * and client. `state` adds EXPIRED (a done job past its retention; the purge job deletes the
 * bundle shortly after) to the stored status, and the file path never leaves the server.
 */
export type ExportJobView = {
  id: string;
  status: ExportStatus;
  state: ExportStatus | "EXPIRED";
  progress: number;
  scope: BundleScope;
  requestedBy: string;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
  downloadable: boolean;
};

/** What the export form's scope pickers offer: the workspace's systems and their domains. */
export type ExportChoices = {
  systems: { id: string; name: string; archived: boolean }[];
  domains: { key: string; name: string }[];
};
