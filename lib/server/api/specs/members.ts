import { z } from "zod";

import { ROLES } from "@/lib/auth/permissions";
import { defineApiRoute } from "@/lib/server/api/spec";
import {
  assignableRoleSchema,
  inviteMemberSchema,
  setMemberActiveSchema,
} from "@/lib/validation/members";
import { idSchema } from "@/lib/validation/systems";

// Members and invitations. A token acts for the member who created it: it cannot remove or
// deactivate that member, and invitations it sends name that member as the inviter.

const MEMBERS = "Members";
const iso = z.string().describe("ISO 8601");
const membershipParams = z.object({ membershipId: idSchema });
const grantsRevoked = z
  .object({ tokens: z.number().int(), invitations: z.number().int() })
  .describe("the member's API tokens and invitations revoked because they outranked the change");

export const listMembersSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/members",
  tag: MEMBERS,
  summary: "List members",
  description: "Owner first, then by role and name; `membershipId` addresses the member below.",
  permission: "member.read",
  response: z.object({
    members: z.array(
      z.object({
        membershipId: z.string(),
        role: z.enum(ROLES),
        active: z.boolean().describe("false when deactivated in this workspace or as an account"),
        joinedAt: iso,
        user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
      }),
    ),
  }),
});

export const changeMemberRoleSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/members/{membershipId}",
  tag: MEMBERS,
  summary: "Change a member's role",
  description:
    "Any role but OWNER (ownership is transferred in the app by the owner). An ADMIN token cannot change the owner: 403.",
  permission: "member.updateRole",
  params: membershipParams,
  body: z.object({ role: assignableRoleSchema }),
  response: z.object({ changed: z.boolean(), revoked: grantsRevoked.optional() }),
});

export const setMemberActiveSpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/members/{membershipId}/active",
  tag: MEMBERS,
  summary: "Deactivate or reactivate a member",
  description:
    "`active: false` ends the member's sessions and revokes their tokens; their work stays. Not for the token's own creator.",
  permission: "member.deactivate",
  params: membershipParams,
  body: setMemberActiveSchema.omit({ membershipId: true }),
  response: z.object({
    changed: z.boolean(),
    revoked: grantsRevoked.nullable().optional(),
    endedSessions: z.number().int().nullable().optional(),
  }),
});

export const removeMemberSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/members/{membershipId}",
  tag: MEMBERS,
  summary: "Remove a member",
  description:
    "Their duties keep their history; their tokens are revoked. Not the owner, not the token's own creator.",
  permission: "member.remove",
  params: membershipParams,
  response: z.object({ removed: z.boolean(), revoked: grantsRevoked }),
});

export const listInvitationsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/invitations",
  tag: MEMBERS,
  summary: "List pending invitations",
  permission: "member.invite",
  response: z.object({
    invitations: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        role: z.enum(ROLES),
        expiresAt: iso,
        createdAt: iso,
      }),
    ),
  }),
});

export const inviteMemberSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/invitations",
  tag: MEMBERS,
  summary: "Invite someone by e-mail",
  description:
    "A single-use link valid for 7 days, e-mailed when the server can send mail (`mailed`) and returned either way. A newer invitation to the same address replaces the pending one; an address that is already a member is a 409.",
  permission: "member.invite",
  body: inviteMemberSchema,
  response: z.object({
    invitationId: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    link: z.string().describe("the acceptance link; it is the invitation's secret"),
    expiresAt: iso,
    mailed: z.boolean(),
  }),
  successStatus: 201,
});

export const revokeInvitationSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/invitations/{invitationId}",
  tag: MEMBERS,
  summary: "Revoke an invitation",
  description: "`revoked: false` when it was already accepted or revoked.",
  permission: "member.invite",
  params: z.object({ invitationId: idSchema }),
  response: z.object({ revoked: z.boolean() }),
});
