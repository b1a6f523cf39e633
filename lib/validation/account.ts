import { z } from "zod";

import { PASSWORD_MAX_LENGTH, passwordSchema } from "@/lib/validation/auth";

// The account page: password change and the user's own sessions.

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(PASSWORD_MAX_LENGTH * 4),
  newPassword: passwordSchema,
});

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(64) });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
