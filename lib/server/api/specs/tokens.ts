import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";
import { defineApiRoute } from "@/lib/server/api/spec";
import { idSchema } from "@/lib/validation/systems";

// Tokens are listed and revoked here; creating one stays in the app (see docs/api.md): a secret
// that can mint secrets would let a leaked token outlive its own revocation.

const TAG = "API tokens";
const isoOrNull = z.string().nullable().describe("ISO 8601");

export const listTokensSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/tokens",
  tag: TAG,
  summary: "List API tokens",
  description: "Metadata only (never a secret or its hash), newest first.",
  permission: "token.read",
  response: z.object({
    tokens: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        role: z.enum(ROLES),
        expiresAt: isoOrNull,
        lastUsedAt: isoOrNull,
        revokedAt: isoOrNull,
        createdAt: z.string().describe("ISO 8601"),
      }),
    ),
  }),
});

export const revokeTokenSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/tokens/{tokenId}",
  tag: TAG,
  summary: "Revoke an API token",
  description:
    "Takes effect on the token's next request (a token may revoke itself). `revoked: false` when it was revoked already.",
  permission: "token.revoke",
  params: z.object({ tokenId: idSchema }),
  response: z.object({ revoked: z.boolean() }),
});
