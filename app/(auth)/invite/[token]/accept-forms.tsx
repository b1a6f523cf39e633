"use client";

import { useAction } from "next-safe-action/hooks";

import { PasswordRules } from "@/components/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  acceptInvitationAction,
  acceptInvitationWithSignUpAction,
} from "@/lib/actions/invitations";
import { resultFormError } from "@/lib/actions/result";
import { useActionForm } from "@/lib/forms/use-action-form";
import { acceptInvitationWithSignUpSchema } from "@/lib/validation/members";

export function AcceptInvitationButton({ token, label }: { token: string; label: string }) {
  const { execute, result, isPending } = useAction(acceptInvitationAction);
  const formError = resultFormError(result);
  return (
    <div className="grid gap-3">
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <Button
        type="button"
        onClick={() => execute({ token })}
        disabled={isPending}
        className="w-full"
      >
        {isPending ? "Joining…" : label}
      </Button>
    </div>
  );
}

export function AcceptWithSignUpForm({ token, email }: { token: string; email: string }) {
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: acceptInvitationWithSignUpAction,
    schema: acceptInvitationWithSignUpSchema,
    defaultValues: { token, name: "", password: "" },
  });
  return (
    <form noValidate className="grid gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField
        id="invite-email"
        label="E-mail address"
        description="Invitations are tied to the invited address."
      >
        <Input value={email} readOnly />
      </FormField>
      <FormField id="name" label="Your name" error={fieldError("name")} required>
        <Input autoComplete="name" autoFocus {...form.register("name")} />
      </FormField>
      <FormField
        id="password"
        label="Choose a password"
        error={fieldError("password")}
        required
        description={<PasswordRules id="password-rules" />}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}
