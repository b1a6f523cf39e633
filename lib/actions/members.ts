"use server";

import { z } from "zod";

import { revalidateWorkspace, revalidateWorkspacePicker } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { leaveWorkspace } from "@/lib/server/members/leave-workspace";
import { removeMember } from "@/lib/server/members/remove-member";
import { setMemberActive } from "@/lib/server/members/set-member-active";
import { transferOwnership } from "@/lib/server/members/transfer-ownership";
import {
  changeMemberRoleSchema,
  invitationIdSchema,
  inviteMemberSchema,
  membershipIdSchema,
  setMemberActiveSchema,
} from "@/lib/validation/members";

export const inviteMemberAction = workspaceActionClient
  .metadata({ name: "member.invite", permission: "member.invite" })
  .inputSchema(inviteMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    const invitation = await createInvitation({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorRole: ctx.role,
      invitedById: ctx.user.id,
      email: parsedInput.email,
      role: parsedInput.role,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return {
      email: invitation.email,
      link: invitation.link,
      mailed: invitation.mailed,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });

export const revokeInvitationAction = workspaceActionClient
  .metadata({ name: "invitation.revoke", permission: "member.invite" })
  .inputSchema(invitationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeInvitation({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      ...parsedInput,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const changeMemberRoleAction = workspaceActionClient
  .metadata({ name: "member.changeRole", permission: "member.updateRole" })
  .inputSchema(changeMemberRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await changeMemberRole({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorRole: ctx.role,
      membershipId: parsedInput.membershipId,
      role: parsedInput.role,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const removeMemberAction = workspaceActionClient
  .metadata({ name: "member.remove", permission: "member.remove" })
  .inputSchema(membershipIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeMember({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorRole: ctx.role,
      actorUserId: ctx.user.id,
      membershipId: parsedInput.membershipId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const setMemberActiveAction = workspaceActionClient
  .metadata({ name: "member.setActive", permission: "member.deactivate" })
  .inputSchema(setMemberActiveSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setMemberActive({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorRole: ctx.role,
      actorUserId: ctx.user.id,
      membershipId: parsedInput.membershipId,
      active: parsedInput.active,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const transferOwnershipAction = workspaceActionClient
  .metadata({ name: "workspace.transferOwnership", permission: "workspace.transferOwnership" })
  .inputSchema(membershipIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await transferOwnership({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      actorUserId: ctx.user.id,
      membershipId: parsedInput.membershipId,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

// Any member may leave (the owner is refused by the service until ownership is transferred).
export const leaveWorkspaceAction = workspaceActionClient
  .metadata({ name: "member.leave", permission: "workspace.read" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const result = await leaveWorkspace({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.user.id,
    });
    revalidateWorkspacePicker();
    return result;
  });
