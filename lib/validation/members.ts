import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";
import { emailSchema, passwordSchema, personNameSchema } from "@/lib/validation/auth";

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });
/** Roles that can be granted by invitation, role change or token (ownership moves by transfer). */
export const ASSIGNABLE_ROLES = [
  "ADMIN",
  "EDITOR",
  "AUDITOR",
  "VIEWER",
] as const satisfies readonly (typeof ROLES)[number][];
export const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES, {
  error: "Choose a role other than owner (ownership is transferred separately).",
});

export const INVITATION_TTL_DAYS = 7;

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: assignableRoleSchema,
});

export const changeMemberRoleSchema = z.object({
  membershipId: z.string().min(1).max(64),
  role: assignableRoleSchema,
});

export const membershipIdSchema = z.object({ membershipId: z.string().min(1).max(64) });
export const setMemberActiveSchema = z.object({
  membershipId: z.string().min(1).max(64),
  active: z.boolean({ error: "Say whether the member is active." }),
});
export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });

/** The secret in an invitation link (/invite/[token]). */
const invitationTokenSchema = z.string().min(20).max(100);
export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });
/** Accepting as someone without an account: the account is created with the invited address. */
export const acceptInvitationWithSignUpSchema = acceptInvitationSchema.extend({
  name: personNameSchema,
  password: passwordSchema,
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
