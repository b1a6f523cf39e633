import "server-only";

import { db } from "@/lib/db/client";

// Returns human-readable lines describing what was done.
export async function runSeed(): Promise<string[]> {
  const report: string[] = [];
  const workspaces = await db.workspace.count();
  report.push(`database reachable; ${workspaces} workspace(s) present`);
  return report;
}
