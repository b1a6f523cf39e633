"use client";

import { useState } from "react";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { inviteMemberAction } from "@/lib/actions/members";
import { useActionForm } from "@/lib/forms/use-action-form";
import { inviteMemberSchema } from "@/lib/validation/members";

export function InviteMemberForm({ slug, roles }: { slug: string; roles: readonly string[] }) {
  const [copied, setCopied] = useState(false);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: inviteMemberAction.bind(null, slug),
    schema: inviteMemberSchema,
    defaultValues: { email: "", role: "EDITOR" },
    actionProps: { onExecute: () => setCopied(false) },
  });
  const invitation = action.result.data;
  return (
    <div className="grid gap-4">
      <form
        noValidate
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
        onSubmit={onSubmit}
      >
        <FormField id="invite-email" label="E-mail address" error={fieldError("email")} required>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </FormField>
        <FormField id="invite-role" label="Role" error={fieldError("role")} required>
          <NativeSelect {...form.register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <Button type="submit" disabled={isPending} className="sm:mt-6">
          {isPending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {invitation ? (
        <Alert variant="success" live="polite" title={`Invitation created for ${invitation.email}`}>
          <p>
            {invitation.mailed
              ? "We e-mailed the link. You can also copy it:"
              : "E-mail is not configured, so send this link yourself:"}{" "}
            it works once and expires on {new Date(invitation.expiresAt).toUTCString()}.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="invitation-link" className="sr-only">
              Invitation link
            </label>
            <Input
              id="invitation-link"
              readOnly
              value={invitation.link}
              className="font-mono text-xs"
            />
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() =>
                void navigator.clipboard?.writeText(invitation.link).then(() => setCopied(true))
              }
            >
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
