import "server-only";

import { db } from "@/lib/db/client";
import { providerStatementSchema } from "@/lib/statements/format";

/**
 * What a share link shows: the latest published version's document and the visibility, nothing
 * else of the publishing workspace. Null (404) for an unknown or revoked link and for a statement
 * with no published version. Reached without a session: the token is the only key.
 */
export async function getPublicStatement(token: string) {
  // A token is 43 base64url characters; anything else cannot match and costs no query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.providerStatement.findFirst({
    where: { shareToken: token, revokedAt: null },
    select: {
      visibility: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { document: true } },
    },
  });
  const document = row?.versions[0]?.document;
  if (!row || !document) return null;
  return { visibility: row.visibility, document: providerStatementSchema.parse(document) };
}
