import { z } from "zod";

import { assignableRoleSchema } from "@/lib/validation/members";

export const TOKEN_EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;

export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(2, { error: "Use at least 2 characters." })
    .max(80, { error: "Use at most 80 characters." }),
  role: assignableRoleSchema,
  expiresInDays: z.enum(TOKEN_EXPIRY_CHOICES, { error: "Choose an expiry." }).default("90"),
});

export const tokenIdSchema = z.object({ tokenId: z.string().min(1).max(64) });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
