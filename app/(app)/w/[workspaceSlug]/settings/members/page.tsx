import type { Metadata } from "next";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can, canAssignRole } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listPendingInvitations } from "@/lib/server/invitations/list-pending-invitations";
import { listMembers } from "@/lib/server/members/list-members";
import { ASSIGNABLE_ROLES } from "@/lib/validation/members";

import { InviteMemberForm } from "./invite-member-form";
import {
  ChangeRoleForm,
  LeaveWorkspaceButton,
  RemoveMemberButton,
  RevokeInvitationButton,
  SetMemberActiveButton,
  TransferOwnershipButton,
} from "./member-controls";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function MembersPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "member.read");
  const slug = auth.workspace.slug;
  const canInvite = can(auth.role, "member.invite");
  const [members, invitations] = await Promise.all([
    listMembers(auth.workspace.id),
    canInvite ? listPendingInvitations(auth.workspace.id) : Promise.resolve([]),
  ]);
  const grantable = ASSIGNABLE_ROLES.filter((role) => canAssignRole(auth.role, role));
  const isOwner = can(auth.role, "workspace.transferOwnership");

  return (
    <div className="grid gap-6">
      {canInvite ? (
        <Card>
          <CardHeader className="flex-col items-stretch">
            <CardTitle>Invite a member</CardTitle>
            <CardDescription>
              They receive a single-use link that expires after 7 days.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteMemberForm slug={slug} roles={grantable} />
          </CardContent>
        </Card>
      ) : null}

      <Table label="Members">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>E-mail</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((member) => {
            const self = member.user.id === auth.user.id;
            const label = member.user.name || member.user.email;
            const manageable =
              !self && member.role !== "OWNER" && canAssignRole(auth.role, member.role);
            return (
              <TableRow key={member.id}>
                <TableCell className="font-medium">
                  {label}
                  {self ? <span className="text-muted-foreground"> (you)</span> : null}
                  {!member.user.active || member.deactivatedAt ? (
                    <Badge variant="muted" className="ml-2">
                      Deactivated
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>{member.user.email}</TableCell>
                <TableCell>
                  {manageable && can(auth.role, "member.updateRole") ? (
                    <ChangeRoleForm
                      slug={slug}
                      membershipId={member.id}
                      label={label}
                      role={member.role}
                      roles={grantable}
                    />
                  ) : (
                    <Badge variant={member.role === "OWNER" ? "accent" : "secondary"}>
                      {roleLabel(member.role)}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  <div className="flex flex-wrap justify-end gap-1">
                    {isOwner && !self && !member.deactivatedAt ? (
                      <TransferOwnershipButton slug={slug} membershipId={member.id} label={label} />
                    ) : null}
                    {manageable && can(auth.role, "member.deactivate") ? (
                      <SetMemberActiveButton
                        slug={slug}
                        membershipId={member.id}
                        label={label}
                        active={Boolean(member.deactivatedAt)}
                      />
                    ) : null}
                    {manageable && can(auth.role, "member.remove") ? (
                      <RemoveMemberButton slug={slug} membershipId={member.id} label={label} />
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      {canInvite ? (
        <section aria-labelledby="pending-heading" className="grid gap-3">
          <h2 id="pending-heading" className="text-base font-semibold">
            Pending invitations
          </h2>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No pending invitations.</p>
          ) : (
            <ul className="divide-y rounded-xl border bg-card">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm"
                >
                  <span>
                    <span className="font-medium">{invitation.email}</span> as{" "}
                    {roleLabel(invitation.role)}, expires {invitation.expiresAt.toUTCString()}
                  </span>
                  <RevokeInvitationButton
                    slug={slug}
                    invitationId={invitation.id}
                    email={invitation.email}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="leave-heading" className="grid gap-2">
        <h2 id="leave-heading" className="text-base font-semibold">
          Leave this workspace
        </h2>
        {auth.role === "OWNER" ? (
          <p className="text-sm text-muted-foreground">
            You own this workspace. To leave it, first make another member the owner.
          </p>
        ) : (
          <div>
            <LeaveWorkspaceButton slug={slug} workspaceName={auth.workspace.name} />
          </div>
        )}
      </section>
    </div>
  );
}
