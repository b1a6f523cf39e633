import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { statementDraftSchema } from "@/lib/statements/format";

/** The workspace's statements, newest first, with their latest published version. */
export async function listProviderStatements({ workspaceId }: { workspaceId: string }) {
  const rows = await db.providerStatement.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      productName: true,
      providerName: true,
      visibility: true,
      shareToken: true,
      revokedAt: true,
      createdAt: true,
      versions: {
        where: { workspaceId },
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, publishedAt: true },
      },
    },
  });
  return rows.map(({ versions, ...row }) => ({ ...row, latest: versions[0] ?? null }));
}

/** One statement with its draft and every published version. */
export async function getProviderStatement({
  workspaceId,
  statementId,
}: {
  workspaceId: string;
  statementId: string;
}) {
  const row = await db.providerStatement.findFirst({
    where: { id: statementId, workspaceId },
    select: {
      id: true,
      productName: true,
      providerName: true,
      visibility: true,
      shareToken: true,
      revokedAt: true,
      draft: true,
      versions: {
        where: { workspaceId },
        orderBy: { version: "desc" },
        select: { version: true, publishedAt: true, documentHash: true },
      },
    },
  });
  if (!row) throw new NotFoundError("Statement not found.");
  return { ...row, draft: statementDraftSchema.parse(row.draft) };
}
