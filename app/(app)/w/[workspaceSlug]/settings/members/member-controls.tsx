"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import {
  changeMemberRoleAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInvitationAction,
  setMemberActiveAction,
  transferOwnershipAction,
} from "@/lib/actions/members";
import { resultFormError } from "@/lib/actions/result";
import { useActionForm } from "@/lib/forms/use-action-form";
import { type AssignableRole, changeMemberRoleSchema } from "@/lib/validation/members";

type MemberRef = { slug: string; membershipId: string; label: string };

export function ChangeRoleForm({
  slug,
  membershipId,
  label,
  role,
  roles,
}: MemberRef & { role: string; roles: readonly string[] }) {
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: changeMemberRoleAction.bind(null, slug),
    schema: changeMemberRoleSchema,
    defaultValues: { membershipId, role: role as AssignableRole },
  });
  const id = `role-${membershipId}`;
  const error = fieldError("role") ?? formError;
  return (
    <form className="flex flex-wrap items-center gap-2" noValidate onSubmit={onSubmit}>
      <label htmlFor={id} className="sr-only">
        Role of {label}
      </label>
      <NativeSelect
        id={id}
        wrapperClassName="w-36"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register("role")}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {roleLabel(option)}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" variant="outline" size="sm" disabled={isPending}>
        {isPending ? "Saving…" : "Save role"}
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveMemberButton({ slug, membershipId, label }: MemberRef) {
  const { executeAsync } = useAction(removeMemberAction.bind(null, slug));
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          Remove<span className="sr-only"> {label}</span>
        </Button>
      }
      title={`Remove ${label}?`}
      description="They lose access to this workspace immediately. Their past changes stay in the audit log."
      confirmLabel="Remove member"
      run={() => executeAsync({ membershipId })}
    />
  );
}

export function SetMemberActiveButton({
  slug,
  membershipId,
  label,
  active,
}: MemberRef & { active: boolean }) {
  const { executeAsync } = useAction(setMemberActiveAction.bind(null, slug));
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm" className={active ? undefined : "text-destructive"}>
          {active ? "Reactivate" : "Deactivate"}
          <span className="sr-only"> {label}</span>
        </Button>
      }
      title={active ? `Reactivate ${label}?` : `Deactivate ${label}?`}
      description={
        active
          ? "They regain access to this workspace with their current role. API tokens revoked at deactivation stay revoked."
          : "They lose access to this workspace at once, their API tokens and pending invitations here are revoked, and if this is their only workspace they are signed out everywhere. Their work and history stay."
      }
      confirmLabel={active ? "Reactivate member" : "Deactivate member"}
      destructive={!active}
      run={() => executeAsync({ membershipId, active })}
    />
  );
}

export function TransferOwnershipButton({ slug, membershipId, label }: MemberRef) {
  const { executeAsync } = useAction(transferOwnershipAction.bind(null, slug));
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm">
          Make owner<span className="sr-only"> ({label})</span>
        </Button>
      }
      title={`Transfer ownership to ${label}?`}
      description="They become the owner of this workspace and you become an admin. Only the new owner can undo this."
      confirmLabel="Transfer ownership"
      run={() => executeAsync({ membershipId })}
    />
  );
}

export function RevokeInvitationButton({
  slug,
  invitationId,
  email,
}: {
  slug: string;
  invitationId: string;
  email: string;
}) {
  const { executeAsync } = useAction(revokeInvitationAction.bind(null, slug));
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          Revoke<span className="sr-only"> invitation for {email}</span>
        </Button>
      }
      title={`Revoke the invitation for ${email}?`}
      description="The link stops working. You can invite the address again later."
      confirmLabel="Revoke invitation"
      run={() => executeAsync({ invitationId })}
    />
  );
}

export function LeaveWorkspaceButton({
  slug,
  workspaceName,
}: {
  slug: string;
  workspaceName: string;
}) {
  const router = useRouter();
  const { executeAsync, result } = useAction(leaveWorkspaceAction.bind(null, slug), {
    onSuccess: () => router.push("/w"),
  });
  const formError = resultFormError(result);
  return (
    <div className="grid gap-2">
      <ConfirmDialog
        trigger={<Button variant="outline">Leave workspace</Button>}
        title={`Leave ${workspaceName}?`}
        description="You lose access immediately. To come back, an admin must invite you again."
        confirmLabel="Leave workspace"
        onConfirm={() => executeAsync({})}
      />
      {formError ? <Alert variant="error">{formError}</Alert> : null}
    </div>
  );
}
