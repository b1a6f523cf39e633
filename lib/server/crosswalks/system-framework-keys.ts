import "server-only";

import { db } from "@/lib/db/client";

/** System id → key of the framework it is assessed against, for one workspace. */
export async function systemFrameworkKeys(workspaceId: string): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ id: string; key: string }[]>`
    SELECT s.id, f.key FROM "AiSystem" s
    JOIN "FrameworkVersion" fv ON fv.id = s."frameworkVersionId"
    JOIN "Framework" f ON f.id = fv."frameworkId"
    WHERE s."workspaceId" = ${workspaceId}`;
  return new Map(rows.map((row) => [row.id, row.key]));
}
